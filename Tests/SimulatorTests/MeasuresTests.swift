import Numerics
import Testing
@testable import Simulator

@Suite("Measures on textbook states")
struct MeasuresTests {
    let h = Qubit.excited.scaled(2.0)  // H = ω|1⟩⟨1|, ω = 2

    @Test func ergotropyTextbook() throws {
        // excited state: all energy extractable
        #expect(Swift.abs(try Measures.ergotropy(Qubit.excited, h) - 2) < 1e-14)  // exact
        // Gibbs state is passive
        #expect(Swift.abs(try Measures.ergotropy(DensityMatrix.gibbs(h, beta: 0.7), h)) < 1e-14)  // exact 0 up to ulps
        // |+⟩: energy ω/2, passive energy 0
        let plus = try DensityMatrix.pure([Cx(1), Cx(1)])
        #expect(Swift.abs(try Measures.ergotropy(plus, h) - 1) < 1e-14)  // exact
        // degenerate H whose eigenbasis is NOT computational: diag(H) pairing would be wrong
        let hx = try CMatrix(real: [[1, 1, 0], [1, 1, 0], [0, 0, 2]])  // eigenvalues 0, 2, 2
        let rho = CMatrix.diagonal(real: [0.6, 0.3, 0.1])
        // tr(ρH) = 0.6 + 0.3 + 0.2 = 1.1; passive = 0.6·0 + 0.3·2 + 0.1·2 = 0.8 → W = 0.3
        #expect(Swift.abs(try Measures.ergotropy(rho, hx) - 0.3) < 1e-14)
        #expect(Swift.abs(try Measures.ergotropyEq2(rho, hx) - 0.3) < 1e-13)  // Eq. 2 literally
    }

    @Test(arguments: [(3, UInt64(1)), (4, UInt64(2)), (4, UInt64(3)), (5, UInt64(4))])
    func ergotropyTwoRoutes(n: Int, seed: UInt64) throws {
        let rho = randomState(n, seed: seed)
        let hh = randomHermitian(n, seed: seed + 100)
        let sorted = try Measures.ergotropy(rho, hh)
        let eq2 = try Measures.ergotropyEq2(rho, hh)
        let opt = try Measures.ergotropyByOptimisation(rho, hh, seed: seed)
        // Eq. 2 literal vs sorted spectrum: same numbers, different summation order
        #expect(Swift.abs(sorted - eq2) < 1e-12)
        // gradient descent stops at ‖[σ,H]‖ ≤ 1e-11; the value error is quadratic in that: 1e-9 is loose
        #expect(Swift.abs(sorted - opt.value) < 1e-9, "sorted \(sorted) vs optimised \(opt.value), iterations \(opt.iterations)")
        #expect(sorted > 0)  // a generic random state is active
    }

    @Test func entropiesAndCoherence() throws {
        let mixed = CMatrix.identity(4).scaled(0.25)
        // ln 4 from eigenvalues exactly 1/4
        #expect(Swift.abs(try Measures.vonNeumannEntropy(mixed) - Double.log(4)) < 1e-14)
        let s = 1 / 2.0.squareRoot()
        let bell = try DensityMatrix.pure([Cx(s), Cx(0), Cx(0), Cx(s)])
        // I = 2 ln 2 for a Bell state; product state has I = 0
        #expect(Swift.abs(try Measures.mutualInformation(bell, dimensions: 2, 2) - 2 * Double.log(2)) < 1e-13)
        #expect(Swift.abs(try Measures.mutualInformation(CMatrix.kron(Qubit.excited, Qubit.ground), dimensions: 2, 2)) < 1e-14)
        let plus = try DensityMatrix.pure([Cx(1), Cx(1)])
        #expect(Swift.abs(try Measures.l1Coherence(plus) - 1) < 1e-15)  // exact 1/2 + 1/2
        // in σx's eigenbasis |+⟩ has no coherence
        #expect(try Measures.l1Coherence(plus, basis: .energyEigenbasis(Qubit.sigmaX)) < 1e-15)
        // the energy eigenbasis of a degenerate H is refused
        guard case .invalidParameter? = caught({ try Measures.l1Coherence(mixed, basis: .energyEigenbasis(CMatrix.identity(4))) }) else {
            Issue.record("degenerate energy eigenbasis accepted"); return
        }
        // relative entropy of coherence of |+⟩ w.r.t. σz is ln 2
        #expect(Swift.abs(try Measures.relativeEntropyOfCoherence(plus, hamiltonian: Qubit.sigmaZ) - Double.log(2)) < 1e-14)
    }

    @Test func dephasingReadings() throws {
        let plus = try DensityMatrix.pure([Cx(1), Cx(1)])
        for p in [0.0, 0.3, 1.0] {
            let printed = try Dephasing.apply(plus, hamiltonian: Qubit.sigmaZ, p: p, reading: .asPrinted)
            let full = try Dephasing.apply(plus, hamiltonian: Qubit.sigmaZ, p: p, reading: .fullProbability)
            // coherence factor 1 − p/2 as printed, 1 − p with p the full probability (exact arithmetic)
            #expect(Swift.abs(printed[0, 1].real - 0.5 * (1 - p / 2)) < 1e-15)
            #expect(Swift.abs(full[0, 1].real - 0.5 * (1 - p)) < 1e-15)
            #expect(Swift.abs(printed[0, 0].real - 0.5) < 1e-15)  // populations untouched
        }
        guard case .invalidParameter? = caught({ try Dephasing.apply(plus, hamiltonian: Qubit.sigmaZ, p: 1.5, reading: .asPrinted) }) else {
            Issue.record("p > 1 accepted"); return
        }
    }
}
