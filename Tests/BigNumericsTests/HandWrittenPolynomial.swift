import BigNumerics

/// The hand-written univariate arithmetic `Polynomial` had before it moved onto FLINT's
/// `fmpq_poly`, kept as an independent oracle for the differential tests
/// (`FLINTUnivariateTests`): schoolbook product, long division and Euclid over Q.
struct HandWrittenPolynomial: Equatable {
    let coefficients: [BigRational]

    init(_ coefficients: [BigRational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    var degree: Int { coefficients.count - 1 }
    var isZero: Bool { coefficients.isEmpty }

    var monic: HandWrittenPolynomial {
        guard let lead = coefficients.last, lead != 1 else { return self }
        return HandWrittenPolynomial(coefficients.map { $0 / lead })
    }

    var derivative: HandWrittenPolynomial {
        guard degree >= 1 else { return HandWrittenPolynomial([]) }
        return HandWrittenPolynomial((1...degree).map { BigRational($0) * coefficients[$0] })
    }

    static func + (a: HandWrittenPolynomial, b: HandWrittenPolynomial) -> HandWrittenPolynomial {
        var c = [BigRational](repeating: 0, count: max(a.coefficients.count, b.coefficients.count))
        for (i, v) in a.coefficients.enumerated() { c[i] = v }
        for (i, v) in b.coefficients.enumerated() { c[i] += v }
        return HandWrittenPolynomial(c)
    }

    static func * (a: HandWrittenPolynomial, b: HandWrittenPolynomial) -> HandWrittenPolynomial {
        if a.isZero || b.isZero { return HandWrittenPolynomial([]) }
        var c = [BigRational](repeating: 0, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() { for (j, y) in b.coefficients.enumerated() { c[i + j] += x * y } }
        return HandWrittenPolynomial(c)
    }

    func composed(with q: HandWrittenPolynomial) -> HandWrittenPolynomial {
        var result = HandWrittenPolynomial([])
        for c in coefficients.reversed() { result = result * q + HandWrittenPolynomial([c]) }
        return result
    }

    /// Long division; the divisor must not be zero.
    func quotientAndRemainder(dividingBy divisor: HandWrittenPolynomial) -> (HandWrittenPolynomial, HandWrittenPolynomial) {
        if degree < divisor.degree { return (HandWrittenPolynomial([]), self) }
        var r = coefficients
        let dn = divisor.degree
        let lead = divisor.coefficients[dn]
        var q = [BigRational](repeating: 0, count: degree - dn + 1)
        for k in stride(from: degree - dn, through: 0, by: -1) {
            let t = r[k + dn] / lead
            q[k] = t
            for j in 0...dn { r[k + j] -= t * divisor.coefficients[j] }
        }
        return (HandWrittenPolynomial(q), HandWrittenPolynomial(Array(r.prefix(dn))))
    }

    /// Monic gcd by Euclid over Q.
    static func gcd(_ a: HandWrittenPolynomial, _ b: HandWrittenPolynomial) -> HandWrittenPolynomial {
        var (u, v) = (a.monic, b.monic)
        while !v.isZero { (u, v) = (v, u.quotientAndRemainder(dividingBy: v).1.monic) }
        return u.monic
    }
}
