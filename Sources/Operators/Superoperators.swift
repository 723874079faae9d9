// Superoperators over any field in ONE vectorisation convention: column stacking,
//   vec(ρ)[i + d·j] = ρ_ij,   vec(A ρ B) = (Bᵀ ⊗ A) vec(ρ),
// the convention of the simulator (QuTiP's too). Mayo's Eq. (14) stacks rows: `toRowStacking`.

import RealModule
public enum Superoperators<Scalar: AlgebraicField & Sendable> {
    public typealias M = Matrix<Scalar>

    /// S with S vec(ρ) = vec(A ρ B).
    public static func sandwich(_ a: M, _ b: M) -> M { M.kron(b.transpose, a) }

    /// vec(A ρ).
    public static func leftMultiplication(_ a: M) -> M { M.kron(M.identity(a.rows), a) }

    /// vec(ρ B).
    public static func rightMultiplication(_ b: M) -> M { M.kron(b.transpose, M.identity(b.rows)) }
}

// The generators need i (−i[H, ·]) and conjugation (b†): complex fields only.
extension Superoperators where Scalar: OperatorField {
    /// −i[H, ·]. Hermiticity is the caller's to check (decidable only for exact scalars).
    public static func hamiltonian(_ h: M) throws(OperatorError) -> M {
        if !h.isSquare { throw .dimensionMismatch(parameter: "H", expected: "square", got: "\(h.rows)x\(h.cols)") }
        let l = try leftMultiplication(h) - rightMultiplication(h)
        return l.scaled(-Scalar.imaginaryUnit)
    }

    /// D_{a,b}(ρ) = a ρ b† − ½{b†a, ρ}; D_{a,a} is the usual Lindblad term.
    public static func dissipator(_ a: M, _ b: M) throws(OperatorError) -> M {
        if a.rows != b.rows || a.cols != b.cols || !a.isSquare {
            throw .dimensionMismatch(parameter: "dissipator operators", expected: "equal square", got: "\(a.rows)x\(a.cols), \(b.rows)x\(b.cols)")
        }
        let bda = try b.adjoint * a
        var s = M.kron(b.conjugate, a)
        let one: Scalar = 1
        let half = -(one / Scalar.integer(2))
        s.addScaled(leftMultiplication(bda), half)
        s.addScaled(rightMultiplication(bda), half)
        return s
    }

    /// −i[H, ·] + Σ_k rate_k D[L_k].
    public static func lindbladian(hamiltonian h: M, jumps: [(operator: M, rate: Scalar)]) throws(OperatorError) -> M {
        var l = try hamiltonian(h)
        for j in jumps where j.rate != .zero { l.addScaled(try dissipator(j.operator, j.operator), j.rate) }
        return l
    }

    /// −i[H, ·] + Σ_ij γ_ij (A_j ρ A_i† − ½{A_i† A_j, ρ}) for a Kossakowski matrix γ.
    public static func lindbladian(hamiltonian h: M, operators a: [M], kossakowski gamma: M) throws(OperatorError) -> M {
        if gamma.rows != a.count || gamma.cols != a.count {
            throw .dimensionMismatch(parameter: "gamma_ij", expected: "\(a.count)x\(a.count)", got: "\(gamma.rows)x\(gamma.cols)")
        }
        var l = try hamiltonian(h)
        for i in 0..<a.count { for j in 0..<a.count where gamma[i, j] != .zero {
            l.addScaled(try dissipator(a[j], a[i]), gamma[i, j])
        } }
        return l
    }
}

// Maps, application and reordering are real: any field (an exact or interval route over R uses them).
extension Superoperators {
    /// Matrix of a linear map on d×d matrices, column (i + d j) = vec(map(|i⟩⟨j|)).
    public static func fromMap(dimension d: Int, _ map: (M) throws(OperatorError) -> M) throws(OperatorError) -> M {
        var s = M(rows: d * d, cols: d * d)
        for j in 0..<d { for i in 0..<d {
            var e = M(rows: d, cols: d)
            e[i, j] = 1
            let out = try map(e)
            if out.rows != d || out.cols != d {
                throw .dimensionMismatch(parameter: "map output", expected: "\(d)x\(d)", got: "\(out.rows)x\(out.cols)")
            }
            let col = i + d * j
            for k in 0..<(d * d) { s.storage[d * d * col + k] = out.storage[k] }
        } }
        return s
    }

    /// S vec(ρ) as a matrix.
    public static func apply(_ s: M, to rho: M) throws(OperatorError) -> M {
        if s.cols != rho.rows * rho.cols || !rho.isSquare {
            throw .dimensionMismatch(parameter: "state for superoperator", expected: "\(s.cols) entries", got: "\(rho.rows)x\(rho.cols)")
        }
        return try M.unvectorise(s * rho.vectorised, dimension: rho.rows)
    }

    /// P S Pᵀ with P vec_col(ρ) = vec_row(ρ) (Mayo's Eq. 14 order when combined with the bit flip).
    public static func toRowStacking(_ s: M, dimension d: Int) -> M {
        func perm(_ k: Int) -> Int { let i = k % d, j = k / d; return i * d + j }
        var out = M(rows: s.rows, cols: s.cols)
        for c in 0..<s.cols { for r in 0..<s.rows { out[perm(r), perm(c)] = s[r, c] } }
        return out
    }
}
