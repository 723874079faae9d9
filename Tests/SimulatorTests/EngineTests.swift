import Numerics
import Testing
@testable import Simulator

@Suite("Mayo engine cycle (Sec. III B)")
struct EngineTests {
    @Test func limitCycleBalancesEnergy() throws {
        let timing = try EngineTiming(coldDuration: 30, quenchDuration: 2, hotDuration: 30, coldSegments: 6, hotSegments: 3)
        for deph in [nil, try DephasingNoise(p: 1, reading: .fullProbability)] {
            let e = try EngineCycle(omegaHot: 2, omegaCold: 1, betaHot: 0.1, betaCold: 10, epsilon: 0.5, timing: timing, dephasing: deph)
            let r = try e.limitCycle()
            // periodic: the state returns (iteration tolerance 1e-12)
            #expect(r.rho1Next.maxAbsDifference(r.rho1) < 1e-12)
            // first law over a cycle: Σ W_on = Q_into_cold + Q_into_hot (exact integrals; round-off)
            #expect(Swift.abs(-r.workExtracted - (r.heatIntoColdBath + r.heatIntoHotBath)) < 1e-10)
            // hot stroke with H_R = H_S: every collision moves equal energy into system and bath
            let hh = Qubit.sigmaZ.scaled(1.0)
            let dES = try Measures.energy(r.rho1Next, hh) - Measures.energy(r.rho4, hh)
            #expect(Swift.abs(r.heatIntoHotBath - dES) < 1e-10)
            #expect(r.efficiency.isFinite && r.power.isFinite)
        }
        guard case .invalidParameter? = caught({ try EngineTiming(coldDuration: 1, quenchDuration: 2, hotDuration: 1) }) else {
            Issue.record("t_d > cold stroke accepted"); return
        }
    }
}
