import BigNumerics
import ClosedForms
import Testing

/// The generic closed forms instantiated with `MultivariateRationalFunction`: symbolic in all
/// their parameters at once, then evaluated at exact points and compared with the
/// `BigRational` instantiation of the same generic code.
@Suite("Closed forms as multivariate rational functions")
struct MultivariateClosedFormTests {
    typealias MRF = MultivariateRationalFunction
    let c = MRF.variable("c"), y = MRF.variable("y"), omega = MRF.variable("omega"), r = MRF.variable("r"), eps = MRF.variable("epsilon")

    /// Rational points c ∈ [0, 1], y ∈ (0, 1), ω > 0, ε > 0.
    static let points: [(c: BigRational, y: BigRational, omega: BigRational, eps: BigRational)] =
        (1...12).map { (k: Int) -> (c: BigRational, y: BigRational, omega: BigRational, eps: BigRational) in
            let c: BigRational = BigRational(k % 5) / BigRational(4)
            let y: BigRational = BigRational(k) / BigRational(13)
            let w: BigRational = BigRational(k + 2) / BigRational(3)
            return (c, y, w, BigRational(1) / BigRational(k))
        }

    @Test("Çakmak two-qubit forms in (c, y, ω): symbolic, then at exact points, equal the BigRational evaluation")
    func cakmakTwoQubits() throws {
        let b = BoltzmannFactor(y: y)
        let forms: [(String, MRF, (BigRational, BigRational, BigRational) -> BigRational)] = [
            ("Eq. 8 first form", Cakmak.coherenceEq8SignedFirstForm(c: c, b),
             { c, y, _ in Cakmak.coherenceEq8SignedFirstForm(c: c, BoltzmannFactor(y: y)) }),
            ("Eq. 8 second form", Cakmak.coherenceEq8SignedSecondForm(c: c, b),
             { c, y, _ in Cakmak.coherenceEq8SignedSecondForm(c: c, BoltzmannFactor(y: y)) }),
            ("Eq. 10 printed", Cakmak.ergotropyEq10LowC(c: c, omega: omega, b),
             { c, y, w in Cakmak.ergotropyEq10LowC(c: c, omega: w, BoltzmannFactor(y: y)) }),
            ("mean energy of Eq. 7", Cakmak.meanEnergyEq7(c: c, omega: omega, b),
             { c, y, w in Cakmak.meanEnergyEq7(c: c, omega: w, BoltzmannFactor(y: y)) }),
        ]
        for (name, symbolic, exact) in forms {
            #expect(symbolic.variables.allSatisfy { ["c", "omega", "y"].contains($0) }, "\(name)")
            for p in Self.points {
                let value = try symbolic.evaluate(["c": p.c, "y": p.y, "omega": p.omega])
                #expect(value == exact(p.c, p.y, p.omega), "\(name) at c = \(p.c), y = \(p.y), ω = \(p.omega)")
            }
        }
        // The printed Eq. (10) and its safe rewrite are one function of (c, y, ω), decided structurally.
        #expect(Cakmak.ergotropyEq10LowC(c: c, omega: omega, b) == Cakmak.ergotropyEq10LowCSafe(c: c, omega: omega, b))
        #expect(Cakmak.coherenceEq8SignedFirstForm(c: c, b) == Cakmak.coherenceEq8SignedSecondForm(c: c, b))
        // A wrong form is told apart: perturb the safe form by c·y/1000.
        #expect(Cakmak.ergotropyEq10LowC(c: c, omega: omega, b) != Cakmak.ergotropyEq10LowCSafe(c: c, omega: omega, b) + c * y / 1000)
    }

    @Test("Çakmak Eqs. (15)–(16): sum form == closed form in (r, ω), and the r → 1 limits, exactly")
    func cakmakGroundStates() throws {
        for n in [1, 2, 5, 12] {
            #expect(Cakmak.coherenceEq15Sum(N: n, r: r) == Cakmak.coherenceEq15(N: n, r: r), "N = \(n)")
            let w = Cakmak.ergotropyEq16(N: n, r: r, omega: omega)
            #expect(Cakmak.ergotropyEq16Sum(N: n, r: r, omega: omega) == w, "N = \(n)")
            #expect(try w.limit("r", at: 1) == Cakmak.ergotropyEq16HighTemperature(N: n, omega: omega), "N = \(n)")
            #expect(try Cakmak.coherenceEq15(N: n, r: r).limit("r", at: 1) == Cakmak.coherenceEq15HighTemperature(N: n), "N = \(n)")
            for k in 1...5 {
                let rv = BigRational(k) / 7, wv = BigRational(k + 1) / 2
                #expect(try w.evaluate(["r": rv, "omega": wv]) == Cakmak.ergotropyEq16(N: n, r: rv, omega: wv))
            }
        }
    }

    @Test("Mayo's level time-scales in (ε, y): printed == safe form, values equal the BigRational evaluation")
    func mayoTimeScales() throws {
        let b = BoltzmannFactor(y: y)
        for (n, k) in [(2, 1), (4, 2), (6, 5)] {
            let printed = Mayo.tauLevel(N: n, k: k, epsilon: eps, b), safe = Mayo.tauLevelSafe(N: n, k: k, epsilon: eps, b)
            #expect(printed == safe, "N = \(n), k = \(k)")
            for p in Self.points {
                #expect(try safe.evaluate(["epsilon": p.eps, "y": p.y])
                        == Mayo.tauLevelSafe(N: n, k: k, epsilon: p.eps, BoltzmannFactor(y: p.y)))
            }
        }
    }
}
