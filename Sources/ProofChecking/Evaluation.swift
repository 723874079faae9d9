import Foundation
import BigNumerics
import ClosedForms
import Derivations
import RealModule

/// Why an evaluation stopped. `notApplicable` means the chosen method cannot handle the
/// expression (a transcendental function in exact arithmetic, say) and a weaker one is tried;
/// `invalid` is a value problem at a point (a pole, log of a negative number); `semantic` is an
/// error in the proof file itself.
enum EvalIssue: Error {
    case notApplicable(String)
    case invalid(String)
    case semantic(ProofError)
}

/// A number system the evaluator can target: exact rationals at a point, rational functions
/// (FLINT multivariate, several variables at once), degree bounds, BigFloat, BigInterval.
protocol Algebra {
    associatedtype Value
    func constant(_ q: BigRational) throws -> Value
    func variable(_ name: String) throws -> Value
    func add(_ a: Value, _ b: Value) throws -> Value
    func subtract(_ a: Value, _ b: Value) throws -> Value
    func multiply(_ a: Value, _ b: Value) throws -> Value
    func divide(_ a: Value, _ b: Value) throws -> Value
    func negate(_ a: Value) throws -> Value
    func power(_ a: Value, _ n: Int) throws -> Value
    func realPower(_ a: Value, _ b: Value) throws -> Value
    func elementary(_ f: Elementary, _ a: Value) throws -> Value
    func pi() throws -> Value
    /// A catalogue formula through its one generic implementation: integer (and constant)
    /// arguments in `exact`, the others as values of this algebra.
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: Value]) throws -> Value
}

extension Formula {
    /// The exact closure of a rational formula.
    func exactImplementation() throws -> @Sendable (Arguments<BigRational>) throws -> BigRational {
        guard case let .rational(exact, _, _, _) = implementation else { throw EvalIssue.notApplicable("formula(\(id)) is transcendental") }
        return exact
    }
    func intervalImplementation() -> @Sendable (Arguments<BigInterval>) throws -> BigInterval {
        switch implementation {
        case let .rational(_, interval, _, _): return interval
        case let .transcendental(interval, _): return interval
        }
    }
}

/// Runs a formula's closure; its own errors are value problems at the point.
func runFormula<T>(_ f: Formula, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as EvalIssue { throw e } catch { throw EvalIssue.invalid("formula(\(f.id)): \(error)") }
}

/// Field arithmetic is the same in every algebra whose values form a field: written once here.
extension Algebra where Value: AlgebraicField {
    func add(_ a: Value, _ b: Value) throws -> Value { a + b }
    func subtract(_ a: Value, _ b: Value) throws -> Value { a - b }
    func multiply(_ a: Value, _ b: Value) throws -> Value { a * b }
    func negate(_ a: Value) throws -> Value { -a }
}

/// A resolved atom: its name and its exponent as a polynomial.
struct ResolvedAtom {
    let name: String
    let exponent: Expr
}

/// Walks an expanded expression (no `let` names left) in one algebra. Integer-valued names
/// (`N`, summation indices) come from `integers`; every other name goes to the algebra.
/// With `useAtoms`, exp/cosh/sinh/tanh of an integer multiple m of an atom's exponent g become
/// rational in the atom y = e^g: e^{mg} = y^m, cosh = (y^m + y^{-m})/2, sinh = (y^m − y^{-m})/2,
/// tanh = (y^{2m} − 1)/(y^{2m} + 1). A name equal to an atom's name is the atom itself.
struct Evaluator<A: Algebra> {
    let algebra: A
    let atoms: [ResolvedAtom]
    let useAtoms: Bool
    /// Model quantities (`ModelQuantities.swift`); nil where a method cannot use them.
    var models: ModelEvaluation? = nil

    func evaluate(_ e: Expr, _ integers: [String: Int]) throws -> A.Value {
        switch e.kind {
        case let .number(q): return try algebra.constant(q)
        case .pi: return try algebra.pi()
        case let .name(n):
            if let k = integers[n] { return try algebra.constant(BigRational(k)) }
            if !useAtoms, let atom = atoms.first(where: { $0.name == n }) {
                return try algebra.elementary(.exp, evaluate(atom.exponent, integers))
            }
            return try algebra.variable(n)
        case let .negate(a): return try algebra.negate(evaluate(a, integers))
        case let .binary(op, a, b):
            if op == "^" {
                if let n = try? IntegerEvaluator.value(b, integers) {
                    guard abs(n) <= 100_000 else { throw EvalIssue.notApplicable("exponent \(n) too large") }
                    return try algebra.power(evaluate(a, integers), n)
                }
                return try algebra.realPower(evaluate(a, integers), evaluate(b, integers))
            }
            let x = try evaluate(a, integers), y = try evaluate(b, integers)
            switch op {
            case "+": return try algebra.add(x, y)
            case "-": return try algebra.subtract(x, y)
            case "*": return try algebra.multiply(x, y)
            default: return try algebra.divide(x, y)
            }
        case let .call(name, args):
            if name == "binomial" {
                guard args.count == 2 else { throw semantic(e, "binomial takes two arguments: binomial(n, k)") }
                let n = try IntegerEvaluator.value(args[0], integers), k = try IntegerEvaluator.value(args[1], integers)
                guard n >= 0 else { throw semantic(e, "binomial(\(n), \(k)) needs n >= 0") }
                if k < 0 || k > n { return try algebra.constant(0) }
                try IntegerEvaluator.checkBinomialSize(n, k, e)
                return try algebra.constant(BigRational(BigInt.binomial(UInt(n), UInt(k))))
            }
            if name.hasPrefix(formulaPrefix) { return try catalogueFormula(String(name.dropFirst(formulaPrefix.count)), args, e, integers) }
            if name == "delta" || name == "bits" { return try algebra.constant(IntegerEvaluator.rational(e, integers)) }
            if ModelSyntax.isModelExpression(name) {
                guard let models else {
                    throw semantic(e, "\(e): model quantities are checked exactly (equalities) or at random points; this method cannot evaluate them")
                }
                return try lift(models.scalar(e, integers), e, integers)
            }
            guard let f = Elementary(rawValue: name) else {
                throw semantic(e, "unknown function '\(name)' (elementary: \(Elementary.allCases.map(\.rawValue).joined(separator: " ")), binomial, sum, or a 'let' with parameters)")
            }
            guard args.count == 1 else { throw semantic(e, "\(name) takes one argument") }
            if useAtoms, [.exp, .cosh, .sinh, .tanh].contains(f), let (atom, m) = try matchAtom(args[0], integers) {
                let y = try algebra.variable(atom)
                switch f {
                case .exp: return try algebra.power(y, m)
                case .cosh, .sinh:
                    let a = try algebra.power(y, m), b = try algebra.power(y, -m)
                    let s = f == .cosh ? try algebra.add(a, b) : try algebra.subtract(a, b)
                    return try algebra.divide(s, algebra.constant(2))
                default:
                    let y2 = try algebra.power(y, 2 * m), one = try algebra.constant(1)
                    return try algebra.divide(algebra.subtract(y2, one), algebra.add(y2, one))
                }
            }
            return try algebra.elementary(f, evaluate(args[0], integers))
        case let .sum(k, from, to, body):
            let a = try IntegerEvaluator.value(from, integers), b = try IntegerEvaluator.value(to, integers)
            guard b < a || !b.subtractingReportingOverflow(a).overflow && b - a <= 100_000 else { throw semantic(e, "sum over more than 100000 terms") }
            var total = try algebra.constant(0)
            if a > b { return total }
            var inner = integers
            for i in a...b {
                inner[k] = i
                total = try algebra.add(total, evaluate(body, inner))
            }
            return total
        }
    }

    /// formula(ID)(args…): parameters in the catalogue's order; integer parameters and constant
    /// arguments are passed exactly (they choose piecewise branches), the others as values.
    func catalogueFormula(_ id: String, _ args: [Expr], _ e: Expr, _ integers: [String: Int]) throws -> A.Value {
        let f: Formula
        do { f = try Catalogue.formula(id: id) } catch { throw semantic(e, "formula(\(id)): unknown catalogue formula (qbattery formulas lists them)") }
        guard args.count == f.parameters.count else {
            throw semantic(e, "formula(\(id)) takes \(f.parameters.count) argument(s): (\(f.parameters.map(\.name.rawValue).joined(separator: ", ")))")
        }
        var exact: [ParameterName: BigRational] = [:]
        var values: [ParameterName: A.Value] = [:]
        for (p, a) in zip(f.parameters, args) {
            if case .integer = p.domain {
                let n = try IntegerEvaluator.value(a, integers)
                guard p.domain.contains(BigRational(n)) else { throw semantic(a, "formula(\(id)): \(p.name.rawValue) = \(n) is outside \(p.domainDescription)") }
                exact[p.name] = BigRational(n)
            } else if let q = try? IntegerEvaluator.rational(a, integers) {
                guard p.domain.contains(q) else { throw semantic(a, "formula(\(id)): \(p.name.rawValue) = \(q) is outside \(p.domainDescription)") }
                exact[p.name] = q
            } else {
                values[p.name] = try evaluate(a, integers)
            }
        }
        if values.isEmpty {
            for c in f.constraints where !c.holds(exact) { throw semantic(e, "formula(\(id)): the arguments violate \(c.description)") }
        }
        return try algebra.formula(f, exact, values)
    }

    /// (atom, m) when `argument` = m·g for an atom y = e^g and an integer m.
    func matchAtom(_ argument: Expr, _ integers: [String: Int]) throws -> (String, Int)? {
        guard let p = SparsePolynomial.of(argument, integers) else { return nil }
        // A zero argument is 0·g for any atom: e^0 = y^0 = 1.
        if p.isZero, let atom = atoms.first { return (atom.name, 0) }
        for atom in atoms {
            guard let g = SparsePolynomial.of(atom.exponent, integers), let ratio = p.ratio(to: g),
                  ratio.isInteger, let m = ratio.numerator.asInt, abs(m) <= 10_000 else { continue }
            return (atom.name, m)
        }
        return nil
    }

    func semantic(_ e: Expr, _ message: String) -> EvalIssue { .semantic(ProofError(.semantic, e.location, message)) }

    /// An exact model value (a rational function of the proof's variables and atoms) in this
    /// algebra: itself in the complex exact algebra, otherwise term by term through the algebra's
    /// own variables (so an atom evaluates as exp(g) in the numerical algebras).
    func lift(_ z: ExactScalar, _ e: Expr, _ integers: [String: Int]) throws -> A.Value {
        if let same = z as? A.Value { return same }
        guard z.imaginary.isZero else {
            throw semantic(e, "\(e) is complex (\(z)): take re(…) or im(…), or compare whole matrices")
        }
        var values: [String: A.Value] = [:]
        func poly(_ p: MultivariatePolynomial) throws -> A.Value {
            let terms: [(coefficient: BigRational, exponents: [String: Int])]
            do { terms = try p.terms() } catch { throw EvalIssue.invalid("\(error)") }
            var acc = try algebra.constant(0)
            for t in terms {
                var m = try algebra.constant(t.coefficient)
                for (v, k) in t.exponents.sorted(by: { $0.key < $1.key }) where k != 0 {
                    if values[v] == nil {
                        do { values[v] = try evaluate(Expr(.name(v), at: e.location), integers) } catch EvalIssue.notApplicable {
                            // a model's default symbol (y, eps) that the step never names gets no point value
                            throw semantic(e, "\(e) depends on the model symbol \(v), which has no value in this method: name it in the model (\(v) = \(v)) and declare its domain")
                        }
                    }
                    guard let x = values[v] else { continue }
                    m = try algebra.multiply(m, algebra.power(x, k))
                }
                acc = try algebra.add(acc, m)
            }
            return acc
        }
        let numerator = try poly(z.real.numerator)
        if z.real.denominator.isOne { return numerator }
        return try algebra.divide(numerator, poly(z.real.denominator))
    }
}

/// Exact integer evaluation for sum bounds, binomial arguments and exponents: only integer
/// names, integer constants and + − * / ^ with an integer result.
enum IntegerEvaluator {
    struct NotInteger: Error {}

    static func value(_ e: Expr, _ integers: [String: Int]) throws -> Int {
        let q = try rational(e, integers)
        guard q.isInteger, let n = q.numerator.asInt else { throw EvalIssue.notApplicable("\(e) is not an integer") }
        return n
    }

    static func rational(_ e: Expr, _ integers: [String: Int]) throws -> BigRational {
        switch e.kind {
        case let .number(q): return q
        case let .name(n):
            guard let k = integers[n] else { throw EvalIssue.notApplicable("\(n) is not an integer variable") }
            return BigRational(k)
        case let .negate(a): return -(try rational(a, integers))
        case let .binary(op, a, b):
            let x = try rational(a, integers), y = try rational(b, integers)
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            case "/":
                guard !y.isZero else { throw EvalIssue.invalid("division by zero in \(e)") }
                return x / y
            default:
                guard y.isInteger, let n = y.numerator.asInt, abs(n) <= 10_000 else { throw EvalIssue.notApplicable("non-integer power") }
                // The result has about bits(x)·|n| bits; a tower of such powers would exhaust memory.
                guard (x.numerator.bitLength + x.denominator.bitLength) * abs(n) <= 10_000_000 else {
                    throw EvalIssue.semantic(ProofError(.semantic, e.location, "\(e) has more than 10^7 bits (allowed: at most 10^7)"))
                }
                return try x.power(n)
            }
        case let .call(name, args) where name == "delta":
            // delta(a, b): Kronecker's delta of two integers.
            guard args.count == 2 else { throw EvalIssue.semantic(ProofError(.semantic, e.location, "delta takes two integer arguments: delta(a, b)")) }
            return try value(args[0], integers) == value(args[1], integers) ? 1 : 0
        case let .call(name, args) where name == "bits":
            // bits(K): the number of excited qubits of basis state K (its binary digits that are 1).
            guard args.count == 1 else { throw EvalIssue.semantic(ProofError(.semantic, e.location, "bits takes one integer argument: bits(K)")) }
            let k = try value(args[0], integers)
            guard k >= 0 else { throw EvalIssue.semantic(ProofError(.semantic, e.location, "bits(\(k)): a basis index is >= 0")) }
            return BigRational(k.nonzeroBitCount)
        case let .call(name, args) where name == "binomial" && args.count == 2:
            let n = try value(args[0], integers), k = try value(args[1], integers)
            guard n >= 0 else { throw EvalIssue.invalid("binomial with negative n") }
            if k < 0 || k > n { return 0 }
            try checkBinomialSize(n, k, e)
            return BigRational(BigInt.binomial(UInt(n), UInt(k)))
        default:
            throw EvalIssue.notApplicable("not an integer expression")
        }
    }

    /// binomial(n, k) has about min(k, n − k)·log₂ n bits; beyond 10⁶ GMP would compute for
    /// minutes (or abort on overflow), so such a binomial is refused at its location.
    static func checkBinomialSize(_ n: Int, _ k: Int, _ e: Expr) throws {
        let bits = Double(min(k, n - k)) * Foundation.log2(Double(max(n, 2)))
        guard bits <= 1e6 else {
            throw EvalIssue.semantic(ProofError(.semantic, e.location, "binomial(\(n), \(k)) has about \(Int(bits)) bits (allowed: at most 10^6)"))
        }
    }
}

/// A polynomial in several variables with rational coefficients (canonical: no zero terms),
/// used to recognise atom arguments m·g exactly.
struct SparsePolynomial: Equatable {
    /// Monomial (sorted variable/exponent pairs, as a string key) → coefficient.
    var terms: [String: BigRational]

    var isZero: Bool { terms.isEmpty }

    static func constant(_ q: BigRational) -> SparsePolynomial { SparsePolynomial(terms: q.isZero ? [:] : ["": q]) }

    static func variable(_ name: String) -> SparsePolynomial { SparsePolynomial(terms: [name + "^1": 1]) }

    static func decode(_ key: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in key.split(separator: "*") {
            let pieces = part.split(separator: "^")
            if pieces.count == 2, let e = Int(pieces[1]) { out[String(pieces[0]), default: 0] += e }
        }
        return out
    }

    static func encode(_ m: [String: Int]) -> String {
        m.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\($0.key)^\($0.value)" }.joined(separator: "*")
    }

    static func + (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var t = a.terms
        for (k, v) in b.terms {
            let s = (t[k] ?? 0) + v
            t[k] = s.isZero ? nil : s
        }
        return SparsePolynomial(terms: t)
    }

    static func * (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var out = SparsePolynomial(terms: [:])
        for (ka, va) in a.terms {
            let ma = decode(ka)
            for (kb, vb) in b.terms {
                var m = ma
                for (v, e) in decode(kb) { m[v, default: 0] += e }
                out = out + SparsePolynomial(terms: [encode(m): va * vb])
            }
        }
        return out
    }

    func scaled(_ c: BigRational) -> SparsePolynomial {
        c.isZero ? SparsePolynomial(terms: [:]) : SparsePolynomial(terms: terms.mapValues { $0 * c })
    }

    /// c with self = c·g, when one exists.
    func ratio(to g: SparsePolynomial) -> BigRational? {
        guard !g.isZero, Set(terms.keys) == Set(g.terms.keys), let (k, v) = g.terms.first, let mine = terms[k] else { return nil }
        let c = mine / v
        return self == g.scaled(c) ? c : nil
    }

    /// The polynomial value of an expression, or nil when it is not a polynomial.
    static func of(_ e: Expr, _ integers: [String: Int]) -> SparsePolynomial? {
        switch e.kind {
        case let .number(q): return .constant(q)
        case let .name(n): return integers[n].map { .constant(BigRational($0)) } ?? .variable(n)
        case let .negate(a): return of(a, integers)?.scaled(-1)
        case let .binary(op, a, b):
            switch op {
            case "+", "-", "*":
                guard let x = of(a, integers), let y = of(b, integers) else { return nil }
                return op == "+" ? x + y : op == "-" ? x + y.scaled(-1) : x * y
            case "/":
                guard let x = of(a, integers), let c = try? IntegerEvaluator.rational(b, integers), !c.isZero else { return nil }
                return x.scaled(1 / c)
            default:
                guard let x = of(a, integers), let n = try? IntegerEvaluator.value(b, integers), (0...64).contains(n) else { return nil }
                var r = SparsePolynomial.constant(1)
                for _ in 0..<n { r = r * x }
                return r
            }
        case .call("bits", _), .call("delta", _), .call("binomial", _):
            // integer functions of the integer parameters (exp(bw*(bits(i) - 1)) is an atom power)
            return (try? IntegerEvaluator.rational(e, integers)).map { .constant($0) }
        default: return nil
        }
    }
}

// MARK: Algebras

/// Exact rational values at a point.
struct RationalAlgebra: Algebra {
    let point: [String: BigRational]

    func constant(_ q: BigRational) throws -> BigRational { q }
    func variable(_ name: String) throws -> BigRational {
        guard let v = point[name] else { throw EvalIssue.notApplicable("no value for \(name)") }
        return v
    }
    func divide(_ a: BigRational, _ b: BigRational) throws -> BigRational {
        guard !b.isZero else { throw EvalIssue.invalid("division by zero") }
        return a / b
    }
    func power(_ a: BigRational, _ n: Int) throws -> BigRational {
        guard !(a.isZero && n < 0) else { throw EvalIssue.invalid("0 to a negative power") }
        return try a.power(n)
    }
    func realPower(_ a: BigRational, _ b: BigRational) throws -> BigRational { throw EvalIssue.notApplicable("non-integer power") }
    func elementary(_ f: Elementary, _ a: BigRational) throws -> BigRational {
        guard f == .abs else { throw EvalIssue.notApplicable("\(f.rawValue) is transcendental") }
        return a.magnitude
    }
    func pi() throws -> BigRational { throw EvalIssue.notApplicable("pi is transcendental") }
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: BigRational]) throws -> BigRational {
        let run = try f.exactImplementation()
        return try runFormula(f) { try run(Arguments(exact: exact.merging(values) { $1 })) }
    }
}

/// Exact rational functions of every proof variable at once (FLINT, canonical form), some
/// variables optionally held at rational values: equality of two values is identity of the
/// functions. Each result is held to the expansion limit of a step.
struct MultivariateAlgebra: Algebra {
    var fixed: [String: BigRational] = [:]
    var limits = ExpansionLimits()

    func checked(_ x: MultivariateRationalFunction) throws -> MultivariateRationalFunction {
        guard x.numerator.termCount <= limits.maxTerms && x.denominator.termCount <= limits.maxTerms else {
            throw EvalIssue.semantic(ProofError(.semantic, SourceLocation(file: "", line: 0, column: 0), "an expansion exceeds \(limits.maxTerms) terms"))
        }
        return x
    }
    func constant(_ q: BigRational) throws -> MultivariateRationalFunction { MultivariateRationalFunction(q) }
    func variable(_ name: String) throws -> MultivariateRationalFunction {
        if let q = fixed[name] { return MultivariateRationalFunction(q) }
        return .variable(name)
    }
    func add(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction) throws -> MultivariateRationalFunction { try checked(a + b) }
    func subtract(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction) throws -> MultivariateRationalFunction { try checked(a - b) }
    func multiply(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction) throws -> MultivariateRationalFunction { try checked(a * b) }
    func divide(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction) throws -> MultivariateRationalFunction {
        let q: MultivariateRationalFunction
        do throws(AlgebraError) { q = try a.divided(by: b) } catch .divisionByZero {
            throw EvalIssue.invalid("division by an identically zero expression")
        } catch { throw EvalIssue.invalid(error.description) }
        return try checked(q)
    }
    func power(_ a: MultivariateRationalFunction, _ n: Int) throws -> MultivariateRationalFunction {
        guard abs(n) <= limits.maxPower else { throw EvalIssue.notApplicable("the power \(n) exceeds the per-step limit \(limits.maxPower)") }
        let p: MultivariateRationalFunction
        do throws(AlgebraError) { p = try a.checkedPower(n) } catch .invalidExponent {
            throw EvalIssue.invalid("0 to a negative power")
        } catch { throw EvalIssue.invalid(error.description) }
        return try checked(p)
    }
    func realPower(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction) throws -> MultivariateRationalFunction { throw EvalIssue.notApplicable("non-integer power") }
    func elementary(_ f: Elementary, _ a: MultivariateRationalFunction) throws -> MultivariateRationalFunction {
        throw EvalIssue.notApplicable("\(f.rawValue) is not rational")
    }
    func pi() throws -> MultivariateRationalFunction { throw EvalIssue.notApplicable("pi is transcendental") }
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: MultivariateRationalFunction]) throws -> MultivariateRationalFunction {
        guard case let .rational(_, _, _, symbolic) = f.implementation else { throw EvalIssue.notApplicable("formula(\(f.id)) is transcendental") }
        return try checked(try runFormula(f) { try symbolic(Arguments(exact: exact, values: values)) })
    }
}

/// A rational function of one variable as the univariate type (for the Bernstein certificates).
func univariate(_ f: MultivariateRationalFunction, _ name: String) throws -> RationalFunction {
    guard f.variables.allSatisfy({ $0 == name }) else { throw EvalIssue.notApplicable("more than one variable") }
    func poly(_ p: MultivariatePolynomial) -> Polynomial {
        Polynomial(coefficients: p.coefficients(in: name).map { $0.constantValue ?? 0 })
    }
    return try RationalFunction(numerator: poly(f.numerator), denominator: poly(f.denominator))
}

/// What an expression looks like: its free names, whether it is rational (after atoms), and
/// per-variable degree bounds of a numerator/denominator representation (the Schwartz–Zippel
/// degree of the random-point method). `maxima` records the largest bound met at any node.
final class ShapeAlgebra: Algebra {
    struct Shape {
        var numerator: [String: Int] = [:]
        var denominator: [String: Int] = [:]
        var names: Set<String> = []
        var rational = true
        var usesAbs = false
        /// A catalogue formula occurs: no degree bound is known.
        var opaque = false
    }

    var maxima: [String: Int] = [:]

    func record(_ s: Shape) -> Shape {
        for (v, d) in s.numerator { maxima[v] = max(maxima[v] ?? 0, d) }
        for (v, d) in s.denominator { maxima[v] = max(maxima[v] ?? 0, d) }
        return s
    }

    static func plus(_ a: [String: Int], _ b: [String: Int]) -> [String: Int] { a.merging(b, uniquingKeysWith: +) }
    static func maximum(_ a: [String: Int], _ b: [String: Int]) -> [String: Int] { a.merging(b, uniquingKeysWith: max) }

    func combine(_ a: Shape, _ b: Shape) -> Shape {
        Shape(names: a.names.union(b.names), rational: a.rational && b.rational, usesAbs: a.usesAbs || b.usesAbs, opaque: a.opaque || b.opaque)
    }

    func constant(_ q: BigRational) throws -> Shape { Shape() }
    func variable(_ name: String) throws -> Shape { record(Shape(numerator: [name: 1], names: [name])) }
    func add(_ a: Shape, _ b: Shape) throws -> Shape {
        var s = combine(a, b)
        s.numerator = Self.maximum(Self.plus(a.numerator, b.denominator), Self.plus(b.numerator, a.denominator))
        s.denominator = Self.plus(a.denominator, b.denominator)
        return record(s)
    }
    func subtract(_ a: Shape, _ b: Shape) throws -> Shape { try add(a, b) }
    func multiply(_ a: Shape, _ b: Shape) throws -> Shape {
        var s = combine(a, b)
        s.numerator = Self.plus(a.numerator, b.numerator)
        s.denominator = Self.plus(a.denominator, b.denominator)
        return record(s)
    }
    func divide(_ a: Shape, _ b: Shape) throws -> Shape {
        var s = combine(a, b)
        s.numerator = Self.plus(a.numerator, b.denominator)
        s.denominator = Self.plus(a.denominator, b.numerator)
        return record(s)
    }
    func negate(_ a: Shape) throws -> Shape { a }
    func power(_ a: Shape, _ n: Int) throws -> Shape {
        var s = a
        let (p, q) = n >= 0 ? (a.numerator, a.denominator) : (a.denominator, a.numerator)
        s.numerator = p.mapValues { $0 * abs(n) }
        s.denominator = q.mapValues { $0 * abs(n) }
        return record(s)
    }
    func realPower(_ a: Shape, _ b: Shape) throws -> Shape {
        var s = combine(a, b)
        s.rational = false
        return s
    }
    func elementary(_ f: Elementary, _ a: Shape) throws -> Shape {
        var s = a
        s.rational = false
        s.numerator = [:]
        s.denominator = [:]
        if f == .abs { s.usesAbs = true }
        return s
    }
    func pi() throws -> Shape { Shape(rational: false) }
    /// The generic implementation is opaque: no degree bound is known, so the random-point
    /// method (which needs one) does not apply to a formula reference.
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: Shape]) throws -> Shape {
        var s = values.values.reduce(Shape()) { combine($0, $1) }
        if f.kind != .rational { s.rational = false }
        s.numerator = [:]
        s.denominator = [:]
        s.opaque = true
        return s
    }
}

/// BigFloat at the working precision of the enclosing scope.
struct FloatAlgebra: Algebra {
    let point: [String: BigFloat]

    func constant(_ q: BigRational) throws -> BigFloat { BigFloat(q) }
    func variable(_ name: String) throws -> BigFloat {
        guard let v = point[name] else { throw EvalIssue.notApplicable("no value for \(name)") }
        return v
    }
    func checked(_ x: BigFloat, _ what: String) throws -> BigFloat {
        guard x.isFinite else { throw EvalIssue.invalid("\(what) is not finite") }
        return x
    }
    func divide(_ a: BigFloat, _ b: BigFloat) throws -> BigFloat {
        guard !b.isZero else { throw EvalIssue.invalid("division by zero") }
        return a / b
    }
    func power(_ a: BigFloat, _ n: Int) throws -> BigFloat { try checked(BigFloat.pow(a, n), "a power") }
    func realPower(_ a: BigFloat, _ b: BigFloat) throws -> BigFloat { try checked(BigFloat.pow(a, b), "a power") }
    func elementary(_ f: Elementary, _ a: BigFloat) throws -> BigFloat {
        switch f {
        case .exp: return try checked(BigFloat.exp(a), "exp")
        case .log: return try checked(BigFloat.log(a), "log of \(a)")
        case .sqrt: return try checked(BigFloat.sqrt(a), "sqrt of \(a)")
        case .sinh: return BigFloat.sinh(a)
        case .cosh: return BigFloat.cosh(a)
        case .tanh: return BigFloat.tanh(a)
        case .sin: return BigFloat.sin(a)
        case .cos: return BigFloat.cos(a)
        case .abs: return a.magnitude
        }
    }
    func pi() throws -> BigFloat { BigFloat.pi }
    /// Rational formulas exactly at the (exactly representable) point, then rounded once;
    /// transcendental ones through their enclosure's midpoint at the working precision.
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: BigFloat]) throws -> BigFloat {
        if let run = try? f.exactImplementation() {
            var all = exact
            for (k, v) in values { all[k] = try v.exactRational() }
            return BigFloat(try runFormula(f) { try run(Arguments(exact: all)) })
        }
        let run = f.intervalImplementation()
        let i = try runFormula(f) { try run(Arguments(exact: exact, values: values.mapValues { BigInterval($0) })) }
        guard !i.isNaN else { throw EvalIssue.invalid("formula(\(f.id)) has no enclosure here") }
        return (i.lower + i.upper) / 2
    }
}

/// Rigorous enclosures (MPFI) at the working precision of the enclosing scope.
struct IntervalAlgebra: Algebra {
    let box: [String: BigInterval]

    func constant(_ q: BigRational) throws -> BigInterval { BigInterval(q) }
    func variable(_ name: String) throws -> BigInterval {
        guard let v = box[name] else { throw EvalIssue.notApplicable("no interval for \(name)") }
        return v
    }
    func divide(_ a: BigInterval, _ b: BigInterval) throws -> BigInterval { a / b }
    func power(_ a: BigInterval, _ n: Int) throws -> BigInterval { BigInterval.pow(a, n) }
    func realPower(_ a: BigInterval, _ b: BigInterval) throws -> BigInterval { BigInterval.pow(a, b) }
    func elementary(_ f: Elementary, _ a: BigInterval) throws -> BigInterval {
        switch f {
        case .exp: return BigInterval.exp(a)
        case .log: return BigInterval.log(a)
        case .sqrt: return BigInterval.sqrt(a)
        case .sinh: return BigInterval.sinh(a)
        case .cosh: return BigInterval.cosh(a)
        case .tanh: return BigInterval.tanh(a)
        case .sin: return BigInterval.sin(a)
        case .cos: return BigInterval.cos(a)
        case .abs: return a.magnitude
        }
    }
    func pi() throws -> BigInterval { BigInterval.pi }
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: BigInterval]) throws -> BigInterval {
        let run = f.intervalImplementation()
        return try runFormula(f) { try run(Arguments(exact: exact, values: values)) }
    }
}
