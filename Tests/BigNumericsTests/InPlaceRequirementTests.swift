import BigNumerics
import PropertyBased
import RealModule
import Testing

/// The in-place requirements of `RationalField`: BigFloat's fast paths give the operator's value
/// bit for bit (integer operands, aliasing, precisions 2 to 2048 bits, every rounding), the other
/// types' defaults are the operators, and the comparison used can see a wrong rounding.
@Suite("RationalField in-place steps equal the operators")
struct InPlaceRequirementTests {
    /// Same value, same sign (of zero), same precision; NaN matches NaN.
    static func same(_ a: BigFloat, _ b: BigFloat) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN && a.precision == b.precision }
        return a == b && a.sign == b.sign && a.precision == b.precision
    }

    /// Every in-place step through the protocol (generic code, so BigFloat's witnesses run), each
    /// result beside its operator expression.
    static func steps<F: RationalField>(_ a: F, _ b: F, _ n: Int) -> [(inPlace: F, operator: F)] {
        let c = F.evaluationContext
        var out: [(F, F)] = []
        func record(_ start: F, _ step: (inout F) -> Void, _ expected: F) {
            var x = start
            step(&x)
            out.append((x, expected))
        }
        let i = F.integer(n)
        for start in [a, b, F.integer(3), a * b] {
            record(start, { $0.formSum(a, b, context: c) }, a + b)
            record(start, { $0.formDifference(a, b, context: c) }, a - b)
            record(start, { $0.formProduct(a, b, context: c) }, a * b)
            record(start, { $0.formQuotient(a, b, context: c) }, a / b)
            record(start, { $0.formSum(a, n, context: c) }, a + i)
            record(start, { $0.formDifference(a, n, context: c) }, a - i)
            record(start, { $0.formDifference(n, a, context: c) }, i - a)
            record(start, { $0.formProduct(a, n, context: c) }, a * i)
            record(start, { $0.formQuotient(a, n, context: c) }, a / i)
            record(start, { $0.formQuotient(n, a, context: c) }, i / a)
            // x is `start` itself below: a fresh product, so its storage is uniquely held
            var x = start * b
            let y = x
            x.add(a, context: c); out.append((x, y + a))
            x.subtract(b, context: c); out.append((x, y + a - b))
            x.multiply(by: a, context: c); out.append((x, (y + a - b) * a))
            x.divide(by: b, context: c); out.append((x, (y + a - b) * a / b))
            x.divideInto(a, context: c); out.append((x, a / ((y + a - b) * a / b)))
            let z = x
            x.add(n, context: c); x.subtract(2 * n, context: c); x.multiply(by: n, context: c); x.divide(by: 7, context: c)
            out.append((x, (z + i - F.integer(2 * n)) * i / F.integer(7)))
            out.append((y, start * b))   // the copy taken before the updates kept its value
        }
        return out
    }

    @Test("BigFloat: fast paths against operators, integer operands and precisions 2 … 2048",
          arguments: BigFloat.Rounding.allCases)
    func bigFloatStepsEqualOperators(_ rounding: BigFloat.Rounding) throws {
        try forAll(seed: 57, count: 60, zip(Gen.int(in: -40...40), Gen.int(in: -40...40), Gen.int(in: -9...9), Gen.int(in: 0...5))) {
            (m: Int, k: Int, n: Int, p: Int) in
            for bits in [2, 53, [3, 17, 64, 255, 256, 2048][p], 2048] {
                try BigFloat.withPrecision(bits, rounding: rounding) {
                    // integer operands (unmaterialised while exact; m + k can be 0: signs of zero)
                    // and proper fractions
                    for (a, b) in [(BigFloat(m), BigFloat(k)), (BigFloat(m) / 7, BigFloat(k) / 3 - 1), (BigFloat(m), BigFloat(-m))] {
                        for (got, want) in InPlaceRequirementTests.steps(a, b, n) {
                            #expect(InPlaceRequirementTests.same(got, want), "\(got) vs \(want) at \(bits) bits, \(rounding), m \(m) k \(k) n \(n)")
                        }
                        var x = a
                        x.formPower(a, n, context: BigFloat.evaluationContext)
                        #expect(InPlaceRequirementTests.same(x, BigFloat.pow(a, n)))
                        x.raise(toPower: 3, context: BigFloat.evaluationContext)
                        #expect(InPlaceRequirementTests.same(x, BigFloat.pow(BigFloat.pow(a, n), 3)))
                    }
                }
            }
        }
    }

    @Test("BigFloat: a destination that is also an operand (x.formProduct(x, x))")
    func aliasing() throws {
        for bits in [2, 53, 256, 2048] {
            try BigFloat.withPrecision(bits) {
                let c = BigFloat.currentContext
                let a = BigFloat(5) / 3
                var x = a + 0   // a fresh, uniquely held value
                let before = x
                x.formProduct(x, x, context: c); #expect(Self.same(x, a * a))
                x.formSum(x, x, context: c); #expect(Self.same(x, a * a + a * a))
                x.formQuotient(x, x, context: c); #expect(Self.same(x, BigFloat(1)))
                var y = a * 7
                y.add(y, context: c); #expect(Self.same(y, a * 7 + a * 7))
                y.divideInto(y, context: c); #expect(Self.same(y, BigFloat(1)))
                var z = a * 3
                z.formPower(z, 5, context: c); #expect(Self.same(z, BigFloat.pow(a * 3, 5)))
                #expect(Self.same(before, a + 0))   // the copy taken earlier is untouched
            }
        }
    }

    @Test("Double, BigRational, BigInterval: the default steps are the operators")
    func defaultsAreOperators() throws {
        for (m, k, n) in [(3, 7, 2), (-5, 11, -3), (13, -2, 5), (1, 1, 4)] {   // no zero divisor: BigRational traps on one
            for (got, want) in Self.steps(Double(m) / 3, Double(k) / 5, n) {
                #expect(got.bitPattern == want.bitPattern || (got.isNaN && want.isNaN))
            }
            for (got, want) in Self.steps(BigRational(m) / 3, BigRational(k) / 5, n) {
                #expect(got == want)
            }
            try BigFloat.withPrecision(90) {
                for (got, want) in Self.steps(BigInterval(BigRational(m) / 3), BigInterval(BigRational(k) / 5), n) {
                    #expect(Self.same(got.lower, want.lower) && Self.same(got.upper, want.upper))
                }
            }
        }
        // formPower's default is repeated squaring, as the closed forms' x^n always was
        var x = 0.0
        x.formPower(1.1, 13, context: ())
        var expected = 1.0, base = 1.1, e = 13
        while e > 0 { if e & 1 == 1 { expected *= base }; e >>= 1; if e > 0 { base *= base } }
        #expect(x.bitPattern == expected.bitPattern)
    }

    /// The comparison above is not blind: the same step with the context of another rounding, or one bit more or less
    /// precision, is told apart from the operator on most inputs.
    @Test("a fast path that rounded differently would be detected")
    func wrongRoundingIsDetected() throws {
        for bits in [2, 53, 256, 2048] {
            let up = try BigFloat.withPrecision(bits, rounding: .up) { BigFloat.currentContext }
            let otherPrecision = try BigFloat.withPrecision(bits == 2 ? 3 : bits - 1) { BigFloat.currentContext }
            try BigFloat.withPrecision(bits) {
                var differsUp = 0, differsInPrecision = 0, right = 0
                for m in 1...40 {
                    let a = BigFloat(m) / 7, b = BigFloat(m + 2) / 11
                    var x = a + 0
                    x.formProduct(a, b, context: up)
                    if !Self.same(x, a * b) { differsUp += 1 }
                    x.formProduct(a, b, context: otherPrecision)
                    if !Self.same(x, a * b) { differsInPrecision += 1 }
                    x.formProduct(a, b, context: BigFloat.currentContext)
                    if Self.same(x, a * b) { right += 1 }
                }
                #expect(right == 40)
                #expect(differsUp >= 4, "\(bits) bits: only \(differsUp) of 40 products differ when rounded up")
                #expect(differsInPrecision == 40)
            }
        }
    }
}
