// The simulator's operators come from the generic `Operators` layer (one model description for
// Double and for the exact fields); `CMatrix` stays the LAPACK-facing Complex<Double> container.
// The conversions copy entries unchanged, so results are those of the generic builders bit for bit.
import Operators
import Numerics

extension CMatrix {
    /// The same entries in the generic container.
    public var generic: Matrix<Cx> {
        Matrix(rows: rows, cols: cols) { i, j in self[i, j] }
    }

    /// The same entries in the LAPACK-facing container.
    public init(_ m: Matrix<Cx>) {
        self.init(rows: m.rows, cols: m.cols) { i, j in m[i, j] }
    }
}

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
