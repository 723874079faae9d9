// The steady-state map of the collective Lindbladian (Çakmak Eqs. 4–6 in the collective limit,
// γ_ij = γ0, f_ij = f) from its symmetry.
//
// In the coupled basis H = ⊕_j C^{d_j} ⊗ C^{2j+1} every term of the generator (−i[H0 + H_d, ·],
// D[J⁻], D[J⁺]) acts as 1 ⊗ (spin-j operator), so a block ρ_{(j,a),(j',b)} evolves under a
// generator L_{jj'} that does not depend on the copies a, b. For j = j' the spin-j chain is an
// ergodic birth–death process (rates ∝ n̄+1 down, n̄ up) whose only fixed point is
// τ_j ∝ Σ_m r^{m+j}|j,m⟩⟨j,m|, r = n̄/(n̄+1) = e^{−βω}, and whose left fixed point is the trace;
// for j ≠ j' there is no fixed point. Hence
//     ρ_ss = ⊕_j M_j ⊗ τ_j,   (M_j)_{ab} = tr_spin ρ0_{(j,a),(j,b)},
// and nullity Σ_j d_j². (Checked against the dense Liouvillian null-space projector and the
// sector-by-sector generator in the tests.) The per-sample kernel is CollectiveSteadyStateKernel.
import Foundation

/// ρ0 ↦ ρ_ss for N collectively coupled qubits at inverse temperature β (β = 0: the β → 0 limit).
public struct CollectiveSteadyStateMap: Sendable {
    public let basis: CoupledBasis
    public let omega: Double
    public let beta: Double
    /// r = e^{−βω}.
    public let r: Double
    /// τ_j populations per sector, index i ↔ m = −j + i (i excitations above the lowest weight).
    public let tau: [[Double]]
    /// Whether all τ_j are uniform (β = 0).
    public let uniform: Bool
    /// Σ_m τ_j(m) k(m): mean excitation number of τ_j.
    public let meanLevel: [Double]

    public var qubits: Int { basis.qubits }

    public init(qubits n: Int, beta: Double, omega: Double = 1) throws(SimulatorError) {
        try self.init(basis: CoupledBasis(qubits: n), beta: beta, omega: omega)
    }

    public init(basis: CoupledBasis, beta: Double, omega: Double = 1) throws(SimulatorError) {
        if !(omega > 0) || !omega.isFinite { throw .invalidParameter(name: "omega", value: "\(omega)", allowed: "> 0, finite") }
        if !(beta >= 0) || beta.isNaN { throw .invalidParameter(name: "beta", value: "\(beta)", allowed: ">= 0 (0 = high-temperature limit; +inf = zero temperature)") }
        self.basis = basis
        self.omega = omega
        self.beta = beta
        let r = Foundation.exp(-beta * omega)
        self.r = r
        self.uniform = beta == 0
        var t: [[Double]] = [], ml: [Double] = []
        for s in basis.sectors {
            var w = [Double](repeating: 0, count: s.size)
            var x = 1.0
            for i in 0..<s.size { w[i] = x; x *= r }
            let z = w.reduce(0, +)
            w = w.map { $0 / z }
            t.append(w)
            var m = 0.0
            for i in 0..<s.size { m += w[i] * Double(s.lowestLevel + i) }
            ml.append(m)
        }
        self.tau = t
        self.meanLevel = ml
    }

    /// M_j for every sector from a dense ρ0 (simulator ordering), the general (slow) route.
    public func blocks(from rho0: CMatrix) throws(SimulatorError) -> [CMatrix] {
        let d = 1 << qubits
        if rho0.rows != d || rho0.cols != d {
            throw .dimensionMismatch(parameter: "rho0", expected: "\(d)x\(d)", got: "\(rho0.rows)x\(rho0.cols)")
        }
        var out = basis.sectors.map { CMatrix(rows: $0.multiplicity, cols: $0.multiplicity) }
        for k in 0...qubits {
            let states = basis.levelStates[k], nk = states.count, u = basis.u[k]
            // R = U_kᵀ ρ0_k U_k (coupled coordinates at level k)
            var r = CMatrix(rows: nk, cols: nk)
            for a in 0..<nk { for b in 0..<nk {
                var s = Cx.zero
                for i in 0..<nk where u[i * nk + a] != 0 {
                    for j in 0..<nk where u[j * nk + b] != 0 {
                        s += rho0[states[i], states[j]] * Cx(u[i * nk + a] * u[j * nk + b])
                    }
                }
                r[a, b] = s
            } }
            for slot in basis.slots[k] {
                let dm = basis.sectors[slot.sector].multiplicity
                for a in 0..<dm { for b in 0..<dm { out[slot.sector][a, b] += r[slot.offset + a, slot.offset + b] } }
            }
        }
        return out
    }

    /// ρ_ss = ⊕_j M_j ⊗ τ_j as a dense matrix in the simulator's computational basis.
    public func dense(blocks m: [CMatrix]) -> CMatrix {
        let d = 1 << qubits
        var rho = CMatrix(rows: d, cols: d)
        for k in 0...qubits {
            let states = basis.levelStates[k], nk = states.count, u = basis.u[k]
            var b = CMatrix(rows: nk, cols: nk)
            for slot in basis.slots[k] {
                let s = basis.sectors[slot.sector]
                let t = tau[slot.sector][k - s.lowestLevel]
                for a in 0..<s.multiplicity { for c in 0..<s.multiplicity { b[slot.offset + a, slot.offset + c] = m[slot.sector][a, c] * Cx(t) } }
            }
            for i in 0..<nk { for j in 0..<nk {
                var s = Cx.zero
                for a in 0..<nk where u[i * nk + a] != 0 { for c in 0..<nk where u[j * nk + c] != 0 {
                    s += b[a, c] * Cx(u[i * nk + a] * u[j * nk + c])
                } }
                rho[states[i], states[j]] = s
            } }
        }
        return rho
    }

    /// ρ0 ↦ ρ_ss (dense in, dense out).
    public func steadyState(from rho0: CMatrix) throws(SimulatorError) -> CMatrix {
        dense(blocks: try blocks(from: rho0))
    }

    /// C_l1 (computational basis), ergotropy and energy of ρ_ss = ⊕ M_j ⊗ τ_j, by the fast kernel.
    public func observables(blocks m: [CMatrix]) throws(SimulatorError) -> CollectiveObservation {
        let w = CollectiveSteadyStateKernel(map: self)
        try w.load(blocks: m)
        return try w.observe()
    }
}

/// What the random-state study records per steady state.
public struct CollectiveObservation: Sendable, Equatable {
    /// l1-norm of coherence in the computational basis (Çakmak Eq. 3).
    public let coherence: Double
    /// Ergotropy w.r.t. H0 = ω Σ σ⁺σ⁻ (Çakmak Eq. 2).
    public let ergotropy: Double
    /// tr(ρ_ss H0).
    public let energy: Double

    public init(coherence: Double, ergotropy: Double, energy: Double) {
        self.coherence = coherence
        self.ergotropy = ergotropy
        self.energy = energy
    }
}
