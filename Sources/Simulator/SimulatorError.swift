// Typed errors of the simulator: every bad input names the parameter and the allowed range,
// so a caller (CLI, cross-check harness) can print a useful message instead of crashing.

/// Everything the simulator can refuse to do, with enough context to say why.
public enum SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter outside its allowed range (`allowed` is human-readable, e.g. "> 0").
    case invalidParameter(name: String, value: String, allowed: String)
    /// Two operands whose shapes do not fit together.
    case dimensionMismatch(parameter: String, expected: String, got: String)
    /// A matrix that must be Hermitian is not (max |A - A†| given).
    case notHermitian(parameter: String, deviation: Double, tolerance: Double)
    /// A state with a negative eigenvalue below tolerance.
    case notPositive(parameter: String, minEigenvalue: Double, tolerance: Double)
    /// A state whose trace is not 1.
    case notNormalised(parameter: String, trace: Double, tolerance: Double)
    /// A dense object would need more memory than the limit.
    case tooLarge(parameter: String, value: Int, bytesNeeded: Double, limitBytes: Double)
    /// A LAPACK routine returned a non-zero `info`.
    case lapackFailure(routine: String, info: Int)
    /// The reference LAPACK/BLAS could not be loaded or bound (file and reason given).
    case lapackUnavailable(library: String, reason: String)
    /// A linear system is singular to working precision.
    case singular(parameter: String)
    /// "The" steady state was asked for but the kernel of the generator has dimension `nullity`.
    case steadyStateNotUnique(nullity: Int)
    /// An iterative method did not reach its tolerance.
    case noConvergence(method: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, allowed):
            return "invalid \(name) = \(value); allowed: \(allowed)"
        case let .dimensionMismatch(parameter, expected, got):
            return "dimension mismatch for \(parameter): expected \(expected), got \(got)"
        case let .notHermitian(parameter, deviation, tolerance):
            return "\(parameter) is not Hermitian: max|A - A†| = \(deviation) > \(tolerance)"
        case let .notPositive(parameter, minEigenvalue, tolerance):
            return "\(parameter) is not positive semidefinite: min eigenvalue \(minEigenvalue) < -\(tolerance)"
        case let .notNormalised(parameter, trace, tolerance):
            return "\(parameter) is not normalised: trace \(trace), allowed |trace - 1| <= \(tolerance)"
        case let .tooLarge(parameter, value, bytesNeeded, limitBytes):
            return "\(parameter) = \(value) needs \(bytesNeeded) bytes (> limit \(limitBytes)); allowed: smaller \(parameter)"
        case let .lapackFailure(routine, info):
            return "LAPACK \(routine) failed with info = \(info)"
        case let .lapackUnavailable(library, reason):
            return "reference LAPACK/BLAS unavailable: \(library): \(reason); allowed: Debian's libblas3, liblapack3 and liblapacke at their multiarch paths (scripts/ensure-system-packages.sh installs them)"
        case let .singular(parameter):
            return "\(parameter) is singular to working precision"
        case let .steadyStateNotUnique(nullity):
            return "the steady state is not unique: the generator's kernel has dimension \(nullity); pass an initial state"
        case let .noConvergence(method, detail):
            return "\(method) did not converge: \(detail)"
        }
    }
}

/// Memory limits for dense objects; a constant so results never depend on global mutable state.
public enum SimulatorLimits {
    /// Largest dense complex matrix we agree to allocate (2 GiB): 16 bytes per entry.
    public static let defaultDenseBytes: Double = 2 * 1024 * 1024 * 1024

    /// Throws `.tooLarge` when an n×n complex matrix would exceed `limit`.
    public static func checkDense(parameter: String, value: Int, dimension n: Int,
                                  limit: Double = defaultDenseBytes) throws(SimulatorError) {
        let bytes = 16.0 * Double(n) * Double(n)
        if bytes > limit {
            throw .tooLarge(parameter: parameter, value: value, bytesNeeded: bytes, limitBytes: limit)
        }
    }
}
