import BigNumerics
import ClosedForms
import RealModule
import Testing

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

    @Test("Mayo (A6) constant, exactly: stationary state of the printed M(1) == corrected C != printed C (rational q)")
    func mayoConstantExact() {
        for (omega, eps, qv) in [(q("1/10"), q("1"), q("2/3")), (q("3/2"), q("1/4"), q("9/10")), (q("1"), q("1/2"), q("1/2"))] {
            let e2 = eps * eps, e4 = e2 * e2
            let stationary = Errata.stationaryExcitedPopulation(alpha: 1, omega: omega, epsilon: eps,
                                                                gammaPlus: e2 * (1 - qv), gammaMinus: e2 * qv,
                                                                isCertainlyNonzero: { !$0.isZero })
            #expect(stationary == (4 * omega * omega + e4 * qv) / (8 * omega * omega + e4))
            #expect(stationary != (4 * omega * omega - e4 * qv) / (8 * omega * omega + e4))
            // Without drive the same generator relaxes to q, which is what makes these the right rates.
            #expect(Errata.stationaryExcitedPopulation(alpha: 0, omega: omega, epsilon: eps, gammaPlus: e2 * (1 - qv),
                                                       gammaMinus: e2 * qv, isCertainlyNonzero: { !$0.isZero }) == qv)
        }
    }

    @Test("Mayo rates, exactly: the printed γ^± make M(0) relax to the positive-temperature state (rational y)")
    func mayoRatesExact() {
        for y in [q("1/2"), q("1/5"), q("9/10")] {
            let b = BoltzmannFactor(y: y)
            let eps = q("1/2")
            let printed = Mayo.ratesEq14(epsilon: eps, b), corrected = Mayo.ratesEq14Corrected(epsilon: eps, b)
            let atPrinted = Errata.stationaryExcitedPopulation(alpha: 0, omega: 1, epsilon: eps, gammaPlus: printed.plus,
                                                               gammaMinus: printed.minus, isCertainlyNonzero: { !$0.isZero })
            let atCorrected = Errata.stationaryExcitedPopulation(alpha: 0, omega: 1, epsilon: eps, gammaPlus: corrected.plus,
                                                                 gammaMinus: corrected.minus, isCertainlyNonzero: { !$0.isZero })
            #expect(atPrinted == Mayo.thermalPopulation(b))          // e^{−βω/2}/Z₁: positive temperature
            #expect(atCorrected == Mayo.invertedPopulation(b))       // e^{+βω/2}/Z₁: Eq. (6)'s ρ_full
            #expect(Errata.ratePlusMakingFullStateStationary(omega: 1, epsilon: eps, b) == corrected.plus)
        }
    }
}
