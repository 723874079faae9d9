// Mayo's Eq. (14) generators (printed, corrected, or from the collision limit) turned into what
// the independent routes need: the real form on (ρ₀₀, Re ρ₀₁, Im ρ₀₁, ρ₁₁) and the stationary state.
import BigNumerics
import ClosedForms
import RealModule

extension Errata {
    /// M(α) as a real 4×4 matrix on x = (ρ₀₀, Re ρ₀₁, Im ρ₀₁, ρ₁₁) (with ρ₁₀ = ρ₀₁*), obtained
    /// mechanically from the complex matrix: ρ = T x, ẋ = Re/Im parts of M T x.
    public static func realGenerator<F: RationalField>(_ m: [[ComplexOver<F>]]) -> [[F]] {
        typealias C = ComplexOver<F>
        // Columns of T: x0 → ρ00, x1 → (ρ01, ρ10) = (1, 1), x2 → (i, −i), x3 → ρ11.
        let t: [[C]] = [
            [C(1), C(0), C(0), C(0)],
            [C(0), C(1), C(0, 1), C(0)],
            [C(0), C(1), C(0, -1), C(0)],
            [C(0), C(0), C(0), C(1)],
        ]
        var mt = [[C]](repeating: [C](repeating: C(0), count: 4), count: 4)
        for i in 0..<4 { for j in 0..<4 { for k in 0..<4 { mt[i][j] = mt[i][j] + m[i][k] * t[k][j] } } }
        return [mt[0].map(\.re), mt[1].map(\.re), mt[1].map(\.im), mt[3].map(\.re)]
    }

    /// The stationary state of a real generator G (trace ρ₀₀ + ρ₁₁ = 1 replaces the last row),
    /// by Gaussian elimination; nil if singular (or undecided for enclosures).
    public static func stationaryState<F: RationalField>(_ g: [[F]], isCertainlyNonzero: (F) -> Bool) -> [F]? {
        var a = g
        var rhs: [F] = [0, 0, 0, 1]
        a[3] = [1, 0, 0, 1]
        let n = 4
        for col in 0..<n {
            guard let pivot = (col..<n).first(where: { isCertainlyNonzero(a[$0][col]) }) else { return nil }
            a.swapAt(col, pivot); rhs.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let factor = a[row][col] / a[col][col]
                for k in col..<n { a[row][k] = a[row][k] - factor * a[col][k] }
                rhs[row] = rhs[row] - factor * rhs[col]
            }
        }
        return (0..<n).map { rhs[$0] / a[$0][$0] }
    }

    /// The stationary excited population ρ₀₀ of Eq. (14)'s M(α) for given rates.
    public static func stationaryExcitedPopulation<F: RationalField>(alpha: F, omega: F, epsilon: F, gammaPlus: F, gammaMinus: F,
                                                                    isCertainlyNonzero: (F) -> Bool) -> F? {
        let g = realGenerator(Mayo.generatorEq14(alpha: alpha, omega: omega, epsilon: epsilon,
                                                      gammaPlus: gammaPlus, gammaMinus: gammaMinus))
        return stationaryState(g, isCertainlyNonzero: isCertainlyNonzero)?[0]
    }
}
