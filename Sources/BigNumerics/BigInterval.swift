import CGMPFR
import CMPFI
import RealModule

/// Owns one `mpfi_t`; write-once like the other boxes.
@usableFromInline
final class MPFIBox: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpfi_struct>

    @usableFromInline
    init(precision: Int, _ fill: (UnsafeMutablePointer<__mpfi_struct>) -> Void) {
        qb_mpfr_enroll_thread()    // this thread's MPFR caches are freed when it exits
        pointer = .allocate(capacity: 1)
        mpfi_init2(pointer, precision)
        fill(pointer)
    }

    deinit {
        mpfi_clear(pointer)
        pointer.deallocate()
    }
}

/// A closed interval [lower, upper] with MPFR endpoints (MPFI), rounded outward, so every
/// operation's result contains the exact result for every point of its operands.
///
/// This is how the package proves things about transcendental expressions: a closed form
/// written once over `TranscendentalField` evaluates here to a rigorous enclosure, which
/// decides correct rounding (Ziv's strategy) and inequalities over whole parameter boxes.
/// Precision is the working precision of the enclosing `BigFloat.withPrecision` scope.
///
/// `Comparable` is the interval order: a < b means every point of a is below every point of b
/// (a strict partial order; incomparable intervals overlap). `==` means the same endpoints.
public struct BigInterval: @unchecked Sendable {
    @usableFromInline let box: MPFIBox

    @usableFromInline
    init(precision: Int = BigFloat.workingPrecision, _ fill: (UnsafeMutablePointer<__mpfi_struct>) -> Void) {
        box = MPFIBox(precision: precision, fill)
    }

    @inlinable
    public func withMPFI<R>(_ body: (UnsafePointer<__mpfi_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    public init(_ value: Int) { self.init { _ = mpfi_set_si($0, value) } }
    public init(_ value: BigInt) { self.init { i in value.withMPZ { _ = mpfi_set_z(i, $0) } } }
    public init(_ value: BigRational) { self.init { i in value.withMPQ { _ = mpfi_set_q(i, $0) } } }
    /// The point `value` (enclosed, if the working precision is below the value's).
    public init(_ value: BigFloat) { self.init { i in value.withMPFR { _ = mpfi_set_fr(i, $0) } } }

    /// [lower, upper]; throws unless lower <= upper and both are numbers.
    public init(lower: BigFloat, upper: BigFloat) throws(BigNumericsError) {
        guard !lower.isNaN, !upper.isNaN, lower <= upper else {
            throw .notRepresentable(value: "[\(lower), \(upper)]", target: "an interval (need lower <= upper)")
        }
        self.init { i in lower.withMPFR { l in upper.withMPFR { u in _ = mpfi_interv_fr(i, l, u) } } }
    }

    /// [lower, upper] for exact rational endpoints, rounded outward.
    public init(lower: BigRational, upper: BigRational) throws(BigNumericsError) {
        guard lower <= upper else {
            throw .notRepresentable(value: "[\(lower), \(upper)]", target: "an interval (need lower <= upper)")
        }
        self.init { i in lower.withMPQ { l in upper.withMPQ { u in _ = mpfi_interv_q(i, l, u) } } }
    }

    public var precision: Int { withMPFI { Int(mpfi_get_prec($0)) } }

    public var lower: BigFloat {
        withMPFI { i in BigFloat.make(precision: Int(mpfi_get_prec(i))) { _ = mpfr_set($0, qb_mpfi_left_const(i), MPFR_RNDD) } }
    }

    public var upper: BigFloat {
        withMPFI { i in BigFloat.make(precision: Int(mpfi_get_prec(i))) { _ = mpfr_set($0, qb_mpfi_right_const(i), MPFR_RNDU) } }
    }

    /// Upper bound of the width upper − lower.
    public var diameter: BigFloat {
        withMPFI { i in BigFloat.make(precision: Int(mpfi_get_prec(i))) { _ = mpfi_diam_abs($0, i) } }
    }

    public var isNaN: Bool { withMPFI { mpfi_nan_p($0) != 0 } }
    public var isBounded: Bool { withMPFI { mpfi_bounded_p($0) != 0 } }
    public var containsZero: Bool { withMPFI { mpfi_has_zero($0) != 0 } }

    public func contains(_ x: BigFloat) -> Bool {
        guard !isNaN, !x.isNaN else { return false }
        return lower <= x && x <= upper
    }

    public func contains(_ q: BigRational) -> Bool {
        guard !isNaN else { return false }
        return withMPFI { i in q.withMPQ { pq in
            mpfr_cmp_q(qb_mpfi_left_const(i), pq) <= 0 && mpfr_cmp_q(qb_mpfi_right_const(i), pq) >= 0 } }
    }

    /// Every point is strictly positive / strictly negative.
    public var isCertainlyPositive: Bool { !isNaN && lower > 0 }
    public var isCertainlyNegative: Bool { !isNaN && upper < 0 }

    /// The decimal with `digits` significant digits that every point of the interval rounds
    /// to (nearest, ties to even), or nil when the interval straddles a rounding boundary.
    public func correctlyRounded(significantDigits digits: Int) throws(BigNumericsError) -> String? {
        guard isBounded, !isNaN else { return nil }
        let lo = try lower.formatted(significantDigits: digits)
        let hi = try upper.formatted(significantDigits: digits)
        // Rounding to nearest is monotone, so equal roundings of both ends fix every point's.
        return lo == hi ? lo : nil
    }

    @inlinable
    static func unary(_ x: BigInterval, _ f: (UnsafeMutablePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>) -> Int32) -> BigInterval {
        x.withMPFI { px in BigInterval { _ = f($0, px) } }
    }

    @inlinable
    static func binary(_ a: BigInterval, _ b: BigInterval,
                       _ f: (UnsafeMutablePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>) -> Int32) -> BigInterval {
        a.withMPFI { pa in b.withMPFI { pb in BigInterval { _ = f($0, pa, pb) } } }
    }

    /// Applies a monotone real function endpoint by endpoint with directed rounding.
    static func monotone(_ x: BigInterval, increasing: Bool,
                         _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigInterval {
        x.withMPFI { i in
            BigInterval { r in
                let lo = qb_mpfi_left_const(i), hi = qb_mpfi_right_const(i)
                if increasing {
                    _ = f(qb_mpfi_left(r), lo, MPFR_RNDD)
                    _ = f(qb_mpfi_right(r), hi, MPFR_RNDU)
                } else {
                    _ = f(qb_mpfi_left(r), hi, MPFR_RNDD)
                    _ = f(qb_mpfi_right(r), lo, MPFR_RNDU)
                }
                _ = mpfi_revert_if_needed(r)
            }
        }
    }
}

extension BigInterval: CustomStringConvertible {
    public var description: String { "[\(lower), \(upper)]" }
}

// MARK: Field

extension BigInterval: TranscendentalField, Comparable {
    public typealias Magnitude = BigInterval

    public init(rational q: BigRational) { self.init(q) }
    public init(integerLiteral literal: StaticBigInt) { self.init(BigInt(integerLiteral: literal)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(BigInt(source)) }

    public static var zero: BigInterval { BigInterval(0) }
    public static var pi: BigInterval { BigInterval { _ = mpfi_const_pi($0) } }

    public static func + (a: BigInterval, b: BigInterval) -> BigInterval { binary(a, b, mpfi_add) }
    public static func - (a: BigInterval, b: BigInterval) -> BigInterval { binary(a, b, mpfi_sub) }
    public static func * (a: BigInterval, b: BigInterval) -> BigInterval { binary(a, b, mpfi_mul) }
    /// Division by an interval containing 0 gives the whole line (MPFI's convention).
    public static func / (a: BigInterval, b: BigInterval) -> BigInterval { binary(a, b, mpfi_div) }
    public static prefix func - (a: BigInterval) -> BigInterval { unary(a, mpfi_neg) }
    public static func += (a: inout BigInterval, b: BigInterval) { a = a + b }
    public static func -= (a: inout BigInterval, b: BigInterval) { a = a - b }
    public static func *= (a: inout BigInterval, b: BigInterval) { a = a * b }
    public static func /= (a: inout BigInterval, b: BigInterval) { a = a / b }

    /// {|x| : x in self}.
    public var magnitude: BigInterval { BigInterval.unary(self, mpfi_abs) }
    /// Conservative, as swift-numerics allows: an enclosure is never an exact reciprocal.
    public var reciprocal: BigInterval? { nil }

    public static func == (a: BigInterval, b: BigInterval) -> Bool {
        a.withMPFI { pa in b.withMPFI { pb in
            mpfr_equal_p(qb_mpfi_left_const(pa), qb_mpfi_left_const(pb)) != 0
                && mpfr_equal_p(qb_mpfi_right_const(pa), qb_mpfi_right_const(pb)) != 0 } }
    }

    public static func < (a: BigInterval, b: BigInterval) -> Bool { a.upper < b.lower }

    // MARK: Elementary functions (MPFI's rigorous enclosures)

    public static func exp(_ x: BigInterval) -> BigInterval { unary(x, mpfi_exp) }
    public static func expMinusOne(_ x: BigInterval) -> BigInterval { unary(x, mpfi_expm1) }
    public static func cosh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_cosh) }
    public static func sinh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_sinh) }
    public static func tanh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_tanh) }
    public static func cos(_ x: BigInterval) -> BigInterval { unary(x, mpfi_cos) }
    public static func sin(_ x: BigInterval) -> BigInterval { unary(x, mpfi_sin) }
    public static func tan(_ x: BigInterval) -> BigInterval { unary(x, mpfi_tan) }
    public static func log(_ x: BigInterval) -> BigInterval { unary(x, mpfi_log) }
    public static func log(onePlus x: BigInterval) -> BigInterval { unary(x, mpfi_log1p) }
    public static func acosh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_acosh) }
    public static func asinh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_asinh) }
    public static func atanh(_ x: BigInterval) -> BigInterval { unary(x, mpfi_atanh) }
    public static func acos(_ x: BigInterval) -> BigInterval { unary(x, mpfi_acos) }
    public static func asin(_ x: BigInterval) -> BigInterval { unary(x, mpfi_asin) }
    public static func atan(_ x: BigInterval) -> BigInterval { unary(x, mpfi_atan) }
    public static func sqrt(_ x: BigInterval) -> BigInterval { unary(x, mpfi_sqrt) }

    /// powr semantics: exp(y·log x), defined for x > 0.
    public static func pow(_ x: BigInterval, _ y: BigInterval) -> BigInterval { exp(y * log(x)) }

    /// x^n, tight: odd powers are increasing; even powers fold at 0.
    public static func pow(_ x: BigInterval, _ n: Int) -> BigInterval {
        if n == 0 { return BigInterval(1) }
        if n < 0 { return BigInterval(1) / pow(x, -n) }
        if n % 2 == 1 { return monotone(x, increasing: true) { mpfr_pow_si($0, $1, n, $2) } }
        let m = x.magnitude
        return monotone(m, increasing: true) { mpfr_pow_si($0, $1, n, $2) }
    }

    /// Real n-th root, increasing on its domain (NaN for even n below 0, as for BigFloat).
    public static func root(_ x: BigInterval, _ n: Int) -> BigInterval {
        monotone(x, increasing: n > 0) { mpfr_rootn_si($0, $1, n, $2) }
    }
}
