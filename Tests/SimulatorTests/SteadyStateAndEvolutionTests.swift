import Numerics
import Testing
@testable import Simulator

@Suite("Steady states and time evolution")
struct SteadyStateAndEvolutionTests {
    /// Qubit with decay γ⁻ and pumping γ⁺: the textbook unique steady state p_e = γ⁺/(γ⁺ + γ⁻).
    func pumpedQubit(omega: Double = 1.3, up: Double = 0.4, down: Double = 0.9) throws -> Lindbladian {
        try Lindbladian(hamiltonian: Qubit.sigmaZ.scaled(omega / 2),
                        jumps: [(Qubit.sigmaPlus, up), (Qubit.sigmaMinus, down)])
    }

    @Test func uniqueSteadyStateThreeWays() throws {
        let l = try pumpedQubit()
        let solved = try SteadyState.unique(l)
        // p_e = 0.4 / 1.3; a 4×4 solve is accurate to ulps
        #expect(Swift.abs(solved[1, 1].real - 0.4 / 1.3) < 1e-14)
        let analysis = try SteadyState.analyse(l)
        #expect(analysis.nullity == 1)
        #expect(try analysis.uniqueSteadyState().maxAbsDifference(solved) < 1e-13)
        // long-time evolution: gap (γ⁺+γ⁻)/2 = 0.65, t = 80 leaves e^{−52}
        let rho0 = try DensityMatrix.pure([Cx(1), Cx(1, 1)])
        let late = try Evolution.evolve(l, rho0, time: 80)
        #expect(late.maxAbsDifference(solved) < 1e-12)
        let spec = try SteadyState.spectrum(l)
        // coherences decay at (γ⁺+γ⁻)/2: eigenvalues from zgeev of a 4×4 to ~1e-15
        #expect(Swift.abs(spec.gap - 0.65) < 1e-12 && spec.zeroCount == 1 && spec.imaginaryAxisCount == 0)
    }

    @Test func degenerateKernelIsDetectedAndProjected() throws {
        // two qubits with collective decay J⁻ at zero temperature: ker L = span{|00⟩⟨00|, |ψ−⟩⟨ψ−|}
        // (dark singlet), nullity 2; the coherences |00⟩⟨ψ−| rotate at ±iω (imaginary-axis eigenvalues).
        let reg = try QubitRegister(count: 2)
        let l = try Lindbladian(hamiltonian: reg.cakmakH0(omega: 1), jumps: [(reg.collectiveJMinus(), 1)])
        let a = try SteadyState.analyse(l)
        #expect(a.nullity == 2)
        let spec = try SteadyState.spectrum(l)
        #expect(spec.zeroCount == 2 && spec.imaginaryAxisCount == 2)
        guard case .steadyStateNotUnique(let k)? = caught({ try a.uniqueSteadyState() }) else {
            Issue.record("degenerate kernel not refused"); return
        }
        #expect(k == 2)
        guard case .steadyStateNotUnique(2)? = caught({ try SteadyState.unique(l) }) else {
            Issue.record("linear-solve route did not refuse"); return
        }
        // from |01⟩ half of the population is trapped in the dark singlet
        let rho0 = reg.basisProjector(1)
        let ss = try a.steadyState(from: rho0)
        let late = try Evolution.evolve(l, rho0, time: 60)
        // slowest decay rate is 1 here (e^{−60} negligible); projector vs dynamics agree to round-off
        #expect(ss.maxAbsDifference(late) < 1e-10)
        // ⟨ψ−|ρ_ss|ψ−⟩ = 1/2
        let psiMinus = [Cx(0), Cx(1 / 2.0.squareRoot()), Cx(-1 / 2.0.squareRoot()), Cx(0)]
        let pm = try DensityMatrix.pure(psiMinus)
        #expect(Swift.abs(try Measures.energy(ss, pm) - 0.5) < 1e-12)  // round-off only
        // conserved quantities: the identity (trace) and the singlet population, Hermitian
        let cq = try a.conservedQuantities()
        #expect(cq.count == 2)
        for q in cq { #expect(q.hermitianDeviation < 1e-12) }  // Hermitised by construction
        // and they are conserved: tr(Q L(X)) = 0 for random X
        let x = randomMatrix(4, 4, seed: 9)
        let lx = try l.apply(x)
        for q in cq { #expect(try (q * lx).trace.length < 1e-11) }  // ‖L‖ ~ 4, round-off
    }

    @Test func adaptiveIntegratorMatchesExpm() throws {
        let l = try pumpedQubit()
        let rho0 = try DensityMatrix.pure([Cx(0.6), Cx(0, 0.8)])
        let exact = try Evolution.evolve(l, rho0, time: 3)
        let rk = try Evolution.integrate(from: 0, to: 3, initial: rho0) { (_, r) throws(SimulatorError) in try l.apply(r) }
        // rtol 1e-10 per step, ~100 steps: global error well below 1e-8
        #expect(rk.state.maxAbsDifference(exact) < 1e-8)
        // time-dependent commuting Hamiltonian H(t) = cos(t) σz: phase of ρ01 is exp(2i sin t)
        let plus = try DensityMatrix.pure([Cx(1), Cx(1)])
        let td = try Evolution.integrate(from: 0, to: 2, initial: plus) { (t, r) throws(SimulatorError) in
            try CMatrix.commutator(Qubit.sigmaZ.scaled(Double.cos(t)), r).scaled(by: Cx(0, -1))
        }
        // ρ01(t) = ½ e^{+2i sin t} since σz = diag(−1, +1): d/dt ρ01 = −i(−1 − 1)cos t ρ01
        let expected = Cx.exp(Cx(0, 2 * Double.sin(2))).multiplied(by: 0.5)
        #expect((td.state[0, 1] - expected).length < 1e-8)  // integrator tolerance 1e-10 × steps
    }

    @Test func gibbsStateAndPiecewise() throws {
        let h = Qubit.sigmaZ.scaled(0.75)
        let g = try DensityMatrix.gibbs(h, beta: 2)
        // p_e/p_g = e^{−β·1.5} exactly up to round-off
        #expect(Swift.abs(g[1, 1].real / g[0, 0].real - Double.exp(-3)) < 1e-14)
        let neg = try DensityMatrix.gibbs(h, beta: -2)
        #expect(Swift.abs(neg[0, 0].real / neg[1, 1].real - Double.exp(-3)) < 1e-14)  // same, flipped
        let l = try pumpedQubit()
        let two = try Evolution.evolvePiecewise([(l, 0.5), (l, 1.0)], g)
        #expect(try two.maxAbsDifference(Evolution.evolve(l, g, time: 1.5)) < 1e-14)  // semigroup, round-off
    }
}
