import ArgumentParser
import Foundation
import BigNumerics
import ClosedForms

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a formula, correctly rounded to D significant digits.",
        discussion: """
            Values are exact: integers, decimals (0.1 means 1/10) and fractions (3/7).
            Example: qbattery eval cakmak.eq16 N=5 r=1/3 --digits 40
            An unknown formula, a missing, unknown or out-of-domain parameter exits with code 2.
            """)

    @Argument(help: "Formula identifier (see `qbattery formulas`).")
    var id: String

    @Argument(help: "Parameters as name=value.")
    var assignments: [String] = []

    @Option(name: .long, help: "Significant digits (default 30).")
    var digits: Int = 30

    func run() throws {
        do {
            let formula = try Catalogue.formula(id: id)
            var inputs: [String: BigRational] = [:]
            for a in assignments {
                let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw UsageFailure("expected name=value, got \"\(a)\"")
                }
                guard inputs[parts[0]] == nil else { throw UsageFailure("parameter \(parts[0]) given twice") }
                do { inputs[parts[0]] = try BigRational(parsing: parts[1]) } catch {
                    throw UsageFailure("parameter \(parts[0]): \(error)")
                }
            }
            let result = try formula.evaluate(inputs, digits: digits)
            print(result.value)
        } catch let e as FormulaError {
            printError("error: \(e)")
            throw ExitCode(2)
        } catch let e as UsageFailure {
            printError("error: \(e.message)")
            throw ExitCode(2)
        }
    }
}

struct UsageFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
