import Foundation
import Numerics
import Testing
@testable import Reproduction
import Simulator

/// The symmetry route against the simulator's independent routes.
@Suite struct SymmetryMapTests {
    @Test(arguments: 1...9)
    func coupledBasisIsOrthonormalWithSchurWeylMultiplicities(n: Int) throws {
        let b = try CoupledBasis(qubits: n)
        #expect(b.orthogonalityDefect < 1e-12)
        // Σ_j d_j (2j+1) = 2^N and d_j = C(N, q) − C(N, q−1)
        #expect(b.sectors.reduce(0) { $0 + $1.multiplicity * $1.size } == 1 << n)
        // every coupled column is an eigenvector of J_z: it lives in one excitation level by construction;
        // check J⁻ annihilates the lowest weights (level = lowestLevel)
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
    }

    /// ρ_ss = ⊕ M_j ⊗ τ_j equals the spectral projector onto ker L applied to ρ0 (dense Liouvillian).
    @Test(arguments: [(2, 0.7, 0.3), (3, 0.7, 0.3), (4, 1.3, 0.0), (5, 0.4, 0.8)])
    func symmetryMapEqualsDenseNullSpaceProjector(n: Int, beta: Double, f: Double) throws {
        let model = try CakmakModel.collective(qubits: n, omega: 1, beta: beta, gamma0: 1, f: f)
        let analysis = try SteadyState.analyse(model.lindbladian())
        let map = try CollectiveSteadyStateMap(qubits: n, beta: beta)
        // nullity Σ_j d_j²
        #expect(analysis.nullity == map.basis.sectors.reduce(0) { $0 + $1.multiplicity * $1.multiplicity })
        for (e, idx) in [(RandomEnsemble.hilbertSchmidt, 3), (.haar, 5), (.diagonal, 7)] {
            let rho0 = try RandomStateStudy.initialState(ensemble: e, qubits: n, seed: 99, index: idx)
            let dense = try analysis.steadyState(from: rho0)
            let fast = try map.steadyState(from: rho0)
            #expect(dense.maxAbsDifference(fast) < 1e-10, "N=\(n) \(e): \(dense.maxAbsDifference(fast))")
        }
    }

    /// β → 0: the unital generator D[J⁻] + D[J⁺] (the limit of L/(γ0 n̄)) and τ_j = 1/(2j+1).
    @Test(arguments: [2, 3, 4])
    func highTemperatureLimitEqualsUnitalProjector(n: Int) throws {
        let reg = try QubitRegister(count: n)
        let l = try Lindbladian(hamiltonian: CMatrix(rows: 1 << n, cols: 1 << n),
                                jumps: [(reg.collectiveJMinus(), 1), (reg.collectiveJPlus(), 1)])
        let analysis = try SteadyState.analyse(l)
        let map = try CollectiveSteadyStateMap(qubits: n, beta: 0)
        let rho0 = try RandomStateStudy.initialState(ensemble: .hilbertSchmidt, qubits: n, seed: 5, index: 1)
        #expect(try analysis.steadyState(from: rho0).maxAbsDifference(map.steadyState(from: rho0)) < 1e-10)
    }

    /// N = 6: against the simulator's spin-sector route (dense Liouvillian too large for a test).
    @Test func symmetryMapEqualsSimulatorSectorRouteAtSixQubits() throws {
        let model = try CakmakModel.collective(qubits: 6, omega: 1, beta: 0.9, gamma0: 1, f: 0.2)
        let gen = try model.collectiveGenerator()
        let map = try CollectiveSteadyStateMap(qubits: 6, beta: 0.9)
        let rho0 = try RandomStateStudy.initialState(ensemble: .haar, qubits: 6, seed: 11, index: 0)
        #expect(try gen.steadyState(from: rho0).maxAbsDifference(map.steadyState(from: rho0)) < 1e-9)
    }

    /// The fast kernel's C_l1, W and energy against the simulator's measures on the dense ρ_ss, for
    /// every ensemble loader (which must consume the same random stream as `initialState`).
    @Test(arguments: [(RandomEnsemble.haar, 3), (.haar, 5), (.haar, 7), (.hilbertSchmidt, 3), (.hilbertSchmidt, 5),
                      (.diagonal, 4), (.diagonal, 6)])
    func fastKernelMatchesSimulatorMeasures(ensemble: RandomEnsemble, n: Int) throws {
        for beta in [0.0, 0.8] {
            let map = try CollectiveSteadyStateMap(qubits: n, beta: beta)
            let w = SampleWorkspace(map: map)
            let h0 = try QubitRegister(count: n).cakmakH0(omega: 1)
            for index in 0..<3 {
                let o = RandomStateStudy.sample(w, ensemble: ensemble, seed: 42, index: index)
                let rho0 = try RandomStateStudy.initialState(ensemble: ensemble, qubits: n, seed: 42, index: index)
                let rho = try map.steadyState(from: rho0)
                let c = try Measures.l1Coherence(rho.hermitianPart)
                let erg = try Measures.ergotropy(rho.hermitianPart, h0)
                let e = try Measures.energy(rho, h0)
                #expect(abs(o.coherence - c) < 1e-10 * max(1, c), "C \(o.coherence) vs \(c)")
                #expect(abs(o.ergotropy - erg) < 1e-10, "W \(o.ergotropy) vs \(erg)")
                #expect(abs(o.energy - e) < 1e-10)
                // the general loader (blocks from the dense ρ0) gives the same numbers
                let g = map.observables(blocks: try map.blocks(from: rho0))
                #expect(abs(g.coherence - o.coherence) < 1e-10 * max(1, c))
                #expect(abs(g.ergotropy - o.ergotropy) < 1e-10)
            }
        }
    }

    @Test func jacobiEigenvaluesAgainstLAPACK() throws {
        for n in [3, 6, 9, 14] {
            var rng = SplitMix64(seed: UInt64(n))
            let g = CMatrix(rows: n, cols: n) { _, _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
            let h = g.hermitianPart
            let re = UnsafeMutablePointer<Double>.allocate(capacity: n * n), im = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
            let out = UnsafeMutablePointer<Double>.allocate(capacity: n)
            defer { re.deallocate(); im.deallocate(); out.deallocate() }
            for i in 0..<n { for j in 0..<n { re[i * n + j] = h[i, j].real; im[i * n + j] = h[i, j].imaginary } }
            hermitianEigenvalues(n, re, im, out)
            let mine = (0..<n).map { out[$0] }.sorted()
            let ref = try LinearAlgebra.eigvalsh(h)
            for (a, b) in zip(mine, ref) { #expect(abs(a - b) < 1e-12 * 10) }
        }
    }
}
