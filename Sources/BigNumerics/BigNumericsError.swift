/// Every way a caller's input can be rejected by the engine. Each case names the offending
/// value and what would have been accepted, so a CLI can print it verbatim.
public enum BigNumericsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A string that is not a number of the expected form.
    case malformedNumber(text: String, expected: String)
    /// A precision outside MPFR's range (we require at least 2 bits).
    case precisionOutOfRange(bits: Int, allowed: ClosedRange<Int>)
    /// A NaN or infinity where an exact (finite) value is required.
    case notFinite(value: String, context: String)
    /// Division by an exact zero.
    case divisionByZero(context: String)
    /// A digit count outside what decimal output supports.
    case digitsOutOfRange(digits: Int, allowed: ClosedRange<Int>)
    /// A value that does not fit the requested target type.
    case notRepresentable(value: String, target: String)
    /// The limit of a rational function at a pole that is not removable.
    case nonRemovableSingularity(point: String, function: String)

    public var description: String {
        switch self {
        case let .malformedNumber(text, expected):
            return "malformed number \"\(text)\": expected \(expected)"
        case let .precisionOutOfRange(bits, allowed):
            return "precision \(bits) bits is out of range: allowed \(allowed.lowerBound)...\(allowed.upperBound) bits"
        case let .notFinite(value, context):
            return "\(context): value \(value) is not finite; a finite value is required"
        case let .divisionByZero(context):
            return "division by zero in \(context)"
        case let .digitsOutOfRange(digits, allowed):
            return "\(digits) significant digits is out of range: allowed \(allowed.lowerBound)...\(allowed.upperBound)"
        case let .notRepresentable(value, target):
            return "value \(value) is not representable as \(target)"
        case let .nonRemovableSingularity(point, function):
            return "\(function) has a pole (not a removable singularity) at \(point)"
        }
    }
}
