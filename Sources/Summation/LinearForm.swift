import BigNumerics
import RealModule

/// An integer affine form c + Σ aᵥ·v in integer variables (N, k): exponents of symbolic powers,
/// factorial arguments and summation bounds.
public struct LinearForm: Hashable, Sendable, CustomStringConvertible {
    /// Non-zero coefficients only.
    public private(set) var coefficients: [String: Int]
    public var constant: Int

    public init(_ coefficients: [String: Int] = [:], constant: Int = 0) {
        self.coefficients = coefficients.filter { $0.value != 0 }
        self.constant = constant
    }

    public static func variable(_ v: String) -> LinearForm { LinearForm([v: 1]) }
    public static func constant(_ c: Int) -> LinearForm { LinearForm(constant: c) }

    public func coefficient(_ v: String) -> Int { coefficients[v] ?? 0 }
    public var isConstant: Bool { coefficients.isEmpty }
    /// The form without its constant.
    public var homogeneous: LinearForm { LinearForm(coefficients) }
    public var variables: Set<String> { Set(coefficients.keys) }

    public static func + (a: LinearForm, b: LinearForm) -> LinearForm {
        LinearForm(a.coefficients.merging(b.coefficients, uniquingKeysWith: +), constant: a.constant + b.constant)
    }
    public static prefix func - (a: LinearForm) -> LinearForm { LinearForm(a.coefficients.mapValues { -$0 }, constant: -a.constant) }
    public static func - (a: LinearForm, b: LinearForm) -> LinearForm { a + (-b) }
    public static func * (c: Int, a: LinearForm) -> LinearForm { LinearForm(a.coefficients.mapValues { c * $0 }, constant: c * a.constant) }

    /// Replaces `v` by a form.
    public func substituting(_ v: String, _ f: LinearForm) -> LinearForm {
        let a = coefficient(v)
        guard a != 0 else { return self }
        var rest = coefficients
        rest[v] = nil
        return LinearForm(rest, constant: constant) + a * f
    }

    public func value(_ values: [String: Int]) -> Int? {
        var s = constant
        for (v, a) in coefficients {
            guard let x = values[v] else { return nil }
            s += a * x
        }
        return s
    }

    /// The form as a field element.
    public func element<K: SymbolicField>(_: K.Type) -> K {
        var r = K(rational: BigRational(constant))
        for (v, a) in coefficients.sorted(by: { $0.key < $1.key }) { r = r + K(rational: BigRational(a)) * K.symbol(v) }
        return r
    }

    public var description: String {
        var parts: [String] = []
        for (v, a) in coefficients.sorted(by: { $0.key < $1.key }) {
            parts.append(a == 1 ? v : a == -1 ? "-\(v)" : "\(a)*\(v)")
        }
        if constant != 0 || parts.isEmpty { parts.append("\(constant)") }
        var text = ""
        for (i, part) in parts.enumerated() {
            if i == 0 { text = part } else if part.hasPrefix("-") { text += " - " + part.dropFirst() } else { text += " + " + part }
        }
        return text
    }
}
