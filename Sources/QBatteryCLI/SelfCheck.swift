import ArgumentParser
import Verification

struct SelfCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfcheck",
        abstract: "Check the exact and arbitrary-precision engine against known values and identities.")

    func run() throws {
        let report = EngineSelfCheck.run()
        for line in report.lines { print(line) }
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 { throw ExitCode(1) }
    }
}
