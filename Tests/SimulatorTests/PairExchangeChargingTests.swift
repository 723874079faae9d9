import Foundation
import Numerics
import Testing
@testable import Simulator

/// The pair-exchange route of Γ (two-state chains per pair of levels) against the dense Born
/// population dynamics of the same collision model (`MayoModels.nBatteriesCollectivePaired`).
@Suite struct PairExchangeChargingTests {
    @Test(arguments: [(2, 1.3), (3, 0.7), (4, 2.0)])
    func chargingTimeMatchesDenseDynamics(n: Int, betaOmega: Double) throws {
        let model = try MayoModels.nBatteriesCollectivePaired(n: n, omega: 1, beta: betaOmega, epsilon: 1)
        let rho0 = try DensityMatrix.gibbs(model.systemHamiltonian, beta: betaOmega)
        let full = try Measures.energy(DensityMatrix.gibbs(model.systemHamiltonian, beta: -betaOmega), model.systemHamiltonian)
        let dyn = try Charging.LinearEnergyDynamics.populations(model, initial: rho0)
        let r = try Charging.timeToCharge(dyn, fullEnergy: full, delta: 0.01, reference: .hamiltonianAsGiven, groundEnergy: 0,
                                          timeScale: 0.05, maxTime: 1e4)
        let pairs = try CollectiveCharging.collectiveTime(qubits: n, betaOmega: betaOmega, delta: 0.01)
        // both are roots of the same monotone function, bisected to ~1e-12 relative; 1e-6 is the
        // dense route's root-finding tolerance
        #expect(abs(r.time - pairs) < 1e-6 * pairs, "N = \(n): dense \(r.time) vs pairs \(pairs)")
    }

    @Test func badInputIsTyped() {
        #expect(throws: SimulatorError.self) { try CollectiveCharging.pairs(qubits: 1, betaOmega: 1) }
        #expect(throws: SimulatorError.self) { try CollectiveCharging.pairs(qubits: 3, betaOmega: .nan) }
        #expect(throws: SimulatorError.self) { try CollectiveCharging.collectiveTime(qubits: 3, betaOmega: 1, delta: 1) }
    }
}
