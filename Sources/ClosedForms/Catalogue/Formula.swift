import BigNumerics
import RealModule

/// Which paper a formula comes from.
public enum Paper: String, Sendable, Codable, CaseIterable {
    case mayo, cakmak

    public var citation: String {
        switch self {
        case .mayo: return "F. Mayo and A. J. Roncaglia, arXiv:2205.06897v2 (2022)"
        case .cakmak: return "B. Çakmak, \"Ergotropy from coherences in an open quantum system\" (2020/2022)"
        }
    }
}

/// Rational formulas evaluate exactly; transcendental ones through rigorous enclosures.
public enum FormulaKind: String, Sendable, Codable {
    case rational, transcendental
}

/// Whether the encoded formula is what the paper prints, or a correction of it.
public enum FormulaStatus: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Exactly the printed formula (up to the algebraically equal safe rewrite, which the
    /// tests prove equal).
    case asPrinted
    /// The corrected form of a printed formula; the erratum with this id says why.
    case corrected(erratum: String)
    /// A closed form the package derives from printed definitions (for example a stroke work
    /// tr[H(ρ − ρ')] evaluated on the printed states), not itself printed.
    case derived

    public var description: String {
        switch self {
        case .asPrinted: return "as printed"
        case let .corrected(id): return "corrected (erratum \(id))"
        case .derived: return "derived from printed definitions"
        }
    }
}

/// A bound of a real interval.
public struct Bound: Sendable, Equatable {
    public let value: BigRational
    public let inclusive: Bool
    public init(_ value: BigRational, inclusive: Bool) { self.value = value; self.inclusive = inclusive }
}

/// The values a parameter may take.
public enum Domain: Sendable, Equatable, CustomStringConvertible {
    /// An integer in the range.
    case integer(ClosedRange<Int>)
    /// A rational in the interval (nil bound: unbounded).
    case real(lower: Bound?, upper: Bound?)

    public func contains(_ x: BigRational) -> Bool {
        switch self {
        case let .integer(range):
            guard x.isInteger, let n = x.numerator.asInt else { return false }
            return range.contains(n)
        case let .real(lower, upper):
            if let l = lower { if l.inclusive ? x < l.value : x <= l.value { return false } }
            if let u = upper { if u.inclusive ? x > u.value : x >= u.value { return false } }
            return true
        }
    }

    public var description: String { describe("x") }

    /// The domain with the parameter's name: "0 < r < 1", "N integer in 1...64".
    public func describe(_ name: String) -> String {
        switch self {
        case let .integer(range): return "\(name) integer in \(range.lowerBound)...\(range.upperBound)"
        case let .real(lower, upper):
            switch (lower, upper) {
            case (nil, nil): return "\(name) any rational"
            case let (l?, nil): return name + (l.inclusive ? " >= " : " > ") + l.value.description
            case let (nil, u?): return name + (u.inclusive ? " <= " : " < ") + u.value.description
            case let (l?, u?):
                return "\(l.value)" + (l.inclusive ? " <= " : " < ") + name + (u.inclusive ? " <= " : " < ") + "\(u.value)"
            }
        }
    }

    // Shorthands used by the catalogue.
    public static func open(_ a: BigRational, _ b: BigRational) -> Domain { .real(lower: Bound(a, inclusive: false), upper: Bound(b, inclusive: false)) }
    public static func closed(_ a: BigRational, _ b: BigRational) -> Domain { .real(lower: Bound(a, inclusive: true), upper: Bound(b, inclusive: true)) }
    public static func halfOpen(_ a: BigRational, _ b: BigRational) -> Domain { .real(lower: Bound(a, inclusive: true), upper: Bound(b, inclusive: false)) }
    public static func openClosed(_ a: BigRational, _ b: BigRational) -> Domain { .real(lower: Bound(a, inclusive: false), upper: Bound(b, inclusive: true)) }
    public static var positive: Domain { .real(lower: Bound(0, inclusive: false), upper: nil) }
    public static var nonNegative: Domain { .real(lower: Bound(0, inclusive: true), upper: nil) }
    public static var anyRational: Domain { .real(lower: nil, upper: nil) }
}

/// The parameter names fixed for tooling.
public enum ParameterName: String, Sendable, CaseIterable, Codable {
    case N, k, beta, omega, epsilon, delta, t, alpha, c, r, nbar
    case omega_c, omega_h, beta_c, beta_h, t_d
}

public struct Parameter: Sendable, Equatable {
    public let name: ParameterName
    public let domain: Domain
    /// Used when the caller omits the parameter (only where a paper fixes the value
    /// throughout, e.g. Çakmak's ω = 1 in every figure: results are then in units of ω).
    public let defaultValue: BigRational?
    public init(_ name: ParameterName, _ domain: Domain, default defaultValue: BigRational? = nil) {
        self.name = name
        self.domain = domain
        self.defaultValue = defaultValue
    }

    public var domainDescription: String {
        domain.describe(name.rawValue) + (defaultValue.map { " (default \($0))" } ?? "")
    }
}

/// A condition that involves several parameters (k ≤ N, ω_h > ω_c, …).
public struct Constraint: Sendable {
    public let description: String
    public let holds: @Sendable ([ParameterName: BigRational]) -> Bool
    public init(_ description: String, _ holds: @Sendable @escaping ([ParameterName: BigRational]) -> Bool) {
        self.description = description
        self.holds = holds
    }
}

/// Validated parameter values, both exact and in the evaluation field F.
public struct Arguments<F: RationalField> {
    public let exact: [ParameterName: BigRational]
    let converted: [ParameterName: F]

    public init(exact: [ParameterName: BigRational]) {
        self.exact = exact
        var c: [ParameterName: F] = [:]
        for (k, v) in exact { c[k] = F(rational: v) }
        converted = c
    }

    /// Field values that need not be rational constants (symbols, for a proof); `exact` holds
    /// the integer parameters, which stay concrete.
    public init(exact: [ParameterName: BigRational], values: [ParameterName: F]) {
        self.exact = exact
        var c: [ParameterName: F] = [:]
        for (k, v) in exact { c[k] = F(rational: v) }
        for (k, v) in values { c[k] = v }
        converted = c
    }

    /// The value of a real parameter in F (validated before evaluation, so present).
    public subscript(_ name: ParameterName) -> F { converted[name] ?? F.zero }

    /// The value of an integer parameter (validated: present and integral).
    public func int(_ name: ParameterName) -> Int { exact[name]?.numerator.asInt ?? 0 }
}

/// Why an evaluation was refused or failed. Each case names what the caller can fix.
public enum FormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownFormula(id: String, known: [String])
    case missingParameter(formula: String, name: String, domain: String)
    case unknownParameter(formula: String, name: String, expected: [String])
    case outOfDomain(formula: String, name: String, value: String, domain: String)
    case constraintViolated(formula: String, constraint: String)
    case undecided(formula: String, digits: Int, maxPrecisionBits: Int)
    case evaluationFailed(formula: String, reason: String)
    case invalidDigits(digits: Int, allowed: ClosedRange<Int>)

    public var description: String {
        switch self {
        case let .unknownFormula(id, known):
            return "unknown formula \"\(id)\"; known formulas: \(known.joined(separator: ", "))"
        case let .missingParameter(f, name, domain):
            return "\(f): missing parameter \(name) (allowed: \(domain))"
        case let .unknownParameter(f, name, expected):
            return "\(f): unknown parameter \(name); this formula takes \(expected.joined(separator: ", "))"
        case let .outOfDomain(f, name, value, domain):
            return "\(f): parameter \(name) = \(value) is out of domain (allowed: \(domain))"
        case let .constraintViolated(f, c):
            return "\(f): parameters violate the constraint \(c)"
        case let .undecided(f, d, bits):
            return "\(f): could not decide \(d) correctly rounded digits with up to \(bits) bits (the value may be exactly 0 or a rounding tie)"
        case let .evaluationFailed(f, reason):
            return "\(f): evaluation failed: \(reason)"
        case let .invalidDigits(d, allowed):
            return "\(d) significant digits is out of range: allowed \(allowed.lowerBound)...\(allowed.upperBound)"
        }
    }
}

/// How a formula is evaluated: the one generic definition, instantiated per number type.
public enum Implementation: Sendable {
    case rational(exact: @Sendable (Arguments<BigRational>) throws -> BigRational,
                  interval: @Sendable (Arguments<BigInterval>) throws -> BigInterval,
                  double: @Sendable (Arguments<Double>) throws -> Double,
                  symbolic: @Sendable (Arguments<MultivariateRationalFunction>) throws -> MultivariateRationalFunction)
    case transcendental(interval: @Sendable (Arguments<BigInterval>) throws -> BigInterval,
                        double: @Sendable (Arguments<Double>) throws -> Double)
}

/// One closed form of one paper, with provenance, parameters and status.
public struct Formula: Sendable {
    public let id: String
    public let paper: Paper
    public let equation: String
    public let section: String
    /// The formula as printed (or as corrected), in plain text.
    public let expression: String
    public let parameters: [Parameter]
    public let constraints: [Constraint]
    public let status: FormulaStatus
    public let implementation: Implementation
    /// Parameter points for the reference tables (exact rationals as text).
    public let referenceCases: [[ParameterName: String]]
    /// Largest precision Ziv's loop may use for this formula (root-finding formulas cost
    /// O(precision) evaluations per step, so they stop earlier).
    public let maximumPrecisionBits: Int

    public var kind: FormulaKind {
        if case .rational = implementation { return .rational }
        return .transcendental
    }

    public init(_ id: String, paper: Paper, equation: String, section: String, expression: String,
                parameters: [Parameter], constraints: [Constraint] = [], status: FormulaStatus = .asPrinted,
                implementation: Implementation, referenceCases: [[ParameterName: String]],
                maximumPrecisionBits: Int = Formula.maximumPrecisionBits) {
        self.id = id
        self.paper = paper
        self.equation = equation
        self.section = section
        self.expression = expression
        self.parameters = parameters
        self.constraints = constraints
        self.status = status
        self.implementation = implementation
        self.referenceCases = referenceCases
        self.maximumPrecisionBits = maximumPrecisionBits
    }

    /// "Mayo Eq. (9), Sec. II A".
    public var source: String { "\(paper == .mayo ? "Mayo" : "Çakmak") \(equation), \(section)" }
}
