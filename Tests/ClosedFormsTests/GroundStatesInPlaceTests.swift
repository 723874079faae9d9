import BigNumerics
import ClosedForms
import RealModule
import Testing

/// Eqs. (15) and (16) are written once as in-place steps (`RationalField`); these tests hold them
/// to the printed expressions evaluated with operators, bit for bit, in every number type.
@Suite("Eqs. 15–16: the in-place evaluation is the operator evaluation")
struct GroundStatesInPlaceTests {
    /// Same value, same sign (of zero), same precision; NaN matches NaN.
    static func same(_ a: BigFloat, _ b: BigFloat) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN && a.precision == b.precision }
        return a == b && a.sign == b.sign && a.precision == b.precision
    }

    /// The printed expressions with operators; x^n as the type's own power (`pow` for BigFloat:
    /// one rounding; repeated squaring elsewhere, as `formPower` documents).
    static func eq15<F: RationalField>(_ N: Int, _ r: F, _ power: (F, Int) -> F) -> F {
        let one: F = 1
        let numerator: F = (r - one) * power(r + one, N)
        let denominator: F = power(r, N + 1) - one
        return numerator / denominator - one
    }
    static func eq16<F: RationalField>(_ N: Int, _ r: F, _ omega: F, _ power: (F, Int) -> F) -> F {
        let one: F = 1, n = F.integer(N)
        let first: F = (n + r) / (power(r, N + 1) - one)
        let second: F = r / (one - r)
        return omega * (n + first + second)
    }

    /// Deterministic parameters: r = p/q in (0, 1) and beyond, integers (unmaterialised in
    /// BigFloat), N = 1 … 70, ω a fraction.
    static var points: [(N: Int, r: BigRational, omega: BigRational)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var out: [(Int, BigRational, BigRational)] = []
        for i in 0..<48 {
            let N = 1 + next(70)
            let r: BigRational
            switch i % 4 {
            case 0: r = BigRational(1 + next(999)) / BigRational(1000)
            case 1: r = BigRational(2 + next(40))                              // an integer r
            case 2: r = BigRational(1 + next(3))  / BigRational(1 + next(3) + 3)
            default: r = BigRational(1 + next(1 << 20)) / BigRational(1 << 20)
            }
            out.append((N, r, BigRational(1 + next(9)) / BigRational(1 + next(9))))
        }
        out.append((3, BigRational(1), BigRational(1)))   // r = 1: 0/0, a NaN both ways
        out.append((1, BigRational(0), BigRational(2)))   // r = 0
        return out
    }

    @Test("BigFloat at 2, 53, 256, 2048 bits and every rounding", arguments: BigFloat.Rounding.allCases)
    func bigFloat(_ rounding: BigFloat.Rounding) throws {
        for bits in [2, 53, 113, 256, 2048] {
            try BigFloat.withPrecision(bits, rounding: rounding) {
                for p in Self.points {
                    // r as the catalogue brings it in, and as an unmaterialised integer where it is one
                    var rs = [BigFloat(rational: p.r)]
                    if p.r.denominator == 1, let n = Int(p.r.description) { rs.append(BigFloat(n)) }
                    for r in rs {
                        let omega = BigFloat(rational: p.omega)
                        let c15 = Cakmak.coherenceEq15(N: p.N, r: r), w16 = Cakmak.ergotropyEq16(N: p.N, r: r, omega: omega)
                        let e15 = Self.eq15(p.N, r, BigFloat.pow), e16 = Self.eq16(p.N, r, omega, BigFloat.pow)
                        #expect(Self.same(c15, e15), "Eq. 15, N \(p.N), r \(p.r), \(bits) bits, \(rounding): \(c15) vs \(e15)")
                        #expect(Self.same(w16, e16), "Eq. 16, N \(p.N), r \(p.r), \(bits) bits, \(rounding): \(w16) vs \(e16)")
                        #expect(Self.same(r, BigFloat(rational: p.r)) || p.r.denominator == 1)   // r untouched
                    }
                }
            }
        }
    }

    @Test("Double, BigRational, BigInterval: the operator expressions with repeated squaring")
    func otherTypes() throws {
        for p in Self.points {
            let r = Double(rational: p.r), omega = Double(rational: p.omega)
            let pairs = [(Cakmak.coherenceEq15(N: p.N, r: r), Self.eq15(p.N, r, Double.repeatedSquaringPower)),
                         (Cakmak.ergotropyEq16(N: p.N, r: r, omega: omega), Self.eq16(p.N, r, omega, Double.repeatedSquaringPower))]
            for (got, want) in pairs { #expect(got.bitPattern == want.bitPattern || (got.isNaN && want.isNaN), "N \(p.N), r \(p.r)") }
            guard p.r != 1, p.r != 0 else { continue }   // exact division by zero traps, as the operators do
            #expect(Cakmak.coherenceEq15(N: p.N, r: p.r) == Self.eq15(p.N, p.r, BigRational.repeatedSquaringPower))
            #expect(Cakmak.ergotropyEq16(N: p.N, r: p.r, omega: p.omega) == Self.eq16(p.N, p.r, p.omega, BigRational.repeatedSquaringPower))
            try BigFloat.withPrecision(120) {
                let ri = BigInterval(rational: p.r), oi = BigInterval(rational: p.omega)
                let got = [Cakmak.coherenceEq15(N: p.N, r: ri), Cakmak.ergotropyEq16(N: p.N, r: ri, omega: oi)]
                let want = [Self.eq15(p.N, ri, BigInterval.repeatedSquaringPower), Self.eq16(p.N, ri, oi, BigInterval.repeatedSquaringPower)]
                for (g, w) in zip(got, want) { #expect(Self.same(g.lower, w.lower) && Self.same(g.upper, w.upper), "N \(p.N), r \(p.r)") }
            }
        }
    }

    /// The comparison is not blind: the same generic code handed another rounding, or one bit less,
    /// than the operators use differs from them on most points.
    @Test("an evaluation rounding differently is detected")
    func wrongRoundingIsDetected() throws {
        for bits in [53, 256, 2048] {
            let up = try BigFloat.withPrecision(bits, rounding: .up) { BigFloat.currentContext }
            let shorter = try BigFloat.withPrecision(bits - 1) { BigFloat.currentContext }
            try BigFloat.withPrecision(bits) {
                var detected = 0, total = 0
                for p in Self.points where p.r < 1 && p.r > 0 {
                    let r = BigFloat(rational: p.r), omega = BigFloat(rational: p.omega)
                    total += 2
                    if !Self.same(Cakmak.coherenceEq15(N: p.N, r: r, context: up), Self.eq15(p.N, r, BigFloat.pow)) { detected += 1 }
                    if !Self.same(Cakmak.ergotropyEq16(N: p.N, r: r, omega: omega, context: shorter), Self.eq16(p.N, r, omega, BigFloat.pow)) { detected += 1 }
                }
                #expect(detected * 2 >= total, "\(bits) bits: \(detected) of \(total) wrong evaluations detected")
            }
        }
    }
}
