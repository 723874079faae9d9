import ArgumentParser
import BigNumerics
import Foundation
import Simulator

/// Bad input to `qbattery simulate`: each names the offending thing and the allowed values (exit 2).
enum SimulateError: Error, Equatable, CustomStringConvertible {
    case unknownModel(String, allowed: [String])
    case unknownQuantity(model: String, quantity: String, allowed: [String])
    case unknownParameter(model: String, quantity: String, name: String, allowed: [String])
    case missingParameter(model: String, quantity: String, name: String)
    case duplicateParameter(String)
    case badValue(name: String, value: String, allowed: String)
    case badInitialState(String, reason: String, allowed: String)
    case badBasis(String, allowed: [String])
    case optionNotTaken(model: String, quantity: String, option: String)

    var description: String {
        switch self {
        case let .unknownModel(m, allowed):
            return "unknown model \(m); allowed: \(allowed.joined(separator: ", "))"
        case let .unknownQuantity(m, q, allowed):
            return "model \(m) has no quantity \(q); allowed: \(allowed.joined(separator: ", "))"
        case let .unknownParameter(m, q, n, allowed):
            return "\(m) \(q) does not take parameter \(n); allowed: \(allowed.joined(separator: ", "))"
        case let .missingParameter(m, q, n):
            return "\(m) \(q) needs parameter \(n) (it has no default)"
        case let .duplicateParameter(n):
            return "parameter \(n) given twice"
        case let .badValue(n, v, allowed):
            return "parameter \(n) = \(v) is out of range; allowed: \(allowed)"
        case let .badInitialState(s, reason, allowed):
            return "initial state \(s) is not usable: \(reason); allowed: \(allowed)"
        case let .badBasis(b, allowed):
            return "unknown coherence basis \(b); allowed: \(allowed.joined(separator: ", "))"
        case let .optionNotTaken(m, q, o):
            return "\(m) \(q) does not take \(o)"
        }
    }
}

/// One parameter of a model: name, default (nil = required), allowed range as text and as a test.
struct SimParameter {
    let name: String
    let meaning: String
    let defaultText: String?
    let allowed: String
    let accepts: (Double) -> Bool
}

/// A model the command simulates, its parameters and, per quantity, the parameters it takes.
struct SimModel {
    let name: String
    let summary: String
    let parameters: [SimParameter]
    /// quantity → (summary, parameter names it takes)
    let quantities: [(name: String, summary: String, takes: [String])]
    let takesInitialState: Set<String>
    let takesBasis: Set<String>
}

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the independent Double simulator for one model and quantity at a point.",
        discussion: """
            Models and quantities:
            \(Self.models.map { m in "  \(m.name): \(m.summary)\n" + m.quantities.map { "    \($0.name) (\($0.takes.joined(separator: ", "))): \($0.summary)" }.joined(separator: "\n") }.joined(separator: "\n"))
            Parameters are name=value with exact values (0.1, 3/7); defaults: \(Self.models.flatMap { m in m.parameters.compactMap { p in p.defaultText.map { "\(m.name) \(p.name)=\($0)" } } }.joined(separator: ", ")).
            Initial states (--initial, steady states): \(Self.namedStates.joined(separator: ", ")), or a matrix in
            the simulator's basis (bit 1 = excited, qubit 1 the most significant bit), rows separated by ';',
            entries by ',', complex entries as a+bi, e.g. "1/2,1/2;1/2,1/2".
            Bad input (unknown model, quantity or parameter, a value out of range, an initial state
            that is not a density matrix) exits with status 2.
            """)

    @Argument(help: "Model: cakmak, mayo-parallel, mayo-collective, mayo-engine.")
    var model: String

    @Argument(help: "Quantity (depends on the model; see the discussion).")
    var quantity: String

    @Argument(help: "Parameters as name=value.")
    var assignments: [String] = []

    @Option(name: .long, help: "Initial state for steady states (Çakmak default ground, Mayo default thermal).")
    var initial: String?

    @Option(name: .long, help: "Basis of the l1-coherence: computational (default), hadamard, energy.")
    var basis: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    static let namedStates = ["ground", "excited", "mixed", "plus", "psi-minus", "thermal"]
    static let bases = ["computational", "hadamard", "energy"]

    static func positive(_ name: String, _ meaning: String, default d: String? = nil) -> SimParameter {
        SimParameter(name: name, meaning: meaning, defaultText: d, allowed: "\(name) > 0 (finite)") { $0 > 0 && $0.isFinite }
    }
    static func nonNegative(_ name: String, _ meaning: String, default d: String? = nil) -> SimParameter {
        SimParameter(name: name, meaning: meaning, defaultText: d, allowed: "\(name) ≥ 0 (finite)") { $0 >= 0 && $0.isFinite }
    }
    static func integer(_ name: String, _ meaning: String, _ range: ClosedRange<Int>, default d: String? = nil) -> SimParameter {
        SimParameter(name: name, meaning: meaning, defaultText: d, allowed: "integer \(range.lowerBound) ≤ \(name) ≤ \(range.upperBound)") {
            $0 == $0.rounded() && $0 >= Double(range.lowerBound) && $0 <= Double(range.upperBound)
        }
    }

    static var models: [SimModel] {
        let mayoCommon = [
            nonNegative("beta", "inverse temperature of the bath"),
            positive("omega", "battery gap", default: "1"),
            positive("epsilon", "coupling strength ε", default: "1"),
            nonNegative("t", "time"),
            SimParameter(name: "delta", meaning: "charge fraction 1 − δ", defaultText: "1/100", allowed: "0 < delta < 1") { $0 > 0 && $0 < 1 },
        ]
        return [
            SimModel(name: "cakmak",
                     summary: "N qubits collectively coupled to a thermal bath (Çakmak Eqs. 4–6, γ_ij = γ0, f_ij = f)",
                     parameters: [integer("N", "qubits", 1...7), nonNegative("beta", "inverse temperature"),
                                  positive("omega", "qubit gap", default: "1"),
                                  SimParameter(name: "f", meaning: "dipole coupling", defaultText: "3/10", allowed: "0 ≤ f ≤ 1") { $0 >= 0 && $0 <= 1 },
                                  positive("gamma0", "decay rate", default: "1")],
                     quantities: [("steady-state", "the asymptotic state from the initial state (the kernel of L is degenerate: it depends on it)", ["N", "beta", "omega", "f", "gamma0"]),
                                  ("ergotropy", "ergotropy W of the asymptotic state (Eq. 2, H0)", ["N", "beta", "omega", "f", "gamma0"]),
                                  ("coherence", "l1-norm of coherence C_l1 of the asymptotic state in the named basis (Eq. 3)", ["N", "beta", "omega", "f", "gamma0"])],
                     takesInitialState: ["steady-state", "ergotropy", "coherence"], takesBasis: ["steady-state", "coherence"]),
            SimModel(name: "mayo-parallel",
                     summary: "N batteries, each with its own bath qubit per collision (Mayo Eq. 4, Born limit), from the thermal state",
                     parameters: [integer("N", "batteries", 1...6, default: "2")] + mayoCommon,
                     quantities: [("energy", "E(t) = tr[H_S ρ(t)]", ["N", "beta", "omega", "epsilon", "t"]),
                                  ("charging-time", "first T with E(T) = E_full(1 − δ)", ["N", "beta", "omega", "epsilon", "delta"]),
                                  ("steady-state", "the asymptotic state of the Born generator from the initial state (default thermal; N ≤ 4)", ["N", "beta", "omega", "epsilon"])],
                     takesInitialState: ["steady-state"], takesBasis: ["steady-state"]),
            SimModel(name: "mayo-collective",
                     summary: "N batteries exchanging with one collective bath (Mayo Eq. 5; V_#^(N) in the one-to-one pairing reading), from the thermal state",
                     parameters: [integer("N", "batteries", 2...6, default: "2")] + mayoCommon,
                     quantities: [("energy", "E(t) = tr[H_S ρ(t)]", ["N", "beta", "omega", "epsilon", "t"]),
                                  ("charging-time", "first T with E(T) = E_full(1 − δ)", ["N", "beta", "omega", "epsilon", "delta"]),
                                  ("gamma", "collective advantage Γ(N, β, δ) = T_∥/T_# of the charging times", ["N", "beta", "omega", "epsilon", "delta"]),
                                  ("steady-state", "the asymptotic state of the Born generator from the initial state (default thermal; N ≤ 4); V_# conserves more than the trace, so it is not unique", ["N", "beta", "omega", "epsilon"])],
                     takesInitialState: ["steady-state"], takesBasis: ["steady-state"]),
            SimModel(name: "mayo-engine",
                     summary: "the five-stroke engine of Mayo Sec. III B with the double-quench cold stroke, limit cycle",
                     parameters: [nonNegative("beta_c", "cold bath inverse temperature"), positive("omega_c", "cold gap"),
                                  nonNegative("beta_h", "hot bath inverse temperature"), positive("omega_h", "hot gap"),
                                  positive("epsilon", "coupling ε", default: "1/2"), nonNegative("t_d", "quench time t_d", default: "2"),
                                  positive("t_cold", "cold stroke duration (default t_d + 40/ε²)"),
                                  positive("t_hot", "hot stroke duration (default 40/ε²)")],
                     quantities: ["work", "heat", "efficiency", "power"].map { q in
                         (q, ["work": "work extracted per cycle W", "heat": "heat taken from the hot bath per cycle Q_h",
                              "efficiency": "η = W/Q_h", "power": "P = W/t_cycle"][q] ?? q,
                          ["beta_c", "omega_c", "beta_h", "omega_h", "epsilon", "t_d", "t_cold", "t_hot"])
                     },
                     takesInitialState: [], takesBasis: []),
        ]
    }

    /// Resolved input: values (Double) and their text as given or defaulted.
    struct Point {
        var values: [String: Double] = [:]
        var text: [(String, String)] = []
        func callAsFunction(_ name: String) -> Double? { values[name] }
    }

    static func resolve(model: String, quantity: String, assignments: [String],
                        initial: String?, basis: String?) throws -> (SimModel, Point) {
        guard let m = models.first(where: { $0.name == model }) else {
            throw SimulateError.unknownModel(model, allowed: models.map(\.name))
        }
        guard let q = m.quantities.first(where: { $0.name == quantity }) else {
            throw SimulateError.unknownQuantity(model: model, quantity: quantity, allowed: m.quantities.map(\.name))
        }
        if initial != nil && !m.takesInitialState.contains(quantity) {
            throw SimulateError.optionNotTaken(model: model, quantity: quantity, option: "--initial")
        }
        if basis != nil && !m.takesBasis.contains(quantity) {
            throw SimulateError.optionNotTaken(model: model, quantity: quantity, option: "--basis")
        }
        var given: [String: String] = [:]
        for a in assignments {
            let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw UsageFailure("expected name=value, got \"\(a)\"") }
            guard q.takes.contains(parts[0]) else {
                throw SimulateError.unknownParameter(model: model, quantity: quantity, name: parts[0], allowed: q.takes)
            }
            guard given[parts[0]] == nil else { throw SimulateError.duplicateParameter(parts[0]) }
            given[parts[0]] = parts[1]
        }
        var point = Point()
        for name in q.takes {
            guard let p = m.parameters.first(where: { $0.name == name }) else { continue }
            guard let text = given[name] ?? p.defaultText else {
                if model == "mayo-engine" && (name == "t_cold" || name == "t_hot") { continue }   // derived below
                throw SimulateError.missingParameter(model: model, quantity: quantity, name: name)
            }
            guard let exact = try? BigRational(parsing: text) else {
                throw SimulateError.badValue(name: name, value: text, allowed: "an exact number (integer, decimal, fraction) with \(p.allowed)")
            }
            let x = exact.doubleValue
            guard p.accepts(x) else { throw SimulateError.badValue(name: name, value: text, allowed: p.allowed) }
            point.values[name] = x
            point.text.append((name, text))
        }
        return (m, point)
    }

    func run() throws {
        let output: SimulationOutput
        do {
            let (m, point) = try Self.resolve(model: model, quantity: quantity, assignments: assignments, initial: initial, basis: basis)
            Progress.current?.update("\(m.name) \(quantity)")
            output = try Self.simulate(m, quantity: quantity, point, initial: initial, basis: basis)
        } catch let e as SimulateError {
            printError("error: \(e)")
            throw ExitCode(2)
        } catch let e as UsageFailure {
            printError("error: \(e.message)")
            throw ExitCode(2)
        } catch let e as SimulatorError {
            printError("error: \(e)")
            switch e {   // bad input is 2; a failure of the numerics is 1
            case .lapackFailure, .lapackUnavailable, .singular, .noConvergence, .steadyStateNotUnique: throw ExitCode(1)
            default: throw ExitCode(2)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(output.text)
        }
    }

    // MARK: the simulations

    static func simulate(_ m: SimModel, quantity: String, _ p: Point, initial: String?, basis: String?) throws -> SimulationOutput {
        var out = SimulationOutput(model: m.name, quantity: quantity, parameters: Dictionary(uniqueKeysWithValues: p.text),
                                   parameterOrder: p.text.map(\.0))
        func v(_ name: String) -> Double { p.values[name] ?? .nan }
        switch m.name {
        case "cakmak":
            let n = Int(v("N"))
            let model = try CakmakModel.collective(qubits: n, omega: v("omega"), beta: v("beta"), gamma0: v("gamma0"), f: v("f"))
            let name = initial ?? "ground"
            let rho0 = try initialState(name, qubits: n, hamiltonian: try model.h0(), beta: v("beta"))
            out.initialState = name
            let rho: CMatrix, nullity: Int
            if n <= 3 {
                let analysis = try SteadyState.analyse(try model.lindbladian())
                nullity = analysis.nullity
                rho = try analysis.steadyState(from: rho0)
            } else {
                let g = try model.collectiveGenerator()
                nullity = try g.nullity()
                rho = try g.steadyState(from: rho0)
            }
            let h0 = try model.h0()
            let basisName = basis ?? "computational"
            let coherence = try Measures.l1Coherence(rho, basis: try coherenceBasis(basisName, qubits: n, hamiltonian: h0))
            let ergotropy = try Measures.ergotropy(rho, h0)
            out.results = [NamedValue(name: "energy", value: try Measures.energy(rho, h0)), NamedValue(name: "ergotropy", value: ergotropy), NamedValue(name: "coherence", value: coherence),
                           NamedValue(name: "nullity", value: Double(nullity))]
            out.notes.append(nullity == 1 ? "the steady state is unique (kernel of L has dimension 1)"
                             : "the steady state is not unique: the kernel of L has dimension \(nullity), so it depends on the initial state (spectral projection of ρ0 onto ker L)")
            switch quantity {
            case "ergotropy": out.value = ergotropy; out.symbol = "W"
            case "coherence": out.value = coherence; out.symbol = "C_l1"; out.basis = basisName
            default:
                out.value = nil
                out.basis = basisName
                out.state = (0..<rho.rows).map { i in (0..<rho.cols).map { j in [rho[i, j].real, rho[i, j].imaginary] } }
            }
        case "mayo-parallel", "mayo-collective":
            let n = Int(v("N")), b = v("beta"), w = v("omega"), e = v("epsilon")
            func build(_ parallel: Bool) throws -> CollisionModel {
                parallel ? try MayoModels.nBatteriesParallel(n: n, omega: w, beta: b, epsilon: e)
                         : try MayoModels.nBatteriesCollectivePaired(n: n, omega: w, beta: b, epsilon: e)
            }
            let parallel = m.name == "mayo-parallel"
            if quantity == "steady-state" && n > 4 {
                throw SimulateError.badValue(name: "N", value: "\(n)", allowed: "integer N ≤ 4 for steady-state (dense Liouvillian of dimension 4^N)")
            }
            let model = try build(parallel)
            if quantity == "steady-state" {
                try steadyState(&out, model: model, qubits: n, beta: b, initial: initial ?? "thermal", basis: basis ?? "computational")
                out.notes.append(parallel ? "Born (Δt → 0) limit of the collision model of Eq. (4)"
                                          : "Born (Δt → 0) limit; V_#^(N) in the one-to-one pairing reading (each configuration exchanges with its complement)")
                return out
            }
            let rho0 = try DensityMatrix.gibbs(model.systemHamiltonian, beta: b)
            let dyn = try Charging.LinearEnergyDynamics.populations(model, initial: rho0)
            out.initialState = "thermal state of H_S at the bath temperature (empty battery)"
            switch quantity {
            case "energy":
                let t = v("t")
                out.value = try dyn.energy(at: t); out.symbol = "E(t)"
                out.results = [NamedValue(name: "E(0)", value: try dyn.energy(at: 0)), NamedValue(name: "E(t)", value: out.value ?? .nan)]
            case "charging-time":
                let r = try chargingTime(model, dyn, n: n, omega: w, delta: v("delta"))
                out.value = r.time; out.symbol = "T"
                out.results = [NamedValue(name: "E_empty", value: r.emptyEnergy), NamedValue(name: "E_full", value: r.fullEnergy), NamedValue(name: "E_target", value: r.targetEnergy), NamedValue(name: "mean power", value: r.meanPower)]
            default:   // gamma
                let tc = try chargingTime(model, dyn, n: n, omega: w, delta: v("delta")).time
                let par = try build(true)
                let tp = try chargingTime(par, try Charging.LinearEnergyDynamics.populations(par, initial: rho0), n: n, omega: w, delta: v("delta")).time
                out.value = tp / tc; out.symbol = "Γ"
                out.results = [NamedValue(name: "T_parallel", value: tp), NamedValue(name: "T_collective", value: tc)]
            }
            if !parallel { out.notes.append("V_#^(N) in the one-to-one pairing reading (each configuration exchanges with its complement), the reading that reproduces Eq. (5) at N = 2 and Eq. (10)") }
            out.notes.append("Born (Δt → 0) limit of the collision model, population dynamics")
        default:   // mayo-engine
            let eps = v("epsilon"), td = v("t_d")
            let tCold = p.values["t_cold"] ?? td + 40 / (eps * eps)
            let tHot = p.values["t_hot"] ?? 40 / (eps * eps)
            out.parameters["t_cold"] = out.parameters["t_cold"] ?? String(format: "%.10g", tCold)
            out.parameters["t_hot"] = out.parameters["t_hot"] ?? String(format: "%.10g", tHot)
            if !out.parameterOrder.contains("t_cold") { out.parameterOrder.append("t_cold") }
            if !out.parameterOrder.contains("t_hot") { out.parameterOrder.append("t_hot") }
            let timing = try EngineTiming(coldDuration: tCold, quenchDuration: td, hotDuration: tHot)
            let engine = try EngineCycle(omegaHot: v("omega_h"), omegaCold: v("omega_c"), betaHot: v("beta_h"), betaCold: v("beta_c"),
                                         epsilon: eps, timing: timing)
            let r = try engine.limitCycle()
            out.results = [NamedValue(name: "work W", value: r.workExtracted), NamedValue(name: "heat Q_h", value: r.heatFromHotBath), NamedValue(name: "heat into the cold bath", value: r.heatIntoColdBath),
                           NamedValue(name: "efficiency", value: r.efficiency), NamedValue(name: "power", value: r.power), NamedValue(name: "cycle time", value: r.cycleTime)]
            switch quantity {
            case "work": out.value = r.workExtracted; out.symbol = "W"
            case "heat": out.value = r.heatFromHotBath; out.symbol = "Q_h"
            case "efficiency": out.value = r.efficiency; out.symbol = "η"
            default: out.value = r.power; out.symbol = "P"
            }
            if r.workExtracted <= 0 { out.notes.append("the cycle produces no work at this point (W ≤ 0): it does not run as an engine, its efficiency is not an engine efficiency") }
            out.notes.append("limit cycle to 1e-12 in ρ; work and heat per cycle, positive when extracted / taken from the hot bath")
        }
        return out
    }

    /// The asymptotic state of the model's Born generator from an initial state, with the kernel's dimension.
    static func steadyState(_ out: inout SimulationOutput, model: CollisionModel, qubits n: Int, beta: Double,
                            initial: String, basis: String) throws {
        let h = model.systemHamiltonian
        let rho0 = try initialState(initial, qubits: n, hamiltonian: h, beta: beta)
        let analysis = try SteadyState.analyse(try model.bornGenerator())
        let rho = try analysis.steadyState(from: rho0)
        let coherence = try Measures.l1Coherence(rho, basis: try coherenceBasis(basis, qubits: n, hamiltonian: h))
        out.initialState = initial
        out.basis = basis
        out.results = [NamedValue(name: "energy", value: try Measures.energy(rho, h)), NamedValue(name: "ergotropy", value: try Measures.ergotropy(rho, h)),
                       NamedValue(name: "coherence", value: coherence), NamedValue(name: "nullity", value: Double(analysis.nullity))]
        out.state = (0..<rho.rows).map { i in (0..<rho.cols).map { j in [rho[i, j].real, rho[i, j].imaginary] } }
        out.notes.append(analysis.nullity == 1 ? "the steady state is unique (kernel of L has dimension 1)"
                         : "the steady state is not unique: the kernel of L has dimension \(analysis.nullity), so it depends on the initial state (spectral projection of ρ0 onto ker L)")
    }

    static func chargingTime(_ model: CollisionModel, _ dyn: Charging.LinearEnergyDynamics, n: Int, omega: Double, delta: Double) throws -> Charging.Result {
        let rates = try LinearAlgebra.eigenvalues(try model.bornPopulationGenerator().rates).map { -$0.real }
        let scale = rates.map { Swift.abs($0) }.max() ?? 1
        guard let slow = rates.filter({ $0 > 1e-10 * scale }).min() else {
            throw SimulatorError.noConvergence(method: "charging time", detail: "the populations do not relax")
        }
        // E_full: the energy after 80 relaxation times of the slowest rate (remainder ≤ e^{−80}).
        let full = try dyn.energy(at: 80 / slow)
        return try Charging.timeToCharge(dyn, fullEnergy: full, delta: delta, reference: .hamiltonianAsGiven,
                                         groundEnergy: -Double(n) * omega / 2, timeScale: 1 / slow, maxTime: 400 / slow)
    }

    static func coherenceBasis(_ name: String, qubits n: Int, hamiltonian h: CMatrix) throws -> CoherenceBasis {
        switch name {
        case "computational": return .computational
        case "energy": return .energyEigenbasis(h)
        case "hadamard":
            let s = 1 / 2.0.squareRoot()
            let one = CMatrix(rows: 2, cols: 2) { i, j in Cx(i == 1 && j == 1 ? -s : s) }
            var u = CMatrix.identity(1)
            for _ in 0..<n { u = CMatrix.kron(u, one) }
            return .custom(u)
        default: throw SimulateError.badBasis(name, allowed: bases)
        }
    }

    static let stateAllowed = "ground, excited, mixed, plus, psi-minus (N = 2), thermal, or a 2^N × 2^N density matrix (Hermitian, positive semidefinite, trace 1) as rows 'a,b;c,d'"

    /// A named or literal initial state; `thermal` is the Gibbs state of `hamiltonian` at `beta`.
    static func initialState(_ text: String, qubits n: Int, hamiltonian h: CMatrix, beta: Double) throws -> CMatrix {
        let d = 1 << n
        var rho = CMatrix(rows: d, cols: d)
        switch text {
        case "thermal": rho = try DensityMatrix.gibbs(h, beta: beta)
        case "ground": rho[0, 0] = Cx(1)
        case "excited": rho[d - 1, d - 1] = Cx(1)
        case "mixed": for i in 0..<d { rho[i, i] = Cx(1 / Double(d)) }
        case "plus": rho = CMatrix(rows: d, cols: d) { _, _ in Cx(1 / Double(d)) }
        case "psi-minus":
            guard n == 2 else { throw SimulateError.badInitialState(text, reason: "|ψ−⟩ is a two-qubit state, N = \(n)", allowed: stateAllowed) }
            rho[1, 1] = Cx(0.5); rho[2, 2] = Cx(0.5); rho[1, 2] = Cx(-0.5); rho[2, 1] = Cx(-0.5)
        default:
            let rows = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            guard rows.count == d, rows.allSatisfy({ $0.count == d }) else {
                if rows.count == 1 && rows[0].count == 1 {
                    throw SimulateError.badInitialState(text, reason: "not a named state or a matrix", allowed: stateAllowed)
                }
                throw SimulateError.badInitialState(text, reason: "\(rows.count) rows of \(rows.map(\.count).max() ?? 0) entries; N = \(n) needs \(d) × \(d)", allowed: stateAllowed)
            }
            for i in 0..<d {
                for j in 0..<d {
                    guard let z = parseComplex(rows[i][j]) else {
                        throw SimulateError.badInitialState(text, reason: "entry (\(i + 1), \(j + 1)) = \"\(rows[i][j])\" is not a number a, bi or a+bi", allowed: stateAllowed)
                    }
                    rho[i, j] = z
                }
            }
        }
        do { try DensityMatrix.validate(rho, parameter: "initial state") } catch {
            switch error {   // what is wrong with the state; anything else (LAPACK missing) is not about it
            case .notHermitian, .notPositive, .notNormalised, .dimensionMismatch:
                throw SimulateError.badInitialState(text, reason: error.description, allowed: stateAllowed)
            default: throw error
            }
        }
        return rho
    }

    /// "a", "bi", "a+bi", "a-bi" with a, b exact numbers (decimals or fractions).
    static func parseComplex(_ raw: String) -> Cx? {
        let s = raw.replacingOccurrences(of: " ", with: "")
        func real(_ t: Substring) -> Double? {
            if t.isEmpty || t == "+" { return 1 }
            if t == "-" { return -1 }
            var u = t
            let negative = u.hasPrefix("-")
            if u.hasPrefix("+") || u.hasPrefix("-") { u = u.dropFirst() }
            guard let q = try? BigRational(parsing: String(u)) else { return nil }
            return negative ? -q.doubleValue : q.doubleValue
        }
        guard !s.isEmpty else { return nil }
        guard s.hasSuffix("i") else { return real(Substring(s)).map { Cx($0) } }
        let body = s.dropLast()
        // The split between real and imaginary parts: the last + or − that is not the leading sign.
        if let k = body.indices.dropFirst().last(where: { body[$0] == "+" || body[$0] == "-" }) {
            guard let a = real(body[..<k]), !body[..<k].isEmpty, let b = real(body[k...]) else { return nil }
            return Cx(a, b)
        }
        return real(body).map { Cx(0, $0) }
    }
}

struct NamedValue: Codable, Equatable {
    let name: String
    let value: Double
}

/// What `simulate` prints: the value asked for, the other results of the same run, notes.
struct SimulationOutput: Codable {
    var model: String
    var quantity: String
    var parameters: [String: String]
    var parameterOrder: [String]
    var initialState: String?
    var basis: String?
    var symbol: String?
    var value: Double?
    /// Other quantities of the same run, in a fixed order.
    var results: [NamedValue] = []
    var notes: [String] = []
    /// The steady state (steady-state quantity): rows of [re, im].
    var state: [[[Double]]]?

    init(model: String, quantity: String, parameters: [String: String], parameterOrder: [String]) {
        self.model = model; self.quantity = quantity; self.parameters = parameters; self.parameterOrder = parameterOrder
    }

    static func number(_ x: Double) -> String { String(format: "%.15g", x) }

    var text: String {
        var lines = ["\(model) \(quantity)  " + parameterOrder.map { "\($0)=\(parameters[$0] ?? "?")" }.joined(separator: " ")]
        if let s = initialState { lines.append("  initial state  \(s)") }
        if let b = basis { lines.append("  basis          \(b)") }
        if let v = value { lines.append("\(symbol ?? quantity) = \(Self.number(v))") }
        for r in results { lines.append("  \(r.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(Self.number(r.value))") }
        if let st = state {
            lines.append("  steady state (rows; re+im i):")
            for row in st {
                lines.append("    " + row.map { z in
                    let re = Self.number(Swift.abs(z[0]) < 1e-14 ? 0 : z[0]), im = Swift.abs(z[1]) < 1e-14 ? 0 : z[1]
                    return im == 0 ? re : "\(re)\(im < 0 ? "-" : "+")\(Self.number(Swift.abs(im)))i"
                }.joined(separator: ", "))
            }
        }
        for n in notes { lines.append("  note: \(n)") }
        return lines.joined(separator: "\n")
    }
}
