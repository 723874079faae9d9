/// Every way the exact-algebra layer (FLINT) rejects an input. Each case names the offending
/// value and what would have been accepted, so a CLI can print it verbatim.
public enum AlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Division by the zero polynomial or the zero rational function.
    case divisionByZero(context: String)
    /// A point that leaves a variable of the expression without a value.
    case missingVariable(name: String, expression: String)
    /// Evaluation at a zero of the (normalised, hence non-removable) denominator.
    case pole(point: String, function: String)
    /// A limit that is infinite or does not exist (generically in the other variables).
    case divergentLimit(variable: String, point: String, function: String)
    /// A negative power of zero, or of a polynomial (only rational functions have inverses).
    case invalidExponent(exponent: Int, context: String)
    /// An exponent or size beyond what FLINT's word-sized exponents can represent.
    case tooLarge(context: String)
    /// A malformed argument (empty variable name, empty box side, mismatched matrix shapes …).
    case invalidArgument(name: String, value: String, allowed: String)

    public var description: String {
        switch self {
        case let .divisionByZero(context):
            return "division by zero in \(context)"
        case let .missingVariable(name, expression):
            return "no value given for variable \(name) of \(expression)"
        case let .pole(point, function):
            return "\(function) has a pole at \(point)"
        case let .divergentLimit(variable, point, function):
            return "the limit of \(function) as \(variable) → \(point) diverges"
        case let .invalidExponent(exponent, context):
            return "exponent \(exponent) is not allowed for \(context)"
        case let .tooLarge(context):
            return "\(context): exponents or sizes beyond FLINT's word-sized range"
        case let .invalidArgument(name, value, allowed):
            return "\(name) = \(value) is invalid: allowed \(allowed)"
        }
    }
}
