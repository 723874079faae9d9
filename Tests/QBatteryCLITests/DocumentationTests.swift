import Foundation
import Testing

/// The documented sessions are run: every ```console block of README.md and of the DocC articles
/// (Sources/*/*.docc) is a list of `$ qbattery …` commands (or `$ echo $?`), each followed by the
/// output it must print (stdout, then stderr). `[...]` in an expected line matches any text; a
/// `*` in an argument is expanded like the shell's. A fenced block right after a line
/// `<!-- file: NAME -->` is a file the document's sessions use (written into their directory first). A command the harness
/// cannot run, or any difference, fails the test: the docs cannot go stale.
@Suite("Documentation: the example sessions run and print what they show")
struct DocumentationTests {
    struct Session: CustomStringConvertible {
        let file: String
        let line: Int
        let lines: [String]
        var files: [String: String] = [:]
        var description: String { "\(file):\(line)" }
    }

    static func documents() -> [URL] {
        let root = CLI.root
        var urls = [root.appendingPathComponent("README.md")]
        let sources = root.appendingPathComponent("Sources")
        let fm = FileManager.default
        for module in (try? fm.contentsOfDirectory(atPath: sources.path)) ?? [] {
            let docc = sources.appendingPathComponent(module).appendingPathComponent("\(module).docc")
            guard let e = fm.enumerator(atPath: docc.path) else { continue }
            for case let rel as String in e where rel.hasSuffix(".md") { urls.append(docc.appendingPathComponent(rel)) }
        }
        return urls.sorted { $0.path < $1.path }
    }

    static func sessions() -> [Session] {
        var out: [Session] = []
        for url in documents() {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let rel = String(url.path.dropFirst(CLI.root.path.count + 1))
            var current: [String]? = nil
            var fileName: String? = nil
            var start = 0
            var sessions: [Session] = [], files: [String: String] = [:]
            var previous = ""
            for (i, raw) in text.components(separatedBy: "\n").enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                defer { previous = line }
                if current == nil, line.hasPrefix("```") {
                    if previous.hasPrefix("<!-- file:"), previous.hasSuffix("-->") {
                        current = []; start = i + 1
                        fileName = previous.dropFirst("<!-- file:".count).dropLast(3).trimmingCharacters(in: .whitespaces)
                        continue
                    }
                    if line == "```console" { current = []; fileName = nil; start = i + 1; continue }
                }
                if current != nil, line == "```" {
                    if let name = fileName { files[name] = (current ?? []).joined(separator: "\n") + "\n" }
                    else { sessions.append(Session(file: rel, line: start, lines: current ?? [])) }
                    current = nil
                    continue
                }
                current?.append(raw)
            }
            out += sessions.map { var s = $0; s.files = files; return s }
        }
        return out
    }

    /// Shell-like words: whitespace-separated, with '…' and "…" quoting.
    static func words(_ s: String) -> [String] {
        var out: [String] = [], word = "", quote: Character? = nil, inWord = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { out.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { out.append(word) }
        return out
    }

    /// `dir/pattern*` expanded against the session directory (sorted), as a shell would; no match: the word itself.
    static func glob(_ word: String, in directory: URL) -> [String] {
        guard word.contains("*") else { return [word] }
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[..<$0]) } ?? "."
        let pattern = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        let hits = names.filter { fnmatch(pattern, $0, 0) == 0 }.sorted()
        return hits.isEmpty ? [word] : hits.map { slash == nil ? $0 : "\(folder)/\($0)" }
    }

    static func matches(_ actual: String, _ expected: String) -> Bool {
        guard expected.contains("[...]") else { return actual == expected }
        let parts = expected.components(separatedBy: "[...]")
        var rest = Substring(actual)
        for (k, part) in parts.enumerated() {
            if k == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if k == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let r = rest.range(of: part) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return true
    }

    @Test("README.md and the articles hold example sessions")
    func sessionsExist() {
        let s = Self.sessions()
        #expect(s.contains { $0.file == "README.md" })
        #expect(s.contains { $0.file.hasSuffix(".docc/ReproduceOnACluster.md") })
        #expect(s.count >= 6)
    }

    @Test("the harness fails on a changed output")
    func harnessDetectsDifferences() throws {
        let good = Session(file: "inline", line: 1, lines: ["$ qbattery eval cakmak.eq16 N=5 r=1/3 --digits 10", "1.593406593e-1", "$ echo $?", "0"])
        #expect(try Self.run(good).isEmpty)
        let bad = Session(file: "inline", line: 1, lines: ["$ qbattery eval cakmak.eq16 N=5 r=1/3 --digits 10", "1.593406594e-1"])
        #expect(!(try Self.run(bad)).isEmpty)
        let unknown = Session(file: "inline", line: 1, lines: ["$ rm -rf /tmp/x"])
        #expect(!(try Self.run(unknown)).isEmpty)
        #expect(Self.matches("took 3.2 s", "took [...] s") && !Self.matches("took 3.2 min", "took [...] s"))
    }

    @Test("every documented session prints what the documentation shows", arguments: Self.sessions())
    func sessionRuns(_ session: Session) throws {
        let problems = try Self.run(session)
        #expect(problems.isEmpty, "\(session):\n\(problems.joined(separator: "\n"))")
    }

    /// Runs a session in a fresh directory holding a link to the repository's Proofs/ (the articles
    /// prove and reproduce there); returns the differences.
    static func run(_ session: Session) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbattery-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Proofs"), withDestinationURL: CLI.root.appendingPathComponent("Proofs"))
        for (name, contents) in session.files {
            try contents.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var problems: [String] = []
        var lastStatus: Int32 = 0
        var i = 0
        let lines = session.lines
        while i < lines.count {
            let line = lines[i]
            guard line.hasPrefix("$ ") else {
                problems.append("line \(i + 1): output without a command: \(line)")
                i += 1
                continue
            }
            var expected: [String] = []
            var j = i + 1
            while j < lines.count && !lines[j].hasPrefix("$ ") { expected.append(lines[j]); j += 1 }
            while expected.last == "" { expected.removeLast() }
            let words = words(String(line.dropFirst(2)))
            var actual: [String]
            if words == ["echo", "$?"] {
                actual = ["\(lastStatus)"]
            } else if words.first == "qbattery" {
                let r = try CLI.run(words.dropFirst().flatMap { glob($0, in: dir) }, in: dir)
                lastStatus = r.status
                actual = (r.stdout + r.stderr).components(separatedBy: "\n")
                while actual.last == "" { actual.removeLast() }
            } else {
                problems.append("\(line): only `qbattery …` and `echo $?` can be run from a console block")
                i = j
                continue
            }
            if actual.count != expected.count || zip(actual, expected).contains(where: { !matches($0, $1) }) {
                problems.append("\(line)\n  documented:\n    " + expected.joined(separator: "\n    ") + "\n  printed:\n    " + actual.joined(separator: "\n    "))
            }
            i = j
        }
        return problems
    }
}
