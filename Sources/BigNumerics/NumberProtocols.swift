import RealModule

/// A field into which exact rational parameters can be brought: the weakest protocol a
/// *rational* closed form needs. Written once against it, a formula evaluates exactly in
/// `BigRational`, symbolically in `RationalFunction`, rigorously in `BigInterval`, and
/// approximately in `Double` and `BigFloat`.
public protocol RationalField: AlgebraicField {
    /// The field element nearest to (or, for intervals, enclosing; for exact types, equal to) `q`.
    init(rational q: BigRational)
}

/// A rational field with the elementary functions: what a *transcendental* closed form needs.
/// `Double`, `BigFloat` and `BigInterval` conform; exact types cannot.
public protocol TranscendentalField: RationalField, ElementaryFunctions {
    /// π in this type (rounded, or enclosed).
    static var pi: Self { get }
}

extension RationalField {
    /// An integer as a field element. Exact for the exact types; one rounding otherwise.
    @inlinable
    public static func integer(_ n: Int) -> Self { Self(rational: BigRational(n)) }
}

extension Double: TranscendentalField {
    /// Correctly rounded (nearest, ties to even).
    public init(rational q: BigRational) { self = q.doubleValue }
}

extension BigFloat: TranscendentalField {
    /// Rounded once to the working precision.
    public init(rational q: BigRational) { self.init(q) }
}

extension BigRational: RationalField {
    public init(rational q: BigRational) { self = q }
}
