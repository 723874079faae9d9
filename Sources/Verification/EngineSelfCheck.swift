import BigNumerics
import CGMPFR

/// A quick end-to-end check of the engine, run by `qbattery selfcheck` (and `make reproduce`):
/// known digits, correct rounding, exact identities. Each line says what was compared.
public enum EngineSelfCheck {
    public struct Report: Sendable {
        public var lines: [String] = []
        public var passed = 0
        public var failed = 0

        mutating func check(_ name: String, _ ok: Bool, _ detail: String) {
            lines.append("\(ok ? "PASS" : "FAIL")  \(name): \(detail)")
            if ok { passed += 1 } else { failed += 1 }
        }
    }

    /// π to 100 significant digits (OEIS A000796), the value every precision must round from.
    static let piDigits = "3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068"

    public static func run() -> Report {
        var report = Report()
        report.lines.append("GMP \(String(cString: __gmp_version)), MPFR \(String(cString: mpfr_get_version()))")
        do {
            let pi = try BigFloat.withPrecision(400) { try BigFloat.pi.formatted(significantDigits: 100) }
            let expected = piDigits.prefix(101) + "e0"
            report.check("pi, 100 digits at 400 bits", pi == expected, pi)

            let roundTrip = try BigFloat.withPrecision(3400) { () -> Bool in
                let two = BigFloat(2)
                return BigFloat.exp(BigFloat.log(two)) - two == 0 || (BigFloat.exp(BigFloat.log(two)) - two).magnitude < BigFloat(1).scaled(byPowerOfTwo: -3390)
            }
            report.check("exp(log 2) = 2 at 3400 bits (~1000 digits)", roundTrip, "within 2^-3390")

            let q = try BigRational(parsing: "0.1") + BigRational(parsing: "1/5")
            report.check("0.1 + 1/5 exactly", q == (try BigRational(parsing: "3/10")), q.description)

            let x = RationalFunction.x
            let lhs = (x * x - 1) / (x - 1)
            let limit = try lhs.limit(at: 1)
            report.check("(x^2-1)/(x-1) normalises to x+1; limit at 1", lhs == x + 1 && limit == 2, "\(lhs), limit \(limit)")

            let third = try BigFloat.withPrecision(53) { BigFloat(BigRational(1) / 3).doubleValue }
            report.check("1/3 rounded to Double", third == 1.0 / 3.0, "\(third)")

            let enclosure = try BigFloat.withPrecision(200) { BigInterval.exp(BigInterval(BigRational(1))) }
            let eDigits = try enclosure.correctlyRounded(significantDigits: 50) ?? "undecided"
            report.check("e to 50 digits from an MPFI enclosure", eDigits == "2.7182818284590452353602874713526624977572470937000e0", eDigits)
        } catch {
            report.check("engine raised an error", false, "\(error)")
        }
        return report
    }
}
