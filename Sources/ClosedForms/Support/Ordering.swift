import BigNumerics
import RealModule

/// Comparison that may be undecided: exact for exact types, "certain" for enclosures.
///
/// Ergotropy needs the spectrum sorted, and sorting needs comparisons. For `BigRational`
/// they are exact; for `BigInterval` a comparison is returned only when every point of one
/// interval lies below every point of the other (otherwise `nil`: raise the precision, or the
/// two values are equal and their order does not matter for the sum — see `passiveEnergy`).
public protocol DecidablyOrdered {
    /// `true` if certainly a < b, `false` if certainly a ≥ b, `nil` if undecided.
    static func certainlyLess(_ a: Self, _ b: Self) -> Bool?
}

extension BigRational: DecidablyOrdered {
    public static func certainlyLess(_ a: BigRational, _ b: BigRational) -> Bool? { a < b }
}

extension Double: DecidablyOrdered {
    public static func certainlyLess(_ a: Double, _ b: Double) -> Bool? { a.isNaN || b.isNaN ? nil : a < b }
}

extension BigInterval: DecidablyOrdered {
    public static func certainlyLess(_ a: BigInterval, _ b: BigInterval) -> Bool? {
        if a.isNaN || b.isNaN { return nil }
        if a.upper < b.lower { return true }
        if a.lower >= b.upper { return false }
        return nil
    }
}
