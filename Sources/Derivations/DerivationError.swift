// Typed errors of the exact derivations: each names the parameter and what is allowed.
import BigNumerics
import Operators

public enum DerivationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidParameter(name: String, value: String, allowed: String)
    /// A symbol left free where a number is needed.
    case freeSymbol(name: String, needed: String)
    /// The exact computation would need more memory than the limit.
    case tooLarge(parameter: String, bytesNeeded: Double, limitBytes: Double)
    /// The initial state is not a density matrix (Hermitian, trace 1, positive semidefinite).
    case notDensityMatrix(parameter: String, reason: String)
    /// A step whose exact answer does not exist (e.g. a zero eigenvalue that is not semisimple).
    case notApplicable(reason: String)
    case algebra(String)

    public var description: String {
        switch self {
        case let .invalidParameter(n, v, a): return "invalid \(n) = \(v); allowed: \(a)"
        case let .freeSymbol(n, needed): return "symbol \(n) is free but a number is needed (\(needed)); give \(n)=<exact number>"
        case let .tooLarge(p, need, limit):
            return "\(p): the exact computation needs about \(Self.bytes(need)), more than the limit \(Self.bytes(limit))"
        case let .notDensityMatrix(p, r): return "\(p) is not a density matrix: \(r)"
        case let .notApplicable(r): return r
        case let .algebra(m): return "exact arithmetic failed: \(m)"
        }
    }

    static func bytes(_ b: Double) -> String {
        if b >= 1e9 { return "\((b / 1e8).rounded() / 10) GB" }
        if b >= 1e6 { return "\((b / 1e5).rounded() / 10) MB" }
        return "\(Int(b)) bytes"
    }

    init(_ e: OperatorError) {
        switch e {
        case let .invalidParameter(n, v, a): self = .invalidParameter(name: n, value: v, allowed: a)
        case let .dimensionMismatch(p, ex, g): self = .invalidParameter(name: p, value: g, allowed: ex)
        case let .tooLarge(p, entries, limit): self = .invalidParameter(name: p, value: "\(entries) entries", allowed: "<= \(limit)")
        case let .singular(p): self = .notApplicable(reason: "\(p) is singular")
        }
    }
}

@inline(__always)
func op<T>(_ body: () throws(OperatorError) -> T) throws(DerivationError) -> T {
    do { return try body() } catch { throw DerivationError(error) }
}

@inline(__always)
func alg<T>(_ body: () throws(AlgebraError) -> T) throws(DerivationError) -> T {
    do { return try body() } catch { throw .algebra("\(error)") }
}
