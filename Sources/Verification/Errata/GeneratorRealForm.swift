// Mayo's Eq. (14) generators (printed, corrected, or from the collision limit) turned into what
// the independent routes need: the real form on (ρ₀₀, Re ρ₀₁, Im ρ₀₁, ρ₁₁) and the stationary
// state, on the Operators layer (products of real matrices; elimination with the exact pivot
// policy).
import BigNumerics
import ClosedForms
import Operators
import RealModule

extension Errata {
    /// M(α) as a real 4×4 matrix on x = (ρ₀₀, Re ρ₀₁, Im ρ₀₁, ρ₁₁) (with ρ₁₀ = ρ₀₁*), obtained
    /// mechanically from the complex matrix M = A + iB: ρ = T x with T = P + iQ, and
    /// ẋ = rows 0, 1 (real part), 1 (imaginary part), 3 of M T = (AP − BQ) + i(AQ + BP).
    public static func realGenerator<F: RationalField & Sendable>(_ m: [[ComplexOver<F>]]) throws(OperatorError) -> [[F]] {
        let a = try Matrix(m.map { $0.map(\.re) }), b = try Matrix(m.map { $0.map(\.im) })
        // Columns of T: x0 → ρ00, x1 → (ρ01, ρ10) = (1, 1), x2 → (i, −i), x3 → ρ11.
        let p = try Matrix<F>([[1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]])
        let q = try Matrix<F>([[0, 0, 0, 0], [0, 0, 1, 0], [0, 0, -1, 0], [0, 0, 0, 0]])
        let re = try a * p - b * q, im = try a * q + b * p
        return [(0, re), (1, re), (1, im), (3, re)].map { row, part in (0..<4).map { part[row, $0] } }
    }

    /// The stationary state of a real generator G: G x = 0 with the trace ρ₀₀ + ρ₁₁ = 1 in place
    /// of the last row, solved by `Operators`' elimination under the exact pivot policy (the first
    /// entry that is not zero pivots). Exact for exact fields; for `BigInterval` (zero = the point
    /// 0) the enclosure stays rigorous whatever the pivot, and a pivot that only contains 0 divides
    /// to the whole line, so an undecidable system shows as "undecided", never as a wrong digit.
    /// Throws `OperatorError.singular` when the system has no unique solution.
    public static func stationaryState<F: RationalField & ExtensibleField>(_ g: [[F]]) throws(OperatorError) -> [F] {
        var rows = g
        rows[3] = [1, 0, 0, 1]
        let x = try Matrix(rows).solving(Matrix.column([0, 0, 0, 1]))
        return x.column(0)
    }

    /// The stationary excited population ρ₀₀ of Eq. (14)'s printed M(α) for given rates.
    public static func stationaryExcitedPopulation<F: RationalField & ExtensibleField>(alpha: F, omega: F, epsilon: F, gammaPlus: F, gammaMinus: F) throws(OperatorError) -> F {
        let g = try realGenerator(Mayo.generatorEq14(alpha: alpha, omega: omega, epsilon: epsilon,
                                                     gammaPlus: gammaPlus, gammaMinus: gammaMinus))
        return try stationaryState(g)[0]
    }
}

/// Zero is the point 0 (both endpoints exactly 0): what `ComplexExtension`'s shortcuts and the
/// exact pivot policy may skip without losing rigour.
extension BigInterval: ExtensibleField {
    public var isZero: Bool { self == .zero }
}
