import RealModule

/// A rational function P/Q over Q in named variables, in canonical form: gcd(P, Q) = 1 and the
/// leading coefficient of Q in the deglex order over sorted names (see `PolynomialRing`) is 1.
/// Equal functions therefore have equal numerators and denominators, so `==` is structural
/// and hashing is consistent; normalisation also cancels every removable singularity.
///
/// Conforms to `RationalField`, so every rational closed form written once generically
/// evaluates here symbolically in all its parameters at once.
///
/// Ordered as an ordered field only to satisfy `Numeric.Magnitude`: f > 0 when the leading
/// (deglex) coefficient of its numerator is positive, the order of f along a curve on which
/// every variable grows to +∞ at rates separated as deglex ranks them.
public struct MultivariateRationalFunction: Sendable {
    public let numerator: MultivariatePolynomial
    public let denominator: MultivariatePolynomial

    /// Already coprime with the denominator's leading coefficient 1.
    init(trusted p: MultivariatePolynomial, _ q: MultivariatePolynomial) {
        numerator = p
        denominator = q
    }

    /// P/Q normalised. Precondition: Q is not zero.
    init(normalising p: MultivariatePolynomial, _ q: MultivariatePolynomial) {
        if p.isZero { self.init(trusted: .zero, .one); return }
        if let c = q.constantValue {
            self.init(trusted: (1 / c) * p, .one)
            return
        }
        var n = p, d = q
        if !p.isConstant, let (g, pbar, qbar) = try? MultivariatePolynomial.gcdWithCofactors(p, q), !g.isOne {
            n = pbar
            d = qbar
        }
        if !d.isMonic { n = n.dividedByLeadingCoefficient(of: d); d = d.madeMonic() }
        self.init(trusted: n, d)
    }

    /// P/Q, normalised. Throws when Q is the zero polynomial.
    public init(numerator: MultivariatePolynomial, denominator: MultivariatePolynomial) throws(AlgebraError) {
        guard !denominator.isZero else {
            throw .divisionByZero(context: "MultivariateRationalFunction (\(numerator))/(0)")
        }
        self.init(normalising: numerator, denominator)
    }

    public init(_ p: MultivariatePolynomial) { self.init(trusted: p, .one) }
    public init(_ c: BigRational) { self.init(MultivariatePolynomial(c)) }
    public init(_ n: Int) { self.init(MultivariatePolynomial(n)) }
    public init(_ n: BigInt) { self.init(MultivariatePolynomial(n)) }

    public static func variable(_ name: String) -> MultivariateRationalFunction {
        MultivariateRationalFunction(MultivariatePolynomial.variable(name))
    }

    /// The names that occur, sorted.
    public var variables: [String] { Array(Set(numerator.variables).union(denominator.variables)).sorted() }

    public var isZero: Bool { numerator.isZero }
    public var isPolynomial: Bool { denominator.isOne }

    /// The value when the function is a constant, else nil.
    public var constantValue: BigRational? {
        guard denominator.isOne else { return nil }
        return numerator.constantValue
    }
}

// MARK: Field operations

extension MultivariateRationalFunction {
    /// Henrici's addition: with g = gcd(b, d), b = g·b', d = g·d', the sum is t/(b'·d'·g)
    /// for t = a·d' + c·b', and only gcd(t, g) can cancel.
    public static func + (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> MultivariateRationalFunction {
        let (a, b, c, d) = (f.numerator, f.denominator, h.numerator, h.denominator)
        if a.isZero { return h }
        if c.isZero { return f }
        // A polynomial term: (a + c·b)/b is still coprime to b, no gcd needed.
        if d.isOne { return MultivariateRationalFunction(trusted: a + c * b, b) }
        if b.isOne { return MultivariateRationalFunction(trusted: a * d + c, d) }
        if b == d { return MultivariateRationalFunction(normalising: a + c, b) }
        guard let (g, bg, dg) = try? MultivariatePolynomial.gcdWithCofactors(b, d) else {
            return MultivariateRationalFunction(normalising: a * d + c * b, b * d)
        }
        if g.isOne { return MultivariateRationalFunction(trusted: a * d + c * b, b * d) }
        let t = a * dg + c * bg
        if t.isZero { return .zero }
        guard let (k, tk, gk) = try? MultivariatePolynomial.gcdWithCofactors(t, g) else {
            return MultivariateRationalFunction(normalising: t, bg * d)
        }
        // b, d, g monic ⇒ b', d', g/k monic: the denominator needs no rescaling.
        return k.isOne ? MultivariateRationalFunction(trusted: t, bg * d) : MultivariateRationalFunction(trusted: tk, bg * dg * gk)
    }

    /// Σ terms normalised once: terms with equal denominators are added numerator to numerator,
    /// the distinct denominators are brought to their lcm, and the one gcd that makes the
    /// result canonical is taken at the end (a sum built with `+` takes one per term).
    public static func sum<S: Sequence>(_ terms: S) -> MultivariateRationalFunction where S.Element == MultivariateRationalFunction {
        var groups: [MultivariatePolynomial: MultivariatePolynomial] = [:]
        var order: [MultivariatePolynomial] = []
        for t in terms where !t.isZero {
            if let n = groups[t.denominator] { groups[t.denominator] = n + t.numerator } else {
                groups[t.denominator] = t.numerator
                order.append(t.denominator)
            }
        }
        guard let first = order.first, let firstNumerator = groups[first] else { return .zero }
        var n = firstNumerator, d = first
        for den in order.dropFirst() {
            guard let m = groups[den] else { continue }
            // lcm(d, den) = d·(den/g); n/d + m/den = (n·(den/g) + m·(d/g)) / lcm.
            if let (_, dg, eg) = try? MultivariatePolynomial.gcdWithCofactors(d, den) {
                n = n * eg + m * dg
                d = d * eg
            } else {
                n = n * den + m * d
                d = d * den
            }
        }
        return MultivariateRationalFunction(normalising: n, d)
    }

    public static prefix func - (f: MultivariateRationalFunction) -> MultivariateRationalFunction {
        MultivariateRationalFunction(trusted: -f.numerator, f.denominator)
    }

    public static func - (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> MultivariateRationalFunction { f + (-h) }

    /// Cross-cancellation first: (a/b)(c/d) = (a/g₁)(c/g₂) / ((b/g₂)(d/g₁)) with g₁ = gcd(a, d),
    /// g₂ = gcd(c, b); every factor of the denominator stays monic.
    public static func * (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> MultivariateRationalFunction {
        if f.isZero || h.isZero { return .zero }
        if f.denominator.isOne && h.denominator.isOne { return MultivariateRationalFunction(trusted: f.numerator * h.numerator, .one) }
        // A non-zero constant factor changes no gcd.
        if h.denominator.isOne && h.numerator.isConstant { return MultivariateRationalFunction(trusted: f.numerator * h.numerator, f.denominator) }
        if f.denominator.isOne && f.numerator.isConstant { return MultivariateRationalFunction(trusted: f.numerator * h.numerator, h.denominator) }
        guard let (_, a1, d1) = try? MultivariatePolynomial.gcdWithCofactors(f.numerator, h.denominator),
              let (_, c1, b1) = try? MultivariatePolynomial.gcdWithCofactors(h.numerator, f.denominator) else {
            return MultivariateRationalFunction(normalising: f.numerator * h.numerator, f.denominator * h.denominator)
        }
        // The cofactors of a monic gcd keep the leading coefficients: renormalise the scalar.
        return MultivariateRationalFunction(normalisingScalar: a1 * c1, b1 * d1)
    }

    /// Coprime P and Q: only the denominator's leading coefficient is made 1.
    init(normalisingScalar p: MultivariatePolynomial, _ q: MultivariatePolynomial) {
        if q.isMonic { self.init(trusted: p, q) } else {
            self.init(trusted: p.dividedByLeadingCoefficient(of: q), q.madeMonic())
        }
    }

    /// 1/f, or nil for the zero function.
    public var reciprocal: MultivariateRationalFunction? {
        isZero ? nil : MultivariateRationalFunction(normalisingScalar: denominator, numerator)
    }

    public func checkedReciprocal() throws(AlgebraError) -> MultivariateRationalFunction {
        guard let r = reciprocal else { throw .divisionByZero(context: "1/0 (MultivariateRationalFunction.reciprocal)") }
        return r
    }

    /// self / other, throwing on the zero function (the `/` operator traps, as `Int` division does).
    public func divided(by other: MultivariateRationalFunction) throws(AlgebraError) -> MultivariateRationalFunction {
        guard let r = other.reciprocal else { throw .divisionByZero(context: "(\(self)) / 0") }
        return self * r
    }

    public static func / (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> MultivariateRationalFunction {
        guard let r = h.reciprocal else { preconditionFailure("MultivariateRationalFunction division by zero") }
        return f * r
    }

    public static func += (a: inout MultivariateRationalFunction, b: MultivariateRationalFunction) { a = a + b }
    public static func -= (a: inout MultivariateRationalFunction, b: MultivariateRationalFunction) { a = a - b }
    public static func *= (a: inout MultivariateRationalFunction, b: MultivariateRationalFunction) { a = a * b }
    public static func /= (a: inout MultivariateRationalFunction, b: MultivariateRationalFunction) { a = a / b }

    /// self^e for any integer e (negative when self is not zero). Traps for 0 to a negative
    /// power, as `/` does; `checkedPower` throws instead.
    public func power(_ e: Int) -> MultivariateRationalFunction {
        do { return try checkedPower(e) } catch { preconditionFailure("\(error)") }
    }

    public func checkedPower(_ e: Int) throws(AlgebraError) -> MultivariateRationalFunction {
        if e >= 0 {
            // Powers of coprime polynomials are coprime; a monic power stays monic.
            return MultivariateRationalFunction(trusted: try numerator.checkedPower(e), try denominator.checkedPower(e))
        }
        guard e != Int.min, let r = reciprocal else { throw .invalidExponent(exponent: e, context: "the zero function") }
        return try r.checkedPower(-e)
    }
}

// MARK: Calculus, evaluation, substitution

extension MultivariateRationalFunction {
    /// The exact value at `point` (every variable that occurs must be given). Because the
    /// function is normalised, a zero of the denominator is a pole, never removable (for a
    /// removable singularity use `limit`).
    public func evaluate(_ point: [String: BigRational]) throws(AlgebraError) -> BigRational {
        let q = try denominator.evaluate(point)
        guard !q.isZero else {
            throw .pole(point: MultivariateRationalFunction.describe(point, variables), function: description)
        }
        return try numerator.evaluate(point) / q
    }

    /// Some variables fixed, the others symbolic; throws when the denominator vanishes
    /// identically there (a pole along the whole slice).
    public func partiallyEvaluated(_ point: [String: BigRational]) throws(AlgebraError) -> MultivariateRationalFunction {
        let q = denominator.partiallyEvaluated(point)
        guard !q.isZero else {
            throw .pole(point: MultivariateRationalFunction.describe(point, variables), function: description)
        }
        return MultivariateRationalFunction(normalising: numerator.partiallyEvaluated(point).compacted(), q.compacted())
    }

    /// Simultaneous substitution of rational functions for variables. Throws when the
    /// result's denominator vanishes identically.
    public func substituting(_ s: [String: MultivariateRationalFunction]) throws(AlgebraError) -> MultivariateRationalFunction {
        let present = Set(variables)
        let relevant = s.filter { present.contains($0.key) }
        if relevant.isEmpty { return self }
        // Polynomial images: one FLINT composition each for P and Q.
        if relevant.values.allSatisfy(\.isPolynomial) {
            let images = relevant.mapValues(\.numerator)
            let q = denominator.substituting(images)
            guard !q.isZero else { throw .divisionByZero(context: "substituting into \(self)") }
            return MultivariateRationalFunction(normalising: numerator.substituting(images), q)
        }
        // Rename the substituted variables to fresh names no image uses, then replace them one
        // at a time by Horner's scheme: sequential on fresh names is simultaneous.
        let taken = Set(relevant.values.flatMap(\.variables)).union(present)
        var fresh: [String: String] = [:]
        for name in relevant.keys.sorted() {
            var candidate = "\u{1}" + name
            while taken.contains(candidate) || fresh.values.contains(candidate) { candidate = "\u{1}" + candidate }
            fresh[name] = candidate
        }
        let renaming = fresh.mapValues { MultivariatePolynomial.variable($0) }
        var p = numerator.substituting(renaming), q = denominator.substituting(renaming)
        for (name, image) in relevant.sorted(by: { $0.key < $1.key }) {
            guard let f = fresh[name] else { continue }
            p = try MultivariateRationalFunction.horner(p, f, image, &q)
        }
        return try MultivariateRationalFunction(numerator: p, denominator: q)
    }

    /// Replaces `name` by `g = u/v` in P and Q at once: P(g)/Q(g) = (P̃)/(Q̃) with both
    /// homogenised to the common degree d, P̃ = Σ pₖ uᵏ v^(d−k).
    private static func horner(_ p: MultivariatePolynomial, _ name: String, _ g: MultivariateRationalFunction,
                               _ q: inout MultivariatePolynomial) throws(AlgebraError) -> MultivariatePolynomial {
        let pc = p.coefficients(in: name), qc = q.coefficients(in: name)
        let d = max(pc.count, qc.count) - 1
        guard d >= 1 else { return p }
        let u = g.numerator, v = g.denominator
        func homogenised(_ c: [MultivariatePolynomial]) -> MultivariatePolynomial {
            // Σ cₖ uᵏ v^(d−k) by Horner in u/v with the v-powers kept integral.
            var result = MultivariatePolynomial.zero
            var vPower = MultivariatePolynomial.one
            var terms: [MultivariatePolynomial] = Array(repeating: .zero, count: d + 1)
            for k in stride(from: d, through: 0, by: -1) {
                terms[k] = vPower
                vPower *= v
            }
            var uPower = MultivariatePolynomial.one
            for k in 0...d {
                if k < c.count, !c[k].isZero { result += c[k] * uPower * terms[k] }
                uPower *= u
            }
            return result
        }
        let newP = homogenised(pc)
        q = homogenised(qc)
        guard !q.isZero else { throw .divisionByZero(context: "substituting \(name) = \(g)") }
        return newP
    }

    /// ∂/∂name.
    public func derivative(_ name: String) -> MultivariateRationalFunction {
        let dp = numerator.derivative(name), dq = denominator.derivative(name)
        if dq.isZero { return MultivariateRationalFunction(normalising: dp, denominator) }
        return MultivariateRationalFunction(normalising: dp * denominator - numerator * dq, denominator * denominator)
    }

    /// lim_{name → a} exactly, the other variables symbolic: with P and Q expanded in powers of
    /// (name − a), the lowest powers decide. The answer holds for generic values of the other
    /// variables (off the zero set of the coefficient that decides); throws when it diverges.
    public func limit(_ name: String, at a: BigRational) throws(AlgebraError) -> MultivariateRationalFunction {
        guard variables.contains(name) else { return self }
        let shift = [name: MultivariatePolynomial.variable(name) + MultivariatePolynomial(a)]
        let p = a.isZero ? numerator : numerator.substituting(shift)
        let q = a.isZero ? denominator : denominator.substituting(shift)
        let vp = p.lowestDegree(in: name), vq = q.lowestDegree(in: name)
        if vp > vq || p.isZero { return .zero }
        guard vp == vq else { throw .divergentLimit(variable: name, point: a.description, function: description) }
        return MultivariateRationalFunction(normalising: p.coefficient(of: name, power: vp), q.coefficient(of: name, power: vq))
    }

    /// lim_{name → +∞}, the other variables symbolic (generic values); throws when it diverges.
    public func limitAtInfinity(_ name: String) throws(AlgebraError) -> MultivariateRationalFunction {
        let dp = numerator.degree(in: name), dq = denominator.degree(in: name)
        if numerator.isZero || dp < dq { return .zero }
        guard dp == dq else { throw .divergentLimit(variable: name, point: "+infinity", function: description) }
        return MultivariateRationalFunction(normalising: numerator.coefficient(of: name, power: dp),
                                            denominator.coefficient(of: name, power: dq))
    }

    static func describe(_ point: [String: BigRational], _ names: [String]) -> String {
        let shown = names.filter { point[$0] != nil }
        return shown.map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
    }
}

// MARK: Protocols

extension MultivariateRationalFunction: Hashable {
    public static func == (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> Bool {
        f.numerator == h.numerator && f.denominator == h.denominator
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension MultivariateRationalFunction: RationalField, Comparable {
    public typealias Magnitude = MultivariateRationalFunction

    public init(rational q: BigRational) { self.init(q) }
    public init(integerLiteral literal: StaticBigInt) { self.init(BigRational(integerLiteral: literal)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(BigRational(source)) }

    public static var zero: MultivariateRationalFunction { MultivariateRationalFunction(BigRational(0)) }
    public static var one: MultivariateRationalFunction { MultivariateRationalFunction(BigRational(1)) }

    /// Sign of the numerator's leading (deglex) coefficient; the denominator's is 1.
    var orderSign: Int { numerator.leadingCoefficient.signum }

    public var magnitude: MultivariateRationalFunction { orderSign < 0 ? -self : self }

    public static func < (f: MultivariateRationalFunction, h: MultivariateRationalFunction) -> Bool { (h - f).orderSign > 0 }
}

extension MultivariateRationalFunction: CustomStringConvertible {
    public var description: String {
        if denominator.isOne { return numerator.description }
        return "(\(numerator))/(\(denominator))"
    }
}
