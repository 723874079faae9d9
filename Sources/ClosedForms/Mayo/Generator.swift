import BigNumerics
import RealModule

/// A complex number over a field, just enough for Eq. (14)'s generator.
public struct ComplexOver<F: RationalField> {
    public var re: F
    public var im: F
    public init(_ re: F, _ im: F = 0) { self.re = re; self.im = im }
    public static func + (a: ComplexOver, b: ComplexOver) -> ComplexOver { ComplexOver(a.re + b.re, a.im + b.im) }
    public static func * (a: ComplexOver, b: ComplexOver) -> ComplexOver {
        ComplexOver(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
}

/// Mayo, Eq. (14), Sec. III A: the generator M(α) acting on ρ written as the column
/// (ρ₀₀, ρ₀₁, ρ₁₀, ρ₁₁), index 0 the *excited* state of H = (ω/2)σ_z, as printed
/// (row 4 legible, row 1 from trace preservation):
///   [ −γ⁺/2     iωα/2              −iωα/2              γ⁻/2  ]
///   [  iωα/2   −ε²/4 − iω(1−α)      0                 −iωα/2 ]
///   [ −iωα/2    0                  −ε²/4 + iω(1−α)     iωα/2 ]
///   [  γ⁺/2    −iωα/2               iωα/2             −γ⁻/2  ]
extension Mayo {
    public static func generatorEq14<F: RationalField>(alpha: F, omega: F, epsilon: F, gammaPlus: F, gammaMinus: F) -> [[ComplexOver<F>]] {
        generatorLayout(alpha: alpha, omega: omega, excitedDecay: gammaPlus / 2, excitedGain: gammaMinus / 2,
                        coherenceDamping: epsilon * epsilon / 4)
    }

    /// Eq. (14) corrected (erratum `mayo.eq14`): the same layout with the rates of the collision
    /// model, M₀₀ = −γ⁻, M₀₃ = γ⁺, coherence damping ε²/2 (γ^± as printed: γ^± = ε² e^{±βω/2}/Z₁).
    /// Population relaxation is then γ⁺ + γ⁻ = ε² = 1/τ_∥ (Eq. 7), and M(0) relaxes to ρ_full (Eq. 6).
    public static func generatorEq14Corrected<F: RationalField>(alpha: F, omega: F, epsilon: F, _ b: BoltzmannFactor<F>) -> [[ComplexOver<F>]] {
        let rates = ratesEq14(epsilon: epsilon, b)
        return generatorLayout(alpha: alpha, omega: omega, excitedDecay: rates.minus, excitedGain: rates.plus,
                               coherenceDamping: epsilon * epsilon / 2)
    }

    /// The printed layout of Eq. (14) with its three dissipative entries as arguments.
    static func generatorLayout<F: RationalField>(alpha: F, omega: F, excitedDecay: F, excitedGain: F, coherenceDamping: F) -> [[ComplexOver<F>]] {
        typealias C = ComplexOver<F>
        let drive = omega * alpha / 2
        let detuning = omega * (1 - alpha)
        return [
            [C(-excitedDecay), C(0, drive), C(0, -drive), C(excitedGain)],
            [C(0, drive), C(-coherenceDamping, -detuning), C(0), C(0, -drive)],
            [C(0, -drive), C(0), C(-coherenceDamping, detuning), C(0, drive)],
            [C(excitedDecay), C(0, -drive), C(0, drive), C(-excitedGain)],
        ]
    }

    /// The rates as printed under Eq. (14) (and in (A3)): γ^± = ε² e^{±βω/2}/Z₁, i.e.
    /// γ⁺ = ε²/(1 + y²), γ⁻ = ε²y²/(1 + y²) with y = e^{−βω/2}.
    public static func ratesEq14<F: RationalField>(epsilon: F, _ b: BoltzmannFactor<F>) -> (plus: F, minus: F) {
        let e2 = epsilon * epsilon
        return (e2 * invertedPopulation(b), e2 * thermalPopulation(b))
    }
}
