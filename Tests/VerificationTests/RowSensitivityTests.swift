import BigNumerics
import ClosedForms
import Foundation
import Testing
@testable import Verification

/// Every cross-check row proves that it can fail, and no tolerance is sized far above what the
/// row observes (issue 11, "checks that cannot fail").
@Suite("Cross-check rows can fail")
struct RowSensitivityTests {
    static func constant(_ value: Double, tolerance: Double, absolute: Double? = nil) -> @Sendable ([ParameterName: Double]) throws -> Simulated {
        { _ in Simulated(value: value, tolerance: tolerance, absoluteTolerance: absolute, kind: .roundOff, reason: "test", route: "test") }
    }

    @Test("every fast row fails when its closed form moves by 3× its tolerance, and is at most 10⁴× looser than observed")
    func fastRowsAreSensitive() {
        let rows = CrossCheckTests.fastRows
        for r in rows {
            #expect(r.outcome != .error, "\(r.formula) \(r.parameters): \(r.toleranceReason)")
            switch r.expectation {
            case "agrees":
                #expect(r.sensitivity.hasSuffix("fails in both directions"), "\(r.formula) \(r.parameters): \(r.sensitivity)")
                let loose = r.looseness ?? .infinity
                #expect(loose <= CrossCheck.loosenessBound, "\(r.formula) \(r.parameters): looseness \(loose)")
            default:
                #expect(r.sensitivity.hasPrefix("misses by"), "\(r.formula) \(r.parameters): \(r.sensitivity)")
            }
        }
        let summary = CrossCheck.summary(rows, seconds: 0)
        #expect(summary.maxLooseness <= CrossCheck.loosenessBound)
        #expect(summary.maxLooseness > 1, "the looseness must be measured, not a constant")
    }

    @Test("every catalogue formula has a row in the fast subset that swift test runs")
    func fastSubsetCoversTheCatalogue() {
        let fast = Set(CrossCheck.fastSubset.map(\.formulaID))
        for f in Catalogue.all { #expect(fast.contains(f.id), "\(f.id) has no fast cross-check row") }
    }

    @Test("a closed form moved by 3× the tolerance of a real row makes it fail (end to end, re-simulated)")
    func movedClosedFormFails() throws {
        for id in ["mayo.eq9", "cakmak.eq16", "mayo.gamma.delta"] {
            let target = try #require(CrossCheck.fastSubset.first { $0.formulaID == id })
            let row = CrossCheck.evaluate(target)
            #expect(row.outcome == .pass)
            let closed = try #require(row.closedFormDouble), tol = try #require(row.tolerance)
            for sign in [1.0, -1.0] {
                let moved = try BigRational(exactly: closed * (1 + sign * CrossCheck.sensitivityMultiple * tol))
                #expect(CrossCheck.evaluate(target.injectingClosedForm(moved)).outcome == .fail, "\(id) moved by \(sign)·3·tol")
            }
        }
    }

    @Test("a zero closed form with only a relative tolerance is an error, not a pass")
    func zeroClosedFormNeedsAnAbsoluteResolution() throws {
        // cakmak.eq11 at c = 1/2 is exactly 0; the old row applied a relative tolerance of 2·10⁷ there.
        let noResolution = CrossCheckCase("cakmak.eq11", [(.c, "1/2"), (.omega, "1")], simulate: Self.constant(1e-3, tolerance: 2e7))
        let row = CrossCheck.evaluate(noResolution)
        #expect(row.closedFormDouble == 0)
        #expect(row.outcome == .error)
        // With a stated resolution the same comparison is decided: 1e-3 is far outside 1e-13.
        let resolved = CrossCheckCase("cakmak.eq11", [(.c, "1/2"), (.omega, "1")], simulate: Self.constant(1e-3, tolerance: 2e7, absolute: 1e-13))
        #expect(CrossCheck.evaluate(resolved).outcome == .fail)
        let agreeing = CrossCheckCase("cakmak.eq11", [(.c, "1/2"), (.omega, "1")], simulate: Self.constant(1e-16, tolerance: 2e7, absolute: 1e-13))
        let ok = CrossCheck.evaluate(agreeing)
        #expect(ok.outcome == .pass)
        #expect(ok.differenceIsAbsolute && ok.tolerance == 1e-13)
    }

    @Test("a row that cannot fail (relative tolerance > 2/3) is reported as an error")
    func rowThatCannotFailIsAnError() throws {
        let value = try #require(CrossCheck.evaluate(CrossCheckCase("mayo.eq9", [(.beta, "1"), (.omega, "1")], simulate: Self.constant(0, tolerance: 1))).closedFormDouble)
        let hopeless = CrossCheckCase("mayo.eq9", [(.beta, "1"), (.omega, "1")], simulate: Self.constant(value, tolerance: 1))
        let row = CrossCheck.evaluate(hopeless)
        #expect(row.outcome == .error)
        #expect(row.sensitivity.contains("cannot fail"))
        #expect(!CrossCheck.summary([row], seconds: 0).ok)
    }

    @Test("a tolerance more than 10⁴× the observed difference is an error (tolerances cannot drift loose)")
    func looseToleranceIsAnError() throws {
        let value = try #require(CrossCheck.evaluate(CrossCheckCase("mayo.eq9", [(.beta, "1"), (.omega, "1")], simulate: Self.constant(0, tolerance: 1))).closedFormDouble)
        // Observed 1e-10 relative; 3.4 % tolerance (the old mayo.gamma.delta row) is 3.4e8× that.
        let loose = CrossCheckCase("mayo.eq9", [(.beta, "1"), (.omega, "1")], simulate: Self.constant(value * (1 + 1e-10), tolerance: 0.034))
        let row = CrossCheck.evaluate(loose)
        #expect(row.outcome == .error)
        #expect(row.toleranceReason.contains("observed difference"))
        // The same observation under a tolerance 10× its size passes.
        let tight = CrossCheckCase("mayo.eq9", [(.beta, "1"), (.omega, "1")], simulate: Self.constant(value * (1 + 1e-10), tolerance: 1e-9))
        #expect(CrossCheck.evaluate(tight).outcome == .pass)
    }

    @Test("a contradicted printed form must miss by more than 3× the tolerance")
    func marginalContradictionIsAnError() throws {
        let id = "cakmak.eq10.c1"
        let value = try #require(CrossCheck.evaluate(CrossCheckCase(id, [(.beta, "1"), (.omega, "1")], expect: .contradicted(erratum: id), simulate: Self.constant(0, tolerance: 1))).closedFormDouble)
        let marginal = CrossCheckCase(id, [(.beta, "1"), (.omega, "1")], expect: .contradicted(erratum: id), simulate: Self.constant(value * (1 + 2e-6), tolerance: 1e-6))
        #expect(CrossCheck.evaluate(marginal).outcome == .error)
        let clear = CrossCheckCase(id, [(.beta, "1"), (.omega, "1")], expect: .contradicted(erratum: id), simulate: Self.constant(value * (1 + 1e-3), tolerance: 1e-6))
        #expect(CrossCheck.evaluate(clear).outcome == .expectedFailure)
    }
}
