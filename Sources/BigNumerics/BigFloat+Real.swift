import CGMPFR
import RealModule

// `Real` conformance: every requirement is an MPFR call with swift-numerics semantics, so one
// generic closed form runs on Double and on BigFloat alike. Results take the working precision
// and rounding; operations that are exact (negation, |x|, copysign, scaling) keep the operand's.

extension BigFloat: Real {
    public typealias Exponent = Int
    public typealias Stride = BigFloat
    public typealias Magnitude = BigFloat

    // MARK: Construction

    public init<Source: BinaryInteger>(_ value: Source) {
        if let small = Int(exactly: value) { self.init(small) } else { self.init(BigInt(value)) }
    }

    /// nil unless `value` is exactly representable at the working precision.
    public init?<Source: BinaryInteger>(exactly value: Source) {
        let big = BigInt(value)
        var ternary: Int32 = 0
        let r = big.withMPZ { z in BigFloat.make(precision: BigFloat.workingPrecision) { ternary = mpfr_set_z($0, z, MPFR_RNDN) } }
        guard ternary == 0 else { return nil }
        self = r
    }

    public init(signOf sign: BigFloat, magnitudeOf magnitude: BigFloat) {
        self = magnitude.withMPFR { m in sign.withMPFR { s in
            BigFloat.make(precision: Int(mpfr_get_prec(m))) { _ = mpfr_copysign($0, m, s, MPFR_RNDN) } } }
    }

    /// sign · significand · 2^exponent, exact at the significand's precision (barring overflow).
    public init(sign: FloatingPointSign, exponent: Int, significand: BigFloat) {
        let scaled = significand.scaled(byPowerOfTwo: exponent)
        self = sign == .minus ? -scaled : scaled
    }

    // MARK: Special values at the working precision

    public static var zero: BigFloat { BigFloat(0) }
    public static var radix: Int { 2 }
    public static var nan: BigFloat { make(precision: workingPrecision) { mpfr_set_nan($0) } }
    /// MPFR has a single NaN kind; there is no signalling NaN.
    public static var signalingNaN: BigFloat { nan }
    public static var infinity: BigFloat { make(precision: workingPrecision) { mpfr_set_inf($0, 1) } }
    /// (1 − 2^−p)·2^emax with MPFR's default exponent range, which the engine never changes.
    public static var greatestFiniteMagnitude: BigFloat {
        make(precision: workingPrecision) { mpfr_set_inf($0, 1); mpfr_nextbelow($0) }
    }
    /// MPFR has no subnormals: the least normal and least non-zero magnitudes are both 2^(emin−1).
    public static var leastNormalMagnitude: BigFloat {
        make(precision: workingPrecision) { mpfr_set_zero($0, 1); mpfr_nextabove($0) }
    }
    public static var leastNonzeroMagnitude: BigFloat { leastNormalMagnitude }

    // MARK: Anatomy

    public var sign: FloatingPointSign { withMPFR { qb_mpfr_signbit($0) != 0 ? .minus : .plus } }

    /// Exponent with the significand in [1, 2), as for Double.
    public var exponent: Int {
        withMPFR { p in
            if mpfr_zero_p(p) != 0 { return Int.min }
            if mpfr_regular_p(p) == 0 { return Int.max }
            return Int(qb_mpfr_exp(p)) - 1
        }
    }

    public var significand: BigFloat {
        withMPFR { p in
            if mpfr_nan_p(p) != 0 { return self }
            if mpfr_inf_p(p) != 0 { return self.magnitude }
            if mpfr_zero_p(p) != 0 { return self.magnitude }
            return self.magnitude.scaled(byPowerOfTwo: -exponent)
        }
    }

    /// The spacing at this value and its precision.
    public var ulp: BigFloat {
        withMPFR { p in
            let prec = Int(mpfr_get_prec(p))
            if mpfr_nan_p(p) != 0 || mpfr_inf_p(p) != 0 { return BigFloat.make(precision: prec) { mpfr_set_nan($0) } }
            if mpfr_zero_p(p) != 0 { return BigFloat.make(precision: prec) { mpfr_set_zero($0, 1); mpfr_nextabove($0) } }
            return BigFloat.make(precision: prec) { _ = mpfr_set_si_2exp($0, 1, Int(qb_mpfr_exp(p)) - prec, MPFR_RNDN) }
        }
    }

    public var nextUp: BigFloat {
        withMPFR { p in BigFloat.make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_set($0, p, MPFR_RNDN); mpfr_nextabove($0) } }
    }

    public var magnitude: BigFloat {
        withMPFR { p in BigFloat.make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_abs($0, p, MPFR_RNDN) } }
    }

    public var isNormal: Bool { withMPFR { mpfr_regular_p($0) != 0 } }
    public var isFinite: Bool { withMPFR { mpfr_number_p($0) != 0 } }
    public var isZero: Bool { withMPFR { mpfr_zero_p($0) != 0 } }
    public var isSubnormal: Bool { false }
    public var isInfinite: Bool { withMPFR { mpfr_inf_p($0) != 0 } }
    public var isNaN: Bool { withMPFR { mpfr_nan_p($0) != 0 } }
    public var isSignalingNaN: Bool { false }
    public var isCanonical: Bool { true }

    /// Exact when the reciprocal is a power of two (or 0, ±∞); nil otherwise (swift-numerics
    /// asks implementations to be conservative: a·b.reciprocal! must equal a/b).
    public var reciprocal: BigFloat? {
        if isZero || isInfinite || isNaN { return 1 / self }
        let isPowerOfTwo = withMPFR { p in
            BigFloat.make(precision: 1) { _ = mpfr_set($0, p, MPFR_RNDN) } == self
        }
        return isPowerOfTwo ? withMPFR { p in
            BigFloat.make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_si_div($0, 1, p, MPFR_RNDN) } } : nil
    }

    // MARK: FloatingPoint operations

    public mutating func formRemainder(dividingBy other: BigFloat) { self = BigFloat.binary(self, other, mpfr_remainder) }
    public mutating func formTruncatingRemainder(dividingBy other: BigFloat) { self = BigFloat.binary(self, other, mpfr_fmod) }
    public mutating func formSquareRoot() { self = BigFloat.unary(self, mpfr_sqrt) }

    /// self + lhs·rhs with a single rounding.
    public mutating func addProduct(_ lhs: BigFloat, _ rhs: BigFloat) {
        let c = BigFloat.context
        self = lhs.withMPFR { a in rhs.withMPFR { b in withMPFR { s in
            BigFloat.make(precision: c.precision) { _ = mpfr_fma($0, a, b, s, c.rounding.mpfr) } } } }
    }

    /// Rounds to an integral value at this value's precision (always exact there).
    public mutating func round(_ rule: FloatingPointRoundingRule) {
        self = withMPFR { p in
            BigFloat.make(precision: Int(mpfr_get_prec(p))) { r in
                switch rule {
                case .toNearestOrAwayFromZero: _ = mpfr_round(r, p)
                case .toNearestOrEven: _ = mpfr_roundeven(r, p)
                case .up: _ = mpfr_ceil(r, p)
                case .down: _ = mpfr_floor(r, p)
                case .towardZero: _ = mpfr_trunc(r, p)
                case .awayFromZero: _ = mpfr_rint(r, p, MPFR_RNDA)
                @unknown default: _ = mpfr_roundeven(r, p)
                }
            }
        }
    }

    public func isEqual(to other: BigFloat) -> Bool { self == other }
    public func isLess(than other: BigFloat) -> Bool { self < other }
    public func isLessThanOrEqualTo(_ other: BigFloat) -> Bool { self <= other }
    public func isTotallyOrdered(belowOrEqualTo other: BigFloat) -> Bool {
        withMPFR { a in other.withMPFR { mpfr_total_order_p(a, $0) != 0 } }
    }

    public func distance(to other: BigFloat) -> BigFloat { other - self }
    public func advanced(by n: BigFloat) -> BigFloat { self + n }

    // MARK: ElementaryFunctions

    public static func exp(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_exp) }
    public static func expMinusOne(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_expm1) }
    public static func cosh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_cosh) }
    public static func sinh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_sinh) }
    public static func tanh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_tanh) }
    public static func cos(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_cos) }
    public static func sin(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_sin) }
    public static func tan(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_tan) }
    public static func log(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_log) }
    public static func log(onePlus x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_log1p) }
    public static func acosh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_acosh) }
    public static func asinh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_asinh) }
    public static func atanh(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_atanh) }
    public static func acos(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_acos) }
    public static func asin(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_asin) }
    public static func atan(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_atan) }

    /// IEEE `powr` (swift-numerics semantics): NaN for x < 0 and for 0^0, via `mpfr_powr`.
    public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat { binary(x, y, mpfr_powr) }

    /// x^n with one rounding (0^0 = 1, as repeated multiplication gives).
    public static func pow(_ x: consuming BigFloat, _ n: Int) -> BigFloat {
        unaryReusing(x) { r, p, rnd in mpfr_pow_si(r, p, n, rnd) }
    }

    public static func sqrt(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_sqrt) }

    /// The real n-th root; NaN for even n and x < 0, as swift-numerics specifies.
    public static func root(_ x: BigFloat, _ n: Int) -> BigFloat {
        let c = context
        return x.withMPFR { p in make(precision: c.precision) { _ = mpfr_rootn_si($0, p, n, c.rounding.mpfr) } }
    }

    // MARK: RealFunctions

    public static func atan2(y: BigFloat, x: BigFloat) -> BigFloat { binary(y, x, mpfr_atan2) }
    public static func erf(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_erf) }
    public static func erfc(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_erfc) }
    public static func exp2(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_exp2) }
    /// Correctly rounded 10^x (the `Real` default would go through `pow(10, x)`).
    public static func exp10(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_exp10) }
    public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat { binary(x, y, mpfr_hypot) }
    public static func gamma(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_gamma) }
    public static func log2(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_log2) }
    public static func log10(_ x: consuming BigFloat) -> BigFloat { unaryReusing(x, mpfr_log10) }

    /// log|Γ(x)|, the swift-numerics definition. `mpfr_lngamma` is NaN where Γ(x) < 0, so this
    /// calls `mpfr_lgamma`, which equals `mpfr_lngamma` wherever Γ(x) > 0 and is defined elsewhere.
    public static func logGamma(_ x: BigFloat) -> BigFloat {
        var sign: Int32 = 0
        return unary(x) { r, p, rnd in mpfr_lgamma(r, &sign, p, rnd) }
    }

    public static func signGamma(_ x: BigFloat) -> FloatingPointSign {
        if x >= 0 || x.mpfrIsInteger { return .plus }
        let truncated = x.rounded(.towardZero)
        let half = truncated.scaled(byPowerOfTwo: -1)
        return half.mpfrIsInteger ? .minus : .plus
    }

    /// a·b + c with a single rounding.
    public static func _mulAdd(_ a: BigFloat, _ b: BigFloat, _ c: BigFloat) -> BigFloat {
        var r = c
        r.addProduct(a, b)
        return r
    }
}
