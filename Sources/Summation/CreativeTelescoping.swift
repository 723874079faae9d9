import BigNumerics
import RealModule

/// A summand split as pre(k)·Π atomᵉ: `pre` a polynomial in the index over the k-free part, the
/// monomial collecting the atoms that depend on the index (k!, (N − k)!, rᵏ, …).
public struct HypergeometricTerm<K: SymbolicField>: Sendable {
    /// The factor free of the index (taken out of the sum).
    public var outside: K = K(rational: 1)
    public var pre: K
    public var monomial: [String: Int]

    /// pre·Π atomᵉ, without the outside factor: what the certificates are about.
    public func element() -> K {
        var r = pre
        for (name, e) in monomial.sorted(by: { $0.key < $1.key }) { r = r * K.symbol(name).power(e) }
        return r
    }

    /// Splits x into hypergeometric terms in `index`: its denominator must be (free of the
    /// index) × (a monomial in index-dependent atoms); its numerator is expanded in those atoms.
    public static func split(_ x: K, index: String, table: AtomTable<K>) throws(SummationError) -> [HypergeometricTerm] {
        let dependent = table.atomNames(dependingOn: index)
        var den = x.denominatorElement
        var denMonomial: [String: Int] = [:]
        for a in dependent {
            guard let c = den.coefficients(in: a) else { continue }
            guard let low = c.firstIndex(where: { !$0.isZeroElement }) else { continue }
            if low > 0 { denMonomial[a] = low; den = den / K.symbol(a).power(low) }
        }
        guard !table.dependsOn(den, index) else {
            throw .notApplicable("the summand's denominator depends on \(index) other than through factorials and powers; the certificate method needs a sum of hypergeometric terms (enumeration handles a bounded range)")
        }
        var terms: [([String: Int], K)] = [([:], x.numeratorElement)]
        for a in dependent {
            var next: [([String: Int], K)] = []
            for (m, c) in terms {
                guard let cs = c.coefficients(in: a) else { throw .notApplicable("internal: numerator not polynomial in \(a)") }
                for (i, ci) in cs.enumerated() where !ci.isZeroElement {
                    var m2 = m
                    if i != 0 { m2[a] = i }
                    next.append((m2, ci))
                }
            }
            terms = next
        }
        return terms.map { m, c in
            var mono = m
            for (a, e) in denMonomial { mono[a, default: 0] -= e; if mono[a] == 0 { mono[a] = nil } }
            // Irreducible factors free of the index go outside the sum.
            let (content, factors) = c.irreducibleFactors()
            var inside = K(rational: 1), outside = K(rational: content) / den
            for (f, e) in factors {
                if table.dependsOn(f, index) { inside = inside * f.power(e) } else { outside = outside * f.power(e) }
            }
            return HypergeometricTerm(outside: outside, pre: inside, monomial: mono)
        }
    }
}

/// c·Π(k + αᵢ)/Π(k + βⱼ): a ratio kept as its linear factors in the index.
struct FactoredRatio<K: SymbolicField> {
    var constant: K = K(rational: 1)
    var numeratorRoots: [K] = []
    var denominatorRoots: [K] = []

    /// Multiplies by (b·k + rest) raised to ±1.
    mutating func multiply(k b: Int, rest: K, exponent: Int) {
        let root = rest / K(rational: BigRational(b))
        for _ in 0..<abs(exponent) {
            if exponent > 0 { constant = constant * K(rational: BigRational(b)); numeratorRoots.append(root) }
            else { constant = constant / K(rational: BigRational(b)); denominatorRoots.append(root) }
        }
    }

    /// The ratio of the atom monomial under v → v + s, as linear factors in `index`.
    static func ofMonomial(_ monomial: [String: Int], table: AtomTable<K>, shifting v: String, by s: Int, index: String) throws(SummationError) -> FactoredRatio {
        var ratio = FactoredRatio()
        for (name, e) in monomial {
            guard let atom = table.atoms[name] else { continue }
            switch atom {
            case let .power(base, idx):
                if idx == v { ratio.constant = ratio.constant * base.power(s * e) }
            case let .factorial(l):
                let shift = l.coefficient(v) * s
                guard shift != 0 else { continue }
                let b = l.coefficient(index)
                guard b != 0 else { throw .notApplicable("internal: factorial atom \(l) free of \(index)") }
                var restForm = l
                restForm = restForm.substituting(index, LinearForm())
                let rest = restForm.element(K.self)
                if shift > 0 {
                    for i in 1...shift { ratio.multiply(k: b, rest: rest + K(rational: BigRational(i)), exponent: e) }
                } else {
                    for i in 0..<(-shift) { ratio.multiply(k: b, rest: rest - K(rational: BigRational(i)), exponent: -e) }
                }
            }
        }
        return ratio
    }
}

/// A telescoping certificate: Σⱼ σⱼ(N)·F(N + j, k) = G(N, k + 1) − G(N, k) with G = R·F.
/// Order 0 (one σ) is Gosper's indefinite summation; higher orders are Zeilberger's creative
/// telescoping in the outer variable.
public struct TelescopingCertificate<K: SymbolicField>: Sendable {
    public let sigma: [K]
    public let rational: K
    public let index: String
    public let outer: String?
    public var order: Int { sigma.count - 1 }

    public init(sigma: [K], rational: K, index: String, outer: String?) {
        self.sigma = sigma
        self.rational = rational
        self.index = index
        self.outer = outer
    }
}

/// Gosper's algorithm (order 0) and Zeilberger's (order ≥ 1) for one hypergeometric term, after
/// Petkovšek–Wilf–Zeilberger, *A = B*, chapters 5 and 6. The search may be wrong without harm:
/// `CertificateCheck` verifies what it returns.
public enum CreativeTelescoping {
    /// Finds σ and R of the given order, or nil when none exists with the degree bound.
    public static func search<K: SymbolicField>(_ term: HypergeometricTerm<K>, index k: String, outer n: String?, order: Int,
                                                table: AtomTable<K>, maxDegree: Int = 24) throws(SummationError) -> TelescopingCertificate<K>? {
        guard order >= 0, order == 0 || n != nil else {
            throw .notApplicable("creative telescoping of order \(order) needs an outer variable (allowed: order 0 without one, order ≥ 1 with one)")
        }
        // H(N + j, k)/H(N, k) as linear factors; v = lcm of their denominators.
        var shifts: [FactoredRatio<K>] = [FactoredRatio()]
        if order > 0, let n {
            for j in 1...order { shifts.append(try FactoredRatio.ofMonomial(term.monomial, table: table, shifting: n, by: j, index: k)) }
        }
        var vRoots: [K] = []
        for r in shifts {
            var pool = vRoots
            var extra: [K] = []
            for root in r.denominatorRoots {
                if let i = pool.firstIndex(of: root) { pool.remove(at: i) } else { extra.append(root) }
            }
            vRoots += extra
        }
        // P_j(k) = pre(N + j, k)·c_j·num_j(k)·v(k)/den_j(k).
        var parts: [KPolynomial<K>] = []
        for (j, r) in shifts.enumerated() {
            let pre = (j == 0 || n == nil) ? term.pre : try table.shift(term.pre, n!, by: j)
            var p = try KPolynomial.from(pre, k)
            p = r.constant * p
            for root in r.numeratorRoots { p = p * KPolynomial.linear(root) }
            var remaining = vRoots
            for root in r.denominatorRoots { if let i = remaining.firstIndex(of: root) { remaining.remove(at: i) } }
            for root in remaining { p = p * KPolynomial.linear(root) }
            parts.append(p)
        }
        // Ratio of t'(k) = H(N, k)/v(k): H's k-ratio times v(k)/v(k + 1).
        var ratio = try FactoredRatio.ofMonomial(term.monomial, table: table, shifting: k, by: 1, index: k)
        for root in vRoots {
            ratio.numeratorRoots.append(root)
            ratio.denominatorRoots.append(root + K(rational: 1))
        }
        // Gosper–Petkovšek normal form: remove pairs α − β = h ∈ ℤ≥0 into c0.
        var alphas = ratio.numeratorRoots, betas = ratio.denominatorRoots
        var c0 = KPolynomial<K>.one
        var changed = true
        while changed {
            changed = false
            outer: for (i, alpha) in alphas.enumerated() {
                for (j, beta) in betas.enumerated() {
                    guard let h = (alpha - beta).rationalValue, h.isInteger, let hi = h.numerator.asInt, hi >= 0 else { continue }
                    guard hi <= 10_000 else { throw .tooLarge("a shift of \(hi) in the Gosper–Petkovšek form exceeds the limit 10000") }
                    for s in 0..<hi { c0 = c0 * KPolynomial.linear(beta + K(rational: BigRational(s))) }
                    alphas.remove(at: i)
                    betas.remove(at: j)
                    changed = true
                    break outer
                }
            }
        }
        var a = KPolynomial<K>([ratio.constant])
        for alpha in alphas { a = a * KPolynomial.linear(alpha) }
        var bShift = KPolynomial<K>.one                      // b(k − 1)
        for beta in betas { bShift = bShift * KPolynomial.linear(beta - K(rational: 1)) }
        // Degree bound for x (A = B, Thm 5.2.1 / §5.5).
        let cParts = parts.map { c0 * $0 }
        let degC = cParts.map(\.degree).max() ?? -1
        guard degC >= 0 else { return nil }
        let plus = a + bShift, minus = a - bShift
        var bound: Int
        if plus.degree <= minus.degree {
            bound = degC - minus.degree
        } else {
            bound = degC - plus.degree + 1
            let d0 = (K.zero - K(rational: 2) * minus.coefficient(plus.degree - 1) / plus.leading).rationalValue
            if let d0, d0.isInteger, let d = d0.numerator.asInt, d >= 0 { bound = max(bound, d) }
        }
        guard bound >= 0 else { return nil }
        guard bound <= maxDegree else { throw .tooLarge("Gosper's equation needs a polynomial of degree \(bound), above the limit \(maxDegree)") }
        // Unknowns x_0 … x_bound, σ_0 … σ_order; rows are powers of k.
        let nx = bound + 1, ns = parts.count
        var columns: [KPolynomial<K>] = []
        var power = KPolynomial<K>.one
        for _ in 0..<nx {
            columns.append(a * power.shifted(by: 1) - bShift * power)
            power = power * KPolynomial.linear(K.zero)
        }
        for p in cParts { columns.append(KPolynomial<K>([]) - p) }
        let rows = (columns.map(\.degree).max() ?? 0) + 1
        let matrix = (0..<rows).map { i in columns.map { $0.coefficient(i) } }
        guard let v = nullVector(matrix, columns: nx + ns, preferNonzero: Array(nx..<(nx + ns))) else { return nil }
        var sigma = Array(v[nx...])
        let x = KPolynomial(Array(v[0..<nx]))
        // Normalise σ to polynomials in N with the last non-zero σ monic-free (clear denominators).
        var scale = K(rational: 1)
        for s in sigma where !s.isZeroElement { scale = scale * s.denominatorElement }
        sigma = sigma.map { $0 * scale }
        var c = KPolynomial<K>([])
        for (s, p) in zip(sigma, cParts) { c = c + s * p }
        guard !c.isZero else { return nil }
        // R = b(k − 1)·x(k)/(c0(k)·v(k)·pre(N, k)) (with x scaled like σ).
        var vPoly = KPolynomial<K>.one
        for root in vRoots { vPoly = vPoly * KPolynomial.linear(root) }
        let r = bShift.element(k) * (scale * x.element(k)) / (c0.element(k) * vPoly.element(k) * term.pre)
        return TelescopingCertificate(sigma: sigma, rational: r, index: k, outer: n)
    }
}
