// The claims index (issue 11): every checkable statement of both papers — equation, sentence,
// figure statement, caption — mapped to what decides it (a cross-check row, a simulator claim, an
// erratum, a proof, a figure test) and its verdict. Written to Reference/claims.tsv and checked like
// the reference tables: a decider that names nothing existing, a verdict that disagrees with its
// deciders' recorded outcomes, or a stale file fails the check.
import ClosedForms
import Foundation

/// What decides a statement.
public enum ClaimDecider: Sendable, Equatable, CustomStringConvertible {
    /// Every cross-check row of this catalogue formula (`qbattery crosscheck --full`).
    case row(String)
    /// A printed statement without a closed form, decided by the simulator (`Claims`).
    case claim(String)
    /// A recorded erratum (`qbattery errata`).
    case erratum(String)
    /// A proof of `Proofs/*.proof` (`qbattery prove`), by its name.
    case proof(String)
    /// A test of the figure data: "Target/Suite.function" under `Tests/`.
    case test(String)

    public var description: String {
        switch self {
        case let .row(id): return "row:\(id)"
        case let .claim(id): return "claim:\(id)"
        case let .erratum(id): return "erratum:\(id)"
        case let .proof(id): return "proof:\(id)"
        case let .test(id): return "test:\(id)"
        }
    }
}

/// How a statement comes out.
public enum ClaimVerdict: String, Sendable {
    /// Holds in the package's independent route.
    case holds
    /// Contradicted: the printed statement is wrong (an erratum or a contradicted claim/row).
    case wrong
    /// More than one reading; each implemented, the one the data support is named in the note.
    case ambiguous
}

public struct ClaimsIndexEntry: Sendable {
    public let id: String
    public let paper: String
    public let location: String
    public let kind: String
    public let statement: String
    public let deciders: [ClaimDecider]
    public let verdict: ClaimVerdict
    public let note: String
}

public enum ClaimsIndex {
    public static let relativePath = "Reference/claims.tsv"
    public static let header = "id\tpaper\tlocation\tkind\tstatement\tdecided_by\tverdict\tnote"

    /// The verdict the deciders record, without running anything: wrong if any decider records a
    /// contradiction (an erratum, a claim recorded as not holding, a formula whose rows are expected
    /// failures), else holds.
    public static func recordedVerdict(_ deciders: [ClaimDecider]) -> ClaimVerdict {
        let claims = Claims.recordedVerdicts
        let table = CrossCheck.fullTable
        for d in deciders {
            switch d {
            case .erratum: return .wrong
            case let .claim(id): if claims[id] == false { return .wrong }
            case let .row(id):
                if table.contains(where: { $0.formulaID == id && $0.expectation != .agrees }) { return .wrong }
            case .proof, .test: break
            }
        }
        return .holds
    }

    /// Problems of the index itself: unknown deciders, verdicts contradicting their deciders.
    public static func problems(root: URL, entries: [ClaimsIndexEntry] = entries) -> [String] {
        var out: [String] = []
        let rows = Set(CrossCheck.fullTable.map(\.formulaID))
        let claims = Set(Claims.identifiers)
        let proofs = proofNames(root: root)
        var ids = Set<String>()
        for e in entries {
            if !ids.insert(e.id).inserted { out.append("\(e.id): duplicate id") }
            if e.deciders.isEmpty { out.append("\(e.id): no decider") }
            for d in e.deciders {
                switch d {
                case let .row(id): if !rows.contains(id) { out.append("\(e.id): \(d) names no cross-check row") }
                case let .claim(id): if !claims.contains(id) { out.append("\(e.id): \(d) names no claim") }
                case let .erratum(id): if Errata.erratum(id: id) == nil { out.append("\(e.id): \(d) names no erratum") }
                case let .proof(id): if !proofs.contains(id) { out.append("\(e.id): \(d) names no proof in Proofs/") }
                case let .test(id): if !testExists(id, root: root) { out.append("\(e.id): \(d) names no test under Tests/") }
                }
            }
            let recorded = recordedVerdict(e.deciders)
            switch e.verdict {
            case .holds, .wrong:
                if recorded != e.verdict { out.append("\(e.id): verdict \(e.verdict.rawValue) but the deciders record \(recorded.rawValue)") }
            case .ambiguous:
                if e.note.isEmpty { out.append("\(e.id): an ambiguous statement must name the reading the data support") }
            }
        }
        return out
    }

    static func proofNames(root: URL) -> Set<String> {
        let dir = root.appendingPathComponent("Proofs")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        var names = Set<String>()
        for f in files where f.hasSuffix(".proof") {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("proof ") {
                names.insert(String(line.dropFirst("proof ".count)).trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    /// "Target/Suite.function": Tests/Target/*.swift declares `struct Suite` and `func function(`.
    static func testExists(_ id: String, root: URL) -> Bool {
        let parts = id.split(separator: "/")
        guard parts.count == 2 else { return false }
        let names = parts[1].split(separator: ".")
        guard names.count == 2 else { return false }
        let dir = root.appendingPathComponent("Tests").appendingPathComponent(String(parts[0]))
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return false }
        for f in files where f.hasSuffix(".swift") {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8) else { continue }
            if text.contains("struct \(names[0])") && text.contains("func \(names[1])(") { return true }
        }
        return false
    }

    static func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    public static func render() -> String {
        var lines = ["# Claims index: every checkable statement of Mayo & Roncaglia (arXiv:2205.06897v2) and Çakmak, the row, claim, erratum, proof or figure test that decides it, and its verdict.",
                     "# Generated by `qbattery claims`; checked by `qbattery claims --check` (every decider must exist; holds/wrong must match what the deciders record).",
                     "# decided_by: row:<formula> = cross-check rows (qbattery crosscheck --full); claim:<id> = simulator claim; erratum:<id> = qbattery errata; proof:<name> = Proofs/*.proof; test:<target>/<suite>.<function> = Swift test.",
                     header]
        for e in entries {
            lines.append([e.id, e.paper, e.location, e.kind, e.statement, e.deciders.map(\.description).joined(separator: ","),
                          e.verdict.rawValue, e.note].map(clean).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the index atomically (temporary file in the same directory, then rename(2)).
    public static func write(root: URL) throws -> Int {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".claims.tsv.tmp-\(getpid())")
        try Data(render().utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        return entries.count
    }

    /// The committed file equals the generated one, and the index has no problems.
    public static func check(root: URL) -> [String] {
        var out = problems(root: root)
        let url = root.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return out + ["missing \(relativePath): run `qbattery claims` to create it"]
        }
        if let stale = staleness(text) { out.append(stale) }
        return out
    }

    /// Nil when `text` is exactly the generated index, else what differs.
    static func staleness(_ text: String) -> String? {
        let expected = render()
        if text == expected { return nil }
        let have = Set(text.split(separator: "\n")), want = expected.split(separator: "\n")
        let missing = want.filter { !have.contains($0) }.prefix(3)
        return "\(relativePath) is stale (regenerate with `qbattery claims`); expected lines missing from it: \(missing.isEmpty ? "none (order or extra lines)" : missing.joined(separator: " | "))"
    }
}
