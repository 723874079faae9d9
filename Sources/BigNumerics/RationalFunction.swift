import RealModule

/// A rational function P(x)/Q(x) over Q, kept normalised: gcd(P, Q) = 1 and Q monic.
///
/// Conforms to `RationalField`, so a rational closed form written once generically evaluates
/// *symbolically* here: two forms are equal as functions exactly when their normalised
/// numerators and denominators are equal. Normalisation also removes every removable
/// singularity, so `limit(at:)` is exact.
///
/// Ordered as an ordered field: f < g when g − f is positive for all large enough x (the sign
/// of its leading coefficients). That order exists only to satisfy `Numeric.Magnitude`.
public struct RationalFunction: Sendable, Hashable {
    public let numerator: Polynomial
    public let denominator: Polynomial

    /// P/Q, normalised. Throws when Q is the zero polynomial.
    public init(numerator: Polynomial, denominator: Polynomial) throws(BigNumericsError) {
        guard !denominator.isZero else { throw .divisionByZero(context: "RationalFunction with zero denominator") }
        self.init(normalising: numerator, denominator)
    }

    /// Precondition: `q` is not zero.
    init(normalising p: Polynomial, _ q: Polynomial) {
        if p.isZero { numerator = .zero; denominator = .one; return }
        let g = Polynomial.gcd(p, q)
        var n = g.degree > 0 ? p.dividedExactly(by: g) : p
        var d = g.degree > 0 ? q.dividedExactly(by: g) : q
        let lead = d.leadingCoefficient
        if lead != 1 {
            let inverse = 1 / lead
            n = inverse * n
            d = inverse * d
        }
        numerator = n
        denominator = d
    }

    /// Already coprime with monic denominator.
    init(trusted p: Polynomial, _ q: Polynomial) { numerator = p; denominator = q }

    public init(_ p: Polynomial) { self.init(trusted: p, .one) }
    public init(_ c: BigRational) { self.init(Polynomial(c)) }

    /// The variable.
    public static var x: RationalFunction { RationalFunction(Polynomial.x) }

    public var isPolynomial: Bool { denominator.degree == 0 }

    /// The value at `x0`; throws at a pole. Because the function is normalised, a zero of
    /// the denominator is always a pole, never a removable singularity.
    public func value(at x0: BigRational) throws(BigNumericsError) -> BigRational {
        let q = denominator.evaluate(at: x0)
        guard !q.isZero else {
            throw .nonRemovableSingularity(point: x0.description, function: description)
        }
        return numerator.evaluate(at: x0) / q
    }

    /// lim_{x→x0}: equal to `value(at:)`, since normalisation has already cancelled every
    /// common factor (this is how r → 1 limits of Çakmak's Eqs. 15–16 are taken exactly).
    public func limit(at x0: BigRational) throws(BigNumericsError) -> BigRational { try value(at: x0) }

    /// lim_{x→+∞}: finite when deg P <= deg Q; throws otherwise.
    public func limitAtInfinity() throws(BigNumericsError) -> BigRational {
        if numerator.degree < denominator.degree { return 0 }
        if numerator.degree == denominator.degree { return numerator.leadingCoefficient / denominator.leadingCoefficient }
        throw .nonRemovableSingularity(point: "+infinity", function: description)
    }

    /// Evaluation in any rational field: `BigFloat` (rounded), `BigInterval` (enclosed), `Double`.
    public func evaluate<T: RationalField>(at x: T) -> T {
        numerator.evaluate(at: x) / denominator.evaluate(at: x)
    }

    /// f(g(x)) for a rational function g: substitution.
    public func composed(with g: RationalFunction) -> RationalFunction {
        // Horner in the field of rational functions, on numerator and denominator.
        func apply(_ p: Polynomial) -> RationalFunction {
            var r = RationalFunction.zero
            for c in p.coefficients.reversed() { r = r * g + RationalFunction(c) }
            return r
        }
        return apply(numerator) / apply(denominator)
    }

    public var derivative: RationalFunction {
        RationalFunction(normalising: numerator.derivative * denominator - numerator * denominator.derivative,
                         denominator * denominator)
    }

    /// Sign as x → +∞.
    var signAtInfinity: Int { numerator.leadingCoefficient.signum }
}

extension RationalFunction: RationalField, Comparable {
    public typealias Magnitude = RationalFunction

    public init(rational q: BigRational) { self.init(q) }
    public init(integerLiteral literal: StaticBigInt) { self.init(BigRational(integerLiteral: literal)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(BigRational(source)) }

    public static var zero: RationalFunction { RationalFunction(Polynomial.zero) }
    public var magnitude: RationalFunction { signAtInfinity < 0 ? -self : self }
    public var reciprocal: RationalFunction? { numerator.isZero ? nil : RationalFunction(normalising: denominator, numerator) }

    /// Henrici's addition: only gcds with g = gcd(b, d) are needed.
    public static func + (f: RationalFunction, h: RationalFunction) -> RationalFunction {
        let (a, b, c, d) = (f.numerator, f.denominator, h.numerator, h.denominator)
        if b == d { return RationalFunction(normalising: a + c, b) }
        if b.degree == 0 && d.degree == 0 { return RationalFunction(trusted: a + c, .one) }
        let g = Polynomial.gcd(b, d)
        if g.degree == 0 { return RationalFunction(normalising: a * d + c * b, b * d) }
        let bg = b.dividedExactly(by: g), dg = d.dividedExactly(by: g)
        return RationalFunction(normalising: a * dg + c * bg, bg * d)
    }

    /// Σ terms normalised once (equal denominators added numerator to numerator, the distinct
    /// ones brought to their lcm, one gcd at the end) instead of once per term.
    public static func sum<S: Sequence>(_ terms: S) -> RationalFunction where S.Element == RationalFunction {
        var groups: [Polynomial: Polynomial] = [:]
        var order: [Polynomial] = []
        for t in terms where !t.numerator.isZero {
            if let n = groups[t.denominator] { groups[t.denominator] = n + t.numerator } else {
                groups[t.denominator] = t.numerator
                order.append(t.denominator)
            }
        }
        guard let first = order.first, var n = groups[first] else { return .zero }
        var d = first
        for den in order.dropFirst() {
            guard let m = groups[den] else { continue }
            let g = Polynomial.gcd(d, den)
            let dg = d.dividedExactly(by: g), eg = den.dividedExactly(by: g)
            n = n * eg + m * dg
            d = d * eg
        }
        return RationalFunction(normalising: n, d)
    }

    public static prefix func - (f: RationalFunction) -> RationalFunction { RationalFunction(trusted: -f.numerator, f.denominator) }
    public static func - (f: RationalFunction, h: RationalFunction) -> RationalFunction { f + (-h) }

    /// Cross-cancellation first keeps the intermediate degrees small.
    public static func * (f: RationalFunction, h: RationalFunction) -> RationalFunction {
        if f.numerator.isZero || h.numerator.isZero { return .zero }
        let g1 = Polynomial.gcd(f.numerator, h.denominator), g2 = Polynomial.gcd(h.numerator, f.denominator)
        let n = f.numerator.dividedExactly(by: g1) * h.numerator.dividedExactly(by: g2)
        let d = f.denominator.dividedExactly(by: g2) * h.denominator.dividedExactly(by: g1)
        return RationalFunction(normalising: n, d)
    }

    /// Traps on division by the zero function, as integer division does; `reciprocal` is the
    /// non-trapping form.
    public static func / (f: RationalFunction, h: RationalFunction) -> RationalFunction {
        precondition(!h.numerator.isZero, "RationalFunction division by zero")
        return f * RationalFunction(normalising: h.denominator, h.numerator)
    }

    public static func += (a: inout RationalFunction, b: RationalFunction) { a = a + b }
    public static func -= (a: inout RationalFunction, b: RationalFunction) { a = a - b }
    public static func *= (a: inout RationalFunction, b: RationalFunction) { a = a * b }
    public static func /= (a: inout RationalFunction, b: RationalFunction) { a = a / b }

    public static func < (f: RationalFunction, h: RationalFunction) -> Bool { (h - f).signAtInfinity > 0 }
}

extension RationalFunction: CustomStringConvertible {
    public var description: String { description(variable: "x") }
    public func description(variable: String) -> String {
        if denominator.degree == 0 { return numerator.description(variable: variable) }
        return "(\(numerator.description(variable: variable)))/(\(denominator.description(variable: variable)))"
    }
}
