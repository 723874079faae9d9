import BigNumerics
import RealModule

/// Namespace for Mayo & Roncaglia, "Collective effects and quantum coherence in dissipative
/// charging of quantum batteries" (arXiv:2205.06897v2).
public enum Mayo {}

/// Mayo, Sec. II A–B: time-scales and collective advantage.
///
/// Temperature enters through the Boltzmann factor `b` with y = e^{−βω/2} (θ = βω/2), because
/// the battery Hamiltonian is (ω/2)σ_z and Z₁ = 2cosh(βω/2). Level k of N batteries (k
/// excitations) has energy E_k = ω(k − N/2), so βE_k = (2k − N)θ: every printed hyperbolic
/// function is cosh or tanh of an integer multiple of θ.
extension Mayo {
    /// Eq. (7), parallel process: τ_∥ = 1/ε².
    public static func tauParallel<F: RationalField>(epsilon: F) -> F { 1 / (epsilon * epsilon) }

    /// Eq. (7), collective process, as printed: τ_# = 1/[2ε²(1 + tanh²(βω/2))]. The tanh of
    /// `BoltzmannFactor` is already bounded ((1 − y²)/(1 + y²)), so this form is also safe.
    public static func tauCollective<F: RationalField>(epsilon: F, _ b: BoltzmannFactor<F>) -> F {
        let t = b.tanh(1)
        return 1 / (2 * epsilon * epsilon * (1 + t * t))
    }

    /// Eq. (6) as printed, read on the joint population of |ee⟩ (both batteries charged):
    /// p_ee(t) = (p_ee^empty − p_ee^full) e^{−t/τ} + p_ee^full with p_ee^empty = p², p_ee^full = q²,
    /// p = e^{−βω/2}/Z₁, q = e^{βω/2}/Z₁, and τ of Eq. (7) for the process (τ_∥ or τ_#).
    public static func doublyExcitedEq6<T: TranscendentalField>(t: T, tau: T, _ b: BoltzmannFactor<T>) -> T {
        let p = thermalPopulation(b), q = invertedPopulation(b)
        return (p * p - q * q) * T.exp(-t / tau) + q * q
    }

    /// Eq. (6) corrected for the parallel process (erratum `mayo.eq6.parallel`): the two
    /// collisions act on different batteries, so the joint state stays a product of single-battery
    /// relaxations, p_ee(t) = [q + (p − q)e^{−ε²t}]², which contains e^{−2ε²t} besides e^{−ε²t}.
    public static func doublyExcitedParallelCorrected<T: TranscendentalField>(t: T, epsilon: T, _ b: BoltzmannFactor<T>) -> T {
        let p = thermalPopulation(b), q = invertedPopulation(b)
        let x = q + (p - q) * T.exp(-epsilon * epsilon * t)
        return x * x
    }

    /// Eq. (9) as printed: Γ = 2(1 + tanh²(βω/2)).
    public static func advantageEq9<F: RationalField>(_ b: BoltzmannFactor<F>) -> F {
        let t = b.tanh(1)
        return 2 * (1 + t * t)
    }

    /// Z₁ = 2cosh(βω/2) = e^{βω/2} + e^{−βω/2} (printed definition; grows like e^{βω/2}).
    public static func partitionFunction<F: RationalField>(_ b: BoltzmannFactor<F>) -> F { 2 * b.cosh(1) }

    /// Eq. (10) as printed: τ_k = Z₁^N / [2cosh(βE_k) N² ε²], E_k = ω(k − N/2).
    /// Overflows in `Double` once Nβω/2 > 709; see `tauLevelSafe`.
    public static func tauLevel<F: RationalField>(N: Int, k: Int, epsilon: F, _ b: BoltzmannFactor<F>) -> F {
        let zN = BoltzmannFactor(y: partitionFunction(b)).power(N)
        return zN / (2 * b.cosh(2 * k - N) * F.integer(N * N) * epsilon * epsilon)
    }

    /// Eq. (10), safe form: τ_k = (1 + y²)^N / [N² ε² (y^{2k} + y^{2N−2k})] — numerator and
    /// denominator of the printed form multiplied by y^N; all powers non-negative, the
    /// denominator ≥ y^N > 0, nothing overflows for y ∈ (0, 1].
    public static func tauLevelSafe<F: RationalField>(N: Int, k: Int, epsilon: F, _ b: BoltzmannFactor<F>) -> F {
        let onePlus = BoltzmannFactor(y: 1 + b.power(2)).power(N)
        return onePlus / (F.integer(N * N) * epsilon * epsilon * (b.power(2 * k) + b.power(2 * N - 2 * k)))
    }

    /// The collective advantage of the extreme transition E₀ ↔ E_N (the one that dominates at
    /// low temperature, Sec. II B), as printed through Eqs. (7) and (10):
    /// Γ(N, β) = τ_∥/τ₀ = 2N² cosh(Nβω/2)/(2cosh(βω/2))^N. Equals Eq. (9) at N = 2 (proved in
    /// the tests) and is the quantity bounded by N² in Eq. (11).
    public static func advantage<F: RationalField>(N: Int, _ b: BoltzmannFactor<F>) -> F {
        let zN = BoltzmannFactor(y: partitionFunction(b)).power(N)
        return 2 * F.integer(N * N) * b.cosh(N) / zN
    }

    /// Safe form of `advantage`: Γ(N, β) = N²(1 + y^{2N})/(1 + y²)^N, y = e^{−βω/2}.
    public static func advantageSafe<F: RationalField>(N: Int, _ b: BoltzmannFactor<F>) -> F {
        F.integer(N * N) * (1 + b.power(2 * N)) / BoltzmannFactor(y: 1 + b.power(2)).power(N)
    }

    /// Level populations of the thermal state at ±β divided by the degeneracy:
    /// e^{−βE_k}/Z₁^N = y^{2k}/(1 + y²)^N and e^{+βE_k}/Z₁^N = y^{2N−2k}/(1 + y²)^N (safe forms
    /// of the printed ratios in E(t), multiplied through by y^N).
    public static func thermalWeights<F: RationalField>(N: Int, k: Int, _ b: BoltzmannFactor<F>) -> (positive: F, negative: F) {
        let denominator = BoltzmannFactor(y: 1 + b.power(2)).power(N)
        return (b.power(2 * k) / denominator, b.power(2 * N - 2 * k) / denominator)
    }

    /// E_full = Σ_k g_k e^{βE_k} E_k/Z₁^N, the energy of the negative-temperature steady state
    /// (Eq. 6's ρ_full for N batteries).
    public static func fullEnergy<F: RationalField>(N: Int, omega: F, _ b: BoltzmannFactor<F>) -> F {
        var sum = F.zero
        for k in 0...N {
            let g = F(rational: BigRational(BigInt.binomial(UInt(N), UInt(k))))
            sum += g * thermalWeights(N: N, k: k, b).negative * omega * (F.integer(k) - F(rational: BigRational(N) / 2))
        }
        return sum
    }

    /// The energy E(t) printed in Sec. II B (between Eqs. 9 and 10):
    /// E(t) = Σ_k g_k [ (e^{−βE_k} − e^{βE_k})/Z₁^N · e^{−t/τ_k} + e^{βE_k}/Z₁^N ] E_k,
    /// with τ_k of Eq. (10) (safe forms of every ratio). Transcendental in t.
    public static func energy<T: TranscendentalField>(N: Int, t: T, epsilon: T, omega: T, _ b: BoltzmannFactor<T>) -> T {
        var sum = T.zero
        for k in 0...N {
            let g = T(rational: BigRational(BigInt.binomial(UInt(N), UInt(k))))
            let w = thermalWeights(N: N, k: k, b)
            let ek = omega * (T.integer(k) - T(rational: BigRational(N) / 2))
            let rate = 1 / tauLevelSafe(N: N, k: k, epsilon: epsilon, b)
            sum += g * ((w.positive - w.negative) * T.exp(-t * rate) + w.negative) * ek
        }
        return sum
    }

    /// E_full − E(t) − δ·E_full: decreasing in t, positive at t = 0 (β > 0), the function whose
    /// root is the collective charging time T (the time to reach E_δ = E_full(1 − δ), Sec. II A).
    public static func chargingDeficit<T: TranscendentalField>(N: Int, t: T, epsilon: T, omega: T, delta: T, _ b: BoltzmannFactor<T>) -> T {
        let full = fullEnergy(N: N, omega: omega, b)
        return full - energy(N: N, t: t, epsilon: epsilon, omega: omega, b) - delta * full
    }

    /// Sec. II A: T = τ log[(E_full − E_empty)/(δ E_full)] for a single exponential relaxation
    /// (printed for two batteries; it is the parallel process's charging time for any N, with
    /// τ = τ_∥ and E_full = −E_empty = (Nω/2)tanh(βω/2)).
    public static func chargingTimeSingleExponential<F: RationalField>(tau: F, fullEnergy: F, emptyEnergy: F, delta: F,
                                                                       log: (F) -> F) -> F {
        tau * log((fullEnergy - emptyEnergy) / (delta * fullEnergy))
    }
}
