// Mayo & Roncaglia Sec. III B (arXiv:2205.06897): the five-stroke cycle with the coherent
// dissipative charging as its cold open stroke. Strokes: (1) population-inverting unitary σ_x at
// H_h; (2) gap ω_h → ω_c at fixed state; (3) cold open stroke with the double-quench protocol
// (α = 1 on [0, t_d], then 0) for `coldDuration`; (4) gap ω_c → ω_h; (5) hot open stroke with the
// constant σ_z Hamiltonian for `hotDuration`. Unitary strokes are instantaneous. The timing split is
// an explicit parameter. Conventions: work and heat are "on the system" and "into the bath"
// (Barra's bookkeeping); the summary converts to extracted work and heat taken from the hot bath.
import Numerics

public struct EngineTiming: Sendable {
    public let coldDuration: Double
    public let quenchDuration: Double
    public let hotDuration: Double
    /// Number of equal segments the cold stroke is cut into (dephasing acts at each segment end).
    public let coldSegments: Int
    /// Same for the hot stroke.
    public let hotSegments: Int

    public init(coldDuration: Double, quenchDuration td: Double, hotDuration: Double,
                coldSegments: Int = 2, hotSegments: Int = 1) throws(SimulatorError) {
        if !(coldDuration > 0) || !(hotDuration > 0) {
            throw .invalidParameter(name: "stroke durations", value: "\(coldDuration), \(hotDuration)", allowed: "> 0")
        }
        if !(td >= 0 && td <= coldDuration) {
            throw .invalidParameter(name: "quenchDuration (t_d)", value: "\(td)", allowed: "0 ... coldDuration = \(coldDuration)")
        }
        if coldSegments < 1 || hotSegments < 1 {
            throw .invalidParameter(name: "segments", value: "\(coldSegments), \(hotSegments)", allowed: ">= 1")
        }
        self.coldDuration = coldDuration
        self.quenchDuration = td
        self.hotDuration = hotDuration
        self.coldSegments = coldSegments
        self.hotSegments = hotSegments
    }

    public var cycleTime: Double { coldDuration + hotDuration }
}

public struct EngineCycleResult: Sendable {
    /// States ρ1 (start), ρ2 (after inversion), ρ4 (after cold stroke), ρ1' (after hot stroke).
    public let rho1: CMatrix, rho2: CMatrix, rho4: CMatrix, rho1Next: CMatrix
    /// Work on the system per stroke: [inversion, gap h→c, cold stroke (quench + switching), gap c→h, hot stroke (switching)].
    public let workOnSystem: [Double]
    public let heatIntoColdBath: Double
    public let heatIntoHotBath: Double
    public let cycleTime: Double
    /// max relative entropy of coherence along the cold stroke (Mayo Eq. 16, sampled at segment ends).
    public let maxCoherence: Double

    /// −Σ work on the system.
    public var workExtracted: Double { -workOnSystem.reduce(0, +) }
    /// Heat taken from the hot bath, −Q_into_hot (Mayo's Q_h = tr[H_h(ρ5 − ρ1)] when H_R = H_S).
    public var heatFromHotBath: Double { -heatIntoHotBath }
    /// Mayo Eq. (A1): η = W/|Q_h|.
    public var efficiency: Double { workExtracted / Swift.abs(heatFromHotBath) }
    public var power: Double { workExtracted / cycleTime }
}

public struct EngineCycle: Sendable {
    public let omegaHot: Double, omegaCold: Double
    public let betaHot: Double, betaCold: Double
    public let epsilon: Double
    public let timing: EngineTiming
    public let dephasing: DephasingNoise?
    let cold: CoherentCharging
    let hot: CoherentCharging

    public init(omegaHot: Double, omegaCold: Double, betaHot: Double, betaCold: Double, epsilon: Double,
                timing: EngineTiming, dephasing: DephasingNoise? = nil) throws(SimulatorError) {
        self.omegaHot = omegaHot; self.omegaCold = omegaCold
        self.betaHot = betaHot; self.betaCold = betaCold
        self.epsilon = epsilon; self.timing = timing; self.dephasing = dephasing
        self.cold = try CoherentCharging(omega: omegaCold, beta: betaCold, epsilon: epsilon)
        self.hot = try CoherentCharging(omega: omegaHot, beta: betaHot, epsilon: epsilon)
    }

    var hHot: CMatrix { Qubit.sigmaZ.scaled(omegaHot / 2) }
    var hCold: CMatrix { Qubit.sigmaZ.scaled(omegaCold / 2) }

    /// Cold-stroke protocol: `coldSegments` equal pieces, α = 1 while t < t_d (a piece straddling t_d is split).
    func coldProtocol() throws(SimulatorError) -> AlphaProtocol {
        let n = timing.coldSegments
        let dt = timing.coldDuration / Double(n)
        var alphas: [Double] = [], durations: [Double] = []
        for k in 0..<n {
            let a = Double(k) * dt, b = a + dt
            let td = timing.quenchDuration
            if td > a && td < b {
                alphas += [1, 0]; durations += [td - a, b - td]
            } else {
                alphas.append(b <= td ? 1 : 0); durations.append(dt)
            }
        }
        return try AlphaProtocol(alphas: alphas, durations: durations)
    }

    /// One cycle from ρ1.
    public func run(from rho1: CMatrix) throws(SimulatorError) -> EngineCycleResult {
        try DensityMatrix.validate(rho1, parameter: "rho1")
        let rho2 = try (Qubit.sigmaX * rho1 * Qubit.sigmaX).hermitianPart
        let w1 = try Measures.energy(rho2, hHot) - Measures.energy(rho1, hHot)
        let w2 = try Thermodynamics.quenchWork(rho2, from: hHot, to: hCold)
        let c = try cold.report(coldProtocol(), from: rho2, dephasing: dephasing)
        let rho4 = c.finalState
        let w4 = try Thermodynamics.quenchWork(rho4, from: hCold, to: hHot)
        let hotProt = try AlphaProtocol.uniform([Double](repeating: 0, count: timing.hotSegments), total: timing.hotDuration)
        let h = try hot.report(hotProt, from: rho4, dephasing: dephasing)
        return EngineCycleResult(rho1: rho1, rho2: rho2, rho4: rho4, rho1Next: h.finalState,
                                 workOnSystem: [w1, w2, c.externalWork, w4, h.externalWork],
                                 heatIntoColdBath: c.heatToBath, heatIntoHotBath: h.heatToBath,
                                 cycleTime: timing.cycleTime, maxCoherence: c.maxRelativeEntropyOfCoherence)
    }

    /// The periodic (limit) cycle: iterate from the hot bath's negative-temperature state
    /// e^{β_h H_h}/Z until ρ1 repeats to `tolerance`.
    public func limitCycle(tolerance: Double = 1e-12, maxCycles: Int = 10_000) throws(SimulatorError) -> EngineCycleResult {
        var rho = try DensityMatrix.gibbs(hHot, beta: -betaHot)
        for _ in 0..<maxCycles {
            let r = try run(from: rho)
            if r.rho1Next.maxAbsDifference(rho) < tolerance { return r }
            rho = r.rho1Next
        }
        throw .noConvergence(method: "engine limit cycle", detail: "no periodic state within \(maxCycles) cycles")
    }
}
