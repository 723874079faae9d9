import ArgumentParser
import Foundation

@main
struct QBattery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbattery",
        abstract: "The Mayo–Roncaglia and Çakmak quantum-battery papers as executable, checkable code.",
        subcommands: [SelfCheck.self, Formulas.self, Eval.self, ReferenceCommand.self, ErrataCommand.self, Prove.self, CrossCheckCommand.self, ClaimsIndexCommand.self, Reproduce.self, Merge.self, Compare.self, Simulate.self, Derive.self])

    /// Every command runs under a progress ticker (stderr, terminals only, after one second).
    /// While it can draw, the command's stdout is held back (OutputCapture) and written after the
    /// ticker's line is erased, so output and ticker never share a line. A malformed command line
    /// (unknown option, missing or unparsable value) exits with 2 like every other bad input, not 64.
    static func main() {
        let label = "qbattery " + (CommandLine.arguments.dropFirst().first ?? "")
        let capture = Progress.stderrIsTerminal ? OutputCapture() : nil
        let progress = Progress(label: label)
        do {
            var command = try parseAsRoot()
            try Progress.$current.withValue(progress) { try command.run() }
            progress.finish()
            capture?.release()
        } catch {
            progress.finish()
            capture?.release()
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
