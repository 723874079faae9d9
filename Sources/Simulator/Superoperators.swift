// Superoperators in ONE vectorisation convention: column stacking,
//   vec(ρ)[i + d·j] = ρ_ij,   vec(A ρ B) = (Bᵀ ⊗ A) vec(ρ),
// which is exactly CMatrix's column-major storage (so vec/unvec are free). QuTiP uses the same.
// These are the LAPACK-backed Complex<Double> forms (BLAS products, the simulator's Hermiticity
// tolerances); `Operators.Superoperators` holds the same formulas over any field.
// Mayo's Eq. (14) stacks rows, (ρ00, ρ01, ρ10, ρ11); `Superoperator.toRowStacking` converts.
import Numerics

public enum Superoperator {
    /// S with S vec(ρ) = vec(A ρ B).
    public static func sandwich(_ a: CMatrix, _ b: CMatrix) -> CMatrix { CMatrix.kron(b.transpose, a) }

    /// vec(A ρ).
    public static func leftMultiplication(_ a: CMatrix) -> CMatrix { CMatrix.kron(CMatrix.identity(a.rows), a) }

    /// vec(ρ B).
    public static func rightMultiplication(_ b: CMatrix) -> CMatrix { CMatrix.kron(b.transpose, CMatrix.identity(b.rows)) }

    /// −i[H, ·]. Throws if H is not Hermitian.
    public static func hamiltonian(_ h: CMatrix, parameter: String = "H") throws(SimulatorError) -> CMatrix {
        try checkHermitian(h, parameter)
        let l = try leftMultiplication(h) - rightMultiplication(h)
        return l.scaled(by: Cx(0, -1))
    }

    /// Generalised dissipator D_{a,b}(ρ) = a ρ b† − ½{b†a, ρ}; D_{a,a} is the usual Lindblad term.
    public static func dissipator(_ a: CMatrix, _ b: CMatrix) throws(SimulatorError) -> CMatrix {
        if a.rows != b.rows || a.cols != b.cols || !a.isSquare {
            throw .dimensionMismatch(parameter: "dissipator operators", expected: "equal square", got: "\(a.rows)x\(a.cols), \(b.rows)x\(b.cols)")
        }
        let bda = CMatrix.adjointTimes(b, a)
        var s = CMatrix.kron(b.conjugate, a)
        s.addScaled(leftMultiplication(bda), Cx(-0.5))
        s.addScaled(rightMultiplication(bda), Cx(-0.5))
        return s
    }

    public static func dissipator(_ a: CMatrix) throws(SimulatorError) -> CMatrix { try dissipator(a, a) }

    /// Matrix of a linear map on d×d matrices, column (i + d j) = vec(map(|i⟩⟨j|)).
    public static func fromMap(dimension d: Int,
                               _ map: (CMatrix) throws(SimulatorError) -> CMatrix) throws(SimulatorError) -> CMatrix {
        var s = CMatrix(rows: d * d, cols: d * d)
        for j in 0..<d {
            for i in 0..<d {
                var e = CMatrix(rows: d, cols: d)
                e[i, j] = Cx(1)
                let out = try map(e)
                if out.rows != d || out.cols != d {
                    throw .dimensionMismatch(parameter: "map output", expected: "\(d)x\(d)", got: "\(out.rows)x\(out.cols)")
                }
                let col = i + d * j
                s.withUnsafeMutableStorage { t in
                    out.withUnsafeStorage { o in for k in 0..<(d * d) { t[d * d * col + k] = o[k] } }
                }
            }
        }
        return s
    }

    /// S vec(ρ), returned as a matrix.
    public static func apply(_ s: CMatrix, to rho: CMatrix) throws(SimulatorError) -> CMatrix {
        if s.cols != rho.rows * rho.cols || !rho.isSquare {
            throw .dimensionMismatch(parameter: "state for superoperator", expected: "\(s.cols) entries", got: "\(rho.rows)x\(rho.cols)")
        }
        let v = CMatrix.gemm(s, rho.vectorised)
        return try CMatrix.unvectorise(v, dimension: rho.rows)
    }

    /// Choi matrix C = Σ_ij |i⟩⟨j| ⊗ Φ(|i⟩⟨j|); Φ is completely positive iff C ⪰ 0.
    public static func choi(_ s: CMatrix, dimension d: Int) throws(SimulatorError) -> CMatrix {
        if s.rows != d * d || s.cols != d * d {
            throw .dimensionMismatch(parameter: "superoperator", expected: "\(d * d)x\(d * d)", got: "\(s.rows)x\(s.cols)")
        }
        var c = CMatrix(rows: d * d, cols: d * d)
        for j in 0..<d {
            for i in 0..<d {
                let col = i + d * j
                for l in 0..<d {
                    for k in 0..<d {
                        c[i * d + k, j * d + l] = s[k + d * l, col]
                    }
                }
            }
        }
        return c
    }

    /// max_ij |Σ_k Φ(|i⟩⟨j|)_kk − δ_ij|: zero for a trace-preserving map.
    public static func traceDefect(_ s: CMatrix, dimension d: Int) -> Double {
        var worst = 0.0
        for j in 0..<d {
            for i in 0..<d {
                var t = Cx.zero
                for k in 0..<d { t += s[k + d * k, i + d * j] }
                worst = Swift.max(worst, (t - Cx(i == j ? 1 : 0)).length)
            }
        }
        return worst
    }

    /// Smallest eigenvalue of the Choi matrix: ≥ 0 (to round-off) for a CP map.
    public static func choiMinEigenvalue(_ s: CMatrix, dimension d: Int) throws(SimulatorError) -> Double {
        let c = try choi(s, dimension: d)
        return try LinearAlgebra.eigvalsh(c.hermitianPart, parameter: "Choi matrix").first ?? 0
    }

    /// Permutation matrix P with P vec_col(ρ) = vec_row(ρ) (Mayo's Eq. 14 order, when combined with
    /// `PaperBasis.mayo`): S_row = P S_col Pᵀ.
    public static func toRowStacking(_ s: CMatrix, dimension d: Int) -> CMatrix {
        func perm(_ k: Int) -> Int { let i = k % d, j = k / d; return i * d + j }
        var out = CMatrix(rows: s.rows, cols: s.cols)
        for c in 0..<s.cols { for r in 0..<s.rows { out[perm(r), perm(c)] = s[r, c] } }
        return out
    }

    static func checkHermitian(_ h: CMatrix, _ parameter: String) throws(SimulatorError) {
        if !h.isSquare { throw .dimensionMismatch(parameter: parameter, expected: "square", got: "\(h.rows)x\(h.cols)") }
        let tol = 1e-10 * Swift.max(1, h.maxAbs)
        let dev = h.hermitianDeviation
        if dev > tol { throw .notHermitian(parameter: parameter, deviation: dev, tolerance: tol) }
    }
}

/// A time-independent Markovian generator L (d² × d²) acting on d × d matrices.
public struct Lindbladian: Sendable {
    public let dimension: Int
    public let matrix: CMatrix

    /// Wraps a superoperator matrix (e.g. a collision-model generator).
    public init(dimension: Int, matrix: CMatrix) throws(SimulatorError) {
        if matrix.rows != dimension * dimension || matrix.cols != dimension * dimension {
            throw .dimensionMismatch(parameter: "Liouvillian", expected: "\(dimension * dimension) square", got: "\(matrix.rows)x\(matrix.cols)")
        }
        self.dimension = dimension
        self.matrix = matrix
    }

    /// L = −i[H, ·] + Σ_k γ_k D[L_k]. Throws on non-Hermitian H, negative rates, size beyond memory.
    public init(hamiltonian h: CMatrix, jumps: [(operator: CMatrix, rate: Double)],
                memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) {
        let d = h.rows
        try SimulatorLimits.checkDense(parameter: "Liouville dimension d²", value: d * d, dimension: d * d, limit: memoryLimit)
        var l = try Superoperator.hamiltonian(h)
        for (k, jump) in jumps.enumerated() {
            if !(jump.rate >= 0) || !jump.rate.isFinite {
                throw .invalidParameter(name: "rate[\(k)]", value: "\(jump.rate)", allowed: "finite, >= 0")
            }
            if jump.rate == 0 { continue }
            l.addScaled(try Superoperator.dissipator(jump.operator), Cx(jump.rate))
        }
        try self.init(dimension: d, matrix: l)
    }

    /// L = −i[H, ·] + Σ_ij γ_ij (A_j ρ A_i† − ½{A_i† A_j, ρ}) with a Kossakowski matrix γ, which must be
    /// Hermitian and positive semidefinite (otherwise the semigroup is not completely positive).
    public init(hamiltonian h: CMatrix, operators a: [CMatrix], kossakowski gamma: CMatrix,
                memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) {
        if gamma.rows != a.count || gamma.cols != a.count {
            throw .dimensionMismatch(parameter: "gamma_ij", expected: "\(a.count)x\(a.count)", got: "\(gamma.rows)x\(gamma.cols)")
        }
        try Superoperator.checkHermitian(gamma, "gamma_ij")
        let minEig = try LinearAlgebra.eigvalsh(gamma, parameter: "gamma_ij").first ?? 0
        let tol = 1e-12 * Swift.max(1, gamma.maxAbs)
        if minEig < -tol {
            throw .invalidParameter(name: "gamma_ij (min eigenvalue)", value: "\(minEig)", allowed: "positive semidefinite matrix")
        }
        let d = h.rows
        try SimulatorLimits.checkDense(parameter: "Liouville dimension d²", value: d * d, dimension: d * d, limit: memoryLimit)
        var l = try Superoperator.hamiltonian(h)
        for i in 0..<a.count {
            for j in 0..<a.count where gamma[i, j] != Cx.zero {
                l.addScaled(try Superoperator.dissipator(a[j], a[i]), gamma[i, j])
            }
        }
        try self.init(dimension: d, matrix: l)
    }

    /// L(ρ).
    public func apply(_ rho: CMatrix) throws(SimulatorError) -> CMatrix { try Superoperator.apply(matrix, to: rho) }

    /// e^{tL} as a superoperator.
    public func propagator(time t: Double) throws(SimulatorError) -> CMatrix {
        if !t.isFinite { throw .invalidParameter(name: "t", value: "\(t)", allowed: "finite") }
        return try LinearAlgebra.expm(matrix.scaled(t), parameter: "t·L")
    }

    /// All eigenvalues of L.
    public func spectrum() throws(SimulatorError) -> [Cx] { try LinearAlgebra.eigenvalues(matrix, parameter: "L") }

    public static func + (a: Lindbladian, b: Lindbladian) throws(SimulatorError) -> Lindbladian {
        try Lindbladian(dimension: a.dimension, matrix: a.matrix + b.matrix)
    }
}
