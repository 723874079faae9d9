import Numerics
import Testing
@testable import Simulator

@Suite("Çakmak model (Eqs. 4-6)")
struct CakmakTests {
    @Test func individualLimitRelaxesToGibbs() throws {
        let m = try CakmakModel.individual(qubits: 2, omega: 1.2, beta: 0.8, gamma0: 0.5)
        let l = try m.lindbladian()
        let ss = try SteadyState.unique(l)
        // local thermal baths: detailed balance gives the Gibbs state of H0 at β (solve: round-off)
        #expect(try ss.maxAbsDifference(DensityMatrix.gibbs(m.h0(), beta: 0.8)) < 1e-12)
        // Born rates: ground-state decay of excitation at γ0(n̄+1); check n̄ from the model
        #expect(Swift.abs(m.nbar - 1 / (Double.exp(0.96) - 1)) < 1e-15)  // same expression, ulps
    }

    @Test func collectiveLimitIsDegenerateAndProjectorMatchesDynamics() throws {
        let m = try CakmakModel.collective(qubits: 2, omega: 1, beta: 1, gamma0: 1, f: 0.3)
        let l = try m.lindbladian()
        let a = try SteadyState.analyse(l)
        #expect(a.nullity == 2)
        guard case .steadyStateNotUnique(2)? = caught({ try SteadyState.unique(l) }) else {
            Issue.record("collective Çakmak steady state not refused"); return
        }
        let rho0 = randomState(4, seed: 5)
        let ss = try a.steadyState(from: rho0)
        let late = try Evolution.evolve(l, rho0, time: 60)
        // spectral gap ~ 0.5 here: e^{−30} is negligible; round-off of expm with ‖tL‖ ~ 300
        #expect(ss.maxAbsDifference(late) < 1e-9)
        // the singlet is dark: L(|ψ−⟩⟨ψ−|) = 0
        let s = 1 / 2.0.squareRoot()
        let singlet = try DensityMatrix.pure([Cx(0), Cx(s), Cx(-s), Cx(0)])
        #expect(try l.apply(singlet).maxAbs < 1e-14)  // exact cancellation up to ulps
    }

    @Test(arguments: [2, 3, 4])
    func sectorRouteMatchesDense(n: Int) throws {
        let m = try CakmakModel.collective(qubits: n, omega: 1, beta: 0.7, gamma0: 1, f: 0.2)
        let dense = try SteadyState.analyse(m.lindbladian())
        let fast = try m.collectiveGenerator()
        #expect(try fast.nullity() == dense.nullity)
        for seed in [UInt64(1), 2] {
            let rho0 = randomState(1 << n, seed: seed)
            // both are spectral projectors computed by SVD; agreement to round-off of d⁴-sized SVDs
            #expect(try fast.steadyState(from: rho0).maxAbsDifference(dense.steadyState(from: rho0)) < 1e-9)
        }
        let ground = try QubitRegister(count: n).basisProjector(0)
        #expect(try fast.evolve(ground, time: 1.3).maxAbsDifference(Evolution.evolve(m.lindbladian(), ground, time: 1.3)) < 1e-11)  // two expm routes
    }

    @Test func largeNGoesThroughSectorsAndDenseRefusesWithBytes() throws {
        let m = try CakmakModel.collective(qubits: 7, omega: 1, beta: 1, gamma0: 1, f: 0)
        if case let .tooLarge(_, value, bytes, _)? = caught({ try m.lindbladian() }) {
            #expect(value == 7 && bytes == 16 * 16384.0 * 16384.0)
        } else { Issue.record("N = 7 dense Liouvillian not refused") }
        let g = try m.collectiveGenerator()
        let ss = try g.steadyState(from: QubitRegister(count: 7).basisProjector(0))
        try DensityMatrix.validate(ss, parameter: "N=7 steady state", tolerance: 1e-8)
        // ergotropy is a well-defined non-negative number (no clamping is done)
        #expect(try Measures.ergotropy(ss, m.h0()) > -1e-12)
    }
}
