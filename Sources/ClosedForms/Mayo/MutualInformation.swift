import BigNumerics
import RealModule

/// Mayo, Sec. II A: the maximal mutual information between two batteries along the process.
/// Both forms are returned as `LogSum`s, so they evaluate in any `TranscendentalField` and are
/// *proved* equal exactly over `RationalFunction` (tests).
extension Mayo {
    /// First printed form, with Z = Z₁²:
    /// I_max = 2 log 2 + ((Z−2)/Z) log((Z−2)/(2Z)) − (2/Z) log Z.
    public static func mutualInformationZ<F: RationalField>(z: F) -> LogSum<F> {
        LogSum.term(2, log: 2)
            + LogSum.term((z - 2) / z, log: (z - 2) / (2 * z))
            - LogSum.term(2 / z, log: z)
    }

    /// Z = Z₁² = (2cosh(βω/2))², safe in y = e^{−βω/2} as (1 + y²)²/y² (only the logarithm
    /// of it is ever large).
    public static func twoBatteryPartitionFunction<F: RationalField>(_ b: BoltzmannFactor<F>) -> F {
        let s = 1 + b.power(2)
        return s * s / b.power(2)
    }

    /// Second printed form, through Γ of Eq. (9):
    /// I_max = 2 log 2 + (Γ/4) log(Γ/8) + (1 − Γ/4) log(1/2 − Γ/8).
    public static func mutualInformationGamma<F: RationalField>(gamma: F) -> LogSum<F> {
        LogSum.term(2, log: 2)
            + LogSum.term(gamma / 4, log: gamma / 8)
            + LogSum.term(1 - gamma / 4, log: F(rational: BigRational(1) / 2) - gamma / 8)
    }
}
