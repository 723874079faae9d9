import BigNumerics
import Foundation
import RealModule

/// The verdict of one method on one step.
struct Verdict {
    let method: ProofMethod
    let holds: Bool
    let detail: String
}

/// Checks one step: `lhs relation rhs`.
struct StepCheck {
    let checker: ProofChecker
    let context: DerivationContext
    let step: Step
    let lhs: Expr
    let rhs: Expr
    /// Unbounded integer ranges enumerated over their first values only (counterexamples for
    /// the every-N route); nil sends a step with an unbounded range to that route.
    var firstValues: Int? = nil

    var atomNames: Set<String> { Set(context.atoms.map(\.name)) }

    /// The integer parameters the step uses and every combination of their values.
    func integerCases() throws -> [[String: Int]] {
        var names = freeNames(lhs).union(freeNames(rhs))
        for a in context.atoms where names.contains(a.name) { names.formUnion(freeNames(a.exponent)) }
        // Parameters whose ranges the used ones depend on are needed too.
        for r in context.integerRanges.reversed() where names.contains(r.name) {
            names.formUnion(freeNames(r.lower).union(r.upper.map { freeNames($0) } ?? []))
        }
        var cases: [[String: Int]] = [[:]]
        for r in context.integerRanges where names.contains(r.name) {
            cases = try cases.flatMap { c -> [[String: Int]] in
                let lo: Int, hi: Int
                do {
                    lo = try IntegerEvaluator.value(r.lower, c)
                    if let upper = r.upper { hi = try IntegerEvaluator.value(upper, c) } else { hi = lo + max((firstValues ?? 1) - 1, 0) }
                } catch {
                    throw EvalIssue.semantic(ProofError(.semantic, r.lower.location, "the range of \(r.name) must be integer expressions of earlier integer parameters"))
                }
                return lo > hi ? [] : (lo...hi).map { c.merging([r.name: $0]) { $1 } }
            }
        }
        return cases
    }

    func describe(_ c: [String: Int]) -> String { c.isEmpty ? "" : c.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }

    func describeCases(_ cases: [[String: Int]]) -> String {
        guard let first = cases.first, !first.isEmpty else { return "" }
        if cases.count == 1 { return " at " + describe(first) }
        let keys = first.keys.sorted()
        return " for " + keys.map { k in
            let values = cases.compactMap { $0[k] }
            return "\(k) = \(values.min() ?? 0)…\(values.max() ?? 0)"
        }.joined(separator: ", ") + " (\(cases.count) cases)"
    }

    func run() throws -> Verdict {
        if firstValues == nil {
            let unbounded = unboundedVariables()
            if !unbounded.isEmpty {
                try refuseUnboundedModels(unbounded)
                return try everyN(unbounded)
            }
        }
        if let verdict = try structuredEquality() { return verdict }
        switch step.relation {
        case .equal: return try equality()
        case .limit: return try limit()
        case .lessOrEqual: return try inequality(lhs, rhs, strict: false)
        case .less: return try inequality(lhs, rhs, strict: true)
        case .greaterOrEqual: return try inequality(rhs, lhs, strict: false)
        case .greater: return try inequality(rhs, lhs, strict: true)
        }
    }

    // MARK: Shapes and exact evaluation

    func shape(_ e: Expr, _ ints: [String: Int]) throws -> (ShapeAlgebra.Shape, [String: Int]) {
        let algebra = ShapeAlgebra()
        let s = try Evaluator(algebra: algebra, atoms: context.atoms, useAtoms: true, models: models).evaluate(e, ints)
        return (s, algebra.maxima)
    }

    /// The exact multivariate value (FLINT), some variables optionally fixed.
    func multivariate(_ e: Expr, _ ints: [String: Int], fixed: [String: BigRational] = [:]) throws -> MultivariateRationalFunction {
        try Evaluator(algebra: MultivariateAlgebra(fixed: fixed, limits: checker.limits), atoms: context.atoms, useAtoms: true, models: models).evaluate(e, ints)
    }

    func exactAt(_ e: Expr, _ ints: [String: Int], _ point: [String: BigRational]) throws -> BigRational {
        try Evaluator(algebra: RationalAlgebra(point: point), atoms: context.atoms, useAtoms: true, models: models).evaluate(e, ints)
    }

    func floatAt(_ e: Expr, _ ints: [String: Int], _ point: [String: BigFloat]) throws -> BigFloat {
        try Evaluator(algebra: FloatAlgebra(point: point), atoms: context.atoms, useAtoms: false, models: models).evaluate(e, ints)
    }

    // MARK: Domains and random points

    func domain(of name: String) throws -> VariableRange {
        if let d = context.domains[name] { return d }
        if context.integerRanges.contains(where: { $0.name == name }) {
            throw EvalIssue.semantic(ProofError(.semantic, step.location, "\(name) is an integer parameter used where a real one is needed"))
        }
        throw EvalIssue.semantic(ProofError(.semantic, step.location, "\(name) has no domain: add an 'assume' line for it (e.g. assume \(name) > 0)"))
    }

    /// The interval of a variable's domain, ±∞ for missing bounds.
    func domainInterval(_ name: String) throws -> BigInterval {
        let d = try domain(of: name)
        let lo = d.lower.map { BigInterval($0).lower } ?? -BigFloat.infinity
        let hi = d.upper.map { BigInterval($0).upper } ?? BigFloat.infinity
        return try BigInterval(lower: lo, upper: hi)
    }

    /// The range of an atom y = e^g over the domains of g's variables (an enclosure: a superset).
    func atomDomain(_ name: String, _ ints: [String: Int]) throws -> VariableRange {
        guard let atom = context.atoms.first(where: { $0.name == name }) else { return try domain(of: name) }
        var box: [String: BigInterval] = [:]
        for v in freeNames(atom.exponent) where ints[v] == nil { box[v] = try domainInterval(v) }
        let range = try BigFloat.withPrecision(128) {
            try Evaluator(algebra: IntervalAlgebra(box: box), atoms: context.atoms, useAtoms: false)
                .evaluate(Expr(.call("exp", [atom.exponent]), at: atom.exponent.location), ints)
        }
        guard !range.isNaN else { throw EvalIssue.notApplicable("the range of atom \(name) is unknown") }
        let lo = range.lower, hi = range.upper
        return VariableRange(lower: lo.isFinite ? try lo.exactRational() : nil, lowerOpen: lo.isZero,
                      upper: hi.isFinite ? try hi.exactRational() : nil, upperOpen: !hi.isFinite)
    }

    func coordinateDomain(_ name: String, _ ints: [String: Int]) throws -> VariableRange {
        atomNames.contains(name) ? try atomDomain(name, ints) : try domain(of: name)
    }

    /// A random rational of the domain's bounded part: lo + (hi − lo)·i/M, 0 < i < M.
    func sample(_ d: VariableRange, _ rng: inout ProofPointGenerator) -> BigRational {
        let m = BigInt(1).power(0) * BigInt(2).power(UInt(ProofChecker.sampleBits))
        let i = BigRational(BigInt(rng.next() % (UInt64(1) << UInt64(ProofChecker.sampleBits) - 1) + 1))
        let t = i / BigRational(m)
        switch (d.lower, d.upper) {
        case let (lo?, hi?): return lo + (hi - lo) * t
        case let (lo?, nil): return lo + 8 * t
        case let (nil, hi?): return hi - 8 * t
        case (nil, nil): return 8 * t - 4
        }
    }

    func seed() -> ProofPointGenerator {
        var h: UInt64 = 1469598103934665603
        // The file name, not its path: the points must not depend on where the checkout lives.
        let name = step.location.file.split(separator: "/").last.map(String.init) ?? step.location.file
        for b in "\(name):\(step.location.line)".utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return ProofPointGenerator(state: h)
    }

    // MARK: (1)/(2) Equality

    func equality() throws -> Verdict {
        let cases = try integerCases()
        var exactApplicable = true
        var atomsUsed = false
        var mismatch: [String: Int]?
        var variables: Set<String> = []
        for c in cases {
            do {
                let l = try multivariate(lhs, c), r = try multivariate(rhs, c)
                variables.formUnion(l.variables)
                variables.formUnion(r.variables)
                if !variables.isDisjoint(with: atomNames) { atomsUsed = true }
                if l != r { mismatch = c; break }
            } catch EvalIssue.notApplicable { exactApplicable = false; break }
        }
        let names = variables.sorted().joined(separator: ", ")
        if exactApplicable && mismatch == nil {
            // Both sides may reduce to constants (a derivation ending at 0): say so, not "of {}".
            let what = variables.isEmpty ? "identical constants" : "identical rational functions of {\(names)}"
            return Verdict(method: .exactIdentity, holds: true, detail: what + describeCases(cases))
        }
        if let absVerdict = try absoluteValues(cases) { return absVerdict }
        if let c = mismatch, !atomsUsed {
            // A false rational identity: show an exact point where the sides differ.
            var rng = seed()
            for _ in 0..<20 {
                var point: [String: BigRational] = [:]
                for v in variables { point[v] = sample((try? domain(of: v)) ?? VariableRange(lower: 1, lowerOpen: true, upper: 2, upperOpen: true), &rng) }
                guard let l = try? exactAt(lhs, c, point), let r = try? exactAt(rhs, c, point), l != r else { continue }
                let at = (point.sorted { $0.key < $1.key }.map { "\($0.key)=\(show($0.value))" } + [describe(c)].filter { !$0.isEmpty }).joined(separator: ", ")
                return Verdict(method: .exactIdentity, holds: false,
                               detail: "not an identity: at \(at): left = \(show(l)), right = \(show(r))")
            }
            return Verdict(method: .exactIdentity, holds: false, detail: "the rational functions differ at \(describe(c))")
        }
        if !exactApplicable, cases.allSatisfy({ (try? shape(Expr(.binary("-", lhs, rhs), at: step.location), $0).0).map { $0.rational && !$0.opaque } == true }),
           !atomsUsed {
            let degreeBound = cases.compactMap { try? shape(Expr(.binary("-", lhs, rhs), at: step.location), $0).0.numerator.values.reduce(0, +) }.max() ?? 0
            return try randomRational(cases, degreeBound: degreeBound)
        }
        return try randomFloat(cases, note: mismatch != nil ? " (not an identity with the atoms as independent variables)" : "")
    }

    /// |a| = |b| proven exactly from a = b or a = −b.
    func absoluteValues(_ cases: [[String: Int]]) throws -> Verdict? {
        guard case let .call("abs", la) = lhs.kind, case let .call("abs", ra) = rhs.kind, la.count == 1, ra.count == 1 else { return nil }
        for sign in ["+", "-"] {
            let target = sign == "+" ? ra[0] : Expr(.negate(ra[0]), at: ra[0].location)
            let inner = StepCheck(checker: checker, context: context, step: step, lhs: la[0], rhs: target)
            let v = try inner.equality()
            if v.method == .exactIdentity && v.holds {
                return Verdict(method: .exactIdentity, holds: true, detail: "abs(a) = abs(b) with a = \(sign)b: \(v.detail)")
            }
        }
        return nil
    }

    /// (2) Exact values at seeded random rational points; Schwartz–Zippel: a non-zero numerator of
    /// total degree ≤ d vanishes at a uniform point of S^n with probability ≤ d/|S|.
    func randomRational(_ cases: [[String: Int]], degreeBound: Int) throws -> Verdict {
        var rng = seed()
        var count = 0
        for c in cases {
            let (s, _) = try shape(Expr(.binary("-", lhs, rhs), at: step.location), c)
            var done = 0, attempts = 0
            while done < checker.pointsPerCase && attempts < 20 * checker.pointsPerCase {
                attempts += 1
                var point: [String: BigRational] = [:]
                for v in s.names { point[v] = sample((try? coordinateDomain(v, c)) ?? VariableRange(lower: 0, lowerOpen: true, upper: 1, upperOpen: true), &rng) }
                let l: BigRational, r: BigRational
                do { l = try exactAt(lhs, c, point); r = try exactAt(rhs, c, point) } catch EvalIssue.invalid { continue }
                if l != r {
                    let at = (point.sorted { $0.key < $1.key }.map { "\($0.key)=\(show($0.value))" } + [describe(c)].filter { !$0.isEmpty }).joined(separator: ", ")
                    return Verdict(method: .randomRational, holds: false, detail: "differ at \(at): left = \(show(l)), right = \(show(r))")
                }
                done += 1
                count += 1
            }
        }
        let bound = Double(max(degreeBound, 1)) / pow(2.0, Double(ProofChecker.sampleBits))
        return Verdict(method: .randomRational, holds: true,
                       detail: "equal at \(count) seeded random rational points\(describeCases(cases)); Schwartz–Zippel: P(false identity passes a point) ≤ d/|S| = \(degreeBound)/2^\(ProofChecker.sampleBits) ≈ \(String(format: "%.1e", bound)) per point")
    }

    /// (2) BigFloat values at random domain points; agreement in decimal digits.
    func randomFloat(_ cases: [[String: Int]], note: String) throws -> Verdict {
        var rng = seed()
        var minDigits = Double.infinity
        var count = 0
        let perCase = cases.count > 16 ? 1 : checker.pointsPerCase
        for c in cases {
            var names = freeNames(lhs).union(freeNames(rhs)).subtracting(c.keys)
            for a in context.atoms where names.contains(a.name) { names.remove(a.name); names.formUnion(freeNames(a.exponent).subtracting(c.keys)) }
            var done = 0, attempts = 0
            while done < perCase && attempts < 20 * perCase {
                attempts += 1
                var rationalPoint: [String: BigRational] = [:]
                for v in names.sorted() { rationalPoint[v] = sample(try domain(of: v), &rng) }
                let outcome: (BigFloat, BigFloat, Double)? = try BigFloat.withPrecision(checker.floatBits) {
                    let point = rationalPoint.mapValues { BigFloat($0) }
                    let l: BigFloat, r: BigFloat
                    do { l = try floatAt(lhs, c, point); r = try floatAt(rhs, c, point) } catch EvalIssue.invalid { return nil }
                    return (l, r, agreement(l, r))
                }
                guard let (l, r, digits) = outcome else { continue }
                done += 1
                count += 1
                minDigits = min(minDigits, digits)
                if digits < Double(checker.requiredDigits) {
                    let at = (rationalPoint.sorted { $0.key < $1.key }.map { "\($0.key)=\(show($0.value))" } + [describe(c)].filter { !$0.isEmpty }).joined(separator: ", ")
                    return Verdict(method: .randomFloat, holds: false,
                                   detail: "differ at \(at): left = \(show(l)), right = \(show(r)) (agree to \(String(format: "%.1f", max(digits, 0))) digits)\(note)")
                }
            }
        }
        guard count > 0 else { return Verdict(method: .randomFloat, holds: false, detail: "no point of the domain could be evaluated") }
        let digitsText = minDigits.isInfinite ? "all" : String(format: "%.0f", minDigits)
        return Verdict(method: .randomFloat, holds: true,
                       detail: "agree to ≥ \(digitsText) digits at \(count) random points (\(checker.floatBits) bits)\(describeCases(cases))\(note)")
    }

    func agreement(_ l: BigFloat, _ r: BigFloat) -> Double {
        let d = (l - r).magnitude
        if d.isZero { return .infinity }
        let scale = max(l.magnitude, r.magnitude, BigFloat.pow(BigFloat(10), -100))
        let ratio = d / scale
        return -BigFloat.log10(ratio).doubleValue
    }
}
