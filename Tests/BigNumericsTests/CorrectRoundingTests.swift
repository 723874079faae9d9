import BigNumerics
import PropertyBased
import Testing

/// MPFR's `tgeneric` pattern: for each function, precision p and rounding mode, compute
/// y = f(x) at p + 20 bits; where y decides the rounding (`mpfr_can_round`), demand that f(x)
/// computed directly at p bits is *bit-identical* to y rounded to p. This checks that the
/// wrapper passes precision and rounding to MPFR on every call and never rounds twice.
@Suite("Correct rounding (tgeneric)")
struct CorrectRoundingTests {
    struct Function: Sendable, CustomTestStringConvertible {
        let name: String
        /// Inputs are p-bit values in [lower, upper] (or a second argument drawn the same way).
        let lower: Double, upper: Double
        let arity: Int
        let f: @Sendable ([BigFloat]) -> BigFloat
        var testDescription: String { name }

        init(_ name: String, _ lower: Double, _ upper: Double, _ f: @escaping @Sendable (BigFloat) -> BigFloat) {
            self.name = name; self.lower = lower; self.upper = upper; arity = 1; self.f = { f($0[0]) }
        }
        init(_ name: String, _ lower: Double, _ upper: Double, binary f: @escaping @Sendable (BigFloat, BigFloat) -> BigFloat) {
            self.name = name; self.lower = lower; self.upper = upper; arity = 2; self.f = { f($0[0], $0[1]) }
        }
    }

    static let functions: [Function] = [
        .init("add", -1e6, 1e6, binary: +), .init("sub", -1e6, 1e6, binary: -),
        .init("mul", -1e6, 1e6, binary: *), .init("div", 0.001, 1e6, binary: /),
        .init("exp", -30, 30, BigFloat.exp), .init("expMinusOne", -3, 3, BigFloat.expMinusOne),
        .init("log", 1e-6, 1e6) { BigFloat.log($0) }, .init("log(onePlus:)", -0.99, 10) { BigFloat.log(onePlus: $0) },
        .init("log2", 1e-3, 1e3, BigFloat.log2), .init("log10", 1e-3, 1e3, BigFloat.log10),
        .init("exp2", -20, 20, BigFloat.exp2), .init("exp10", -20, 20, BigFloat.exp10),
        .init("sqrt", 0, 1e6, BigFloat.sqrt), .init("root3", -1e3, 1e3) { BigFloat.root($0, 3) },
        .init("sin", -10, 10, BigFloat.sin), .init("cos", -10, 10, BigFloat.cos), .init("tan", -1.5, 1.5, BigFloat.tan),
        .init("sinh", -20, 20, BigFloat.sinh), .init("cosh", -20, 20, BigFloat.cosh), .init("tanh", -5, 5, BigFloat.tanh),
        .init("asin", -0.999, 0.999, BigFloat.asin), .init("acos", -0.999, 0.999, BigFloat.acos),
        .init("atan", -50, 50, BigFloat.atan), .init("asinh", -50, 50, BigFloat.asinh),
        .init("acosh", 1, 100, BigFloat.acosh), .init("atanh", -0.999, 0.999, BigFloat.atanh),
        .init("erf", -4, 4, BigFloat.erf), .init("erfc", -2, 8, BigFloat.erfc),
        .init("gamma", 0.05, 30, BigFloat.gamma), .init("logGamma", 0.05, 60, BigFloat.logGamma),
        .init("pow(x,y)", 0.01, 20, binary: BigFloat.pow), .init("pow(x,7)", -3, 3) { BigFloat.pow($0, 7) },
        .init("hypot", -1e3, 1e3, binary: BigFloat.hypot), .init("atan2", -10, 10, binary: { BigFloat.atan2(y: $0, x: $1) }),
    ]

    static let precisions = [2, 3, 7, 24, 53, 64, 113, 256, 1000, 4096]

    /// An exact p-bit value uniformly spread over [lower, upper].
    static func input(_ rng: inout Xoshiro, _ fn: Function, precision: Int) throws -> BigFloat {
        let u = Double(rng.next() >> 11) * 0x1p-53
        let d = fn.lower + (fn.upper - fn.lower) * u
        // Extra random low bits so inputs use the whole precision, then round into range.
        let noise = try BigFloat.withPrecision(precision + 64) { BigFloat(Int(bitPattern: UInt(rng.next() >> 1))).scaled(byPowerOfTwo: -62 - 40) }
        return try BigFloat.withPrecision(precision + 64) { try BigFloat(BigFloat(d) * (1 + noise), precision: precision) }
    }

    @Test("correctly rounded at every precision and rounding", arguments: functions)
    func correctlyRounded(_ fn: Function) throws {
        var rng = Xoshiro(seed: (UInt64(fn.name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) } & 0x7fffffff), 1, 2, 3))
        var decided = 0, total = 0
        for p in Self.precisions {
            let cases = p >= 1000 ? 3 : 8
            for rounding in BigFloat.Rounding.allCases {
                for _ in 0..<cases {
                    let args = try (0..<fn.arity).map { _ in try Self.input(&rng, fn, precision: p) }
                    let guardBits = 20
                    let y = try BigFloat.withPrecision(p + guardBits, rounding: rounding) { fn.f(args) }
                    total += 1
                    guard y.isFinite, !y.isZero,
                          y.canRound(correctBits: p + guardBits, from: rounding, to: rounding, precision: p) else { continue }
                    decided += 1
                    let expected = try BigFloat.rounded(y, precision: p, rounding: rounding).value
                    let direct = try BigFloat.withPrecision(p, rounding: rounding) { fn.f(args) }
                    #expect(direct.precision == p)
                    #expect(direct == expected && direct.sign == expected.sign,
                            "\(fn.name)(\(args.map(\.debugDescription))) at \(p) bits, \(rounding): \(direct.debugDescription) ≠ \(expected.debugDescription)")
                }
            }
        }
        // As tgeneric warns: too few decidable cases would make the test vacuous.
        #expect(decided * 3 >= total * 2, "\(fn.name): only \(decided) of \(total) cases could be decided")
    }

    @Test("results take the working precision, not the operands'")
    func resultPrecision() throws {
        let x = try BigFloat.withPrecision(4096) { BigFloat(1) / 3 }
        let y = try BigFloat.withPrecision(64) { x * x }
        #expect(y.precision == 64)
        #expect(try BigFloat.withPrecision(64) { BigFloat(BigRational(1) / 9) } == y)
    }
}
