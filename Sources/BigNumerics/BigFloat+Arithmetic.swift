import CGMPFR

// MARK: Arithmetic (each result: one rounding at the working precision)

extension BigFloat {
    /// Whether this value's storage can take a result in place: nobody else holds it and it
    /// already has the working precision. True for most temporaries of an expression such as
    /// `a * b + c`, which then cost no allocation (MPFR allows destination = operand).
    @inlinable @inline(__always)
    mutating func isReusable(for precision: Int) -> Bool {
        isKnownUniquelyReferenced(&storage)
            && storage.unsafelyUnwrapped.withUnsafeMutablePointerToHeader { $0.pointee._mpfr_prec } == precision
    }

    /// `f(destination, self)` into this value's storage when reusable, else into a fresh value.
    @inlinable @inline(__always)
    consuming func computing(precision: Int,
                             _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Int32) -> BigFloat {
        if isReusable(for: precision) {
            storage.unsafelyUnwrapped.withUnsafeMutablePointerToHeader { p in _ = f(p, UnsafePointer(p)) }
            return self
        }
        return withMPFR { p in BigFloat.make(precision: precision) { _ = f($0, p) } }
    }

    @usableFromInline
    enum Operation { case add, subtract, multiply, divide }

    /// a ∘ b when both are small integers and the result is an exact `Int` (never for division):
    /// the fast path the operators and the in-place forms share.
    @inlinable @inline(__always)
    static func exactIntegerResult(_ op: Operation, _ a: Int, _ b: Int) -> Int? {
        let (value, overflow): (Int, Bool)
        switch op {
        case .add: (value, overflow) = a.addingReportingOverflow(b)
        case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide: return nil
        }
        return overflow ? nil : value
    }

    /// a ∘ b rounded once at the working precision, with three fast paths that give the same
    /// result: exact small-integer arithmetic stays unmaterialised; an integer operand goes
    /// through MPFR's `_si` functions; a temporary operand's storage takes the result.
    @inlinable @inline(__always)
    static func arithmetic(_ op: Operation, _ a: consuming BigFloat, _ b: consuming BigFloat) -> BigFloat {
        let c = context
        let rnd = c.rounding.mpfr
        if b.storage == nil {
            let n = b.integer
            if a.storage == nil, let value = exactIntegerResult(op, a.integer, n) {
                return BigFloat(integer: value, precision: c.precision, rounding: c.rounding)
            }
            return a.computing(precision: c.precision) { r, x in apply(op, r, x, n, rnd) }
        }
        if a.storage == nil {
            let n = a.integer
            return b.computing(precision: c.precision) { r, y in apply(op, r, n, y, rnd) }
        }
        if a.isReusable(for: c.precision) {
            a.storage.unsafelyUnwrapped.withUnsafeMutablePointerToHeader { pa in b.withMPFR { pb in _ = apply(op, pa, UnsafePointer(pa), pb, rnd) } }
            return a
        }
        if b.isReusable(for: c.precision) {
            b.storage.unsafelyUnwrapped.withUnsafeMutablePointerToHeader { pb in a.withMPFR { pa in _ = apply(op, pb, pa, UnsafePointer(pb), rnd) } }
            return b
        }
        return a.withMPFR { pa in b.withMPFR { pb in make(precision: c.precision) { _ = apply(op, $0, pa, pb, rnd) } } }
    }

    /// `f(x)`, reusing `x`'s storage when it is a reusable temporary.
    @inlinable @inline(__always)
    static func unaryReusing(_ x: consuming BigFloat,
                             _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        let c = context
        return x.computing(precision: c.precision) { r, p in f(r, p, c.rounding.mpfr) }
    }

    @inlinable public static func + (a: consuming BigFloat, b: consuming BigFloat) -> BigFloat { arithmetic(.add, a, b) }
    @inlinable public static func - (a: consuming BigFloat, b: consuming BigFloat) -> BigFloat { arithmetic(.subtract, a, b) }
    @inlinable public static func * (a: consuming BigFloat, b: consuming BigFloat) -> BigFloat { arithmetic(.multiply, a, b) }
    @inlinable public static func / (a: consuming BigFloat, b: consuming BigFloat) -> BigFloat { arithmetic(.divide, a, b) }

    @inlinable public static func += (a: inout BigFloat, b: BigFloat) { a = arithmetic(.add, consume a, b) }
    @inlinable public static func -= (a: inout BigFloat, b: BigFloat) { a = arithmetic(.subtract, consume a, b) }
    @inlinable public static func *= (a: inout BigFloat, b: BigFloat) { a = arithmetic(.multiply, consume a, b) }
    @inlinable public static func /= (a: inout BigFloat, b: BigFloat) { a = arithmetic(.divide, consume a, b) }

    /// Exact: negation keeps the operand's precision.
    @inlinable public static prefix func - (a: BigFloat) -> BigFloat {
        if a.storage == nil, a.integer != 0, a.integer != .min {
            return BigFloat(integer: -a.integer, precision: a.integerPrecision, rounding: .toNearest)
        }
        return a.withMPFR { p in make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_neg($0, p, MPFR_RNDN) } }
    }

    @inlinable public mutating func negate() { self = -self }

    // Mixed operations with machine integers: the integer is never materialised.
    @inlinable public static func * (a: consuming BigFloat, n: Int) -> BigFloat { arithmetic(.multiply, a, BigFloat(n)) }
    @inlinable public static func * (n: Int, a: consuming BigFloat) -> BigFloat { arithmetic(.multiply, BigFloat(n), a) }
    @inlinable public static func / (a: consuming BigFloat, n: Int) -> BigFloat { arithmetic(.divide, a, BigFloat(n)) }
    @inlinable public static func + (a: consuming BigFloat, n: Int) -> BigFloat { arithmetic(.add, a, BigFloat(n)) }
    @inlinable public static func - (a: consuming BigFloat, n: Int) -> BigFloat { arithmetic(.subtract, a, BigFloat(n)) }
    @inlinable public static func - (n: Int, a: consuming BigFloat) -> BigFloat { arithmetic(.subtract, BigFloat(n), a) }

    /// x·2^n, exact (barring overflow) at the operand's precision.
    public func scaled(byPowerOfTwo n: Int) -> BigFloat {
        withMPFR { p in BigFloat.make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_mul_2si($0, p, n, MPFR_RNDN) } }
    }
}

// MARK: Comparison and hashing (by value, across precisions)

extension BigFloat: Equatable, Comparable, Hashable {
    /// IEEE equality by value: 1 at 53 bits equals 1 at 4096 bits; NaN equals nothing.
    @inlinable public static func == (a: BigFloat, b: BigFloat) -> Bool {
        a.withMPFR { pa in b.withMPFR { mpfr_equal_p(pa, $0) != 0 } }
    }
    @inlinable public static func < (a: BigFloat, b: BigFloat) -> Bool {
        a.withMPFR { pa in b.withMPFR { mpfr_less_p(pa, $0) != 0 } }
    }
    @inlinable public static func <= (a: BigFloat, b: BigFloat) -> Bool {
        a.withMPFR { pa in b.withMPFR { mpfr_lessequal_p(pa, $0) != 0 } }
    }
    @inlinable public static func > (a: BigFloat, b: BigFloat) -> Bool { b < a }
    @inlinable public static func >= (a: BigFloat, b: BigFloat) -> Bool { b <= a }

    /// Hashes the canonical value (sign, exponent, significand limbs without trailing zero
    /// limbs), so values equal under `==` at different precisions hash equally; ±0 hash alike.
    public func hash(into hasher: inout Hasher) {
        withMPFR { p in
            if mpfr_nan_p(p) != 0 { hasher.combine(0x7ff8 as UInt16); return }
            if mpfr_zero_p(p) != 0 { hasher.combine(0 as UInt8); return }
            hasher.combine(qb_mpfr_signbit(p) != 0)
            if mpfr_inf_p(p) != 0 { hasher.combine(0x7ff0 as UInt16); return }
            hasher.combine(Int(qb_mpfr_exp(p)))
            let limbs = qb_mpfr_limbs(p)
            let count = (Int(mpfr_get_prec(p)) + mp_limb_t.bitWidth - 1) / mp_limb_t.bitWidth
            var lowest = 0
            while lowest < count - 1, limbs[lowest] == 0 { lowest += 1 }
            var i = count - 1
            while i >= lowest { hasher.combine(limbs[i]); i -= 1 }
        }
    }
}

extension BigFloat: ExpressibleByIntegerLiteral {
    /// Integer literals of any size, rounded once to the working precision.
    public init(integerLiteral literal: StaticBigInt) {
        if literal.bitWidth <= Int.bitWidth {
            self.init(Int(bitPattern: literal[0]))
        } else {
            self.init(BigInt(integerLiteral: literal))
        }
    }
}

// MARK: Constants at the working precision

extension BigFloat {
    /// π, correctly rounded.
    public static var pi: BigFloat { constant(mpfr_const_pi) }
    /// log 2, correctly rounded (the conventional name).
    public static var ln2: BigFloat { constant(mpfr_const_log2) }
    /// e = exp(1), correctly rounded.
    public static var e: BigFloat {
        let c = context
        return make(precision: c.precision) { r in
            let one = make(precision: 2) { _ = mpfr_set_si($0, 1, MPFR_RNDN) }
            one.withMPFR { _ = mpfr_exp(r, $0, c.rounding.mpfr) }
        }
    }
    /// Euler's constant γ, correctly rounded.
    public static var eulerGamma: BigFloat { constant(mpfr_const_euler) }
}
