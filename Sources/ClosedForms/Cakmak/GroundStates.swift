import BigNumerics
import RealModule

/// Çakmak, Sec. IV B 1 and Appendix B: N qubits started in their ground state; steady state
/// block diagonal (Eq. 13) with blocks D_k = d_k U_k.
extension Cakmak {
    /// n̄ = 1/(e^{βω} − 1) (below Eq. 6), through y = e^{−βω}: n̄ = y/(1 − y).
    public static func meanPhotonNumber<F: RationalField>(_ b: BoltzmannFactor<F>) -> F {
        b.power(1) / (1 - b.power(1))
    }

    /// r = n̄/(n̄ + 1) (below Eq. 14; printed "r = n̄/n̄ + 1", which read literally is 2 — the
    /// evident reading is encoded). Equals e^{−βω}.
    public static func ratio<F: RationalField>(nbar: F) -> F { nbar / (nbar + 1) }

    /// p_k = C(N, k), the block size.
    public static func blockSize(N: Int, k: Int) -> BigInt { BigInt.binomial(UInt(N), UInt(k)) }

    /// Eq. (14): d_k = (1 − r) r^k / ((1 − r^{N+1}) p_k).
    public static func blockEntry<F: RationalField>(N: Int, k: Int, r: F) -> F {
        blockEntry(N: N, k: k, r: r, normalisation: normalisation(N: N, r: r))
    }

    /// The k-independent factor (1 − r)/(1 − r^{N+1}) of Eq. (14), computed once per sum.
    public static func normalisation<F: RationalField>(N: Int, r: F) -> F { (1 - r) / (1 - power(r, N + 1)) }

    /// Eq. (14) with its k-independent factor given: d_k = [(1 − r)/(1 − r^{N+1})] · r^k / p_k.
    /// (The sums below hoist the factor; exact arithmetic makes this the same number.)
    static func blockEntry<F: RationalField>(N: Int, k: Int, r: F, normalisation: F) -> F {
        normalisation * power(r, k) / F(rational: BigRational(blockSize(N: N, k: k)))
    }

    /// p_k d_k = (1 − r) r^k/(1 − r^{N+1}): the only non-zero eigenvalue of block k (Eq. B2).
    public static func blockEigenvalue<F: RationalField>(N: Int, k: Int, r: F) -> F {
        blockEigenvalue(N: N, k: k, r: r, normalisation: normalisation(N: N, r: r))
    }

    static func blockEigenvalue<F: RationalField>(N: Int, k: Int, r: F, normalisation: F) -> F {
        F(rational: BigRational(blockSize(N: N, k: k))) * blockEntry(N: N, k: k, r: r, normalisation: normalisation)
    }

    /// Eq. (15), sum form: C_l1 = Σ_{k=0}^{N} d_k p_k (p_k − 1).
    public static func coherenceEq15Sum<F: RationalField>(N: Int, r: F) -> F {
        let c = normalisation(N: N, r: r)
        var sum = F.zero
        for k in 0...N {
            let pk = BigRational(blockSize(N: N, k: k))
            sum += blockEntry(N: N, k: k, r: r, normalisation: c) * F(rational: pk * (pk - 1))
        }
        return sum
    }

    /// Eq. (15), closed form: C_l1 = (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1.
    @inlinable
    public static func coherenceEq15<F: RationalField>(N: Int, r: F) -> F {
        coherenceEq15(N: N, r: r, context: F.evaluationContext)
    }

    /// Eq. (15) with the evaluation context read by the caller. The printed expression's operations
    /// in its order, as in-place steps (`RationalField`): every type gets the value the operators
    /// give (x^n: `formPower`), and a `BigFloat` evaluation reads its precision once and allocates
    /// two values (the result and one scratch temporary, reused once its first use is over).
    @inlinable
    public static func coherenceEq15<F: RationalField>(N: Int, r: F, context c: F.EvaluationContext) -> F {
        var value = F.temporary(context: c), scratch = F.temporary(context: c)
        value.formDifference(r, 1, context: c)              // r − 1
        scratch.formSum(r, 1, context: c)
        scratch.raise(toPower: N, context: c)               // (r + 1)^N
        value.multiply(by: scratch, context: c)
        scratch.formPower(r, N + 1, context: c)
        scratch.subtract(1, context: c)                     // r^{N+1} − 1
        value.divide(by: scratch, context: c)
        value.subtract(1, context: c)
        return value
    }

    /// Eq. (15), stated r → 1 limit: (2^N − N − 1)/(N + 1).
    public static func coherenceEq15HighTemperature<F: RationalField>(N: Int) -> F {
        F(rational: (BigRational(BigInt(2).power(UInt(N))) - BigRational(N) - 1) / BigRational(N + 1))
    }

    /// Eq. (16), sum form: W = Σ_{k=1}^{N−1} k p_{k+1} d_{k+1} ω.
    public static func ergotropyEq16Sum<F: RationalField>(N: Int, r: F, omega: F) -> F {
        let c = normalisation(N: N, r: r)
        var sum = F.zero
        if N >= 2 {
            for k in 1...(N - 1) { sum += F.integer(k) * blockEigenvalue(N: N, k: k + 1, r: r, normalisation: c) }
        }
        return sum * omega
    }

    /// Eq. (16), closed form: W = ω(N + (N + r)/(r^{N+1} − 1) + r/(1 − r)).
    @inlinable
    public static func ergotropyEq16<F: RationalField>(N: Int, r: F, omega: F) -> F {
        ergotropyEq16(N: N, r: r, omega: omega, context: F.evaluationContext)
    }

    /// Eq. (16) with the evaluation context read by the caller; in-place steps as Eq. (15).
    @inlinable
    public static func ergotropyEq16<F: RationalField>(N: Int, r: F, omega: F, context c: F.EvaluationContext) -> F {
        var value = F.temporary(context: c), scratch = F.temporary(context: c)
        value.formSum(r, N, context: c)                     // N + r
        scratch.formPower(r, N + 1, context: c)
        scratch.subtract(1, context: c)                     // r^{N+1} − 1
        value.divide(by: scratch, context: c)
        value.add(N, context: c)                            // N + (N + r)/(r^{N+1} − 1)
        scratch.formDifference(1, r, context: c)
        scratch.divideInto(r, context: c)                   // r/(1 − r)
        value.add(scratch, context: c)
        value.multiply(by: omega, context: c)               // ω(…)
        return value
    }

    /// Eq. (16), stated r → 1 limit: ω N(N − 1)/(2(N + 1)).
    public static func ergotropyEq16HighTemperature<F: RationalField>(N: Int, omega: F) -> F {
        omega * F(rational: BigRational(N * (N - 1)) / BigRational(2 * (N + 1)))
    }

    /// x^n, n ≥ 0, by repeated squaring (exact in exact fields).
    static func power<F: RationalField>(_ x: F, _ n: Int) -> F { BoltzmannFactor(y: x).power(n) }
}
