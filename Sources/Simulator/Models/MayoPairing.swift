// Mayo & Roncaglia Sec. II B: the one-to-one pairing reading of the N-battery interaction.
// The printed V̂_{j,l} = Σ_{μ_j, μ_l} |E_j^{μ_j}, E_j^{μ_j}⟩⟨E_l^{μ_l}, E_l^{μ_l}| (battery, bath) can be
// read with the degenerate labels paired one to one: each battery configuration μ of level j
// (j excited qubits) is exchanged only with its complement μ̄ (all qubits flipped, level N − j),
// the bath doing the same: V̂_{j,N−j} = Σ_μ |μ⟩⟨μ̄|_S ⊗ |μ⟩⟨μ̄|_R. With k = 0…N (the printed k = 1…N
// misses the Hermitian partner V̂_{0,N}), this is exactly Eq. (5)'s V_# at N = 2, has
// ‖Ṽ‖_op = 1 (so the printed coupling Nε gives ‖V‖ = Nε = ‖V_∥^{(N)}‖ as the paper requires),
// and each pair {μ, μ̄} exchanges populations on its own: 2^{N−1} conserved pair weights.
import Foundation
import Numerics

extension MayoModels {
    /// N batteries, collective V_#^{(N)} in the one-to-one (complement) pairing reading; coupling Nε.
    public static func nBatteriesCollectivePaired(n: Int, omega: Double, beta: Double, epsilon: Double) throws(SimulatorError) -> CollisionModel {
        try checkOmega(omega)
        let reg = try QubitRegister(count: n)
        let d = reg.dimension
        var v = BipartiteOperator(systemDimension: d, bathDimension: d)
        for mu in 0..<d {
            let complement = mu ^ (d - 1)
            v.add(systemOut: mu, systemIn: complement, bathOut: mu, bathIn: complement, value: Cx(1))
        }
        let h = reg.mayoHamiltonian(omega: omega)
        return try CollisionModel(systemHamiltonian: h, bathHamiltonian: h, interaction: v,
                                  coupling: Double(n) * epsilon, beta: beta)
    }
}

/// Γ(N, βω, δ) from the structure of the collective dynamics.
///
/// V_#^{(N)} (one-to-one pairing, k = 0 … N) couples each battery state |k, μ⟩ only to |N−k, μ̄⟩
/// (bath unit mirrored), so the Born generator's jumps are |k μ⟩⟨N−k μ̄| with rate
/// (Nε)² p_R(N−k, μ̄) = N²ε² e^{βE_k}/Z₁^N and the reverse with N²ε² e^{−βE_k}/Z₁^N
/// (E_k = ω(k − N/2), Z₁ = 2cosh(βω/2)). From the thermal state each pair is a two-state chain:
/// its populations relax with λ_k = N²ε²·2cosh(βE_k)/Z₁^N and it stores g_k·2E_k·2sinh(βE_k)/Z₁^N.
/// Everything is evaluated in logarithms, so N in the hundreds is fine.
public enum CollectiveCharging {
    static func logCosh(_ x: Double) -> Double { let a = abs(x); return a + Foundation.log1p(Foundation.exp(-2 * a)) - Foundation.log(2) }
    static func logSinh(_ x: Double) -> Double { x + Foundation.log1p(-Foundation.exp(-2 * x)) - Foundation.log(2) }
    static func logBinomial(_ n: Int, _ k: Int) -> Double { Foundation.lgamma(Double(n + 1)) - Foundation.lgamma(Double(k + 1)) - Foundation.lgamma(Double(n - k + 1)) }

    /// (weights w_k of the stored energy, log λ_k) for the pairs k > N/2, with ε = 1.
    public static func pairs(qubits n: Int, betaOmega x: Double) throws(SimulatorError) -> [(weight: Double, logRate: Double)] {
        if n < 2 { throw .invalidParameter(name: "N", value: "\(n)", allowed: ">= 2") }
        if !(x > 0) || !x.isFinite { throw .invalidParameter(name: "beta*omega", value: "\(x)", allowed: "> 0, finite") }
        let logZ1 = x / 2 + Foundation.log1p(Foundation.exp(-x))
        var la: [Double] = [], lr: [Double] = []
        for k in 0...n where 2 * k > n {
            let e = Double(k) - Double(n) / 2
            la.append(logBinomial(n, k) + Foundation.log(4 * e) + logSinh(x * e) - Double(n) * logZ1)
            lr.append(2 * Foundation.log(Double(n)) + Foundation.log(2) + logCosh(x * e) - Double(n) * logZ1)
        }
        let m = la.max() ?? 0
        let w = la.map { Foundation.exp($0 - m) }
        let s = w.reduce(0, +)
        return zip(w, lr).map { ($0 / s, $1) }
    }

    /// Fraction of the chargeable energy stored at time t (ε = 1): Σ w_k (1 − e^{−λ_k t}).
    public static func storedFraction(_ p: [(weight: Double, logRate: Double)], time t: Double) -> Double {
        p.reduce(0) { $0 + $1.weight * -Foundation.expm1(-Foundation.exp($1.logRate + Foundation.log(t))) }
    }

    /// Collective charging time ε²T_#: E(T) = E_full(1 − δ), i.e. stored fraction 1 − δ/2 (E_empty = −E_full).
    public static func collectiveTime(qubits n: Int, betaOmega x: Double, delta: Double) throws(SimulatorError) -> Double {
        if !(delta > 0 && delta < 1) { throw .invalidParameter(name: "delta", value: "\(delta)", allowed: "0 < delta < 1") }
        let p = try pairs(qubits: n, betaOmega: x)
        let target = 1 - delta / 2
        let maxRate = p.map { $0.logRate }.max() ?? 0
        var lo = Foundation.exp(-maxRate) * 1e-6, hi = Foundation.exp(-maxRate)
        var guardCount = 0
        while storedFraction(p, time: hi) < target {
            hi *= 2; guardCount += 1
            if guardCount > 4000 { throw .invalidParameter(name: "charging time", value: "not bracketed", allowed: "finite") }
        }
        for _ in 0..<200 {
            let mid = (lo * hi).squareRoot()
            if !(lo < mid && mid < hi) { break }
            if storedFraction(p, time: mid) >= target { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// Parallel charging time ε²T_∥ = ln(2/δ) (each battery relaxes at rate ε²).
    public static func parallelTime(delta: Double) -> Double { Foundation.log(2 / delta) }

    /// Γ = P_#/P_∥ = T_∥/T_#.
    public static func advantage(qubits n: Int, betaOmega x: Double, delta: Double) throws(SimulatorError) -> Double {
        parallelTime(delta: delta) / (try collectiveTime(qubits: n, betaOmega: x, delta: delta))
    }
}
