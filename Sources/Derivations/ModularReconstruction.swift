// The modular toolkit of the interpolated kernel: arithmetic in Z/p for word primes p < 2^62,
// polynomials over Z/p (dense, lowest coefficient first), Newton interpolation, rational-function
// reconstruction from values (extended Euclid against Π(x − x_k), the Padé/Cauchy route), and
// rational-number reconstruction (Wang) with the Chinese remainder theorem over several primes.
// Nothing here is trusted: every answer assembled from these images is substituted back exactly
// (InterpolatedKernel), so a wrong reconstruction costs time, never correctness.
import BigNumerics

struct PrimeField: Sendable {
    let p: UInt

    @inline(__always) func add(_ a: UInt, _ b: UInt) -> UInt { let s = a &+ b; return s >= p ? s &- p : s }
    @inline(__always) func sub(_ a: UInt, _ b: UInt) -> UInt { a >= b ? a &- b : a &+ (p &- b) }
    @inline(__always) func neg(_ a: UInt) -> UInt { a == 0 ? 0 : p &- a }
    /// a·b mod p (a, b < p): one 128-by-64-bit division (≈ 11 ns here; a Float80 quotient estimate
    /// measured 37 ns).
    @inline(__always) func mul(_ a: UInt, _ b: UInt) -> UInt {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((hi, lo)).remainder
    }

    /// Inverses of non-zero values with one exponentiation (Montgomery's trick).
    func inverses(_ xs: [UInt]) -> [UInt] {
        if xs.isEmpty { return [] }
        var prefix = [UInt](repeating: 1, count: xs.count + 1)
        for (k, d) in xs.enumerated() { prefix[k + 1] = mul(prefix[k], d) }
        var inv = inverse(prefix[xs.count])
        var out = [UInt](repeating: 0, count: xs.count)
        for k in stride(from: xs.count - 1, through: 0, by: -1) { out[k] = mul(inv, prefix[k]); inv = mul(inv, xs[k]) }
        return out
    }

    func power(_ b: UInt, _ e: UInt) -> UInt {
        var r: UInt = 1, b = b % p, e = e
        while e > 0 { if e & 1 == 1 { r = mul(r, b) }; b = mul(b, b); e >>= 1 }
        return r
    }

    /// a⁻¹ (a ≠ 0).
    func inverse(_ a: UInt) -> UInt { power(a, p - 2) }

    /// s with s² = −1 (p ≡ 1 mod 4): g^((p−1)/4) for the first non-residue g.
    var sqrtMinusOne: UInt {
        var g: UInt = 2
        while power(g, (p - 1) / 2) != p - 1 { g += 1 }
        return power(g, (p - 1) / 4)
    }

    func residue(_ n: BigInt) -> UInt {
        let r = (try? n.quotientAndRemainder(dividingBy: BigInt(p)))?.remainder.asInt ?? 0
        return r >= 0 ? UInt(r) : p - UInt(-r)
    }

    /// The image of a rational, nil when p divides its denominator. `inverses` caches 1/d mod p
    /// (the same few denominators recur across a generator's coefficients).
    func residue(_ q: BigRational, inverses cache: inout [UInt: UInt]) -> UInt? {
        let n = residue(q.numerator)
        if q.isInteger { return n }
        let d = residue(q.denominator)
        if d == 0 { return nil }
        if let inv = cache[d] { return mul(n, inv) }
        let inv = inverse(d)
        cache[d] = inv
        return mul(n, inv)
    }

    func residue(_ q: BigRational) -> UInt? {
        var cache: [UInt: UInt] = [:]
        return residue(q, inverses: &cache)
    }

    /// Primes p ≡ 1 (mod 4) below 2^62, largest first (deterministic).
    static func primes(_ count: Int) -> [UInt] {
        var out: [UInt] = []
        var c: UInt = (1 << 62) - 3   // ≡ 1 (mod 4)
        while out.count < count {
            if ModularMatrix.isPrime(c) { out.append(c) }
            c -= 4
        }
        return out
    }

    // MARK: Polynomials (lowest coefficient first, no trailing zeros; [] is zero)

    func trim(_ a: [UInt]) -> [UInt] {
        var a = a
        while let last = a.last, last == 0 { a.removeLast() }
        return a
    }

    func evaluate(_ a: [UInt], at x: UInt) -> UInt {
        var r: UInt = 0
        for c in a.reversed() { r = add(mul(r, x), c) }
        return r
    }

    func subtract(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        var out = [UInt](repeating: 0, count: max(a.count, b.count))
        for (i, c) in a.enumerated() { out[i] = c }
        for (i, c) in b.enumerated() { out[i] = sub(out[i], c) }
        return trim(out)
    }

    func multiply(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where x != 0 { for (j, y) in b.enumerated() { out[i + j] = add(out[i + j], mul(x, y)) } }
        return trim(out)
    }

    /// (quotient, remainder) of a by b ≠ 0.
    func divide(_ a: [UInt], by b: [UInt]) -> ([UInt], [UInt]) {
        if a.count < b.count { return ([], a) }
        var r = a
        let db = b.count - 1
        let lead = inverse(b[db])
        var q = [UInt](repeating: 0, count: a.count - db)
        for k in stride(from: a.count - 1, through: db, by: -1) {
            let c = mul(r[k], lead)
            q[k - db] = c
            if c == 0 { continue }
            for j in 0...db { r[k - db + j] = sub(r[k - db + j], mul(c, b[j])) }
        }
        return (trim(q), trim(Array(r.prefix(db))))
    }

    func monic(_ a: [UInt]) -> [UInt] {
        guard let l = a.last, l != 1 else { return a }
        let inv = inverse(l)
        return a.map { mul($0, inv) }
    }

    /// Π (x − x_k).
    func vanishing(_ xs: ArraySlice<UInt>) -> [UInt] {
        var m: [UInt] = [1]
        for x in xs { m = multiply(m, [neg(x), 1]) }
        return m
    }

    /// The inverses 1/(x_i − x_{i−j}) Newton's divided differences need, row i, column j − 1.
    func newtonTable(_ xs: ArraySlice<UInt>) -> [[UInt]] {
        let x = Array(xs), n = x.count
        var flat: [UInt] = []
        for i in 0..<n { for j in 0..<i { flat.append(sub(x[i], x[i - j - 1])) } }
        let inv = inverses(flat)
        var out: [[UInt]] = [], k = 0
        for i in 0..<n { out.append(Array(inv[k..<(k + i)])); k += i }
        return out
    }

    /// The polynomial of degree < count through (xs[k], vs[k]) (Newton's divided differences).
    func interpolate(_ xs: ArraySlice<UInt>, _ vs: ArraySlice<UInt>, table: [[UInt]]) -> [UInt] {
        let x = Array(xs), n = x.count
        var c = Array(vs)
        if n == 0 { return [] }
        for j in 1..<max(n, 1) {
            for i in stride(from: n - 1, through: j, by: -1) {
                c[i] = mul(sub(c[i], c[i - 1]), table[i][j - 1])
            }
        }
        var poly = [UInt](repeating: 0, count: n)
        var len = 1
        poly[0] = c[n - 1]
        for k in stride(from: n - 2, through: 0, by: -1) {
            // poly ← poly·(x − x_k) + c_k, in place
            let xk = x[k]
            poly[len] = poly[len - 1]
            for i in stride(from: len - 1, through: 1, by: -1) { poly[i] = sub(poly[i - 1], mul(xk, poly[i])) }
            poly[0] = sub(c[k], mul(xk, poly[0]))
            len += 1
        }
        return trim(poly)
    }

    /// A rational function num/den (den monic) through the interpolation points whose values are
    /// `vs` and which also takes the values `checkValues` at `checkPoints`; nil when no candidate of
    /// the extended Euclidean sequence of (Π(x − x_k), P) does (more points are needed).
    func reconstructRationalFunction(points xs: ArraySlice<UInt>, values vs: ArraySlice<UInt>, vanishing m: [UInt],
                                     table: [[UInt]], checkPoints: ArraySlice<UInt>,
                                     checkValues: ArraySlice<UInt>) -> (num: [UInt], den: [UInt])? {
        func passes(_ n: [UInt], _ d: [UInt]) -> Bool {
            for (x, v) in zip(checkPoints, checkValues) {
                let dv = evaluate(d, at: x)
                if dv == 0 || evaluate(n, at: x) != mul(v, dv) { return false }
            }
            return true
        }
        if vs.allSatisfy({ $0 == 0 }) { return passes([], [1]) ? ([], [1]) : nil }
        let pInterp = interpolate(xs, vs, table: table)
        if pInterp.isEmpty { return passes([], [1]) ? ([], [1]) : nil }
        var r0 = m, r1 = pInterp
        var t0: [UInt] = [], t1: [UInt] = [1]
        while !r1.isEmpty {
            if let l = t1.last {
                let inv = inverse(l)
                let n = r1.map { mul($0, inv) }, d = t1.map { mul($0, inv) }
                if passes(n, d) { return (n, d) }
            }
            let (q, r) = divide(r0, by: r1)
            (r0, r1) = (r1, r)
            (t0, t1) = (t1, subtract(t0, multiply(q, t1)))
        }
        return nil
    }
}

enum RationalReconstruction {
    /// n/d ≡ a (mod p) with |n|, d ≤ √(p/2) (Wang), in Int arithmetic (p < 2^62); nil when none.
    static func small(_ a: UInt, modulus p: UInt) -> BigRational? {
        let bound = Int(Double(p / 2).squareRoot())
        var r0 = Int(p), r1 = Int(a)
        var s0 = 0, s1 = 1
        while r1 > bound {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (s0, s1) = (s1, s0 - q * s1)
        }
        let d = abs(s1)
        guard d != 0, d <= bound else { return nil }
        var g = r1, h = d
        while h != 0 { (g, h) = (h, g % h) }
        guard g == 1 else { return nil }
        return try? BigRational(BigInt(s1 < 0 ? -r1 : r1), BigInt(d))
    }

    /// The same for a residue modulo a product of primes M: |n|, d < 2^h with 2^(2h+1) ≤ M.
    static func large(_ a: BigInt, modulus m: BigInt) -> BigRational? {
        let h = (m.bitLength - 2) / 2
        guard h > 0 else { return nil }
        let bound = BigInt(2).power(UInt(h))
        var r0 = m, r1 = a
        var s0 = BigInt(0), s1 = BigInt(1)
        while !(r1 < bound) {
            guard let (q, r) = try? r0.quotientAndRemainder(dividingBy: r1) else { return nil }
            (r0, r1) = (r1, r)
            (s0, s1) = (s1, s0 - q * s1)
        }
        let d = s1.magnitude
        guard !d.isZero, d < bound, BigInt.gcd(r1, d) == 1 else { return nil }
        return try? BigRational(s1.signum < 0 ? -r1 : r1, d)
    }

    /// x ≡ a (mod m), x ≡ b (mod p) → x mod m·p, 0 ≤ x < m·p.
    static func crt(_ a: BigInt, modulus m: BigInt, _ b: UInt, prime p: UInt) -> BigInt {
        let f = PrimeField(p: p)
        let am = f.residue(a), mm = f.residue(m)
        let k = f.mul(f.sub(b, am), f.inverse(mm))
        return a + m * BigInt(k)
    }
}
