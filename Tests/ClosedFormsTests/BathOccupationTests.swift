import BigNumerics
import ClosedForms
import RealModule
import Testing

/// Çakmak's bath occupation and ratio (below Eqs. 6 and 14) by their definitions, not by the
/// formulas that implement them: n̄ (e^{βω} − 1) = 1 and r = n̄/(n̄ + 1) = e^{−βω}.
@Suite("Bath occupation")
struct BathOccupationTests {
    @Test("n̄ = 1/(e^{βω} − 1) and r = n̄/(n̄ + 1) = e^{−βω}, exactly and in Double")
    func occupation() {
        for y in ["1/2", "1/3", "99/100", "1/1000"] {
            let b = BoltzmannFactor(y: q(y))
            let nbar = Cakmak.meanPhotonNumber(b)
            #expect(nbar * (1 / q(y) - 1) == 1, "n̄(e^{βω} − 1) at e^{−βω} = \(y)")
            #expect(Cakmak.ratio(nbar: nbar) == q(y))
        }
        for theta in [0.01, 0.37, 5.0] {
            let nbar = Cakmak.meanPhotonNumber(BoltzmannFactor(theta: theta))
            // Relative round-off of y/(1 − y) with y = e^{−θ}: a few ulps, amplified by 1/θ as θ → 0.
            #expect(Swift.abs(nbar * Double.expMinusOne(theta) - 1) < 1e-12)
        }
    }
}
