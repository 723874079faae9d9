// The cross-check harness (issue 4): every closed form with a physical counterpart in the
// simulator, evaluated from the catalogue at run time (30 correctly rounded digits) and compared
// with the value the Double simulator computes from the model (Hamiltonians, interactions, baths),
// under a tolerance that carries its reason. A printed form the simulator contradicts is an
// *expected* failure pointing at its erratum; if it unexpectedly agrees, the harness fails.
import BigNumerics
import ClosedForms
import Foundation
import Simulator

/// Why a simulated value may differ from the exact closed form.
public enum ToleranceKind: String, Sendable, Codable {
    /// Floating-point round-off only (the simulated route is exact in exact arithmetic).
    case roundOff = "round-off"
    /// Finite collision time Δt: the value at Δt → 0 is extrapolated from a halving sequence whose
    /// convergence order is measured.
    case finiteStep = "finite Δt"
    /// A limit (β → 0, β → ∞, t → ∞, small ε) approached by a sequence or a truncation.
    case truncation = "truncated limit"
    /// An optimiser or root finder stopped at a tolerance.
    case optimiser = "optimiser"
}

/// What the simulator produced for one row.
public struct Simulated: Sendable {
    public var value: Double
    /// Relative tolerance.
    public var tolerance: Double
    /// Absolute tolerance used where the closed form is exactly 0: the smallest change the row
    /// claims to resolve there. A row without one cannot judge a zero closed form (an error row).
    public var absoluteTolerance: Double?
    public var kind: ToleranceKind
    /// The tolerance's reason, with its numbers (bound, measured order, remainder).
    public var reason: String
    /// The simulated route in words (model, reading, settings that the closed form does not take).
    public var route: String

    public init(value: Double, tolerance: Double, absoluteTolerance: Double? = nil, kind: ToleranceKind, reason: String, route: String) {
        self.value = value
        self.tolerance = tolerance
        self.absoluteTolerance = absoluteTolerance
        self.kind = kind
        self.reason = reason
        self.route = route
    }
}

/// What a row is expected to show.
public enum Expectation: Sendable, Equatable {
    /// The closed form must agree with the simulation.
    case agrees
    /// The printed form is contradicted (erratum id): the row must fail.
    case contradicted(erratum: String)
}

/// Errors of the harness itself (bad case definitions, simulator failures are wrapped).
public enum CrossCheckError: Error, Sendable, Equatable, CustomStringConvertible {
    case badParameter(formula: String, name: String, value: String)
    case closedFormFailed(formula: String, reason: String)
    case simulationFailed(formula: String, reason: String)
    case nonFinite(formula: String, what: String)

    public var description: String {
        switch self {
        case let .badParameter(f, n, v): return "\(f): parameter \(n) = \(v) cannot be read as a rational"
        case let .closedFormFailed(f, r): return "\(f): closed form failed: \(r)"
        case let .simulationFailed(f, r): return "\(f): simulation failed: \(r)"
        case let .nonFinite(f, w): return "\(f): \(w) is not finite"
        }
    }
}

/// One (closed form, parameter point) with its simulated counterpart.
public struct CrossCheckCase: Sendable {
    public let formulaID: String
    /// Exact parameter values as text ("1/4"), in the order shown.
    public let parameters: [(name: ParameterName, value: String)]
    public let expectation: Expectation
    /// Part of the fast subset (`qbattery crosscheck`, `swift test`) as well as the full table.
    public let fast: Bool
    /// The simulation, given the parameters as Doubles.
    let simulate: @Sendable ([ParameterName: Double]) throws -> Simulated
    /// A replacement closed-form value (tests inject a wrong value through this).
    public let injectedClosedForm: BigRational?

    public init(_ formulaID: String, _ parameters: [(ParameterName, String)], expect: Expectation = .agrees, fast: Bool = false,
                simulate: @escaping @Sendable ([ParameterName: Double]) throws -> Simulated) {
        self.formulaID = formulaID
        self.parameters = parameters.map { (name: $0.0, value: $0.1) }
        self.expectation = expect
        self.fast = fast
        self.simulate = simulate
        self.injectedClosedForm = nil
    }

    init(copy c: CrossCheckCase, injected: BigRational?) {
        formulaID = c.formulaID
        parameters = c.parameters
        expectation = c.expectation
        fast = c.fast
        simulate = c.simulate
        injectedClosedForm = injected
    }

    /// The same case with the closed-form value replaced (to prove a wrong value makes the row fail).
    public func injectingClosedForm(_ value: BigRational) -> CrossCheckCase { CrossCheckCase(copy: self, injected: value) }

    public var parameterText: String { parameters.map { "\($0.name.rawValue)=\($0.value)" }.joined(separator: " ") }
}

/// The outcome of a row.
public enum Outcome: String, Sendable, Codable {
    case pass
    /// A printed form that is known wrong failed, as it must.
    case expectedFailure = "expected failure"
    /// Disagreement where agreement was expected.
    case fail
    /// A printed form known wrong agreed: the harness (or the erratum) is wrong.
    case unexpectedPass = "unexpected pass"
    /// The closed form or the simulation threw.
    case error

    public var isFailure: Bool { self == .fail || self == .unexpectedPass || self == .error }
}

/// One printed row.
public struct CrossCheckRow: Sendable, Codable {
    public let formula: String
    public let parameters: String
    public let closedForm: String
    public let closedFormDouble: Double?
    public let closedFormInjected: Bool
    public let simulated: Double?
    public let relativeDifference: Double?
    public let differenceIsAbsolute: Bool
    public let tolerance: Double?
    public let toleranceKind: String?
    public let toleranceReason: String
    public let route: String
    public let expectation: String
    public let outcome: Outcome
    /// Tolerance / max(observed difference, `CrossCheck.differenceFloor`): how loose the row is.
    public let looseness: Double?
    /// The sensitivity proof: the closed form moved by ±`CrossCheck.sensitivityMultiple` × the
    /// tolerance, and what the row then says (it must fail).
    public let sensitivity: String
    public let seconds: Double
}

public struct CrossCheckSummary: Sendable, Codable {
    public let rows: Int
    public let passed: Int
    public let expectedFailures: Int
    public let failures: Int
    /// Largest looseness among the rows that must agree (bound: `CrossCheck.loosenessBound`).
    public let maxLooseness: Double
    public let seconds: Double
    public var ok: Bool { failures == 0 && rows > 0 }
}

public enum CrossCheck {
    /// Digits of the closed-form column.
    public static let digits = 30
    /// Every row proves it can fail: the closed form moved by this multiple of the row's tolerance
    /// (both directions) must make an agreeing row fail. A contradicted row must miss by more
    /// than this multiple (its verdict is not within the noise of its own tolerance).
    public static let sensitivityMultiple = 3.0
    /// Bound on tolerance / max(observed difference, `differenceFloor`) for the rows that agree:
    /// a tolerance may not be sized more than this far above what the row actually observes.
    public static let loosenessBound = 1e4
    /// Relative differences below this are round-off of the Double routes (10⁴ u): the looseness
    /// of a row observing less is measured against this floor.
    public static let differenceFloor = 1e-12

    /// The whole table (`--full`, `make reproduce`).
    public static var fullTable: [CrossCheckCase] { MayoCrossChecks.cases + CakmakCrossChecks.cases }
    /// The fast subset (default, `swift test`).
    public static var fastSubset: [CrossCheckCase] { fullTable.filter(\.fast) }

    /// Evaluates one row (never throws: failures become `.error` rows naming the reason).
    public static func evaluate(_ c: CrossCheckCase) -> CrossCheckRow {
        let start = Date()
        let expectationText: String
        switch c.expectation {
        case .agrees: expectationText = "agrees"
        case let .contradicted(id): expectationText = "printed form contradicted → erratum \(id)"
        }
        func errorRow(_ reason: String, closedForm: String = "", double: Double? = nil) -> CrossCheckRow {
            CrossCheckRow(formula: c.formulaID, parameters: c.parameterText, closedForm: closedForm, closedFormDouble: double,
                          closedFormInjected: c.injectedClosedForm != nil, simulated: nil, relativeDifference: nil,
                          differenceIsAbsolute: false, tolerance: nil, toleranceKind: nil, toleranceReason: reason, route: "",
                          expectation: expectationText, outcome: .error, looseness: nil, sensitivity: "", seconds: Date().timeIntervalSince(start))
        }
        // Parameters, exact and as Doubles.
        var exact: [String: BigRational] = [:]
        var doubles: [ParameterName: Double] = [:]
        for p in c.parameters {
            guard let q = try? BigRational(parsing: p.value) else {
                return errorRow(CrossCheckError.badParameter(formula: c.formulaID, name: p.name.rawValue, value: p.value).description)
            }
            exact[p.name.rawValue] = q
            doubles[p.name] = q.doubleValue
        }
        // Closed form at high precision, from the catalogue.
        let closedText: String
        let closed: Double
        do {
            if let injected = c.injectedClosedForm {
                closedText = try injected.formatted(significantDigits: digits)
            } else {
                let formula = try Catalogue.formula(id: c.formulaID)
                closedText = try formula.evaluate(exact, digits: digits).value
            }
            guard let x = Double(closedText), x.isFinite else {
                return errorRow(CrossCheckError.nonFinite(formula: c.formulaID, what: "closed form \(closedText)").description)
            }
            closed = x
        } catch {
            return errorRow(CrossCheckError.closedFormFailed(formula: c.formulaID, reason: "\(error)").description)
        }
        // Simulation.
        let sim: Simulated
        do {
            sim = try c.simulate(doubles)
        } catch {
            return errorRow(CrossCheckError.simulationFailed(formula: c.formulaID, reason: "\(error)").description,
                            closedForm: closedText, double: closed)
        }
        guard sim.value.isFinite, sim.tolerance.isFinite else {
            return errorRow(CrossCheckError.nonFinite(formula: c.formulaID, what: "simulated value \(sim.value) ± \(sim.tolerance)").description,
                            closedForm: closedText, double: closed)
        }
        let absolute = closed == 0
        let tolerance: Double
        if absolute {
            guard let a = sim.absoluteTolerance, a.isFinite, a > 0 else {
                return errorRow("the closed form is exactly 0 and the row states no absolute resolution (absoluteTolerance): it cannot fail", closedForm: closedText, double: closed)
            }
            tolerance = a
        } else {
            tolerance = sim.tolerance
        }
        let judged = judge(closed: closed, simulated: sim.value, tolerance: tolerance, absolute: absolute, expectation: c.expectation)
        var outcome = judged.outcome
        var reason = sim.reason
        if let problem = judged.problem {
            outcome = .error
            reason += " — ERROR: " + problem
        }
        return CrossCheckRow(formula: c.formulaID, parameters: c.parameterText, closedForm: closedText, closedFormDouble: closed,
                             closedFormInjected: c.injectedClosedForm != nil, simulated: sim.value, relativeDifference: judged.difference,
                             differenceIsAbsolute: absolute, tolerance: tolerance, toleranceKind: sim.kind.rawValue,
                             toleranceReason: reason, route: sim.route, expectation: expectationText, outcome: outcome,
                             looseness: judged.looseness, sensitivity: judged.sensitivity, seconds: Date().timeIntervalSince(start))
    }

    /// The verdict of one comparison, with the row's proof of sensitivity and its looseness.
    struct Judgement {
        let difference: Double
        let outcome: Outcome
        let looseness: Double
        let sensitivity: String
        /// Why the row is an error although the comparison itself went as expected.
        let problem: String?
    }

    static func difference(closed: Double, simulated: Double, absolute: Bool) -> Double {
        absolute ? Swift.abs(simulated - closed) : Swift.abs(simulated - closed) / Swift.abs(closed)
    }

    /// Compares, then moves the closed form by ±k·tolerance (k = `sensitivityMultiple`; by ±k·the
    /// absolute resolution where it is 0) and requires each moved value to fail; checks the looseness.
    static func judge(closed: Double, simulated: Double, tolerance: Double, absolute: Bool, expectation: Expectation) -> Judgement {
        let diff = difference(closed: closed, simulated: simulated, absolute: absolute)
        let agrees = diff <= tolerance
        let outcome: Outcome
        switch (expectation, agrees) {
        case (.agrees, true): outcome = .pass
        case (.agrees, false): outcome = .fail
        case (.contradicted, false): outcome = .expectedFailure
        case (.contradicted, true): outcome = .unexpectedPass
        }
        let k = sensitivityMultiple
        let step = absolute ? k * tolerance : k * tolerance * Swift.abs(closed)
        let moved = [closed + step, closed - step]
        // A moved value that is itself 0 is judged absolutely, as a zero closed form would be.
        let movedAgree = moved.map { m in m != 0 && difference(closed: m, simulated: simulated, absolute: false) <= tolerance
                                          || m == 0 && Swift.abs(simulated) <= tolerance }
        let looseness = tolerance / Swift.max(diff, differenceFloor)
        var problem: String? = nil
        let sensitivity: String
        switch expectation {
        case .agrees:
            sensitivity = "closed form ± \(k)×tol (\(absolute ? "absolute" : "relative") \(String(format: "%.3g", tolerance))): "
                + (movedAgree.contains(true) ? "still agrees — the row cannot fail" : "fails in both directions")
            if outcome != .pass {
                problem = nil
            } else if movedAgree.contains(true) {
                problem = "the row cannot fail: a closed form moved by \(k)× its tolerance still agrees"
            } else if looseness > loosenessBound {
                problem = String(format: "tolerance %.3g is %.3g× the observed difference %.3g (bound %.0e): size it from a tighter error estimate", tolerance, looseness, diff, loosenessBound)
            }
        case .contradicted:
            let margin = diff / Swift.max(tolerance, Double.leastNormalMagnitude)
            sensitivity = String(format: "misses by %.3g× its tolerance (needs > %g×)", margin, k)
            if outcome == .expectedFailure && margin <= k { problem = String(format: "the contradiction is within %g× the tolerance: not decided", k) }
        }
        return Judgement(difference: diff, outcome: outcome, looseness: looseness, sensitivity: sensitivity, problem: problem)
    }

    /// Runs the rows concurrently, at most `width` at a time, and returns them in input order.
    public static func run(_ cases: [CrossCheckCase], width: Int = 2) async -> [CrossCheckRow] {
        let w = Swift.max(1, width)
        var rows = [CrossCheckRow?](repeating: nil, count: cases.count)
        await withTaskGroup(of: (Int, CrossCheckRow).self) { group in
            var next = 0
            while next < cases.count && next < w {
                let i = next, c = cases[i]
                group.addTask { (i, evaluate(c)) }
                next += 1
            }
            while let (i, row) = await group.next() {
                rows[i] = row
                if next < cases.count {
                    let j = next, c = cases[j]
                    group.addTask { (j, evaluate(c)) }
                    next += 1
                }
            }
        }
        return rows.compactMap { $0 }
    }

    /// The rows one after another (tests, debugging).
    public static func evaluateSerially(_ cases: [CrossCheckCase]) -> [CrossCheckRow] { cases.map(evaluate) }

    public static func summary(_ rows: [CrossCheckRow], seconds: Double) -> CrossCheckSummary {
        CrossCheckSummary(rows: rows.count, passed: rows.filter { $0.outcome == .pass }.count,
                          expectedFailures: rows.filter { $0.outcome == .expectedFailure }.count,
                          failures: rows.filter { $0.outcome.isFailure }.count,
                          maxLooseness: rows.filter { $0.expectation == "agrees" }.compactMap(\.looseness).max() ?? 0, seconds: seconds)
    }

    /// JSON document: {"summary": …, "rows": […]}.
    public static func json(_ rows: [CrossCheckRow], summary: CrossCheckSummary, claims: [ClaimCheck] = []) throws -> String {
        struct Document: Codable { let summary: CrossCheckSummary; let rows: [CrossCheckRow]; let claims: [ClaimCheck] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(Document(summary: summary, rows: rows, claims: claims))
        return String(decoding: data, as: UTF8.self)
    }

    /// Text of the claims without closed forms.
    public static func text(_ claims: [ClaimCheck]) -> String {
        var out = ["printed statements without a closed form, decided by the simulator:"]
        for c in claims {
            let verdict = c.holds ? "holds" : "contradicted"
            out.append("\(c.ok ? (c.holds ? "PASS " : "XFAIL") : "FAIL ")  \(c.id): \(verdict) (recorded: \(c.expectedToHold ? "holds" : "contradicted"))" + String(format: " (%.2f s)", c.seconds))
            out.append("    \(c.statement)")
            out.append("    \(c.evidence)")
        }
        return out.joined(separator: "\n")
    }

    /// Text table: one block of lines per row.
    public static func text(_ rows: [CrossCheckRow], summary: CrossCheckSummary) -> String {
        func e(_ x: Double?) -> String { x.map { String(format: "%.17g", $0) } ?? "-" }
        func s(_ x: Double?) -> String { x.map { String(format: "%.2e", $0) } ?? "-" }
        var out: [String] = []
        for r in rows {
            let mark: String
            switch r.outcome {
            case .pass: mark = "PASS"
            case .expectedFailure: mark = "XFAIL"
            case .fail: mark = "FAIL"
            case .unexpectedPass: mark = "UNEXPECTED PASS"
            case .error: mark = "ERROR"
            }
            out.append("\(mark)  \(r.formula)  \(r.parameters)" + (r.expectation == "agrees" ? "" : "  [\(r.expectation)]"))
            out.append("    closed form \(r.closedForm)\(r.closedFormInjected ? " (INJECTED)" : "")  (Double \(e(r.closedFormDouble)))")
            out.append("    simulated   \(e(r.simulated))  \(r.differenceIsAbsolute ? "abs" : "rel") diff \(s(r.relativeDifference))  tol \(s(r.tolerance)) [\(r.toleranceKind ?? "-")]")
            out.append("    tolerance: \(r.toleranceReason)")
            out.append("    sensitivity: \(r.sensitivity)" + (r.looseness.map { String(format: "; looseness tol/max(diff, %.0e) = %.3g", differenceFloor, $0) } ?? ""))
            if !r.route.isEmpty { out.append("    route: \(r.route)") }
        }
        var counts: [String: (Int, Int, Int)] = [:]
        var order: [String] = []
        for r in rows {
            if counts[r.formula] == nil { order.append(r.formula); counts[r.formula] = (0, 0, 0) }
            var c = counts[r.formula] ?? (0, 0, 0)
            c.0 += 1
            if r.outcome == .pass { c.1 += 1 }
            if r.outcome == .expectedFailure { c.2 += 1 }
            counts[r.formula] = c
        }
        out.append("")
        out.append("rows per formula (rows / pass / expected failure):")
        for f in order { if let c = counts[f] { out.append("  \(f): \(c.0) / \(c.1) / \(c.2)") } }
        out.append(String(format: "%d rows: %d pass, %d expected failures, %d failures (%.1f s); largest looseness %.3g (bound %.0e)",
                          summary.rows, summary.passed, summary.expectedFailures, summary.failures, summary.seconds,
                          summary.maxLooseness, loosenessBound))
        return out.joined(separator: "\n")
    }
}
