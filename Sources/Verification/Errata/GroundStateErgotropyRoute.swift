// The independent route for Çakmak Eq. (16): the ergotropy of Eq. (13)'s spectrum, sorted by
// decided comparisons (Eq. 2's definition), never the printed closed form.
import BigNumerics
import ClosedForms

extension Errata {
    /// The independent route for Eq. (16) (Appendix B redone without its bookkeeping): the
    /// ergotropy from the sorted spectrum {p_k d_k} ∪ {0, …} of Eq. (13) on the spectrum of H₀
    /// ({kω} with multiplicity C(N,k)); the mean energy is Σ_k kω p_k d_k.
    /// Only the N+1 largest energies-to-eigenvalues pairings matter (the rest carry 0), so the
    /// sorted energies are cut to the lowest N+1 levels counted with multiplicity.
    public static func groundStateErgotropyFromSpectrum<F: RationalField & DecidablyOrdered>(N: Int, r: F, omega: F) throws(Ergotropy.Failure) -> F {
        let eigenvalues = (0...N).map { Cakmak.blockEigenvalue(N: N, k: $0, r: r) }
        var mean = F.zero
        for k in 0...N { mean += F.integer(k) * omega * eigenvalues[k] }
        var energies: [F] = []
        var level = 0
        while energies.count < N + 1 {
            let multiplicity = Cakmak.blockSize(N: N, k: level)
            var m = BigInt(0)
            while m < multiplicity && energies.count < N + 1 { energies.append(F.integer(level) * omega); m += 1 }
            level += 1
        }
        return try Ergotropy.ergotropy(meanEnergy: mean, spectrum: eigenvalues, increasingEnergies: energies)
    }
}
