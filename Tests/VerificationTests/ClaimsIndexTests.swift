import ClosedForms
import Foundation
import Testing
@testable import Verification

/// The claims index (Reference/claims.tsv) is current, every decider exists, every verdict agrees
/// with what its deciders record, and the check fails when any of that breaks.
@Suite("Claims index")
struct ClaimsIndexTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the committed index is current and every decider exists")
    func committedIndexIsClean() {
        let problems = ClaimsIndex.check(root: Self.root)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(ClaimsIndex.entries.count >= 90)
    }

    @Test("every simulator claim and every erratum is cited by the index")
    func everyClaimAndErratumIsIndexed() {
        let cited = Set(ClaimsIndex.entries.flatMap(\.deciders).map(\.description))
        for id in Claims.identifiers { #expect(cited.contains("claim:\(id)"), "claim \(id) is not in the index") }
        for e in Errata.all { #expect(cited.contains("erratum:\(e.id)"), "erratum \(e.id) is not in the index") }
        // Both papers, and at least six statements found wrong or ambiguous beyond the errata.
        let beyondErrata = ClaimsIndex.entries.filter { e in
            e.verdict != .holds && !e.deciders.contains { if case .erratum = $0 { return true } else { return false } }
        }
        #expect(beyondErrata.count >= 6)
    }

    @Test("a decider that names nothing fails the check", arguments: [
        ClaimDecider.row("mayo.eq99"), .claim("cakmak.no-such-claim"), .erratum("mayo.nothing"), .proof("mayo.no-proof"),
        .test("ReproductionTests/FigureConsistencyTests.noSuchTest"), .test("NoTarget/X.y"),
    ])
    func unknownDeciderFails(_ decider: ClaimDecider) {
        let entry = ClaimsIndexEntry(id: "X01", paper: "test", location: "-", kind: "sentence", statement: "s", deciders: [decider], verdict: .holds, note: "")
        let problems = ClaimsIndex.problems(root: Self.root, entries: [entry])
        #expect(problems.contains { $0.contains("names no") }, "\(problems)")
    }

    @Test("a verdict its deciders do not record fails the check")
    func contradictedVerdictFails() {
        let holdsButWrong = ClaimsIndexEntry(id: "X02", paper: "test", location: "-", kind: "sentence", statement: "s",
                                             deciders: [.claim("cakmak.nbar-beta")], verdict: .holds, note: "")
        #expect(!ClaimsIndex.problems(root: Self.root, entries: [holdsButWrong]).isEmpty)
        let wrongButHolds = ClaimsIndexEntry(id: "X03", paper: "test", location: "-", kind: "equation", statement: "s",
                                             deciders: [.row("mayo.eq9")], verdict: .wrong, note: "")
        #expect(!ClaimsIndex.problems(root: Self.root, entries: [wrongButHolds]).isEmpty)
        let ambiguousWithoutReading = ClaimsIndexEntry(id: "X04", paper: "test", location: "-", kind: "caption", statement: "s",
                                                       deciders: [.row("mayo.eq9")], verdict: .ambiguous, note: "")
        #expect(!ClaimsIndex.problems(root: Self.root, entries: [ambiguousWithoutReading]).isEmpty)
        let fine = ClaimsIndexEntry(id: "X05", paper: "test", location: "-", kind: "equation", statement: "s",
                                    deciders: [.row("mayo.eq6.parallel"), .erratum("mayo.eq6.parallel")], verdict: .wrong, note: "")
        #expect(ClaimsIndex.problems(root: Self.root, entries: [fine]).isEmpty)
    }

    @Test("a stale or edited index file fails the check")
    func staleFileFails() throws {
        let text = ClaimsIndex.render()
        #expect(ClaimsIndex.staleness(text) == nil)
        let edited = text.replacingOccurrences(of: "\tholds\t", with: "\twrong\t")
        #expect(ClaimsIndex.staleness(edited) != nil)
        #expect(ClaimsIndex.staleness(String(text.dropLast(40))) != nil)
        #expect(ClaimsIndex.staleness(text + "M99\textra\n") != nil)
    }

    @Test("writing twice replaces the file atomically and leaves no temporary file")
    func writeReplacesAtomically() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("qbattery-claims-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ClaimsIndex.write(root: dir) == ClaimsIndex.entries.count)
        #expect(try ClaimsIndex.write(root: dir) == ClaimsIndex.entries.count)
        let reference = dir.appendingPathComponent("Reference")
        #expect(try String(contentsOf: reference.appendingPathComponent("claims.tsv"), encoding: .utf8) == ClaimsIndex.render())
        #expect(try FileManager.default.contentsOfDirectory(atPath: reference.path) == ["claims.tsv"])
    }
}
