import BigNumerics
import PropertyBased
import Testing

/// The in-place forms (`formProduct`-style, hoisted context) give the plain operation's result bit
/// for bit, and never write a storage another value shares.
@Suite("In-place forms equal the plain operations")
struct InPlaceFormTests {
    /// Same value, same sign (of zero), same precision; NaN matches NaN.
    func same(_ a: BigFloat, _ b: BigFloat) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN && a.precision == b.precision }
        return a == b && a.sign == b.sign && a.precision == b.precision
    }

    @Test("every form against its operator", arguments: BigFloat.Rounding.allCases)
    func formsEqualOperators(_ rounding: BigFloat.Rounding) throws {
        try forAll(seed: 31, count: 200, zip(Gen.int(in: -1_000_000...1_000_000), Gen.int(in: -30...30), Gen.int(in: 2...600))) {
            (m: Int, n: Int, bits: Int) in
            try BigFloat.withPrecision(bits, rounding: rounding) {
                let a = BigFloat(m) / 7 + 1, b = BigFloat(m + 3) / 13 - BigFloat(1) / 3
                let c = BigFloat.currentContext
                // a destination that is uniquely referenced at the working precision (reused), one of
                // another precision, and one that shares storage with a live value (must not be written)
                var fresh = BigFloat(1) / 3
                let other = try BigFloat(BigFloat(1) / 3, precision: bits + 17)
                for start in [fresh, other] {
                    var x = start
                    x.formSum(a, b); #expect(same(x, a + b))
                    x.formDifference(a, b); #expect(same(x, a - b))
                    x.formProduct(a, b, context: c); #expect(same(x, a * b))
                    x.formQuotient(a, b); #expect(same(x, a / b))
                    x.formSum(a, n); #expect(same(x, a + n))
                    x.formDifference(a, n); #expect(same(x, a - n))
                    x.formDifference(n, a); #expect(same(x, n - a))
                    x.formProduct(a, n); #expect(same(x, a * n))
                    x.formQuotient(a, n); #expect(same(x, a / BigFloat(n)))
                    x.formQuotient(n, a); #expect(same(x, BigFloat(n) / a))
                    x.formPower(a, n); #expect(same(x, BigFloat.pow(a, n)))
                    x.formInteger(m); #expect(same(x, BigFloat(BigInt(m))))
                    var y = start
                    y.formSum(a, b); y.add(b, context: c); #expect(same(y, a + b + b))
                    y.subtract(a, context: c); #expect(same(y, a + b + b - a))
                    y.multiply(by: b, context: c); #expect(same(y, (a + b + b - a) * b))
                    y.divide(by: a, context: c); #expect(same(y, (a + b + b - a) * b / a))
                    y.add(n, context: c); y.subtract(2 * n, context: c); y.multiply(by: n, context: c); y.divide(by: 3, context: c)
                    #expect(same(y, ((a + b + b - a) * b / a + n - 2 * n) * n / 3))
                    y.raise(toPower: 3, context: c); y.divideInto(a, context: c)
                    #expect(same(y, a / BigFloat.pow(((a + b + b - a) * b / a + n - 2 * n) * n / 3, 3)))
                }
                // shared storage: the other holder keeps its value
                let keep = fresh
                fresh.formProduct(a, b)
                #expect(same(keep, BigFloat(1) / 3) && same(fresh, a * b))
                var z = fresh
                let alias = z
                z.multiply(by: a, context: c)
                #expect(same(alias, a * b) && same(z, a * b * a))
            }
        }
    }

    /// A hoisted context decides precision and rounding, whatever scope the form runs in.
    @Test func hoistedContextIsTheOneUsed() throws {
        let c = try BigFloat.withPrecision(40, rounding: .up) { BigFloat.currentContext }
        try BigFloat.withPrecision(300) {
            var x = BigFloat(0)
            x.formQuotient(BigFloat(1), 3, context: c)
            let expected = try BigFloat.withPrecision(40, rounding: .up) { BigFloat(1) / 3 }
            #expect(x.precision == 40 && same(x, expected))
        }
    }
}
