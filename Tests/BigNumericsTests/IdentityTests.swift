import BigNumerics
import Testing

/// Identities at 1000+ decimal digits. Each tolerance is a few ulps at 3400 bits, because each
/// side is a composition of correctly rounded operations whose errors add up.
@Suite("High-precision identities")
struct IdentityTests {
    static let bits = 3400   // 1023 decimal digits
    static let points = ["1/7", "2", "-3/2", "10", "1e-5", "25/3"]

    /// |a − b| <= ulps · ulp(scale) at the working precision.
    func close(_ a: BigFloat, _ b: BigFloat, scale: BigFloat, ulps: Int) -> Bool {
        (a - b).magnitude <= BigFloat(ulps) * scale.magnitude.ulp
    }

    @Test("exp(log x) = x", arguments: points.filter { !$0.hasPrefix("-") })
    func expLog(_ text: String) throws {
        try BigFloat.withPrecision(Self.bits) {
            let x = try BigFloat(parsing: text)
            #expect(close(BigFloat.exp(BigFloat.log(x)), x, scale: x, ulps: 4))
        }
    }

    @Test("tanh x = (e^{2x} − 1)/(e^{2x} + 1)", arguments: points)
    func tanhThroughExp(_ text: String) throws {
        try BigFloat.withPrecision(Self.bits) {
            let x = try BigFloat(parsing: text)
            let e2x = BigFloat.exp(2 * x)
            // expm1 form avoids cancellation for the tiny argument; both are exact identities.
            let viaExp = BigFloat.expMinusOne(2 * x) / (e2x + 1)
            #expect(close(BigFloat.tanh(x), viaExp, scale: BigFloat.tanh(x), ulps: 6))
        }
    }

    @Test("sinh² − cosh² = −1 and sin² + cos² = 1", arguments: points)
    func hyperbolicAndCircular(_ text: String) throws {
        try BigFloat.withPrecision(Self.bits) {
            let x = try BigFloat(parsing: text)
            let s = BigFloat.sinh(x), c = BigFloat.cosh(x)
            // Cancellation: the error scales with cosh² x, not with the result 1.
            #expect(close(s * s - c * c, -1, scale: c * c, ulps: 8))
            let sn = BigFloat.sin(x), cs = BigFloat.cos(x)
            #expect(close(sn * sn + cs * cs, 1, scale: 1, ulps: 8))
        }
    }

    @Test("log Γ(n) = log (n−1)! exactly rounded, and Γ(1/2)² = π")
    func gammaValues() throws {
        try BigFloat.withPrecision(Self.bits) {
            let factorial = BigFloat(BigInt.factorial(99))
            #expect(close(BigFloat.logGamma(100), BigFloat.log(factorial), scale: BigFloat.log(factorial), ulps: 4))
            let g = BigFloat.gamma(BigFloat(1) / 2)
            #expect(close(g * g, BigFloat.pi, scale: BigFloat.pi, ulps: 4))
        }
    }

    @Test("π to 1000 digits equals the published digits")
    func piThousand() throws {
        let pi = try BigFloat.withPrecision(Self.bits) { try BigFloat.pi.formatted(significantDigits: 1000) }
        #expect(pi == piThousandDigits + "e0")
    }

    /// mpmath's pattern: the constant at many precisions equals the stored digits rounded there.
    @Test("π at many precisions is the stored digits correctly rounded", arguments: [2, 3, 7, 10, 53, 100, 300, 1000, 3300])
    func piAtPrecision(_ bits: Int) throws {
        try BigFloat.withPrecision(bits) { () throws in
            #expect(BigFloat.pi == (try BigFloat(parsing: piThousandDigits)))
        }
    }

    @Test("e and log 2 against their series at 1000 digits")
    func constants() throws {
        try BigFloat.withPrecision(Self.bits + 64) {
            // e = Σ 1/k!, log 2 = Σ 1/(k 2^k): exact rationals summed past 3464 bits of accuracy.
            var e = BigRational(0), term = BigRational(1)
            for k in 1...500 { e += term; term = term / BigRational(k) }
            var ln2 = BigRational(0)
            for k in 1...3500 { ln2 += BigRational(1) / BigRational(BigInt(k) * BigInt(2).power(UInt(k))) }
            try BigFloat.withPrecision(Self.bits) {
                #expect(close(BigFloat.e, BigFloat(e), scale: 1, ulps: 1))
                #expect(close(BigFloat.ln2, BigFloat(ln2), scale: 1, ulps: 1))
            }
        }
    }
}
