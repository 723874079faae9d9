import BigNumerics
import Foundation
import RealModule

/// Seeded generator (SplitMix64), so every run checks the same points.
struct ProofPointGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A variable's domain from the `assume` lines (or an atom's range).
struct VariableRange {
    var lower: BigRational?
    var lowerOpen: Bool
    var upper: BigRational?
    var upperOpen: Bool
}

/// Checks every step of a proof file with the strongest method that applies.
public struct ProofChecker: Sendable {
    /// Precision of the random-point and limit evaluations (bits); 1100 bits ≈ 331 digits.
    public var floatBits = 1100
    /// Digits of agreement a numerical identity needs.
    public var requiredDigits = 200
    /// Random points per integer-parameter value (exact and high-precision methods).
    public var pointsPerCase = 3
    /// Interval boxes allowed per integer-parameter value before a step is "undecided".
    public var maxBoxes = 40_000
    /// What one step may expand before it is rejected with an error.
    var limits = ExpansionLimits()
    /// Memory an exact model computation (kernel, steady state, dense generator) may need, as
    /// estimated by `Derivations` before it starts; beyond it a step is an error naming N.
    /// 2·10⁸ bytes admits Çakmak's collective model up to N = 5.
    public var modelMemoryLimit = 2e8
    /// Size of the sample set S for Schwartz–Zippel (points i/M of the domain, M = 2^40).
    static let sampleBits = 40

    public init() {}

    /// Parses and checks a file. Parse errors are thrown; everything else is in the report.
    public func check(text: String, path: String) throws(ProofError) -> FileReport {
        let file = try ProofParser.parse(text: text, path: path)
        return check(file)
    }

    public func check(_ file: ProofFile) -> FileReport {
        var steps: [StepReport] = []
        // Models, kernels and steady states are computed once per file.
        let models = ModelSession(memoryLimit: modelMemoryLimit)
        for d in file.derivations { steps += check(d, path: file.path, models: models) }
        return FileReport(path: file.path, steps: steps)
    }

    func check(_ d: Derivation, path: String, models: ModelSession) -> [StepReport] {
        var reports: [StepReport] = []
        let context: DerivationContext
        do { context = try DerivationContext(d, models: models) } catch {
            return [StepReport(file: path, line: error.location.line, derivation: d.name, relation: .equal,
                               method: .none, outcome: .error, detail: error.description, seconds: 0)]
        }
        for claim in d.claims {
            var previous: Expr
            do { previous = try context.expand(claim.start) } catch {
                reports.append(StepReport(file: path, line: claim.location.line, derivation: d.name, relation: .equal,
                                          method: .none, outcome: .error, detail: error.description, seconds: 0))
                continue
            }
            for step in claim.steps {
                let start = Date()
                var method = ProofMethod.none
                var holds = false
                var detail = ""
                var isError = false
                do {
                    let rhs = try context.expand(step.expression)
                    let verdict = try StepCheck(checker: self, context: context, step: step, lhs: previous, rhs: rhs).run()
                    (method, holds, detail) = (verdict.method, verdict.holds, verdict.detail)
                    if !step.expectedFailure { previous = rhs }
                } catch let EvalIssue.semantic(e) {
                    isError = true; detail = e.description
                } catch let e as ProofError {
                    isError = true; detail = e.description
                } catch {
                    isError = true; detail = "\(error)"
                }
                let outcome: StepOutcome
                if isError { outcome = .error }
                else if step.expectedFailure { outcome = holds ? .unexpectedPass : .expectedFailure }
                else { outcome = holds ? .passed : .failed }
                reports.append(StepReport(file: path, line: step.location.line, derivation: d.name, relation: step.relation,
                                          method: method, outcome: outcome, detail: detail,
                                          seconds: Date().timeIntervalSince(start)))
            }
        }
        return reports
    }
}

/// The derivation with `let`s ready for expansion and domains collected.
struct DerivationContext {
    let definitions: [String: Definition]
    let atoms: [ResolvedAtom]
    let domains: [String: VariableRange]
    /// Integer parameters in declaration order with their bounds (possibly using earlier ones).
    let integerRanges: [(name: String, lower: Expr, upper: Expr?)]
    let atomLocations: [String: SourceLocation]
    /// The file's cache of exact model computations.
    let models: ModelSession

    /// Identifies the derivation in the session's cache (its atoms and domains are its own).
    let scope: String

    init(_ d: Derivation, models: ModelSession) throws(ProofError) {
        self.models = models
        scope = "\(d.location)"
        var defs: [String: Definition] = [:]
        for def in d.definitions { defs[def.name] = def }
        definitions = defs
        var domains: [String: VariableRange] = [:]
        var ranges: [(name: String, lower: Expr, upper: Expr?)] = []
        for a in d.assumptions {
            if a.isInteger, let (lo, hi) = a.integerBounds {
                ranges.removeAll { $0.name == a.variable }
                ranges.append((a.variable, lo, hi))
                continue
            }
            var dom = domains[a.variable] ?? VariableRange(lower: nil, lowerOpen: true, upper: nil, upperOpen: true)
            if let lo = a.lower { dom.lower = lo; dom.lowerOpen = a.lowerStrict }
            if let hi = a.upper { dom.upper = hi; dom.upperOpen = a.upperStrict }
            if let lo = dom.lower, let hi = dom.upper, lo > hi || (lo == hi && (dom.lowerOpen || dom.upperOpen)) {
                throw ProofError(.semantic, a.location, "the domain of \(a.variable) is empty")
            }
            domains[a.variable] = dom
        }
        self.domains = domains
        integerRanges = ranges
        try DerivationContext.checkRangeSizes(ranges)
        var atoms: [ResolvedAtom] = []
        var locations: [String: SourceLocation] = [:]
        // Atoms are expanded with the definitions known so far.
        let partial = DerivationContextExpander(definitions: defs)
        for a in d.atoms {
            atoms.append(ResolvedAtom(name: a.name, exponent: try partial.expand(a.exponent, depth: 0)))
            locations[a.name] = a.location
        }
        self.atoms = atoms
        atomLocations = locations
    }

    func expand(_ e: Expr) throws(ProofError) -> Expr {
        try DerivationContextExpander(definitions: definitions).expand(e, depth: 0)
    }

    /// Refuses integer ranges too large to enumerate (`ProofLimits`), before any step runs:
    /// every combination of values is visited the way the steps visit them, stopping at the limit.
    /// An unbounded range (`N in 1...`) is never enumerated whole (the every-N methods take it); the
    /// ranges whose bounds depend on it are skipped like any other unevaluable bound.
    static func checkRangeSizes(_ ranges: [(name: String, lower: Expr, upper: Expr?)]) throws(ProofError) {
        var cases: [[String: Int]] = [[:]]
        for r in ranges {
            guard let upper = r.upper else { continue }
            var next: [[String: Int]] = []
            var evaluable = true
            for c in cases {
                // Bounds that are not integer expressions of earlier parameters are reported by the
                // step that uses them; the ranges after this one are still checked.
                guard let lo = try? IntegerEvaluator.value(r.lower, c), let hi = try? IntegerEvaluator.value(upper, c) else {
                    evaluable = false
                    break
                }
                guard lo <= hi else { continue }
                let (span, overflow) = hi.subtractingReportingOverflow(lo)
                guard !overflow, span < ProofLimits.maxIntegerRangeValues else {
                    let count = overflow || span == Int.max ? "more than \(Int.max)" : "\(span + 1)"
                    let at = c.isEmpty ? "" : " at " + c.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                    throw ProofError(.semantic, r.lower.location,
                                     "the range \(r.name) in \(r.lower)...\(upper) has \(count) values\(at) (allowed: at most \(ProofLimits.maxIntegerRangeValues) values per integer parameter)")
                }
                guard next.count + span + 1 <= ProofLimits.maxIntegerCases else {
                    throw ProofError(.semantic, r.lower.location,
                                     "the integer parameters up to \(r.name) have more than \(ProofLimits.maxIntegerCases) combinations (allowed: at most \(ProofLimits.maxIntegerCases))")
                }
                for v in lo...hi { next.append(c.merging([r.name: v]) { $1 }) }
            }
            if evaluable { cases = next }
        }
    }
}

/// Macro expansion of `let` names and functions.
struct DerivationContextExpander {
    let definitions: [String: Definition]

    func expand(_ e: Expr, depth: Int) throws(ProofError) -> Expr {
        var budget = ProofLimits.maxExpandedNodes
        return try expand(e, depth: depth, level: 1, budget: &budget)
    }

    /// `level` is the depth of the node being built, `budget` the nodes still allowed
    /// (`ProofLimits`): definitions that use each other twice per level grow exponentially.
    func expand(_ e: Expr, depth: Int, level: Int, budget: inout Int) throws(ProofError) -> Expr {
        guard depth < 64 else { throw ProofError(.semantic, e.location, "definitions nest too deeply (a cycle?)") }
        budget -= 1
        guard budget >= 0, level <= ProofLimits.maxExpressionHeight else {
            throw ProofError(.semantic, e.location, "expression too large after expanding definitions: more than \(budget < 0 ? "\(ProofLimits.maxExpandedNodes) nodes" : "\(ProofLimits.maxExpressionHeight) levels") (allowed: at most \(ProofLimits.maxExpandedNodes) nodes and \(ProofLimits.maxExpressionHeight) levels)")
        }
        switch e.kind {
        case .number, .pi: return e
        case let .name(n):
            guard let def = definitions[n] else { return e }
            guard def.parameters.isEmpty else {
                throw ProofError(.semantic, e.location, "\(n) takes \(def.parameters.count) argument(s): \(n)(\(def.parameters.joined(separator: ", ")))")
            }
            return try expand(def.body, depth: depth + 1, level: level, budget: &budget)
        case let .negate(a): return Expr(.negate(try expand(a, depth: depth, level: level + 1, budget: &budget)), at: e.location)
        case let .binary(op, a, b): return Expr(.binary(op, try expand(a, depth: depth, level: level + 1, budget: &budget), try expand(b, depth: depth, level: level + 1, budget: &budget)), at: e.location)
        case let .call(name, args):
            var expanded: [Expr] = []
            for a in args { expanded.append(try expand(a, depth: depth, level: level + 1, budget: &budget)) }
            if let def = definitions[name] {
                guard def.parameters.count == args.count else {
                    throw ProofError(.semantic, e.location, "\(name) takes \(def.parameters.count) argument(s), given \(args.count)")
                }
                let body = def.body.substituting(Dictionary(uniqueKeysWithValues: zip(def.parameters, expanded)))
                // Names of the body other than the parameters are expanded after substitution.
                return try expand(body, depth: depth + 1, level: level, budget: &budget)
            }
            return Expr(.call(name, expanded), at: e.location)
        case let .sum(k, from, to, body):
            return Expr(.sum(index: k, from: try expand(from, depth: depth, level: level + 1, budget: &budget), to: try expand(to, depth: depth, level: level + 1, budget: &budget),
                             body: try expand(body, depth: depth, level: level + 1, budget: &budget)), at: e.location)
        }
    }
}

/// Names occurring free in an expression (summation indices excluded).
func freeNames(_ e: Expr, bound: Set<String> = []) -> Set<String> {
    switch e.kind {
    case .number, .pi: return []
    case let .name(n): return bound.contains(n) ? [] : [n]
    case let .negate(a): return freeNames(a, bound: bound)
    case let .binary(_, a, b): return freeNames(a, bound: bound).union(freeNames(b, bound: bound))
    case let .call(f, args):
        // matrix(i, j, n, ENTRY) and multiset(k, a, b, VALUE, MULT) bind their indices.
        if f == "matrix", args.count == 4, case let .name(i) = args[0].kind, case let .name(j) = args[1].kind {
            return freeNames(args[2], bound: bound).union(freeNames(args[3], bound: bound.union([i, j])))
        }
        if f == "multiset", args.count == 5, case let .name(k) = args[0].kind {
            return freeNames(args[1], bound: bound).union(freeNames(args[2], bound: bound))
                .union(freeNames(args[3], bound: bound.union([k]))).union(freeNames(args[4], bound: bound.union([k])))
        }
        // steadystate(MODEL, ground): the initial-state keywords are not variables.
        if f == "steadystate", args.count == 2, case let .name(n) = args[1].kind, ModelSyntax.initialKeywords.contains(n) {
            return freeNames(args[0], bound: bound)
        }
        return args.reduce(into: Set<String>()) { $0.formUnion(freeNames($1, bound: bound)) }
    case let .sum(k, a, b, body):
        return freeNames(a, bound: bound).union(freeNames(b, bound: bound)).union(freeNames(body, bound: bound.union([k])))
    }
}

/// Formats a number for reports.
func show(_ x: BigFloat, digits: Int = 25) -> String { (try? x.formatted(significantDigits: digits)) ?? x.description }
func show(_ q: BigRational) -> String {
    let text = q.description
    if text.count <= 40 { return text }
    return "≈" + ((try? q.formatted(significantDigits: 25)) ?? text)
}
func show(_ i: BigInterval) -> String { "[\(show(i.lower, digits: 12)), \(show(i.upper, digits: 12))]" }
