// The coupled (total angular momentum) basis of N qubits, built level by level in excitation
// number, real and orthonormal:  C^{2^N} = ⊕_j C^{d_j} ⊗ C^{2j+1}.
//
// Collective operators (J^±, J_z, Σ_{i≠j} σ_i^+σ_j^-) act only on the spin factor C^{2j+1}; the copy
// index a = 1…d_j is untouched. A coupled vector |j, a, m⟩ has m + N/2 excitations, so the basis
// change is block diagonal by excitation number k: U = ⊕_k U_k with U_k a real orthogonal
// C(N,k) × C(N,k) matrix. We build U_k from the lowest-weight vectors (kernel of J^- at level
// k ≤ N/2: the orthogonal complement of J^+ applied to level k − 1) and raise them with
// J^+/√((j − m)(j + m + 1)), which fixes the copy label a consistently along each ladder.
//
// The package's one builder of this basis: the per-level tables feed the fast steady-state kernels
// (CollectiveSteadyStateKernel), the dense view feeds the sector-by-sector generator (SpinSectors).
import Foundation

public struct CoupledBasis: Sendable {
    public struct Sector: Sendable, Equatable {
        /// 2j (so half-integer spins are integers here).
        public let twoJ: Int
        /// d_j, the number of copies of the spin-j irrep.
        public let multiplicity: Int
        /// Excitation number of the lowest weight m = −j: (N − 2j)/2.
        public let lowestLevel: Int
        public var size: Int { twoJ + 1 }
        /// Highest level m = +j.
        public var highestLevel: Int { lowestLevel + twoJ }
    }

    /// A sector present at level k and the offset of its first copy among U_k's columns.
    public struct Slot: Sendable, Equatable {
        public let sector: Int
        public let offset: Int
    }

    public let qubits: Int
    /// Sectors with j descending: sector q has 2j = N − 2q.
    public let sectors: [Sector]
    /// Computational basis indices with k excitations, ascending (row order of U_k).
    public let levelStates: [[Int]]
    /// U_k row-major: U_k[row·n_k + col] = ⟨levelStates[k][row] | column col⟩.
    public let u: [[Double]]
    /// U_k transposed (row-major U_kᵀ), for stride-1 loops over rows.
    public let ut: [[Double]]
    /// Sectors present at level k, in column order.
    public let slots: [[Slot]]

    /// Largest N accepted (U_k of C(N, N/2)² entries; N = 14 needs 3432² doubles ≈ 94 MB).
    public static let maxQubits = 14

    public init(qubits n: Int) throws(SimulatorError) {
        if n < 1 || n > Self.maxQubits {
            throw .invalidParameter(name: "N (qubits)", value: "\(n)", allowed: "1 ... \(Self.maxQubits)")
        }
        let d = 1 << n
        var levels = [[Int]](repeating: [], count: n + 1)
        for x in 0..<d { levels[x.nonzeroBitCount].append(x) }
        var pos = [Int](repeating: 0, count: d)
        for lv in levels { for (i, x) in lv.enumerated() { pos[x] = i } }
        var secs: [Sector] = []
        for q in 0...(n / 2) {
            let mult = binomial(n, q) - (q > 0 ? binomial(n, q - 1) : 0)
            secs.append(Sector(twoJ: n - 2 * q, multiplicity: mult, lowestLevel: q))
        }
        // columns[k] = list of (sector, copy, vector over levels[k])
        var cols: [[(sector: Int, vector: [Double])]] = Array(repeating: [], count: n + 1)
        cols[0] = [(0, [1])]
        for k in 1...n {
            let nk = levels[k].count
            var current: [(sector: Int, vector: [Double])] = []
            let twoM = 2 * (k - 1) - n  // 2m of the level below
            for c in cols[k - 1] {
                let twoJ = secs[c.sector].twoJ
                if twoM >= twoJ { continue }  // top of this ladder
                var w = [Double](repeating: 0, count: nk)
                for (i, x) in levels[k - 1].enumerated() where c.vector[i] != 0 {
                    for b in 0..<n where x & (1 << b) == 0 { w[pos[x | (1 << b)]] += c.vector[i] }
                }
                // ‖J⁺|j,m⟩‖² = (j − m)(j + m + 1) = ((2j − 2m)(2j + 2m + 2))/4
                let norm = (Double((twoJ - twoM) * (twoJ + twoM + 2)) / 4).squareRoot()
                for i in 0..<nk { w[i] /= norm }
                current.append((c.sector, w))
            }
            if 2 * k <= n {
                let need = secs[k].multiplicity
                var q: [[Double]] = current.map { $0.vector }
                var accepted = 0
                while accepted < need {
                    // pivot: the standard vector with the largest residual outside span(q)
                    var best = -1, bestNorm = 0.0
                    for y in 0..<nk {
                        var r2 = 1.0
                        for v in q { r2 -= v[y] * v[y] }
                        if r2 > bestNorm + 1e-14 { best = y; bestNorm = r2 }
                    }
                    if best < 0 || bestNorm < 1e-8 {
                        throw .invalidParameter(name: "coupled basis", value: "rank deficiency at level \(k)", allowed: "N ≤ \(Self.maxQubits)")
                    }
                    var v = [Double](repeating: 0, count: nk)
                    v[best] = 1
                    for _ in 0..<2 {
                        for w in q {
                            var ip = 0.0
                            for i in 0..<nk { ip += w[i] * v[i] }
                            for i in 0..<nk { v[i] -= ip * w[i] }
                        }
                    }
                    var nn = 0.0
                    for i in 0..<nk { nn += v[i] * v[i] }
                    nn = nn.squareRoot()
                    for i in 0..<nk { v[i] /= nn }
                    q.append(v)
                    current.append((k, v))
                    accepted += 1
                }
            }
            if current.count != nk {
                throw .invalidParameter(name: "coupled basis", value: "\(current.count) of \(nk) vectors at level \(k)", allowed: "complete basis")
            }
            cols[k] = current
        }
        var us: [[Double]] = [], uts: [[Double]] = [], sl: [[Slot]] = []
        for k in 0...n {
            let nk = levels[k].count
            var m = [Double](repeating: 0, count: nk * nk), mt = m
            var slotList: [Slot] = []
            for (c, col) in cols[k].enumerated() {
                if slotList.last?.sector != col.sector { slotList.append(Slot(sector: col.sector, offset: c)) }
                for r in 0..<nk { m[r * nk + c] = col.vector[r]; mt[c * nk + r] = col.vector[r] }
            }
            us.append(m); uts.append(mt); sl.append(slotList)
        }
        self.qubits = n
        self.sectors = secs
        self.levelStates = levels
        self.u = us
        self.ut = uts
        self.slots = sl
    }

    /// max |U_kᵀU_k − 1| over k (orthonormality check).
    public var orthogonalityDefect: Double {
        var worst = 0.0
        for k in 0...qubits {
            let nk = levelStates[k].count
            for a in 0..<nk { for b in 0..<nk {
                var s = 0.0
                for r in 0..<nk { s += u[k][r * nk + a] * u[k][r * nk + b] }
                worst = max(worst, abs(s - (a == b ? 1 : 0)))
            } }
        }
        return worst
    }

    /// The dense view: columns |j, a, m⟩ in sector order (j descending), copy-major, m descending,
    /// in the computational basis (what `SpinSectorDecomposition` uses). Column offsets per sector
    /// are returned beside the matrix.
    public func denseColumns() -> (matrix: CMatrix, offsets: [Int]) {
        let d = 1 << qubits
        var m = CMatrix(rows: d, cols: d)
        var offsets: [Int] = []
        var col = 0
        for (s, sec) in sectors.enumerated() {
            offsets.append(col)
            for a in 0..<sec.multiplicity {
                for i in 0..<sec.size {
                    let k = sec.highestLevel - i
                    let nk = levelStates[k].count
                    guard let slot = slots[k].first(where: { $0.sector == s }) else { continue }
                    for (row, x) in levelStates[k].enumerated() { m[x, col] = Cx(u[k][row * nk + slot.offset + a]) }
                    col += 1
                }
            }
        }
        return (m, offsets)
    }
}

func binomial(_ n: Int, _ k: Int) -> Int {
    if k < 0 || k > n { return 0 }
    var r = 1
    for i in 0..<min(k, n - k) { r = r * (n - i) / (i + 1) }
    return r
}
