// Steady states of a Markovian generator, unique or not. A degenerate kernel is the normal case
// for Çakmak's collective model, so the kernel, the conserved quantities (left kernel) and the
// map ρ0 ↦ ρ_ss are first-class results rather than a failure of a linear solve.
import Numerics

/// Kernel analysis of a generator L.
public struct SteadyStateAnalysis: Sendable {
    public let dimension: Int
    /// dim ker L (number of linearly independent steady states).
    public let nullity: Int
    /// Orthonormal basis of ker L (columns are vec of matrices).
    public let kernel: CMatrix
    /// Orthonormal basis of ker L† (conserved quantities: d/dt tr(Y†ρ) = 0).
    public let leftKernel: CMatrix
    /// Spectral projector onto ker L along ran L: P = K (Y†K)⁻¹ Y†. For a semigroup without
    /// purely imaginary eigenvalues this is lim_{t→∞} e^{tL}; otherwise it is the time average.
    public let projector: CMatrix
    /// Singular values below this were declared zero (reported so the rank decision is visible).
    public let rankTolerance: Double
    /// Smallest singular value above the tolerance (the "gap" that makes the nullity credible).
    public let smallestNonzeroSingularValue: Double
    /// Largest singular value declared zero.
    public let largestZeroSingularValue: Double

    /// Conserved quantities as Hermitian d×d matrices, an orthonormal (Hilbert–Schmidt) basis.
    public func conservedQuantities() throws(SimulatorError) -> [CMatrix] {
        // L preserves Hermiticity, so ker L† is closed under Y ↦ Y†: split into Hermitian parts.
        let d = dimension
        var cols: [CMatrix] = []
        for c in 0..<leftKernel.cols {
            let y = try CMatrix.unvectorise(leftKernel.columns(c..<(c + 1)), dimension: d)
            let yd = y.adjoint
            cols.append(try (y + yd).scaled(0.5).vectorised)
            cols.append(try (y - yd).scaled(by: Cx(0, -0.5)).vectorised)
        }
        // Gram–Schmidt (twice) in the real inner product Re tr(A†B): Hermitian stays Hermitian.
        var out: [CMatrix] = []
        for v in cols {
            var w = v
            for _ in 0..<2 {
                for q in out {
                    var ip = 0.0
                    for k in 0..<w.storage.count {
                        ip += q.storage[k].real * w.storage[k].real
                        ip += q.storage[k].imaginary * w.storage[k].imaginary
                    }
                    w.addScaled(q, Cx(-ip))
                }
            }
            let n = w.frobeniusNorm
            if n > 1e-8 { out.append(w.scaled(1 / n)) }
        }
        return try out.map { (v: CMatrix) throws(SimulatorError) -> CMatrix in try CMatrix.unvectorise(v, dimension: d) }
    }

    /// ρ_ss = P ρ0 (Hermitised), checked for trace 1 and positivity.
    public func steadyState(from rho0: CMatrix, tolerance: Double = 1e-8) throws(SimulatorError) -> CMatrix {
        try DensityMatrix.validate(rho0, parameter: "rho0")
        if rho0.rows != dimension {
            throw .dimensionMismatch(parameter: "rho0", expected: "\(dimension)x\(dimension)", got: "\(rho0.rows)x\(rho0.cols)")
        }
        let rho = try Superoperator.apply(projector, to: rho0).hermitianPart
        try DensityMatrix.validate(rho, parameter: "steady state (P rho0)", tolerance: tolerance)
        return rho
    }

    /// The unique steady state; throws `.steadyStateNotUnique(nullity:)` when dim ker L ≠ 1.
    public func uniqueSteadyState() throws(SimulatorError) -> CMatrix {
        if nullity != 1 { throw .steadyStateNotUnique(nullity: nullity) }
        let v = try CMatrix.unvectorise(kernel, dimension: dimension)
        let rho = v.scaled(by: 1 / v.trace).hermitianPart
        try DensityMatrix.validate(rho, parameter: "unique steady state", tolerance: 1e-8)
        return rho
    }
}

public enum SteadyState {
    /// Kernel, left kernel and spectral projector of L (dense SVDs: O(d⁶) time, d⁴ memory).
    public static func analyse(_ l: Lindbladian, relativeTolerance: Double? = nil) throws(SimulatorError) -> SteadyStateAnalysis {
        let right = try LinearAlgebra.nullSpace(l.matrix, relativeTolerance: relativeTolerance)
        let left = try LinearAlgebra.nullSpace(l.matrix.adjoint, relativeTolerance: relativeTolerance)
        if right.dimension != left.dimension || right.dimension == 0 {
            throw .noConvergence(method: "kernel analysis",
                                 detail: "right nullity \(right.dimension) vs left nullity \(left.dimension) at tolerance \(right.tolerance)")
        }
        let k = right.basis, y = left.basis
        let ytk = CMatrix.adjointTimes(y, k)
        let inv = try LinearAlgebra.inverse(ytk, parameter: "Y†K (0 not semisimple?)")
        let p = CMatrix.timesAdjoint(CMatrix.gemm(k, inv), y)
        return SteadyStateAnalysis(dimension: l.dimension, nullity: right.dimension, kernel: k, leftKernel: y,
                                   projector: p, rankTolerance: right.tolerance,
                                   smallestNonzeroSingularValue: right.smallestKept,
                                   largestZeroSingularValue: right.largestDropped)
    }

    /// The unique steady state by a linear solve with the trace condition: the first equation of
    /// L x = 0 is replaced by tr x = 1. Throws `.steadyStateNotUnique` if the kernel is degenerate.
    public static func unique(_ l: Lindbladian) throws(SimulatorError) -> CMatrix {
        let analysis = try analyse(l)
        if analysis.nullity != 1 { throw .steadyStateNotUnique(nullity: analysis.nullity) }
        let d = l.dimension
        var a = l.matrix
        for c in 0..<(d * d) { a[0, c] = Cx.zero }
        for i in 0..<d { a[0, i + d * i] = Cx(1) }
        var b = CMatrix(rows: d * d, cols: 1)
        b[0, 0] = Cx(1)
        let x = try LinearAlgebra.solve(a, b, parameter: "L with trace row")
        let rho = try CMatrix.unvectorise(x, dimension: d).hermitianPart
        try DensityMatrix.validate(rho, parameter: "unique steady state", tolerance: 1e-8)
        return rho
    }

    /// The steady state reached from ρ0 (works for any nullity).
    public static func from(_ rho0: CMatrix, _ l: Lindbladian) throws(SimulatorError) -> CMatrix {
        try analyse(l).steadyState(from: rho0)
    }

    /// Spectral data of L: gap = min{−Re λ : |λ| > tol}, and the count of eigenvalues with
    /// |λ| ≤ tol (nullity) and of non-zero eigenvalues on the imaginary axis (persistent oscillations).
    public struct Spectrum: Sendable {
        public let eigenvalues: [Cx]
        public let gap: Double
        public let zeroCount: Int
        public let imaginaryAxisCount: Int
        public let tolerance: Double
    }

    public static func spectrum(_ l: Lindbladian, tolerance: Double? = nil) throws(SimulatorError) -> Spectrum {
        let ev = try l.spectrum()
        let scale = ev.map { $0.length }.max() ?? 1
        let tol = tolerance ?? Swift.max(1e-9 * scale, 1e-12)
        var gap = Double.infinity
        var zero = 0, imag = 0
        for z in ev {
            if z.length <= tol { zero += 1; continue }
            if Swift.abs(z.real) <= tol { imag += 1; continue }
            gap = Swift.min(gap, -z.real)
        }
        return Spectrum(eigenvalues: ev, gap: gap, zeroCount: zero, imaginaryAxisCount: imag, tolerance: tol)
    }
}
