import BigNumerics
import RealModule

/// How one hypergeometric part of a sum was summed (for the report).
public struct SummationStep: Sendable, CustomStringConvertible {
    public enum Method: String, Sendable { case gosper = "Gosper", zeilberger = "Zeilberger" }
    public let method: Method
    public let order: Int
    public let detail: String
    public var description: String { method == .gosper ? "Gosper (\(detail))" : "Zeilberger order \(order) (\(detail))" }
}

/// Closed forms of Σ_{k=a}^{b} F(N, k) for every N ≥ n0, each part certified.
public enum SymbolicSum {
    /// Splits F into hypergeometric terms; sums each by Gosper's algorithm (any bounds) or by a
    /// first-order creative-telescoping recurrence in N (bounds a constant, b = N + c or constant),
    /// solved as a product with the initial value at N = n0 summed term by term.
    public static func closedForm<K: SymbolicField>(_ summand: K, index k: String, lower: LinearForm, upper: LinearForm,
                                                    outer: String?, from n0: Int, table: AtomTable<K>,
                                                    maxTerms: Int = 64) throws(SummationError) -> (K, [SummationStep]) {
        let terms = try HypergeometricTerm.split(summand, index: k, table: table)
        guard terms.count <= maxTerms else { throw .tooLarge("the summand splits into \(terms.count) hypergeometric terms, above the limit \(maxTerms)") }
        // Empty-sum convention: Σ_{a}^{a−1} = 0 = G(a) − G(a); below that the formula would not hold.
        let o = outer ?? ""
        // b(N) − a(N) ≥ −1 for every N ≥ n0: a non-negative slope and the inequality at n0.
        let slope = upper.coefficient(o) - lower.coefficient(o)
        guard upper.variables.union(lower.variables).isSubset(of: outer.map { [$0] } ?? []),
              slope >= 0, slope * (outer == nil ? 0 : n0) >= lower.constant - upper.constant - 1 else {
            throw .notApplicable("the sum over \(k) = \(lower)…\(upper) has fewer than zero terms for some \(o) ≥ \(n0)")
        }
        var total = K.zero
        var steps: [SummationStep] = []
        for term in terms {
            let f = term.element()
            if let c = try CreativeTelescoping.search(term, index: k, outer: outer, order: 0, table: table) {
                guard try CertificateCheck.telescopes(f, c, table: table) else {
                    throw .notApplicable("Gosper's certificate for \(f) failed the check (a search defect)")
                }
                let g = c.rational * f / c.sigma[0]
                let poles = try CertificateCheck.finiteOnRange(g, index: k, lower: lower, upper: upper + .constant(1), outer: outer, from: n0, table: table)
                total = total + term.outside * ((try table.specialize(g, k, to: upper + .constant(1))) - (try table.specialize(g, k, to: lower)))
                steps.append(SummationStep(method: .gosper, order: 0, detail: "R = \(c.rational); \(poles)"))
                continue
            }
            guard let n = outer else {
                throw .notApplicable("\(f) has no hypergeometric antidifference in \(k) (Gosper), and the bounds use no outer integer variable for Zeilberger's method")
            }
            total = total + term.outside * (try zeilbergerClosedForm(term, f, index: k, lower: lower, upper: upper, outer: n, from: n0, table: table, steps: &steps))
        }
        return (total, steps)
    }

    static func zeilbergerClosedForm<K: SymbolicField>(_ term: HypergeometricTerm<K>, _ f: K, index k: String, lower: LinearForm, upper: LinearForm,
                                                       outer n: String, from n0: Int, table: AtomTable<K>,
                                                       steps: inout [SummationStep]) throws(SummationError) -> K {
        guard lower.isConstant, upper.variables.isSubset(of: [n]), [0, 1].contains(upper.coefficient(n)) else {
            throw .notApplicable("Zeilberger's method here needs a constant lower bound and an upper bound \(n) + c or constant (have \(lower)…\(upper)); enumeration handles a bounded range")
        }
        if upper.coefficient(n) == 1 && (lower.constant != 0 || upper.constant != 0) {
            // Σ_{a}^{N+c} = Σ_{0}^{N} − Σ_{0}^{a−1} − Σ_{N+c+1}^{N} (+ Σ_{N+1}^{N+c}): the recurrence is
            // found on the natural range 0…N, the finitely many boundary terms are added exactly.
            var total = try zeilbergerClosedForm(term, f, index: k, lower: .constant(0), upper: .variable(n), outer: n, from: n0, table: table, steps: &steps)
            let a = lower.constant, c = upper.constant
            guard abs(a) <= 1_000 && abs(c) <= 1_000 else { throw .tooLarge("boundary corrections of more than 1000 terms") }
            if a > 0 { for i in 0..<a { total = total - (try table.specialize(f, k, to: .constant(i))) } }
            if a < 0 { for i in a..<0 { total = total + (try table.specialize(f, k, to: .constant(i))) } }
            if c < 0 { for i in (c + 1)...0 { total = total - (try table.specialize(f, k, to: LinearForm([n: 1], constant: i))) } }
            if c > 0 { for i in 1...c { total = total + (try table.specialize(f, k, to: LinearForm([n: 1], constant: i))) } }
            return total
        }
        guard let c = try CreativeTelescoping.search(term, index: k, outer: n, order: 1, table: table) else {
            throw .notApplicable("no first-order recurrence in \(n) for Σ_\(k) \(f) (Zeilberger order 1); higher orders would need a recurrence solver")
        }
        guard try CertificateCheck.telescopes(f, c, table: table) else {
            throw .notApplicable("Zeilberger's certificate for \(f) failed the check (a search defect)")
        }
        let slope = upper.coefficient(n)
        let top = upper + .constant(slope)          // k runs to b(N) + 1 so that S(N + 1) is covered
        let g = c.rational * f
        let poles = try CertificateCheck.finiteOnRange(g, index: k, lower: lower, upper: top + .constant(1), outer: n, from: n0, table: table)
        // Σ_{k=a}^{top} [σ0 F(N,k) + σ1 F(N+1,k)] = G(top + 1) − G(a); the terms beyond each range are subtracted.
        var h = try table.specialize(g, k, to: top + .constant(1)) - (try table.specialize(g, k, to: lower))
        if slope == 1 {
            h = h - c.sigma[0] * (try table.specialize(f, k, to: top))     // F(N, b(N) + 1), beyond S(N)
        }
        guard h.isZeroElement else {
            throw .notApplicable("the recurrence σ0·S(N) + σ1·S(N+1) = \(h) is inhomogeneous; only homogeneous first-order recurrences are solved")
        }
        // S(N + 1) = ρ(N)·S(N), ρ = −σ0/σ1: the product over its factors.
        guard !c.sigma[1].isZeroElement else { throw .notApplicable("degenerate recurrence (σ1 = 0)") }
        let rho = K.zero - c.sigma[0] / c.sigma[1]
        var product = K(rational: 1)                 // Π_{m=n0}^{N−1} ρ(m)
        var described: [String] = []
        for (part, sign) in [(rho.numeratorElement, 1), (rho.denominatorElement, -1)] {
            let (content, factors) = part.irreducibleFactors()
            let cq = K(rational: content)
            product = product * ((try table.power(cq, n)) * cq.power(-n0)).power(sign)
            for (factor, e) in factors {
                if !factor.symbolNames.contains(n) {
                    product = product * ((try table.power(factor, n)) * factor.power(-n0)).power(sign * e)
                    continue
                }
                guard let fc = factor.coefficients(in: n), fc.count == 2, let c0 = fc[0].rationalValue, let c1 = fc[1].rationalValue else {
                    throw .notApplicable("the recurrence ratio has a factor \(factor) that is not linear in \(n) with rational coefficients")
                }
                let delta = c0 / c1
                guard delta.isInteger, let d = delta.numerator.asInt else {
                    throw .notApplicable("the recurrence ratio has a factor \(factor) with a non-integer root")
                }
                if sign < 0 && -d >= n0 { throw .pole("σ1(\(n)) vanishes at \(n) = \(-d) ≥ \(n0)") }
                // Π_{m=n0}^{N−1} (c1·m + c0) = c1^{N−n0}·(N − 1 + δ)!/(n0 − 1 + δ)!
                let c1k = K(rational: c1)
                let ratio = (try table.power(c1k, n)) * c1k.power(-n0) * (try table.factorial(LinearForm([n: 1], constant: d - 1)))
                    / (try table.factorial(LinearForm(constant: n0 - 1 + d)))
                product = product * ratio.power(sign * e)
            }
        }
        described.append("S(\(n)+1) = (\(rho))·S(\(n))")
        // Initial value S(n0), summed term by term.
        let atN0 = try table.specialize(f, n, to: .constant(n0))
        let lo = lower.constant, hi = upper.constant + slope * n0
        var initial = K.zero
        if lo <= hi {
            guard hi - lo <= 10_000 else { throw .tooLarge("the initial value needs \(hi - lo + 1) terms, above the limit 10000") }
            for i in lo...hi { initial = initial + (try table.specialize(atN0, k, to: .constant(i))) }
        }
        steps.append(SummationStep(method: .zeilberger, order: 1,
                                   detail: "\(described.joined()), S(\(n0)) = \(initial), R = \(c.rational); \(poles)"))
        return initial * product
    }
}
