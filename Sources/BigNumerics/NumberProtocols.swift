import RealModule

/// A field into which exact rational parameters can be brought: the weakest protocol a
/// *rational* closed form needs. Written once against it, a formula evaluates exactly in
/// `BigRational`, symbolically in `RationalFunction`, rigorously in `BigInterval`, and
/// approximately in `Double` and `BigFloat`.
///
/// A formula may also be written as a sequence of in-place steps (`formSum`, `multiply(by:)`,
/// …) with one context read per evaluation (`evaluationContext`): each step *is* the operator
/// it names (the default implementations call the operators), and `BigFloat` implements them
/// by writing into a uniquely referenced temporary with the hoisted precision and rounding, bit
/// for bit what the operators give. Integer operands mean `Self.integer(n)`.
public protocol RationalField: AlgebraicField {
    /// The field element nearest to (or, for intervals, enclosing; for exact types, equal to) `q`.
    init(rational q: BigRational)

    /// An integer as a field element. Exact for the exact types; one rounding otherwise
    /// (the same value as `Self(rational: BigRational(n))`).
    static func integer(_ n: Int) -> Self

    /// What an evaluation reads once and passes to each in-place step (`BigFloat`: the
    /// working precision and rounding of the scope); nothing for the other types.
    associatedtype EvaluationContext = Void
    /// The current context (for `BigFloat`, one task-local read).
    static var evaluationContext: EvaluationContext { get }

    /// A value to start an in-place temporary from (its value is irrelevant: the first step
    /// overwrites it). Starting from a copy of an operand instead would share that operand's
    /// storage (a retain and a release, atomic, per temporary) only to be replaced at once.
    static func temporary(context: EvaluationContext) -> Self

    /// `self = a + b`.
    mutating func formSum(_ a: Self, _ b: Self, context: EvaluationContext)
    /// `self = a − b`.
    mutating func formDifference(_ a: Self, _ b: Self, context: EvaluationContext)
    /// `self = a · b`.
    mutating func formProduct(_ a: Self, _ b: Self, context: EvaluationContext)
    /// `self = a / b`.
    mutating func formQuotient(_ a: Self, _ b: Self, context: EvaluationContext)
    /// `self = a + n`.
    mutating func formSum(_ a: Self, _ n: Int, context: EvaluationContext)
    /// `self = a − n`.
    mutating func formDifference(_ a: Self, _ n: Int, context: EvaluationContext)
    /// `self = n − a`.
    mutating func formDifference(_ n: Int, _ a: Self, context: EvaluationContext)
    /// `self = a · n`.
    mutating func formProduct(_ a: Self, _ n: Int, context: EvaluationContext)
    /// `self = a / n`.
    mutating func formQuotient(_ a: Self, _ n: Int, context: EvaluationContext)
    /// `self = n / a`.
    mutating func formQuotient(_ n: Int, _ a: Self, context: EvaluationContext)
    /// `self = a^n`: repeated squaring by default (exact in exact fields); `BigFloat` rounds once
    /// (`pow(a, n)`).
    mutating func formPower(_ a: Self, _ n: Int, context: EvaluationContext)

    /// `self += b`.
    mutating func add(_ b: Self, context: EvaluationContext)
    /// `self −= b`.
    mutating func subtract(_ b: Self, context: EvaluationContext)
    /// `self *= b`.
    mutating func multiply(by b: Self, context: EvaluationContext)
    /// `self /= b`.
    mutating func divide(by b: Self, context: EvaluationContext)
    /// `self = a / self`.
    mutating func divideInto(_ a: Self, context: EvaluationContext)
    /// `self += n`.
    mutating func add(_ n: Int, context: EvaluationContext)
    /// `self −= n`.
    mutating func subtract(_ n: Int, context: EvaluationContext)
    /// `self *= n`.
    mutating func multiply(by n: Int, context: EvaluationContext)
    /// `self /= n`.
    mutating func divide(by n: Int, context: EvaluationContext)
    /// `self = self^n`, as `formPower`.
    mutating func raise(toPower n: Int, context: EvaluationContext)
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

    /// x^n by repeated squaring (x^{−n} = 1/x^n): the default `formPower`, exact in exact fields.
    @inlinable
    public static func repeatedSquaringPower(_ x: Self, _ n: Int) -> Self {
        if n < 0 { return 1 / repeatedSquaringPower(x, -n) }
        var result: Self = 1, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
        }
        return result
    }

    @inlinable public static func temporary(context: EvaluationContext) -> Self { .zero }

    // The in-place steps through the operators: for every type without a faster route.
    @inlinable public mutating func formSum(_ a: Self, _ b: Self, context: EvaluationContext) { self = a + b }
    @inlinable public mutating func formDifference(_ a: Self, _ b: Self, context: EvaluationContext) { self = a - b }
    @inlinable public mutating func formProduct(_ a: Self, _ b: Self, context: EvaluationContext) { self = a * b }
    @inlinable public mutating func formQuotient(_ a: Self, _ b: Self, context: EvaluationContext) { self = a / b }
    @inlinable public mutating func formSum(_ a: Self, _ n: Int, context: EvaluationContext) { self = a + Self.integer(n) }
    @inlinable public mutating func formDifference(_ a: Self, _ n: Int, context: EvaluationContext) { self = a - Self.integer(n) }
    @inlinable public mutating func formDifference(_ n: Int, _ a: Self, context: EvaluationContext) { self = Self.integer(n) - a }
    @inlinable public mutating func formProduct(_ a: Self, _ n: Int, context: EvaluationContext) { self = a * Self.integer(n) }
    @inlinable public mutating func formQuotient(_ a: Self, _ n: Int, context: EvaluationContext) { self = a / Self.integer(n) }
    @inlinable public mutating func formQuotient(_ n: Int, _ a: Self, context: EvaluationContext) { self = Self.integer(n) / a }
    @inlinable public mutating func formPower(_ a: Self, _ n: Int, context: EvaluationContext) { self = Self.repeatedSquaringPower(a, n) }
    @inlinable public mutating func add(_ b: Self, context: EvaluationContext) { self = self + b }
    @inlinable public mutating func subtract(_ b: Self, context: EvaluationContext) { self = self - b }
    @inlinable public mutating func multiply(by b: Self, context: EvaluationContext) { self = self * b }
    @inlinable public mutating func divide(by b: Self, context: EvaluationContext) { self = self / b }
    @inlinable public mutating func divideInto(_ a: Self, context: EvaluationContext) { self = a / self }
    @inlinable public mutating func add(_ n: Int, context: EvaluationContext) { self = self + Self.integer(n) }
    @inlinable public mutating func subtract(_ n: Int, context: EvaluationContext) { self = self - Self.integer(n) }
    @inlinable public mutating func multiply(by n: Int, context: EvaluationContext) { self = self * Self.integer(n) }
    @inlinable public mutating func divide(by n: Int, context: EvaluationContext) { self = self / Self.integer(n) }
    @inlinable public mutating func raise(toPower n: Int, context: EvaluationContext) { self = Self.repeatedSquaringPower(self, n) }
}

extension RationalField where EvaluationContext == Void {
    @inlinable public static var evaluationContext: Void { () }
}

extension Double: TranscendentalField {
    /// Correctly rounded (nearest, ties to even).
    public init(rational q: BigRational) { self = q.doubleValue }
    /// Correctly rounded (nearest, ties to even), as `Double(rational:)` of the same integer.
    @inlinable public static func integer(_ n: Int) -> Double { Double(n) }
}

extension BigFloat: TranscendentalField {
    /// Rounded once to the working precision.
    public init(rational q: BigRational) { self.init(q) }
}

extension BigRational: RationalField {
    public init(rational q: BigRational) { self = q }
}
