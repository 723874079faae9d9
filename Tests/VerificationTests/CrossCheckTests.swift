import BigNumerics
import ClosedForms
import Foundation
import Testing
@testable import Verification

@Suite("Cross-checks: closed forms against the simulator")
struct CrossCheckTests {
    /// The fast subset, run once for the whole suite.
    static let fastRows: [CrossCheckRow] = {
        let cases = CrossCheck.fastSubset
        let rows = CrossCheck.evaluateSerially(cases)
        return rows
    }()

    @Test("every fast row passes or fails as expected")
    func fastSubsetPasses() {
        let rows = Self.fastRows
        #expect(rows.count >= 30)
        for r in rows {
            #expect(!r.outcome.isFailure, "\(r.formula) \(r.parameters): \(r.outcome.rawValue) — \(r.toleranceReason)")
            #expect(!r.toleranceReason.isEmpty, "\(r.formula): a tolerance without a reason")
        }
        #expect(rows.contains { $0.outcome == .expectedFailure })
        #expect(rows.contains { $0.outcome == .pass })
    }

    @Test("the concurrent runner returns the same rows, in order")
    func concurrentRunMatches() async {
        let cases = Array(CrossCheck.fastSubset.prefix(6))
        let rows = await CrossCheck.run(cases, width: 2)
        #expect(rows.map(\.formula) == cases.map(\.formulaID))
        #expect(rows.map(\.simulated) == Self.fastRows.prefix(6).map(\.simulated))
    }

    @Test("a deliberately wrong closed-form value makes its row fail")
    func injectedWrongValueFails() throws {
        let target = try #require(CrossCheck.fastSubset.first { $0.formulaID == "mayo.eq9" })
        let right = CrossCheck.evaluate(target)
        #expect(right.outcome == .pass)
        let value = try #require(right.closedFormDouble)
        // One part in a million: far outside the round-off tolerance of this row.
        let wrong = try BigRational(exactly: value * (1 + 1e-6))
        let row = CrossCheck.evaluate(target.injectingClosedForm(wrong))
        #expect(row.closedFormInjected)
        #expect(row.outcome == .fail)
        #expect(row.outcome.isFailure)
    }

    @Test("a printed form known wrong that agrees is a failure of the harness")
    func unexpectedPassIsFailure() throws {
        let printed = try #require(CrossCheck.fastSubset.first { $0.formulaID == "cakmak.eq10.c1" })
        let row = CrossCheck.evaluate(printed)
        #expect(row.outcome == .expectedFailure)
        // Inject the simulated value itself as the "printed" closed form: now it agrees.
        let simulated = try #require(row.simulated)
        let injected = CrossCheck.evaluate(printed.injectingClosedForm(try BigRational(exactly: simulated)))
        #expect(injected.outcome == .unexpectedPass)
        #expect(injected.outcome.isFailure)
        #expect(!CrossCheck.summary([injected], seconds: 0).ok)
    }

    @Test("JSON output is well-formed and carries every row")
    func jsonIsWellFormed() throws {
        let rows = Self.fastRows
        let text = try CrossCheck.json(rows, summary: CrossCheck.summary(rows, seconds: 1))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let document = try #require(object as? [String: Any])
        let jsonRows = try #require(document["rows"] as? [[String: Any]])
        #expect(jsonRows.count == rows.count)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == rows.count)
        for (r, j) in zip(rows, jsonRows) {
            #expect(j["formula"] as? String == r.formula)
            #expect(j["outcome"] as? String == r.outcome.rawValue)
            #expect(j["closedForm"] as? String == r.closedForm)
        }
    }

    @Test("the full table covers the required closed forms at three or more points each")
    func coverage() throws {
        var points: [String: Int] = [:]
        for c in CrossCheck.fullTable {
            points[c.formulaID, default: 0] += 1
            _ = try Catalogue.formula(id: c.formulaID)   // every row names a catalogue formula
        }
        let required = ["mayo.eq7.parallel", "mayo.eq7.collective", "mayo.eq9", "mayo.eq10", "mayo.energy", "mayo.gamma",
                        "mayo.gamma.delta", "mayo.eq6.parallel", "mayo.eq6.collective", "mayo.efficiency.otto", "mayo.imax.z", "mayo.imax.gamma", "mayo.efficiency", "mayo.eqA2", "mayo.qc",
                        "cakmak.eq7.z-plus", "cakmak.eq8", "cakmak.eq10", "cakmak.eq10.c1", "cakmak.eq11", "cakmak.eq12",
                        "cakmak.eq14", "cakmak.eq15", "cakmak.eq16"]
        for id in required { #expect((points[id] ?? 0) >= 3, "\(id): \(points[id] ?? 0) points") }
        // Every closed form of the catalogue has a simulated counterpart, at three points or more.
        for f in Catalogue.all { #expect((points[f.id] ?? 0) >= 3, "\(f.id): \(points[f.id] ?? 0) points") }
        // N = 2 … 6 for Γ and N = 2 … 7 for Çakmak's N-qubit forms.
        func ns(_ id: String) -> Set<String> {
            Set(CrossCheck.fullTable.filter { $0.formulaID == id }.compactMap { c in c.parameters.first { $0.name == .N }?.value })
        }
        #expect(ns("mayo.gamma").isSuperset(of: ["2", "3", "4", "5", "6"]))
        #expect(ns("cakmak.eq15").isSuperset(of: ["2", "3", "4", "5", "6", "7"]))
        #expect(ns("cakmak.eq16").isSuperset(of: ["2", "3", "4", "5", "6", "7"]))
        // Every expected failure names an erratum the package records.
        for c in CrossCheck.fullTable {
            if case let .contradicted(id) = c.expectation { #expect(Errata.erratum(id: id) != nil, "\(c.formulaID): erratum \(id) missing") }
        }
    }

    @Test("bad parameters become error rows, not crashes")
    func badInputIsAnErrorRow() {
        let bad = CrossCheckCase("mayo.eq9", [(.beta, "not-a-number"), (.omega, "1")]) { _ in
            Simulated(value: 0, tolerance: 0, kind: .roundOff, reason: "unused", route: "")
        }
        let row = CrossCheck.evaluate(bad)
        #expect(row.outcome == .error)
        let outOfDomain = CrossCheckCase("mayo.eq9", [(.beta, "-1"), (.omega, "1")]) { _ in
            Simulated(value: 0, tolerance: 0, kind: .roundOff, reason: "unused", route: "")
        }
        #expect(CrossCheck.evaluate(outOfDomain).outcome == .error)
    }

    @Test("printed statements without a closed form get the recorded verdict from the simulator")
    func claims() throws {
        let claims = Claims.run()
        #expect(claims.count >= 6)
        for c in claims { #expect(c.ok, "\(c.id): \(c.evidence)") }
        #expect(claims.contains { !$0.holds })
        let text = try CrossCheck.json([], summary: CrossCheck.summary([], seconds: 0), claims: claims)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["claims"] as? [[String: Any]])?.count == claims.count)
    }
}
