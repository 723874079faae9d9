// Simulated counterparts of Mayo & Roncaglia's closed forms. Every number here comes from the
// Simulator module (collision unitaries, their maps, the Born generator, population rates,
// Barra energetics, the engine); nothing calls a closed form.
import Foundation
import Simulator

enum MayoRoutes {
    static let u = Double.ulpOfOne / 2

    // MARK: Relaxation times from the model

    /// Relaxation rate of a two-state population exchange i ↔ j read off a population rate
    /// matrix R (rates R[j, i] for i → j): the pair must be closed (no rate out of it), then
    /// p_i(t) relaxes as e^{−(R[j,i] + R[i,j]) t}.
    static func pairRate(_ rates: CMatrix, _ i: Int, _ j: Int) throws -> Double {
        var leak = 0.0
        for m in 0..<rates.rows where m != i && m != j { leak = Swift.max(leak, Swift.abs(rates[m, i].real), Swift.abs(rates[m, j].real)) }
        let rate = rates[j, i].real + rates[i, j].real
        if leak > 1e-12 * Swift.max(rate, 1e-300) {
            throw CrossCheckError.simulationFailed(formula: "pair rate", reason: "pair (\(i), \(j)) is not closed: leak \(leak)")
        }
        return rate
    }

    /// τ_∥ of one battery in a parallel model (battery 1 flips on its own): 1/(rate up + rate down).
    static func parallelTau(n: Int, beta: Double, omega: Double, epsilon: Double) throws -> Double {
        let m = try MayoModels.nBatteriesParallel(n: n, omega: omega, beta: beta, epsilon: epsilon)
        let pg = try m.bornPopulationGenerator()
        let d = 1 << n
        let flip = d >> 1   // battery 1 is the most significant qubit
        // Battery 1's exchange from the all-ground configuration (other batteries fixed).
        let rate = pg.rates[flip, 0].real + pg.rates[0, flip].real
        return 1 / rate
    }

    /// Energy relaxation time from one point of the trajectory: τ = −t / log[(E(t) − E∞)/(E0 − E∞)].
    static func decayTime(e0: Double, et: Double, eInf: Double, t: Double) throws -> Double {
        let ratio = (et - eInf) / (e0 - eInf)
        guard ratio > 0, ratio < 1 else {
            throw CrossCheckError.simulationFailed(formula: "decay time", reason: "E(t) not between E0 and E∞: ratio \(ratio)")
        }
        return -t / Foundation.log(ratio)
    }

    /// Energy decay time of the two-battery collision model at finite Δt = t/n: n repeated
    /// collisions (the CPTP map Φ_Δt to the n-th power) from the thermal state; E∞ is the energy
    /// after 120n collisions (time 60/ε², truncation checked against 240n). Returns τ and the
    /// relative change of τ that an E∞ error of that truncation size would cause.
    static func finiteStepDecayTime(_ model: CollisionModel, beta: Double, t: Double, collisions n: Int) throws -> (tau: Double, remainder: Double) {
        let dt = t / Double(n)
        let h = model.systemHamiltonian
        let rho0 = try DensityMatrix.gibbs(h, beta: beta)
        let phi = try model.collisionMap(dt: dt)
        let phiN = try CrossCheckNumerics.power(phi, n)
        let rhoT = try Superoperator.apply(phiN, to: rho0)
        let phiLong = try CrossCheckNumerics.power(phiN, 120)
        let rhoLong = try Superoperator.apply(phiLong, to: rho0)
        let rhoLonger = try Superoperator.apply(phiLong, to: rhoLong)
        let eInf = try Measures.energy(rhoLonger, h)
        let remainder = Swift.abs(eInf - (try Measures.energy(rhoLong, h)))
        let e0 = try Measures.energy(rho0, h), et = try Measures.energy(rhoT, h)
        let tau = try decayTime(e0: e0, et: et, eInf: eInf, t: t)
        // Sensitivity of τ to an error of E∞ of that size: |∂τ/∂E∞|·remainder, relative.
        let logRatio = Foundation.log((et - eInf) / (e0 - eInf))
        let sensitivity = t / (logRatio * logRatio) * Swift.abs(1 / (e0 - eInf) - 1 / (et - eInf))
        return (tau, sensitivity * remainder / tau)
    }

    /// τ of a two-battery process at Δt → 0: finite-Δt values at n, 2n, 4n collisions over the
    /// same time (Δt halving), Richardson-extrapolated with the measured order.
    static func extrapolatedDecayTime(_ make: () throws -> CollisionModel, beta: Double, omega: Double, epsilon: Double) throws -> Simulated {
        let model = try make()
        let t = 0.5 / (epsilon * epsilon)
        // Δt small against every scale of the collision: ωΔt ≤ 1/1000 at the coarsest step.
        var n0 = 512
        while t * omega / Double(n0) > 1e-3 { n0 *= 2 }
        let ns = [n0, 2 * n0, 4 * n0, 8 * n0]
        let runs = try ns.map { try finiteStepDecayTime(model, beta: beta, t: t, collisions: $0) }
        let x = try Extrapolation(runs.map(\.tau), nominalOrder: 1)
        let remainder = runs.map(\.remainder).max() ?? 0   // relative effect on τ of the E∞ truncation
        let limitError = x.limitError ?? x.finestError
        let tol = Swift.max(3 * limitError / Swift.abs(x.limit), 1e-11) + 10 * remainder
        return Simulated(value: x.limit, tolerance: tol, kind: .finiteStep,
                         reason: "finite Δt = t/\(ns[0]) … t/\(ns[3]) (t = \(CrossCheckNumerics.fmt(t))): τ = \(x.text); measured order (last three) \(String(format: "%.3f", x.order)); Richardson limit; its measured error |L(τ₂, τ₃, τ₄) − L(τ₁, τ₂, τ₃)| = \(String(format: "%.2e", limitError)); tolerance 3× that (relative, ≥ 1e-11) plus 10× the effect on τ of E∞'s truncation (E∞ after time 60/ε², checked against 120/ε²: relative effect \(String(format: "%.1e", remainder)))",
                         route: "energy decay time τ = −t/log[(E(t) − E∞)/(E0 − E∞)] of the repeated-collision map Φ_Δt^n from the thermal state, E∞ = energy after time 120t")
    }

    static func roundOff(_ value: Double, bound: Double, _ what: String, route: String) -> Simulated {
        Simulated(value: value, tolerance: bound, kind: .roundOff, reason: "round-off: \(what); bound \(String(format: "%.1e", bound))", route: route)
    }

    // MARK: N batteries (population dynamics of the Born generator)

    /// Relaxation rates of the population generator: (fastest, slowest non-zero) |Re λ|.
    static func rateExtremes(_ rates: CMatrix) throws -> (fast: Double, slow: Double) {
        let ev = try LinearAlgebra.eigenvalues(rates).map { -$0.real }
        let scale = ev.map { Swift.abs($0) }.max() ?? 1
        let nonzero = ev.filter { $0 > 1e-10 * scale }
        guard let fast = nonzero.max(), let slow = nonzero.min() else {
            throw CrossCheckError.simulationFailed(formula: "rates", reason: "no relaxation")
        }
        return (fast, slow)
    }

    struct ChargingDynamics {
        let dyn: Charging.LinearEnergyDynamics
        let fullEnergy: Double
        let slow: Double
        let fast: Double
        let truncationRemainder: Double
    }

    /// Population dynamics from the thermal state, E_full = E(t_∞) with t_∞ = 80/(slowest rate)
    /// (remainder ≤ e^{−80}|E0 − E_full|, checked against E(2t_∞)).
    static func chargingDynamics(_ model: CollisionModel, beta: Double) throws -> ChargingDynamics {
        let h = model.systemHamiltonian
        let rho0 = try DensityMatrix.gibbs(h, beta: beta)
        let dyn = try Charging.LinearEnergyDynamics.populations(model, initial: rho0)
        let (fast, slow) = try rateExtremes(try model.bornPopulationGenerator().rates)
        let tInf = 80 / slow
        let e1 = try dyn.energy(at: tInf), e2 = try dyn.energy(at: 2 * tInf)
        return ChargingDynamics(dyn: dyn, fullEnergy: e2, slow: slow, fast: fast, truncationRemainder: Swift.abs(e2 - e1))
    }

    static func chargingTime(_ c: ChargingDynamics, delta: Double, groundEnergy: Double) throws -> Double {
        let r = try Charging.timeToCharge(c.dyn, fullEnergy: c.fullEnergy, delta: delta, reference: .hamiltonianAsGiven,
                                          groundEnergy: groundEnergy, timeScale: 1 / c.slow, maxTime: 400 / c.slow)
        return r.time
    }

    /// Measured error of a charging time, relative: T solves E(T) = E_full(1 − δ) by a scan of
    /// products of one propagator (step 1/(50·slowest rate)) and 60 bisections, so T is off by what
    /// the energy's errors move it: (round-off of E after the scan's k products, ≲ k·d·u·Nω/2, plus
    /// the truncation of E_full) over the slope |dE/dt(T)|, measured by a central difference.
    static func chargingTimeError(_ c: ChargingDynamics, time t: Double, delta: Double, d: Int, energyScale: Double) throws -> (relative: Double, text: String) {
        let h = 1e-3 * t
        let slope = Swift.abs(try c.dyn.energy(at: t + h) - (try c.dyn.energy(at: t - h))) / (2 * h)
        let products = t * 50 * c.slow + 1
        let roundOff = products * Double(d) * u * energyScale
        let energyError = roundOff + (1 - delta) * c.truncationRemainder
        let relative = energyError / (slope * t)
        return (relative, String(format: "E round-off ≲ k·d·u·Nω/2 = %.1e (k = %.0f products), E_full truncation %.1e, slope dE/dt(T) = %.4g (central difference) → δT/T = %.2e", roundOff, products, c.truncationRemainder, slope, relative))
    }
}
