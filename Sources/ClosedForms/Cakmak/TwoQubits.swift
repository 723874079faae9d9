import BigNumerics
import RealModule

/// Çakmak, Sec. IV A: two collectively coupled qubits, steady state of Eq. (7).
///
/// Every function takes the Boltzmann factor `b` with y = e^{−βω} (θ = βω), so that the
/// printed hyperbolic forms are exact rational functions of y (see `BoltzmannFactor`).
/// *Printed* forms keep the paper's cosh/sinh/e^{+βω}; *safe* forms use only powers y^k,
/// k ≥ 0 (no overflow for β up to 10³ and beyond), and the tests prove each pair equal as
/// rational functions of y.
extension Cakmak {
    /// Z₊(β) = 1 + e^{−ωβ} + e^{−2ωβ} (below Eq. 7).
    public static func zPlus<F: RationalField>(_ b: BoltzmannFactor<F>) -> F {
        1 + b.power(1) + b.power(2)
    }

    /// Z(β) = 1 + 2e^{−ωβ} + e^{−2ωβ}, the two-qubit partition function (below Eq. 8).
    public static func partitionFunction<F: RationalField>(_ b: BoltzmannFactor<F>) -> F {
        1 + 2 * b.power(1) + b.power(2)
    }

    /// Eq. (7) as a 4×4 real symmetric matrix in Çakmak's vector order (|11⟩, |10⟩, |01⟩, |00⟩):
    /// the first component is the doubly excited state, as the eigenvectors of Eq. (9) are written.
    /// ρ = (1−c)|ψ−⟩⟨ψ−| + c Z₊^{−1}(e^{−2βω}|11⟩⟨11| + e^{−βω}|ψ+⟩⟨ψ+| + |00⟩⟨00|), ψ± = (|01⟩ ± |10⟩)/√2.
    public static func steadyStateEq7<F: RationalField>(c: F, _ b: BoltzmannFactor<F>) -> [[F]] {
        let z = zPlus(b)
        let plus = c * b.power(1) / z, minus = 1 - c
        var rho = [[F]](repeating: [F](repeating: 0, count: 4), count: 4)
        rho[0][0] = c * b.power(2) / z
        rho[3][3] = c / z
        rho[1][1] = (minus + plus) / 2
        rho[2][2] = (minus + plus) / 2
        rho[1][2] = (plus - minus) / 2
        rho[2][1] = (plus - minus) / 2
        return rho
    }

    /// Eq. (3): C_l1 = Σ_{i≠j} |ρ_ij| for a real matrix (the basis is the one the matrix is written in).
    public static func l1Coherence<F: RationalField>(_ rho: [[F]]) -> F where F.Magnitude == F {
        var sum = F.zero
        for i in rho.indices { for j in rho[i].indices where i != j { sum += rho[i][j].magnitude } }
        return sum
    }

    /// Eq. (8), first printed form without the absolute value: c·Z/Z₊ − 1.
    public static func coherenceEq8SignedFirstForm<F: RationalField>(c: F, _ b: BoltzmannFactor<F>) -> F {
        c * partitionFunction(b) / zPlus(b) - 1
    }

    /// Eq. (8), second printed form without the absolute value: −1 + c + c/(1 + 2cosh(βω)).
    public static func coherenceEq8SignedSecondForm<F: RationalField>(c: F, _ b: BoltzmannFactor<F>) -> F {
        -1 + c + c / (1 + 2 * b.cosh(1))
    }

    /// Eq. (9) as printed: {1−c, c e^{2βω}/(1+e^{βω}+e^{2βω}), c e^{βω}/(…), c/(…)}, eigenvectors
    /// ψ−, |00⟩, ψ+, |11⟩ (energies ω, 0, ω, 2ω).
    public static func spectrumEq9<F: RationalField>(c: F, _ b: BoltzmannFactor<F>) -> [F] {
        let s = 1 + b.exp(1) + b.exp(2)
        return [1 - c, c * b.exp(2) / s, c * b.exp(1) / s, c / s]
    }

    /// H₀ energies (in units of ω) of the eigenvectors of Eq. (9), in the same order.
    public static let spectrumEq9Energies = [1, 0, 1, 2]

    /// Mean energy tr(ρH₀) of Eq. (7) (ψ− and ψ+ have energy ω, |11⟩ 2ω).
    public static func meanEnergyEq7<F: RationalField>(c: F, omega: F, _ b: BoltzmannFactor<F>) -> F {
        omega * ((1 - c) + c * (b.power(1) + 2 * b.power(2)) / zPlus(b))
    }

    /// Eq. (10), first case (0 ≤ c < 1/2), as printed: ω(1 − c[1 + 3cosh(βω) + sinh(βω)]/(1 + 2cosh(βω))).
    public static func ergotropyEq10LowC<F: RationalField>(c: F, omega: F, _ b: BoltzmannFactor<F>) -> F {
        omega * (1 - c * (1 + 3 * b.cosh(1) + b.sinh(1)) / (1 + 2 * b.cosh(1)))
    }

    /// Eq. (10), first case, safe form: ω(1 − c(2 + y + y²)/(1 + y + y²)), y = e^{−βω}
    /// (multiply numerator and denominator of the printed form by e^{−βω}).
    public static func ergotropyEq10LowCSafe<F: RationalField>(c: F, omega: F, _ b: BoltzmannFactor<F>) -> F {
        omega * (1 - c * (2 + b.power(1) + b.power(2)) / zPlus(b))
    }

    /// Eq. (10), second case (c = 1), as printed: ω/(1 + e^{−ωβ} + e^{−2ωβ}).
    public static func ergotropyEq10CEqualsOne<F: RationalField>(omega: F, _ b: BoltzmannFactor<F>) -> F {
        omega / (1 + b.exp(-1) + b.exp(-2))
    }

    /// Eq. (10), second case, corrected (erratum `cakmak.eq10.c1`): ω/(1 + e^{ωβ} + e^{2ωβ}),
    /// written safely as ω y²/(1 + y + y²). From the sorted spectrum at c = 1,
    /// {1/Z₊, y/Z₊, y²/Z₊, 0} on energies {0, ω, 2ω, ω}: the passive state puts y²/Z₊ on ω
    /// instead of 2ω, so W = ω y²/Z₊. The printed form tends to ω as β → ∞ instead of 0.
    public static func ergotropyEq10CEqualsOneCorrected<F: RationalField>(omega: F, _ b: BoltzmannFactor<F>) -> F {
        omega * b.power(2) / zPlus(b)
    }

    /// Eq. (11), low-temperature limit (β → ∞): W = ω(1 − 2c) for 0 ≤ c < 1/2, 0 for 1/2 ≤ c ≤ 1.
    /// The branch is chosen on the exact value of c.
    public static func ergotropyEq11<F: RationalField>(c: F, omega: F, exactC: BigRational) -> F {
        exactC < BigRational(1) / 2 ? omega * (1 - 2 * c) : 0
    }

    /// Eq. (12), high-temperature limit (β → 0): ω(1 − 4c/3) for c < 3/4, 0 at 3/4, ω(4c/3 − 1) above.
    public static func ergotropyEq12<F: RationalField>(c: F, omega: F, exactC: BigRational) -> F {
        let threshold = BigRational(3) / 4
        if exactC < threshold { return omega * (1 - 4 * c / 3) }
        if exactC == threshold { return 0 }
        return omega * (4 * c / 3 - 1)
    }

    /// Eq. (12), the coherence in the same limit: C_l1 → |4c/3 − 1| (signed here: 4c/3 − 1).
    public static func coherenceEq12Signed<F: RationalField>(c: F) -> F { 4 * c / 3 - 1 }
}

/// Çakmak, Appendix A: the inverse temperatures at which 1 − c crosses the other eigenvalues
/// of Eq. (9) for 1/2 < c < 1. Transcendental (square roots, logarithms), so written over
/// `TranscendentalField`.
extension Cakmak {
    /// (A1) as printed: β > log([√((−7c²+10c−3)/(2c−1)²)(2c−1) − c + 1] / [2(2c−1)]), 1/2 < c ≤ 3/4.
    /// Printed without the 1/ω that (A2) and (A3) carry.
    public static func thresholdA1<T: TranscendentalField>(c: T) -> T {
        let s = T.sqrt((-7 * c * c + 10 * c - 3) / ((2 * c - 1) * (2 * c - 1)))
        return T.log((s * (2 * c - 1) - c + 1) / (2 * (2 * c - 1)))
    }

    /// (A1) corrected (erratum `cakmak.eqA1`): the same logarithm divided by ω. The crossing
    /// condition (2c−1)u² − (1−c)u − (1−c) > 0 is in u = e^{βω}, so the threshold is on βω.
    public static func thresholdA1Corrected<T: TranscendentalField>(c: T, omega: T) -> T {
        thresholdA1(c: c) / omega
    }

    /// (A2) as printed: β < log([√((4c−3)/(c−1)²)(c−1) − 2c + 1] / [2(c−1)])/ω, 3/4 < c < 1.
    public static func thresholdA2<T: TranscendentalField>(c: T, omega: T) -> T {
        let s = T.sqrt((4 * c - 3) / ((c - 1) * (c - 1)))
        return T.log((s * (c - 1) - 2 * c + 1) / (2 * (c - 1))) / omega
    }

    /// (A3) as printed: β < log(½(√((3−7c)/(c−1)) − 1))/ω, 3/4 < c < 1.
    public static func thresholdA3<T: TranscendentalField>(c: T, omega: T) -> T {
        T.log((T.sqrt((3 - 7 * c) / (c - 1)) - 1) / 2) / omega
    }

    /// The gaps λᵢ − (1 − c) between the second, third, fourth eigenvalue of Eq. (9) and the
    /// first: the independent route for Appendix A (a condition holds where its gap is > 0).
    public static func eigenvalueGaps<F: RationalField>(c: F, _ b: BoltzmannFactor<F>) -> [F] {
        let z = zPlus(b)
        return [c / z - (1 - c), c * b.power(1) / z - (1 - c), c * b.power(2) / z - (1 - c)]
    }
}

/// Namespace for Çakmak, "Ergotropy from coherences in an open quantum system".
public enum Cakmak {}
