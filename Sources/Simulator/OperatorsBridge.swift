// The simulator's operators come from the generic `Operators` layer (one model description for
// Double and for the exact fields). `CMatrix` is that layer's `Matrix<Complex<Double>>`, so the
// generic builders' results are used as they are; only their typed errors are mapped here.
import Operators
import Numerics

extension SimulatorError {
    init(_ e: OperatorError) {
        switch e {
        case let .dimensionMismatch(p, ex, g): self = .dimensionMismatch(parameter: p, expected: ex, got: g)
        case let .invalidParameter(n, v, a): self = .invalidParameter(name: n, value: v, allowed: a)
        case let .tooLarge(p, entries, _):
            self = .tooLarge(parameter: p, value: entries, bytesNeeded: Double(entries) * 16, limitBytes: SimulatorLimits.defaultDenseBytes)
        case let .singular(p): self = .singular(parameter: p)
        }
    }
}

/// Runs a generic builder, mapping its typed error into the simulator's.
@inline(__always)
func bridged<T>(_ body: () throws(OperatorError) -> T) throws(SimulatorError) -> T {
    do { return try body() } catch { throw SimulatorError(error) }
}
