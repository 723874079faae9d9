import BigNumerics
import RealModule
import Testing

/// A closed form written once, generic over `Real`: it must run unchanged on Double and BigFloat.
func collectiveAdvantage<T: Real>(n: Int, x: T) -> T {
    let nn = T(n * n)
    return 2 * nn * T.cosh(T(n) * x) / T.pow(2 * T.cosh(x), n)
}

@Suite("BigFloat semantics")
struct BigFloatSemanticsTests {
    @Test("== and hash agree across precisions; ±0 alike")
    func equalityAcrossPrecisions() throws {
        let a = try BigFloat.withPrecision(53) { BigFloat(3) / 4 }
        let b = try BigFloat.withPrecision(4096) { BigFloat(3) / 4 }
        #expect(a == b && a.hashValue == b.hashValue && a.precision != b.precision)
        let third53 = try BigFloat.withPrecision(53) { BigFloat(1) / 3 }
        let third54 = try BigFloat.withPrecision(54) { BigFloat(1) / 3 }
        #expect(third53 != third54)
        let z = BigFloat(0), nz = -z
        #expect(z == nz && z.hashValue == nz.hashValue && nz.sign == .minus)
        let nan = BigFloat.nan
        let alsoNaN = BigFloat(0) / BigFloat(0)
        #expect(!nan.isEqual(to: nan) && !nan.isEqual(to: alsoNaN) && alsoNaN.isNaN)
        #expect(Set([a, b, BigFloat(3) / 4]).count == 1)
    }

    @Test("aliasing: x = x * x and in-place updates never disturb copies")
    func aliasing() throws {
        try BigFloat.withPrecision(128) {
            var x = BigFloat(3)
            let copy = x
            x = x * x
            #expect(x == 9 && copy == 3)
            var y = BigFloat(5)
            let shared = y
            y += y                      // shared storage: must not mutate `shared`
            #expect(y == 10 && shared == 5)
            var unique = BigFloat(7)
            unique *= unique            // unique storage: in place
            #expect(unique == 49)
        }
    }

    @Test("swift-numerics semantics: powr, pow(x, n), root, logGamma, exp10")
    func numericsSemantics() throws {
        #expect(BigFloat.pow(-8, BigFloat(1) / 3).isNaN)         // powr: NaN for x < 0
        #expect(BigFloat.pow(0, BigFloat(0)).isNaN)              // powr: 0^0 is NaN
        #expect(BigFloat.pow(BigFloat(0), 0) == 1)               // pow(x, n): repeated multiplication
        #expect(BigFloat.pow(BigFloat(-2), 3) == -8)
        #expect(BigFloat.root(-8, 3) == -2 && BigFloat.root(-16, 4).isNaN)
        #expect(BigFloat.exp10(3) == 1000)
        // log|Γ(−1/2)| = log(2√π): defined although Γ(−1/2) < 0 (mpfr_lngamma would give NaN).
        try BigFloat.withPrecision(300) {
            let lg = BigFloat.logGamma(BigFloat(-1) / 2)
            let expected = BigFloat.log(2 * BigFloat.sqrt(BigFloat.pi))
            #expect((lg - expected).magnitude <= 4 * expected.ulp)
            #expect(BigFloat.signGamma(BigFloat(-1) / 2) == .minus && BigFloat.signGamma(BigFloat(-3) / 2) == .plus)
        }
        #expect(Double.signGamma(-0.5) == BigFloat.signGamma(BigFloat(-1) / 2))
    }

    @Test("FloatingPoint anatomy matches Double's conventions")
    func anatomy() throws {
        try BigFloat.withPrecision(53) {
            for d in [1.0, 0.75, -3.5, 1e-300, 6.02e23, 0x1p-1022] {
                let x = BigFloat(d)
                #expect(x.exponent == d.exponent)
                #expect(x.significand.doubleValue == d.significand)
                #expect(x.ulp.doubleValue == d.ulp)
                #expect(x.nextUp.doubleValue == d.nextUp)
                #expect(x.rounded(.toNearestOrAwayFromZero).doubleValue == d.rounded(.toNearestOrAwayFromZero))
                #expect(BigFloat(sign: x.sign, exponent: x.exponent, significand: x.significand) == x)
            }
            #expect(BigFloat(5).truncatingRemainder(dividingBy: 3) == 2)
            #expect(BigFloat(5).remainder(dividingBy: 3) == -1)
            #expect(BigFloat.leastNonzeroMagnitude > 0 && !BigFloat.leastNonzeroMagnitude.isSubnormal)
            #expect(BigFloat.greatestFiniteMagnitude.isFinite && BigFloat.greatestFiniteMagnitude.nextUp.isInfinite)
            #expect(BigFloat(2).reciprocal == BigFloat(1) / 2 && BigFloat(3).reciprocal == nil)
        }
    }

    @Test("one generic formula, Double and BigFloat agree", arguments: [1, 2, 5, 16])
    func genericFormula(_ n: Int) throws {
        let d = collectiveAdvantage(n: n, x: 0.7)
        let big = try BigFloat.withPrecision(200) { collectiveAdvantage(n: n, x: BigFloat(0.7)) }
        // Double evaluates ~6 roundings and a power: a few ulps of relative error.
        #expect(d.isApproximatelyEqual(to: big.doubleValue))
        #expect(big.precision == 200)
    }

    @Test("correctly rounded decimal output and exact input")
    func decimalIO() throws {
        try BigFloat.withPrecision(100) { () throws in
            #expect(try (BigFloat(2) / 3).formatted(significantDigits: 10) == "6.666666667e-1")
            #expect(try (BigFloat(2) / 3).formatted(significantDigits: 10, rounding: .towardZero) == "6.666666666e-1")
            #expect(try BigFloat(0).formatted(significantDigits: 3) == "0.00e0")
            #expect(try BigFloat(parsing: "0.1") == BigFloat(BigRational(1) / 10))
            #expect(try BigFloat(parsing: "1/3") == BigFloat(1) / 3)
        }
        let x = try BigFloat.withPrecision(77) { BigFloat(1) / 7 }
        #expect(try BigFloat.withPrecision(77) { try BigFloat(parsing: x.description) } == x)
    }

    @Test("integer literals and conversions at the working precision")
    func literals() throws {
        let big: BigFloat = 123456789012345678901234567890
        #expect(big.exactInteger == (try BigInt(parsing: "123456789012345678901234567890")))
        let rounded = try BigFloat.withPrecision(10) { BigFloat(1025) }
        #expect(rounded == 1024 && rounded.precision == 10)
        #expect(BigFloat(exactly: 1025) != nil)
        #expect(try BigFloat.withPrecision(10) { BigFloat(exactly: 1025) } == nil)
        #expect(try BigFloat(parsing: "-2.5").exactRational() == BigRational(-5) / 2)
    }

    @Test("intervals enclose and decide rounding")
    func intervals() throws {
        try BigFloat.withPrecision(128) {
            let third = BigInterval(BigRational(1) / 3)
            #expect(third.contains(BigRational(1) / 3) && !third.contains(BigRational(1) / 3 + BigRational(1) / BigRational(BigInt(10).power(30))))
            let y = BigInterval.exp(BigInterval(-2)) * 3
            #expect(y.contains(BigFloat.exp(-2) * 3))
            let sq = BigInterval.pow(try BigInterval(lower: BigRational(-1), upper: 2), 2)
            #expect(sq.lower == 0 && sq.upper == 4)
            #expect(try BigInterval.pi.correctlyRounded(significantDigits: 20) == "3.1415926535897932385e0")
        }
    }
}
