// Typed errors of the generic operator layer: each names the parameter and what is allowed.

import RealModule
public enum OperatorError: Error, Sendable, Equatable, CustomStringConvertible {
    case dimensionMismatch(parameter: String, expected: String, got: String)
    case invalidParameter(name: String, value: String, allowed: String)
    /// A dense object of `entries` scalars exceeds the entry limit of the caller.
    case tooLarge(parameter: String, entries: Int, limit: Int)
    /// A square system with no unique solution.
    case singular(parameter: String)

    public var description: String {
        switch self {
        case let .dimensionMismatch(p, e, g): return "dimension mismatch for \(p): expected \(e), got \(g)"
        case let .invalidParameter(n, v, a): return "invalid \(n) = \(v); allowed: \(a)"
        case let .tooLarge(p, e, l): return "\(p) needs \(e) dense entries; limit \(l)"
        case let .singular(p): return "\(p) is singular"
        }
    }
}
