import Foundation
import Numerics
import Testing
@testable import Simulator

/// The collective steady-state map and its fast kernel against the simulator's dense routes.
@Suite struct CollectiveSteadyStateTests {
    @Test(arguments: 1...9)
    func coupledBasisIsOrthonormalWithSchurWeylMultiplicities(n: Int) throws {
        let b = try CoupledBasis(qubits: n)
        #expect(b.orthogonalityDefect < 1e-12)
        // Σ_j d_j (2j+1) = 2^N and d_j = C(N, q) − C(N, q−1)
        #expect(b.sectors.reduce(0) { $0 + $1.multiplicity * $1.size } == 1 << n)
        // J⁻ annihilates the lowest weights (level = lowestLevel)
        for (s, sec) in b.sectors.enumerated() where sec.lowestLevel > 0 {
            let k = sec.lowestLevel
            let nk = b.levelStates[k].count
            guard let slot = b.slots[k].first(where: { $0.sector == s }) else { Issue.record("missing slot"); continue }
            var pos: [Int: Int] = [:]
            for (i, x) in b.levelStates[k - 1].enumerated() { pos[x] = i }
            for a in 0..<sec.multiplicity {
                var w = [Double](repeating: 0, count: b.levelStates[k - 1].count)
                for (row, x) in b.levelStates[k].enumerated() {
                    for bit in 0..<n where x & (1 << bit) != 0 { w[pos[x ^ (1 << bit)]!] += b.u[k][row * nk + slot.offset + a] }
                }
                #expect(w.map { abs($0) }.max() ?? 0 < 1e-12)
            }
        }
        #expect(throws: SimulatorError.self) { try CoupledBasis(qubits: 0) }
    }

    /// The dense view (used by the sector-by-sector generator) is unitary and block-diagonalises J±
    /// and J_z as 1_{d_j} ⊗ (spin-j operator) with the standard ladder elements √((j∓m)(j±m+1)).
    @Test(arguments: [2, 3, 5])
    func denseViewCarriesTheSpinLadders(n: Int) throws {
        let dec = try SpinSectorDecomposition(qubits: n)
        let u = dec.basis
        #expect(CMatrix.adjointTimes(u, u).maxAbsDifference(CMatrix.identity(1 << n)) < 1e-12)
        let reg = try QubitRegister(count: n)
        let blocks = try dec.sectorBlocks(of: reg.collectiveJMinus(), parameter: "J-")
        for (s, sec) in dec.sectors.enumerated() {
            let j = Double(sec.twoJ) / 2
            for i in 0..<(sec.size - 1) {  // row i ↔ m = j − i; J⁻|m⟩ = √((j+m)(j−m+1)) |m−1⟩
                let m = j - Double(i)
                #expect(abs(blocks[s][i + 1, i].real - ((j + m) * (j - m + 1)).squareRoot()) < 1e-12)
            }
        }
    }

    /// ρ_ss = ⊕ M_j ⊗ τ_j equals the spectral projector onto ker L applied to ρ0 (dense Liouvillian).
    @Test(arguments: [(2, 0.7, 0.3), (3, 0.7, 0.3), (4, 1.3, 0.0), (5, 0.4, 0.8)])
    func symmetryMapEqualsDenseNullSpaceProjector(n: Int, beta: Double, f: Double) throws {
        let model = try CakmakModel.collective(qubits: n, omega: 1, beta: beta, gamma0: 1, f: f)
        let analysis = try SteadyState.analyse(model.lindbladian())
        let map = try CollectiveSteadyStateMap(qubits: n, beta: beta)
        #expect(analysis.nullity == map.basis.sectors.reduce(0) { $0 + $1.multiplicity * $1.multiplicity })
        var rng = SplitMix64(seed: UInt64(17 * n))
        for rho0 in [RandomStates.hilbertSchmidt(dimension: 1 << n, rng: &rng), RandomStates.haarPure(dimension: 1 << n, rng: &rng)] {
            let dense = try analysis.steadyState(from: rho0)
            #expect(dense.maxAbsDifference(try map.steadyState(from: rho0)) < 1e-10)
        }
    }

    /// β → 0: the unital generator D[J⁻] + D[J⁺] and τ_j = 1/(2j+1).
    @Test(arguments: [2, 3, 4])
    func highTemperatureLimitEqualsUnitalProjector(n: Int) throws {
        let reg = try QubitRegister(count: n)
        let l = try Lindbladian(hamiltonian: CMatrix(rows: 1 << n, cols: 1 << n),
                                jumps: [(reg.collectiveJMinus(), 1), (reg.collectiveJPlus(), 1)])
        let analysis = try SteadyState.analyse(l)
        let map = try CollectiveSteadyStateMap(qubits: n, beta: 0)
        let rho0 = randomState(1 << n, seed: 5)
        #expect(try analysis.steadyState(from: rho0).maxAbsDifference(map.steadyState(from: rho0)) < 1e-10)
    }

    /// N = 6: against the sector-by-sector generator (dense Liouvillian too large for a test).
    @Test func symmetryMapEqualsSectorGeneratorAtSixQubits() throws {
        let model = try CakmakModel.collective(qubits: 6, omega: 1, beta: 0.9, gamma0: 1, f: 0.2)
        let gen = try model.collectiveGenerator()
        let map = try CollectiveSteadyStateMap(qubits: 6, beta: 0.9)
        var rng = SplitMix64(seed: 11)
        let rho0 = RandomStates.haarPure(dimension: 64, rng: &rng)
        #expect(try gen.steadyState(from: rho0).maxAbsDifference(map.steadyState(from: rho0)) < 1e-9)
    }

    /// Each load route of the kernel (pure state, Wishart-type factors, general blocks, diagonal ρ0)
    /// against the simulator's measures on the dense ρ_ss. Tolerance: the measures' own round-off on
    /// a 2^N matrix (~1e-13 here); 1e-10 leaves room and still fails on any wrong entry.
    @Test(arguments: [2, 3, 5, 7])
    func fastKernelMatchesDenseMeasures(n: Int) throws {
        let d = 1 << n
        let h0 = try QubitRegister(count: n).cakmakH0(omega: 1)
        for beta in [0.0, 0.8] {
            let map = try CollectiveSteadyStateMap(qubits: n, beta: beta)
            let kernel = CollectiveSteadyStateKernel(map: map)
            var rng = SplitMix64(seed: UInt64(100 + n))
            func check(_ rho0: CMatrix, _ o: CollectiveObservation, _ what: String) throws {
                let rho = try map.steadyState(from: rho0).hermitianPart
                let c = try Measures.l1Coherence(rho), w = try Measures.ergotropy(rho, h0), e = try Measures.energy(rho, h0)
                #expect(abs(o.coherence - c) < 1e-10 * max(1, c), "\(what) N=\(n) β=\(beta): C \(o.coherence) vs \(c)")
                #expect(abs(o.ergotropy - w) < 1e-10, "\(what) N=\(n) β=\(beta): W \(o.ergotropy) vs \(w)")
                #expect(abs(o.energy - e) < 1e-10, "\(what) N=\(n) β=\(beta): E")
            }
            // pure
            let psi = (0..<d).map { _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
            let norm = psi.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
            let re = psi.map { $0.real / norm }, im = psi.map { $0.imaginary / norm }
            try kernel.loadPureState(real: re, imaginary: im)
            try check(CMatrix.outer(psi, psi).scaled(1 / (norm * norm)), try kernel.observe(), "pure")
            // factors: random lower-triangular L_j; the representative ρ0 = ⊕ M_j ⊗ 1/(2j+1)
            var factors: [CMatrix] = []
            try kernel.loadFactors { s, dm, lr, li in
                var l = CMatrix(rows: dm, cols: dm)
                for a in 0..<dm { for b in 0...a {
                    let z = Cx(rng.nextGaussian(), b == a ? 0 : rng.nextGaussian())
                    lr[a * dm + b] = z.real; li[a * dm + b] = z.imaginary; l[a, b] = z
                } }
                factors.append(l)
            }
            let ms = factors.map { CMatrix.timesAdjoint($0, $0) }
            let tr = ms.reduce(0.0) { $0 + $1.trace.real }
            let hot = try CollectiveSteadyStateMap(qubits: n, beta: 0)
            try check(hot.dense(blocks: ms.map { $0.scaled(1 / tr) }), try kernel.observe(), "factors")
            // general blocks from a Hilbert–Schmidt ρ0
            let rho0 = RandomStates.hilbertSchmidt(dimension: d, rng: &rng)
            try kernel.load(blocks: try map.blocks(from: rho0))
            try check(rho0, try kernel.observe(), "blocks")
            // diagonal
            let p = (0..<d).map { _ in rng.nextUniform() + 0.01 }
            let sp = p.reduce(0, +)
            try kernel.loadDiagonal(populations: p.map { $0 / sp })
            try check(CMatrix.diagonal(real: p.map { $0 / sp }), try kernel.observe(), "diagonal")
        }
    }

    @Test func kernelRefusesToObserveNothingAndWrongBlocks() throws {
        let map = try CollectiveSteadyStateMap(qubits: 3, beta: 0)
        let kernel = CollectiveSteadyStateKernel(map: map)
        #expect(throws: SimulatorError.self) { try kernel.observe() }
        #expect(throws: SimulatorError.self) { try kernel.load(blocks: [CMatrix.identity(2)]) }
        #expect(throws: SimulatorError.self) { try CollectiveSteadyStateMap(qubits: 3, beta: -1) }
        #expect(throws: SimulatorError.self) { try map.blocks(from: CMatrix.identity(4)) }
    }

    /// The in-place LAPACK wrapper the kernel uses against the allocating one.
    @Test func inPlaceHermitianEigenAgreesWithEigh() throws {
        for n in [2, 6, 14] {
            let h = randomHermitian(n, seed: UInt64(n))
            var a = h.interleaved
            var w = [Double](repeating: 0, count: n)
            try a.withUnsafeMutableBufferPointer { pa throws(SimulatorError) in
                try w.withUnsafeMutableBufferPointer { pw throws(SimulatorError) in
                    try LinearAlgebra.hermitianEigen(inPlace: pa.baseAddress!, n: n, values: pw.baseAddress!, vectors: false)
                }
            }
            let ref = try LinearAlgebra.eigvalsh(h)
            for (x, y) in zip(w, ref) { #expect(abs(x - y) < 1e-13 * Double(n)) }
        }
        var z = [Double](repeating: 0, count: 2), w = [Double](repeating: 0, count: 1)
        #expect(throws: SimulatorError.self) {
            try LinearAlgebra.hermitianEigen(inPlace: &z, n: 0, values: &w, vectors: false)
        }
    }
}
