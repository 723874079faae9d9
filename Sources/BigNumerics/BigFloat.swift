import CGMPFR
import CConcurrencyRuntime
#if canImport(Glibc)
import Glibc
#endif

/// One heap allocation holding an `mpfr_t` header and its limbs (MPFR's custom interface):
/// half the allocations of `mpfr_init2`, and nothing to clear in `deinit` beyond the object.
/// A class instance never moves, so the header's address is stable for MPFR.
@usableFromInline
final class MPFRStorage: ManagedBuffer<__mpfr_struct, mp_limb_t> {
    @inlinable @inline(__always)
    static func make(precision: Int) -> MPFRStorage {
        qb_mpfr_enroll_thread()    // this thread's MPFR caches are freed when it exits
        let limbs = (qb_mpfr_custom_get_size(precision) + MemoryLayout<mp_limb_t>.size - 1) / MemoryLayout<mp_limb_t>.size
        let buffer = MPFRStorage.create(minimumCapacity: limbs) { _ in __mpfr_struct() }
        let storage = unsafeDowncast(buffer, to: MPFRStorage.self)
        storage.withUnsafeMutablePointers { header, limbs in
            qb_mpfr_custom_init_set_zero(header, precision, limbs)
        }
        return storage
    }
}

/// A binary floating-point number of any precision (MPFR), with value semantics.
///
/// Every value carries its own precision. Results of arithmetic, functions and literals take
/// the *working precision* and *rounding* of the enclosing `BigFloat.withPrecision` scope
/// (a task-local, so concurrent tasks never interfere); outside any scope they are 256 bits,
/// rounded to nearest. MPFR's thread-local defaults are never read: every call passes its
/// precision and rounding explicitly.
// Sendable: storage is written only at creation, or in place when uniquely referenced
// (`assign`), so no two tasks can ever observe a mutation.
public struct BigFloat: @unchecked Sendable {
    /// The MPFR value, or nil for a small integer kept unmaterialised (`integer`, exact at
    /// `integerPrecision` bits). Literals and `T(n)` in generic code are such integers: they
    /// cost no allocation, and arithmetic with them goes through MPFR's `_si` entry points,
    /// which round exactly as the full operation would.
    @usableFromInline var storage: MPFRStorage?
    @usableFromInline var integer: Int
    @usableFromInline var integerPrecision: Int

    @inlinable
    init(storage: MPFRStorage) {
        self.storage = storage
        integer = 0
        integerPrecision = 0
    }

    /// `n` at `precision` bits, unmaterialised when exact there, else rounded now. Every `Int`
    /// (at most 63 significant bits) is exact from 64 bits on: no bit count on that path.
    @inlinable @inline(__always)
    init(integer n: Int, precision: Int, rounding: Rounding) {
        let m = n.magnitude
        if precision >= Int.bitWidth || m == 0 || UInt.bitWidth - m.leadingZeroBitCount - m.trailingZeroBitCount <= precision {
            storage = nil
            integer = n
            integerPrecision = precision
        } else {
            self = BigFloat.rounded(integer: n, precision: precision, rounding: rounding)
        }
    }

    /// `n` rounded to `precision` bits (out of line: the rare path of `init(integer:…)`).
    @usableFromInline
    static func rounded(integer n: Int, precision: Int, rounding: Rounding) -> BigFloat {
        make(precision: precision) { _ = mpfr_set_si($0, n, rounding.mpfr) }
    }

    /// Rounding directions MPFR offers, minus faithful rounding (whose last bit is not
    /// deterministic and would make equality tests meaningless).
    public enum Rounding: String, Sendable, CaseIterable, Codable {
        case toNearest, towardZero, up, down, awayFromZero

        @inlinable
        var mpfr: mpfr_rnd_t {
            switch self {
            case .toNearest: return MPFR_RNDN
            case .towardZero: return MPFR_RNDZ
            case .up: return MPFR_RNDU
            case .down: return MPFR_RNDD
            case .awayFromZero: return MPFR_RNDA
            }
        }
    }

    /// The working precision and rounding of a scope.
    public struct Context: Sendable, Equatable {
        public let precision: Int
        public let rounding: Rounding
    }

    /// Default when no scope is active: 256 bits (77 decimal digits), round to nearest.
    public static let defaultPrecision = 256

    @TaskLocal @usableFromInline
    static var taskContext = Context(precision: BigFloat.defaultPrecision, rounding: .toNearest)

    /// The context of the innermost scope. A *synchronous* `withPrecision` body cannot suspend,
    /// so while it runs its thread does nothing else: the scope publishes its context in a
    /// per-thread slot that costs a few instructions to read, instead of the task-local lookup
    /// (~240 instructions, several per arithmetic operation). Async scopes, and threads with no
    /// synchronous scope active, read the task-local. The slot also records which task (if
    /// any) opened the scope, so a nested run loop executing another task's job on this thread
    /// cannot see it.
    @inlinable
    static var context: Context {
        if let record = ScopeSlot.current, record.pointee.task == ScopeSlot.currentTask() {
            return record.pointee.context
        }
        return taskContext
    }

    /// The per-thread slot: a pointer to a record on the scope's stack frame, restored to the
    /// enclosing scope's record when the scope ends.
    @usableFromInline
    enum ScopeSlot {
        @usableFromInline
        struct Record {
            @usableFromInline let context: Context
            @usableFromInline let task: UnsafeRawPointer?
        }

        static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()

        @usableFromInline
        static var current: UnsafePointer<Record>? {
            pthread_getspecific(key).map { UnsafePointer($0.assumingMemoryBound(to: Record.self)) }
        }

        /// The running task (nil outside tasks), straight from the concurrency runtime:
        /// `withUnsafeCurrentTask` costs ~10× more through its generic closure.
        @inlinable
        static func currentTask() -> UnsafeRawPointer? { qb_current_task() }

        static func with<R>(_ context: Context, _ body: () throws -> R) rethrows -> R {
            try withUnsafeTemporaryAllocation(of: Record.self, capacity: 1) { buffer in
                let record = buffer.baseAddress!
                record.initialize(to: Record(context: context, task: currentTask()))
                let previous = pthread_getspecific(key)
                pthread_setspecific(key, record)
                defer {
                    pthread_setspecific(key, previous)
                    record.deinitialize(count: 1)
                }
                return try body()
            }
        }
    }

    /// The precision, in bits, that results and literals get in the current scope.
    @inlinable public static var workingPrecision: Int { context.precision }
    /// The rounding that results get in the current scope.
    @inlinable public static var workingRounding: Rounding { context.rounding }

    /// Precisions accepted anywhere in the engine: at least 2 bits, at most MPFR's maximum.
    public static var precisionRange: ClosedRange<Int> { 2...Int(qb_mpfr_prec_max()) }

    /// Throws unless `bits` is a usable precision (and a value of that size fits in memory).
    public static func validate(precision bits: Int) throws(BigNumericsError) {
        guard precisionRange.contains(bits) else {
            throw .precisionOutOfRange(bits: bits, allowed: precisionRange)
        }
        // A value this large could not be allocated; refuse instead of crashing in malloc.
        let bytes = bits / 8
        let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) &* Int(sysconf(Int32(_SC_PAGESIZE)))
        if physical > 0, bytes > physical / 4 {
            throw .precisionOutOfRange(bits: bits, allowed: 2...(physical / 4 * 8))
        }
    }

    /// Runs `body` with results and literals at `bits` of precision, rounded by `rounding`.
    public static func withPrecision<R>(_ bits: Int, rounding: Rounding = .toNearest,
                                        _ body: () throws -> R) throws -> R {
        try validate(precision: bits)
        let context = Context(precision: bits, rounding: rounding)
        // The task-local too, so tasks created inside the body inherit the scope.
        return try $taskContext.withValue(context) { try ScopeSlot.with(context, body) }
    }

    /// Async form of `withPrecision(_:rounding:_:)`; child tasks inherit the scope.
    public static func withPrecision<R>(_ bits: Int, rounding: Rounding = .toNearest,
                                        isolation: isolated (any Actor)? = #isolation,
                                        _ body: () async throws -> R) async throws -> R {
        try validate(precision: bits)
        // No per-thread slot here: the body may suspend and resume on another thread.
        return try await $taskContext.withValue(Context(precision: bits, rounding: rounding), operation: body)
    }

    /// The precision of this value, in bits.
    public var precision: Int { storage.map { s in s.withUnsafeMutablePointerToHeader { Int($0.pointee._mpfr_prec) } } ?? integerPrecision }

    /// Read access to the `mpfr_t`, valid only inside `body`. An unmaterialised integer is
    /// materialised for the call in temporary (stack) memory.
    @inlinable
    public func withMPFR<R>(_ body: (UnsafePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        if let storage {
            return try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
        }
        let limbs = (qb_mpfr_custom_get_size(integerPrecision) + MemoryLayout<mp_limb_t>.size - 1) / MemoryLayout<mp_limb_t>.size
        return try withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: limbs) { buffer in
            var header = __mpfr_struct()
            qb_mpfr_custom_init_set_zero(&header, integerPrecision, buffer.baseAddress!)
            _ = mpfr_set_si(&header, integer, MPFR_RNDN)
            return try withUnsafePointer(to: &header) { try body($0) }
        }
    }

    /// A fresh value of `precision` bits filled by `fill` (which receives the destination).
    @inlinable @inline(__always)
    static func make(precision: Int, _ fill: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        let storage = MPFRStorage.make(precision: precision)
        storage.withUnsafeMutablePointerToHeader { fill($0) }
        return BigFloat(storage: storage)
    }

    /// `f(x)` at the working precision and rounding: the one code path of every unary function.
    @inlinable @inline(__always)
    static func unary(_ x: BigFloat,
                      _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        let c = context
        return x.withMPFR { px in make(precision: c.precision) { _ = f($0, px, c.rounding.mpfr) } }
    }

    /// `f(a, b)` at the working precision and rounding.
    @inlinable @inline(__always)
    static func binary(_ a: BigFloat, _ b: BigFloat,
                       _ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        let c = context
        return a.withMPFR { pa in b.withMPFR { pb in make(precision: c.precision) { _ = f($0, pa, pb, c.rounding.mpfr) } } }
    }

    /// A constant (π, log 2, …) at the working precision.
    @inlinable
    static func constant(_ f: (UnsafeMutablePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        let c = context
        return make(precision: c.precision) { _ = f($0, c.rounding.mpfr) }
    }
}

// MARK: Conversions (each is one correct rounding of the exact input)

extension BigFloat {
    public init(_ value: Int) {
        let c = BigFloat.context
        self.init(integer: value, precision: c.precision, rounding: c.rounding)
    }

    public init(_ value: BigInt) {
        let c = BigFloat.context
        self = value.withMPZ { z in BigFloat.make(precision: c.precision) { _ = mpfr_set_z($0, z, c.rounding.mpfr) } }
    }

    public init(_ value: BigRational) {
        let c = BigFloat.context
        self = value.withMPQ { q in BigFloat.make(precision: c.precision) { _ = mpfr_set_q($0, q, c.rounding.mpfr) } }
    }

    /// The exact binary value of `value`, rounded to the working precision (exact at ≥ 53 bits).
    public init(_ value: Double) {
        let c = BigFloat.context
        self = BigFloat.make(precision: c.precision) { _ = mpfr_set_d($0, value, c.rounding.mpfr) }
    }

    /// `value` re-rounded to `precision` bits.
    public init(_ value: BigFloat, precision: Int, rounding: Rounding = .toNearest) throws(BigNumericsError) {
        try BigFloat.validate(precision: precision)
        self = value.withMPFR { p in BigFloat.make(precision: precision) { _ = mpfr_set($0, p, rounding.mpfr) } }
    }

    /// `value` rounded to `precision` bits, reporting the ternary value: 0 exact, > 0 rounded up, < 0 down.
    public static func rounded(_ value: BigFloat, precision: Int, rounding: Rounding = .toNearest) throws(BigNumericsError) -> (value: BigFloat, ternary: Int) {
        try validate(precision: precision)
        var ternary: Int32 = 0
        let r = value.withMPFR { p in make(precision: precision) { ternary = mpfr_set($0, p, rounding.mpfr) } }
        return (r, Int(ternary))
    }

    /// Parses a decimal (`-1.25e-3`), an integer or a fraction `p/q`, all taken exactly, and
    /// rounds once to the working precision.
    public init(parsing text: String) throws(BigNumericsError) {
        do {
            self.init(try BigRational(parsing: text))
        } catch .divisionByZero {
            throw .malformedNumber(text: text, expected: "a decimal, integer or fraction with a non-zero denominator")
        }
    }

    /// Nearest `Double` (ties to even), including correctly rounded subnormals.
    public var doubleValue: Double {
        withMPFR { p in
            guard mpfr_regular_p(p) != 0 else { return mpfr_get_d(p, MPFR_RNDN) }
            return BigFloat.doubleNearest(exponent: Int(qb_mpfr_exp(p))) { r, rnd in mpfr_set(r, p, rnd) }
        }
    }

    /// Correctly rounded Double of an exact rational.
    static func doubleNearest(_ q: BigRational) -> Double {
        if q.isZero { return 0 }
        // The exponent of the exact value: rounding toward zero never carries into a new binade.
        let e = q.withMPQ { pq in
            BigFloat.make(precision: 64) { _ = mpfr_set_q($0, pq, MPFR_RNDZ) }.withMPFR { Int(qb_mpfr_exp($0)) }
        }
        return q.withMPQ { pq in doubleNearest(exponent: e) { r, rnd in mpfr_set_q(r, pq, rnd) } }
    }

    /// Rounds a value with MPFR exponent `e` (x = m·2^e, m ∈ [1/2, 1)) to Double's grid, whose
    /// spacing below 2^-1022 is 2^-1074, by rounding once at the precision that grid allows.
    private static func doubleNearest(exponent e: Int,
                                      _ set: (UnsafeMutablePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> Double {
        let bits = min(53, e + 1074)
        if bits >= 1 {
            return make(precision: bits) { _ = set($0, MPFR_RNDN) }.withMPFR { mpfr_get_d($0, MPFR_RNDN) }
        }
        // |x| < 2^-1074: the nearest Doubles are ±0 and ±2^-1074; 2^-1075 exactly is a tie (to 0).
        var ternary: Int32 = 0
        let truncated = make(precision: 1) { ternary = set($0, MPFR_RNDZ) }
        let negative = truncated.withMPFR { qb_mpfr_signbit($0) != 0 }
        let magnitude: Double = (e == -1074 && ternary != 0) ? 0x1p-1074 : 0
        return negative ? -magnitude : magnitude
    }
}

// MARK: Exact conversion out

extension BigFloat {
    /// The exact rational value. Throws for NaN and infinities.
    public func exactRational() throws(BigNumericsError) -> BigRational {
        guard isFinite else { throw .notFinite(value: description, context: "BigFloat.exactRational()") }
        return withMPFR { p in BigRational { mpfr_get_q($0, p) } }
    }

    /// The integer value when `self` is an integer, otherwise nil.
    public var exactInteger: BigInt? {
        guard isFinite, mpfrIsInteger else { return nil }
        return withMPFR { p in BigInt { _ = mpfr_get_z($0, p, MPFR_RNDN) } }
    }

    var mpfrIsInteger: Bool { withMPFR { mpfr_integer_p($0) != 0 } }
}

// MARK: Decimal output

extension BigFloat {
    /// Largest digit count accepted by `formatted(significantDigits:)`.
    public static let maxSignificantDigits = 100_000_000

    /// Decimal scientific notation with `digits` significant digits, correctly rounded from
    /// the exact binary value of `self` (`-1.2345e-7`, `0e0`, `inf`, `nan`).
    public func formatted(significantDigits digits: Int, rounding: Rounding = .toNearest) throws(BigNumericsError) -> String {
        guard (1...BigFloat.maxSignificantDigits).contains(digits) else {
            throw .digitsOutOfRange(digits: digits, allowed: 1...BigFloat.maxSignificantDigits)
        }
        return decimalString(digits: digits, rounding: rounding)
    }

    /// `digits == 0` asks MPFR for enough digits to read the value back at its precision.
    func decimalString(digits: Int, rounding: Rounding) -> String {
        withMPFR { p in
            if mpfr_nan_p(p) != 0 { return "nan" }
            if mpfr_inf_p(p) != 0 { return qb_mpfr_signbit(p) != 0 ? "-inf" : "inf" }
            if mpfr_zero_p(p) != 0 {
                let zeros = String(repeating: "0", count: max(0, digits - 1))
                return (qb_mpfr_signbit(p) != 0 ? "-" : "") + (zeros.isEmpty ? "0e0" : "0.\(zeros)e0")
            }
            var exponent: mpfr_exp_t = 0
            guard let raw = mpfr_get_str(nil, &exponent, 10, digits, p, rounding.mpfr) else { return "nan" }
            defer { mpfr_free_str(raw) }
            var text = String(cString: raw)
            var sign = ""
            if text.hasPrefix("-") { sign = "-"; text.removeFirst() }
            // MPFR returns d1 d2 … dn meaning 0.d1d2…dn × 10^exponent.
            let lead = text.prefix(1), rest = text.dropFirst()
            return sign + lead + (rest.isEmpty ? "" : "." + rest) + "e\(exponent - 1)"
        }
    }
}

extension BigFloat: CustomStringConvertible, CustomDebugStringConvertible {
    /// Enough digits to read the value back exactly at its own precision.
    public var description: String { decimalString(digits: 0, rounding: .toNearest) }
    public var debugDescription: String { "\(description) [\(precision) bits]" }
}

// MARK: Rounding decisions (Ziv's strategy, MPFR's tgeneric)

extension BigFloat {
    /// True when an approximation `self` of an unknown x with |self − x| <= 2^(exponent(self) − correctBits)
    /// (in MPFR's exponent convention) determines x rounded to `precision` bits by `to`,
    /// given that the approximation was rounded by `from` (`mpfr_can_round`).
    public func canRound(correctBits: Int, from: Rounding = .toNearest, to: Rounding = .toNearest, precision: Int) -> Bool {
        withMPFR { mpfr_can_round($0, correctBits, from.mpfr, to.mpfr, precision) != 0 }
    }
}
