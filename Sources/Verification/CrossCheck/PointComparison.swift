// One catalogue formula next to its simulated counterpart at a point the user chooses
// (`qbattery compare`). The route is the cross-check table's own: the simulation of the first row
// of that formula in `CrossCheck.fullTable`, run at the user's parameters. Settings the closed form
// does not take (a route's temperature, gap or collision step) are that row's, and the route text
// states them. The tolerance is the route's, with its reason, recomputed at the new point.
import BigNumerics
import ClosedForms
import Simulator

/// Bad input to a point comparison: each case names the offending thing and what is allowed.
public enum PointComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a catalogue formula.
    case unknownFormula(String, allowed: [String])
    /// A catalogue formula without a simulated route.
    case noRoute(String, allowed: [String])
    case unknownParameter(formula: String, name: String, allowed: [String])
    case missingParameter(formula: String, name: String)
    case duplicateParameter(formula: String, name: String)
    case badValue(formula: String, name: String, value: String, reason: String)
    /// Outside the range the simulated route is built and validated for (dense 2^N matrices).
    case outsideSimulatedRange(formula: String, name: String, value: String, allowed: String)
    /// The closed form refused the point (domain, constraint): its message.
    case closedForm(formula: String, message: String)

    public var description: String {
        switch self {
        case let .unknownFormula(id, allowed):
            return "unknown formula \(id); allowed (formulas with a simulated route): \(allowed.joined(separator: ", "))"
        case let .noRoute(id, allowed):
            return "formula \(id) has no simulated route; allowed: \(allowed.joined(separator: ", "))"
        case let .unknownParameter(f, n, allowed):
            return "\(f): unknown parameter \(n); allowed: \(allowed.joined(separator: ", "))"
        case let .missingParameter(f, n):
            return "\(f): parameter \(n) is missing (it has no default)"
        case let .duplicateParameter(f, n):
            return "\(f): parameter \(n) given twice"
        case let .badValue(f, n, v, r):
            return "\(f): parameter \(n) = \(v) is not an exact number (\(r)); allowed: integers, decimals, fractions"
        case let .outsideSimulatedRange(f, n, v, allowed):
            return "\(f): parameter \(n) = \(v) is outside the simulated route's range (allowed: \(allowed))"
        case let .closedForm(_, message):
            return message
        }
    }
}

/// The closed form and the simulation of one formula at one point.
public enum PointComparison {
    /// Formulas with a simulated route, in table order (each once).
    public static var formulaIDs: [String] {
        var seen = Set<String>(), out: [String] = []
        for c in CrossCheck.fullTable where seen.insert(c.formulaID).inserted { out.append(c.formulaID) }
        return out
    }

    /// Parameter names the route of `formulaID` takes, in display order, with the catalogue defaults.
    public static func parameters(of formulaID: String) throws(PointComparisonError) -> [(name: String, defaultValue: String?)] {
        let (formula, template) = try route(formulaID)
        return template.parameters.map { p in
            (p.name.rawValue, formula.parameters.first { $0.name == p.name }?.defaultValue.map { "\($0)" })
        }
    }

    /// Integer parameters of dense routes (N qubits or batteries, level k) are limited to the
    /// largest value the table validates for that formula: the simulation is dense in 2^N.
    static let sizeParameters: Set<ParameterName> = [.N]

    /// Evaluates the closed form (correctly rounded, `CrossCheck.digits` digits) and the route at
    /// `parameters` (exact text values, "1/4"); the row says whether they agree within the
    /// route's tolerance. Bad input throws before anything is computed.
    public static func compare(formulaID: String, parameters: [String: String]) throws(PointComparisonError) -> CrossCheckRow {
        let (formula, template) = try route(formulaID)
        let allowed = template.parameters.map(\.name.rawValue)
        for name in parameters.keys.sorted() where !allowed.contains(name) {
            throw .unknownParameter(formula: formulaID, name: name, allowed: allowed)
        }
        var values: [(ParameterName, String)] = []
        var exact: [String: BigRational] = [:]
        for p in template.parameters {
            let name = p.name.rawValue
            guard let text = parameters[name] ?? formula.parameters.first(where: { $0.name == p.name })?.defaultValue.map({ "\($0)" }) else {
                throw .missingParameter(formula: formulaID, name: name)
            }
            do { exact[name] = try BigRational(parsing: text) } catch {
                throw .badValue(formula: formulaID, name: name, value: text, reason: "\(error)")
            }
            values.append((p.name, text))
        }
        // The closed form decides the domain (its typed error names the parameter and range).
        do { _ = try formula.evaluate(exact, digits: CrossCheck.digits) } catch {
            throw .closedForm(formula: formulaID, message: "\(error)")
        }
        for name in sizeParameters {
            guard let q = exact[name.rawValue] else { continue }
            let tableMax = CrossCheck.fullTable.filter { $0.formulaID == formulaID }
                .compactMap { c in c.parameters.first { $0.name == name }.flatMap { Int($0.value) } }.max() ?? 0
            if q.doubleValue > Double(tableMax) {
                throw .outsideSimulatedRange(formula: formulaID, name: name.rawValue, value: "\(q)", allowed: "\(name.rawValue) ≤ \(tableMax)")
            }
        }
        let point = CrossCheckCase(formulaID, values, expect: template.expectation, fast: false,
                                   simulate: engineRoute(formulaID) ?? template.simulate)
        return CrossCheck.evaluate(point)
    }

    /// Whether the closed form and the simulation agree within the route's tolerance (an
    /// expected failure of a printed erratum is a disagreement here: the formula is wrong there).
    public static func agrees(_ row: CrossCheckRow) -> Bool {
        row.outcome == .pass || row.outcome == .unexpectedPass
    }

    /// The engine rows of the table simulate fixed settings (their closures ignore the point);
    /// here the cycle is run at the user's β_c, ω_c, β_h, ω_h, the rest from the table's first setting.
    static func engineRoute(_ id: String) -> (@Sendable ([ParameterName: Double]) throws -> Simulated)? {
        let picks: [String: (String, @Sendable (EngineCycleResult) -> Double)] = [
            "mayo.engine.w1": ("W1 = work on the system in the inversion stroke", { $0.workOnSystem[0] }),
            "mayo.engine.w2": ("W2 = work on the system in the gap change ω_h → ω_c", { $0.workOnSystem[1] }),
            "mayo.engine.w4": ("W4 = work on the system in the gap change ω_c → ω_h", { $0.workOnSystem[3] }),
            "mayo.engine.w5": ("W5 = switching work extracted in the hot stroke (−work on the system)", { -$0.workOnSystem[4] }),
            "mayo.eqA2": ("Q_h = heat taken from the hot bath, −Δ⟨H_R⟩ summed over the hot stroke", { $0.heatFromHotBath }),
        ]
        guard let (what, pick) = picks[id], let base = MayoCrossChecks.engineSettings.first else { return nil }
        return { p in
            let s = MayoCrossChecks.EngineSetting(betaC: p[.beta_c] ?? base.betaC, omegaC: p[.omega_c] ?? base.omegaC,
                                                  betaH: p[.beta_h] ?? base.betaH, omegaH: p[.omega_h] ?? base.omegaH,
                                                  epsilon: base.epsilon, td: base.td, fast: false)
            let r = try MayoCrossChecks.engineResult(s)
            let t = MayoCrossChecks.text
            return Simulated(value: pick(r), tolerance: 1e-10, kind: .truncation,
                             reason: "open strokes run 40/ε² past the quench (populations relax as e^{−ε²t}: remainder e^{−40} ≈ 4e-18), limit cycle to 1e-12 in ρ; tolerance 1e-10",
                             route: "\(what); five-stroke engine (Sec. III B) limit cycle, ε = \(t(s.epsilon)), t_d = \(t(s.td)), β_c = \(t(s.betaC)), ω_c = \(t(s.omegaC)), β_h = \(t(s.betaH)), ω_h = \(t(s.omegaH))")
        }
    }

    static func route(_ id: String) throws(PointComparisonError) -> (Formula, CrossCheckCase) {
        let ids = formulaIDs
        guard let template = CrossCheck.fullTable.first(where: { $0.formulaID == id }) else {
            if (try? Catalogue.formula(id: id)) != nil { throw .noRoute(id, allowed: ids) }
            throw .unknownFormula(id, allowed: ids)
        }
        do { return (try Catalogue.formula(id: id), template) } catch {
            throw .unknownFormula(id, allowed: ids)
        }
    }
}
