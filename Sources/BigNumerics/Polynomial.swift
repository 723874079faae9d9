/// A polynomial in one variable with exact rational coefficients, lowest degree first and
/// no trailing zero coefficients (so the zero polynomial has no coefficients).
public struct Polynomial: Sendable, Hashable {
    public let coefficients: [BigRational]

    public init(coefficients: [BigRational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    public init(_ constant: BigRational) { self.init(coefficients: [constant]) }

    /// The variable x.
    public static var x: Polynomial { Polynomial(coefficients: [0, 1]) }
    public static var zero: Polynomial { Polynomial(coefficients: []) }
    public static var one: Polynomial { Polynomial(coefficients: [1]) }

    /// −1 for the zero polynomial.
    public var degree: Int { coefficients.count - 1 }
    public var isZero: Bool { coefficients.isEmpty }
    public var leadingCoefficient: BigRational { coefficients.last ?? 0 }
    public var isConstant: Bool { degree <= 0 }

    /// c·x^n.
    public static func monomial(_ c: BigRational, degree n: Int) -> Polynomial {
        Polynomial(coefficients: Array(repeating: 0, count: n) + [c])
    }

    /// Divided by its leading coefficient (zero stays zero).
    public var monic: Polynomial {
        guard let lead = coefficients.last, lead != 1 else { return self }
        let inverse = 1 / lead
        return Polynomial(coefficients: coefficients.map { $0 * inverse })
    }

    public var derivative: Polynomial {
        guard degree >= 1 else { return .zero }
        return Polynomial(coefficients: (1...degree).map { BigRational($0) * coefficients[$0] })
    }

    /// Horner evaluation in any field that exact rationals map into (exact, rounded or enclosed).
    public func evaluate<T: RationalField>(at x: T) -> T {
        var result = T.zero
        for c in coefficients.reversed() { result = result * x + T(rational: c) }
        return result
    }

    /// p(q(x)).
    public func composed(with q: Polynomial) -> Polynomial {
        var result = Polynomial.zero
        for c in coefficients.reversed() { result = result * q + Polynomial(c) }
        return result
    }
}

// MARK: Ring operations

extension Polynomial {
    public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        let n = max(a.coefficients.count, b.coefficients.count)
        var c = [BigRational](repeating: 0, count: n)
        for (i, v) in a.coefficients.enumerated() { c[i] = v }
        for (i, v) in b.coefficients.enumerated() { c[i] += v }
        return Polynomial(coefficients: c)
    }

    public static prefix func - (a: Polynomial) -> Polynomial { Polynomial(coefficients: a.coefficients.map { -$0 }) }
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }

    /// Schoolbook product over a common denominator: the inner loop runs on integers, which
    /// avoids a gcd per coefficient operation.
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        if a.isZero || b.isZero { return .zero }
        let (ai, ad) = a.integerForm, (bi, bd) = b.integerForm
        var c = [BigInt](repeating: 0, count: ai.count + bi.count - 1)
        for (i, x) in ai.enumerated() where !x.isZero {
            for (j, y) in bi.enumerated() where !y.isZero { c[i + j] += x * y }
        }
        let d = ad * bd
        // The denominator is non-zero by construction, so this cannot throw.
        return Polynomial(coefficients: c.map { (try? BigRational($0, d)) ?? 0 })
    }

    public static func * (c: BigRational, a: Polynomial) -> Polynomial { Polynomial(coefficients: a.coefficients.map { c * $0 }) }

    public static func += (a: inout Polynomial, b: Polynomial) { a = a + b }
    public static func -= (a: inout Polynomial, b: Polynomial) { a = a - b }
    public static func *= (a: inout Polynomial, b: Polynomial) { a = a * b }

    /// Integer coefficients and the common denominator d with self = (Σ cᵢ xⁱ)/d.
    var integerForm: (coefficients: [BigInt], denominator: BigInt) {
        let d = coefficients.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
        return (coefficients.map { $0.numerator * d.dividedExactly(by: $0.denominator) }, d)
    }

    public func power(_ n: Int) -> Polynomial {
        var result = Polynomial.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result *= base }
            k >>= 1
            if k > 0 { base *= base }
        }
        return result
    }

    /// Euclidean division: self = q·divisor + r with deg r < deg divisor. Throws for a zero divisor.
    public func quotientAndRemainder(dividingBy divisor: Polynomial) throws(BigNumericsError) -> (quotient: Polynomial, remainder: Polynomial) {
        guard !divisor.isZero else { throw .divisionByZero(context: "Polynomial division") }
        if degree < divisor.degree { return (.zero, self) }
        var r = coefficients
        let dn = divisor.degree
        let inverseLead = 1 / divisor.leadingCoefficient
        var q = [BigRational](repeating: 0, count: degree - dn + 1)
        for k in stride(from: degree - dn, through: 0, by: -1) {
            let t = r[k + dn] * inverseLead
            q[k] = t
            if t.isZero { continue }
            for j in 0...dn where !divisor.coefficients[j].isZero { r[k + j] -= t * divisor.coefficients[j] }
        }
        return (Polynomial(coefficients: q), Polynomial(coefficients: Array(r.prefix(dn))))
    }

    /// Monic greatest common divisor (gcd(0, 0) = 0).
    ///
    /// Most gcds met in practice are 1: a gcd modulo a prime decides that cheaply (a degree-0
    /// gcd mod p, for p dividing no leading coefficient, proves coprimality over Q). Otherwise
    /// Euclid over Q with monic remainders.
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        if a.isZero { return b.monic }
        if b.isZero { return a.monic }
        if a.degree == 0 || b.degree == 0 { return .one }
        if ModularPolynomial.areCoprime(a, b) { return .one }
        var (u, v) = a.degree >= b.degree ? (a.monic, b.monic) : (b.monic, a.monic)
        while !v.isZero {
            // v is non-zero, so the division cannot throw.
            let r = (try? u.quotientAndRemainder(dividingBy: v).remainder) ?? .zero
            (u, v) = (v, r.monic)
        }
        return u.monic
    }

    /// Exact quotient when `divisor` divides `self`.
    func dividedExactly(by divisor: Polynomial) -> Polynomial {
        (try? quotientAndRemainder(dividingBy: divisor).quotient) ?? .zero
    }
}

extension Polynomial: CustomStringConvertible {
    /// `3/2*x^2 - x + 1`.
    public var description: String { description(variable: "x") }

    public func description(variable: String) -> String {
        if isZero { return "0" }
        var parts: [String] = []
        for (i, c) in coefficients.enumerated().reversed() where !c.isZero {
            let mag = c.magnitude
            let power = i == 0 ? "" : (i == 1 ? variable : "\(variable)^\(i)")
            let body = i == 0 ? mag.description : (mag == 1 ? power : "\(mag)*\(power)")
            parts.append((c.signum < 0 ? "- " : (parts.isEmpty ? "" : "+ ")) + body)
        }
        var text = parts.joined(separator: " ")
        if text.hasPrefix("- ") { text = "-" + text.dropFirst(2) }
        return text
    }
}

/// Polynomial arithmetic modulo a 62-bit prime, used only to certify coprimality fast.
enum ModularPolynomial {
    static let primes: [UInt64] = [4611686018427387847, 4611686018427387817, 4611686018427387787]

    static func mulmod(_ a: UInt64, _ b: UInt64, _ p: UInt64) -> UInt64 {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((hi, lo)).remainder
    }

    static func powmod(_ a: UInt64, _ e: UInt64, _ p: UInt64) -> UInt64 {
        var r: UInt64 = 1, b = a % p, k = e
        while k > 0 { if k & 1 == 1 { r = mulmod(r, b, p) }; b = mulmod(b, b, p); k >>= 1 }
        return r
    }

    /// Coefficients mod p, or nil when a denominator or the leading coefficient vanishes mod p.
    static func reduce(_ a: Polynomial, _ p: UInt64) -> [UInt64]? {
        let big = BigInt(Int64(bitPattern: p))
        var out: [UInt64] = []
        for c in a.coefficients {
            guard let n = try? c.numerator.flooredDivision(by: big).remainder.asInt,
                  let d = try? c.denominator.flooredDivision(by: big).remainder.asInt, d != 0 else { return nil }
            out.append(mulmod(UInt64(n), powmod(UInt64(d), p - 2, p), p))
        }
        guard let last = out.last, last != 0 else { return nil }
        return out
    }

    /// True only when gcd(a, b) = 1 is certain; false means "undecided here".
    static func areCoprime(_ a: Polynomial, _ b: Polynomial) -> Bool {
        for p in primes {
            guard var u = reduce(a, p), var v = reduce(b, p) else { continue }
            if u.count < v.count { swap(&u, &v) }
            while v.count > 1 {
                // u := u mod v
                let inv = powmod(v[v.count - 1], p - 2, p)
                while u.count >= v.count {
                    let t = mulmod(u[u.count - 1], inv, p)
                    let shift = u.count - v.count
                    for j in 0..<v.count {
                        let s = mulmod(t, v[j], p)
                        u[shift + j] = u[shift + j] >= s ? u[shift + j] - s : u[shift + j] + (p - s)
                    }
                    while let last = u.last, last == 0 { u.removeLast() }
                }
                if u.isEmpty { return false }   // v divides u: a common factor of positive degree
                swap(&u, &v)
            }
            return v.count == 1                 // a non-zero constant remainder: coprime mod p
        }
        return false
    }
}
