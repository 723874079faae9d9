// Mayo & Roncaglia Sec. II B: the one-to-one pairing reading of the N-battery interaction.
// The printed V̂_{j,l} = Σ_{μ_j, μ_l} |E_j^{μ_j}, E_j^{μ_j}⟩⟨E_l^{μ_l}, E_l^{μ_l}| (battery, bath) can be
// read with the degenerate labels paired one to one: each battery configuration μ of level j
// (j excited qubits) is exchanged only with its complement μ̄ (all qubits flipped, level N − j),
// the bath doing the same: V̂_{j,N−j} = Σ_μ |μ⟩⟨μ̄|_S ⊗ |μ⟩⟨μ̄|_R. With k = 0…N (the printed k = 1…N
// misses the Hermitian partner V̂_{0,N}), this is exactly Eq. (5)'s V_# at N = 2, has
// ‖Ṽ‖_op = 1 (so the printed coupling Nε gives ‖V‖ = Nε = ‖V_∥^{(N)}‖ as the paper requires),
// and each pair {μ, μ̄} exchanges populations on its own: 2^{N−1} conserved pair weights.
import Numerics

extension Mayo {
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
