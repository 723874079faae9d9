import BigNumerics
import Foundation
import RealModule
import Summation

extension StepCheck {
    // MARK: Limits for every N

    /// lim of the left side as one variable tends to a point, N symbolic: the atoms whose base
    /// depends on that variable tend to b₀ᴺ (0 when b₀ = 0 and N ≥ 1, 1 when b₀ = 1); where the
    /// denominator tends to 0 too, l'Hôpital's rule with d/dv bᴺ = N·b'/b·bᴺ (at most six times).
    /// The denominator's limit must be non-zero for every integer N of the range.
    func everyNLimit(_ unbounded: Set<String>) throws -> Verdict {
        guard let v = step.limitVariable, let p = step.limitPoint else {
            throw EvalIssue.semantic(ProofError(.semantic, step.location, "a limit step needs 'as VAR -> POINT'"))
        }
        let ev = symbolicEvaluator()
        let f = try ev.evaluate(lhs), target = try ev.evaluate(rhs)
        var coordinate = v
        var point = p
        // Names f depends on, through the bases of its power atoms too.
        func uses(_ x: Symbolic, _ name: String) -> Bool {
            for variable in x.variables {
                if variable == name { return true }
                if case let .power(base, _)? = ev.table.atoms[variable], base.variables.contains(name) { return true }
            }
            return false
        }
        if !uses(f, v) {
            guard let atom = context.atoms.first(where: { uses(f, $0.name) && freeNames($0.exponent).contains(v) }),
                  let g = SparsePolynomial.of(atom.exponent, [:]), let c = g.ratio(to: .variable(v)), !c.isZero else {
                throw EvalIssue.notApplicable("the limit variable \(v) enters neither directly nor through one atom")
            }
            coordinate = atom.name
            switch p {
            case let .finite(q) where q.isZero: point = .finite(1)
            case .infinity: point = c.signum < 0 ? .finite(0) : .infinity
            default: throw EvalIssue.notApplicable("a limit through the atom \(atom.name) is taken at \(v) → 0 or ∞")
            }
        }
        guard case let .finite(q) = point else { throw EvalIssue.notApplicable("a limit to infinity of an atom (use the reciprocal atom)") }
        guard !uses(target, coordinate) && !uses(target, v) else {
            throw EvalIssue.semantic(ProofError(.semantic, step.location, "the value of a limit must not depend on the limit variable \(v)"))
        }
        let ends = lowerEnds()
        let moving: [(name: String, base: Symbolic, index: String)] = ev.table.atoms.compactMap { name, atom in
            guard case let .power(base, index) = atom, base.variables.contains(coordinate) else { return nil }
            return (name, base, index)
        }
        func atPoint(_ x: Symbolic) throws -> Symbolic {
            var map: [String: Symbolic] = [coordinate: Symbolic(q)]
            for a in moving where x.variables.contains(a.name) {
                let b0 = try a.base.substituting([coordinate: Symbolic(q)])
                if b0.isZero {
                    guard (ends[a.index] ?? 0) >= 1 else { throw EvalIssue.notApplicable("0^\(a.index) needs \(a.index) ≥ 1") }
                    map[a.name] = .zero
                } else {
                    map[a.name] = try ev.table.power(b0, a.index)
                }
            }
            return try x.substituting(map)
        }
        func derivative(_ x: Symbolic) -> Symbolic {
            var d = x.derivative(coordinate)
            for a in moving where x.variables.contains(a.name) {
                d = d + x.derivative(a.name) * Symbolic.symbol(a.index) * a.base.derivative(coordinate) / a.base * Symbolic.symbol(a.name)
            }
            return d
        }
        var num = f.numeratorElement, den = f.denominatorElement
        var value: Symbolic?
        var rounds = 0
        for round in 0...6 {
            let dv = try atPoint(den), nv = try atPoint(num)
            if !dv.isZero {
                try nonVanishing(dv, unbounded, ends, atomTable: ev.table)
                value = nv / dv
                rounds = round
                break
            }
            guard nv.isZero else {
                return Verdict(method: .certificate, holds: false, detail: "diverges as \(coordinate) → \(q) (numerator → \(nv), denominator → 0)")
            }
            num = derivative(num)
            den = derivative(den)
        }
        guard let value else { throw EvalIssue.notApplicable("0/0 after six applications of l'Hôpital's rule") }
        let how = "exact limit as \(coordinate) → \(q) for \(rangeText(unbounded))" + (rounds > 0 ? " (l'Hôpital ×\(rounds), d/d\(coordinate) bᴺ = N·b′/b·bᴺ)" : " (continuous there)")
            + (ev.steps.isEmpty ? "" : "; " + ev.steps.joined(separator: "; "))
        if value == target { return Verdict(method: .certificate, holds: true, detail: how) }
        return Verdict(method: .certificate, holds: false, detail: "the limit is \(value), claimed \(target) (\(how))")
    }

    /// A limit's denominator must not vanish at any integer of the range: its irreducible factors
    /// are free of the integer variables (non-zero off a null set of the real parameters) or
    /// linear in one integer variable with no integer root in its range.
    func nonVanishing(_ x: Symbolic, _ unbounded: Set<String>, _ ends: [String: Int], atomTable: AtomTable<Symbolic>? = nil) throws {
        let (_, factors) = x.numeratorElement.irreducibleFactors()
        for (factor, _) in factors {
            // An atom alone: bᴺ with b ≠ 0, or a factorial, never vanishes.
            if factor.variables.count == 1, let v = factor.variables.first, factor == Symbolic.symbol(v), atomTable?.atoms[v] != nil { continue }
            let ints = factor.variables.filter { unbounded.contains($0) }
            if ints.isEmpty {
                guard !factor.variables.contains(where: { $0.contains("^") || $0.contains("!") }) else {
                    throw EvalIssue.notApplicable("the limit's denominator has a factor \(factor) with atoms; its zeros over the integers are not located")
                }
                continue
            }
            guard ints.count == 1, let n = ints.first, factor.variables.count == 1, let c = factor.coefficients(in: n), c.count == 2,
                  let c0 = c[0].rationalValue, let c1 = c[1].rationalValue else {
                throw EvalIssue.notApplicable("the limit's denominator has a factor \(factor); its integer zeros are not located")
            }
            let root = -c0 / c1
            if root.isInteger, let r = root.numerator.asInt, r >= (ends[n] ?? 0) {
                throw EvalIssue.notApplicable("the limit's denominator \(factor) vanishes at \(n) = \(r)")
            }
        }
    }

    // MARK: Inequalities for every N

    /// small ≤ big (or <) for every N: termwise positivity. First structurally on the expression
    /// (sums of non-negative terms, products and quotients of positive factors, even powers,
    /// binomials, exponentials); otherwise on the difference after summation: each irreducible
    /// factor, with every variable written through a non-negative w (v = a + w, b − w or
    /// (a + b·w)/(1 + w) on its domain; atoms by their ranges), must have coefficients of one sign.
    func everyNInequality(_ small: Expr, _ big: Expr, strict: Bool, _ unbounded: Set<String>) throws -> Verdict {
        let ends = lowerEnds()
        let difference: Expr
        if case let .number(q) = small.kind, q.isZero { difference = big } else { difference = Expr(.binary("-", big, small), at: step.location) }
        if let s = structuralSign(difference, ends), s == .positive || !strict {
            return Verdict(method: .termwise, holds: true,
                           detail: "\(strict ? "> 0" : "≥ 0") for \(rangeText(unbounded)): every term and factor is \(s == .positive ? "positive" : "non-negative") on its range")
        }
        let ev = symbolicEvaluator()
        let d = try ev.evaluate(big) - ev.evaluate(small)
        let how = ev.steps.isEmpty ? "" : "; " + ev.steps.joined(separator: "; ")
        guard let s = try termwiseSign(d, ev, ends) else {
            // A concrete counterexample at the first values, or "not proven".
            let concrete = try StepCheck(checker: checker, context: context, step: step, lhs: lhs, rhs: rhs, firstValues: 4).run()
            return Verdict(method: .termwise, holds: false,
                           detail: concrete.holds ? "not proven for \(rangeText(unbounded)): a factor of the difference has coefficients of both signs after the substitutions (the first four values hold)" : "false: \(concrete.detail)")
        }
        let holds = strict ? s == .positive : true
        return Verdict(method: .termwise, holds: holds,
                       detail: "\(s == .positive ? "> 0" : "≥ 0") for \(rangeText(unbounded)) after expansion: each factor has coefficients of one sign in non-negative coordinates\(how)")
    }

    enum Sign { case positive, nonnegative }

    /// The structural rules; a sum-free part they cannot sign goes to the termwise method after
    /// expansion (so Σ(non-negative terms) + (a polynomial with one-signed coefficients) is signed).
    func structuralSign(_ e: Expr, _ ends: [String: Int]) -> Sign? {
        if let s = structuralRules(e, ends) { return s }
        guard !containsSum(e), !freeNames(e).isEmpty else { return nil }
        let ev = symbolicEvaluator()
        guard let x = try? ev.evaluate(e) else { return nil }
        return try? termwiseSign(x, ev, ends)
    }

    func containsSum(_ e: Expr) -> Bool {
        switch e.kind {
        case .sum: return true
        case let .negate(a): return containsSum(a)
        case let .binary(_, a, b): return containsSum(a) || containsSum(b)
        case let .call(_, args): return args.contains(where: containsSum)
        default: return false
        }
    }

    func structuralRules(_ e: Expr, _ ends: [String: Int]) -> Sign? {
        func both(_ a: Sign?, _ b: Sign?, _ anyPositive: Bool) -> Sign? {
            guard let a, let b else { return nil }
            if anyPositive { return a == .positive || b == .positive ? .positive : .nonnegative }
            return a == .positive && b == .positive ? .positive : .nonnegative
        }
        switch e.kind {
        case let .number(q): return q > 0 ? .positive : q.isZero ? .nonnegative : nil
        case let .name(n):
            if atomNames.contains(n) { return .positive }
            if let lo = ends[n] { return lo >= 1 ? .positive : lo >= 0 ? .nonnegative : nil }
            guard let d = context.domains[n], let lo = d.lower else { return nil }
            return lo > 0 || (lo.isZero && d.lowerOpen) ? .positive : lo.isZero ? .nonnegative : nil
        case .negate: return nil
        case let .binary(op, a, b):
            switch op {
            case "+": return both(structuralSign(a, ends), structuralSign(b, ends), true)
            case "*": return both(structuralSign(a, ends), structuralSign(b, ends), false)
            case "/":
                guard structuralSign(b, ends) == .positive else { return nil }
                return structuralSign(a, ends)
            case "^":
                let base = structuralSign(a, ends)
                if base == .positive { return .positive }
                if let n = try? IntegerEvaluator.value(b, [:]), n % 2 == 0 { return .nonnegative }
                if let f = try? symbolicEvaluator().linearForm(b), f.constant % 2 == 0, f.coefficients.values.allSatisfy({ $0 % 2 == 0 }) {
                    return .nonnegative
                }
                return base == .nonnegative ? .nonnegative : nil
            default: return nil
            }
        case let .call(name, args):
            switch name {
            case "binomial": return .nonnegative
            case "exp", "cosh": return .positive
            case "sqrt", "abs": return .nonnegative
            default:
                _ = args
                return nil
            }
        case let .sum(k, from, _, body):
            var inner = ends
            if let a = try? IntegerEvaluator.value(from, ends) { inner[k] = a } else { return nil }
            return structuralSign(body, inner) == nil ? nil : .nonnegative
        case .pi: return .positive
        }
    }

    /// The sign of every irreducible factor of x in non-negative coordinates; nil when a factor
    /// has coefficients of both signs.
    func termwiseSign(_ x0: Symbolic, _ ev: SymbolicEvaluator, _ ends: [String: Int]) throws -> Sign? {
        if x0.isZero { return .nonnegative }
        let (x, gaps) = try integerCoordinates(x0, ev, ends)
        // Coordinates: each variable through w ≥ 0 (w > 0 where the end is open).
        var map: [String: Symbolic] = [:]
        var strictW: Set<String> = []
        let one = Symbolic(BigRational(1))
        for v in x.variables {
            let w = "w_" + v
            let W = Symbolic.symbol(w)
            if gaps.contains(v) { map[v] = W; continue }
            if let n0 = ends[v] { map[v] = Symbolic(BigRational(n0)) + W; continue }
            if let atom = ev.table.atoms[v] {
                switch atom {
                case .factorial: map[v] = one + W
                case let .power(base, _):
                    let range = baseRange(base)
                    switch range {
                    case .atMostOne: map[v] = one / (one + W)
                    case .atLeastOne: map[v] = one + W
                    case .positive: map[v] = W; strictW.insert(w)
                    case .unknown: return nil
                    }
                }
                continue
            }
            if atomNames.contains(v) {
                guard let d = try? atomDomain(v, [:]) else { return nil }
                try coordinates(v, d, W, &map, &strictW, w)
                continue
            }
            guard let d = context.domains[v] else { return nil }
            try coordinates(v, d, W, &map, &strictW, w)
        }
        let y = try x.substituting(map)
        var sign = 1
        var strictAll = true
        for part in [y.numeratorElement, y.denominatorElement] {
            let (content, factors) = part.irreducibleFactors()
            if content < 0 { sign = -sign }
            for (f, e) in factors {
                guard let (s, strict) = oneSign(f, strictW) else {
                    if e % 2 == 0 { strictAll = false; continue }
                    return nil
                }
                if s < 0 && e % 2 == 1 { sign = -sign }
                if !strict { strictAll = false }
            }
        }
        guard sign > 0 else { return nil }
        return strictAll ? .positive : .nonnegative
    }

    /// The integer variables written through independent gaps ≥ 0 to the ends of their ranges:
    /// N in n0... with k in c1...N + c2 gives k = c1 + a, N = c1 − c2 + a + b (a superset of the
    /// pairs when c1 − c2 < n0, which is sound); a variable alone in n0... gives n0 + a. The power
    /// atoms follow: yᴺ = y^(c1 − c2)·yᵃ·yᵇ, so N − k ≥ 1 is known to the atoms as well.
    func integerCoordinates(_ x: Symbolic, _ ev: SymbolicEvaluator, _ ends: [String: Int]) throws -> (Symbolic, Set<String>) {
        let ranges = context.integerRanges.filter { r in
            x.variables.contains(r.name) || x.variables.contains { name in ev.table.atoms[name]?.dependsOn(r.name) ?? false }
        }
        var forms: [String: LinearForm] = [:]
        var gaps: Set<String> = []
        for r in ranges {
            let lower = try? ev.linearForm(r.lower), upper = try r.upper.map { try ev.linearForm($0) }
            let gapLow = "gap_" + r.name, gapHigh = "gap^" + r.name
            if let lower, lower.isConstant {
                if let upper, upper.variables.count == 1, let outer = upper.variables.first, upper.coefficient(outer) == 1,
                   forms[outer] != nil, context.integerRanges.first(where: { $0.name == outer })?.upper == nil {
                    // k = c1 + a, outer = c1 − c2 + a + b.
                    forms[r.name] = LinearForm([gapLow: 1], constant: lower.constant)
                    forms[outer] = LinearForm([gapLow: 1, gapHigh: 1], constant: lower.constant - upper.constant)
                    gaps.formUnion([gapLow, gapHigh])
                    gaps.remove("gap_" + outer)
                } else if upper == nil {
                    forms[r.name] = LinearForm([gapLow: 1], constant: lower.constant)
                    gaps.insert(gapLow)
                }
            }
        }
        guard !forms.isEmpty else { return (x, []) }
        var map: [String: Symbolic] = [:]
        for (v, f) in forms { map[v] = f.element(Symbolic.self) }
        for name in x.variables {
            guard let atom = ev.table.atoms[name], case let .power(base, index) = atom, let f = forms[index] else { continue }
            do { map[name] = try ev.table.power(base, f) } catch { throw EvalIssue.notApplicable(error.description) }
        }
        let y = try x.substituting(map)
        return (y, gaps.intersection(y.variables))
    }

    enum BaseRange { case atMostOne, atLeastOne, positive, unknown }

    /// The range of bᴺ's base over the domains: a single variable inside (0, 1] or [1, ∞), a
    /// polynomial with positive coefficients in non-negative variables and constant term ≥ 1, …
    func baseRange(_ base: Symbolic) -> BaseRange {
        if let q = base.rationalValue { return q >= 1 ? .atLeastOne : q > 0 ? .atMostOne : .unknown }
        guard base.denominator.isOne, let terms = try? base.numerator.terms() else { return .unknown }
        var nonnegativeVariables = true
        for v in base.variables {
            if atomNames.contains(v) { continue }
            guard let d = context.domains[v], let lo = d.lower, lo >= 0 else { nonnegativeVariables = false; continue }
        }
        if base.variables.count == 1, let v = base.variables.first, terms.count == 1, terms[0].coefficient == 1, terms[0].exponents[v] == 1 {
            if atomNames.contains(v) {
                if let d = try? atomDomain(v, [:]), let lo = d.lower, lo >= 0 {
                    if let hi = d.upper, hi <= 1 { return .atMostOne }
                    if lo >= 1 { return .atLeastOne }
                    return .positive
                }
                return .unknown
            }
            guard let d = context.domains[v], let lo = d.lower, lo >= 0 else { return .unknown }
            if let hi = d.upper, hi <= 1 { return lo > 0 || d.lowerOpen ? .atMostOne : .unknown }
            if lo >= 1 { return .atLeastOne }
            return lo > 0 || d.lowerOpen ? .positive : .unknown
        }
        if nonnegativeVariables && terms.allSatisfy({ $0.coefficient > 0 }) {
            let constant = terms.first(where: { $0.exponents.values.allSatisfy { $0 == 0 } })?.coefficient ?? 0
            return constant >= 1 ? .atLeastOne : constant > 0 ? .positive : .unknown
        }
        return .unknown
    }

    func coordinates(_ v: String, _ d: VariableRange, _ W: Symbolic, _ map: inout [String: Symbolic], _ strictW: inout Set<String>, _ w: String) throws {
        let one = Symbolic(BigRational(1))
        switch (d.lower, d.upper) {
        case let (a?, b?):
            map[v] = (Symbolic(a) + Symbolic(b) * W) / (one + W)     // w ∈ [0, ∞) ↦ [a, b)
            if d.lowerOpen { strictW.insert(w) }
        case let (a?, nil):
            map[v] = Symbolic(a) + W
            if d.lowerOpen { strictW.insert(w) }
        case let (nil, b?):
            map[v] = Symbolic(b) - W
            if d.upperOpen { strictW.insert(w) }
        case (nil, nil):
            throw EvalIssue.notApplicable("\(v) ranges over all reals; termwise positivity needs a bounded side")
        }
    }

    /// (sign, strictly) when every coefficient of the polynomial has one sign; strictly when a
    /// monomial has only strictly positive coordinates.
    func oneSign(_ f: Symbolic, _ strictW: Set<String>) -> (Int, Bool)? {
        guard let terms = try? f.numerator.terms(), !terms.isEmpty else { return nil }
        let positive = terms.allSatisfy { $0.coefficient > 0 }, negative = terms.allSatisfy { $0.coefficient < 0 }
        guard positive || negative else { return nil }
        let strict = terms.contains { t in t.exponents.allSatisfy { $0.value == 0 || strictW.contains($0.key) } }
        return (positive ? 1 : -1, strict)
    }
}
