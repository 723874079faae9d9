import BigNumerics
import RealModule

/// Çakmak Eq. (2) and Eq. (1), Sec. II: ergotropy W = Σ_{j,i} r_j ε_i (|⟨r_j|ε_i⟩|² − δ_ji), with
/// r_j sorted decreasing and ε_i increasing. Equivalently W = tr(ρH) − Σ_j r_j ε_j (the energy
/// of the passive state), which is the form used here: it needs only the spectrum, the sorted
/// energies and the mean energy, so it is the *independent route* against which the papers'
/// closed ergotropies (Çakmak Eqs. 10–12, 16) are checked.
public enum Ergotropy {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Two eigenvalues could not be ordered at this precision.
        case undecidedOrder(index: Int, other: Int)
        case mismatchedLengths(spectrum: Int, energies: Int)

        public var description: String {
            switch self {
            case let .undecidedOrder(i, j): return "cannot decide the order of eigenvalues \(i) and \(j) at this precision"
            case let .mismatchedLengths(s, e): return "spectrum has \(s) values but there are \(e) energies"
            }
        }
    }

    /// Sorts `values` decreasingly using decided comparisons only (insertion sort: n ≤ a few
    /// hundred here). Two values whose order is undecided are left as they are *only* if they
    /// overlap and their difference cannot change the result — which callers cannot know, so
    /// an undecided comparison throws.
    public static func sortedDecreasing<F: DecidablyOrdered>(_ values: [F]) throws(Failure) -> [F] {
        var v = values
        var index = Array(values.indices)
        for i in 1..<max(v.count, 1) {
            var j = i
            while j > 0 {
                guard let less = F.certainlyLess(v[j - 1], v[j]) else {
                    throw .undecidedOrder(index: index[j - 1], other: index[j])
                }
                if !less { break }
                v.swapAt(j - 1, j)
                index.swapAt(j - 1, j)
                j -= 1
            }
        }
        return v
    }

    /// Σ_j r↓_j ε↑_j: the energy of the passive state with spectrum `spectrum` for the
    /// Hamiltonian with eigenvalues `energies` (given in increasing order).
    public static func passiveEnergy<F: RationalField & DecidablyOrdered>(spectrum: [F], increasingEnergies energies: [F]) throws(Failure) -> F {
        guard spectrum.count == energies.count else { throw .mismatchedLengths(spectrum: spectrum.count, energies: energies.count) }
        let r = try sortedDecreasing(spectrum)
        return zip(r, energies).reduce(F.zero) { $0 + $1.0 * $1.1 }
    }

    /// W = tr(ρH) − passive energy.
    public static func ergotropy<F: RationalField & DecidablyOrdered>(meanEnergy: F, spectrum: [F], increasingEnergies energies: [F]) throws(Failure) -> F {
        meanEnergy - (try passiveEnergy(spectrum: spectrum, increasingEnergies: energies))
    }
}
