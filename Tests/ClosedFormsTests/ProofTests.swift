import BigNumerics
import ClosedForms
import RealModule
import Testing

/// Exact proofs of the papers' algebraic identities, as identities of rational functions
/// (normalised numerator and denominator compared), for every N in the stated range.
@Suite("Exact proofs (RationalFunction)")
struct ProofTests {
    // MARK: Çakmak Eqs. (15) and (16)

    @Test("Çakmak Eq. (15): sum form == closed form, with exact r → 0 and r → 1 limits", arguments: 1...64)
    func eq15(N: Int) throws {
        let sum = Cakmak.coherenceEq15Sum(N: N, r: rSymbol)
        let closed = Cakmak.coherenceEq15(N: N, r: rSymbol)
        #expect(sum == closed)
        #expect(try closed.limit(at: 0) == 0)
        #expect(try closed.limit(at: 1) == Cakmak.coherenceEq15HighTemperature(N: N) as BigRational)
    }

    @Test("Çakmak Eq. (16): sum form == closed form, with exact r → 0 and r → 1 limits", arguments: 1...64)
    func eq16(N: Int) throws {
        let sum = Cakmak.ergotropyEq16Sum(N: N, r: rSymbol, omega: 1)
        let closed = Cakmak.ergotropyEq16(N: N, r: rSymbol, omega: 1)
        #expect(sum == closed)
        #expect(try closed.limit(at: 0) == 0)
        #expect(try closed.limit(at: 1) == Cakmak.ergotropyEq16HighTemperature(N: N, omega: 1) as BigRational)
    }

    // MARK: Çakmak two qubits

    @Test("Çakmak Eq. (8): the two printed forms are one rational function of y = e^{−βω}")
    func eq8TwoForms() {
        #expect(Cakmak.coherenceEq8SignedFirstForm(c: RationalFunction(q("3/7")), ySymbol)
                == Cakmak.coherenceEq8SignedSecondForm(c: RationalFunction(q("3/7")), ySymbol))
        // Linear in c: equal coefficients of c⁰ and c¹ make the identity hold for every c.
        for c in [BigRational(0), BigRational(1)] {
            #expect(Cakmak.coherenceEq8SignedFirstForm(c: RationalFunction(c), ySymbol)
                    == Cakmak.coherenceEq8SignedSecondForm(c: RationalFunction(c), ySymbol))
        }
    }

    @Test("Çakmak Eq. (8) is Eq. (3) applied to Eq. (7)'s matrix (exact, rational y and c)")
    func eq8FromMatrix() {
        for y in openUnitGrid(7) + [1] {
            for c in openUnitGrid(9) + [0, 1] {
                let b = BoltzmannFactor(y: y)
                let fromMatrix = Cakmak.l1Coherence(Cakmak.steadyStateEq7(c: c, b))
                #expect(fromMatrix == Cakmak.coherenceEq8SignedFirstForm(c: c, b).magnitude)
            }
        }
    }

    @Test("Çakmak Eq. (9) is the spectrum of Eq. (7)'s matrix (its 2×2 block a ± b)")
    func eq9IsTheSpectrum() {
        for y in openUnitGrid(5) {
            for c in openUnitGrid(5) {
                let b = BoltzmannFactor(y: y)
                let rho = Cakmak.steadyStateEq7(c: c, b)
                let fromMatrix = [rho[1][1] - rho[1][2], rho[3][3], rho[1][1] + rho[1][2], rho[0][0]]
                #expect(fromMatrix == Cakmak.spectrumEq9(c: c, b))
            }
        }
    }

    @Test("Çakmak Eq. (10), case c < 1/2: printed form == safe form (rational functions of y)")
    func eq10PrintedSafe() {
        for c in [BigRational(0), BigRational(1), q("1/3")] {
            let cf = RationalFunction(c)
            #expect(Cakmak.ergotropyEq10LowC(c: cf, omega: 1, ySymbol) == Cakmak.ergotropyEq10LowCSafe(c: cf, omega: 1, ySymbol))
        }
    }

    // MARK: Mayo

    @Test("Mayo Eq. (9) == Γ(N = 2) from Eq. (10), and τ_# of Eq. (7) == τ₀ = τ₂ of Eq. (10) at N = 2")
    func mayoEq9FromEq10() {
        #expect(Mayo.advantageEq9(ySymbol) == Mayo.advantage(N: 2, ySymbol))
        let eps = RationalFunction(q("3/4"))
        let tauSharp = Mayo.tauCollective(epsilon: eps, ySymbol)
        #expect(tauSharp == Mayo.tauLevel(N: 2, k: 0, epsilon: eps, ySymbol))
        #expect(tauSharp == Mayo.tauLevel(N: 2, k: 2, epsilon: eps, ySymbol))
        #expect(Mayo.tauParallel(epsilon: eps) / tauSharp == Mayo.advantageEq9(ySymbol))
    }

    @Test("Mayo Γ(N, β): printed 2N²cosh(Nβω/2)/(2cosh(βω/2))^N == safe N²(1 + y^{2N})/(1 + y²)^N", arguments: 1...64)
    func mayoGammaSafe(N: Int) {
        #expect(Mayo.advantage(N: N, ySymbol) == Mayo.advantageSafe(N: N, ySymbol))
    }

    @Test("Mayo Eq. (10): printed τ_k == safe τ_k (all k for N ≤ 12; k ∈ {0, 1, N/2, N} up to 64)", arguments: 1...64)
    func mayoTauSafe(N: Int) {
        let eps = RationalFunction(q("1/4"))
        let ks = N <= 12 ? Array(0...N) : [0, 1, N / 2, N]
        for k in ks {
            #expect(Mayo.tauLevel(N: N, k: k, epsilon: eps, ySymbol) == Mayo.tauLevelSafe(N: N, k: k, epsilon: eps, ySymbol))
        }
    }

    @Test("Mayo I_max: the Z form and the Γ form are one function (log-linear normal form over y)")
    func mayoMutualInformation() {
        let viaZ = Mayo.mutualInformationZ(z: Mayo.twoBatteryPartitionFunction(ySymbol))
        let viaGamma = Mayo.mutualInformationGamma(gamma: Mayo.advantageEq9(ySymbol))
        #expect(viaZ.isIdentical(to: viaGamma))
        // The normal form is not vacuous: a changed coefficient is detected.
        let perturbed = viaGamma + LogSum.term(RationalFunction(q("1/1000")), log: RationalFunction(2))
        #expect(!viaZ.isIdentical(to: perturbed))
        let wrongArgument = Mayo.mutualInformationGamma(gamma: Mayo.advantageEq9(ySymbol) * RationalFunction(q("1001/1000")))
        #expect(!viaZ.isIdentical(to: wrongArgument))
    }

    @Test("Mayo stroke works and Q_h (A2) equal the printed trace definitions on the printed states (exact)")
    func mayoEngineFromTraces() {
        // ρ_{∓β}(H) for H = (ω/2)σ_z: excited population 1/(1+y²) (negative T) or y²/(1+y²).
        func energy(omega: BigRational, excited: BigRational) -> BigRational { omega / 2 * (excited - (1 - excited)) }
        for (yc, yh) in [(q("1/9"), q("2/3")), (q("1/100"), q("9/10")), (q("1/3"), q("1/2"))] {
            let cold = BoltzmannFactor(y: yc), hot = BoltzmannFactor(y: yh)
            let (wc, wh) = (q("1"), q("3/2"))
            let rho1 = Mayo.invertedPopulation(hot), rho2 = Mayo.thermalPopulation(hot), rho4 = Mayo.invertedPopulation(cold)
            #expect(Mayo.strokeWork1(omegaH: wh, hot: hot) == energy(omega: wh, excited: rho2) - energy(omega: wh, excited: rho1))
            #expect(Mayo.strokeWork2(omegaC: wc, omegaH: wh, hot: hot) == energy(omega: wc, excited: rho2) - energy(omega: wh, excited: rho2))
            #expect(Mayo.strokeWork4(omegaC: wc, omegaH: wh, cold: cold) == energy(omega: wh, excited: rho4) - energy(omega: wc, excited: rho4))
            let qh = energy(omega: wh, excited: rho4) - energy(omega: wh, excited: rho1)
            #expect(Mayo.hotHeatA2(omegaH: wh, cold: cold, hot: hot) == qh)
            #expect(Mayo.strokeWork5(omegaH: wh, cold: cold, hot: hot) == 2 * qh)
        }
    }
}
