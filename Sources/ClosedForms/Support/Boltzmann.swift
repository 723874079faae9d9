import BigNumerics
import RealModule

/// A Boltzmann factor y = e^{−θ} (θ ≥ 0, so 0 < y ≤ 1) in any `RationalField`, with the
/// hyperbolic functions of integer multiples of θ written as the rational functions of y
/// they are: cosh(kθ) = (y^{−k} + y^k)/2, sinh(kθ) = (y^{−k} − y^k)/2, tanh(kθ) = (1 − y^{2k})/(1 + y^{2k}).
///
/// Why: every temperature dependence in both papers is a rational function of one such
/// factor (Mayo: θ = βω/2, so Z₁ = 2cosh θ; Çakmak: θ = βω). Writing a printed formula
/// against this type keeps its printed shape (cosh, sinh, tanh, e^{±…}) while letting it run
///  - in `RationalFunction` with y the variable: the exact proofs;
///  - in `BigRational` at a rational y: exact checks at a point (ergotropy from a spectrum);
///  - in `BigInterval` / `BigFloat` / `Double` with y = exp(−θ) computed once.
/// The transcendental step is confined to `exp(−θ)`, which never overflows for θ ≥ 0.
///
/// Printed forms use `exp(k)`, `cosh`, `sinh` (negative powers of y: they overflow in `Double`
/// once θ·k > 709); the *safe* forms of a formula use only `power` with k ≥ 0.
public struct BoltzmannFactor<F: RationalField> {
    /// y = e^{−θ}.
    public let y: F

    public init(y: F) { self.y = y }

    /// y^k for k ≥ 0 (repeated squaring); y^{−|k|} = 1/y^{|k|} otherwise.
    public func power(_ k: Int) -> F {
        if k < 0 { return 1 / power(-k) }
        var result: F = 1, base = y, e = k
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
        }
        return result
    }

    /// e^{kθ} = y^{−k}.
    public func exp(_ k: Int) -> F { power(-k) }
    /// cosh(kθ) = (y^{−k} + y^{k})/2.
    public func cosh(_ k: Int) -> F { (power(-k) + power(k)) / 2 }
    /// sinh(kθ) = (y^{−k} − y^{k})/2.
    public func sinh(_ k: Int) -> F { (power(-k) - power(k)) / 2 }
    /// tanh(kθ) = (1 − y^{2k})/(1 + y^{2k}) for k ≥ 0: bounded, no overflow.
    public func tanh(_ k: Int) -> F {
        let y2k = power(2 * abs(k))
        let t = (1 - y2k) / (1 + y2k)
        return k >= 0 ? t : -t
    }
}

extension BoltzmannFactor where F: TranscendentalField {
    /// y = e^{−θ}, evaluated once in the transcendental field.
    public init(theta: F) { self.init(y: F.exp(-theta)) }
}

extension BoltzmannFactor: Sendable where F: Sendable {}
