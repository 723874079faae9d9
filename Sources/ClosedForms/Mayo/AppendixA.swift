import BigNumerics
import RealModule

/// Mayo, Appendix A: the cold isochore of the coherent cycle, and its weak-coupling limit.
///
/// Notation: q = e^{β_cω_c/2}/Z_c (the excited population of ρ_{−β_c}(H_c), the value (A5)
/// relaxes to), p_h = e^{−β_hω_h/2}/Z_h (the excited population of the initial thermal state
/// ρ₂), p_c = e^{−β_cω_c/2}/Z_c = 1 − q. In y = e^{−βω/2}: e^{βω/2}/Z = 1/(1 + y²) and
/// e^{−βω/2}/Z = y²/(1 + y²), both bounded.
extension Mayo {
    /// e^{βω/2}/Z = 1/(1 + y²).
    public static func invertedPopulation<F: RationalField>(_ b: BoltzmannFactor<F>) -> F { 1 / (1 + b.power(2)) }
    /// e^{−βω/2}/Z = y²/(1 + y²).
    public static func thermalPopulation<F: RationalField>(_ b: BoltzmannFactor<F>) -> F { b.power(2) / (1 + b.power(2)) }

    /// The constant of (A6) as printed: C = (4ω_c² − ε⁴q)/(8ω_c² + ε⁴).
    public static func constantA6<F: RationalField>(omegaC: F, epsilon: F, cold b: BoltzmannFactor<F>) -> F {
        let e4 = epsilon * epsilon * epsilon * epsilon
        return (4 * omegaC * omegaC - e4 * invertedPopulation(b)) / (8 * omegaC * omegaC + e4)
    }

    /// The constant of (A6), corrected (erratum `mayo.eqA6.constant`): the stationary excited
    /// population at α = 1 of the collision-model generator (population relaxation ε², coherence
    /// damping ε²/2, relaxation target q without drive — see `generatorEq14Corrected`):
    /// C = (ω_c² + ε⁴q)/(2ω_c² + ε⁴). It tends to q without drive (ω_c → 0) and to 1/2 under
    /// strong drive; the printed sign tends to −q, a negative population. (Within the printed,
    /// half-rate M the same calculation gives (4ω_c² + ε⁴q)/(8ω_c² + ε⁴): the sign is wrong in
    /// either convention.)
    public static func constantA6Corrected<F: RationalField>(omegaC: F, epsilon: F, cold b: BoltzmannFactor<F>) -> F {
        let e4 = epsilon * epsilon * epsilon * epsilon
        return (omegaC * omegaC + e4 * invertedPopulation(b)) / (2 * omegaC * omegaC + e4)
    }

    /// (A6) corrected (erratum `mayo.eqA6`), in the collision-model rates (Eq. 7's τ_∥ = 1/ε²,
    /// (A5)'s e^{−ε²t}): ρ^x₀₀(t) = e^{−at}(B cos Ωt + B′ sin Ωt) + C with a = 3ε²/4,
    /// Ω = √(ω_c² − ε⁴/16), C as in `constantA6Corrected`, B = p_h − C and
    /// B′ = (aB − ε²(p_h − q))/Ω — the sine term fixes the initial slope ρ̇₀₀(0) = −ε²(p_h − q)
    /// (no coherence at t = 0, so only the dissipator acts), which the printed form lacks.
    public static func excitedPopulationA6Corrected<T: TranscendentalField>(t: T, omegaC: T, epsilon: T,
                                                                           cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        let k = CorrectedA6(omegaC: omegaC, epsilon: epsilon, cold: cold, hot: hot)
        return T.exp(-k.a * t) * (k.b * T.cos(k.omega * t) + k.bPrime * T.sin(k.omega * t)) + k.c
    }

    /// a, Ω, C, B, B′ of the corrected (A6), shared by ρ^x₀₀(t) and the corrected Q_c.
    struct CorrectedA6<T: TranscendentalField> {
        let e2, a, omega, c, q, b, bPrime: T

        init(omegaC: T, epsilon: T, cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) {
            e2 = epsilon * epsilon
            a = 3 * e2 / 4
            omega = T.sqrt(omegaC * omegaC - e2 * e2 / 16)
            c = Mayo.constantA6Corrected(omegaC: omegaC, epsilon: epsilon, cold: cold)
            let ph = Mayo.thermalPopulation(hot)
            q = Mayo.invertedPopulation(cold)
            b = ph - c
            bPrime = (a * b - e2 * (ph - q)) / omega
        }
    }

    /// (A5) as printed, for t ≥ t_d: ρ^z₀₀(t) = (ρ^x₀₀(t_d) − q) e^{−ε²t} + q, with ρ^x₀₀(t_d)
    /// supplied (the package uses the corrected (A6), so that only (A5) is under test).
    public static func excitedPopulationA5<T: TranscendentalField>(t: T, tD: T, epsilon: T, populationAtTD: T, cold: BoltzmannFactor<T>) -> T {
        let q = invertedPopulation(cold)
        _ = tD
        return (populationAtTD - q) * T.exp(-epsilon * epsilon * t) + q
    }

    /// (A5) corrected (erratum `mayo.eqA5`): the relaxation starts at t_d,
    /// ρ^z₀₀(t) = (ρ^x₀₀(t_d) − q) e^{−ε²(t − t_d)} + q; the printed e^{−ε²t} is discontinuous at t_d.
    public static func excitedPopulationA5Corrected<T: TranscendentalField>(t: T, tD: T, epsilon: T, populationAtTD: T,
                                                                           cold: BoltzmannFactor<T>) -> T {
        let q = invertedPopulation(cold)
        return (populationAtTD - q) * T.exp(-epsilon * epsilon * (t - tD)) + q
    }

    /// Ω = √(ω_c² − ε⁴/64) of (A6).
    public static func frequencyA6<T: TranscendentalField>(omegaC: T, epsilon: T) -> T {
        T.sqrt(omegaC * omegaC - epsilon * epsilon * epsilon * epsilon / 64)
    }

    /// (A6): ρ^x₀₀(t) = B e^{−3ε²t/8} cos(Ωt) + C with B = p_h − C, for a given constant C
    /// (printed or corrected).
    public static func excitedPopulationA6<T: TranscendentalField>(t: T, omegaC: T, epsilon: T, constant: T,
                                                                    hot: BoltzmannFactor<T>) -> T {
        let bCoefficient = thermalPopulation(hot) - constant
        return bCoefficient * T.exp(-3 * epsilon * epsilon * t / 8) * T.cos(frequencyA6(omegaC: omegaC, epsilon: epsilon) * t) + constant
    }

    /// The printed closed form of Q_c (Appendix A, after (A6)), with B and C of (A6):
    /// Q_c = 8ω_cε²B e^{−3ε²t_d/8}(8Ω sin Ωt_d − 3ε² cos Ωt_d)/(9ε⁴ + 64Ω²) + 24ε⁴ω_cB/(9ε⁴ + 64Ω²)
    ///       + ω_c t_d(4ω_c²ε² − ε⁶q)/(8ω_c² + ε⁴) − ε²qω_c t_d − ω_c(q − B e^{−3ε²t_d/8} cos Ωt_d − C).
    /// `constant` selects the printed C (`constantA6`) or the corrected one; the third term is
    /// ω_cε²t_d·C with C as printed, and is kept printed whatever `constant` is.
    public static func coldHeat<T: TranscendentalField>(omegaC: T, epsilon: T, tD: T, constant: T,
                                                        cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        let q = invertedPopulation(cold)
        let e2 = epsilon * epsilon, e4 = e2 * e2
        let omega = frequencyA6(omegaC: omegaC, epsilon: epsilon)
        let bCoefficient = thermalPopulation(hot) - constant
        let decay = T.exp(-3 * e2 * tD / 8)
        let denominator = 9 * e4 + 64 * omega * omega
        let first = 8 * omegaC * e2 * bCoefficient * decay * (8 * omega * T.sin(omega * tD) - 3 * e2 * T.cos(omega * tD)) / denominator
        let second = 24 * e4 * omegaC * bCoefficient / denominator
        let third = omegaC * tD * (4 * omegaC * omegaC * e2 - e4 * e2 * q) / (8 * omegaC * omegaC + e4)
        let fourth = -e2 * q * omegaC * tD
        let fifth = -omegaC * (q - bCoefficient * decay * T.cos(omega * tD) - constant)
        return first + second + third + fourth + fifth
    }

    /// Q_c corrected (erratum `mayo.qc`): the integral of (A4) with the collision-model rates,
    /// Q_c = ∫₀^∞ ω_cε²(ρ₀₀ − q) dt (heat current with the rates of mayo.eq14), ρ₀₀ from the
    /// corrected (A6) on [0, t_d] and the corrected (A5) after:
    /// Q_c = ω_c{ε²[(C − q)t_d + (B(a − E(a cos Ωt_d − Ω sin Ωt_d)) + B′(Ω − E(a sin Ωt_d + Ω cos Ωt_d)))/(a² + Ω²)]
    ///       + E(B cos Ωt_d + B′ sin Ωt_d) + C − q},  E = e^{−at_d},
    /// with a, Ω, C, B, B′ of `excitedPopulationA6Corrected`. The last line is the (A5) tail
    /// ω_cε²∫_{t_d}^∞(ρ₀₀ − q)dt = ω_c(ρ₀₀(t_d) − q).
    public static func coldHeatCorrected<T: TranscendentalField>(omegaC: T, epsilon: T, tD: T,
                                                                 cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        let k = CorrectedA6(omegaC: omegaC, epsilon: epsilon, cold: cold, hot: hot)
        let (e2, a, omega, c, q, b, bPrime) = (k.e2, k.a, k.omega, k.c, k.q, k.b, k.bPrime)
        let decay = T.exp(-a * tD)
        let cosine = T.cos(omega * tD), sine = T.sin(omega * tD)
        let oscillating = (b * (a - decay * (a * cosine - omega * sine)) + bPrime * (omega - decay * (a * sine + omega * cosine)))
            / (a * a + omega * omega)
        let drive = e2 * ((c - q) * tD + oscillating)
        let tail = decay * (b * cosine + bPrime * sine) + c - q
        return omegaC * (drive + tail)
    }

    /// Weak-coupling Q_c as printed (ε² ≪ ω_c, t_d ≈ π/ω_c):
    /// Q_c = ω_c[tanh(β_hω_h/2) − tanh(β_cω_c/2)] + ω_c(p_h − p_c) + ε²π(5/8 − q/2).
    public static func coldHeatWeakCoupling<T: TranscendentalField>(omegaC: T, epsilon: T,
                                                                    cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        omegaC * (hot.tanh(1) - cold.tanh(1))
            + omegaC * (thermalPopulation(hot) - thermalPopulation(cold))
            + epsilon * epsilon * T.pi * (T(rational: BigRational(5) / 8) - invertedPopulation(cold) / 2)
    }

    /// Weak-coupling Q_c, corrected (erratum `mayo.qc.weak-coupling`): the first-order expansion
    /// in ε² of the printed closed form `coldHeat` at t_d = π/ω_c (Ω t_d = π + O(ε⁴),
    /// C = 1/2 + O(ε⁴), B = p_h − 1/2 + O(ε⁴), e^{−3ε²t_d/8} = 1 − 3πε²/(8ω_c) + …):
    /// Q_c = ω_c[tanh(β_hω_h/2) − tanh(β_cω_c/2)] + ω_c(p_h − p_c) + ε²π(5/16 + 3p_h/8 − q).
    /// The ε² terms come from ω_c t_d ε²C (π/2), −ε²qω_c t_d (−πq) and the decay of the
    /// cosine term (3π(p_h − 1/2)/8).
    public static func coldHeatWeakCouplingCorrected<T: TranscendentalField>(omegaC: T, epsilon: T,
                                                                             cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        omegaC * (hot.tanh(1) - cold.tanh(1))
            + omegaC * (thermalPopulation(hot) - thermalPopulation(cold))
            + epsilon * epsilon * T.pi * (T(rational: BigRational(5) / 16) + 3 * thermalPopulation(hot) / 8 - invertedPopulation(cold))
    }

    /// The weak-coupling efficiency as printed (Appendix A, last display; grouping as read in
    /// the project's equation sheet):
    /// η = η_Otto − [ω_c(p_h − p_c) − (5/8)(ε²/ω_c)π(q − 1/2)]/|Q_h|, Q_h of (A2).
    public static func weakCouplingEfficiency<T: TranscendentalField>(omegaC: T, omegaH: T, epsilon: T,
                                                                      cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T
    where T.Magnitude == T {
        let qh = hotHeatA2(omegaH: omegaH, cold: cold, hot: hot).magnitude
        let bracket = omegaC * (thermalPopulation(hot) - thermalPopulation(cold))
            - T(rational: BigRational(5) / 8) * (epsilon * epsilon / omegaC) * T.pi * (invertedPopulation(cold) - T(rational: BigRational(1) / 2))
        return ottoEfficiency(omegaC: omegaC, omegaH: omegaH) - bracket / qh
    }

    /// The weak-coupling efficiency, corrected (erratum `mayo.weak-coupling-efficiency`): (A1)
    /// applied to the corrected weak-coupling Q_c and (A2). With Q_c < 0 and |Q_h| = ω_h(p_h − p_c):
    /// η = 1 − |Q_c|/|Q_h| = η_Otto + ε²π(5/16 + 3p_h/8 − q)/|Q_h|. Since p_h < 1/2 < q (the cold
    /// stroke ends at negative temperature), the ε² term is negative: η < η_Otto, the paper's claim.
    public static func weakCouplingEfficiencyCorrected<T: TranscendentalField>(omegaC: T, omegaH: T, epsilon: T,
                                                                               cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T
    where T.Magnitude == T {
        let qh = hotHeatA2(omegaH: omegaH, cold: cold, hot: hot).magnitude
        let kappa = T(rational: BigRational(5) / 16) + 3 * thermalPopulation(hot) / 8 - invertedPopulation(cold)
        return ottoEfficiency(omegaC: omegaC, omegaH: omegaH) + epsilon * epsilon * T.pi * kappa / qh
    }

    /// Weak-coupling Q_c of the collision model (erratum `mayo.qc`): the first-order expansion
    /// in ε² of `coldHeatCorrected` at t_d = π/ω_c (a = 3ε²/4, Ω t_d = π + O(ε⁴), C = 1/2 + O(ε⁴),
    /// B = p_h − 1/2, B′ = O(ε²), e^{−at_d} = 1 − 3πε²/(4ω_c) + …; the drive integral contributes
    /// πε²(1/2 − q), the decay of the cosine term 3πε²(p_h − 1/2)/4):
    /// Q_c = ω_c(p_c − p_h) + πε²(1/8 + 3p_h/4 − q).
    public static func coldHeatWeakCouplingModel<T: TranscendentalField>(omegaC: T, epsilon: T,
                                                                         cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T {
        omegaC * (thermalPopulation(cold) - thermalPopulation(hot))
            + epsilon * epsilon * T.pi * (T(rational: BigRational(1) / 8) + 3 * thermalPopulation(hot) / 4 - invertedPopulation(cold))
    }

    /// The weak-coupling efficiency of the collision model (erratum `mayo.qc`): (A1) with
    /// `coldHeatWeakCouplingModel` and (A2): η = η_Otto + πε²(1/8 + 3p_h/4 − q)/|Q_h|, below η_Otto
    /// since q > 1/2 > p_h.
    public static func weakCouplingEfficiencyModel<T: TranscendentalField>(omegaC: T, omegaH: T, epsilon: T,
                                                                           cold: BoltzmannFactor<T>, hot: BoltzmannFactor<T>) -> T
    where T.Magnitude == T {
        let qh = hotHeatA2(omegaH: omegaH, cold: cold, hot: hot).magnitude
        let kappa = T(rational: BigRational(1) / 8) + 3 * thermalPopulation(hot) / 4 - invertedPopulation(cold)
        return ottoEfficiency(omegaC: omegaC, omegaH: omegaH) + epsilon * epsilon * T.pi * kappa / qh
    }
}
