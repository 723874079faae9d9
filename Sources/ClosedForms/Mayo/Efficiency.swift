import BigNumerics
import RealModule

/// Mayo, Sec. II (efficiency of dissipative charging) and Sec. III B (the engine strokes).
extension Mayo {
    /// Sec. II: η = 1/(1 + α) for bath units H_R = αH_S (η = 1/2 at α = 1). Following Barra:
    /// each collision exchanges quanta ω (battery) and αω (bath unit) together, so the heat
    /// is Q = αΔE_S and the work W = (1 + α)ΔE_S, hence η = 1 − Q/W.
    public static func chargingEfficiency<F: RationalField>(alpha: F) -> F { 1 / (1 + alpha) }

    /// η_Otto = 1 − ω_c/ω_h (Appendix A, the bound quoted there).
    public static func ottoEfficiency<F: RationalField>(omegaC: F, omegaH: F) -> F { 1 - omegaC / omegaH }

    /// ⟨σ_z⟩ of ρ_{−β}(H) = e^{βH}/Z for H = (ω/2)σ_z: tanh(βω/2) (with y = e^{−βω/2}).
    /// The positive-temperature state has the opposite sign.
    static func negativeTemperaturePolarisation<F: RationalField>(_ b: BoltzmannFactor<F>) -> F { b.tanh(1) }

    /// Stroke 1 (Sec. III B), W₁ = tr[H_h(ρ₂ − ρ₁)], ρ₁ = ρ_{−β_h}(H_h) → ρ₂ = ρ_{β_h}(H_h):
    /// closed form −ω_h tanh(β_hω_h/2) (the energy change; the extracted work is its negative).
    public static func strokeWork1<F: RationalField>(omegaH: F, hot b: BoltzmannFactor<F>) -> F {
        -omegaH * negativeTemperaturePolarisation(b)
    }

    /// Stroke 2, W₂ = tr[(H_c − H_h)ρ₂]: ((ω_h − ω_c)/2) tanh(β_hω_h/2).
    public static func strokeWork2<F: RationalField>(omegaC: F, omegaH: F, hot b: BoltzmannFactor<F>) -> F {
        (omegaH - omegaC) / 2 * negativeTemperaturePolarisation(b)
    }

    /// Stroke 4, W₄ = tr[(H_h − H_c)ρ₄], ρ₄ = ρ_{−β_c}(H_c): ((ω_h − ω_c)/2) tanh(β_cω_c/2).
    public static func strokeWork4<F: RationalField>(omegaC: F, omegaH: F, cold b: BoltzmannFactor<F>) -> F {
        (omegaH - omegaC) / 2 * negativeTemperaturePolarisation(b)
    }

    /// Eq. (A2), as printed: Q_h = (ω_h/2)[tanh(β_cω_c/2) − tanh(β_hω_h/2)], which is stroke 5's
    /// tr[H_h(ρ₅ − ρ₁)] with ρ₅ = ρ₄ = ρ_{−β_c}(H_c) and ρ₁ = ρ_{−β_h}(H_h).
    public static func hotHeatA2<F: RationalField>(omegaH: F, cold: BoltzmannFactor<F>, hot: BoltzmannFactor<F>) -> F {
        omegaH / 2 * (negativeTemperaturePolarisation(cold) - negativeTemperaturePolarisation(hot))
    }

    /// Stroke 5, W₅ = 2 tr[H_h(ρ₅ − ρ₁)] = 2Q_h (printed as such).
    public static func strokeWork5<F: RationalField>(omegaH: F, cold: BoltzmannFactor<F>, hot: BoltzmannFactor<F>) -> F {
        2 * hotHeatA2(omegaH: omegaH, cold: cold, hot: hot)
    }
}
