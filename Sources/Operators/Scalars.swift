// The scalars an operator can have. Models and superoperators are written once against
// `OperatorField` (a field with i and complex conjugation); `Complex<Double>` is the simulator's
// case and `ComplexExtension<F>` = F(i) is the exact case for any field F (Q(i), Q(i)(y, c, …)).
import ComplexModule
import RealModule

/// A field with a square root of −1 and a conjugation, the least an operator builder needs.
/// `isZero` (from `ExtensibleField`) must be exact for exact fields (a canonical form decides it)
/// and is `== 0` for floating point; elimination states what it does with that (see `Elimination.swift`).
public protocol OperatorField: ExtensibleField {
    /// i, with i·i = −1.
    static var imaginaryUnit: Self { get }
    /// Complex conjugation (the identity on the real subfield).
    var conjugate: Self { get }
}

extension AlgebraicField {
    /// n as a field element, by binary expansion when `init(exactly:)` declines.
    public static func integer(_ n: Int) -> Self {
        if let x = Self(exactly: n) { return x }
        var result: Self = .zero, power: Self = 1, m = n.magnitude
        while m > 0 { if m & 1 == 1 { result += power }; power += power; m >>= 1 }
        return n < 0 ? -result : result
    }
}

extension Complex: ExtensibleField where RealType == Double {}

extension Complex: OperatorField where RealType == Double {
    public static var imaginaryUnit: Complex<Double> { Complex(0, 1) }
}

/// A field with a zero test: what `ComplexExtension` needs from its base (F extended by i) and
/// what elimination needs (real fields such as an interval enclosure need no i to be reduced).
public protocol ExtensibleField: AlgebraicField, Sendable {
    var isZero: Bool { get }
}

extension Double: ExtensibleField {}

/// F(i) = {a + b·i : a, b ∈ F} with i² = −1, for a field F in which −1 is not a square
/// (Q, Q(y, …), R). Zero is decided exactly when F decides it exactly.
public struct ComplexExtension<Base: ExtensibleField>: OperatorField, Hashable, CustomStringConvertible
where Base: Hashable {
    public var real: Base
    public var imaginary: Base

    public init(_ real: Base, _ imaginary: Base) {
        self.real = real
        self.imaginary = imaginary
    }

    public init(_ real: Base) { self.init(real, .zero) }

    public init(integerLiteral value: Int) { self.init(Base.integer(value)) }

    public init?<T: BinaryInteger>(exactly source: T) {
        guard let b = Base(exactly: source) else { return nil }
        self.init(b)
    }

    public static var zero: ComplexExtension { ComplexExtension(.zero, .zero) }
    public static var imaginaryUnit: ComplexExtension { ComplexExtension(.zero, 1) }

    public var isZero: Bool { real.isZero && imaginary.isZero }
    public var isReal: Bool { imaginary.isZero }
    public var conjugate: ComplexExtension { ComplexExtension(real, imaginary.isZero ? imaginary : -imaginary) }

    /// max(|a|, |b|) in the base's own magnitude (an order only for ordered bases).
    public var magnitude: Base.Magnitude { Swift.max(real.magnitude, imaginary.magnitude) }
    public typealias Magnitude = Base.Magnitude

    public static func + (a: ComplexExtension, b: ComplexExtension) -> ComplexExtension {
        if a.isZero { return b }
        if b.isZero { return a }
        return ComplexExtension(add(a.real, b.real), add(a.imaginary, b.imaginary))
    }

    public static func - (a: ComplexExtension, b: ComplexExtension) -> ComplexExtension {
        if b.isZero { return a }
        return a + (-b)
    }

    public static prefix func - (a: ComplexExtension) -> ComplexExtension {
        ComplexExtension(a.real.isZero ? a.real : -a.real, a.imaginary.isZero ? a.imaginary : -a.imaginary)
    }

    public static func * (a: ComplexExtension, b: ComplexExtension) -> ComplexExtension {
        if a.isZero || b.isZero { return .zero }
        if a.imaginary.isZero && b.imaginary.isZero { return ComplexExtension(a.real * b.real, a.imaginary) }  // reuse the zero
        if a.imaginary.isZero { return ComplexExtension(mul(a.real, b.real), mul(a.real, b.imaginary)) }
        if b.imaginary.isZero { return ComplexExtension(mul(a.real, b.real), mul(a.imaginary, b.real)) }
        return ComplexExtension(a.real * b.real - a.imaginary * b.imaginary,
                                a.real * b.imaginary + a.imaginary * b.real)
    }

    public static func *= (a: inout ComplexExtension, b: ComplexExtension) { a = a * b }
    public static func += (a: inout ComplexExtension, b: ComplexExtension) { a = a + b }
    public static func -= (a: inout ComplexExtension, b: ComplexExtension) { a = a - b }

    /// 1/(a + bi) = (a − bi)/(a² + b²); nil for zero (a² + b² ≠ 0 otherwise, as −1 is no square in F).
    public var reciprocal: ComplexExtension? {
        if isZero { return nil }
        if imaginary.isZero { return ComplexExtension(1 / real, imaginary) }
        let n = real * real + imaginary * imaginary
        return ComplexExtension(real / n, -imaginary / n)
    }

    /// Division; dividing by zero gives zero (callers check `isZero` first: elimination never divides by zero).
    public static func /= (a: inout ComplexExtension, b: ComplexExtension) {
        guard let r = b.reciprocal else { a = .zero; return }
        a = a * r
    }

    @inline(__always) static func add(_ x: Base, _ y: Base) -> Base {
        if x.isZero { return y }
        if y.isZero { return x }
        return x + y
    }

    @inline(__always) static func mul(_ x: Base, _ y: Base) -> Base {
        if x.isZero || y.isZero { return .zero }
        return x * y
    }

    public var description: String {
        if imaginary.isZero { return "\(real)" }
        if real.isZero { return "(\(imaginary))*i" }
        return "(\(real)) + (\(imaginary))*i"
    }
}
