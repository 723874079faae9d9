import ArgumentParser
import Foundation

@main
struct QBattery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbattery",
        abstract: "The Mayo–Roncaglia and Çakmak quantum-battery papers as executable, checkable code.",
        subcommands: [SelfCheck.self, Formulas.self, Eval.self, ReferenceCommand.self, ErrataCommand.self, Prove.self, CrossCheckCommand.self, Reproduce.self, Merge.self])

    /// ArgumentParser's own entry point, except that a malformed command line (unknown option,
    /// missing or unparsable value) exits with 2 like every other bad input, not with 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
