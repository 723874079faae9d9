import BigNumerics
import Foundation
import RealModule

extension StepCheck {
    func pointText(_ point: [String: BigRational], _ c: [String: Int]) -> String {
        (point.sorted { $0.key < $1.key }.map { "\($0.key)=\(show($0.value))" } + [describe(c)].filter { !$0.isEmpty }).joined(separator: ", ")
    }

    // MARK: (3) Limits

    func limit() throws -> Verdict {
        guard let v = step.limitVariable, let p = step.limitPoint else {
            throw EvalIssue.semantic(ProofError(.semantic, step.location, "a limit step needs 'as VAR -> POINT'"))
        }
        let cases = try integerCases()
        if let verdict = try exactLimit(cases, v, p) { return verdict }
        return try numericLimit(cases, v, p)
    }

    /// The exact route: the left side rational in one coordinate (the variable, or an atom
    /// y = e^{c·v}, which tends to 1 as v → 0 and to 0 or ∞ as v → ∞), the other variables
    /// symbolic; `MultivariateRationalFunction.limit` is exact (for generic values of the others).
    func exactLimit(_ cases: [[String: Int]], _ v: String, _ p: LimitPoint) throws -> Verdict? {
        var points = 0
        var coordinateText = v
        var others: Set<String> = []
        for c in cases {
            let (s, _) = try shape(lhs, c)
            let (sr, _) = try shape(rhs, c)
            guard s.rational, sr.rational else { return nil }
            var coordinate: String?
            var target: LimitPoint = p
            let usedAtoms = context.atoms.filter { s.names.contains($0.name) && freeNames($0.exponent).contains(v) }
            if s.names.contains(v) {
                guard usedAtoms.isEmpty else { return nil }
                coordinate = v
            } else if usedAtoms.count == 1, let atom = usedAtoms.first {
                guard let g = SparsePolynomial.of(atom.exponent, c), let k = g.ratio(to: .variable(v)), !k.isZero else { return nil }
                switch p {
                case let .finite(q) where q.isZero: target = .finite(1)
                case .infinity: target = k.signum < 0 ? .finite(0) : .infinity
                default: return nil
                }
                coordinate = atom.name
                coordinateText = "\(atom.name) = exp(\(atom.exponent)) → \(target)"
            } else if !usedAtoms.isEmpty {
                return nil
            }
            if let coordinate, sr.names.contains(coordinate) || sr.names.contains(v) {
                throw EvalIssue.semantic(ProofError(.semantic, step.location, "the value of a limit must not depend on the limit variable \(v)"))
            }
            let rest = s.names.union(sr.names).subtracting([coordinate ?? ""])
            others.formUnion(rest)
            // The other variables stay symbolic: FLINT's exact limit in one variable.
            let f = try multivariate(lhs, c), value = try multivariate(rhs, c)
            let lim: MultivariateRationalFunction
            do {
                guard let coordinate else { lim = f; break }
                switch target {
                case let .finite(q): lim = try f.limit(coordinate, at: q)
                case .infinity: lim = try f.limitAtInfinity(coordinate)
                }
            } catch {
                return Verdict(method: .exactLimit, holds: false,
                               detail: "diverges as \(coordinateText)\(c.isEmpty ? "" : " at " + describe(c)): \(error)")
            }
            points += 1
            if lim != value {
                return Verdict(method: .exactLimit, holds: false,
                               detail: "limit as \(v) → \(p) is \(lim), claimed \(value)\(c.isEmpty ? "" : " at " + describe(c))")
            }
        }
        let where_ = others.isEmpty ? "" : " with {\(others.sorted().joined(separator: ", "))} symbolic (generic values)"
        return Verdict(method: .exactLimit, holds: true,
                       detail: "exact limit of a rational function (\(coordinateText))\(where_)\(describeCases(cases))")
    }

    /// The numerical route: f at v = p ± 10^{-6j} (or 10^{6j} toward ∞), j = 1…6, at 1100 bits;
    /// passes when |f − L| ≤ C·h^rate along the whole sequence (C fixed by the first point).
    func numericLimit(_ cases: [[String: Int]], _ v: String, _ p: LimitPoint) throws -> Verdict {
        var rng = seed()
        let rate = step.rate ?? 1
        var worst = ""
        var count = 0
        for c in cases {
            var names = freeNames(lhs).union(freeNames(rhs)).subtracting(c.keys)
            for a in context.atoms where names.contains(a.name) { names.remove(a.name); names.formUnion(freeNames(a.exponent).subtracting(c.keys)) }
            names.remove(v)
            let dom = context.domains[v]
            let perCase = cases.count > 16 ? 1 : checker.pointsPerCase
            for _ in 0..<(names.isEmpty ? 1 : perCase) {
                var rational: [String: BigRational] = [:]
                for n in names.sorted() { rational[n] = sample(try domain(of: n), &rng) }
                let result: Verdict? = try BigFloat.withPrecision(checker.floatBits) {
                    var point = rational.mapValues { BigFloat($0) }
                    let value = try floatAt(rhs, c, point)
                    var constant: BigFloat?
                    var last = BigFloat(0)
                    for j in 1...6 {
                        let h = 1 / BigRational(BigInt(10).power(UInt(6 * j)))
                        let x: BigRational
                        switch p {
                        case .infinity: x = 1 / h
                        case let .finite(q):
                            let fromBelow = dom?.upper == q
                            x = fromBelow ? q - h : q + h
                        }
                        point[v] = BigFloat(x)
                        let f = try floatAt(lhs, c, point)
                        let err = (f - value).magnitude
                        let scaled = err / BigFloat.pow(BigFloat(h), rate)
                        if constant == nil { constant = max(scaled, BigFloat(1)) * 100 }
                        last = err
                        if let k = constant, scaled > k {
                            return Verdict(method: .numericLimit, holds: false,
                                           detail: "at \(v) = \(show(x)) (\(pointText(rational, c))): left = \(show(f)), limit claimed \(show(value)); |difference| = \(show(err, digits: 6)) exceeds C·h^\(rate) (not converging at rate \(rate))")
                        }
                    }
                    worst = "|f − L| = \(show(last, digits: 4)) at h = 1e-36"
                    return nil
                }
                if let result { return result }
                count += 1
            }
        }
        return Verdict(method: .numericLimit, holds: true,
                       detail: "|f − L| ≤ C·h^\(rate) along h = 10^-6 … 10^-36 at \(count) point(s), \(checker.floatBits) bits; \(worst)\(describeCases(cases))")
    }

    // MARK: (4) Inequalities: small ≤ big (or <)

    func inequality(_ small: Expr, _ big: Expr, strict: Bool) throws -> Verdict {
        let cases = try integerCases()
        let difference = Expr(.binary("-", big, small), at: step.location)
        var pieces = 0
        var exact = true
        var coordinates: Set<String> = []
        exactLoop: for c in cases {
            let (s0, _) = try shape(difference, c)
            guard s0.rational else { exact = false; break }
            let fixed = try independentNames(difference, c)
            let names = s0.names.subtracting(fixed.keys)
            guard names.count <= 1 else { exact = false; break }
            guard let coordinate = names.first else {
                let d = try exactAt(difference, c, fixed)
                if strict ? d.signum <= 0 : d.signum < 0 {
                    return Verdict(method: .bernstein, holds: false,
                                   detail: "\(describe(c)): left = \(show(try exactAt(small, c, fixed))), right = \(show(try exactAt(big, c, fixed)))")
                }
                continue
            }
            coordinates.insert(coordinate)
            let dom = try coordinateDomain(coordinate, c)
            let lower = BernsteinCertificate.End(value: dom.lower, open: dom.lowerOpen)
            let upper = BernsteinCertificate.End(value: dom.upper, open: dom.upperOpen)
            let f = try univariate(try multivariate(difference, c, fixed: fixed), coordinate)
            var sign: BigRational = 0
            for candidate in [BigRational(1), BigRational(-1)] {
                if case let .proven(k) = BernsteinCertificate.prove(candidate * f.denominator, lower: lower, upper: upper, strict: true) {
                    sign = candidate
                    pieces += k
                    break
                }
            }
            guard !sign.isZero else { exact = false; break }
            switch BernsteinCertificate.prove(sign * f.numerator, lower: lower, upper: upper, strict: strict) {
            case let .proven(k): pieces += k
            case let .counterexample(t):
                let point = fixed.merging([coordinate: t]) { $1 }
                let l = try exactAt(small, c, point), r = try exactAt(big, c, point)
                return Verdict(method: .bernstein, holds: false,
                               detail: "fails at \(pointText(point, c)): \(step.relation == .greater || step.relation == .greaterOrEqual ? "right" : "left") = \(show(l)), \(step.relation == .greater || step.relation == .greaterOrEqual ? "left" : "right") = \(show(r))")
            case .undecided:
                exact = false
                break exactLoop
            }
        }
        if exact {
            let on = coordinates.sorted().map { name in
                let d = (try? coordinateDomain(name, cases.first ?? [:])) ?? VariableRange(lower: nil, lowerOpen: true, upper: nil, upperOpen: true)
                return "\(name) ∈ \(d.lowerOpen ? "(" : "[")\(d.lower.map(show) ?? "-inf"), \(d.upper.map(show) ?? "inf")\(d.upperOpen ? ")" : "]")"
            }.joined(separator: ", ")
            return Verdict(method: .bernstein, holds: true,
                           detail: "\(strict ? "> 0" : "≥ 0") proven exactly on \(on.isEmpty ? "constants" : on) (\(pieces) Bernstein pieces)\(describeCases(cases))")
        }
        return try intervalProof(cases, small, big, difference, strict: strict)
    }

    /// A coordinate of the interval search: its domain and how box coordinates map to it.
    struct Axis {
        let name: String
        let lower: BigRational?
        let upper: BigRational?
        /// Half-bounded domains are searched in u ∈ [0, 1] with v = a ± (1 − u)/u.
        var compactified: Bool { lower == nil || upper == nil }
    }

    func interval(_ axis: Axis, _ lo: BigFloat, _ hi: BigFloat) throws -> BigInterval {
        if !axis.compactified { return try BigInterval(lower: lo, upper: hi) }
        func map(_ u: BigFloat) -> BigInterval {
            let U = BigInterval(u)
            let t = (BigInterval(1) - U) / U
            if let a = axis.lower { return BigInterval(a) + t }
            return BigInterval(axis.upper ?? 0) - t
        }
        if let _ = axis.lower {
            let upper = lo.isZero ? BigFloat.infinity : map(lo).upper
            return try BigInterval(lower: map(hi).lower, upper: upper)
        }
        let lower = lo.isZero ? -BigFloat.infinity : map(lo).lower
        return try BigInterval(lower: lower, upper: map(hi).upper)
    }

    /// (4) Rigorous enclosures (MPFI, 128 bits) of big − small over boxes of the domain,
    /// bisecting the widest side until each box is decided.
    func intervalProof(_ cases: [[String: Int]], _ small: Expr, _ big: Expr, _ difference: Expr, strict: Bool) throws -> Verdict {
        var totalBoxes = 0
        var minimum: BigFloat?
        var axesText = ""
        for c in cases {
            let (s, _) = try shape(difference, c)
            let fixed = s.rational ? try independentNames(difference, c) : [:]
            var axes: [Axis] = []
            for name in s.names.subtracting(fixed.keys).sorted() {
                let d = try coordinateDomain(name, c)
                if d.lower == nil && d.upper == nil {
                    throw EvalIssue.semantic(ProofError(.semantic, step.location, "\(name) needs at least one bound for an interval proof"))
                }
                axes.append(Axis(name: name, lower: d.lower, upper: d.upper))
            }
            axesText = axes.map { a in
                let range = "[\(a.lower.map(show) ?? "-inf"), \(a.upper.map(show) ?? "inf")]"
                return a.compactified ? "\(a.name) ∈ \(range) via u ∈ [0, 1]" : "\(a.name) ∈ \(range)"
            }.joined(separator: ", ")
            let result: Verdict? = try BigFloat.withPrecision(128) {
                var stack: [[(BigFloat, BigFloat)]] = [axes.map { a in
                    a.compactified ? (BigFloat(0), BigFloat(1)) : (BigFloat(a.lower ?? 0), BigFloat(a.upper ?? 0))
                }]
                // Exact rational endpoints may round inward at 128 bits: widen to enclosures.
                for (i, a) in axes.enumerated() where !a.compactified {
                    stack[0][i] = (BigInterval(a.lower ?? 0).lower, BigInterval(a.upper ?? 0).upper)
                }
                var boxes = 0
                while let box = stack.popLast() {
                    boxes += 1
                    if boxes > checker.maxBoxes {
                        return Verdict(method: .interval, holds: false,
                                       detail: "undecided after \(boxes) boxes (\(axesText))\(c.isEmpty ? "" : " at " + describe(c))")
                    }
                    var env = fixed.mapValues { BigInterval($0) }
                    for (i, a) in axes.enumerated() { env[a.name] = try interval(a, box[i].0, box[i].1) }
                    let evaluator = Evaluator(algebra: IntervalAlgebra(box: env), atoms: context.atoms, useAtoms: true, models: models)
                    let d = try evaluator.evaluate(difference, c)
                    if !d.isNaN {
                        if strict ? d.lower > 0 : d.lower >= 0 {
                            minimum = minimum.map { min($0, d.lower) } ?? d.lower
                            continue
                        }
                        if strict ? d.upper <= 0 : d.upper < 0 {
                            var mid = fixed.mapValues { BigInterval($0) }
                            for (i, a) in axes.enumerated() {
                                let m = (box[i].0 + box[i].1) / 2
                                mid[a.name] = try interval(a, m, m)
                            }
                            let e = Evaluator(algebra: IntervalAlgebra(box: mid), atoms: context.atoms, useAtoms: true, models: models)
                            let l = try e.evaluate(small, c), r = try e.evaluate(big, c)
                            let at = mid.sorted { $0.key < $1.key }.map { "\($0.key) ∈ \(show($0.value))" }.joined(separator: ", ")
                            return Verdict(method: .interval, holds: false,
                                           detail: "fails on a box: at \(at)\(c.isEmpty ? "" : ", " + describe(c)): smaller side ∈ \(show(l)), larger side ∈ \(show(r))")
                        }
                    }
                    // Bisect the widest side.
                    var widest = -1
                    var width = BigFloat(0)
                    for (i, side) in box.enumerated() where side.1 - side.0 > width { width = side.1 - side.0; widest = i }
                    guard widest >= 0, width > BigFloat.pow(BigFloat(2), -80) else {
                        let at = axes.enumerated().map { "\($0.element.name) ∈ [\(show(box[$0.offset].0, digits: 8)), \(show(box[$0.offset].1, digits: 8))]" }.joined(separator: ", ")
                        return Verdict(method: .interval, holds: false,
                                       detail: "undecided on a tiny box \(at): difference ∈ \(show(d))")
                    }
                    let m = (box[widest].0 + box[widest].1) / 2
                    var left = box, right = box
                    left[widest].1 = m
                    right[widest].0 = m
                    stack.append(right)
                    stack.append(left)
                }
                totalBoxes += boxes
                return nil
            }
            if let result { return result }
        }
        return Verdict(method: .interval, holds: true,
                       detail: "\(strict ? "> 0" : "≥ 0") on \(axesText) by \(totalBoxes) boxes (128-bit MPFI), min lower bound \(minimum.map { show($0, digits: 6) } ?? "n/a")\(describeCases(cases))")
    }
}

extension StepCheck {
    /// Variables a rational expression provably does not depend on (absent from its canonical
    /// form), each with a rational value it may be fixed at: fixing it changes nothing.
    func independentNames(_ e: Expr, _ c: [String: Int]) throws -> [String: BigRational] {
        let (s, _) = try shape(e, c)
        guard s.rational, s.names.count > 1 else { return [:] }
        let full: MultivariateRationalFunction
        do { full = try multivariate(e, c) } catch EvalIssue.notApplicable { return [:] }
        var fixed: [String: BigRational] = [:]
        for name in s.names.sorted() where !full.variables.contains(name) && s.names.count - fixed.count > 1 {
            fixed[name] = 1
        }
        return fixed
    }
}
