import BigNumerics
import ClosedForms
import Foundation
import ProofChecking
import Testing

/// Proof steps about the code: formula(ID)(args…) runs the catalogue's one generic implementation.
@Suite("Formula references")
struct FormulaReferenceTests {
    /// Every formula(ID) named in a proof file.
    static func references(_ e: Expr, into set: inout Set<String>) {
        switch e.kind {
        case let .call(name, args):
            if name.hasPrefix("formula:") { set.insert(String(name.dropFirst("formula:".count))) }
            for a in args { references(a, into: &set) }
        case let .negate(a): references(a, into: &set)
        case let .binary(_, a, b): references(a, into: &set); references(b, into: &set)
        case let .sum(_, a, b, body): references(a, into: &set); references(b, into: &set); references(body, into: &set)
        default: break
        }
    }

    @Test("every rational catalogue formula is referenced by at least one proof step")
    func everyRationalFormulaIsReferenced() throws {
        var referenced: Set<String> = []
        for name in ProofsFolderTests.files {
            let path = packageRoot.appendingPathComponent("Proofs").appendingPathComponent(name).path
            let file = try ProofParser.parse(text: String(contentsOfFile: path, encoding: .utf8), path: path)
            for d in file.derivations {
                for c in d.claims {
                    Self.references(c.start, into: &referenced)
                    for s in c.steps { Self.references(s.expression, into: &referenced) }
                }
                for def in d.definitions { Self.references(def.body, into: &referenced) }
            }
        }
        let rational = Catalogue.all.filter { $0.kind == .rational }.map(\.id)
        #expect(rational.count >= 17)
        for id in rational { #expect(referenced.contains(id), "no proof step references formula(\(id))") }
        for id in referenced { #expect(rational.contains(id) || Catalogue.all.contains { $0.id == id }, "unknown formula \(id)") }
    }

    @Test("the code is checked against the text: a wrong closed form fails")
    func wrongTextFails() throws {
        let report = try check("""
            proof p
            assume N in 1...8
            assume 0 < r < 1
            claim formula(cakmak.eq15)(N, r)
              = (r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1
            claim formula(cakmak.eq15)(N, r)
              = (r - 1)*(r + 1)^N/(r^(N + 1) - 1)
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
        #expect(report.steps[0].method == .exactIdentity)
    }

    @Test("unknown identifiers, wrong argument counts and symbolic N are errors with locations")
    func errors() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume M in 1...4
            assume 0 < r < 1
            claim formula(cakmak.eq99)(M, r)
              = 1
            claim formula(cakmak.eq15)(r)
              = 1
            claim formula(cakmak.eq15)(N, r)
              = 1
            """)
        #expect(report.steps.map(\.outcome) == [.error, .error, .error])
        #expect(report.steps[0].detail.contains("test.proof:5:7") && report.steps[0].detail.contains("unknown catalogue formula"))
        #expect(report.steps[1].detail.contains("takes 2 argument(s)"))
        #expect(report.steps[2].detail.contains("concrete integer parameters"))
    }
}
