import BigNumerics
import Testing

/// Every conversion into `BigFloat` is one correct rounding in *each* of the five modes, not only
/// to nearest: for an exact value q that the precision cannot hold, `.down` and `.up` are the two
/// neighbours bracketing q (adjacent: up = down.nextUp), `.towardZero` / `.awayFromZero` pick the
/// one on q's side of zero, and `.toNearest` the closer one. Decided from exact rationals only.
@Suite("Conversions round in every mode")
struct ConversionRoundingTests {
    /// Values no precision below ~100 bits holds exactly, of both signs and several magnitudes.
    static let values: [BigRational] = {
        let texts = ["1/3", "-1/3", "22/7", "-355/113", "1e-30", "-7.000000000000000000001e40", "123456789012345678901234567/5"]
        return texts.map { (try? BigRational(parsing: $0)) ?? 0 }
    }()
    static let precisions = [2, 3, 10, 24, 53, 80]

    /// Checks the five roundings `convert(mode)` of the exact value `q` at `precision` bits.
    func expectRoundings(of q: BigRational, precision: Int, _ what: String,
                         _ convert: (BigFloat.Rounding) throws -> BigFloat) throws {
        let down = try convert(.down), up = try convert(.up)
        let lo = try down.exactRational(), hi = try up.exactRational()
        #expect(down.precision == precision && up.precision == precision, "\(what): precision")
        #expect(lo < q && q < hi, "\(what) of \(q) at \(precision) bits: \(lo) ≮ q ≮ \(hi)")
        #expect(down.nextUp == up, "\(what) of \(q) at \(precision) bits: .down and .up are not neighbours")
        #expect(try convert(.towardZero) == (q.signum > 0 ? down : up), "\(what) of \(q): towardZero")
        #expect(try convert(.awayFromZero) == (q.signum > 0 ? up : down), "\(what) of \(q): awayFromZero")
        let nearest = (q - lo) < (hi - q) ? down : up          // no exact ties among these values
        #expect(try convert(.toNearest) == nearest, "\(what) of \(q) at \(precision) bits: toNearest")
    }

    @Test("BigRational → BigFloat and decimal parsing, at the scope's rounding")
    func rationals() throws {
        for q in Self.values {
            for p in Self.precisions {
                try expectRoundings(of: q, precision: p, "BigFloat(BigRational)") { mode in
                    try BigFloat.withPrecision(p, rounding: mode) { BigFloat(q) }
                }
                try expectRoundings(of: q, precision: p, "BigFloat(parsing:)") { mode in
                    try BigFloat.withPrecision(p, rounding: mode) { try BigFloat(parsing: q.description) }
                }
            }
        }
    }

    @Test("BigFloat re-rounded to fewer bits, by the rounding argument")
    func reRounding() throws {
        for q in Self.values {
            let wide = try BigFloat.withPrecision(400) { BigFloat(q) }
            let exact = try wide.exactRational()            // the value being re-rounded
            for p in Self.precisions {
                try expectRoundings(of: exact, precision: p, "BigFloat(_:precision:rounding:)") { mode in
                    try BigFloat(wide, precision: p, rounding: mode)
                }
                try expectRoundings(of: exact, precision: p, "BigFloat.rounded") { mode in
                    let r = try BigFloat.rounded(wide, precision: p, rounding: mode)
                    let sign = r.ternary > 0 ? 1 : r.ternary < 0 ? -1 : 0
                    #expect(sign == (try r.value.exactRational() > exact ? 1 : -1), "ternary of \(mode)")
                    return r.value
                }
            }
        }
    }

    @Test("BigInt, Double and Int → BigFloat, at the scope's rounding")
    func integersAndDoubles() throws {
        let big = try BigInt(parsing: "-12345678901234567890123456789")
        let double = 0.1                                  // 53 significant bits: inexact below 53
        let int = Int.max - 12345                         // 63 significant bits
        for p in [2, 10, 24, 40] {
            try expectRoundings(of: BigRational(big), precision: p, "BigFloat(BigInt)") { mode in
                try BigFloat.withPrecision(p, rounding: mode) { BigFloat(big) }
            }
            try expectRoundings(of: try BigRational(exactly: double), precision: p, "BigFloat(Double)") { mode in
                try BigFloat.withPrecision(p, rounding: mode) { BigFloat(double) }
            }
            try expectRoundings(of: BigRational(int), precision: p, "BigFloat(Int)") { mode in
                try BigFloat.withPrecision(p, rounding: mode) { BigFloat(int) }
            }
        }
    }

    @Test("an enclosure that straddles a decimal boundary decides no rounding")
    func straddlingEnclosure() throws {
        // [0.149, 0.151]: one end rounds to 1e-1, the other to 2e-1 at one digit; both to 1.5e-1 at two.
        let i = try BigFloat.withPrecision(200) { try BigInterval(lower: BigRational(parsing: "0.149"), upper: BigRational(parsing: "0.151")) }
        #expect(try i.correctlyRounded(significantDigits: 1) == nil)
        #expect(try i.correctlyRounded(significantDigits: 2) == "1.5e-1")
        let j = try BigFloat.withPrecision(200) { try BigInterval(lower: BigRational(parsing: "-0.151"), upper: BigRational(parsing: "-0.149")) }
        #expect(try j.correctlyRounded(significantDigits: 1) == nil)
    }
}
