import ArgumentParser
import Foundation
import ClosedForms

struct Formulas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulas",
        abstract: "List every closed form: identifier, paper, equation, parameters with domains, status.")

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        if json {
            print(FormulaListing.json(Catalogue.all))
        } else {
            for f in Catalogue.all {
                print("\(f.id)  [\(f.kind.rawValue); \(f.status)]")
                print("    \(f.source)")
                print("    \(f.expression)")
                let params = f.parameters.map { "\($0.name.rawValue): \($0.domainDescription)" }
                print("    parameters: " + params.joined(separator: "; "))
                if !f.constraints.isEmpty { print("    constraints: " + f.constraints.map(\.description).joined(separator: "; ")) }
            }
        }
    }
}

/// JSON rendering without Foundation's encoder, so key order (and output) is deterministic.
enum FormulaListing {
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    static func json(_ formulas: [Formula]) -> String {
        let items = formulas.map { f -> String in
            let status: String
            switch f.status {
            case .asPrinted: status = "{\"kind\": \"asPrinted\"}"
            case let .corrected(id): status = "{\"kind\": \"corrected\", \"erratum\": \(quote(id))}"
            case .derived: status = "{\"kind\": \"derived\"}"
            }
            let params = f.parameters.map { "{\"name\": \(quote($0.name.rawValue)), \"domain\": \(quote($0.domain.describe($0.name.rawValue))), \"default\": \($0.defaultValue.map { quote($0.description) } ?? "null")}" }
            let constraints = f.constraints.map { quote($0.description) }
            return """
              {"id": \(quote(f.id)), "paper": \(quote(f.paper.rawValue)), "equation": \(quote(f.equation)), \
            "section": \(quote(f.section)), "kind": \(quote(f.kind.rawValue)), "status": \(status), \
            "expression": \(quote(f.expression)), "parameters": [\(params.joined(separator: ", "))], \
            "constraints": [\(constraints.joined(separator: ", "))]}
            """
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }
}
