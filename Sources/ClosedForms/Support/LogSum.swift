import BigNumerics
import RealModule

/// A finite sum  c₀ + Σ cᵢ·log(aᵢ)  with coefficients and (positive) arguments in a field.
///
/// Why: Mayo's two forms of I_max are sums of logarithms with rational-function coefficients
/// and arguments. Returning this structure, rather than a number, lets one formula be
///  - evaluated (`value`) in any `TranscendentalField`, and
///  - *proved* equal to another exactly when F is `RationalFunction` (`isIdentical(to:)`):
///    both are rewritten over a coprime base of irreducible-by-gcd factors, and the identity
///    holds when every factor's total coefficient, and the rational part, agree.
public struct LogSum<F: RationalField> {
    public var constant: F
    public var terms: [(coefficient: F, argument: F)]

    public init(constant: F = 0, terms: [(coefficient: F, argument: F)] = []) {
        self.constant = constant
        self.terms = terms
    }

    public static func + (a: LogSum, b: LogSum) -> LogSum {
        LogSum(constant: a.constant + b.constant, terms: a.terms + b.terms)
    }

    public static prefix func - (a: LogSum) -> LogSum {
        LogSum(constant: -a.constant, terms: a.terms.map { (-$0.coefficient, $0.argument) })
    }

    public static func - (a: LogSum, b: LogSum) -> LogSum { a + (-b) }

    /// c·log(a).
    public static func term(_ coefficient: F, log argument: F) -> LogSum {
        LogSum(terms: [(coefficient, argument)])
    }
}

extension LogSum where F: TranscendentalField {
    /// The number: c₀ + Σ cᵢ·log(aᵢ).
    public var value: F {
        terms.reduce(constant) { $0 + $1.coefficient * F.log($1.argument) }
    }
}

extension LogSum where F == RationalFunction {
    /// True when the two sums are equal as functions wherever all arguments are positive,
    /// decided exactly: every argument is factored over a common coprime base (gcd refinement
    /// of all numerators and denominators; rational constants over a coprime base of their
    /// integer parts), and the coefficient of each base element must cancel.
    /// A `false` means "not identical by this normal form".
    public func isIdentical(to other: LogSum<RationalFunction>) -> Bool {
        (self - other).isIdenticallyZero
    }

    public var isIdenticallyZero: Bool {
        // Split each argument into (constant, monic polynomial factors with exponents).
        var polys: [Polynomial] = []
        var ints: [BigInt] = []
        for (_, a) in terms {
            for p in [a.numerator, a.denominator] {
                let lead = p.leadingCoefficient
                let monic = p.monic
                if monic.degree > 0 { polys.append(monic) }
                for n in [lead.numerator.magnitude, lead.denominator] where n > 1 { ints.append(n) }
            }
        }
        let polyBase = CoprimeBase.polynomials(polys)
        let intBase = CoprimeBase.integers(ints)
        var polyCoefficients = [RationalFunction](repeating: 0, count: polyBase.count)
        var intCoefficients = [RationalFunction](repeating: 0, count: intBase.count)
        for (c, a) in terms {
            for (p, sign) in [(a.numerator, 1), (a.denominator, -1)] {
                let s = RationalFunction(BigRational(sign))
                var rest = p.monic
                for (i, b) in polyBase.enumerated() {
                    while rest.degree > 0, let q = CoprimeBase.exactQuotient(rest, b) {
                        rest = q
                        polyCoefficients[i] += s * c
                    }
                }
                guard rest.degree <= 0 else { return false }
                let lead = p.leadingCoefficient
                for (n, sn) in [(lead.numerator.magnitude, 1), (lead.denominator, -1)] {
                    var m = n
                    for (i, b) in intBase.enumerated() {
                        while m > 1, let q = CoprimeBase.exactQuotient(m, b) {
                            m = q
                            intCoefficients[i] += s * RationalFunction(BigRational(sn)) * c
                        }
                    }
                    guard m == 1 else { return false }
                }
            }
        }
        return constant.numerator.isZero
            && polyCoefficients.allSatisfy { $0.numerator.isZero }
            && intCoefficients.allSatisfy { $0.numerator.isZero }
    }
}

/// Coprime bases by gcd refinement (Bach–Driscoll–Shallit, naive form): a list of pairwise
/// coprime elements such that every input is a product of powers of them.
enum CoprimeBase {
    static func polynomials(_ input: [Polynomial]) -> [Polynomial] {
        refine(input.filter { $0.degree > 0 }, gcd: { Polynomial.gcd($0, $1) }, isUnit: { $0.degree <= 0 },
               divide: { exactQuotient($0, $1) ?? $0 })
    }

    static func integers(_ input: [BigInt]) -> [BigInt] {
        refine(input.filter { $0 > 1 }, gcd: { BigInt.gcd($0, $1) }, isUnit: { $0 <= 1 },
               divide: { exactQuotient($0, $1) ?? $0 })
    }

    private static func refine<T: Equatable>(_ input: [T], gcd: (T, T) -> T, isUnit: (T) -> Bool,
                                             divide: (T, T) -> T) -> [T] {
        var base: [T] = []
        var queue = input
        while let x = queue.popLast() {
            if isUnit(x) { continue }
            var placed = false
            for (i, b) in base.enumerated() {
                let g = gcd(x, b)
                if isUnit(g) { continue }
                // Replace b and x by g, b/g, x/g (all non-units re-queued).
                base.remove(at: i)
                queue.append(contentsOf: [g, divide(b, g), divide(x, g)])
                placed = true
                break
            }
            if !placed { if !base.contains(x) { base.append(x) } }
        }
        return base
    }

    static func exactQuotient(_ a: Polynomial, _ b: Polynomial) -> Polynomial? {
        guard let qr = try? a.quotientAndRemainder(dividingBy: b), qr.remainder.isZero else { return nil }
        return qr.quotient.monic == qr.quotient ? qr.quotient : qr.quotient.monic
    }

    static func exactQuotient(_ a: BigInt, _ b: BigInt) -> BigInt? {
        guard let qr = try? a.quotientAndRemainder(dividingBy: b), qr.remainder.isZero else { return nil }
        return qr.quotient
    }
}

extension LogSum: Sendable where F: Sendable {}
