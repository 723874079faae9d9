import CFLINT
import Synchronization

/// Owns one `fmpq_poly_t` at a stable heap address. Write-once like `MPZBox`: after the
/// initialiser's closure has filled it, the polynomial never changes. The coefficient array is
/// computed on first use and kept (behind a lock, since copies may be read from many tasks).
final class FMPQPolyBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpq_poly_struct>
    let cachedCoefficients: Mutex<[BigRational]?>

    init(coefficients: [BigRational]? = nil, _ fill: (UnsafeMutablePointer<fmpq_poly_struct>) -> Void) {
        pointer = .allocate(capacity: 1)
        fmpq_poly_init(pointer)
        cachedCoefficients = Mutex(coefficients)
        fill(pointer)
    }

    deinit {
        fmpq_poly_clear(pointer)
        pointer.deallocate()
    }
}

/// A polynomial in one variable with exact rational coefficients (FLINT `fmpq_poly`), with
/// value semantics. `coefficients` lists them lowest degree first with no trailing zero (so the
/// zero polynomial has none).
public struct Polynomial: Sendable {
    let box: FMPQPolyBox

    init(coefficients known: [BigRational]? = nil, _ fill: (UnsafeMutablePointer<fmpq_poly_struct>) -> Void) {
        box = FMPQPolyBox(coefficients: known, fill)
    }

    /// Read access to the underlying `fmpq_poly_t`, valid only inside `body`.
    @inline(__always)
    func withPoly<R>(_ body: (UnsafePointer<fmpq_poly_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    public init(coefficients: [BigRational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.init(coefficients: c) { p in
            fmpq_poly_fit_length(p, c.count)
            for (i, v) in c.enumerated().reversed() where !v.isZero { v.withFMPQ { fmpq_poly_set_coeff_fmpq(p, i, $0) } }
        }
    }

    public init(_ constant: BigRational) { self.init(coefficients: [constant]) }

    /// The variable x.
    public static var x: Polynomial { Polynomial(coefficients: [0, 1]) }
    public static var zero: Polynomial { Polynomial(coefficients: []) }
    public static var one: Polynomial { Polynomial(coefficients: [1]) }

    /// Lowest degree first, no trailing zeros.
    public var coefficients: [BigRational] {
        box.cachedCoefficients.withLock { cache in
            if let cache { return cache }
            let c = withPoly { p in (0..<fmpq_poly_length(p)).map { coefficient($0, of: p) } }
            cache = c
            return c
        }
    }

    private func coefficient(_ i: Int, of p: UnsafePointer<fmpq_poly_struct>) -> BigRational {
        withScratchFMPQ { q in
            fmpq_poly_get_coeff_fmpq(q, p, i)
            return BigRational(fmpq: q)
        }
    }

    /// −1 for the zero polynomial.
    public var degree: Int { withPoly { fmpq_poly_degree($0) } }
    public var isZero: Bool { degree < 0 }
    public var leadingCoefficient: BigRational { isZero ? 0 : withPoly { coefficient(fmpq_poly_degree($0), of: $0) } }
    public var isConstant: Bool { degree <= 0 }

    /// c·x^n.
    public static func monomial(_ c: BigRational, degree n: Int) -> Polynomial {
        Polynomial { p in c.withFMPQ { fmpq_poly_set_coeff_fmpq(p, n, $0) } }
    }

    /// Divided by its leading coefficient (zero stays zero).
    public var monic: Polynomial {
        if isZero || leadingCoefficient == 1 { return self }
        return unary { fmpq_poly_make_monic($0, $1) }
    }

    public var derivative: Polynomial { unary { fmpq_poly_derivative($0, $1) } }

    /// Horner evaluation in any field that exact rationals map into (exact, rounded or
    /// enclosed); exact rationals go through FLINT's evaluation.
    public func evaluate<T: RationalField>(at x: T) -> T {
        if let exact = x as? BigRational, let value = evaluate(exactly: exact) as? T { return value }
        var result = T.zero
        for c in coefficients.reversed() { result = result * x + T(rational: c) }
        return result
    }

    func evaluate(exactly x: BigRational) -> BigRational {
        withPoly { p in
            x.withFMPQ { a in
                withScratchFMPQ { r in
                    fmpq_poly_evaluate_fmpq(r, p, a)
                    return BigRational(fmpq: r)
                }
            }
        }
    }

    /// p(q(x)).
    public func composed(with q: Polynomial) -> Polynomial { Polynomial.binary(self, q) { fmpq_poly_compose($0, $1, $2) } }

    @inline(__always)
    func unary(_ op: (UnsafeMutablePointer<fmpq_poly_struct>, UnsafePointer<fmpq_poly_struct>) -> Void) -> Polynomial {
        withPoly { p in Polynomial { op($0, p) } }
    }

    @inline(__always)
    static func binary(_ a: Polynomial, _ b: Polynomial,
                       _ op: (UnsafeMutablePointer<fmpq_poly_struct>, UnsafePointer<fmpq_poly_struct>, UnsafePointer<fmpq_poly_struct>) -> Void) -> Polynomial {
        a.withPoly { pa in b.withPoly { pb in Polynomial { op($0, pa, pb) } } }
    }
}

// MARK: Ring operations

extension Polynomial {
    public static func + (a: Polynomial, b: Polynomial) -> Polynomial { binary(a, b) { fmpq_poly_add($0, $1, $2) } }
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { binary(a, b) { fmpq_poly_sub($0, $1, $2) } }
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial { binary(a, b) { fmpq_poly_mul($0, $1, $2) } }
    public static prefix func - (a: Polynomial) -> Polynomial { a.unary { fmpq_poly_neg($0, $1) } }

    public static func * (c: BigRational, a: Polynomial) -> Polynomial {
        c.withFMPQ { q in a.unary { fmpq_poly_scalar_mul_fmpq($0, $1, q) } }
    }

    public static func += (a: inout Polynomial, b: Polynomial) { a = a + b }
    public static func -= (a: inout Polynomial, b: Polynomial) { a = a - b }
    public static func *= (a: inout Polynomial, b: Polynomial) { a = a * b }

    /// self^n for n ≥ 0 (a negative n gives 1, as the hand-written version did).
    public func power(_ n: Int) -> Polynomial {
        n <= 0 ? .one : unary { fmpq_poly_pow($0, $1, UInt(n)) }
    }

    /// Euclidean division: self = q·divisor + r with deg r < deg divisor. Throws for a zero divisor.
    public func quotientAndRemainder(dividingBy divisor: Polynomial) throws(BigNumericsError) -> (quotient: Polynomial, remainder: Polynomial) {
        guard !divisor.isZero else { throw .divisionByZero(context: "Polynomial division") }
        let q = FMPQPolyBox { _ in }, r = FMPQPolyBox { _ in }
        withPoly { a in divisor.withPoly { b in fmpq_poly_divrem(q.pointer, r.pointer, a, b) } }
        return (Polynomial(box: q), Polynomial(box: r))
    }

    init(box: FMPQPolyBox) { self.box = box }

    /// Monic greatest common divisor (gcd(0, 0) = 0), by FLINT's modular algorithm.
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial { binary(a, b) { fmpq_poly_gcd($0, $1, $2) } }

    /// Exact quotient when `divisor` (non-zero) divides `self`.
    func dividedExactly(by divisor: Polynomial) -> Polynomial {
        divisor.isZero ? .zero : Polynomial.binary(self, divisor) { fmpq_poly_div($0, $1, $2) }
    }
}

extension Polynomial: Hashable {
    public static func == (a: Polynomial, b: Polynomial) -> Bool { a.withPoly { pa in b.withPoly { fmpq_poly_equal(pa, $0) != 0 } } }

    /// Degree, leading and constant coefficient: consistent with `==` and O(1).
    public func hash(into hasher: inout Hasher) {
        let d = degree
        hasher.combine(d)
        guard d >= 0 else { return }
        hasher.combine(leadingCoefficient)
        hasher.combine(withPoly { coefficient(0, of: $0) })
    }
}

extension Polynomial: CustomStringConvertible {
    /// `3/2*x^2 - x + 1`.
    public var description: String { description(variable: "x") }

    public func description(variable: String) -> String {
        if isZero { return "0" }
        var parts: [String] = []
        for (i, c) in coefficients.enumerated().reversed() where !c.isZero {
            let mag = c.magnitude
            let power = i == 0 ? "" : (i == 1 ? variable : "\(variable)^\(i)")
            let body = i == 0 ? mag.description : (mag == 1 ? power : "\(mag)*\(power)")
            parts.append((c.signum < 0 ? "- " : (parts.isEmpty ? "" : "+ ")) + body)
        }
        var text = parts.joined(separator: " ")
        if text.hasPrefix("- ") { text = "-" + text.dropFirst(2) }
        return text
    }
}
