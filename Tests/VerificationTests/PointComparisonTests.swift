import Testing
import Verification

/// `qbattery compare`'s entry point: one formula's simulated route at a point the user picks.
@Suite("Point comparison: one formula against its simulated route")
struct PointComparisonTests {
    @Test("every formula of the cross-check table has a route, and only those")
    func everyRoutedFormulaIsListed() throws {
        let ids = PointComparison.formulaIDs
        #expect(ids.count >= 40)
        #expect(Set(ids) == Set(CrossCheck.fullTable.map(\.formulaID)))
        #expect(try PointComparison.parameters(of: "cakmak.eq16").map(\.name) == ["N", "r", "omega"])
    }

    @Test("a point the route was not written for: the table's answer, at the user's parameters")
    func userPointAgrees() throws {
        // Not the first (template) row's point: N, r and ω all differ from it.
        let row = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "5", "r": "1/3", "omega": "3/2"])
        #expect(row.outcome == .pass)
        #expect(row.parameters == "N=5 r=1/3 omega=3/2")
        #expect(row.closedForm.hasPrefix("2.390109890109890109890109890"))   // (3/2)·29/182
        #expect(PointComparison.agrees(row))
        // The default ω = 1 of the catalogue is used when ω is not given.
        let defaulted = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "5", "r": "1/3"])
        #expect(defaulted.parameters == "N=5 r=1/3 omega=1")
        #expect(defaulted.closedForm.hasPrefix("1.593406593406593406593406593"))
    }

    @Test("the engine route runs at the user's temperatures and gaps (the table rows fix them)")
    func engineRouteFollowsThePoint() throws {
        let a = try PointComparison.compare(formulaID: "mayo.eqA2", parameters: ["beta_c": "2", "omega_c": "1", "beta_h": "1/2", "omega_h": "3"])
        #expect(a.outcome == .pass, "\(a.closedForm) vs \(a.simulated ?? .nan)")
        #expect(a.route.contains("β_h = 0.5") && a.route.contains("ω_h = 3"))
        let b = try PointComparison.compare(formulaID: "mayo.eqA2", parameters: ["beta_c": "10", "omega_c": "1", "beta_h": "1/10", "omega_h": "3/2"])
        #expect(b.outcome == .pass)
        #expect(a.simulated != b.simulated)
    }

    @Test("a printed form known wrong disagrees, and says which erratum")
    func printedErratumDisagrees() throws {
        let row = try PointComparison.compare(formulaID: "mayo.eq6.parallel",
                                              parameters: ["beta": "2", "omega": "1", "epsilon": "1/2", "t": "3"])
        #expect(row.outcome == .expectedFailure)
        #expect(!PointComparison.agrees(row))
        #expect(row.expectation.contains("erratum mayo.eq6.parallel"))
    }

    @Test("bad input is a typed error naming it and the allowed values")
    func badInput() {
        #expect(throws: PointComparisonError.self) { try PointComparison.compare(formulaID: "cakmak.eq99", parameters: [:]) }
        do {
            _ = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "3", "r": "1/2", "beta": "1"])
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(error == .unknownParameter(formula: "cakmak.eq16", name: "beta", allowed: ["N", "r", "omega"]))
            #expect(error.description.contains("allowed: N, r, omega"))
        }
        #expect(throws: PointComparisonError.missingParameter(formula: "cakmak.eq16", name: "r")) {
            try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "3"])
        }
        do {
            _ = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "3", "r": "half"])
            Issue.record("a malformed value was accepted")
        } catch {
            guard case let .badValue(_, name, value, _) = error else { Issue.record("\(error)"); return }
            #expect(name == "r" && value == "half")
        }
        do {
            _ = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "3", "r": "3/2"])
            Issue.record("an out-of-domain r was accepted")
        } catch {
            guard case let .closedForm(_, message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("r = 3/2") && message.contains("0 < r < 1"))
        }
        #expect(throws: PointComparisonError.outsideSimulatedRange(formula: "cakmak.eq16", name: "N", value: "12", allowed: "N ≤ 7")) {
            try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "12", "r": "1/2"])
        }
    }

    @Test("every routed formula, at its first table point given as a user would, behaves as the table says")
    func everyFormulaAtItsFirstPoint() throws {
        for id in PointComparison.formulaIDs {
            let template = try #require(CrossCheck.fullTable.first { $0.formulaID == id })
            let given = Dictionary(uniqueKeysWithValues: template.parameters.map { ($0.name.rawValue, $0.value) })
            let row = try PointComparison.compare(formulaID: id, parameters: given)
            #expect(!row.outcome.isFailure, "\(id) \(row.parameters): \(row.outcome.rawValue) — \(row.toleranceReason)")
            #expect(PointComparison.agrees(row) == (template.expectation == .agrees), "\(id)")
        }
    }
}
