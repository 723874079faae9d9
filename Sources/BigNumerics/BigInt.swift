import CGMPFR

/// Owns one `mpz_t` at a stable heap address. Write-once: after the initialiser's closure
/// has filled it, nothing mutates it, so sharing between copies and tasks is safe.
@usableFromInline
final class MPZBox: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline
    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    @usableFromInline
    convenience init(_ fill: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
        self.init()
        fill(pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact integer of any size (GMP `mpz_t`), with value semantics.
public struct BigInt: Sendable {
    @usableFromInline let box: MPZBox

    @usableFromInline
    init(box: MPZBox) { self.box = box }

    @usableFromInline
    init(_ fill: (UnsafeMutablePointer<__mpz_struct>) -> Void) { box = MPZBox(fill) }

    /// Read access to the underlying `mpz_t`, valid only inside `body`.
    @inlinable
    public func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    public init(_ value: Int) { self.init { __gmpz_set_si($0, value) } }

    public init<T: BinaryInteger>(_ value: T) {
        if let small = Int(exactly: value) {
            self.init(small)
        } else {
            // Two's-complement words, least significant first; fold the sign in by hand.
            let negative = value < 0
            let magnitude = value.magnitude
            let words = Array(magnitude.words)
            self.init { z in
                words.withUnsafeBufferPointer { buf in
                    __gmpz_import(z, buf.count, -1, MemoryLayout<UInt>.size, 0, 0, buf.baseAddress)
                }
                if negative { __gmpz_neg(z, z) }
            }
        }
    }

    /// The integer `value`, or nil when `value` is not finite or has a fractional part.
    public init?(exactly value: Double) {
        guard value.isFinite, value.rounded(.towardZero) == value else { return nil }
        self.init { __gmpz_set_d($0, value) }
    }

    /// Parses an optionally signed decimal integer (`-123`, `+7`); underscores are not allowed.
    public init(parsing text: String) throws(BigNumericsError) {
        guard BigInt.isDecimalInteger(text) else {
            throw .malformedNumber(text: text, expected: "a decimal integer such as -123")
        }
        var body = Substring(text)
        if body.first == "+" { body = body.dropFirst() }
        let digits = String(body)
        self.init { z in _ = __gmpz_set_str(z, digits, 10) }
    }

    static func isDecimalInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if let first = body.first, first == "+" || first == "-" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public static var zero: BigInt { BigInt(0) }
    public static var one: BigInt { BigInt(1) }

    /// -1, 0 or +1.
    public var signum: Int { withMPZ { Int(qb_mpz_sgn($0)) } }
    public var isZero: Bool { signum == 0 }
    public var isOdd: Bool { withMPZ { qb_mpz_odd_p($0) != 0 } }

    /// The value as `Int`, or nil when it does not fit.
    public var asInt: Int? {
        withMPZ { __gmpz_fits_slong_p($0) != 0 ? __gmpz_get_si($0) : nil }
    }

    /// Correctly rounded (to nearest, ties to even) conversion to `Double`.
    public var doubleValue: Double { BigRational(self).doubleValue }

    /// Number of bits of |self| (0 for 0).
    public var bitLength: Int { isZero ? 0 : withMPZ { Int(__gmpz_sizeinbase($0, 2)) } }

    public func toString(radix: Int = 10) -> String {
        withMPZ { z in
            let size = __gmpz_sizeinbase(z, Int32(radix)) + 2
            var buffer = [CChar](repeating: 0, count: size)
            buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, Int32(radix), z) }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

// MARK: Arithmetic

extension BigInt {
    @inlinable
    static func binary(_ a: BigInt, _ b: BigInt,
                       _ op: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void) -> BigInt {
        a.withMPZ { pa in b.withMPZ { pb in BigInt { op($0, pa, pb) } } }
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt { binary(a, b) { __gmpz_add($0, $1, $2) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { binary(a, b) { __gmpz_sub($0, $1, $2) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { binary(a, b) { __gmpz_mul($0, $1, $2) } }
    public static prefix func - (a: BigInt) -> BigInt { a.withMPZ { p in BigInt { __gmpz_neg($0, p) } } }
    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// Truncating division (quotient rounded toward zero, remainder with the sign of `self`),
    /// as Swift's `Int` does. Throws on a zero divisor.
    public func quotientAndRemainder(dividingBy divisor: BigInt) throws(BigNumericsError) -> (quotient: BigInt, remainder: BigInt) {
        guard !divisor.isZero else { throw .divisionByZero(context: "BigInt.quotientAndRemainder(dividingBy:)") }
        let q = MPZBox(), r = MPZBox()
        withMPZ { a in divisor.withMPZ { d in __gmpz_tdiv_qr(q.pointer, r.pointer, a, d) } }
        return (BigInt(box: q), BigInt(box: r))
    }

    /// Floored division: `self == q * divisor + r` with `0 <= r < |divisor|` for a positive divisor.
    public func flooredDivision(by divisor: BigInt) throws(BigNumericsError) -> (quotient: BigInt, remainder: BigInt) {
        guard !divisor.isZero else { throw .divisionByZero(context: "BigInt.flooredDivision(by:)") }
        let q = MPZBox(), r = MPZBox()
        withMPZ { a in divisor.withMPZ { d in __gmpz_fdiv_qr(q.pointer, r.pointer, a, d) } }
        return (BigInt(box: q), BigInt(box: r))
    }

    /// Exact quotient when `divisor` is known to divide `self` (GMP's fast `divexact`).
    func dividedExactly(by divisor: BigInt) -> BigInt { BigInt.binary(self, divisor) { __gmpz_divexact($0, $1, $2) } }

    /// Non-negative greatest common divisor; gcd(0, 0) = 0.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { binary(a, b) { __gmpz_gcd($0, $1, $2) } }

    /// Non-negative least common multiple; lcm(x, 0) = 0.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { binary(a, b) { __gmpz_lcm($0, $1, $2) } }

    /// `self` to a non-negative power (0⁰ = 1).
    public func power(_ exponent: UInt) -> BigInt { withMPZ { p in BigInt { __gmpz_pow_ui($0, p, exponent) } } }

    public var magnitude: BigInt { withMPZ { p in BigInt { __gmpz_abs($0, p) } } }

    /// The binomial coefficient C(n, k) for 0 <= k (0 when k > n >= 0).
    public static func binomial(_ n: UInt, _ k: UInt) -> BigInt { BigInt { __gmpz_bin_uiui($0, n, k) } }

    public static func factorial(_ n: UInt) -> BigInt { BigInt { __gmpz_fac_ui($0, n) } }
}

// MARK: Protocols

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (a: BigInt, b: BigInt) -> Bool { a.withMPZ { pa in b.withMPZ { __gmpz_cmp(pa, $0) == 0 } } }
    public static func < (a: BigInt, b: BigInt) -> Bool { a.withMPZ { pa in b.withMPZ { __gmpz_cmp(pa, $0) < 0 } } }

    public func hash(into hasher: inout Hasher) {
        withMPZ { z in
            hasher.combine(qb_mpz_sgn(z))
            let n = qb_mpz_limb_count(z)
            hasher.combine(n)
            for i in 0..<n { hasher.combine(__gmpz_getlimbn(z, i)) }
        }
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    /// Literals of any size, with no detour through a fixed-width integer.
    public init(integerLiteral literal: StaticBigInt) {
        let negative = literal.signum() < 0
        let wordCount = (literal.bitWidth + UInt.bitWidth - 1) / UInt.bitWidth
        // StaticBigInt words are two's complement; take the magnitude word by word.
        var words = (0..<wordCount).map { literal[$0] }
        if negative {
            var carry: UInt = 1
            for i in words.indices {
                let (sum, overflow) = (~words[i]).addingReportingOverflow(carry)
                words[i] = sum
                carry = overflow ? 1 : 0
            }
        }
        self.init { z in
            words.withUnsafeBufferPointer { buf in
                __gmpz_import(z, buf.count, -1, MemoryLayout<UInt>.size, 0, 0, buf.baseAddress)
            }
            if negative { __gmpz_neg(z, z) }
        }
    }
}

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
    public var description: String { toString() }
    public init?(_ description: String) { try? self.init(parsing: description) }
}

extension BigInt: Codable {
    /// Encoded as its exact decimal string, so no JSON number width can truncate it.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
