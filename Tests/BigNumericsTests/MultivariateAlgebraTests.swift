import BigNumerics
import PropertyBased
import Testing

typealias MP = MultivariatePolynomial
typealias MRF = MultivariateRationalFunction

/// Random polynomials in x, y, z with small integer coefficients and degrees ≤ 3 per variable.
let randomPolynomial = Gen.int(in: -4...4).array(of: 4...24).map { raw -> MP in
    var p = MP.zero
    var i = 0
    let names = ["x", "y", "z"]
    while i + 3 < raw.count {
        var m = MP(BigRational(raw[i]))
        for k in 0..<3 { m *= MP.variable(names[k]).power(abs(raw[i + 1 + k]) % 4) }
        p += m
        i += 4
    }
    return p
}

let randomFunction = zip(randomPolynomial, randomPolynomial).map { n, d -> MRF in
    (try? MRF(numerator: n, denominator: d.isZero ? .one : d)) ?? .zero
}

/// A random exact point for x, y, z.
let randomPoint = Gen.int(in: -9...9).array(of: 6).map { v -> [String: BigRational] in
    ["x": BigRational(v[0]) / BigRational(abs(v[1]) + 1),
     "y": BigRational(v[2]) / BigRational(abs(v[3]) + 1),
     "z": BigRational(v[4]) / BigRational(abs(v[5]) + 1)]
}

@Suite("Multivariate polynomials and rational functions (FLINT fmpq_mpoly)")
struct MultivariateAlgebraTests {
    let x = MP.variable("x"), y = MP.variable("y"), z = MP.variable("z")

    @Test("ring laws, with values of different variable sets promoted")
    func ringLaws() throws {
        try forAll(seed: 3, count: 150, zip(randomPolynomial, randomPolynomial, randomPolynomial)) { (a: MP, b: MP, c: MP) in
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a - a == .zero && (a - a).isZero)
            #expect(a + 0 == a && a * 1 == a)
            #expect((a * b).hashValue == (b * a).hashValue)
        }
        // x from a one-variable ring meets y from another: the union ring, sorted.
        let s = x * y + 3
        #expect(s.variables == ["x", "y"])
        #expect(s - x * y == 3 && (s - x * y).isConstant && (s - x * y).constantValue == 3)
        #expect((z + x).variables == ["x", "z"])
        #expect((x + y - y).variables == ["x"])
    }

    @Test("evaluation is a ring homomorphism: agrees with BigRational arithmetic at random points")
    func evaluationHomomorphism() throws {
        try forAll(seed: 5, count: 120, zip(randomPolynomial, randomPolynomial, randomPoint)) { (a: MP, b: MP, pt: [String: BigRational]) in
            let ea = try a.evaluate(pt), eb = try b.evaluate(pt)
            #expect(try (a * b).evaluate(pt) == ea * eb)
            #expect(try (a - b).evaluate(pt) == ea - eb)
            #expect(try a.power(3).evaluate(pt) == ea * ea * ea)
        }
    }

    @Test("hand-checkable values, degrees, coefficients, derivative, description")
    func basics() throws {
        let p = x * x * y - BigRational(3) / 2 * x + 1
        #expect(p.description == "x^2*y - 3/2*x + 1")
        #expect(p.degree(in: "x") == 2 && p.degree(in: "y") == 1 && p.degree(in: "w") == 0 && MP.zero.degree(in: "x") == -1)
        #expect(p.totalDegree == 3)
        #expect(p.coefficients(in: "x") == [1, -BigRational(3) / 2 * MP.one, y])
        #expect(p.derivative("x") == 2 * x * y - MP(BigRational(3) / 2))
        #expect(p.derivative("y") == x * x && p.derivative("w") == .zero)
        #expect(try p.evaluate(["x": 2, "y": BigRational(1) / 4]) == 1 - 3 + 1)
        #expect(try MP(7).evaluate([:]) == 7)
        #expect(p.substituting(["x": y + 1]) == (y + 1).power(2) * y - BigRational(3) / 2 * (y + 1) + 1)
        #expect(p.substituting(["x": y, "y": x]) == y * y * x - BigRational(3) / 2 * y + 1)   // simultaneous
        #expect(p.partiallyEvaluated(["y": 0]) == 1 - BigRational(3) / 2 * x)
        #expect(try p.terms().map(\.exponents) == [["x": 2, "y": 1], ["x": 1], [:]])
    }

    @Test("gcd and factorisation: hand-checkable and random products")
    func gcdAndFactor() throws {
        let f = (x + y) * (x - 2 * z) * (x - 2 * z), g = 3 * (x - 2 * z) * (y * y + 1)
        #expect(MP.gcd(f, g) == x - 2 * z)
        #expect(MP.gcd(x + 1, y) == 1)
        #expect(MP.gcd(.zero, 2 * x + 2) == x + 1)
        let (unit, factors) = (6 * f).factored()
        #expect(unit == 6)
        #expect(factors.count == 2)
        #expect(factors.contains { $0.0 == x + y && $0.1 == 1 })
        #expect(factors.contains { $0.0 == x - 2 * z && $0.1 == 2 })
        try forAll(seed: 7, count: 40, zip(randomPolynomial, randomPolynomial, randomPolynomial)) { (a: MP, b: MP, c: MP) in
            guard !c.isZero else { return }
            let g = MP.gcd(a * c, b * c)
            #expect((a * c).divided(exactlyBy: g) != nil && (b * c).divided(exactlyBy: g) != nil)
            #expect(g.divided(exactlyBy: c) != nil, "gcd(ac, bc) is a multiple of c")
            let (u, fs) = (a * c).factored()
            var product = MP(u)
            for (p, e) in fs { product *= p.power(e) }
            #expect(product == a * c)
        }
    }

    @Test("canonical form: equal values built in different orders are == and hash alike")
    func canonicalForm() throws {
        let X = MRF.variable("x"), Y = MRF.variable("y")
        let a = (X * X - Y * Y) / (2 * X + 2 * Y)
        let b = X / 2 - Y / 2
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.denominator == 1 && b.numerator == BigRational(1) / 2 * x - BigRational(1) / 2 * y)
        let c = 1 / (X - Y) + 1 / (X + Y), d = 2 * X / (X * X - Y * Y)
        #expect(c == d && c.hashValue == d.hashValue)
        #expect(d.denominator.leadingCoefficient == 1)
        let e = try MRF(numerator: 6 * x * y, denominator: -4 * y * y)
        #expect(e.numerator == BigRational(-3) / 2 * x && e.denominator == y)
        #expect(Set([a, b, c, d]).count == 2)
        try forAll(seed: 9, count: 100, zip(randomFunction, randomFunction, randomFunction)) { (f: MRF, g: MRF, h: MRF) in
            #expect(f + g == g + f && (f + g).hashValue == (g + f).hashValue)
            #expect((f * g) * h == f * (g * h))
            #expect(f * (g + h) == f * g + f * h)
            #expect(f - f == .zero)
            if let r = g.reciprocal { #expect((f / g) * g == f && r * g == 1) }
            #expect(MP.gcd(f.numerator, f.denominator).isConstant)
            #expect(f.denominator.leadingCoefficient == 1)
        }
    }

    @Test("sum normalises once and equals the fold of +; hashing ignores the ring a value lives in")
    func sumAndRingIndependence() throws {
        try forAll(seed: 29, count: 60, randomFunction.array(of: 0...6)) { (terms: [MRF]) in
            let folded = terms.reduce(MRF.zero, +)
            let summed = MRF.sum(terms)
            #expect(summed == folded && summed.hashValue == folded.hashValue)
            #expect(MP.gcd(summed.numerator, summed.denominator).isConstant && summed.denominator.leadingCoefficient == 1)
        }
        let X = MRF.variable("x"), R = MRF.variable("r")
        // Shared denominators (Eq. 15's shape) and distinct ones.
        #expect(MRF.sum((0...6).map { k in R.power(k) * (1 - R) / (1 - R.power(7)) }) == 1)
        #expect(MRF.sum([1 / X, 1 / (X + 1), -1 / (X * (X + 1))]) == 2 / (X + 1))   // (x + 1 + x − 1)/(x(x + 1))
        #expect(MRF.sum([MRF]()) == .zero)
        // x² built in Q[x, y, z] (by cancelling) and in Q[x]: equal, same hash, same variables.
        let wide = x * x + y * z - z * y, narrow = x * x
        #expect(wide == narrow && wide.hashValue == narrow.hashValue && wide.variables == ["x"])
        #expect(MP(7) == MP(BigRational(7)) && MP(BigInt(7)) == 7 && MRF(-3) == MRF(BigRational(-3)))
    }

    @Test("rational evaluation agrees with BigRational arithmetic; poles are typed errors")
    func rationalEvaluation() throws {
        try forAll(seed: 13, count: 100, zip(randomFunction, randomFunction, randomPoint)) { (f: MRF, g: MRF, pt: [String: BigRational]) throws in
            guard let ef = try? f.evaluate(pt), let eg = try? g.evaluate(pt) else { return }
            #expect(try (f + g).evaluate(pt) == ef + eg)
            #expect(try (f * g).evaluate(pt) == ef * eg)
        }
        let X = MRF.variable("x"), Y = MRF.variable("y")
        let f = 1 / (X - Y)
        #expect(throws: AlgebraError.pole(point: "x = 1, y = 1", function: "(1)/(x - y)")) { try f.evaluate(["x": 1, "y": 1]) }
        #expect(throws: AlgebraError.missingVariable(name: "y", expression: "x - y")) { try f.evaluate(["x": 1]) }
        #expect(throws: AlgebraError.self) { try MRF(numerator: x, denominator: .zero) }
        #expect(throws: AlgebraError.self) { try X.divided(by: .zero) }
        #expect(throws: AlgebraError.self) { try MRF.zero.checkedPower(-2) }
        #expect(throws: AlgebraError.self) { try x.checkedPower(-1) }
        #expect(throws: AlgebraError.self) { try f.partiallyEvaluated(["x": 1, "y": 1]) }
        #expect(try f.partiallyEvaluated(["y": 2]) == 1 / (X - 2))
        #expect((X / Y).power(-3) == Y * Y * Y / (X * X * X))
    }

    @Test("limits with removable singularities and other variables symbolic")
    func limits() throws {
        let X = MRF.variable("x"), Y = MRF.variable("y"), R = MRF.variable("r")
        // (x² − y²)/(x − y) is normalised to x + y; at x = y the function value is 2y.
        #expect(try ((X * X - Y * Y) / (X - Y)).limit("x", at: 3) == 3 + Y)
        // A geometric sum Σ_{k<N} r^k = (1 − r^N)/(1 − r) at r → 1 with N = 5 is 5; times y stays symbolic.
        let geometric = Y * (1 - R.power(5)) / (1 - R)
        #expect(try geometric.limit("r", at: 1) == 5 * Y)
        // (sin-free) 0/0 at x = 1 with y symbolic: (x − 1)y / ((x − 1)(x + y)) → y/(1 + y).
        let h = (X - 1) * Y / ((X - 1) * (X + Y) + (X - 1) * (X - 1) * Y)
        #expect(try h.limit("x", at: 1) == Y / (1 + Y))
        #expect(try (Y / X).limit("x", at: 2) == Y / 2)
        #expect(throws: AlgebraError.divergentLimit(variable: "x", point: "0", function: "(y)/(x)")) { try (Y / X).limit("x", at: 0) }
        #expect(try ((X * Y + 1) / (2 * X + Y)).limitAtInfinity("x") == Y / 2)
        #expect(try (Y / (X + 1)).limitAtInfinity("x") == 0)
        #expect(throws: AlgebraError.self) { try (X * X / (X + Y)).limitAtInfinity("x") }
    }

    @Test("substitution and derivative of rational functions")
    func substitutionAndDerivative() throws {
        let X = MRF.variable("x"), Y = MRF.variable("y"), T = MRF.variable("t")
        let f = (X * X + Y) / (X - Y)
        // Quotient rule, checked against the hand-derived form.
        #expect(f.derivative("x") == (X * X - 2 * X * Y - Y) / ((X - Y) * (X - Y)))
        #expect(f.derivative("y") == (X * X + X) / ((X - Y) * (X - Y)))
        // Simultaneous rational substitution, against composition by field operations.
        let s = try f.substituting(["x": 1 / T, "y": X / T])
        let expected = ((1 / T) * (1 / T) + X / T) / (1 / T - X / T)
        #expect(s == expected)
        #expect(try f.substituting(["x": Y, "y": X]) == (Y * Y + X) / (Y - X))
        #expect(throws: AlgebraError.self) { try (1 / (X - Y)).substituting(["x": Y]) }
        // Chain rule at random points: d/dt f(t², t) against the symbolic derivative.
        let g = try f.substituting(["x": T * T, "y": T])
        let chain = try f.derivative("x").substituting(["x": T * T, "y": T]) * 2 * T
            + f.derivative("y").substituting(["x": T * T, "y": T])
        #expect(g.derivative("t") == chain)
    }
}
