import Numerics
import Testing
@testable import Simulator

@Suite("Mayo N-battery interaction, one-to-one pairing reading")
struct MayoPairingTests {
    @Test("at N = 2 the pairing reading is Eq. (5)'s V_# (coupling included)")
    func reducesToEquationFive() throws {
        let paired = try MayoModels.nBatteriesCollectivePaired(n: 2, omega: 1.5, beta: 0.7, epsilon: 0.8)
        let eq5 = try MayoModels.twoBatteriesCollective(omega: 1.5, beta: 0.7, epsilon: 0.8)
        let a = try paired.interaction.dense().scaled(paired.coupling)
        let b = try eq5.interaction.dense().scaled(eq5.coupling)
        #expect(a.maxAbsDifference(b) < 1e-15)
        #expect(a.maxAbs > 0)
    }

    @Test("Hermitian, unit norm (so ‖V‖ = Nε), conserves −H_S + H_R", arguments: [1, 2, 3, 4])
    func operatorProperties(n: Int) throws {
        let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: 1.3, beta: 0.4, epsilon: 0.5)
        #expect(m.interaction.hermitianDeviation == 0)
        #expect(abs(try m.interactionNorm() - 1) < 1e-13)
        #expect(m.coupling == Double(n) * 0.5)
        let d = 1 << n
        let v = try m.interaction.dense()
        let k = try CMatrix.kron(m.systemHamiltonian.scaled(-1), CMatrix.identity(d)) + CMatrix.kron(CMatrix.identity(d), m.bathHamiltonian)
        #expect(try CMatrix.commutator(v, k).maxAbs < 1e-14)
    }

    @Test("every configuration exchanges only with its complement: 2^(N−1) steady states", arguments: [2, 3])
    func pairsAndNullity(n: Int) throws {
        let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: 1, beta: 0.7, epsilon: 1)
        let rates = try m.bornPopulationGenerator().rates
        let d = 1 << n
        for mu in 0..<d {
            for nu in 0..<d where nu != mu && nu != mu ^ (d - 1) { #expect(rates[nu, mu].real == 0) }
            #expect(rates[mu ^ (d - 1), mu].real > 0)
        }
        #expect(try SteadyState.analyse(m.bornGenerator()).nullity == 1 << (n - 1))
    }

    @Test("the matched-labels (double-sum) reading has C(N, k)-fold faster exchanges than the pairing reading")
    func matchedLabelsRatesAreMultiplied() throws {
        let n = 3
        let paired = try MayoModels.nBatteriesCollectivePaired(n: n, omega: 1, beta: 0.9, epsilon: 1).bornPopulationGenerator().rates
        let matched = try MayoModels.nBatteriesCollective(n: n, omega: 1, beta: 0.9, epsilon: 1, reading: .matchedLabels).bornPopulationGenerator().rates
        // out-rate of the configuration |001⟩ (level 1) towards level 2: one target (its complement)
        // in the pairing reading, C(3, 2) = 3 targets of equal rate in the matched reading
        let mu = 0b001
        let outPaired = -paired[mu, mu].real, outMatched = -matched[mu, mu].real
        #expect(abs(outMatched / outPaired - 3) < 1e-12)
    }
}
