// The collision-limit route to Mayo's single-battery generator (Eq. 14, Appendix A), on the
// Operators layer: operators in the simulator's basis (index 1 = excited), superoperators in
// column-stacking order, vec(ρ)[i + 2j] = ρ_ij. Eq. (14) labels the excited state 0 and stacks
// rows, (ρ₀₀, ρ₀₁, ρ₁₀, ρ₁₁): `eq14Order` relabels (σ_x ρ σ_x) and restacks once, at the end.
import BigNumerics
import ClosedForms
import Operators
import RealModule

/// Independent route for Mayo's single-battery generator: the Lindblad limit of the collision
/// model derived from its ingredients, not from the printed matrix.
///
/// D(ρ) = −½ tr_R[V, [V, ρ ⊗ ρ_R]] with V = ε(σ⁺_Sσ⁺_R + σ⁻_Sσ⁻_R) (Eq. 13 without the 1/√Δt)
/// and ρ_R = e^{−βH_R}/Z₁, H_R = (ω/2)σ_z; plus −i[H_S, ρ] with H_S(α) = (ω/2)[ασ_x + (1−α)σ_z]
/// (Eq. 12). Every map is real, so it runs over any field: exact in `BigRational` at rational
/// y = e^{−βω/2}, rigorous in `BigInterval`; −i is attached to the Hamiltonian part at the end.
public enum CollisionLimitRoute {

    /// σ⁺ = |1⟩⟨0| and σ⁻ in the simulator's basis (1 = excited).
    static func raising<F: RationalField & Sendable>() -> Matrix<F> { var m = Matrix<F>(rows: 2, cols: 2); m[1, 0] = 1; return m }
    static func lowering<F: RationalField & Sendable>() -> Matrix<F> { raising().transpose }

    /// A column-stacked superoperator on one qubit as the 4×4 array of Eq. (14)'s order.
    static func eq14Order<F: RationalField & Sendable>(_ s: Matrix<F>) throws(OperatorError) -> [[F]] {
        var flip = Matrix<F>(rows: 2, cols: 2)
        flip[0, 1] = 1
        flip[1, 0] = 1
        let relabel = Superoperators<F>.sandwich(flip, flip)
        let rows = Superoperators<F>.toRowStacking(try relabel * s * relabel, dimension: 2)
        return (0..<4).map { i in (0..<4).map { j in rows[i, j] } }
    }

    /// The dissipator D as a 4×4 real matrix on (ρ₀₀, ρ₀₁, ρ₁₀, ρ₁₁).
    public static func dissipator<F: RationalField & Sendable>(epsilon: F, _ b: BoltzmannFactor<F>) throws(OperatorError) -> [[F]] {
        let raise: Matrix<F> = raising(), lower: Matrix<F> = lowering()
        let v = try (Matrix.kron(raise, raise) + Matrix.kron(lower, lower)).scaled(epsilon)
        // Bath unit at +β: excited population e^{−βω/2}/Z₁ = y²/(1 + y²).
        let bath = Matrix<F>.diagonal([Mayo.invertedPopulation(b), Mayo.thermalPopulation(b)])
        let d = try Superoperators<F>.fromMap(dimension: 2) { (rho: Matrix<F>) throws(OperatorError) -> Matrix<F> in
            let joint = Matrix.kron(rho, bath)
            let inner = try v * joint - joint * v
            let outer = try v * inner - inner * v
            return try outer.partialTrace(dims: [2, 2], keep: [0]).map { (x: F) -> F in -x / 2 }
        }
        return try eq14Order(d)
    }

    /// −i[H, ·] for H_S(α) = (ω/2)[ασ_x + (1−α)σ_z], as a complex 4×4 matrix on the same vector.
    public static func hamiltonianPart<F: RationalField & Sendable>(alpha: F, omega: F) throws(OperatorError) -> [[ComplexOver<F>]] {
        // σ_z = diag(−1, +1) in the simulator's basis (excited = 1): H = (ω/2)σ_z puts +ω/2 on the excited state.
        let z: F = omega * (1 - alpha) / 2, x: F = omega * alpha / 2
        let h = try Matrix<F>([[-z, x], [x, z]])
        let commutator = try Superoperators<F>.leftMultiplication(h) - Superoperators<F>.rightMultiplication(h)
        return try eq14Order(commutator).map { $0.map { ComplexOver(0, -$0) } }   // −i[H, ρ]
    }

    /// The full generator L(α) = −i[H_S(α), ·] + D, complex 4×4 in Eq. (14)'s order.
    public static func generator<F: RationalField & Sendable>(alpha: F, omega: F, epsilon: F, _ b: BoltzmannFactor<F>) throws(OperatorError) -> [[ComplexOver<F>]] {
        let d = try dissipator(epsilon: epsilon, b)
        let h = try hamiltonianPart(alpha: alpha, omega: omega)
        return (0..<4).map { i in (0..<4).map { j in h[i][j] + ComplexOver(d[i][j]) } }
    }
}
