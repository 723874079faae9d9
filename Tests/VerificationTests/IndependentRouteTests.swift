import BigNumerics
import ClosedForms
import RealModule
import Testing
import Verification

/// Printed closed forms against the independent routes of `Verification` (sorted-spectrum
/// ergotropy, the real form of Eq. 14's generator), exactly: moved here from the closed forms'
/// own suites because the routes are verification, not formulas.
@Suite("Printed forms against independent routes (exact)")
struct IndependentRouteTests {
    @Test("Çakmak Eq. (16) is the ergotropy of Eq. (13)'s sorted spectrum (exact, rational r)", arguments: [1, 2, 3, 5, 8, 13])
    func eq16FromSpectrum(N: Int) throws {
        for r in openUnitGrid(12) {
            let fromSpectrum = try Errata.groundStateErgotropyFromSpectrum(N: N, r: r, omega: 1)
            #expect(fromSpectrum == Cakmak.ergotropyEq16(N: N, r: r, omega: 1))
        }
    }

    @Test("Çakmak Eq. (10), case c < 1/2, from the sorted spectrum of Eq. (7) (exact, rational y, c)")
    func eq10FromSpectrum() throws {
        for y in openUnitGrid(10) + [1] {
            let b = BoltzmannFactor(y: y)
            for c in openUnitGrid(20) where c < q("1/2") {
                let exact = try Errata.twoQubitErgotropyFromState(c: c, omega: 1, b)
                #expect(exact == Cakmak.ergotropyEq10LowC(c: c, omega: 1, b))
            }
        }
    }

    @Test("Çakmak Eq. (10), case c < 1/2: the ordering changes with c; beyond Z₊/(1 + Z₊) the form no longer holds")
    func eq10OrderingMatters() throws {
        // At y = 1/2: Z₊ = 7/4, the first case holds up to c = 7/11 > 1/2 and fails after it.
        let b = BoltzmannFactor(y: q("1/2"))
        let edge = q("7/11")
        #expect(try Errata.twoQubitErgotropyFromState(c: edge, omega: 1, b) == Cakmak.ergotropyEq10LowC(c: edge, omega: 1, b))
        let beyond = q("3/4")
        let w = try Errata.twoQubitErgotropyFromState(c: beyond, omega: 1, b)
        #expect(w != Cakmak.ergotropyEq10LowC(c: beyond, omega: 1, b))
        #expect(w >= 0)
        #expect(Cakmak.ergotropyEq10LowC(c: beyond, omega: 1, b) < 0)
    }

    @Test("Mayo (A6): the printed Ω and decay 3ε²/8 are the eigenvalues of the printed M(1) (exact characteristic polynomial)")
    func mayoA6Dynamics() throws {
        // Real generator at α = 1 on (ρ00, Re ρ01, Im ρ01, ρ11); the Bloch block for
        // (Im ρ01, ρ00 − ρ11) must have trace −3ε²/4 and determinant 9ε⁴/64 + Ω² (= ω² + ε⁴/8).
        let omega = q("3/2"), eps = q("1/2"), e2 = eps * eps
        let g = try Errata.realGenerator(Mayo.generatorEq14(alpha: 1, omega: omega, epsilon: eps, gammaPlus: e2 / 3, gammaMinus: 2 * e2 / 3))
        // z = ρ00 − ρ11: ż = (g0 − g3)·x; with ρ00 = (1+z)/2, ρ11 = (1−z)/2 the z-coefficient is
        // ((g00 − g30) − (g03 − g33))/2, the Im ρ01 coefficient g02 − g32.
        let zz = ((g[0][0] - g[3][0]) - (g[0][3] - g[3][3])) / 2
        let zv = g[0][2] - g[3][2]
        let vz = (g[2][0] - g[2][3]) / 2
        let vv = g[2][2]
        #expect(zz + vv == -3 * e2 / 4)
        let omegaSquared = omega * omega - e2 * e2 / 64
        #expect(zz * vv - zv * vz == 9 * e2 * e2 / 64 + omegaSquared)
    }

    @Test("Çakmak Eq. (12): W/ω = C_l1 in the high-temperature limit (exact at β = 0, every ordering of c)")
    func eq12Equality() throws {
        let b = BoltzmannFactor(y: BigRational(1))
        for c in openUnitGrid(24) + [0, 1] {
            let w = try Errata.twoQubitErgotropyFromState(c: c, omega: 1, b)
            let eq12 = try Catalogue.formula(id: "cakmak.eq12").exactValue(["c": c, "omega": 1])
            let coherence = try Catalogue.formula(id: "cakmak.eq12.coherence").exactValue(["c": c])
            #expect(w == eq12)
            #expect(w == coherence)
            #expect(Cakmak.coherenceEq8SignedFirstForm(c: c, b).magnitude == coherence)
        }
        // The limit of Eq. (8) itself as y → 1, exactly.
        let c = RationalFunction(q("2/7"))
        #expect(try Cakmak.coherenceEq8SignedFirstForm(c: c, ySymbol).limit(at: 1) == Cakmak.coherenceEq12Signed(c: q("2/7")))
    }

    @Test("Çakmak Eq. (11): the low-temperature step function is the ergotropy of the β → ∞ state (exact at y = 0)")
    func eq11StepFunction() throws {
        let b = BoltzmannFactor(y: BigRational(0))
        for c in openUnitGrid(24) + [0, 1] {
            let w = try Errata.twoQubitErgotropyFromState(c: c, omega: 1, b)
            #expect(w == (try Catalogue.formula(id: "cakmak.eq11").exactValue(["c": c, "omega": 1])))
        }
        // And W(β) approaches it: at y = 10⁻⁶ within 3·10⁻⁶ on both sides of c = 1/2.
        let near = BoltzmannFactor(y: q("1/1000000"))
        for c in [q("1/4"), q("3/4")] {
            let w = try Errata.twoQubitErgotropyFromState(c: c, omega: 1, near)
            let step = try Catalogue.formula(id: "cakmak.eq11").exactValue(["c": c, "omega": 1]) ?? 0
            #expect((w - step).magnitude <= q("3/1000000"))
        }
    }
}
