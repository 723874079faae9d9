import BigNumerics
import PropertyBased
import Testing

/// Random univariate polynomials: degree ≤ 7, coefficients p/q with |p| ≤ 30, 1 ≤ q ≤ 6.
let randomUnivariate = Gen.int(in: -30...30).array(of: 0...16).map { raw -> [BigRational] in
    stride(from: 0, to: raw.count - 1, by: 2).map { BigRational(raw[$0]) / BigRational(abs(raw[$0 + 1]) % 6 + 1) }
}

@Suite("Polynomial on FLINT fmpq_poly, against the hand-written arithmetic")
struct FLINTUnivariateTests {
    @Test("product, sum, division, gcd, derivative, composition agree with the hand-written oracle")
    func differential() throws {
        try forAll(seed: 17, count: 300, zip(randomUnivariate, randomUnivariate, randomUnivariate)) { (a: [BigRational], b: [BigRational], c: [BigRational]) in
            let (pa, pb, pc) = (Polynomial(coefficients: a), Polynomial(coefficients: b), Polynomial(coefficients: c))
            let (ha, hb, hc) = (HandWrittenPolynomial(a), HandWrittenPolynomial(b), HandWrittenPolynomial(c))
            #expect((pa * pb).coefficients == (ha * hb).coefficients)
            #expect((pa + pb).coefficients == (ha + hb).coefficients)
            #expect(pa.derivative.coefficients == ha.derivative.coefficients)
            #expect(pa.composed(with: pb).coefficients == ha.composed(with: hb).coefficients)
            if !hb.isZero {
                let (q, r) = try (pa * pc).quotientAndRemainder(dividingBy: pb)
                let (hq, hr) = (ha * hc).quotientAndRemainder(dividingBy: hb)
                #expect(q.coefficients == hq.coefficients && r.coefficients == hr.coefficients)
            }
            // gcd with a planted common factor c.
            #expect(Polynomial.gcd(pa * pc, pb * pc).coefficients == HandWrittenPolynomial.gcd(ha * hc, hb * hc).coefficients)
            #expect(Polynomial(coefficients: a) == pa && Polynomial(coefficients: a).hashValue == pa.hashValue)
            let x0 = BigRational(a.count) / 7
            #expect(pa.evaluate(at: x0) == a.reversed().reduce(BigRational(0)) { $0 * x0 + $1 })
            #expect(pa.evaluate(at: x0.doubleValue) == a.reversed().reduce(0.0) { $0 * x0.doubleValue + $1.doubleValue })
        }
    }

    @Test("RationalFunction.sum equals the fold of +")
    func univariateSum() throws {
        let x = RationalFunction.x
        try forAll(seed: 31, count: 60, zip(randomUnivariate, randomUnivariate).array(of: 0...6)) { (pairs: [([BigRational], [BigRational])]) in
            let terms = pairs.map { n, d -> RationalFunction in
                let den = Polynomial(coefficients: d)
                return (try? RationalFunction(numerator: Polynomial(coefficients: n), denominator: den.isZero ? .one : den)) ?? .zero
            }
            #expect(RationalFunction.sum(terms) == terms.reduce(RationalFunction.zero, +))
        }
        // Eq. (15)'s shape: r^k (1 − r)/(1 − r^7), k = 0…6, sums to 1.
        #expect(RationalFunction.sum((0...6).map { k in (1 - x) * RationalFunction(Polynomial.x.power(k)) / (1 - RationalFunction(Polynomial.x.power(7))) }) == 1)
    }

    @Test("trailing zeros are dropped, the zero polynomial has degree −1")
    func normalForm() {
        let p = Polynomial(coefficients: [1, 2, 0, 0])
        #expect(p.coefficients == [1, 2] && p.degree == 1)
        #expect(Polynomial.zero.degree == -1 && Polynomial.zero.coefficients.isEmpty && Polynomial.zero.isZero)
        #expect(Polynomial.monomial(3, degree: 4).coefficients == [0, 0, 0, 0, 3])
        #expect((Polynomial.x - .x) == .zero)
        #expect(Polynomial.x.power(0) == .one && Polynomial.x.power(3) == .monomial(1, degree: 3))
        #expect((2 * Polynomial.x + .one).monic.coefficients == [BigRational(1) / 2, 1])
        #expect((3 * Polynomial.x).description == "3*x")
    }
}
