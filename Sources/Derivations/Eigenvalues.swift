// Characteristic polynomials and rational eigenvalues of an exact generator over Q(y, …):
// components of the sparsity graph first, then per component a Hessenberg reduction by exact
// similarity (pivots decided by canonical form) and the Hessenberg recurrence, O(n³) field
// operations. The characteristic polynomial, cleared of denominators, is factored over Q in
// (λ, y, …) by FLINT; its factors of degree one in λ give the rational eigenvalues, and each
// is substituted back (p(λ_k) = 0 exactly) before it is reported.
import BigNumerics
import Operators
import RealModule

public typealias RF = MultivariateRationalFunction

public struct RationalSpectrum: Sendable {
    /// Distinct rational eigenvalues with algebraic multiplicities.
    public let eigenvalues: [(value: RF, multiplicity: Int)]
    /// Irreducible factors of degree ≥ 2 in λ (eigenvalues that are not rational functions), with multiplicities.
    public let otherFactors: [(factor: MultivariatePolynomial, multiplicity: Int)]
    /// Sizes of the blocks the matrix split into.
    public let blockSizes: [Int]
}

public enum ExactEigenvalues {
    /// The name of λ in the factored polynomial (never a model symbol).
    public static let lambda = "lambda__"

    /// Connected components of the sparsity graph of a square matrix.
    public static func components<S>(_ m: Matrix<S>) -> [[Int]] {
        let n = m.rows
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for j in 0..<n { for i in 0..<n where m[i, j] != .zero { let a = find(i), b = find(j); if a != b { parent[a] = b } } }
        var g: [Int: [Int]] = [:]
        for k in 0..<n { g[find(k), default: []].append(k) }
        return g.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// det(λ − A) as coefficients c_0 … c_n (c_n = 1), by Hessenberg reduction.
    public static func characteristicPolynomial(_ a: Matrix<RF>) -> [RF] {
        let n = a.rows
        var h = a
        if n > 2 {
            for m in 1..<(n - 1) {
                guard let i = (m..<n).first(where: { !h[$0, m - 1].isZero }) else { continue }
                if i != m {
                    for j in 0..<n { let t = h[i, j]; h[i, j] = h[m, j]; h[m, j] = t }
                    for j in 0..<n { let t = h[j, i]; h[j, i] = h[j, m]; h[j, m] = t }
                }
                let t = h[m, m - 1]
                for i in (m + 1)..<n where !h[i, m - 1].isZero {
                    let u = h[i, m - 1] / t
                    for j in 0..<n where !h[m, j].isZero { h[i, j] = h[i, j] - u * h[m, j] }
                    for j in 0..<n where !h[j, i].isZero { h[j, m] = h[j, m] + u * h[j, i] }
                }
            }
        }
        // p_0 = 1; p_m = (λ − h_mm) p_{m−1} − Σ_{i<m} h_im (Π_{j=i+1}^{m} h_{j,j−1}) p_{i−1} (1-based).
        var p: [[RF]] = [[.one]]
        for m in 1...max(n, 1) where n > 0 {
            var next = [RF](repeating: .zero, count: m + 1)
            let prev = p[m - 1]
            for k in 0..<prev.count { next[k + 1] = next[k + 1] + prev[k]; next[k] = next[k] - h[m - 1, m - 1] * prev[k] }
            var prod: RF = .one
            var i = m - 1
            while i >= 1 {
                prod = prod * h[i, i - 1]
                if prod.isZero { break }
                let coef = h[i - 1, m - 1] * prod
                if !coef.isZero { for (k, x) in p[i - 1].enumerated() { next[k] = next[k] - coef * x } }
                i -= 1
            }
            p.append(next)
        }
        return p[n]
    }

    /// The rational eigenvalues of a real exact matrix (entries in Q(y, …)).
    public static func rationalSpectrum(_ a: Matrix<ExactScalar>) throws(DerivationError) -> RationalSpectrum {
        if !a.isSquare { throw .invalidParameter(name: "generator", value: "\(a.rows)x\(a.cols)", allowed: "square") }
        if a.storage.contains(where: { !$0.imaginary.isZero }) {
            throw .notApplicable(reason: "rates are derived for real generators only (this one has complex entries)")
        }
        let real = a.map(\.real)
        var values: [RF: Int] = [:]
        var order: [RF] = []
        var others: [(MultivariatePolynomial, Int)] = []
        let comps = components(real)
        for c in comps {
            let block = real.submatrix(rows: c, cols: c)
            let coefficients = characteristicPolynomial(block)
            let (poly, _) = try clearDenominators(coefficients)
            let (_, factors) = poly.factored()
            var degreeSum = 0
            for (f, e) in factors {
                let deg = f.degree(in: lambda)
                if deg == 0 { continue }
                degreeSum += deg * e
                if deg == 1 {
                    let a1 = f.coefficient(of: lambda, power: 1), a0 = f.coefficient(of: lambda, power: 0)
                    let value = try alg { () throws(AlgebraError) in try RF(numerator: -a0, denominator: a1) }
                    // substitute back: p(λ_k) = 0 exactly
                    if !evaluate(coefficients, at: value).isZero {
                        throw .algebra("eigenvalue \(value) does not annihilate its characteristic polynomial")
                    }
                    if values[value] == nil { order.append(value) }
                    values[value, default: 0] += e
                } else {
                    others.append((f, e))
                }
            }
            if degreeSum != c.count { throw .algebra("factor degrees \(degreeSum) ≠ block size \(c.count)") }
        }
        return RationalSpectrum(eigenvalues: order.map { ($0, values[$0] ?? 0) }, otherFactors: others,
                                blockSizes: comps.map(\.count))
    }

    /// The rational spectrum of the population rate matrix of a collision model's Born generator
    /// (refused when the populations do not evolve on their own).
    public static func populationRates(of l: SparseLindbladian<ExactScalar>) throws(DerivationError) -> RationalSpectrum {
        try rationalSpectrum(populationGenerator(of: l))
    }

    /// R_ik = ⟨i|L(|k⟩⟨k|)|i⟩ from the sparse columns (no d²×d² matrix); refused when L(|k⟩⟨k|)
    /// has off-diagonal entries (then populations do not evolve on their own).
    public static func populationGenerator(of l: SparseLindbladian<ExactScalar>) throws(DerivationError) -> Matrix<ExactScalar> {
        let d = l.dimension
        var r = Matrix<ExactScalar>(rows: d, cols: d)
        for k in 0..<d {
            for (idx, x) in l.column(k, k) {
                let i = idx % d, j = idx / d
                if i != j { throw .notApplicable(reason: "the populations do not evolve on their own (L(|\(k)⟩⟨\(k)|) has coherences): no population rates") }
                r[i, k] = x
            }
        }
        return r
    }

    static func evaluate(_ c: [RF], at x: RF) -> RF {
        var acc: RF = .zero
        for k in stride(from: c.count - 1, through: 0, by: -1) { acc = acc * x + c[k] }
        return acc
    }

    /// Σ c_k λ^k times the lcm of the denominators, as a polynomial in (λ, y, …).
    static func clearDenominators(_ c: [RF]) throws(DerivationError) -> (MultivariatePolynomial, MultivariatePolynomial) {
        var l = MultivariatePolynomial.one
        for x in c where !x.isZero {
            let g = MultivariatePolynomial.gcd(l, x.denominator)
            guard let q = (l * x.denominator).divided(exactlyBy: g) else { throw .algebra("lcm of denominators") }
            l = q
        }
        let lam = MultivariatePolynomial.variable(lambda)
        var p = MultivariatePolynomial.zero
        var power = MultivariatePolynomial.one
        for x in c {
            if !x.isZero {
                guard let s = (l * x.numerator).divided(exactlyBy: x.denominator) else { throw .algebra("clearing denominators") }
                p = p + s * power
            }
            power = power * lam
        }
        return (p, l)
    }
}
