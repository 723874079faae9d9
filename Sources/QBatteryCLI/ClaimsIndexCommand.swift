import ArgumentParser
import Foundation
import Verification

struct ClaimsIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Write the claims index Reference/claims.tsv (or check it with --check).",
        discussion: "Every checkable statement of both papers, the cross-check row, simulator claim, erratum, proof or figure test that decides it, and its verdict. --check fails (exit 1) on a stale file, a decider naming nothing that exists, or a verdict its deciders do not record.")

    @Flag(name: .long, help: "Compare with the committed index and check every decider; exit 1 on any problem.")
    var check = false

    @Option(name: .long, help: "Package root (default: the current directory).")
    var root: String = FileManager.default.currentDirectoryPath

    func run() throws {
        let url = URL(fileURLWithPath: root)
        if check {
            let problems = ClaimsIndex.check(root: url)
            if problems.isEmpty {
                print("\(ClaimsIndex.relativePath): clean (\(ClaimsIndex.entries.count) statements)")
            } else {
                for p in problems { printError(p) }
                printError("\(problems.count) problem(s) in \(ClaimsIndex.relativePath)")
                throw ExitCode(1)
            }
        } else {
            let problems = ClaimsIndex.problems(root: url)
            if !problems.isEmpty {
                for p in problems { printError(p) }
                printError("not written: \(problems.count) problem(s) in the index")
                throw ExitCode(1)
            }
            let n = try ClaimsIndex.write(root: url)
            print("wrote \(n) statements to \(ClaimsIndex.relativePath)")
        }
    }
}
