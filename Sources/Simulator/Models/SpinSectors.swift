// Faster route for permutation-invariant ("collective") generators of N qubits, e.g. Çakmak's
// collective limit at N = 6, 7 where the dense Liouvillian (4^N × 4^N) is too large.
// Schur–Weyl: C^{2^N} = ⊕_j C^{m_j} ⊗ C^{2j+1}; collective operators act as 1_{m_j} ⊗ O_j. The
// generator then acts independently on each block ρ_{(j,a),(j',b)} through a small generator
// L_{jj'} of size (2j+1)(2j'+1), the same for all copies a, b. The dense route stays the oracle.
import Numerics

public struct SpinSectorDecomposition: Sendable {
    public struct Sector: Sendable {
        /// Total spin j (half-integers allowed: stored as 2j).
        public let twoJ: Int
        public let multiplicity: Int
        /// Column offset of copy a in the coupled basis: offset + a·(2j+1) + (j − m).
        public let offset: Int
        public var size: Int { twoJ + 1 }
    }

    public let qubits: Int
    /// Columns: the coupled basis |j, a, m⟩, in sector order, copy-major, m descending.
    public let basis: CMatrix
    public let sectors: [Sector]

    /// The dense view of the package's one coupled basis (`CoupledBasis`: lowest weights as the
    /// complement of J⁺'s image per excitation level, raised with J⁺); `sectorBlocks` checks that
    /// every operator it is given really is block diagonal in it.
    public init(qubits n: Int) throws(SimulatorError) {
        let coupled = try CoupledBasis(qubits: n)
        let (matrix, offsets) = coupled.denseColumns()
        self.qubits = n
        self.basis = matrix
        self.sectors = coupled.sectors.enumerated().map { s, sec in
            Sector(twoJ: sec.twoJ, multiplicity: sec.multiplicity, offset: offsets[s])
        }
    }

    /// The block O_j of a collective operator, after checking that U†OU = ⊕_j 1_{m_j} ⊗ O_j.
    public func sectorBlocks(of op: CMatrix, parameter: String) throws(SimulatorError) -> [CMatrix] {
        let t = CMatrix.gemm(CMatrix.adjointTimes(basis, op), basis)
        var blocks: [CMatrix] = []
        let scale = Swift.max(1, op.maxAbs)
        var covered = CMatrix(rows: t.rows, cols: t.cols)
        for s in sectors {
            let first = CMatrix(rows: s.size, cols: s.size) { i, j in t[s.offset + i, s.offset + j] }
            for a in 0..<s.multiplicity {
                let o = s.offset + a * s.size
                for j in 0..<s.size { for i in 0..<s.size {
                    if (t[o + i, o + j] - first[i, j]).length > 1e-10 * scale {
                        throw .invalidParameter(name: parameter, value: "differs between copies of spin \(s.twoJ)/2",
                                                allowed: "permutation-invariant (collective) operator")
                    }
                    covered[o + i, o + j] = t[o + i, o + j]
                } }
            }
            blocks.append(first)
        }
        let leak = t.maxAbsDifference(covered)
        if leak > 1e-10 * scale {
            throw .invalidParameter(name: parameter, value: "couples spin sectors (|off-block| = \(leak))",
                                    allowed: "permutation-invariant (collective) operator")
        }
        return blocks
    }
}

/// Collective generator L = −i[H, ·] + Σ_k γ_k D[c_k] handled sector-pair by sector-pair.
public struct CollectiveGenerator: Sendable {
    public let decomposition: SpinSectorDecomposition
    let hBlocks: [CMatrix]
    let jumpBlocks: [[CMatrix]]
    let rates: [Double]

    public init(hamiltonian h: CMatrix, jumps: [(operator: CMatrix, rate: Double)],
                decomposition: SpinSectorDecomposition) throws(SimulatorError) {
        try Superoperator.checkHermitian(h, "H")
        for (k, j) in jumps.enumerated() where !(j.rate >= 0) {
            throw .invalidParameter(name: "rate[\(k)]", value: "\(j.rate)", allowed: ">= 0")
        }
        self.decomposition = decomposition
        self.hBlocks = try decomposition.sectorBlocks(of: h, parameter: "H")
        var jb: [[CMatrix]] = []
        for (k, j) in jumps.enumerated() { jb.append(try decomposition.sectorBlocks(of: j.operator, parameter: "jump[\(k)]")) }
        self.jumpBlocks = jb
        self.rates = jumps.map { $0.rate }
    }

    /// Generator on X (size_s × size_t block between sectors s and t), column-stacked.
    public func blockGenerator(_ s: Int, _ t: Int) throws(SimulatorError) -> CMatrix {
        let hs = hBlocks[s], ht = hBlocks[t]
        let ns = hs.rows, nt = ht.rows
        // vec(A X B) = (Bᵀ ⊗ A) vec X with X ns×nt
        var l = try (CMatrix.kron(CMatrix.identity(nt), hs) - CMatrix.kron(ht.transpose, CMatrix.identity(ns))).scaled(by: Cx(0, -1))
        for (k, blocks) in jumpBlocks.enumerated() where rates[k] > 0 {
            let cs = blocks[s], ct = blocks[t]
            let cdcS = CMatrix.adjointTimes(cs, cs), cdcT = CMatrix.adjointTimes(ct, ct)
            var dk = CMatrix.kron(ct.conjugate, cs)
            dk.addScaled(CMatrix.kron(CMatrix.identity(nt), cdcS), Cx(-0.5))
            dk.addScaled(CMatrix.kron(cdcT.transpose, CMatrix.identity(ns)), Cx(-0.5))
            l.addScaled(dk, Cx(rates[k]))
        }
        return l
    }

    /// Total dim ker L = Σ_{s,t} m_s m_t · dim ker L_{st}.
    public func nullity() throws(SimulatorError) -> Int {
        var total = 0
        let sec = decomposition.sectors
        for s in 0..<sec.count { for t in 0..<sec.count {
            let k = try LinearAlgebra.nullSpace(blockGenerator(s, t)).dimension
            total += k * sec[s].multiplicity * sec[t].multiplicity
        } }
        return total
    }

    /// Applies a block-wise superoperator family (one matrix per sector pair) to ρ.
    func applyBlockwise(_ rho: CMatrix, _ maps: [[CMatrix]]) throws(SimulatorError) -> CMatrix {
        let u = decomposition.basis
        let r = CMatrix.gemm(CMatrix.adjointTimes(u, rho), u)
        var out = CMatrix(rows: r.rows, cols: r.cols)
        let sec = decomposition.sectors
        for s in 0..<sec.count { for t in 0..<sec.count {
            let ns = sec[s].size, nt = sec[t].size
            for a in 0..<sec[s].multiplicity { for b in 0..<sec[t].multiplicity {
                let ro = sec[s].offset + a * ns, co = sec[t].offset + b * nt
                let x = CMatrix(rows: ns, cols: nt) { i, j in r[ro + i, co + j] }
                let y = CMatrix.gemm(maps[s][t], x.vectorised)
                for j in 0..<nt { for i in 0..<ns { out[ro + i, co + j] = y[i + ns * j, 0] } }
            } }
        } }
        return CMatrix.timesAdjoint(CMatrix.gemm(u, out), u)
    }

    /// ρ_ss = P ρ0 with P the spectral projector at 0 of every block generator.
    public func steadyState(from rho0: CMatrix) throws(SimulatorError) -> CMatrix {
        try DensityMatrix.validate(rho0, parameter: "rho0")
        let sec = decomposition.sectors
        var maps: [[CMatrix]] = []
        for s in 0..<sec.count {
            var row: [CMatrix] = []
            for t in 0..<sec.count {
                let l = try blockGenerator(s, t)
                let right = try LinearAlgebra.nullSpace(l), left = try LinearAlgebra.nullSpace(l.adjoint)
                if right.dimension == 0 {
                    row.append(CMatrix(rows: l.rows, cols: l.cols))
                } else {
                    let inv = try LinearAlgebra.inverse(CMatrix.adjointTimes(left.basis, right.basis), parameter: "Y†K")
                    row.append(CMatrix.timesAdjoint(CMatrix.gemm(right.basis, inv), left.basis))
                }
            }
            maps.append(row)
        }
        let rho = try applyBlockwise(rho0, maps).hermitianPart
        try DensityMatrix.validate(rho, parameter: "steady state (sector route)", tolerance: 1e-8)
        return rho
    }

    /// e^{tL} ρ0 block by block.
    public func evolve(_ rho0: CMatrix, time t: Double) throws(SimulatorError) -> CMatrix {
        if !(t >= 0) { throw .invalidParameter(name: "t", value: "\(t)", allowed: ">= 0") }
        let sec = decomposition.sectors
        var maps: [[CMatrix]] = []
        for s in 0..<sec.count {
            var row: [CMatrix] = []
            for u in 0..<sec.count { row.append(try LinearAlgebra.expm(blockGenerator(s, u).scaled(t))) }
            maps.append(row)
        }
        return try applyBlockwise(rho0, maps)
    }
}

extension CakmakModel {
    /// Collective-limit generator in spin sectors (needs γ_ij all equal and f_ij all equal).
    public func collectiveGenerator() throws(SimulatorError) -> CollectiveGenerator {
        let dec = try SpinSectorDecomposition(qubits: qubits)
        return try CollectiveGenerator(hamiltonian: hamiltonian(), jumps: collectiveJumps(), decomposition: dec)
    }
}
