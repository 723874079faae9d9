// Mayo & Roncaglia, Sec. II (arXiv:2205.06897): dissipative charging of N qubit batteries by
// collisions. H_S = (ω/2)σ_z per battery (Eq. 3), H_R = α H_S (α = 1 in the paper), V_∥ (Eq. 4),
// V_# (Eq. 5), the N-battery V_#^{(N)} (Sec. II B, several readings), V of Eq. 13 for one battery.
// Subsystem order: batteries S1…SN (most significant), then bath units R1…RN.
import Numerics
import Operators

/// Readings of the printed N-battery interaction V_#^{(N)} = Σ_{k=1}^{N} (Nε/√Δt) V̂_{k,N−k},
/// V̂_{j,l} = Σ_{μ_j, μ_l} |E_j^{μ_j}, E_j^{μ_j}⟩⟨E_l^{μ_l}, E_l^{μ_l}| (battery, bath). It maps the
/// pair (battery level N−k, bath level N−k) to (k, k): battery populations E_{N−k} → E_k.
public enum NBatteryInteractionReading: Sendable, CaseIterable {
    /// Battery and bath carry the SAME degeneracy label μ; k = 0…N (the Hermitian completion: the
    /// printed k = 1…N misses V̂_{0,N} = V̂_{N,0}†).
    case matchedLabels
    /// As `matchedLabels` but without the terms |μ,μ⟩⟨μ,μ| (only present in V̂_{N/2,N/2}, N even)
    /// that do not move anything; at N = 2 this is exactly Eq. (5)'s V_#.
    case matchedLabelsOffDiagonal
    /// Battery and bath labels summed independently (all pairs μ, μ' and ν, ν'); k = 0…N.
    case independentLabels
    /// Literally k = 1…N with matched labels: not Hermitian, refused with `.notHermitian`.
    case printedSumOneToN
}

/// Mayo & Roncaglia's collision models as simulator models (`Double`, built from H_S, H_R and V).
/// Not the closed forms: those are `ClosedForms.Mayo`, which this module never calls.
public enum MayoModels {
    /// One battery and one bath qubit, V = σ⁺_Sσ⁺_R + σ⁻_Sσ⁻_R (Eq. 13, the single-battery V of [37]),
    /// H_S = (ω/2)σ_z, H_R = α·H_S.
    public static func singleBattery(omega: Double, beta: Double, epsilon: Double,
                                     bathGapRatio alpha: Double = 1) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: 2)
        let v = try reg.sigmaPlus(0) * reg.sigmaPlus(1) + reg.sigmaMinus(0) * reg.sigmaMinus(1)
        let hs = Qubit.sigmaZ.scaled(omega / 2)
        return try CollisionModel(systemHamiltonian: hs, bathHamiltonian: hs.scaled(alpha),
                                  interaction: BipartiteOperator(dense: v, systemDimension: 2, bathDimension: 2),
                                  coupling: epsilon, beta: beta)
    }

    /// Two batteries, parallel: Ṽ_∥ = σ⁺_{S1}σ⁺_{R1} + σ⁺_{S2}σ⁺_{R2} + h.c. (Eq. 4).
    public static func twoBatteriesParallel(omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: 4)  // S1, S2, R1, R2
        let a = try reg.sigmaPlus(0) * reg.sigmaPlus(2) + reg.sigmaPlus(1) * reg.sigmaPlus(3)
        return try twoBatteryModel(a + a.adjoint, omega: omega, beta: beta, epsilon: epsilon)
    }

    /// Two batteries, collective: Ṽ_# = 2(σ⁺_{S1}σ⁺_{R1}σ⁺_{S2}σ⁺_{R2} + σ⁺_{S1}σ⁺_{R1}σ⁻_{S2}σ⁻_{R2} + h.c.) (Eq. 5).
    public static func twoBatteriesCollective(omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: 4)
        let s1r1 = try reg.sigmaPlus(0) * reg.sigmaPlus(2)
        let a = try s1r1 * reg.sigmaPlus(1) * reg.sigmaPlus(3) + s1r1 * reg.sigmaMinus(1) * reg.sigmaMinus(3)
        return try twoBatteryModel((a + a.adjoint).scaled(2), omega: omega, beta: beta, epsilon: epsilon)
    }

    static func twoBatteryModel(_ v: CMatrix, omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) -> CollisionModel {
        let h = try QubitRegister(count: 2).mayoHamiltonian(omega: omega)
        return try CollisionModel(systemHamiltonian: h, bathHamiltonian: h,
                                  interaction: BipartiteOperator(dense: v, systemDimension: 4, bathDimension: 4),
                                  coupling: epsilon, beta: beta)
    }

    /// N batteries, parallel: Ṽ = Σ_i (σ⁺_{Si}σ⁺_{Ri} + h.c.), coupling ε.
    public static func nBatteriesParallel(n: Int, omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: n)
        let d = reg.dimension
        // σ⁺_{Si}σ⁺_{Ri} + h.c., from the generic model (`Operators.MayoInteractions`).
        let v = try BipartiteOperator(generic: bridged { () throws(OperatorError) in try MayoInteractions<Cx>.parallel(batteries: n) },
                                      systemDimension: d)
        let h = reg.mayoHamiltonian(omega: omega)
        return try CollisionModel(systemHamiltonian: h, bathHamiltonian: h, interaction: v, coupling: epsilon, beta: beta)
    }

    /// N batteries, collective V_#^{(N)} in the chosen reading; the coupling is Nε as printed.
    public static func nBatteriesCollective(n: Int, omega: Double, beta: Double, epsilon: Double,
                                            reading: NBatteryInteractionReading) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: n)
        let d = reg.dimension
        var v: BipartiteOperator
        switch reading {
        case .matchedLabels, .matchedLabelsOffDiagonal:
            // the generic model (`Operators.MayoInteractions`), shared with the exact route
            let off = reading == .matchedLabelsOffDiagonal
            v = try BipartiteOperator(generic: bridged { () throws(OperatorError) in try MayoInteractions<Cx>.collective(batteries: n, offDiagonal: off) },
                                      systemDimension: d)
        case .printedSumOneToN, .independentLabels:
            let level: [[Int]] = (0...n).map { k in (0..<d).filter { $0.nonzeroBitCount == k } }
            v = BipartiteOperator(systemDimension: d, bathDimension: d)
            let ks: [Int] = reading == .printedSumOneToN ? Array(1...n) : Array(0...n)
            for k in ks {
                let up = level[k], down = level[n - k]  // V̂_{k,N−k}: (N−k, N−k) → (k, k)
                if reading == .printedSumOneToN {
                    for mu in up { for nu in down { v.add(systemOut: mu, systemIn: nu, bathOut: mu, bathIn: nu, value: Cx(1)) } }
                } else {
                    for mu in up { for muR in up { for nu in down { for nuR in down {
                        v.add(systemOut: mu, systemIn: nu, bathOut: muR, bathIn: nuR, value: Cx(1))
                    } } } }
                }
            }
        }
        let h = reg.mayoHamiltonian(omega: omega)
        return try CollisionModel(systemHamiltonian: h, bathHamiltonian: h, interaction: v,
                                  coupling: Double(n) * epsilon, beta: beta)
    }

    static func checkOmega(_ omega: Double) throws(SimulatorError) {
        if !(omega > 0) || !omega.isFinite { throw .invalidParameter(name: "omega", value: "\(omega)", allowed: "> 0, finite") }
    }
}

/// Charging curves, charging time and mean power (Mayo Sec. II: P = (E_δ − E_empty)/T,
/// T the time to reach E_δ = E_full(1 − δ)).
public enum Charging {
    /// Which zero of energy E_full(1 − δ) refers to; the paper does not say.
    public enum EnergyReference: Sendable {
        /// Energies of H_S as given (Mayo's H_S = (ω/2)σ_z: symmetric, E_empty < 0 < E_full).
        case hamiltonianAsGiven
        /// Energies measured from the ground state of H_S.
        case groundStateZero
    }

    public struct Result: Sendable {
        public let time: Double
        public let emptyEnergy: Double
        public let fullEnergy: Double
        public let targetEnergy: Double
        /// (E_δ − E_empty)/T.
        public let meanPower: Double
    }

    /// Linear dynamics v(t) = e^{tG} v0 with energy E(t) = Re(e·v(t)) + offset: either a Liouvillian on
    /// vec ρ or a population rate matrix on p (same code, same answer when populations decouple).
    public struct LinearEnergyDynamics: Sendable {
        public let generator: CMatrix
        public let initial: CMatrix
        public let energyRow: [Cx]

        public func energy(at t: Double) throws(SimulatorError) -> Double {
            let v = CMatrix.gemm(try LinearAlgebra.expm(generator.scaled(t)), initial)
            return energy(of: v)
        }

        func energy(of v: CMatrix) -> Double {
            var s = Cx.zero
            for i in 0..<energyRow.count { s += energyRow[i] * v[i, 0] }
            return s.real
        }

        /// Dense Liouvillian route: E = tr(H ρ) = Σ_ij H_ji ρ_ij.
        public static func liouvillian(_ l: Lindbladian, hamiltonian h: CMatrix, initial rho0: CMatrix) -> LinearEnergyDynamics {
            let d = l.dimension
            var row = [Cx](repeating: .zero, count: d * d)
            for j in 0..<d { for i in 0..<d { row[i + d * j] = h[j, i] } }
            return LinearEnergyDynamics(generator: l.matrix, initial: rho0.vectorised, energyRow: row)
        }

        /// Population route (requires the generator not to leak into coherences, which is checked).
        public static func populations(_ model: CollisionModel, initial rho0: CMatrix) throws(SimulatorError) -> LinearEnergyDynamics {
            let pg = try model.bornPopulationGenerator()
            if pg.coherenceLeak > 1e-12 {
                throw .invalidParameter(name: "population route", value: "coherence leak \(pg.coherenceLeak)",
                                        allowed: "generators that map diagonal states to diagonal states")
            }
            var off = 0.0
            for j in 0..<rho0.cols { for i in 0..<rho0.rows where i != j { off = Swift.max(off, rho0[i, j].length) } }
            if off > 1e-12 { throw .invalidParameter(name: "rho0", value: "coherences \(off)", allowed: "diagonal initial state for the population route") }
            let h = model.systemHamiltonian
            return LinearEnergyDynamics(generator: pg.rates, initial: CMatrix.column(rho0.diagonalElements),
                                        energyRow: h.diagonalElements)
        }
    }

    /// Time T at which E(t) − E_ref first reaches (E_full − E_ref)(1 − δ): scan with a fixed step
    /// (one propagator, then products), then bisection inside the bracketing step.
    public static func timeToCharge(_ dyn: LinearEnergyDynamics, fullEnergy: Double, delta: Double,
                                    reference: EnergyReference, groundEnergy: Double,
                                    timeScale: Double, maxTime: Double) throws(SimulatorError) -> Result {
        if !(delta > 0 && delta < 1) { throw .invalidParameter(name: "delta", value: "\(delta)", allowed: "0 < delta < 1") }
        if !(timeScale > 0) || !(maxTime > timeScale) {
            throw .invalidParameter(name: "timeScale/maxTime", value: "\(timeScale)/\(maxTime)", allowed: "0 < timeScale < maxTime")
        }
        let offset = reference == .groundStateZero ? groundEnergy : 0
        let e0 = dyn.energy(of: dyn.initial) - offset
        let eFull = fullEnergy - offset
        let target = eFull * (1 - delta)
        let h = timeScale / 50
        let step = try LinearAlgebra.expm(dyn.generator.scaled(h))
        var v = dyn.initial
        var t = 0.0
        var prev = v
        while t < maxTime {
            prev = v
            v = CMatrix.gemm(step, v)
            t += h
            if dyn.energy(of: v) - offset >= target { break }
        }
        if dyn.energy(of: v) - offset < target {
            throw .noConvergence(method: "charging time", detail: "E did not reach E_full(1 − δ) by t = \(maxTime)")
        }
        var lo = 0.0, hi = h
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            let vm = CMatrix.gemm(try LinearAlgebra.expm(dyn.generator.scaled(mid)), prev)
            if dyn.energy(of: vm) - offset >= target { hi = mid } else { lo = mid }
        }
        let time = t - h + hi
        return Result(time: time, emptyEnergy: e0, fullEnergy: eFull, targetEnergy: target,
                      meanPower: (target - e0) / time)
    }
}
