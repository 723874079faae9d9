import BigNumerics
import PropertyBased
import Testing

@Suite("Polynomial and RationalFunction")
struct RationalFunctionTests {
    let x = RationalFunction.x

    /// Random rational functions of degree <= 4 over small integers.
    static let generator = zip(Gen.int(in: -5...5).array(of: 1...5), Gen.int(in: -5...5).array(of: 1...4)).map {
        n, d -> RationalFunction in
        let den = Polynomial(coefficients: d.map { BigRational($0) })
        return (try? RationalFunction(numerator: Polynomial(coefficients: n.map { BigRational($0) }),
                                      denominator: den.isZero ? .one : den)) ?? .zero
    }

    @Test("field laws")
    func fieldLaws() throws {
        try forAll(seed: 11, count: 150, zip(Self.generator, Self.generator, Self.generator)) { (a: RationalFunction, b: RationalFunction, c: RationalFunction) in
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a - a == .zero)
            if let inv = b.reciprocal { #expect((a / b) * b == a && inv * b == 1) }
        }
    }

    @Test("normalised by gcd with a monic denominator")
    func normalisation() throws {
        let f = (2 * x * x - 2) / (4 * x - 4)          // = (x + 1)/2
        #expect(f.denominator == .one)
        #expect(f.numerator == Polynomial(coefficients: [BigRational(1) / 2, BigRational(1) / 2]))
        let g = (x * x * x - x) / (3 * x * x + 3 * x)  // = (x − 1)/3
        #expect(g == (x - 1) / 3)
        #expect(g.denominator.leadingCoefficient == 1)
        let p = Polynomial.x * Polynomial.x - Polynomial.one
        #expect(Polynomial.gcd(p, Polynomial.x - .one) == Polynomial.x - .one)
        #expect(Polynomial.gcd(p, Polynomial.x + Polynomial(2)) == .one)
    }

    @Test("a true identity holds and a false one fails")
    func identities() {
        // Σ_{k=0}^{n} x^k = (x^{n+1} − 1)/(x − 1)
        var sum = RationalFunction.zero, power = RationalFunction(1)
        for _ in 0...12 { sum += power; power *= x }
        #expect(sum == (power - 1) / (x - 1))
        // The same with the sign of the constant flipped is false.
        #expect(sum != (power + 1) / (x - 1))
        // 1/(x(x+1)) = 1/x − 1/(x+1), but not 1/x + 1/(x+1).
        #expect(1 / (x * (x + 1)) == 1 / x - 1 / (x + 1))
        #expect(1 / (x * (x + 1)) != 1 / x + 1 / (x + 1))
    }

    @Test("removable singularities have exact limits; poles throw")
    func limits() throws {
        let f = (x * x * x - 1) / (x - 1)                   // → 3 at x = 1
        #expect(try f.limit(at: 1) == 3)
        let n = 6
        // Çakmak-type: (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1 → (2^N − N − 1)/(N + 1) at r = 1.
        var rp1 = RationalFunction(1), rn1 = RationalFunction(1)
        for _ in 0..<n { rp1 *= x + 1 }
        for _ in 0...n { rn1 *= x }
        let c = (x - 1) * rp1 / (rn1 - 1) - 1
        #expect(try c.limit(at: 1) == (try BigRational(BigInt(57), BigInt(7))))
        #expect(try c.limit(at: 0) == 0)
        #expect(throws: BigNumericsError.self) { try (1 / (x - 2)).value(at: 2) }
        #expect(try ((x * x + 1) / (2 * x * x)).limitAtInfinity() == BigRational(1) / 2)
    }

    @Test("evaluation, composition and derivative")
    func calculus() throws {
        let f = (x * x + 1) / (x - 3)
        #expect(try f.value(at: 2) == -5)
        let composed = f.composed(with: 1 / x)               // (1/x² + 1)/(1/x − 3) = (1 + x²)/(x − 3x²)
        #expect(composed == (1 + x * x) / (x - 3 * x * x))
        #expect(f.derivative == ((x * x - 6 * x - 1) / ((x - 3) * (x - 3))))
        let value = try BigFloat.withPrecision(200) { f.evaluate(at: BigFloat(BigRational(1) / 3)) }
        #expect(try BigFloat.withPrecision(200) { BigFloat(try f.value(at: BigRational(1) / 3)) } == value)
        let enclosure = try BigFloat.withPrecision(64) { f.evaluate(at: BigInterval(BigRational(1) / 3)) }
        #expect(enclosure.contains(try f.value(at: BigRational(1) / 3)))
        #expect(Polynomial.x.power(3).composed(with: Polynomial.x + .one).evaluate(at: BigRational(1)) == 8)
    }

    @Test("a degree-130 identity normalises quickly (the N = 64 proofs need this)")
    func largeDegree() {
        var sum = RationalFunction.zero, power = RationalFunction(1)
        for k in 0...64 {
            sum += RationalFunction(BigRational(BigInt.binomial(64, UInt(k)))) * power
            power *= x
        }
        var expected = RationalFunction(1)
        for _ in 0..<64 { expected *= x + 1 }
        #expect(sum == expected)
        #expect((sum * sum) / expected == expected)
    }
}
