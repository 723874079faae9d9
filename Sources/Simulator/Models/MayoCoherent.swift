// Mayo & Roncaglia Sec. III A (arXiv:2205.06897): one battery driven by
// H_S(α) = (ω/2)[α σ_x + (1 − α) σ_z] (Eq. 12) while colliding with bath qubits through
// V = (ε/√Δt)(σ⁺_Sσ⁺_R + σ⁻_Sσ⁻_R) (Eq. 13), in the Δt → 0 limit, with piecewise-constant α_k
// (Eq. 14). The generator is built from these operators, NOT from the printed matrix M(α).
import Numerics

/// A piecewise-constant protocol: α_k held for duration τ_k. α returns to 0 after the last segment.
public struct AlphaProtocol: Sendable {
    public var alphas: [Double]
    public var durations: [Double]

    public init(alphas: [Double], durations: [Double]) throws(SimulatorError) {
        if alphas.count != durations.count {
            throw .dimensionMismatch(parameter: "durations", expected: "\(alphas.count)", got: "\(durations.count)")
        }
        for (k, a) in alphas.enumerated() where !(a >= 0 && a <= 1) {
            throw .invalidParameter(name: "alpha[\(k)]", value: "\(a)", allowed: "0 ... 1")
        }
        for (k, t) in durations.enumerated() where !(t > 0) || !t.isFinite {
            throw .invalidParameter(name: "duration[\(k)]", value: "\(t)", allowed: "> 0, finite")
        }
        self.alphas = alphas
        self.durations = durations
    }

    /// Double quench: α = 1 on [0, t_d], α = 0 on [t_d, total].
    public static func doubleQuench(td: Double, total: Double) throws(SimulatorError) -> AlphaProtocol {
        if !(td > 0 && total > td) { throw .invalidParameter(name: "td", value: "\(td)", allowed: "0 < td < total = \(total)") }
        return try AlphaProtocol(alphas: [1, 0], durations: [td, total - td])
    }

    /// Constant σ_z Hamiltonian (α = 0) for `total`.
    public static func constant(total: Double) throws(SimulatorError) -> AlphaProtocol {
        try AlphaProtocol(alphas: [0], durations: [total])
    }

    /// n equal segments of total length `total` with the given α's.
    public static func uniform(_ alphas: [Double], total: Double) throws(SimulatorError) -> AlphaProtocol {
        try AlphaProtocol(alphas: alphas, durations: [Double](repeating: total / Double(alphas.count), count: alphas.count))
    }

    public var totalTime: Double { durations.reduce(0, +) }
}

/// Dephasing noise during the evolution (Mayo Eq. 15); how often it acts is not printed: here it
/// acts once at the end of every piecewise-constant segment, in the eigenbasis of that segment's H.
public struct DephasingNoise: Sendable {
    public let p: Double
    public let reading: DephasingReading
    public init(p: Double, reading: DephasingReading) throws(SimulatorError) {
        if !(p >= 0 && p <= 1) { throw .invalidParameter(name: "p (dephasing)", value: "\(p)", allowed: "0 ... 1") }
        self.p = p
        self.reading = reading
    }
}

/// Energy bookkeeping of a coherent-charging protocol (work and heat from Barra's definitions).
public struct CoherentChargingReport: Sendable {
    public let finalState: CMatrix
    /// ⟨1|ρ|1⟩ at the end (our index 1 = excited; Mayo's ρ00).
    public let excitedPopulation: Double
    /// E(final) − E(initial), both with H_S(0) = (ω/2)σ_z.
    public let energyChange: Double
    public let finalErgotropy: Double
    /// Σ tr[ρ(H_new − H_old)] over all α jumps, including 0 → α_1 and α_N → 0.
    public let quenchWork: Double
    /// ∫ Ẇ_switch dt: work of switching the collisions on and off.
    public let switchingWork: Double
    /// ∫ Q̇ dt: heat into the bath.
    public let heatToBath: Double
    public var externalWork: Double { quenchWork + switchingWork }
    /// Ergotropy / external work, Mayo's η for Sec. III A.
    public var efficiency: Double { finalErgotropy / externalWork }
    /// ΔE / T.
    public let power: Double
    /// max over segment ends of S(ρ_deph) − S(ρ) (Mayo Eq. 16 sampled at segment ends).
    public let maxRelativeEntropyOfCoherence: Double
}

public struct CoherentCharging: Sendable {
    public let omega: Double
    public let beta: Double
    public let epsilon: Double
    public let model: CollisionModel

    public init(omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) {
        self.omega = omega
        self.beta = beta
        self.epsilon = epsilon
        self.model = try MayoModels.singleBattery(omega: omega, beta: beta, epsilon: epsilon)
    }

    /// H_S(α) = (ω/2)[α σ_x + (1 − α) σ_z] (Eq. 12).
    public func hamiltonian(alpha: Double) -> CMatrix {
        var h = Qubit.sigmaX.scaled(omega / 2 * alpha)
        h.addScaled(Qubit.sigmaZ, Cx(omega / 2 * (1 - alpha)))
        return h
    }

    /// Born generator with H_S(α).
    public func generator(alpha: Double) throws(SimulatorError) -> Lindbladian {
        try model.with(systemHamiltonian: hamiltonian(alpha: alpha)).bornGenerator()
    }

    /// ∂L/∂α = −i[(ω/2)(σ_x − σ_z), ·] (the dissipator does not depend on α).
    var generatorDerivative: CMatrix {
        get throws(SimulatorError) {
            try Superoperator.hamiltonian(Qubit.sigmaX.scaled(omega / 2) - Qubit.sigmaZ.scaled(omega / 2))
        }
    }

    /// The empty battery: Gibbs state of (ω/2)σ_z at β.
    public func emptyState() throws(SimulatorError) -> CMatrix {
        try DensityMatrix.gibbs(hamiltonian(alpha: 0), beta: beta)
    }

    /// States at the end of each segment (dephasing, if any, applied at each segment end).
    public func evolve(_ prot: AlphaProtocol, from rho0: CMatrix, dephasing: DephasingNoise? = nil) throws(SimulatorError) -> [CMatrix] {
        try DensityMatrix.validate(rho0, parameter: "rho0")
        var rho = rho0
        var out: [CMatrix] = []
        for k in 0..<prot.alphas.count {
            rho = try Evolution.evolve(generator(alpha: prot.alphas[k]), rho, time: prot.durations[k])
            if let n = dephasing {
                rho = try Dephasing.apply(rho, hamiltonian: hamiltonian(alpha: prot.alphas[k]), p: n.p, reading: n.reading)
            }
            out.append(rho)
        }
        return out
    }

    /// Final excited population ⟨1|ρ_N|1⟩ (the objective of the gradient ascent).
    public func excitedPopulation(_ prot: AlphaProtocol, from rho0: CMatrix) throws(SimulatorError) -> Double {
        (try evolve(prot, from: rho0).last ?? rho0)[1, 1].real
    }

    /// Exact ∂⟨1|ρ_N|1⟩/∂α_k: forward states, backward co-states, and the Fréchet derivative of
    /// the exponential from exp([[A, E], [0, A]]) = [[e^A, L(A, E)], [0, e^A]].
    public func gradient(_ prot: AlphaProtocol, from rho0: CMatrix) throws(SimulatorError) -> (value: Double, gradient: [Double]) {
        try DensityMatrix.validate(rho0, parameter: "rho0")
        let n = prot.alphas.count
        let dL = try generatorDerivative
        var props: [CMatrix] = [], derivs: [CMatrix] = []
        for k in 0..<n {
            let a = try generator(alpha: prot.alphas[k]).matrix.scaled(prot.durations[k])
            let e = dL.scaled(prot.durations[k])
            var big = CMatrix(rows: 8, cols: 8)
            for j in 0..<4 { for i in 0..<4 { big[i, j] = a[i, j]; big[i + 4, j + 4] = a[i, j]; big[i, j + 4] = e[i, j] } }
            let x = try LinearAlgebra.expm(big)
            props.append(CMatrix(rows: 4, cols: 4) { i, j in x[i, j] })
            derivs.append(CMatrix(rows: 4, cols: 4) { i, j in x[i, j + 4] })
        }
        var forward: [CMatrix] = [rho0.vectorised]
        for k in 0..<n { forward.append(CMatrix.gemm(props[k], forward[k])) }
        // objective e·v with e selecting vec index 1 + 2·1 = 3
        var back = CMatrix(rows: 1, cols: 4)
        back[0, 3] = Cx(1)
        var grad = [Double](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            grad[k] = CMatrix.gemm(CMatrix.gemm(back, derivs[k]), forward[k])[0, 0].real
            back = CMatrix.gemm(back, props[k])
        }
        return (forward[n][3, 0].real, grad)
    }

    /// Projected gradient ascent α_k ← clip(α_k + ζ ∂ρ_e/∂α_k, 0, 1) (Mayo's update rule).
    public func optimise(_ start: AlphaProtocol, from rho0: CMatrix, stepSize zeta: Double,
                         iterations: Int) throws(SimulatorError) -> (protocol: AlphaProtocol, value: Double, history: [Double]) {
        if !(zeta > 0) { throw .invalidParameter(name: "stepSize", value: "\(zeta)", allowed: "> 0") }
        if iterations < 0 { throw .invalidParameter(name: "iterations", value: "\(iterations)", allowed: ">= 0") }
        var prot = start
        var history: [Double] = []
        for _ in 0..<iterations {
            let g = try gradient(prot, from: rho0)
            history.append(g.value)
            for k in 0..<prot.alphas.count { prot.alphas[k] = Swift.min(1, Swift.max(0, prot.alphas[k] + zeta * g.gradient[k])) }
        }
        let final = try excitedPopulation(prot, from: rho0)
        history.append(final)
        return (prot, final, history)
    }

    /// Work, heat, ergotropy, efficiency and power of a protocol from ρ0 (exact integrals of the
    /// Born-limit heat and work currents over each segment via the augmented exponential).
    public func report(_ prot: AlphaProtocol, from rho0: CMatrix, dephasing: DephasingNoise? = nil) throws(SimulatorError) -> CoherentChargingReport {
        try DensityMatrix.validate(rho0, parameter: "rho0")
        let h0 = hamiltonian(alpha: 0)
        let heatObs = model.bornHeatObservable()
        var rho = rho0
        var quench = 0.0, switching = 0.0, heat = 0.0, maxC = 0.0
        var hPrev = h0
        for k in 0..<prot.alphas.count {
            let h = hamiltonian(alpha: prot.alphas[k])
            quench += try Thermodynamics.quenchWork(rho, from: hPrev, to: h)
            let m = try model.with(systemHamiltonian: h)
            let l = try m.bornGenerator()
            let workObs = try m.bornWorkObservable()
            let ip = try Thermodynamics.integratedPropagator(l.matrix, time: prot.durations[k])
            let integral = try CMatrix.unvectorise(CMatrix.gemm(ip.integral, rho.vectorised), dimension: 2)
            switching += try Measures.energy(integral.hermitianPart, workObs)
            heat += try Measures.energy(integral.hermitianPart, heatObs)
            rho = try CMatrix.unvectorise(CMatrix.gemm(ip.propagator, rho.vectorised), dimension: 2).hermitianPart
            if let n = dephasing { rho = try Dephasing.apply(rho, hamiltonian: h, p: n.p, reading: n.reading) }
            maxC = Swift.max(maxC, try Measures.relativeEntropyOfCoherence(rho, hamiltonian: h))
            hPrev = h
        }
        quench += try Thermodynamics.quenchWork(rho, from: hPrev, to: h0)
        let dE = try Measures.energy(rho, h0) - Measures.energy(rho0, h0)
        return CoherentChargingReport(finalState: rho, excitedPopulation: rho[1, 1].real, energyChange: dE,
                                      finalErgotropy: try Measures.ergotropy(rho, h0), quenchWork: quench,
                                      switchingWork: switching, heatToBath: heat, power: dE / prot.totalTime,
                                      maxRelativeEntropyOfCoherence: maxC)
    }

    /// Mayo's printed M(α) of Eq. (14) in Mayo's own order (row-stacked (ρ00, ρ01, ρ10, ρ11), index 0
    /// excited), γ^± = ε² e^{±βω/2}/Z1. Only for comparison with the generator built from operators.
    public func printedM(alpha a: Double) -> CMatrix {
        let z1 = 2 * Double.cosh(beta * omega / 2)
        let gp = epsilon * epsilon * Double.exp(beta * omega / 2) / z1
        let gm = epsilon * epsilon * Double.exp(-beta * omega / 2) / z1
        let w = omega, e2 = epsilon * epsilon
        let i = Cx(0, 1)
        var m = CMatrix(rows: 4, cols: 4)
        m[0, 0] = Cx(-gp / 2); m[0, 1] = i * Cx(w * a / 2); m[0, 2] = -i * Cx(w * a / 2); m[0, 3] = Cx(gm / 2)
        m[1, 0] = i * Cx(w * a / 2); m[1, 1] = Cx(-e2 / 4) - i * Cx(w * (1 - a)); m[1, 3] = -i * Cx(w * a / 2)
        m[2, 0] = -i * Cx(w * a / 2); m[2, 2] = Cx(-e2 / 4) + i * Cx(w * (1 - a)); m[2, 3] = i * Cx(w * a / 2)
        m[3, 0] = Cx(gp / 2); m[3, 1] = -i * Cx(w * a / 2); m[3, 2] = i * Cx(w * a / 2); m[3, 3] = Cx(-gm / 2)
        return m
    }

    /// The simulator's generator rewritten in Mayo's Eq. (14) order (labels flipped, rows stacked).
    public func generatorInMayoOrder(alpha: Double) throws(SimulatorError) -> CMatrix {
        let l = try generator(alpha: alpha).matrix
        // relabel basis (0 ↔ 1) then permute column- to row-stacking
        let flip = Qubit.sigmaX
        let relabel = Superoperator.sandwich(flip, flip)
        let flipped = CMatrix.gemm(CMatrix.gemm(relabel, l), relabel)
        return Superoperator.toRowStacking(flipped, dimension: 2)
    }
}
