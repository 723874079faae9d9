import BigNumerics
import RealModule

/// What the summation algorithms need from exact multivariate rational functions over ℚ in named
/// variables: field arithmetic, structural equality of canonical forms, substitution, the
/// coefficients of a polynomial in one variable, and factorisation into irreducibles.
///
/// The certificate checker uses only `==`, the arithmetic and `substituting`: a certificate is
/// accepted because an exact identity holds, never because the search produced it.
public protocol SymbolicField: RationalField, Equatable, Sendable, CustomStringConvertible {
    /// The variable `name`.
    static func symbol(_ name: String) -> Self
    /// Names the canonical form depends on.
    var symbolNames: Set<String> { get }
    /// Simultaneous substitution. Throws when a denominator becomes identically zero.
    func substitutingSymbols(_ values: [String: Self]) throws(SummationError) -> Self
    /// Canonical numerator and denominator (as field elements).
    var numeratorElement: Self { get }
    var denominatorElement: Self { get }
    /// Coefficients c₀, c₁, … of self = Σ cᵢ·nameⁱ, each free of `name`; nil unless self is a
    /// polynomial in `name` (its denominator free of `name`).
    func coefficients(in name: String) -> [Self]?
    /// A polynomial (denominator 1) as content × Π factorᵢ^eᵢ with irreducible, primitive factors.
    func irreducibleFactors() -> (content: BigRational, factors: [(Self, Int)])
    /// The value when self is a rational constant.
    var rationalValue: BigRational? { get }
}

extension SymbolicField {
    public var isZeroElement: Bool { rationalValue == 0 }

    /// Σ cᵢ·xⁱ from coefficients.
    static func horner(_ coefficients: [Self], _ x: Self) -> Self {
        var r = Self.zero
        for c in coefficients.reversed() { r = r * x + c }
        return r
    }

    func power(_ n: Int) -> Self {
        if n == 0 { return Self(rational: 1) }
        var base = n > 0 ? self : Self(rational: 1) / self
        var e = n.magnitude
        var r = Self(rational: 1)
        while e > 0 {
            if e & 1 == 1 { r = r * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return r
    }
}

/// Why a sum, product or certificate could not be handled. Each case says what is missing and,
/// where one exists, which method would handle it.
public enum SummationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression is outside the class the method handles.
    case notApplicable(String)
    /// A denominator vanishes identically after a substitution.
    case pole(String)
    /// The size limit of a step was exceeded.
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .notApplicable(s): return s
        case let .pole(s): return "pole: \(s)"
        case let .tooLarge(s): return s
        }
    }
}
