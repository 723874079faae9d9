import CGMPFR
import RealModule

/// Owns one canonical `mpq_t` at a stable heap address; write-once like `MPZBox`.
@usableFromInline
final class MPQBox: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpq_struct>

    @usableFromInline
    init(_ fill: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
        fill(pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact rational number (GMP `mpq_t`), always in lowest terms with a positive denominator.
///
/// Conforms to swift-numerics `AlgebraicField`, so a rational closed form written once
/// generically evaluates exactly here, in `Double` and in `BigFloat`.
public struct BigRational: Sendable {
    @usableFromInline let box: MPQBox

    @usableFromInline
    init(_ fill: (UnsafeMutablePointer<__mpq_struct>) -> Void) { box = MPQBox(fill) }

    @inlinable
    public func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    public init(_ value: Int) { self.init { __gmpq_set_si($0, value, 1) } }

    public init(_ value: BigInt) {
        self.init { q in value.withMPZ { __gmpq_set_z(q, $0) } }
    }

    public init<T: BinaryInteger>(_ value: T) { self.init(BigInt(value)) }

    /// numerator / denominator, reduced. Throws when the denominator is zero.
    public init(_ numerator: BigInt, _ denominator: BigInt) throws(BigNumericsError) {
        guard !denominator.isZero else {
            throw .divisionByZero(context: "BigRational(\(numerator), \(denominator))")
        }
        self.init { q in
            numerator.withMPZ { __gmpz_set(qb_mpq_numref(q), $0) }
            denominator.withMPZ { __gmpz_set(qb_mpq_denref(q), $0) }
            __gmpq_canonicalize(q)
        }
    }

    /// The exact binary value of a finite `Double` (0.1 becomes 3602879701896397/36028797018963968).
    public init(exactly value: Double) throws(BigNumericsError) {
        guard value.isFinite else { throw .notFinite(value: "\(value)", context: "BigRational(exactly:)") }
        self.init { __gmpq_set_d($0, value) }
    }

    /// Parses an integer (`-3`), a fraction (`3/7`, `-3/7`), or a decimal taken exactly
    /// (`0.1` is 1/10, `1.5e-3` is 3/2000).
    public init(parsing text: String) throws(BigNumericsError) {
        let expected = "an integer, a fraction p/q or a decimal such as -3, 3/7, 0.1 or 1.5e-3"
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let numText = String(parts[0]), denText = String(parts[1])
            guard BigInt.isDecimalInteger(numText), BigInt.isDecimalInteger(denText),
                  denText.first != "-", denText.first != "+" else {
                throw .malformedNumber(text: text, expected: expected)
            }
            let den = try BigInt(parsing: denText)
            guard !den.isZero else { throw .divisionByZero(context: "parsing \"\(text)\"") }
            try self.init(BigInt(parsing: numText), den)
            return
        }
        guard parts.count == 1, let decimal = BigRational.parseDecimal(text) else {
            throw .malformedNumber(text: text, expected: expected)
        }
        self = decimal
    }

    /// [+-]digits[.digits][(e|E)[+-]digits], at least one digit in the mantissa.
    static func parseDecimal(_ text: String) -> BigRational? {
        var chars = Substring(text)
        var negative = false
        if let s = chars.first, s == "+" || s == "-" { negative = s == "-"; chars = chars.dropFirst() }
        var mantissa = Substring(chars), exponentText: Substring = ""
        if let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = chars[..<e]
            exponentText = chars[chars.index(after: e)...]
            guard !exponentText.isEmpty, BigInt.isDecimalInteger(String(exponentText)) else { return nil }
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let intPart = pieces[0], fracPart = pieces.count == 2 ? pieces[1] : ""
        guard !(intPart.isEmpty && fracPart.isEmpty),
              (intPart + fracPart).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let exponent = exponentText.isEmpty ? 0 : Int(exponentText),
              abs(exponent) <= 1_000_000 else { return nil }
        let digits = String(intPart + fracPart)
        guard let integer = try? BigInt(parsing: digits.isEmpty ? "0" : digits) else { return nil }
        let scale = exponent - fracPart.count
        let ten = BigInt(10)
        var value = scale >= 0 ? BigRational(integer * ten.power(UInt(scale)))
                               : BigRational(integer) / BigRational(ten.power(UInt(-scale)))
        if negative { value = -value }
        return value
    }

    public var numerator: BigInt { withMPQ { q in BigInt { __gmpz_set($0, qb_mpq_numref_const(q)) } } }
    public var denominator: BigInt { withMPQ { q in BigInt { __gmpz_set($0, qb_mpq_denref_const(q)) } } }
    public var signum: Int { withMPQ { Int(qb_mpq_sgn($0)) } }
    public var isZero: Bool { signum == 0 }
    public var isInteger: Bool { denominator == 1 }

    /// Correctly rounded (nearest, ties to even) `Double`, including subnormal results.
    public var doubleValue: Double { BigFloat.doubleNearest(self) }

    /// self / other, throwing on a zero divisor (the `/` operator traps, as `Int` division does).
    public func divided(by other: BigRational) throws(BigNumericsError) -> BigRational {
        guard !other.isZero else { throw .divisionByZero(context: "\(self) / 0") }
        return self / other
    }

    /// self^n for any integer n; throws for 0 to a negative power.
    public func power(_ n: Int) throws(BigNumericsError) -> BigRational {
        if n >= 0 { return BigRational(numerator.power(UInt(n)), denominatorPower: denominator.power(UInt(n))) }
        guard !isZero else { throw .divisionByZero(context: "0^\(n)") }
        return try BigRational(denominator.power(UInt(-n)), numerator.power(UInt(-n)))
    }

    /// Builds p/q from already coprime parts with q > 0 (powers of a canonical fraction are).
    private init(_ numerator: BigInt, denominatorPower denominator: BigInt) {
        self.init { q in
            numerator.withMPZ { __gmpz_set(qb_mpq_numref(q), $0) }
            denominator.withMPZ { __gmpz_set(qb_mpq_denref(q), $0) }
        }
    }

    /// The largest integer <= self.
    public var floor: BigInt {
        // Denominators are positive and non-zero, so floored division cannot throw.
        (try? numerator.flooredDivision(by: denominator).quotient) ?? numerator
    }
}

// MARK: Arithmetic

extension BigRational {
    @inlinable
    static func binary(_ a: BigRational, _ b: BigRational,
                       _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void) -> BigRational {
        a.withMPQ { pa in b.withMPQ { pb in BigRational { op($0, pa, pb) } } }
    }

    public static func + (a: BigRational, b: BigRational) -> BigRational { binary(a, b) { __gmpq_add($0, $1, $2) } }
    public static func - (a: BigRational, b: BigRational) -> BigRational { binary(a, b) { __gmpq_sub($0, $1, $2) } }
    public static func * (a: BigRational, b: BigRational) -> BigRational { binary(a, b) { __gmpq_mul($0, $1, $2) } }

    /// Traps on a zero divisor, as integer division does; use `divided(by:)` to get a thrown error.
    public static func / (a: BigRational, b: BigRational) -> BigRational {
        precondition(!b.isZero, "BigRational division by zero")
        return binary(a, b) { __gmpq_div($0, $1, $2) }
    }

    public static prefix func - (a: BigRational) -> BigRational { a.withMPQ { p in BigRational { __gmpq_neg($0, p) } } }
    public static func += (a: inout BigRational, b: BigRational) { a = a + b }
    public static func -= (a: inout BigRational, b: BigRational) { a = a - b }
    public static func *= (a: inout BigRational, b: BigRational) { a = a * b }
    public static func /= (a: inout BigRational, b: BigRational) { a = a / b }
}

extension BigRational: AlgebraicField {
    public static var zero: BigRational { BigRational(0) }
    public var magnitude: BigRational { withMPQ { p in BigRational { __gmpq_abs($0, p) } } }
    public var reciprocal: BigRational? { isZero ? nil : withMPQ { p in BigRational { __gmpq_inv($0, p) } } }

    public init?<T: BinaryInteger>(exactly source: T) { self.init(source) }
}

extension BigRational: Comparable, Hashable {
    public static func == (a: BigRational, b: BigRational) -> Bool { a.withMPQ { pa in b.withMPQ { __gmpq_equal(pa, $0) != 0 } } }
    public static func < (a: BigRational, b: BigRational) -> Bool { a.withMPQ { pa in b.withMPQ { __gmpq_cmp(pa, $0) < 0 } } }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension BigRational: ExpressibleByIntegerLiteral {
    public init(integerLiteral literal: StaticBigInt) { self.init(BigInt(integerLiteral: literal)) }
}

extension BigRational: CustomStringConvertible, LosslessStringConvertible {
    /// `-3/7`, or just `5` for integers.
    public var description: String { isInteger ? numerator.description : "\(numerator)/\(denominator)" }
    public init?(_ description: String) { try? self.init(parsing: description) }
}

extension BigRational: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
