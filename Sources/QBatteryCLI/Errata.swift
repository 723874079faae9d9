import ArgumentParser
import ClosedForms
import Verification
import Foundation

struct ErrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "The printed statements the package found wrong, with evidence computed now.")

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        var items: [String] = []
        for e in Errata.all {
            let ev = try e.evidence()
            if json {
                let q = FormulaListing.quote
                items.append("""
                  {"id": \(q(e.id)), "paper": \(q(e.paper.rawValue)), "equation": \(q(e.equation)), \
                "printed": \(q(e.printedFormula)), "corrected": \(q(e.correctedFormula)), "confidence": \(q(e.confidence.rawValue)), \
                "summary": \(q(e.summary)), "route": \(q(e.route)), "evidence": {"point": \(q(ev.point)), \
                "printedValue": \(q(ev.printed.value)), "correctedValue": \(q(ev.corrected.value)), \
                "independentValue": \(q(ev.independent.value)), "independentLabel": \(q(ev.independent.label)), \
                "printedAgrees": \(ev.printedAgrees), "correctedAgrees": \(ev.correctedAgrees), "criterion": \(q(ev.criterion))}}
                """)
            } else {
                print("\(e.id)  (\(e.paper == .mayo ? "Mayo" : "Çakmak") \(e.equation); confidence \(e.confidence.rawValue))")
                print("  \(e.summary)")
                print("  printed form:   \(e.printedFormula)")
                print("  corrected form: \(e.correctedFormula)")
                print("  independent route: \(e.route)")
                print("  evidence at \(ev.point):")
                print("    printed    \(ev.printed.value)  \(ev.printedAgrees ? "agrees" : "DISAGREES")")
                print("    corrected  \(ev.corrected.value)  \(ev.correctedAgrees ? "agrees" : "DISAGREES")")
                print("    independent (\(ev.independent.label))  \(ev.independent.value)")
                print("    criterion: \(ev.criterion)")
                print("")
            }
        }
        if json { print("[\n" + items.joined(separator: ",\n") + "\n]") }
    }
}
