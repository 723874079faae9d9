import BigNumerics
import RealModule

/// A correctly rounded value and how it was obtained.
public struct Evaluation: Sendable, Equatable {
    /// Decimal, scientific notation (`1.2345e-3`), correctly rounded to `digits` significant digits.
    public let value: String
    public let digits: Int
    /// nil for exact (rational) evaluation; the MPFI precision at which the enclosure decided
    /// the rounding otherwise.
    public let precisionBits: Int?
    /// "exact" or "\(bits) bits".
    public var precisionDescription: String { precisionBits.map { "\($0) bits" } ?? "exact" }
}

extension Formula {
    /// Largest precision Ziv's loop tries before giving up (per-formula caps may be lower).
    public static let maximumPrecisionBits = 1 << 16
    public static let digitsRange = 1...10_000

    /// Checks names and domains; returns the values keyed by parameter.
    public func validate(_ inputs: [String: BigRational]) throws(FormulaError) -> [ParameterName: BigRational] {
        let expected = parameters.map { $0.name.rawValue }
        for key in inputs.keys.sorted() where !expected.contains(key) {
            throw .unknownParameter(formula: id, name: key, expected: expected)
        }
        var values: [ParameterName: BigRational] = [:]
        for p in parameters {
            guard let v = inputs[p.name.rawValue] ?? p.defaultValue else {
                throw .missingParameter(formula: id, name: p.name.rawValue, domain: p.domainDescription)
            }
            guard p.domain.contains(v) else {
                throw .outOfDomain(formula: id, name: p.name.rawValue, value: v.description, domain: p.domainDescription)
            }
            values[p.name] = v
        }
        for c in constraints where !c.holds(values) {
            throw .constraintViolated(formula: id, constraint: c.description)
        }
        return values
    }

    /// Exact value (rational formulas only; nil for transcendental ones).
    public func exactValue(_ inputs: [String: BigRational]) throws(FormulaError) -> BigRational? {
        let values = try validate(inputs)
        guard case let .rational(exact, _, _, _) = implementation else { return nil }
        do { return try exact(Arguments(exact: values)) } catch {
            throw .evaluationFailed(formula: id, reason: "\(error)")
        }
    }

    /// A rigorous enclosure at the given working precision.
    public func enclosure(_ inputs: [String: BigRational], precisionBits: Int) throws(FormulaError) -> BigInterval {
        let values = try validate(inputs)
        return try enclosure(validated: values, precisionBits: precisionBits)
    }

    func enclosure(validated values: [ParameterName: BigRational], precisionBits: Int) throws(FormulaError) -> BigInterval {
        let interval: @Sendable (Arguments<BigInterval>) throws -> BigInterval
        switch implementation {
        case let .rational(_, i, _, _): interval = i
        case let .transcendental(i, _): interval = i
        }
        do {
            return try BigFloat.withPrecision(precisionBits) { try interval(Arguments(exact: values)) }
        } catch {
            throw .evaluationFailed(formula: id, reason: "\(error)")
        }
    }

    /// The value correctly rounded to `digits` significant digits: exact rational rounding for
    /// rational formulas; Ziv's loop on MPFI enclosures for transcendental ones (start at
    /// ⌈3.33·D⌉ + 32 bits, double until the enclosure fixes the rounding, give up above
    /// `maximumPrecisionBits` with a typed error).
    public func evaluate(_ inputs: [String: BigRational], digits: Int) throws(FormulaError) -> Evaluation {
        guard Formula.digitsRange.contains(digits) else { throw .invalidDigits(digits: digits, allowed: Formula.digitsRange) }
        let values = try validate(inputs)
        if case let .rational(exact, _, _, _) = implementation {
            do {
                let q = try exact(Arguments(exact: values))
                return Evaluation(value: try q.formatted(significantDigits: digits), digits: digits, precisionBits: nil)
            } catch let e as FormulaError {
                throw e
            } catch {
                throw .evaluationFailed(formula: id, reason: "\(error)")
            }
        }
        var bits = Int((Double(digits) * 3.33).rounded(.up)) + 32
        var lastFailure: FormulaError?
        while bits <= maximumPrecisionBits {
            // An evaluation failure at low precision (an undecided comparison inside, a NaN
            // enclosure) is retried at higher precision; only the last one is reported.
            do {
                let enclosure = try enclosure(validated: values, precisionBits: bits)
                lastFailure = nil
                if let rounded = try? enclosure.correctlyRounded(significantDigits: digits) {
                    return Evaluation(value: rounded, digits: digits, precisionBits: bits)
                }
                if enclosure.isBounded, !enclosure.isNaN, enclosure.lower == 0, enclosure.upper == 0,
                   let zero = try? BigRational(0).formatted(significantDigits: digits) {
                    return Evaluation(value: zero, digits: digits, precisionBits: bits)
                }
            } catch {
                lastFailure = error
            }
            bits *= 2
        }
        throw lastFailure ?? .undecided(formula: id, digits: digits, maxPrecisionBits: maximumPrecisionBits)
    }

    /// Double evaluation of the same generic definition (for the simulator cross-checks).
    /// Where the Double instantiation is not finite (underflow of e^{−βω} products at extreme
    /// β, say), the correctly rounded 17-digit value is returned instead.
    public func doubleValue(_ inputs: [String: BigRational]) throws(FormulaError) -> Double {
        let values = try validate(inputs)
        let double: @Sendable (Arguments<Double>) throws -> Double
        switch implementation {
        case let .rational(_, _, d, _): double = d
        case let .transcendental(_, d): double = d
        }
        if let x = try? double(Arguments(exact: values)), x.isFinite { return x }
        let e = try evaluate(inputs, digits: 17)
        guard let x = Double(e.value) else { throw .evaluationFailed(formula: id, reason: "cannot read \(e.value) as Double") }
        return x
    }
}

