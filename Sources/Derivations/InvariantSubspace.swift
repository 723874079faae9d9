// Structure before size for steady states: when ρ0 lives on the operators B(S) = span{|u_a⟩⟨u_b|}
// of a subspace S and L maps B(S) into itself, e^{tL}ρ0 never leaves B(S), and the spectral
// projector of L at 0 restricted to B(S) is the projector of the restriction (it is a polynomial
// in L). So the steady state is computed from the (dim S)² × (dim S)² restriction, with the same
// exact projector formula as the full route, and gives the identical matrix.
// The candidate S is the permutation-symmetric (Dicke) subspace of N qubits, basis
// u_k = Σ_{|i| = k} |i⟩ (disjoint supports, entries 1). Nothing is assumed: ρ0 ∈ B(S) and
// L(|u_a⟩⟨u_b|) ∈ B(S) for every a, b are checked EXACTLY, entry by entry; when either fails the
// caller takes the full route. For Çakmak's collective model from the ground state this turns
// N = 5, 6 into (N+1)² problems.
import BigNumerics
import Operators

enum InvariantSubspace {
    /// Basis vectors with disjoint supports: index → non-zero entry.
    typealias Basis = [[(index: Int, value: ExactScalar)]]

    /// The Dicke basis of the symmetric subspace of `qubits` qubits (u_k: all basis states of weight k).
    static func symmetric(qubits n: Int) -> Basis {
        var out = Basis(repeating: [], count: n + 1)
        for i in 0..<(1 << n) { out[i.nonzeroBitCount].append((i, 1)) }
        return out
    }

    /// Coordinates x_{a + k·b} of X = Σ x_ab |u_a⟩⟨u_b| when the sparse vec X (index r + d·s) lies in
    /// B(S) exactly; nil when it does not.
    static func coordinates(of x: [Int: ExactScalar], in basis: Basis, owner: [Int?], position: [Int: ExactScalar],
                            dimension d: Int) -> [Int: ExactScalar]? {
        let k = basis.count
        var coords: [Int: ExactScalar] = [:]
        var counts: [Int: Int] = [:]
        for (idx, value) in x where !value.isZero {
            let r = idx % d, s = idx / d
            guard let a = owner[r], let b = owner[s], let ur = position[r], let us = position[s] else { return nil }
            let key = a + k * b
            // The coordinate from the block's first entry (its representative), compared with every entry.
            let repR = basis[a][0], repS = basis[b][0]
            if coords[key] == nil {
                let rep = x[repR.index + d * repS.index] ?? .zero
                guard let inv = (repR.value * repS.value.conjugate).reciprocal else { return nil }
                coords[key] = rep * inv
            }
            guard let c = coords[key], c * ur * us.conjugate == value else { return nil }
            counts[key, default: 0] += 1
        }
        // Every entry of a block with a non-zero coordinate must be present (u's entries are non-zero).
        for (key, c) in coords where !c.isZero {
            if counts[key] != basis[key % k].count * basis[key / k].count { return nil }
        }
        return coords.filter { !$0.value.isZero }
    }

    /// The steady state from ρ0 through the restriction to B(symmetric subspace), or nil when
    /// ρ0 ∉ B(S) or L does not map B(S) into itself (checked exactly), or no reduction results.
    static func steadyState(of l: SparseLindbladian<ExactScalar>, initial rho0: Matrix<ExactScalar>) throws(DerivationError) -> Matrix<ExactScalar>? {
        let d = l.dimension
        guard d > 2, d & (d - 1) == 0 else { return nil }
        guard let restriction = restrict(l, to: symmetric(qubits: d.trailingZeroBitCount), initial: rho0) else { return nil }
        let (basis, columns, x0) = restriction
        let k = basis.count
        let x = try ExactLinearAlgebra.projectOntoKernel(columns: columns, blocks: components(columns),
                                                         vector: (0..<(k * k)).map { x0[$0] ?? .zero }, method: .automatic)
        var out = Matrix<ExactScalar>(rows: d, cols: d)
        for (key, c) in x {
            for (r, ur) in basis[key % k] { for (s, us) in basis[key / k] { out[r, s] = out[r, s] + c * ur * us.conjugate } }
        }
        return out
    }

    /// The restriction of L to B(S) as sparse columns over the coordinates, and ρ0's coordinates;
    /// nil when either check fails.
    static func restrict(_ l: SparseLindbladian<ExactScalar>, to basis: Basis, initial rho0: Matrix<ExactScalar>)
        -> (basis: Basis, columns: [[Int: ExactScalar]], initial: [Int: ExactScalar])? {
        let d = l.dimension, k = basis.count
        guard k < d else { return nil }
        var owner = [Int?](repeating: nil, count: d)
        var position: [Int: ExactScalar] = [:]
        for (a, u) in basis.enumerated() {
            for (i, v) in u {
                guard owner[i] == nil, !v.isZero else { return nil }  // supports must be disjoint
                owner[i] = a
                position[i] = v
            }
        }
        var rhoVec: [Int: ExactScalar] = [:]
        for (idx, v) in rho0.storage.enumerated() where !v.isZero { rhoVec[idx] = v }
        guard let x0 = coordinates(of: rhoVec, in: basis, owner: owner, position: position, dimension: d) else { return nil }
        var columns: [[Int: ExactScalar]] = []
        columns.reserveCapacity(k * k)
        for b in 0..<k {
            for a in 0..<k {
                // L(|u_a⟩⟨u_b|) = Σ u_a[r] conj(u_b[s]) L(|r⟩⟨s|)
                var terms: [Int: [ExactScalar]] = [:]
                for (r, ur) in basis[a] {
                    for (s, us) in basis[b] {
                        let w = ur * us.conjugate
                        for (idx, v) in l.column(r, s) { terms[idx, default: []].append(w == 1 ? v : w * v) }
                    }
                }
                var image: [Int: ExactScalar] = [:]
                for (idx, t) in terms {
                    let sum = t.count == 1 ? t[0]
                        : ExactScalar(MultivariateRationalFunction.sum(t.map(\.real)), MultivariateRationalFunction.sum(t.map(\.imaginary)))
                    if !sum.isZero { image[idx] = sum }
                }
                guard let c = coordinates(of: image, in: basis, owner: owner, position: position, dimension: d) else { return nil }
                columns.append(c)
            }
        }
        return (basis, columns, x0)
    }

    /// Connected components of the sparsity graph of sparse columns (edges both ways), each sorted.
    static func components(_ columns: [[Int: ExactScalar]]) -> [[Int]] {
        let n = columns.count
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for c in 0..<n { for r in columns[c].keys { let a = find(r), b = find(c); if a != b { parent[a] = b } } }
        var groups: [Int: [Int]] = [:]
        for k in 0..<n { groups[find(k), default: []].append(k) }
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
