import CGMPFR

// MARK: In-place forms (formProduct-style): the result goes into an existing value's storage
//
// `x.formProduct(a, b)` is `x = a * b`, bit for bit (one MPFR call, one rounding at the working
// precision), but when `x` is uniquely referenced and already at that precision its storage takes
// the result: an evaluation that keeps its temporaries in variables allocates nothing per step, as
// C code on `mpfr_t` temporaries does. Value semantics are unchanged: a shared storage is never
// written (a fresh one is made instead). Every form also takes the context explicitly, so an
// evaluation reads the task-local scope once (`BigFloat.currentContext`, or `evaluationContext`
// in code generic over `RationalField`, whose in-place requirements these forms implement).
//
// Each form decides exactly as the operator does (`arithmetic`): two exact small integers stay an
// unmaterialised integer (division excepted), an integer operand goes through MPFR's `_si` entry
// point, anything else through the two-operand function. Same MPFR call, same rounding, same value,
// sign of zero and precision: the tests compare every form with its operator.

extension BigFloat {
    /// The working precision and rounding of the current scope, read once (pass it to the in-place
    /// forms of an evaluation instead of letting every operation look it up).
    @inlinable public static var currentContext: Context { context }

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

    /// This value's own storage for writing (only after `isReusable`), without retain/release:
    /// mutating, so the storage is reached in place rather than through a copy of `self`.
    @inlinable @inline(__always)
    mutating func withOwnMPFR(_ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
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

    /// `r = x ∘ n` through MPFR's integer entry point (returns MPFR's ternary value).
    @inlinable @inline(__always) @discardableResult
    static func apply(_ op: Operation, _ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>, _ n: Int, _ rnd: mpfr_rnd_t) -> Int32 {
        switch op {
        case .add: return mpfr_add_si(r, x, n, rnd)
        case .subtract: return mpfr_sub_si(r, x, n, rnd)
        case .multiply: return mpfr_mul_si(r, x, n, rnd)
        case .divide: return mpfr_div_si(r, x, n, rnd)
        }
    }

    /// `r = n ∘ y` through MPFR's integer entry point (returns MPFR's ternary value).
    @inlinable @inline(__always) @discardableResult
    static func apply(_ op: Operation, _ r: UnsafeMutablePointer<__mpfr_struct>, _ n: Int, _ y: UnsafePointer<__mpfr_struct>, _ rnd: mpfr_rnd_t) -> Int32 {
        switch op {
        case .add: return mpfr_add_si(r, y, n, rnd)
        case .subtract: return mpfr_si_sub(r, n, y, rnd)
        case .multiply: return mpfr_mul_si(r, y, n, rnd)
        case .divide: return mpfr_si_div(r, n, y, rnd)
        }
    }

    /// `r = x ∘ y` (returns MPFR's ternary value).
    @inlinable @inline(__always) @discardableResult
    static func apply(_ op: Operation, _ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>, _ y: UnsafePointer<__mpfr_struct>, _ rnd: mpfr_rnd_t) -> Int32 {
        switch op {
        case .add: return mpfr_add(r, x, y, rnd)
        case .subtract: return mpfr_sub(r, x, y, rnd)
        case .multiply: return mpfr_mul(r, x, y, rnd)
        case .divide: return mpfr_div(r, x, y, rnd)
        }
    }

    /// `self = a ∘ b`, decided as `arithmetic(op, a, b)` decides. MPFR allows the destination to be
    /// an operand; an operand that shares our storage makes it non-unique, so a fresh one is taken.
    @inlinable @inline(__always)
    mutating func form(_ op: Operation, _ a: BigFloat, _ b: BigFloat, _ c: Context) {
        let rnd = c.rounding.mpfr
        if b.storage == nil {
            let n = b.integer
            if a.storage == nil, let value = BigFloat.exactIntegerResult(op, a.integer, n) {
                self = BigFloat(integer: value, precision: c.precision, rounding: c.rounding)
                return
            }
            a.withBorrowedMPFR { pa in assign(precision: c.precision) { r in BigFloat.apply(op, r, pa, n, rnd) } }
        } else if a.storage == nil {
            let n = a.integer
            b.withBorrowedMPFR { pb in assign(precision: c.precision) { r in BigFloat.apply(op, r, n, pb, rnd) } }
        } else {
            a.withBorrowedMPFR { pa in b.withBorrowedMPFR { pb in assign(precision: c.precision) { r in BigFloat.apply(op, r, pa, pb, rnd) } } }
        }
    }

    /// `self = self ∘ b`: in this value's storage when it is reusable (as `arithmetic` reuses a
    /// temporary left operand), else as `form`.
    @inlinable @inline(__always)
    mutating func update(_ op: Operation, _ b: BigFloat, _ c: Context) {
        if storage != nil, isReusable(for: c.precision) {
            let rnd = c.rounding.mpfr
            if b.storage == nil {
                let n = b.integer
                withOwnMPFR { p in BigFloat.apply(op, p, UnsafePointer(p), n, rnd) }
            } else {
                b.withBorrowedMPFR { pb in withOwnMPFR { p in BigFloat.apply(op, p, UnsafePointer(p), pb, rnd) } }
            }
        } else {
            let a = self
            form(op, a, b, c)
        }
    }

    /// `n` as the operator's right-hand side sees it: unmaterialised when exact at the working
    /// precision, else rounded there (as `BigFloat(n)`).
    @inlinable @inline(__always)
    static func operand(_ n: Int, _ c: Context) -> BigFloat { BigFloat(integer: n, precision: c.precision, rounding: c.rounding) }

    /// `self = a + b`.
    @inlinable @inline(__always) public mutating func formSum(_ a: BigFloat, _ b: BigFloat, context c: Context = context) { form(.add, a, b, c) }
    /// `self = a − b`.
    @inlinable @inline(__always) public mutating func formDifference(_ a: BigFloat, _ b: BigFloat, context c: Context = context) { form(.subtract, a, b, c) }
    /// `self = a · b`.
    @inlinable @inline(__always) public mutating func formProduct(_ a: BigFloat, _ b: BigFloat, context c: Context = context) { form(.multiply, a, b, c) }
    /// `self = a / b`.
    @inlinable @inline(__always) public mutating func formQuotient(_ a: BigFloat, _ b: BigFloat, context c: Context = context) { form(.divide, a, b, c) }

    /// `self = a + n`.
    @inlinable @inline(__always) public mutating func formSum(_ a: BigFloat, _ n: Int, context c: Context = context) { form(.add, a, BigFloat.operand(n, c), c) }
    /// `self = a − n`.
    @inlinable @inline(__always) public mutating func formDifference(_ a: BigFloat, _ n: Int, context c: Context = context) { form(.subtract, a, BigFloat.operand(n, c), c) }
    /// `self = n − a`.
    @inlinable @inline(__always) public mutating func formDifference(_ n: Int, _ a: BigFloat, context c: Context = context) { form(.subtract, BigFloat.operand(n, c), a, c) }
    /// `self = a · n`.
    @inlinable @inline(__always) public mutating func formProduct(_ a: BigFloat, _ n: Int, context c: Context = context) { form(.multiply, a, BigFloat.operand(n, c), c) }
    /// `self = a / n`.
    @inlinable @inline(__always) public mutating func formQuotient(_ a: BigFloat, _ n: Int, context c: Context = context) { form(.divide, a, BigFloat.operand(n, c), c) }
    /// `self = n / a`.
    @inlinable @inline(__always) public mutating func formQuotient(_ n: Int, _ a: BigFloat, context c: Context = context) { form(.divide, BigFloat.operand(n, c), a, c) }

    /// `self = a^n` (`pow(a, n)`: one rounding).
    @inlinable @inline(__always) public mutating func formPower(_ a: BigFloat, _ n: Int, context c: Context = context) {
        let rnd = c.rounding.mpfr
        a.withBorrowedMPFR { pa in assign(precision: c.precision) { r in _ = mpfr_pow_si(r, pa, n, rnd) } }
    }
    /// `self = n` (rounded to the working precision).
    @inlinable @inline(__always) public mutating func formInteger(_ n: Int, context c: Context = context) {
        let rnd = c.rounding.mpfr
        assign(precision: c.precision) { _ = mpfr_set_si($0, n, rnd) }
    }

    // Updates of self by an operand: `self = self ∘ b` (the compound operators, with a hoisted context).

    /// `self += b`.
    @inlinable @inline(__always) public mutating func add(_ b: BigFloat, context c: Context) { update(.add, b, c) }
    /// `self −= b`.
    @inlinable @inline(__always) public mutating func subtract(_ b: BigFloat, context c: Context) { update(.subtract, b, c) }
    /// `self *= b`.
    @inlinable @inline(__always) public mutating func multiply(by b: BigFloat, context c: Context) { update(.multiply, b, c) }
    /// `self /= b`.
    @inlinable @inline(__always) public mutating func divide(by b: BigFloat, context c: Context) { update(.divide, b, c) }
    /// `self = self ∘ n` for ∘ in + − · / (n rounded to the working precision first when it is not
    /// exact there, as in `self ∘ n`).
    @inlinable @inline(__always) public mutating func add(_ n: Int, context c: Context) { update(.add, BigFloat.operand(n, c), c) }
    @inlinable @inline(__always) public mutating func subtract(_ n: Int, context c: Context) { update(.subtract, BigFloat.operand(n, c), c) }
    @inlinable @inline(__always) public mutating func multiply(by n: Int, context c: Context) { update(.multiply, BigFloat.operand(n, c), c) }
    @inlinable @inline(__always) public mutating func divide(by n: Int, context c: Context) { update(.divide, BigFloat.operand(n, c), c) }

    /// `self = a / self`.
    @inlinable @inline(__always) public mutating func divideInto(_ a: BigFloat, context c: Context = context) {
        if storage != nil, isReusable(for: c.precision) {
            let rnd = c.rounding.mpfr
            if a.storage == nil {
                let n = a.integer
                withOwnMPFR { p in _ = mpfr_si_div(p, n, UnsafePointer(p), rnd) }
            } else {
                a.withBorrowedMPFR { pa in withOwnMPFR { p in _ = mpfr_div(p, pa, UnsafePointer(p), rnd) } }
            }
        } else {
            let b = self
            form(.divide, a, b, c)
        }
    }

    /// `self = self^n` (`pow(self, n)`).
    @inlinable @inline(__always) public mutating func raise(toPower n: Int, context c: Context) {
        if storage != nil, isReusable(for: c.precision) {
            let rnd = c.rounding.mpfr
            withOwnMPFR { p in _ = mpfr_pow_si(p, UnsafePointer(p), n, rnd) }
        } else {
            let a = self
            formPower(a, n, context: c)
        }
    }
}

// MARK: The in-place requirements of `RationalField`

extension BigFloat {
    /// What a generic evaluation reads once: the working precision and rounding.
    public typealias EvaluationContext = Context
    @inlinable public static var evaluationContext: Context { context }

    /// `BigFloat(n)`: an unmaterialised integer when exact, else rounded once (as
    /// `BigFloat(rational: n)`, without the rational).
    @inlinable public static func integer(_ n: Int) -> BigFloat { BigFloat(n) }

    /// An unmaterialised 0 at the context's precision: no storage, no context read.
    @inlinable @inline(__always)
    public static func temporary(context c: Context) -> BigFloat { BigFloat(integer: 0, precision: c.precision, rounding: c.rounding) }
}
