import ArgumentParser
import Foundation
import Verification

struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Write the closed-form reference tables under Reference/ (or check them with --check).")

    @Flag(name: .long, help: "Recompute every row and compare with the committed table; exit 1 on any drift.")
    var check = false

    @Option(name: .long, help: "Package root (default: the current directory).")
    var root: String = FileManager.default.currentDirectoryPath

    func run() throws {
        let url = URL(fileURLWithPath: root)
        if check {
            let problems = try ClosedFormReferenceTable.check(root: url)
            if problems.isEmpty {
                print("\(ClosedFormReferenceTable.relativePath): clean")
            } else {
                for p in problems { printError(p) }
                printError("\(problems.count) problem(s) in \(ClosedFormReferenceTable.relativePath)")
                throw ExitCode(1)
            }
        } else {
            let n = try ClosedFormReferenceTable.write(to: url)
            print("wrote \(n) rows to \(ClosedFormReferenceTable.relativePath)")
        }
    }
}
