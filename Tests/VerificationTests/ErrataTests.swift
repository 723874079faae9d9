import BigNumerics
import ClosedForms
import Derivations   // BigRational's zero test for the exact elimination
import RealModule
import Testing
import Verification

/// Every erratum: the printed form fails against the independent route, the corrected one
/// passes — recomputed here, never read from stored numbers.
@Suite("Errata")
struct ErrataTests {
    @Test("Each erratum: printed form disagrees, corrected form agrees with the independent route",
          arguments: Errata.all.map(\.id))
    func evidence(id: String) throws {
        let e = try #require(Errata.erratum(id: id))
        let ev = try e.evidence()
        #expect(!ev.printedAgrees, "printed form of \(id) unexpectedly agrees: \(ev)")
        #expect(ev.correctedAgrees, "corrected form of \(id) disagrees: \(ev)")
        // The named catalogue entries exist and carry the right status.
        let printed = try Catalogue.formula(id: e.printedFormula), corrected = try Catalogue.formula(id: e.correctedFormula)
        #expect(printed.status == .asPrinted)
        #expect(corrected.status == .corrected(erratum: id))
    }

    @Test("Every corrected formula in the catalogue points at an erratum that exists")
    func correctedFormulasHaveErrata() {
        for f in Catalogue.all {
            if case let .corrected(id) = f.status { #expect(Errata.erratum(id: id) != nil, "\(f.id) cites missing erratum \(id)") }
        }
    }

    @Test("Çakmak Eq. (10), c = 1, exactly: sorted-spectrum ergotropy == corrected form != printed form (rational y)")
    func cakmakC1Exact() throws {
        for y in openUnitGrid(16) {
            let b = BoltzmannFactor(y: y)
            let exact = try Errata.twoQubitErgotropyFromState(c: BigRational(1), omega: 1, b)
            #expect(exact == Cakmak.ergotropyEq10CEqualsOneCorrected(omega: 1, b))
            #expect(exact != Cakmak.ergotropyEq10CEqualsOne(omega: 1, b))
        }
        // And the printed form contradicts Eq. (11) (W → 0 at c = 1 as β → ∞): its y → 0 limit is ω.
        #expect(try Cakmak.ergotropyEq10CEqualsOne(omega: 1, ySymbol).limit(at: 0) == 1)
        #expect(try Cakmak.ergotropyEq10CEqualsOneCorrected(omega: 1, ySymbol).limit(at: 0) == 0)
    }

    @Test("Mayo Eq. (14), exactly: the collision-model generator is the printed layout with the dissipative entries swapped and doubled (rational y)")
    func mayoGeneratorExact() throws {
        for (y, eps, alpha, omega) in [(q("1/2"), q("1/2"), q("0"), q("3/2")), (q("1/5"), q("1"), q("3/10"), q("1")), (q("9/10"), q("1/4"), q("1"), q("2"))] {
            let b = BoltzmannFactor(y: y)
            let model = try CollisionLimitRoute.generator(alpha: alpha, omega: omega, epsilon: eps, b)
            let corrected = Mayo.generatorEq14Corrected(alpha: alpha, omega: omega, epsilon: eps, b)
            let r = Mayo.ratesEq14(epsilon: eps, b)
            let printed = Mayo.generatorEq14(alpha: alpha, omega: omega, epsilon: eps, gammaPlus: r.plus, gammaMinus: r.minus)
            for i in 0..<4 {
                for j in 0..<4 {
                    #expect(model[i][j].re == corrected[i][j].re && model[i][j].im == corrected[i][j].im, "entry \(i)\(j)")
                    // The Hamiltonian (imaginary) part is printed correctly.
                    #expect(model[i][j].im == printed[i][j].im)
                }
            }
            #expect(model[0][0].re != printed[0][0].re)
            // Stationary states at α = 0: printed → e^{−βω/2}/Z₁ (positive temperature), model → ρ_full.
            let printed0 = try Errata.stationaryState(Errata.realGenerator(Mayo.generatorEq14(alpha: 0, omega: omega, epsilon: eps,
                                                                                           gammaPlus: r.plus, gammaMinus: r.minus)))
            let model0 = try Errata.stationaryState(Errata.realGenerator(CollisionLimitRoute.generator(alpha: 0, omega: omega, epsilon: eps, b)))
            #expect(printed0[0] == Mayo.thermalPopulation(b))
            #expect(model0[0] == Mayo.invertedPopulation(b))
        }
    }

    @Test("Mayo (A6) constant, exactly: stationary state of the collision-model generator at α = 1 == corrected C != printed C")
    func mayoConstantExact() throws {
        for (omega, eps, y) in [(q("1/10"), q("1"), q("1/2")), (q("3/2"), q("1/4"), q("1/3")), (q("1"), q("1/2"), q("9/10"))] {
            let b = BoltzmannFactor(y: y)
            let stationary = try Errata.stationaryState(Errata.realGenerator(CollisionLimitRoute.generator(alpha: 1, omega: omega, epsilon: eps, b)))[0]
            #expect(stationary == Mayo.constantA6Corrected(omegaC: omega, epsilon: eps, cold: b))
            #expect(stationary != Mayo.constantA6(omegaC: omega, epsilon: eps, cold: b))
            // Within the printed (half-rate) M, with the swap undone, the sign is wrong too.
            let r = Mayo.ratesEq14(epsilon: eps, b)
            let halfRate = try Errata.stationaryState(Errata.realGenerator(Mayo.generatorEq14(alpha: 1, omega: omega, epsilon: eps,
                                                                                           gammaPlus: r.minus, gammaMinus: r.plus)))[0]
            let e4 = eps * eps * eps * eps, qv = Mayo.invertedPopulation(b)
            #expect(halfRate == (4 * omega * omega + e4 * qv) / (8 * omega * omega + e4))
        }
    }

    @Test("Eq. (14)'s stationary state in BigInterval (exact pivot policy, zero = the point 0) encloses the exact one, tightly")
    func intervalStationaryStateEnclosesExact() throws {
        for (omega, eps, y) in [(q("1/10"), q("1"), q("1/2")), (q("3/2"), q("1/4"), q("1/3"))] {
            let exact = try Errata.stationaryState(Errata.realGenerator(CollisionLimitRoute.generator(alpha: 1, omega: omega, epsilon: eps,
                                                                                                      BoltzmannFactor(y: y))))
            try atPrecision(128) {
                let g = try Errata.realGenerator(CollisionLimitRoute.generator(alpha: BigInterval(1), omega: BigInterval(omega), epsilon: BigInterval(eps),
                                                                               BoltzmannFactor(y: BigInterval(y))))
                let enclosure = try Errata.stationaryState(g)
                for i in 0..<4 {
                    #expect(enclosure[i].contains(exact[i]), "component \(i): \(enclosure[i]) misses \(exact[i])")
                    #expect(enclosure[i].diameter < BigFloat(1).scaled(byPowerOfTwo: -100), "component \(i) too wide")
                }
            }
        }
        // An exactly zero entry is zero; one that merely contains 0 is not (it would divide to the whole line).
        #expect(BigInterval(0).isZero)
        #expect(try !BigInterval(lower: BigFloat(-1), upper: BigFloat(1)).isZero)
    }

    @Test("Mayo (A6): the corrected form matches e^{tL}ρ(0) of the collision-model generator at several times (rigorous)")
    func mayoA6Evolution() throws {
        let corrected = try Catalogue.formula(id: "mayo.eqA6.corrected")
        try atPrecision(160) {
            for t in ["1/2", "2", "5"] {
                let omega = BigInterval(1), eps = BigInterval(BigRational(1) / 2)
                let g = try Errata.realGenerator(CollisionLimitRoute.generator(alpha: BigInterval(1), omega: omega, epsilon: eps,
                                                                               BoltzmannFactor(theta: BigInterval(10) * omega / 2)))
                let ph = Mayo.thermalPopulation(BoltzmannFactor(theta: BigInterval(BigRational(1) / 10) * BigInterval(2) / 2))
                let evolved = try Errata.evolve(g, [ph, 0, 0, 1 - ph], t: BigInterval(q(t)))[0]
                let formula = try corrected.enclosure(["t": q(t), "omega_c": 1, "epsilon": q("1/2"), "beta_c": 10, "beta_h": q("1/10"),
                                                       "omega_h": 2], precisionBits: 160)
                // Both are enclosures of the same number: they must overlap, and be tight.
                #expect(!(evolved < formula) && !(formula < evolved), "t = \(t)")
                #expect((evolved.diameter) < BigFloat(1).scaled(byPowerOfTwo: -100))
            }
        }
    }
}
