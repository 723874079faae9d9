import CGMPFR

// MARK: Arithmetic (each result: one rounding at the working precision)

extension BigFloat {
    @inlinable public static func + (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_add) }
    @inlinable public static func - (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_sub) }
    @inlinable public static func * (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_mul) }
    @inlinable public static func / (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_div) }

    /// In place when this value is uniquely referenced and already at the working precision
    /// (MPFR allows the destination to alias an operand); otherwise a fresh value.
    @inlinable @inline(__always)
    static func assign(_ a: inout BigFloat, _ b: BigFloat,
                       _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let c = context
        if isKnownUniquelyReferenced(&a.storage), a.storage.header._mpfr_prec == c.precision {
            a.storage.withUnsafeMutablePointerToHeader { pa in
                b.withMPFR { pb in _ = f(pa, UnsafePointer(pa), pb, c.rounding.mpfr) }
            }
        } else {
            a = binary(a, b, f)
        }
    }

    @inlinable public static func += (a: inout BigFloat, b: BigFloat) { assign(&a, b, mpfr_add) }
    @inlinable public static func -= (a: inout BigFloat, b: BigFloat) { assign(&a, b, mpfr_sub) }
    @inlinable public static func *= (a: inout BigFloat, b: BigFloat) { assign(&a, b, mpfr_mul) }
    @inlinable public static func /= (a: inout BigFloat, b: BigFloat) { assign(&a, b, mpfr_div) }

    /// Exact: negation keeps the operand's precision.
    @inlinable public static prefix func - (a: BigFloat) -> BigFloat {
        a.withMPFR { p in make(precision: Int(mpfr_get_prec(p))) { _ = mpfr_neg($0, p, MPFR_RNDN) } }
    }

    @inlinable public mutating func negate() { self = -self }

    // Mixed operations with machine integers avoid materialising the integer as a BigFloat.
    @inlinable public static func * (a: BigFloat, n: Int) -> BigFloat {
        let c = context
        return a.withMPFR { p in make(precision: c.precision) { _ = mpfr_mul_si($0, p, n, c.rounding.mpfr) } }
    }
    @inlinable public static func * (n: Int, a: BigFloat) -> BigFloat { a * n }
    @inlinable public static func / (a: BigFloat, n: Int) -> BigFloat {
        let c = context
        return a.withMPFR { p in make(precision: c.precision) { _ = mpfr_div_si($0, p, n, c.rounding.mpfr) } }
    }
    @inlinable public static func + (a: BigFloat, n: Int) -> BigFloat {
        let c = context
        return a.withMPFR { p in make(precision: c.precision) { _ = mpfr_add_si($0, p, n, c.rounding.mpfr) } }
    }
    @inlinable public static func - (a: BigFloat, n: Int) -> BigFloat {
        let c = context
        return a.withMPFR { p in make(precision: c.precision) { _ = mpfr_sub_si($0, p, n, c.rounding.mpfr) } }
    }
    @inlinable public static func - (n: Int, a: BigFloat) -> BigFloat {
        let c = context
        return a.withMPFR { p in make(precision: c.precision) { _ = mpfr_si_sub($0, n, p, c.rounding.mpfr) } }
    }

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
