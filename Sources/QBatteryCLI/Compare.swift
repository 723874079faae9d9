import ArgumentParser
import Foundation
import Verification

/// `qbattery compare ID k=v …`: the catalogue formula next to the simulator at one point.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "A closed form (correctly rounded, as `eval`) next to the simulator's value of the same quantity at a point.",
        discussion: """
            Values are exact (0.1 means 1/10, 3/7 is a fraction); parameters left out take the
            catalogue's default. The simulated route is the cross-check table's for that formula;
            settings the closed form does not take are stated in the route.
            Formulas with a route: \(PointComparison.formulaIDs.joined(separator: ", ")).
            Exit status: 0 when they agree within the tolerance, 1 when they do not (a printed form
            known wrong says which erratum), 2 on bad input.
            """)

    @Argument(help: "Formula identifier (see `qbattery formulas`).")
    var id: String

    @Argument(help: "Parameters as name=value.")
    var assignments: [String] = []

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let row: CrossCheckRow
        do {
            var parameters: [String: String] = [:]
            for a in assignments {
                let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else { throw UsageFailure("expected name=value, got \"\(a)\"") }
                guard parameters[parts[0]] == nil else {
                    throw PointComparisonError.duplicateParameter(formula: id, name: parts[0])
                }
                parameters[parts[0]] = parts[1]
            }
            Progress.current?.update("simulating \(id)")
            row = try PointComparison.compare(formulaID: id, parameters: parameters)
        } catch let e as PointComparisonError {
            printError("error: \(e)")
            throw ExitCode(2)
        } catch let e as UsageFailure {
            printError("error: \(e.message)")
            throw ExitCode(2)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            struct Document: Codable { let agrees: Bool; let row: CrossCheckRow }
            print(String(decoding: try encoder.encode(Document(agrees: PointComparison.agrees(row), row: row)), as: UTF8.self))
        } else {
            print(Self.text(row))
        }
        if !PointComparison.agrees(row) { throw ExitCode(1) }
    }

    static func text(_ r: CrossCheckRow) -> String {
        func e(_ x: Double?) -> String { x.map { String(format: "%.17g", $0) } ?? "-" }
        func s(_ x: Double?) -> String { x.map { String(format: "%.1e", $0) } ?? "-" }
        let verdict: String
        switch r.outcome {
        case .pass: verdict = "agree"
        case .unexpectedPass: verdict = "agree (the printed form is known wrong elsewhere: \(r.expectation))"
        case .expectedFailure: verdict = "DISAGREE: \(r.expectation)"
        case .fail: verdict = "DISAGREE"
        case .error: verdict = "ERROR"
        }
        var out = ["\(r.formula)  \(r.parameters)"]
        if r.outcome == .error {
            out.append("  error        \(r.toleranceReason)")
        } else {
            out.append("  closed form  \(r.closedForm)")
            out.append("  simulated    \(e(r.simulated))")
            out.append("  difference   \(s(r.relativeDifference)) \(r.differenceIsAbsolute ? "absolute" : "relative"), tolerance \(s(r.tolerance)) [\(r.toleranceKind ?? "-")]")
            out.append("  tolerance    \(r.toleranceReason)")
            out.append("  route        \(r.route)")
        }
        out.append("  verdict      \(verdict)")
        return out.joined(separator: "\n")
    }
}
