import ArgumentParser
import Foundation
import ProofChecking

struct Prove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Check derivation files (default: every *.proof file in Proofs/).",
        discussion: """
            Prints per step: file:line, relation, method, outcome and the points, digits or enclosure
            (for an unbounded range `N in 1...`: the Gosper/Zeilberger certificates and their checks),
            then the passed steps counted by method.
            Exit status 1 when a step fails that is not marked xfail, or an xfail step passes;
            2 on a parse error (printed as file:line:column).
            """)

    @Argument(help: "Proof files or folders (default: Proofs/).")
    var files: [String] = []

    @Flag(name: .long, help: "Print only failures and the summary.")
    var quiet = false

    func run() throws {
        let paths = try ProofFiles.expand(files.isEmpty ? ["Proofs"] : files)
        guard !paths.isEmpty else {
            print("no .proof files found")
            throw ExitCode(2)
        }
        let start = Date()
        var bad = 0, total = 0, expected = 0
        var byMethod: [ProofMethod: Int] = [:]
        for path in paths {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                print("\(path): cannot read: \(error.localizedDescription)")
                throw ExitCode(2)
            }
            let report: FileReport
            do { report = try ProofChecker().check(text: text, path: path) } catch {
                print(error.description)
                throw ExitCode(2)
            }
            for step in report.steps {
                total += 1
                if step.outcome == .expectedFailure { expected += 1 }
                if step.outcome == .passed { byMethod[step.method, default: 0] += 1 }
                if !step.isAsMarked { bad += 1 }
                if !quiet || !step.isAsMarked { print(step.description) }
            }
        }
        print(String(format: "%d steps in %d files: %d as marked (%d expected failures), %d not; %.1fs",
                     total, paths.count, total - bad, expected, bad, Date().timeIntervalSince(start)))
        print("passed by method: " + ProofMethod.allCases.compactMap { m in byMethod[m].map { "\(m.rawValue) \($0)" } }.joined(separator: ", "))
        if bad > 0 { throw ExitCode(1) }
    }
}

/// Files named on the command line; folders contribute their *.proof files, sorted.
enum ProofFiles {
    static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        for a in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: a, isDirectory: &isDirectory) else {
                print("\(a): no such file or folder")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: a).filter { $0.hasSuffix(".proof") }.sorted()
                out += names.map { (a as NSString).appendingPathComponent($0) }
            } else {
                out.append(a)
            }
        }
        return out
    }
}
