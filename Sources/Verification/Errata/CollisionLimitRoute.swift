import BigNumerics
import ClosedForms
import RealModule

/// Independent route for Mayo's single-battery generator (Eq. 14, Appendix A): the Lindblad
/// limit of the collision model derived here from its ingredients, not from the printed matrix.
///
/// D(ρ) = −½ tr_R[V, [V, ρ ⊗ ρ_R]] with V = ε(σ⁺_Sσ⁺_R + σ⁻_Sσ⁻_R) (Eq. 13 without the 1/√Δt)
/// and ρ_R = e^{−βH_R}/Z₁, H_R = (ω/2)σ_z; plus −i[H_S, ρ] with H_S(α) = (ω/2)[ασ_x + (1−α)σ_z]
/// (Eq. 12). Matrices are built explicitly (4×4 on S ⊗ R, index 2s + r, 0 = excited) and the
/// superoperator is read off column by column on the basis |i⟩⟨j|, in the row-major vector
/// order (ρ₀₀, ρ₀₁, ρ₁₀, ρ₁₁) of Eq. (14). Exact in `BigRational` at rational y = e^{−βω/2}.
public enum CollisionLimitRoute {
    typealias Matrix<F> = [[F]]

    static func multiply<F: RationalField>(_ a: Matrix<F>, _ b: Matrix<F>) -> Matrix<F> {
        let n = a.count, m = b[0].count
        var c = Matrix<F>(repeating: [F](repeating: 0, count: m), count: n)
        for i in 0..<n { for k in 0..<b.count where a[i][k] != 0 { for j in 0..<m { c[i][j] += a[i][k] * b[k][j] } } }
        return c
    }

    static func kron<F: RationalField>(_ a: Matrix<F>, _ b: Matrix<F>) -> Matrix<F> {
        var c = Matrix<F>(repeating: [F](repeating: 0, count: a.count * b.count), count: a.count * b.count)
        for i in a.indices { for j in a.indices { for k in b.indices { for l in b.indices {
            c[i * b.count + k][j * b.count + l] = a[i][j] * b[k][l]
        } } } }
        return c
    }

    static func subtract<F: RationalField>(_ a: Matrix<F>, _ b: Matrix<F>) -> Matrix<F> {
        zip(a, b).map { zip($0, $1).map { $0 - $1 } }
    }

    /// tr_R of a 4×4 operator on S ⊗ R.
    static func partialTraceBath<F: RationalField>(_ a: Matrix<F>) -> Matrix<F> {
        var c = Matrix<F>(repeating: [F](repeating: 0, count: 2), count: 2)
        for s in 0..<2 { for t in 0..<2 { for r in 0..<2 { c[s][t] += a[2 * s + r][2 * t + r] } } }
        return c
    }

    /// The dissipator D as a 4×4 real matrix on (ρ₀₀, ρ₀₁, ρ₁₀, ρ₁₁).
    public static func dissipator<F: RationalField>(epsilon: F, _ b: BoltzmannFactor<F>) -> [[F]] {
        let raise: Matrix<F> = [[0, 1], [0, 0]]     // σ⁺ = |e⟩⟨g| with index 0 = e
        let lower: Matrix<F> = [[0, 0], [1, 0]]
        let v = kron(raise, raise).enumerated().map { i, row in
            row.enumerated().map { j, x in epsilon * (x + kron(lower, lower)[i][j]) }
        }
        // Bath unit at +β: excited population e^{−βω/2}/Z₁ = y²/(1 + y²).
        let bath: Matrix<F> = [[Mayo.thermalPopulation(b), 0], [0, Mayo.invertedPopulation(b)]]
        var superoperator = [[F]](repeating: [F](repeating: 0, count: 4), count: 4)
        for column in 0..<4 {
            var rho: Matrix<F> = [[0, 0], [0, 0]]
            rho[column / 2][column % 2] = 1
            let joint = kron(rho, bath)
            let inner = subtract(multiply(v, joint), multiply(joint, v))
            let outer = subtract(multiply(v, inner), multiply(inner, v))
            let d = partialTraceBath(outer).map { $0.map { -$0 / 2 } }
            for row in 0..<4 { superoperator[row][column] = d[row / 2][row % 2] }
        }
        return superoperator
    }

    /// −i[H, ·] for H_S(α) = (ω/2)[ασ_x + (1−α)σ_z], as a complex 4×4 matrix on the same vector.
    public static func hamiltonianPart<F: RationalField>(alpha: F, omega: F) -> [[ComplexOver<F>]] {
        let h: Matrix<F> = [[omega * (1 - alpha) / 2, omega * alpha / 2], [omega * alpha / 2, -omega * (1 - alpha) / 2]]
        var out = [[ComplexOver<F>]](repeating: [ComplexOver<F>](repeating: ComplexOver(0), count: 4), count: 4)
        for column in 0..<4 {
            var rho: Matrix<F> = [[0, 0], [0, 0]]
            rho[column / 2][column % 2] = 1
            let commutator = subtract(multiply(h, rho), multiply(rho, h))
            for row in 0..<4 { out[row][column] = ComplexOver(0, -commutator[row / 2][row % 2]) }   // −i[H, ρ]
        }
        return out
    }

    /// The full generator L(α) = −i[H_S(α), ·] + D, complex 4×4.
    public static func generator<F: RationalField>(alpha: F, omega: F, epsilon: F, _ b: BoltzmannFactor<F>) -> [[ComplexOver<F>]] {
        let d = dissipator(epsilon: epsilon, b)
        let h = hamiltonianPart(alpha: alpha, omega: omega)
        return (0..<4).map { i in (0..<4).map { j in h[i][j] + ComplexOver(d[i][j]) } }
    }
}
