// Structure before size for steady states: when ρ0 lies in a subspace W of operators that L maps
// into itself, e^{tL}ρ0 never leaves W, and the spectral projector of L at 0 restricted to W is
// the projector of the restriction (it is a polynomial in L). So the steady state is computed from
// the (dim W)² restriction, with the same exact projector formula as the full route, and gives the
// identical matrix. Candidates, smallest first, each spanned by operators with disjoint supports:
//  • B(S) for the permutation-symmetric (Dicke) subspace S of N qubits: |u_a⟩⟨u_b| with
//    u_k = Σ_{|i| = k} |i⟩, (N+1)² elements (pure symmetric states, e.g. the ground state);
//  • the permutation-invariant operators: sums of |i⟩⟨j| over one orbit of the qubit
//    permutations acting on i and j together, C(N+3, 3) elements (e.g. mixtures of weights).
// Nothing is assumed: ρ0 ∈ W and L(E) ∈ W for every basis element E are checked EXACTLY, entry by
// entry; when a check fails the next candidate is tried, then the full route. For Çakmak's
// collective model from the ground state this turns N = 5, 6 into (N+1)² problems.
import BigNumerics
import Operators

enum InvariantSubspace {
    /// Operators with disjoint supports: vec index (r + d·s) → non-zero entry.
    typealias Basis = [[(index: Int, value: ExactScalar)]]

    /// |u_a⟩⟨u_b|, element a + (N+1)·b, for the Dicke vectors u_k = Σ_{|i| = k} |i⟩.
    static func symmetric(qubits n: Int) -> Basis {
        let d = 1 << n
        var u = [[Int]](repeating: [], count: n + 1)
        for i in 0..<d { u[i.nonzeroBitCount].append(i) }
        var out: Basis = []
        for b in 0...n { for a in 0...n { out.append(u[a].flatMap { r in u[b].map { s in (r + d * s, ExactScalar(1)) } }) } }
        return out
    }

    /// Σ |i⟩⟨j| over each orbit of (i, j) under the permutations of the qubits (the orbit is fixed by
    /// the numbers of sites with bit pairs 00, 01, 10, 11).
    static func permutationInvariant(qubits n: Int) -> Basis {
        let d = 1 << n
        var orbit: [[Int]: Int] = [:]
        var out: Basis = []
        for s in 0..<d {
            for r in 0..<d {
                let key = [(~r & ~s & (d - 1)).nonzeroBitCount, (~r & s & (d - 1)).nonzeroBitCount, (r & ~s & (d - 1)).nonzeroBitCount]
                if let e = orbit[key] { out[e].append((r + d * s, 1)) } else { orbit[key] = out.count; out.append([(r + d * s, 1)]) }
            }
        }
        return out
    }

    /// Coordinates of the sparse vec X in the basis when X lies in its span exactly; nil when not.
    static func coordinates(of x: [Int: ExactScalar], in basis: Basis, owner: [Int: (element: Int, value: ExactScalar)]) -> [Int: ExactScalar]? {
        var coords: [Int: ExactScalar] = [:]
        var counts: [Int: Int] = [:]
        for (idx, value) in x where !value.isZero {
            guard let (e, v) = owner[idx] else { return nil }
            if coords[e] == nil {
                // the coordinate from the element's first entry (its representative), compared with every entry
                let rep = basis[e][0]
                guard let inv = rep.value.reciprocal else { return nil }
                coords[e] = (x[rep.index] ?? .zero) * inv
            }
            guard let c = coords[e], c * v == value else { return nil }
            counts[e, default: 0] += 1
        }
        // every entry of an element with a non-zero coordinate must be present (entries are non-zero)
        for (e, c) in coords where !c.isZero { if counts[e] != basis[e].count { return nil } }
        return coords.filter { !$0.value.isZero }
    }

    /// The steady state from ρ0 through the first candidate subspace that provably contains ρ0 and is
    /// mapped into itself by L; nil when none is (the caller takes the full route).
    static func steadyState(of l: SparseLindbladian<ExactScalar>, initial rho0: Matrix<ExactScalar>,
                            memory: MemoryGuard = .unlimited) throws(DerivationError) -> Matrix<ExactScalar>? {
        let d = l.dimension
        guard d > 2, d & (d - 1) == 0 else { return nil }
        let n = d.trailingZeroBitCount
        for basis in [symmetric(qubits: n), permutationInvariant(qubits: n)] {
            guard let (columns, x0) = restrict(l, to: basis, initial: rho0) else { continue }
            // checked once this route is known to apply (restricting holds only k sparse columns)
            try memory.check("invariant subspace of dimension \(basis.count)", bytes: MemoryGuard.subspace(dimension: d, coordinates: basis.count,
                                                                                                      largestElement: basis.map(\.count).max() ?? 0))
            let k = basis.count
            let x = try ExactLinearAlgebra.projectOntoKernel(columns: columns, blocks: components(columns),
                                                             vector: (0..<k).map { x0[$0] ?? .zero }, method: .automatic, memory: memory)
            var out = Matrix<ExactScalar>(rows: d, cols: d)
            for (e, c) in x { for (idx, v) in basis[e] { out[idx % d, idx / d] = out[idx % d, idx / d] + c * v } }
            return out
        }
        return nil
    }

    /// The restriction of L to span(basis) as sparse columns over the coordinates, and ρ0's
    /// coordinates; nil when the basis does not reduce, ρ0 is outside, or L leaves the span.
    static func restrict(_ l: SparseLindbladian<ExactScalar>, to basis: Basis, initial rho0: Matrix<ExactScalar>)
        -> (columns: [[Int: ExactScalar]], initial: [Int: ExactScalar])? {
        let d = l.dimension
        guard basis.count < d * d else { return nil }
        var owner: [Int: (element: Int, value: ExactScalar)] = [:]
        for (e, op) in basis.enumerated() {
            guard !op.isEmpty else { return nil }
            for (idx, v) in op {
                guard owner[idx] == nil, !v.isZero else { return nil }  // supports must be disjoint
                owner[idx] = (e, v)
            }
        }
        var rhoVec: [Int: ExactScalar] = [:]
        for (idx, v) in rho0.storage.enumerated() where !v.isZero { rhoVec[idx] = v }
        guard let x0 = coordinates(of: rhoVec, in: basis, owner: owner) else { return nil }
        var columns: [[Int: ExactScalar]] = []
        columns.reserveCapacity(basis.count)
        for op in basis {
            // L(E) = Σ E[r, s] L(|r⟩⟨s|)
            var terms: [Int: [ExactScalar]] = [:]
            for (idx, w) in op {
                for (target, v) in l.column(idx % d, idx / d) { terms[target, default: []].append(w == 1 ? v : w * v) }
            }
            var image: [Int: ExactScalar] = [:]
            for (idx, t) in terms {
                let sum = t.count == 1 ? t[0]
                    : ExactScalar(MultivariateRationalFunction.sum(t.map(\.real)), MultivariateRationalFunction.sum(t.map(\.imaginary)))
                if !sum.isZero { image[idx] = sum }
            }
            guard let c = coordinates(of: image, in: basis, owner: owner) else { return nil }
            columns.append(c)
        }
        return (columns, x0)
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
