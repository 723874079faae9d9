import ArgumentParser

@main
struct QBattery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbattery",
        abstract: "The Mayo–Roncaglia and Çakmak quantum-battery papers as executable, checkable code.",
        subcommands: [SelfCheck.self, Formulas.self, Eval.self, ReferenceCommand.self, ErrataCommand.self, Prove.self, CrossCheckCommand.self, ClaimsIndexCommand.self, Reproduce.self, Merge.self])
}
