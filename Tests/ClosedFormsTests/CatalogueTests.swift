import BigNumerics
import ClosedForms
import RealModule
import Testing

@Suite("Catalogue")
struct CatalogueTests {
    @Test("Identifiers are unique and follow <paper>.eq<number>[.<variant>] or a descriptive suffix")
    func identifiers() {
        let ids = Catalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for f in Catalogue.all {
            #expect(f.id.hasPrefix(f.paper.rawValue + "."), "\(f.id)")
            let rest = f.id.dropFirst(f.paper.rawValue.count + 1)
            #expect(rest.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" || $0 == "A" || $0 == "B" }, "\(f.id)")
        }
        for required in ["mayo.eq9", "mayo.eq10", "cakmak.eq8", "cakmak.eq15", "cakmak.eq15.sum", "cakmak.eq16", "mayo.imax.z",
                         "mayo.imax.gamma", "mayo.energy", "mayo.gamma", "mayo.weak-coupling-efficiency"] {
            #expect(ids.contains(required), "missing \(required)")
        }
    }

    @Test("Every reference case evaluates; Double agrees with the correctly rounded value", arguments: Catalogue.all.map(\.id))
    func referenceCasesEvaluate(id: String) throws {
        let f = try Catalogue.formula(id: id)
        for c in f.referenceCases {
            var values: [String: BigRational] = [:]
            for (k, v) in c { values[k.rawValue] = q(v) }
            let exact = try f.evaluate(values, digits: 20)
            let reference = try #require(Double(exact.value))
            let d = try f.doubleValue(values)
            // Double: inputs rounded once, then O(N) operations; 1e-9 relative (or absolute near 0)
            // is far above that error and far below any formula-level mistake.
            #expect(abs(d - reference) <= 1e-9 * max(1, abs(reference)), "\(id) \(c): Double \(d) vs \(exact.value)")
        }
    }

    @Test("Correct rounding is consistent across digit counts (rounding 40 digits to 15 agrees except at ties)")
    func roundingConsistency() throws {
        let f = try Catalogue.formula(id: "mayo.eq9")
        let values: [String: BigRational] = ["beta": 1, "omega": 1]
        let v15 = try f.evaluate(values, digits: 15).value
        let v40 = try f.evaluate(values, digits: 40).value
        #expect(v15 == "2.42710453406815e0")
        #expect(v40 == "2.427104534068145179700602131312727795022e0")
        // The 45-digit value rounds to both (no double rounding: each is decided from an enclosure).
        let v45 = try f.evaluate(values, digits: 45).value
        #expect(v45 == "2.42710453406814517970060213131272779502186172e0")
    }

    @Test("Domain errors name the parameter, the value and the allowed range")
    func domainErrors() throws {
        let f = try Catalogue.formula(id: "cakmak.eq16")
        #expect(throws: FormulaError.outOfDomain(formula: "cakmak.eq16", name: "r", value: "3/2", domain: "0 < r < 1")) {
            try f.evaluate(["N": 5, "r": q("3/2")], digits: 10)
        }
        #expect(throws: FormulaError.missingParameter(formula: "cakmak.eq16", name: "r", domain: "0 < r < 1")) {
            try f.evaluate(["N": 5], digits: 10)
        }
        #expect(throws: FormulaError.unknownParameter(formula: "cakmak.eq16", name: "x", expected: ["N", "r", "omega"])) {
            try f.evaluate(["N": 5, "r": q("1/3"), "x": 1], digits: 10)
        }
        #expect(throws: FormulaError.outOfDomain(formula: "cakmak.eq16", name: "N", value: "5/2", domain: "N integer in 1...4096")) {
            try f.evaluate(["N": q("5/2"), "r": q("1/3")], digits: 10)
        }
        #expect(throws: FormulaError.constraintViolated(formula: "cakmak.eq14", constraint: "k <= N")) {
            try Catalogue.formula(id: "cakmak.eq14").evaluate(["N": 3, "k": 4, "r": q("1/2")], digits: 10)
        }
        #expect(throws: FormulaError.self) { try Catalogue.formula(id: "cakmak.eq99") }
    }

    @Test("The README example: cakmak.eq16 at N = 5, r = 1/3 (ω defaults to 1) is 29/182 exactly")
    func readmeExample() throws {
        let f = try Catalogue.formula(id: "cakmak.eq16")
        #expect(try f.exactValue(["N": 5, "r": q("1/3")]) == q("29/182"))
        #expect(try f.evaluate(["N": 5, "r": q("1/3")], digits: 40).value == "1.593406593406593406593406593406593406593e-1")
    }

    @Test("Safe forms survive where printed forms overflow in Double (β up to 10³, N = 64)")
    func overflowSafety() throws {
        let b = BoltzmannFactor(theta: 500.0)   // βω/2 = 500: e^{500} overflows… e^{N·500} certainly
        #expect(!Mayo.advantage(N: 64, b).isFinite || Mayo.advantage(N: 64, b).isNaN)
        #expect(Mayo.advantageSafe(N: 64, b) == 4096)
        #expect(!Mayo.tauLevel(N: 64, k: 0, epsilon: 1.0, b).isFinite || Mayo.tauLevel(N: 64, k: 0, epsilon: 1.0, b).isNaN)
        #expect(Mayo.tauLevelSafe(N: 64, k: 0, epsilon: 1.0, b).isFinite)
        // And the interval route stays finite and decides 40 digits at β = 1000, N = 64.
        let e = try Catalogue.formula(id: "mayo.gamma").evaluate(["N": 64, "beta": 1000, "omega": 1], digits: 40)
        #expect(e.value.hasPrefix("4.0959999") || e.value.hasPrefix("4.096"))
    }
}
