import BigNumerics
import RealModule

/// A polynomial in the summation index over the field K (coefficients c₀, c₁, …, no trailing
/// zeros): what Gosper's equation is written in.
struct KPolynomial<K: SymbolicField> {
    var coefficients: [K]

    init(_ coefficients: [K]) {
        var c = coefficients
        while let last = c.last, last.isZeroElement { c.removeLast() }
        self.coefficients = c
    }

    static var one: KPolynomial { KPolynomial([K(rational: 1)]) }
    var degree: Int { coefficients.count - 1 }
    var isZero: Bool { coefficients.isEmpty }
    func coefficient(_ i: Int) -> K { i >= 0 && i < coefficients.count ? coefficients[i] : K.zero }
    var leading: K { coefficients.last ?? K.zero }

    /// k + α.
    static func linear(_ alpha: K) -> KPolynomial { KPolynomial([alpha, K(rational: 1)]) }

    static func + (a: KPolynomial, b: KPolynomial) -> KPolynomial {
        KPolynomial((0..<max(a.coefficients.count, b.coefficients.count)).map { a.coefficient($0) + b.coefficient($0) })
    }
    static func - (a: KPolynomial, b: KPolynomial) -> KPolynomial {
        KPolynomial((0..<max(a.coefficients.count, b.coefficients.count)).map { a.coefficient($0) - b.coefficient($0) })
    }
    static func * (a: KPolynomial, b: KPolynomial) -> KPolynomial {
        guard !a.isZero, !b.isZero else { return KPolynomial([]) }
        var c = [K](repeating: K.zero, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() where !x.isZeroElement {
            for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
        }
        return KPolynomial(c)
    }
    static func * (s: K, a: KPolynomial) -> KPolynomial { KPolynomial(a.coefficients.map { s * $0 }) }

    /// p(k + s) (Taylor shift by repeated synthetic steps).
    func shifted(by s: Int) -> KPolynomial {
        guard s != 0, degree > 0 else { return self }
        let shift = KPolynomial([K(rational: BigRational(s)), K(rational: 1)])
        var result = KPolynomial([])
        for c in coefficients.reversed() { result = result * shift + KPolynomial([c]) }
        return result
    }

    /// Back to a field element in the variable `name`.
    func element(_ name: String) -> K { K.horner(coefficients, K.symbol(name)) }

    /// From a field element that is a polynomial in `name`.
    static func from(_ x: K, _ name: String) throws(SummationError) -> KPolynomial {
        guard let c = x.coefficients(in: name) else {
            throw .notApplicable("the rational factor of the summand has \(name) in its denominator (the certificate method needs a polynomial times a hypergeometric factor)")
        }
        return KPolynomial(c)
    }
}

/// A non-zero vector of the null space of an m×n matrix over K (Gaussian elimination), choosing
/// the free column so that one of `preferNonzero` is non-zero when possible; nil if only zero.
func nullVector<K: SymbolicField>(_ matrix: [[K]], columns n: Int, preferNonzero: [Int]) -> [K]? {
    var rows = matrix.filter { !$0.allSatisfy(\.isZeroElement) }
    var pivots: [Int] = []      // pivot column of each reduced row
    var r = 0
    for col in 0..<n {
        guard let p = (r..<rows.count).first(where: { !rows[$0][col].isZeroElement }) else { continue }
        rows.swapAt(r, p)
        let inv = K(rational: 1) / rows[r][col]
        rows[r] = rows[r].map { $0 * inv }
        for i in 0..<rows.count where i != r && !rows[i][col].isZeroElement {
            let f = rows[i][col]
            for j in col..<n where !rows[r][j].isZeroElement { rows[i][j] = rows[i][j] - f * rows[r][j] }
        }
        pivots.append(col)
        r += 1
        if r == rows.count { break }
    }
    let free = (0..<n).filter { !pivots.contains($0) }
    guard !free.isEmpty else { return nil }
    // Try each free column; keep the first solution with a preferred component non-zero.
    var fallback: [K]?
    for f in free {
        var v = [K](repeating: K.zero, count: n)
        v[f] = K(rational: 1)
        for (i, pc) in pivots.enumerated() { v[pc] = K.zero - rows[i][f] }
        if preferNonzero.isEmpty || preferNonzero.contains(where: { !v[$0].isZeroElement }) { return v }
        if fallback == nil { fallback = v }
    }
    return preferNonzero.isEmpty ? fallback : nil
}
