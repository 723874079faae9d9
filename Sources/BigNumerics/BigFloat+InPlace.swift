import CGMPFR

// MARK: In-place forms (formProduct-style): the result goes into an existing value's storage
//
// `x.formProduct(a, b)` is `x = a * b`, bit for bit (one MPFR call, one rounding at the working
// precision), but when `x` is uniquely referenced and already at that precision its storage takes
// the result: an evaluation that keeps its temporaries in variables outside a loop allocates
// nothing per iteration, as C code on `mpfr_t` temporaries does. Value semantics are unchanged: a
// shared storage is never written (a fresh one is made instead). Every form also takes the
// context explicitly, so an inner loop can read the task-local scope once (`BigFloat.currentContext`).

extension BigFloat {
    /// The working precision and rounding of the current scope, read once (pass it to the in-place
    /// forms of an inner loop instead of letting every operation look it up).
    @inlinable public static var currentContext: Context { context }

    /// Whether the machine integer `n` is exact at `precision` bits. If not, `x ∘ n` rounds `n` to
    /// the working precision first (as `BigFloat(n)` does), and so do the forms taking an `Int`.
    @inlinable @inline(__always)
    static func isExact(_ n: Int, precision: Int) -> Bool {
        let m = n.magnitude
        return m == 0 || UInt.bitWidth - m.leadingZeroBitCount - m.trailingZeroBitCount <= precision
    }

    /// The `mpfr_t` of a value, without the retain/release pair a copied class reference costs (an
    /// atomic each): the caller's borrow keeps the storage alive for the call.
    @inlinable @inline(__always)
    func withBorrowedMPFR<R>(_ body: (UnsafePointer<__mpfr_struct>) -> R) -> R {
        if storage != nil {
            return Unmanaged.passUnretained(storage.unsafelyUnwrapped)._withUnsafeGuaranteedRef { s in
                s.withUnsafeMutablePointerToHeader { body(UnsafePointer($0)) }
            }
        }
        return withMPFR(body)
    }

    /// This value's own storage for writing (only after `isReusable`), without retain/release.
    @inlinable @inline(__always)
    func withOwnMPFR(_ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
        Unmanaged.passUnretained(storage.unsafelyUnwrapped)._withUnsafeGuaranteedRef { s in
            s.withUnsafeMutablePointerToHeader { body($0) }
        }
    }

    /// `f(destination)` into this value's storage when reusable at `precision`, else into a fresh one.
    @inlinable @inline(__always)
    mutating func assign(precision: Int, _ f: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
        if storage != nil, isReusable(for: precision) {
            withOwnMPFR(f)
        } else {
            self = BigFloat.make(precision: precision, f)
        }
    }

    /// `f(destination, a, b)` with `a`, `b` read before the destination is written (MPFR allows
    /// the destination to be an operand, and an operand sharing our storage forces a fresh one).
    @inlinable @inline(__always)
    mutating func form(_ a: borrowing BigFloat, _ b: borrowing BigFloat, _ c: Context,
                       _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let rnd = c.rounding.mpfr
        a.withBorrowedMPFR { pa in b.withBorrowedMPFR { pb in assign(precision: c.precision) { _ = f($0, pa, pb, rnd) } } }
    }

    @inlinable @inline(__always)
    mutating func form(_ a: borrowing BigFloat, _ c: Context,
                       _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let rnd = c.rounding.mpfr
        a.withBorrowedMPFR { pa in assign(precision: c.precision) { _ = f($0, pa, rnd) } }
    }

    /// `self = a + b`.
    @inlinable public mutating func formSum(_ a: borrowing BigFloat, _ b: borrowing BigFloat, context c: Context = context) { form(a, b, c, mpfr_add) }
    /// `self = a − b`.
    @inlinable public mutating func formDifference(_ a: borrowing BigFloat, _ b: borrowing BigFloat, context c: Context = context) { form(a, b, c, mpfr_sub) }
    /// `self = a · b`.
    @inlinable public mutating func formProduct(_ a: borrowing BigFloat, _ b: borrowing BigFloat, context c: Context = context) { form(a, b, c, mpfr_mul) }
    /// `self = a / b`.
    @inlinable public mutating func formQuotient(_ a: borrowing BigFloat, _ b: borrowing BigFloat, context c: Context = context) { form(a, b, c, mpfr_div) }

    /// `self = a + n`.
    @inlinable public mutating func formSum(_ a: borrowing BigFloat, _ n: Int, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(a, BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_add) }
        form(a, c) { r, x, rnd in mpfr_add_si(r, x, n, rnd) }
    }
    /// `self = a − n`.
    @inlinable public mutating func formDifference(_ a: borrowing BigFloat, _ n: Int, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(a, BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_sub) }
        form(a, c) { r, x, rnd in mpfr_sub_si(r, x, n, rnd) }
    }
    /// `self = n − a`.
    @inlinable public mutating func formDifference(_ n: Int, _ a: borrowing BigFloat, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), a, c, mpfr_sub) }
        form(a, c) { r, x, rnd in mpfr_si_sub(r, n, x, rnd) }
    }
    /// `self = a · n`.
    @inlinable public mutating func formProduct(_ a: borrowing BigFloat, _ n: Int, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(a, BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_mul) }
        form(a, c) { r, x, rnd in mpfr_mul_si(r, x, n, rnd) }
    }
    /// `self = a / n`.
    @inlinable public mutating func formQuotient(_ a: borrowing BigFloat, _ n: Int, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(a, BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_div) }
        form(a, c) { r, x, rnd in mpfr_div_si(r, x, n, rnd) }
    }
    /// `self = n / a`.
    @inlinable public mutating func formQuotient(_ n: Int, _ a: borrowing BigFloat, context c: Context = context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return form(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), a, c, mpfr_div) }
        form(a, c) { r, x, rnd in mpfr_si_div(r, n, x, rnd) }
    }
    /// `self = a / self`.
    @inlinable public mutating func divideInto(_ a: borrowing BigFloat, context c: Context = context) {
        let rnd = c.rounding.mpfr
        if storage != nil, isReusable(for: c.precision) {
            a.withBorrowedMPFR { pa in withOwnMPFR { p in _ = mpfr_div(p, pa, UnsafePointer(p), rnd) } }
        } else {
            let b = self
            self = a.withMPFR { pa in b.withMPFR { pb in BigFloat.make(precision: c.precision) { _ = mpfr_div($0, pa, pb, rnd) } } }
        }
    }
    /// `self = a^n` (`pow(a, n)`).
    @inlinable public mutating func formPower(_ a: borrowing BigFloat, _ n: Int, context c: Context = context) {
        form(a, c) { r, x, rnd in mpfr_pow_si(r, x, n, rnd) }
    }
    /// `self = n` (rounded to the working precision).
    @inlinable public mutating func formInteger(_ n: Int, context c: Context = context) {
        let rnd = c.rounding.mpfr
        assign(precision: c.precision) { _ = mpfr_set_si($0, n, rnd) }
    }

    // Updates of self by an operand: `self = self ∘ b` (the compound operators, with a hoisted context).

    /// `self += b`.
    @inlinable public mutating func add(_ b: borrowing BigFloat, context c: Context) { update(b, c, mpfr_add) }
    /// `self −= b`.
    @inlinable public mutating func subtract(_ b: borrowing BigFloat, context c: Context) { update(b, c, mpfr_sub) }
    /// `self *= b`.
    @inlinable public mutating func multiply(by b: borrowing BigFloat, context c: Context) { update(b, c, mpfr_mul) }
    /// `self /= b`.
    @inlinable public mutating func divide(by b: borrowing BigFloat, context c: Context) { update(b, c, mpfr_div) }
    /// `self = self ∘ n` for ∘ in + − · / (n rounded to the working precision first when it is not
    /// exact there, as in `self ∘ BigFloat(n)`), and `self = self^n` (n exact, as in `pow`).
    @inlinable public mutating func add(_ n: Int, context c: Context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return update(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_add) }
        updateInt(c) { r, x, rnd in mpfr_add_si(r, x, n, rnd) }
    }
    @inlinable public mutating func subtract(_ n: Int, context c: Context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return update(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_sub) }
        updateInt(c) { r, x, rnd in mpfr_sub_si(r, x, n, rnd) }
    }
    @inlinable public mutating func multiply(by n: Int, context c: Context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return update(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_mul) }
        updateInt(c) { r, x, rnd in mpfr_mul_si(r, x, n, rnd) }
    }
    @inlinable public mutating func divide(by n: Int, context c: Context) {
        guard BigFloat.isExact(n, precision: c.precision) else { return update(BigFloat(integer: n, precision: c.precision, rounding: c.rounding), c, mpfr_div) }
        updateInt(c) { r, x, rnd in mpfr_div_si(r, x, n, rnd) }
    }
    @inlinable public mutating func raise(toPower n: Int, context c: Context) { updateInt(c) { r, x, rnd in mpfr_pow_si(r, x, n, rnd) } }

    @inlinable @inline(__always)
    mutating func update(_ b: borrowing BigFloat, _ c: Context,
                         _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let rnd = c.rounding.mpfr
        if storage != nil, isReusable(for: c.precision) {
            b.withBorrowedMPFR { pb in withOwnMPFR { p in _ = f(p, UnsafePointer(p), pb, rnd) } }
        } else {
            let a = self
            self = a.withMPFR { pa in b.withMPFR { pb in BigFloat.make(precision: c.precision) { _ = f($0, pa, pb, rnd) } } }
        }
    }

    @inlinable @inline(__always)
    mutating func updateInt(_ c: Context, _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let rnd = c.rounding.mpfr
        if storage != nil, isReusable(for: c.precision) {
            withOwnMPFR { p in _ = f(p, UnsafePointer(p), rnd) }
        } else {
            let a = self
            self = a.withMPFR { pa in BigFloat.make(precision: c.precision) { _ = f($0, pa, rnd) } }
        }
    }
}
