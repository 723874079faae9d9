import BigNumerics
import Foundation
import RealModule
import Summation

/// The field of the every-N method: rational functions of the symbols, N, k and the atoms.
typealias Symbolic = MultivariateRationalFunction

/// Limits on what one step may expand (a clear error instead of minutes of work).
struct ExpansionLimits {
    /// Terms of a numerator or denominator.
    var maxTerms = 20_000
    /// |n| of a constant integer power.
    var maxPower = 4_096
}

/// Evaluates an expanded expression with the integer parameters symbolic: powers with integer
/// exponents in N, k become atoms bᴺ, bᵏ; binomials become factorial atoms; sums are summed in
/// closed form by certified Gosper/Zeilberger steps (recorded in `steps`).
final class SymbolicEvaluator {
    let table: AtomTable<Symbolic>
    let atoms: [ResolvedAtom]
    /// Integer variables and the lower ends of their ranges (n0 of the recurrences).
    let lowerEnds: [String: Int]
    let limits: ExpansionLimits
    var steps: [String] = []

    init(integerVariables: Set<String>, lowerEnds: [String: Int], atoms: [ResolvedAtom], limits: ExpansionLimits) {
        table = AtomTable(integerVariables: integerVariables)
        self.lowerEnds = lowerEnds
        self.atoms = atoms
        self.limits = limits
    }

    func semantic(_ e: Expr, _ message: String) -> EvalIssue { .semantic(ProofError(.semantic, e.location, message)) }

    func checked(_ x: Symbolic, _ e: Expr) throws -> Symbolic {
        if x.numerator.termCount > limits.maxTerms || x.denominator.termCount > limits.maxTerms {
            throw semantic(e, "the expansion of \(e) exceeds \(limits.maxTerms) terms (the per-step size limit)")
        }
        return x
    }

    /// An integer-valued expression as an integer form in the integer variables.
    func linearForm(_ e: Expr) throws -> LinearForm {
        switch e.kind {
        case let .number(q):
            guard q.isInteger, let n = q.numerator.asInt else { throw EvalIssue.notApplicable("\(e) is not an integer") }
            return .constant(n)
        case let .name(n):
            guard table.integerVariables.contains(n) else { throw EvalIssue.notApplicable("\(n) is not an integer variable") }
            return .variable(n)
        case let .negate(a): return -(try linearForm(a))
        case let .binary(op, a, b):
            switch op {
            case "+": return try linearForm(a) + linearForm(b)
            case "-": return try linearForm(a) - linearForm(b)
            case "*":
                let x = try linearForm(a), y = try linearForm(b)
                if x.isConstant { return x.constant * y }
                if y.isConstant { return y.constant * x }
                throw EvalIssue.notApplicable("\(e) is not linear in the integer variables")
            default: throw EvalIssue.notApplicable("\(e) is not an integer form")
            }
        default: throw EvalIssue.notApplicable("\(e) is not an integer form")
        }
    }

    func evaluate(_ e: Expr) throws -> Symbolic {
        switch e.kind {
        case let .number(q): return Symbolic(q)
        case .pi: throw EvalIssue.notApplicable("pi is transcendental")
        case let .name(n): return Symbolic.symbol(n)
        case let .negate(a): return Symbolic.zero - (try evaluate(a))
        case let .binary(op, a, b):
            if op == "^" {
                if let n = try? IntegerEvaluator.value(b, [:]) {
                    guard abs(n) <= limits.maxPower else { throw semantic(e, "the power \(n) exceeds the per-step limit \(limits.maxPower)") }
                    let base = try evaluate(a)
                    if n < 0 && base.isZero { throw EvalIssue.invalid("0 to a negative power") }
                    return try checked(base.power(n), e)
                }
                let exponent = try linearForm(b)
                let base = try evaluate(a)
                do { return try checked(try table.power(base, exponent), e) } catch let s as SummationError { throw EvalIssue.notApplicable(s.description) }
            }
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case "+": return try checked(x + y, e)
            case "-": return try checked(x - y, e)
            case "*": return try checked(x * y, e)
            default:
                guard !y.isZero else { throw EvalIssue.invalid("division by an identically zero expression") }
                return try checked(x / y, e)
            }
        case let .call(name, args):
            if name.hasPrefix(formulaPrefix) {
                throw EvalIssue.notApplicable("formula(\(name.dropFirst(formulaPrefix.count))) runs its generic implementation with concrete integer parameters (the every-N method needs them symbolic)")
            }
            if name == "binomial" {
                guard args.count == 2 else { throw semantic(e, "binomial takes two arguments: binomial(n, k)") }
                do { return try table.binomial(linearForm(args[0]), linearForm(args[1])) } catch let s as SummationError { throw EvalIssue.notApplicable(s.description) }
            }
            guard let f = Elementary(rawValue: name) else {
                throw semantic(e, "unknown function '\(name)' (elementary: \(Elementary.allCases.map(\.rawValue).joined(separator: " ")), binomial, sum, or a 'let' with parameters)")
            }
            guard args.count == 1 else { throw semantic(e, "\(name) takes one argument") }
            guard [.exp, .cosh, .sinh, .tanh].contains(f), let (atom, m) = try matchAtom(args[0]) else {
                throw EvalIssue.notApplicable("\(name) is transcendental (name an atom to make it rational)")
            }
            let y = Symbolic.symbol(atom)
            func yPower(_ form: LinearForm) throws -> Symbolic {
                do { return try table.power(y, form) } catch { throw EvalIssue.notApplicable(error.description) }
            }
            let one = Symbolic(BigRational(1)), two = Symbolic(BigRational(2))
            switch f {
            case .exp: return try yPower(m)
            case .cosh: return (try yPower(m) + (try yPower(-m))) / two
            case .sinh: return (try yPower(m) - (try yPower(-m))) / two
            default:
                let y2 = try yPower(2 * m)
                return (y2 - one) / (y2 + one)
            }
        case let .sum(k, from, to, body):
            let a = try linearForm(from), b = try linearForm(to)
            let inner = try evaluate(body)
            let outerCandidates = a.variables.union(b.variables).union(Set(inner.variables).intersection(table.integerVariables)).subtracting([k])
            let outer = outerCandidates.count == 1 ? outerCandidates.first : nil
            if outerCandidates.count > 1 {
                throw EvalIssue.notApplicable("the sum over \(k) depends on several integer variables (\(outerCandidates.sorted().joined(separator: ", "))); the certificate method takes one")
            }
            let n0 = outer.flatMap { lowerEnds[$0] } ?? 0
            do {
                let (value, summed) = try SymbolicSum.closedForm(inner, index: k, lower: a, upper: b, outer: outer, from: n0, table: table)
                steps.append("Σ_{\(k)=\(a)}^{\(b)}: " + summed.map(\.description).joined(separator: " + "))
                return try checked(value, e)
            } catch let s as SummationError {
                throw EvalIssue.notApplicable(s.description)
            }
        }
    }

    /// (atom, m) when the argument is m·g for a file atom y = e^g and an integer form m.
    func matchAtom(_ argument: Expr) throws -> (String, LinearForm)? {
        guard let p = SparsePolynomial.of(argument, [:]) else { return nil }
        if p.isZero, let atom = atoms.first { return (atom.name, .constant(0)) }
        for atom in atoms {
            guard let g = SparsePolynomial.of(atom.exponent, [:]), g.terms.count == 1, let (gKey, gCoefficient) = g.terms.first else { continue }
            let gMonomial = SparsePolynomial.decode(gKey)
            var form = LinearForm()
            var ok = true
            for (key, c) in p.terms {
                var m = SparsePolynomial.decode(key)
                for (v, e) in gMonomial { m[v, default: 0] -= e; if m[v] == 0 { m[v] = nil } }
                let ratio = c / gCoefficient
                guard ratio.isInteger, let r = ratio.numerator.asInt, m.values.allSatisfy({ $0 == 1 }), m.count <= 1,
                      m.keys.allSatisfy({ table.integerVariables.contains($0) }) else { ok = false; break }
                if let v = m.keys.first { form = form + LinearForm([v: r]) } else { form = form + .constant(r) }
            }
            if ok { return (atom.name, form) }
        }
        return nil
    }
}

extension StepCheck {
    /// Integer variables of the step with an unbounded range, directly or through the ranges
    /// that use them (k in 0...N with N in 1...).
    func unboundedVariables() -> Set<String> {
        var names = freeNames(lhs).union(freeNames(rhs))
        for a in context.atoms where names.contains(a.name) { names.formUnion(freeNames(a.exponent)) }
        for r in context.integerRanges.reversed() where names.contains(r.name) {
            names.formUnion(freeNames(r.lower))
            if let u = r.upper { names.formUnion(freeNames(u)) }
        }
        let unbounded = Set(context.integerRanges.filter { $0.upper == nil }.map(\.name))
        guard !names.isDisjoint(with: unbounded) else { return [] }
        return Set(context.integerRanges.map(\.name)).intersection(names)
    }

    /// Lower ends of the integer ranges, taking the least value over earlier parameters' ranges.
    func lowerEnds() -> [String: Int] {
        var ends: [String: Int] = [:]
        for r in context.integerRanges {
            if let v = try? IntegerEvaluator.value(r.lower, ends) { ends[r.name] = v }
        }
        return ends
    }

    func symbolicEvaluator() -> SymbolicEvaluator {
        var integers = Set(context.integerRanges.map(\.name))
        func indices(_ e: Expr) {
            switch e.kind {
            case let .sum(k, a, b, body): integers.insert(k); indices(a); indices(b); indices(body)
            case let .negate(a): indices(a)
            case let .binary(_, a, b): indices(a); indices(b)
            case let .call(_, args): args.forEach(indices)
            default: break
            }
        }
        indices(lhs)
        indices(rhs)
        return SymbolicEvaluator(integerVariables: integers, lowerEnds: lowerEnds(), atoms: context.atoms, limits: checker.limits)
    }

    /// Every free name must have a domain, an integer range or be an atom.
    func requireDomains(_ names: Set<String>) throws {
        for n in names.sorted() where context.domains[n] == nil && !context.integerRanges.contains(where: { $0.name == n }) && !atomNames.contains(n) {
            throw EvalIssue.semantic(ProofError(.semantic, step.location, "\(n) has no domain: add an 'assume' line for it (e.g. assume \(n) > 0)"))
        }
    }

    func rangeText(_ names: Set<String>) -> String {
        let ends = lowerEnds()
        return context.integerRanges.filter { names.contains($0.name) }.map { r in
            r.upper == nil ? "every \(r.name) ≥ \(ends[r.name].map(String.init) ?? "\(r.lower)")" : "\(r.name) in \(r.lower)...\(r.upper!)"
        }.joined(separator: ", ")
    }

    /// The every-N route: the step with its integer parameters symbolic.
    func everyN(_ unbounded: Set<String>) throws -> Verdict {
        var names = freeNames(lhs).union(freeNames(rhs))
        names.subtract(unbounded)
        try requireDomains(names)
        do {
            switch step.relation {
            case .equal: return try everyNEquality(unbounded)
            case .limit: return try everyNLimit(unbounded)
            case .lessOrEqual: return try everyNInequality(lhs, rhs, strict: false, unbounded)
            case .less: return try everyNInequality(lhs, rhs, strict: true, unbounded)
            case .greaterOrEqual: return try everyNInequality(rhs, lhs, strict: false, unbounded)
            case .greater: return try everyNInequality(rhs, lhs, strict: true, unbounded)
            }
        } catch let EvalIssue.notApplicable(reason) {
            throw EvalIssue.semantic(ProofError(.semantic, step.location,
                "\(rangeText(unbounded)) is unbounded and the certificate method cannot handle this step: \(reason); a bounded range (e.g. assume N in 1...64) is checked by enumeration"))
        }
    }

    func everyNEquality(_ unbounded: Set<String>) throws -> Verdict {
        let ev = symbolicEvaluator()
        let l = try ev.evaluate(lhs), r = try ev.evaluate(rhs)
        let how = ev.steps.isEmpty ? "rational identity in N and the atoms \(atomList(ev, l))" : ev.steps.joined(separator: "; ")
        if l == r {
            return Verdict(method: .certificate, holds: true, detail: "\(rangeText(unbounded)): \(how)")
        }
        // Not an identity of independent atoms: look for a concrete counterexample at the first values.
        let concrete = try StepCheck(checker: checker, context: context, step: step, lhs: lhs, rhs: rhs, firstValues: 4).equality()
        let difference = "\(l - r)"
        let shown = difference.count > 160 ? String(difference.prefix(160)) + "…" : difference
        return Verdict(method: .certificate, holds: false,
                      detail: concrete.holds ? "not proven for \(rangeText(unbounded)): the sides differ as functions of independent atoms (left − right = \(shown)) although they agree at the first four values"
                                             : "false: \(concrete.detail)")
    }

    func atomList(_ ev: SymbolicEvaluator, _ x: Symbolic) -> String {
        let used = x.variables.compactMap { ev.table.readable[$0] }
        return used.isEmpty ? "(none)" : used.joined(separator: ", ")
    }
}
