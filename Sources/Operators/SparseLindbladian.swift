// The same Lindbladian as `Superoperators.lindbladian(hamiltonian:operators:kossakowski:)`, one
// column at a time: column (i + d·j) is vec L(|i⟩⟨j|), computed from the sparse columns of the
// d×d operators without forming any d²×d² matrix. Exact routes use it to build only the
// invariant blocks they need (and to find those blocks); `Tests/OperatorsTests` checks it
// against the dense formula entry by entry.
import RealModule

public struct SparseLindbladian<Scalar: OperatorField>: Sendable {
    public let dimension: Int
    typealias Entries = [(index: Int, value: Scalar)]
    let hColumns: [Entries]            // H|i⟩ as (row, value)
    let hRows: [Entries]               // ⟨j|H as (col, value)
    let operatorColumns: [[Entries]]   // A_a|i⟩
    let terms: [(a: Int, b: Int, rate: Scalar)]
    let products: [Int: (columns: [Entries], rows: [Entries])]  // K_ab = A_a†A_b, keyed a·n + b

    /// −i[H, ·] + Σ_ab γ_ab (A_b ρ A_a† − ½{A_a†A_b, ρ}) + Σ_k r_k D[L_k] (extra jumps as diagonal terms).
    public init(hamiltonian h: Matrix<Scalar>, operators a: [Matrix<Scalar>], kossakowski gamma: Matrix<Scalar>,
                jumps: [(operator: Matrix<Scalar>, rate: Scalar)] = []) throws(OperatorError) {
        let d = h.rows
        if !h.isSquare { throw .dimensionMismatch(parameter: "H", expected: "square", got: "\(h.rows)x\(h.cols)") }
        if gamma.rows != a.count || gamma.cols != a.count {
            throw .dimensionMismatch(parameter: "gamma_ij", expected: "\(a.count)x\(a.count)", got: "\(gamma.rows)x\(gamma.cols)")
        }
        let ops = a + jumps.map(\.operator)
        for (k, op) in ops.enumerated() where op.rows != d || op.cols != d {
            throw .dimensionMismatch(parameter: "operator \(k)", expected: "\(d)x\(d)", got: "\(op.rows)x\(op.cols)")
        }
        func columns(_ m: Matrix<Scalar>) -> [Entries] {
            (0..<d).map { i in (0..<d).compactMap { r in m[r, i].isZero ? nil : (r, m[r, i]) } }
        }
        func rows(_ m: Matrix<Scalar>) -> [Entries] {
            (0..<d).map { j in (0..<d).compactMap { s in m[j, s].isZero ? nil : (s, m[j, s]) } }
        }
        var terms: [(a: Int, b: Int, rate: Scalar)] = []
        for i in 0..<a.count { for j in 0..<a.count where !gamma[i, j].isZero { terms.append((i, j, gamma[i, j])) } }
        for (k, jmp) in jumps.enumerated() where !jmp.rate.isZero { terms.append((a.count + k, a.count + k, jmp.rate)) }
        let n = ops.count
        var products: [Int: (columns: [Entries], rows: [Entries])] = [:]
        for t in terms where products[t.a * n + t.b] == nil {
            let k = try ops[t.a].adjoint * ops[t.b]
            products[t.a * n + t.b] = (columns(k), rows(k))
        }
        self.dimension = d
        self.hColumns = columns(h)
        self.hRows = rows(h)
        self.operatorColumns = ops.map(columns)
        self.terms = terms
        self.products = products
    }

    /// vec L(|i⟩⟨j|) as a sparse column: index (r + d·s) → value.
    public func column(_ i: Int, _ j: Int) -> [Int: Scalar] {
        let d = dimension
        var out: [Int: Scalar] = [:]
        func add(_ r: Int, _ s: Int, _ v: Scalar) {
            let k = r + d * s
            if let old = out[k] { out[k] = old + v } else { out[k] = v }
        }
        let mi = -Scalar.imaginaryUnit
        for (r, v) in hColumns[i] { add(r, j, mi * v) }
        for (s, v) in hRows[j] { add(i, s, Scalar.imaginaryUnit * v) }
        let n = operatorColumns.count
        let half = Scalar.integer(1) / Scalar.integer(2)
        for t in terms {
            // γ_ab A_b|i⟩⟨j|A_a† = γ_ab Σ A_b[r,i] conj(A_a[s,j]) |r⟩⟨s|
            for (r, x) in operatorColumns[t.b][i] { for (s, y) in operatorColumns[t.a][j] { add(r, s, t.rate * x * y.conjugate) } }
            guard let k = products[t.a * n + t.b] else { continue }
            let c = -(t.rate * half)
            for (r, v) in k.columns[i] { add(r, j, c * v) }   // −½γ K|i⟩⟨j|
            for (s, v) in k.rows[j] { add(i, s, c * v) }      // −½γ |i⟩⟨j|K
        }
        return out.filter { !$0.value.isZero }
    }

    /// Invariant blocks: the connected components of the sparsity graph of L on the d² basis
    /// matrices |i⟩⟨j| (edges both ways), each sorted. Symmetry (e.g. the U(1) charge
    /// n(i) − n(j) of an excitation-conserving model) shows up as components without being assumed.
    public func invariantBlocks() -> (blocks: [[Int]], columns: [[Int: Scalar]]) {
        let d = dimension, n = d * d
        var cols: [[Int: Scalar]] = []
        cols.reserveCapacity(n)
        for k in 0..<n { cols.append(column(k % d, k / d)) }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for c in 0..<n { for r in cols[c].keys { let a = find(r), b = find(c); if a != b { parent[a] = b } } }
        var groups: [Int: [Int]] = [:]
        for k in 0..<n { groups[find(k), default: []].append(k) }
        return (groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }, cols)
    }
}
