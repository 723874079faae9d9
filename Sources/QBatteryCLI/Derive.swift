import ArgumentParser
import BigNumerics
import Derivations
import Foundation
import Operators

/// `qbattery derive`: exact consequences of a model over Q(i)(y, …), computed from its operators.
struct Derive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Exact steady states, kernels, relaxation rates and generators of a model, from its operators.",
        discussion: """
        QUANTITY: steady-state | kernel | rates | generator | rank-drops
        MODEL: \(ModelCatalogue.names.joined(separator: ", "))
        Parameters key=value: N, y (= e^{−βω}), omega, gamma0, f (Çakmak), eps, labels, alpha (Mayo).
        A parameter left out or given a name stays a free symbol (y, eps by default); exact numbers
        (y=1/3, f=3/10) give exact fractions. steady-state takes initial=\(InitialState.forms).
        rank-drops needs exactly one free symbol: the values of it where the kernel dimension changes.
        The memory limit is checked against an estimate of the route that runs (symmetric subspace,
        modular images, or elimination when a block falls back to it).
        Entries are in the computational basis (bit 1 = excited, site 1 most significant);
        generators act on vec ρ by column stacking, vec(ρ)[i + d·j] = ρ_ij.
        """)

    @Argument(help: "steady-state, kernel, rates, generator or rank-drops") var quantity: String
    @Argument(help: "the model, e.g. cakmak.collective") var model: String
    @Argument(help: "key=value parameters (N=3 y=1/3 initial=ground)") var assignments: [String] = []
    @Flag(help: "LaTeX output") var latex = false
    @Flag(help: "one JSON object") var json = false
    @Option(help: "memory limit of the exact computation in GB") var memoryLimitGB: Double = 2

    static let quantities = ["steady-state", "kernel", "rates", "generator", "rank-drops"]

    func run() throws {
        do {
            try execute()
        } catch {
            let e: DerivationError = error
            printError("error: \(e)")
            if case .algebra = e { throw ExitCode(1) }
            throw ExitCode(2)
        }
    }

    func execute() throws(DerivationError) {
        guard Self.quantities.contains(quantity) else {
            throw .invalidParameter(name: "quantity", value: quantity, allowed: Self.quantities.joined(separator: ", "))
        }
        if latex && json { throw .invalidParameter(name: "output", value: "--latex --json", allowed: "one of --latex, --json") }
        guard memoryLimitGB > 0, memoryLimitGB.isFinite else {
            throw .invalidParameter(name: "--memory-limit-gb", value: "\(memoryLimitGB)", allowed: "> 0")
        }
        let limit = memoryLimitGB * 1e9
        var args: [String: String] = [:]
        var initial: String?
        for a in assignments {
            let kv = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { throw .invalidParameter(name: "argument", value: a, allowed: "key=value") }
            if args[kv[0]] != nil || (kv[0] == "initial" && initial != nil) { throw .invalidParameter(name: kv[0], value: "given twice", allowed: "once") }
            if kv[0] == "initial" { initial = kv[1] } else { args[kv[0]] = kv[1] }
        }
        if initial != nil && quantity != "steady-state" {
            throw .invalidParameter(name: "initial", value: initial ?? "", allowed: "only with steady-state")
        }
        let m = try ModelCatalogue.build(model, args)
        let d = m.dimension
        var out = DeriveOutput(model: m.name, quantity: quantity,
                               parameters: m.parameters.map { "\($0.name)=\($0.value)" },
                               basis: (0..<d).map { String($0, radix: 2).leftPadded(to: m.qubits) })
        switch quantity {
        case "steady-state":
            let text = initial ?? "ground"
            let rho0 = try InitialState.parse(text, dimension: d)
            let rho = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0, memoryLimit: limit)
            if !ExactLinearAlgebra.isStationary(rho, under: m.generator) { throw .algebra("L(ρ_ss) ≠ 0") }
            out.parameters.append("initial=\(text)")
            out.entries = Self.entries(rho)
        case "kernel":
            let k = try ExactLinearAlgebra.kernel(of: m.generator, memoryLimit: limit)
            out.kernelDimension = k.kernelDimension
            out.kernel = k.kernelMatrices.map(Self.entries)
        case "rates":
            guard m.collision != nil else {
                throw .invalidParameter(name: "model", value: m.name, allowed: "a collision model (mayo.*) for rates")
            }
            let s = try ExactEigenvalues.populationRates(of: m.generator)
            out.rates = s.eigenvalues.map { DeriveOutput.Rate(rate: "\(-$0.value)", multiplicity: $0.multiplicity) }
            out.otherFactors = s.otherFactors.map { "\($0.factor)^\($0.multiplicity)" }
            out.blockSizes = s.blockSizes
        case "rank-drops":
            let p = try ExactLinearAlgebra.kernelDimensionChanges(of: m.generator)
            out.rankDrops = DeriveOutput.RankDrops(symbol: p.symbol, generic: p.genericKernelDimension,
                                                   changes: p.changes.map { c in
                                                       let physical = p.symbol != "y" || (c.value > 0 && c.value < 1)
                                                       return ("\(c.value)", c.kernelDimension, physical)
                                                   },
                                                   unresolved: p.unresolvedFactors, poles: p.poles)
        default:
            let g = try m.denseGenerator(memoryLimit: limit)
            out.entries = Self.entries(g)
            out.basis = (0..<(d * d)).map { k in "|\(out.basis[k % d])⟩⟨\(out.basis[k / d])|" }
        }
        emit(out)
    }

    static func entries(_ m: Matrix<ExactScalar>) -> [(String, ExactScalar)] {
        var out: [(String, ExactScalar)] = []
        for i in 0..<m.rows { for j in 0..<m.cols where !m[i, j].isZero { out.append(("\(i),\(j)", m[i, j])) } }
        return out
    }

    func emit(_ o: DeriveOutput) {
        if json { print(o.json); return }
        let show: (ExactScalar) -> String = latex ? DeriveOutput.latex : { "\($0)" }
        print("\(o.model) \(o.quantity)  \(o.parameters.joined(separator: " "))")
        if o.quantity == "generator" {
            print("column stacking: index i + d·j ↔ |i⟩⟨j|, d = \(Int(Double(o.basis.count).squareRoot())), basis |b_1…b_N⟩ (bit 1 = excited, site 1 most significant)")
        } else {
            print("basis: \(o.basis.map { "|\($0)⟩" }.joined(separator: " "))  (bit 1 = excited, site 1 most significant)")
        }
        if let k = o.kernelDimension { print("kernel dimension: \(k)") }
        for (i, e) in o.entries.enumerated() where i < o.entries.count {
            let name = o.quantity == "generator" ? "L" : "ρ"
            print(latex ? "\(name)_{\(e.0)} = \(show(e.1)) \\\\" : "\(name)[\(e.0)] = \(show(e.1))")
        }
        for (n, k) in o.kernel.enumerated() {
            print("kernel element \(n + 1):")
            for e in k { print(latex ? "  K^{(\(n + 1))}_{\(e.0)} = \(show(e.1)) \\\\" : "  [\(e.0)] = \(show(e.1))") }
        }
        if let r = o.rankDrops {
            let sym = latex ? DeriveOutput.latex(r.symbol) : r.symbol
            print("kernel dimension for generic \(sym): \(r.generic)")
            for c in r.changes {
                print(latex ? "\(sym) = \(DeriveOutput.latex(c.value)): \\dim\\ker L = \(c.dimension) \\\\" : "\(sym) = \(c.value): kernel dimension \(c.dimension) (generic \(r.generic)\(c.physical ? "" : ", outside 0 < y < 1"))")
            }
            if r.changes.isEmpty { print("no rational value of \(sym) changes it") }
            for f in r.unresolved { print("not decided: real roots of \(f)") }
            for f in r.poles { print("generator undefined at roots of \(f)") }
        }
        if !o.rates.isEmpty || o.quantity == "rates" {
            print("population blocks: \(o.blockSizes.map(String.init).joined(separator: ", "))")
            for r in o.rates {
                let value = latex ? DeriveOutput.latex(r.rate) : r.rate
                print("1/τ = \(value)  (multiplicity \(r.multiplicity))")
            }
            for f in o.otherFactors { print("eigenvalues not rational: roots of \(f)") }
        }
    }
}

struct DeriveOutput {
    struct Rate { let rate: String; let multiplicity: Int }
    let model: String
    let quantity: String
    var parameters: [String]
    var basis: [String]
    var entries: [(String, ExactScalar)] = []
    var kernelDimension: Int?
    var kernel: [[(String, ExactScalar)]] = []
    var rates: [Rate] = []
    var otherFactors: [String] = []
    var blockSizes: [Int] = []
    struct RankDrops { let symbol: String; let generic: Int; let changes: [(value: String, dimension: Int, physical: Bool)]; let unresolved: [String]; let poles: [String] }
    var rankDrops: RankDrops?

    static func latex(_ z: ExactScalar) -> String {
        if z.imaginary.isZero { return latex("\(z.real)") }
        if z.real.isZero { return "\(latex("\(z.imaginary)"))\\,i" }
        return "\(latex("\(z.real)")) + \\left(\(latex("\(z.imaginary)"))\\right)i"
    }

    /// "(p)/(q)" → \frac{p}{q}, "*" → thin space, "^12" → "^{12}".
    static func latex(_ s: String) -> String {
        func clean(_ t: String) -> String {
            var t = t.replacingOccurrences(of: "*", with: "\\,")
            t = t.replacingOccurrences(of: "lambda__", with: "\\lambda")
            if let re = try? NSRegularExpression(pattern: "\\^([0-9]+)") {
                t = re.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "^{$1}")
            }
            if let re = try? NSRegularExpression(pattern: "([0-9]+)/([0-9]+)") {
                t = re.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "\\\\frac{$1}{$2}")
            }
            return t
        }
        if s.hasPrefix("("), let r = s.range(of: ")/(") , s.hasSuffix(")") {
            let num = String(s[s.index(after: s.startIndex)..<r.lowerBound])
            let den = String(s[r.upperBound..<s.index(before: s.endIndex)])
            return "\\frac{\(clean(num))}{\(clean(den))}"
        }
        if s.hasPrefix("-("), let r = s.range(of: ")/(") , s.hasSuffix(")") {
            let num = String(s[s.index(s.startIndex, offsetBy: 2)..<r.lowerBound])
            let den = String(s[r.upperBound..<s.index(before: s.endIndex)])
            return "-\\frac{\(clean(num))}{\(clean(den))}"
        }
        return clean(s)
    }

    var json: String {
        var obj: [String: Any] = ["model": model, "quantity": quantity, "parameters": parameters, "basis": basis]
        if let r = rankDrops {
            obj["symbol"] = r.symbol
            obj["generic_kernel_dimension"] = r.generic
            obj["changes"] = r.changes.map { ["value": $0.value, "kernel_dimension": $0.dimension, "physical": $0.physical] as [String: Any] }
            obj["unresolved_factors"] = r.unresolved
            obj["poles"] = r.poles
        }
        if quantity != "rates" && quantity != "kernel" && quantity != "rank-drops" {
            obj["entries"] = Dictionary(entries.map { ($0.0, "\($0.1)") }, uniquingKeysWith: { a, _ in a })
        }
        if let k = kernelDimension {
            obj["kernel_dimension"] = k
            obj["kernel"] = kernel.map { Dictionary($0.map { ($0.0, "\($0.1)") }, uniquingKeysWith: { a, _ in a }) }
        }
        if quantity == "rates" {
            obj["rates"] = rates.map { ["rate": $0.rate, "multiplicity": $0.multiplicity] as [String: Any] }
            obj["non_rational_factors"] = otherFactors
            obj["population_blocks"] = blockSizes
        }
        guard let data = try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}
