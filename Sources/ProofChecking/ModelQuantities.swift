// Proof steps that start at the model: a model of `Derivations.ModelCatalogue` built exactly over
// Q(i)(symbols), and the quantities derived from it — steady states, the dimension of the
// steady-state space, the dense generator, the multiset of population relaxation rates — compared
// exactly with printed forms. The model knows nothing of a paper's result; every value here comes
// from the Lindbladian (or the collision model's Born generator) through Derivations' public API.
//
// Values live in the model's field: entries are ExactScalar = Q(i)(proof variables and atoms).
// A parameter given as a bare name is that model symbol; a constant is passed exactly (and
// checked against the model's domain by Derivations); any other expression (y = s^2) is a generic
// value: the model is derived with the parameter free, and the expression is substituted after.
import BigNumerics
import ClosedForms
import RealModule
import Derivations
import Operators

/// The spellings of model expressions inside `Expr` (prefixes that no identifier can take).
enum ModelSyntax {
    /// `cakmak.collective(N, …)` is `.call("model:cakmak.collective", args)`.
    static let modelPrefix = "model:"
    /// `key = value` inside a model's arguments.
    static let namedPrefix = "named:"
    /// `X[i, j]`.
    static let entry = "entry:"
    /// `[[a, b], [c, d]]` and its rows.
    static let rows = "rows:"
    static let row = "row:"
    /// Initial states named by a word.
    static let initialKeywords: Set<String> = ["ground", "excited"]
    /// Matrix-, multiset- or space-valued functions.
    static let structuredFunctions: Set<String> = ["steadystate", "steadystates", "generator", "rates", "matrix", "multiset", "permute", "kron", "vec"]
    /// Number-valued functions of model quantities.
    static let scalarFunctions: Set<String> = [entry, "trace", "dim", "multiplicity", "re", "im"]

    static func isModelExpression(_ name: String) -> Bool {
        structuredFunctions.contains(name) || scalarFunctions.contains(name) || name == rows || name == row || name.hasPrefix(modelPrefix)
            || name.hasPrefix(namedPrefix)
    }

    /// True when `e` is a matrix, multiset or space (not a number).
    static func isStructured(_ e: Expr) -> Bool {
        switch e.kind {
        case let .call(f, _): return structuredFunctions.contains(f) || f == rows || f.hasPrefix(modelPrefix)
        case let .binary(_, a, b): return isStructured(a) || isStructured(b)
        case let .negate(a): return isStructured(a)
        default: return false
        }
    }

    /// The first model expression in `e` (for messages), if any.
    static func firstModelExpression(_ e: Expr) -> Expr? {
        switch e.kind {
        case let .call(f, args):
            if f.hasPrefix(modelPrefix) { return e }
            for a in args { if let m = firstModelExpression(a) { return m } }
            return isModelExpression(f) ? e : nil
        case let .binary(_, a, b): return firstModelExpression(a) ?? firstModelExpression(b)
        case let .negate(a): return firstModelExpression(a)
        case let .sum(_, a, b, body): return firstModelExpression(a) ?? firstModelExpression(b) ?? firstModelExpression(body)
        default: return nil
        }
    }
}

/// The value of a model expression.
enum ModelValue {
    case matrix(Matrix<ExactScalar>)
    /// Distinct values with multiplicities; `irrational` lists eigenvalues that are not rational
    /// functions (irreducible factors of degree ≥ 2 of the characteristic polynomial).
    case multiset([ExactScalar: Int], irrational: [String])
    /// The steady-state space (kernel of the generator), known by its dimension.
    case space(dimension: Int)
    case scalar(ExactScalar)

    var kindDescription: String {
        switch self {
        case let .matrix(m): return "\(m.rows)×\(m.cols) matrices"
        case let .multiset(c, _): return "multisets (\(c.count) distinct values, \(c.values.reduce(0, +)) in all)"
        case let .space(d): return "spaces of dimension \(d)"
        case .scalar: return "numbers"
        }
    }

    var variables: Set<String> {
        switch self {
        case let .matrix(m): return Set(m.storage.filter { !$0.isZero }.flatMap(\.variables))
        case let .multiset(c, _): return Set(c.keys.flatMap(\.variables))
        case .space: return []
        case let .scalar(z): return Set(z.variables)
        }
    }

    static func clip(_ s: String) -> String { s.count <= 160 ? s : String(s.prefix(157)) + "…" }

    /// Why two values differ, or nil when they are identical.
    static func difference(_ l: ModelValue, _ r: ModelValue) -> String? {
        switch (l, r) {
        case let (.matrix(a), .matrix(b)):
            guard a.rows == b.rows, a.cols == b.cols else { return "left is \(a.rows)×\(a.cols), right is \(b.rows)×\(b.cols)" }
            var differing: [(Int, Int)] = []
            for j in 0..<a.cols { for i in 0..<a.rows where a[i, j] != b[i, j] { differing.append((i, j)) } }
            guard let (i, j) = differing.min(by: { ($0.0, $0.1) < ($1.0, $1.1) }) else { return nil }
            return "\(differing.count) of \(a.rows * a.cols) entries differ; first [\(i), \(j)]: left = \(clip(a[i, j].description)), right = \(clip(b[i, j].description))"
        case let (.multiset(a, ia), .multiset(b, ib)):
            if !ia.isEmpty || !ib.isEmpty {
                if ia.sorted() == ib.sorted() && a == b { return nil }
                let side = ia.isEmpty ? "right" : "left"
                return "the \(side) side has eigenvalues that are not rational functions: \(clip((ia.isEmpty ? ib : ia).joined(separator: "; ")))"
            }
            var lines: [String] = []
            for key in Set(a.keys).union(b.keys).sorted(by: { $0.description < $1.description }) where a[key] != b[key] {
                lines.append("\(clip(key.description)): multiplicity \(a[key] ?? 0) on the left, \(b[key] ?? 0) on the right")
            }
            return lines.isEmpty ? nil : "\(lines.count) value(s) differ: " + lines.prefix(3).joined(separator: "; ")
        case let (.scalar(a), .scalar(b)):
            return a == b ? nil : "left = \(clip(a.description)), right = \(clip(b.description))"
        default:
            return "a comparison of \(l.kindDescription) with \(r.kindDescription)"
        }
    }
}

/// The exact model computations of one proof file, each done once.
final class ModelSession {
    let memoryLimit: Double
    private var models: [String: ExactModel] = [:]
    private var steadyStates: [String: Matrix<ExactScalar>] = [:]
    private var kernelDimensions: [String: Int] = [:]
    private var rateMultisets: [String: ([ExactScalar: Int], [String])] = [:]
    private var generators: [String: Matrix<ExactScalar>] = [:]
    /// Values of model expressions by derivation, expression and the integers it uses.
    var values: [String: ModelValue] = [:]

    init(memoryLimit: Double) { self.memoryLimit = memoryLimit }

    func model(_ r: ResolvedModel) throws(DerivationError) -> ExactModel {
        if let m = models[r.key] { return m }
        let m = try ModelCatalogue.build(r.name, r.arguments)
        models[r.key] = m
        return m
    }

    func steadyState(_ r: ResolvedModel, initial rho0: Matrix<ExactScalar>) throws(DerivationError) -> Matrix<ExactScalar> {
        let key = r.key + "|" + rho0.storage.map(\.description).joined(separator: ",")
        if let s = steadyStates[key] { return s }
        let m = try model(r)
        let s = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0, memoryLimit: memoryLimit)
        steadyStates[key] = s
        return s
    }

    func kernelDimension(_ r: ResolvedModel) throws(DerivationError) -> Int {
        if let d = kernelDimensions[r.key] { return d }
        let m = try model(r)
        let d = try ExactLinearAlgebra.kernel(of: m.generator, memoryLimit: memoryLimit).kernelDimension
        kernelDimensions[r.key] = d
        return d
    }

    /// Population relaxation rates −λ, λ the eigenvalues of R_ik = ⟨i|L(|k⟩⟨k|)|i⟩.
    func rates(_ r: ResolvedModel) throws(DerivationError) -> ([ExactScalar: Int], [String]) {
        if let s = rateMultisets[r.key] { return s }
        let spectrum = try ExactEigenvalues.populationRates(of: model(r).generator)
        var counts: [ExactScalar: Int] = [:]
        for (value, multiplicity) in spectrum.eigenvalues { counts[ExactScalar(-value), default: 0] += multiplicity }
        let irrational = spectrum.otherFactors.map { "roots of \($0.factor) = 0 in \(ExactEigenvalues.lambda) (×\($0.multiplicity))" }
        rateMultisets[r.key] = (counts, irrational)
        return (counts, irrational)
    }

    func generator(_ r: ResolvedModel) throws(DerivationError) -> Matrix<ExactScalar> {
        if let g = generators[r.key] { return g }
        let g = try model(r).denseGenerator(memoryLimit: memoryLimit)
        generators[r.key] = g
        return g
    }
}

/// A model with its arguments resolved for one choice of the integer parameters.
struct ResolvedModel {
    let name: String
    let arguments: [String: String]
    /// Internal symbols standing for parameter expressions, substituted into every result.
    let substitution: [String: MultivariateRationalFunction]
    var key: String { name + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ")" }
}

/// Evaluates model expressions for one step (the session caches the expensive parts).
struct ModelEvaluation {
    let session: ModelSession
    /// The derivation (`DerivationContext.scope`): cached values are valid within it.
    let scope: String
    let atoms: [ResolvedAtom]
    let limits: ExpansionLimits
    /// Seeded points of the declared domains of the named variables (positivity of symbolic initial states).
    let points: (Set<String>, [String: Int]) throws -> [[String: BigRational]]

    func error(_ e: Expr, _ message: String) -> EvalIssue { .semantic(ProofError(.semantic, e.location, message)) }

    /// A Derivations error as a proof error at the model expression.
    func derivation<T>(_ e: Expr, _ body: () throws(DerivationError) -> T) throws -> T {
        do { return try body() } catch { throw self.error(e, "\(e): \(error)") }
    }

    /// A number-valued expression exactly over Q(i)(variables, atoms); `I` is the imaginary unit.
    func exactScalar(_ e: Expr, _ integers: [String: Int]) throws -> ExactScalar {
        do {
            return try Evaluator(algebra: ComplexExactAlgebra(limits: limits), atoms: atoms, useAtoms: true, models: self).evaluate(e, integers)
        } catch let EvalIssue.notApplicable(why) {
            throw error(e, "\(e) is not rational in the variables and atoms (\(why)); model quantities are compared exactly")
        }
    }

    func integer(_ e: Expr, _ integers: [String: Int], _ what: String) throws -> Int {
        do { return try IntegerEvaluator.value(e, integers) } catch let EvalIssue.semantic(p) { throw EvalIssue.semantic(p) } catch {
            throw self.error(e, "\(what) must be an integer expression of bounded integer parameters, found \(e)")
        }
    }

    // MARK: Models

    func resolve(_ e: Expr, _ integers: [String: Int]) throws -> ResolvedModel {
        let allowed = ModelCatalogue.names.joined(separator: ", ")
        guard case let .call(f, args) = e.kind, f.hasPrefix(ModelSyntax.modelPrefix) else {
            throw error(e, "\(e) is not a model: write e.g. cakmak.collective(N) (models: \(allowed))")
        }
        let name = String(f.dropFirst(ModelSyntax.modelPrefix.count))
        guard ModelCatalogue.names.contains(name) else { throw error(e, "unknown model '\(name)' (allowed: \(allowed))") }
        let positionalName = name == "mayo.single" || name == "mayo.coherent" ? "alpha" : "N"
        var arguments: [String: String] = [:]
        var substitution: [String: MultivariateRationalFunction] = [:]
        var positional = 0
        for a in args {
            let key: String, value: Expr
            if case let .call(g, inner) = a.kind, g.hasPrefix(ModelSyntax.namedPrefix), inner.count == 1 {
                key = String(g.dropFirst(ModelSyntax.namedPrefix.count))
                value = inner[0]
            } else {
                positional += 1
                guard positional == 1 else {
                    throw error(a, "\(name) takes one positional argument (\(positionalName)); give the others by name, e.g. \(name)(\(positionalName == "N" ? "N, y = y" : "1, eps = eps"))")
                }
                key = positionalName
                value = a
            }
            guard arguments[key] == nil else { throw error(a, "\(name): parameter \(key) is given twice") }
            if key == "N" || (key == "alpha" && name == "mayo.single") {
                let n: Int
                do { n = try IntegerEvaluator.value(value, integers) } catch {
                    throw self.error(value, "\(name): \(key) = \(value) must be a concrete integer; a model is built for each value of a bounded range (assume \(key) in 1...4)")
                }
                arguments[key] = "\(n)"
            } else if key == "labels" {
                guard case let .name(label) = value.kind else { throw error(value, "\(name): labels is one of pairing, matched, offdiagonal") }
                arguments[key] = label
            } else if let q = try? IntegerEvaluator.rational(value, integers) {
                arguments[key] = q.description
            } else if case let .name(symbol) = value.kind {
                arguments[key] = symbol
            } else {
                let placeholder = "zz\(key)__"
                arguments[key] = placeholder
                do {
                    substitution[placeholder] = try Evaluator(algebra: MultivariateAlgebra(limits: limits), atoms: atoms, useAtoms: true).evaluate(value, integers)
                } catch let EvalIssue.notApplicable(why) {
                    throw error(value, "\(name): \(key) = \(value) must be rational in the variables and atoms (\(why))")
                }
            }
        }
        return ResolvedModel(name: name, arguments: arguments, substitution: substitution)
    }

    func substituted(_ z: ExactScalar, _ s: [String: MultivariateRationalFunction], _ e: Expr) throws -> ExactScalar {
        if s.isEmpty || z.isZero { return z }
        do { return ExactScalar(try z.real.substituting(s), try z.imaginary.substituting(s)) } catch {
            throw self.error(e, "\(e): substituting the model's parameters failed: \(error)")
        }
    }

    func substituted(_ m: Matrix<ExactScalar>, _ s: [String: MultivariateRationalFunction], _ e: Expr) throws -> Matrix<ExactScalar> {
        if s.isEmpty { return m }
        return try m.map { try substituted($0, s, e) }
    }

    // MARK: Initial states

    func initialState(_ e: Expr, _ model: ResolvedModel, at call: Expr, _ integers: [String: Int]) throws -> Matrix<ExactScalar> {
        let d = try derivation(call) { () throws(DerivationError) in try session.model(model).dimension }
        if case let .name(word) = e.kind, ModelSyntax.initialKeywords.contains(word) {
            return try derivation(e) { () throws(DerivationError) in try InitialState.parse(word, dimension: d) }
        }
        if case let .call("basis", args) = e.kind {
            guard args.count == 1 else { throw error(e, "basis(K) takes one index, 0 ≤ K < 2^N") }
            let k = try integer(args[0], integers, "the basis index K")
            return try derivation(e) { () throws(DerivationError) in try InitialState.parse("basis:\(k)", dimension: d) }
        }
        guard case let .matrix(rho) = try value(e, integers) else {
            throw error(e, "the initial state \(e) is not a matrix (allowed: ground, excited, basis(K), or a \(d)×\(d) density matrix)")
        }
        try checkDensityMatrix(rho, dimension: d, e, integers)
        return rho
    }

    /// Hermitian and trace one exactly; positive semidefinite exactly when the entries are
    /// numbers, at seeded points of the declared domains when they hold variables.
    func checkDensityMatrix(_ rho: Matrix<ExactScalar>, dimension d: Int, _ e: Expr, _ integers: [String: Int]) throws {
        func refuse(_ reason: String) -> EvalIssue { error(e, "\(DerivationError.notDensityMatrix(parameter: "the initial state \(e)", reason: reason))") }
        guard rho.rows == d, rho.cols == d else { throw refuse("it is \(rho.rows)×\(rho.cols); allowed: \(d)×\(d) (2^N)") }
        guard rho == rho.adjoint else { throw refuse("not Hermitian (ρ ≠ ρ†)") }
        let trace = rho.trace
        guard trace == ExactScalar(1) else { throw refuse("trace \(trace) ≠ 1") }
        let names = Set(rho.storage.flatMap(\.variables))
        let points = names.isEmpty ? [[:]] : try self.points(names, integers)
        for point in points {
            var numeric: [[GaussianRational]] = []
            for i in 0..<d {
                var row: [GaussianRational] = []
                for j in 0..<d {
                    do { row.append(try rho[i, j].evaluated(point)) } catch { throw refuse("an entry has a pole at \(point)") }
                }
                numeric.append(row)
            }
            if !Self.isPositiveSemidefinite(numeric) {
                let at = point.isEmpty ? "" : " at " + point.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
                throw refuse("not positive semidefinite\(at) (allowed: ρ ≥ 0 on the declared domains)")
            }
        }
    }

    /// Exact test of a Hermitian matrix over Q(i): eliminate on a positive diagonal pivot (Schur
    /// complements stay Hermitian and PSD iff the matrix is); a negative diagonal entry, or a zero
    /// diagonal entry with a non-zero row, proves it indefinite.
    static func isPositiveSemidefinite(_ a: [[GaussianRational]]) -> Bool {
        var m = a
        while !m.isEmpty {
            let n = m.count
            if (0..<n).contains(where: { m[$0][$0].real < 0 }) { return false }
            guard let k = (0..<n).first(where: { m[$0][$0].real > 0 }) else {
                return m.allSatisfy { $0.allSatisfy(\.isZero) }
            }
            let pivot = m[k][k]
            var next: [[GaussianRational]] = []
            for i in 0..<n where i != k {
                var row: [GaussianRational] = []
                for j in 0..<n where j != k { row.append(m[i][j] - m[i][k] * m[k][j] / pivot) }
                next.append(row)
            }
            m = next
        }
        return true
    }

    // MARK: Values

    func matrix(_ e: Expr, _ integers: [String: Int], _ what: String) throws -> Matrix<ExactScalar> {
        guard case let .matrix(m) = try value(e, integers) else { throw error(e, "\(what): \(e) is not a matrix") }
        return m
    }

    func value(_ e: Expr, _ integers: [String: Int]) throws -> ModelValue {
        switch e.kind {
        case let .call(name, args) where ModelSyntax.structuredFunctions.contains(name) || name == ModelSyntax.rows || name.hasPrefix(ModelSyntax.modelPrefix):
            let used = freeNames(e).compactMap { n in integers[n].map { "\(n)=\($0)" } }.sorted().joined(separator: ",")
            let key = scope + "|" + used + "|" + e.description
            if let v = session.values[key] { return v }
            let v = try structured(name, args, e, integers)
            session.values[key] = v
            return v
        case let .binary(op, a, b) where ModelSyntax.isStructured(e):
            return try combine(op, value(a, integers), value(b, integers), e)
        case let .negate(a) where ModelSyntax.isStructured(a):
            return try combine("*", .scalar(-1), value(a, integers), e)
        default:
            return .scalar(try exactScalar(e, integers))
        }
    }

    func structured(_ name: String, _ args: [Expr], _ e: Expr, _ integers: [String: Int]) throws -> ModelValue {
        func arity(_ n: Int, _ usage: String) throws { guard args.count == n else { throw error(e, "\(name) takes \(n) argument(s): \(usage)") } }
        if name.hasPrefix(ModelSyntax.modelPrefix) {
            throw error(e, "\(e) is a model, not a quantity: take steadystate(\(e), ground), steadystates(\(e)), generator(\(e)) or rates(\(e))")
        }
        switch name {
        case "steadystate":
            try arity(2, "steadystate(MODEL, INITIAL), INITIAL = ground, excited, basis(K) or a density matrix")
            let m = try resolve(args[0], integers)
            let rho0 = try initialState(args[1], m, at: args[0], integers)
            let s = try derivation(args[0]) { () throws(DerivationError) in try session.steadyState(m, initial: rho0) }
            return .matrix(try substituted(s, m.substitution, e))
        case "steadystates":
            try arity(1, "steadystates(MODEL), whose dimension is dim(steadystates(MODEL))")
            let m = try resolve(args[0], integers)
            return .space(dimension: try derivation(args[0]) { () throws(DerivationError) in try session.kernelDimension(m) })
        case "generator":
            try arity(1, "generator(MODEL)")
            let m = try resolve(args[0], integers)
            let g = try derivation(args[0]) { () throws(DerivationError) in try session.generator(m) }
            return .matrix(try substituted(g, m.substitution, e))
        case "rates":
            try arity(1, "rates(MODEL)")
            let m = try resolve(args[0], integers)
            let (counts, irrational) = try derivation(args[0]) { () throws(DerivationError) in try session.rates(m) }
            var out: [ExactScalar: Int] = [:]
            for (v, k) in counts { out[try substituted(v, m.substitution, e), default: 0] += k }
            return .multiset(out, irrational: irrational)
        case "matrix":
            try arity(4, "matrix(i, j, n, ENTRY) with 0 ≤ i, j < n")
            guard case let .name(i) = args[0].kind, case let .name(j) = args[1].kind, i != j else {
                throw error(e, "matrix(i, j, n, ENTRY) needs two distinct index names")
            }
            let n = try integer(args[2], integers, "the size of matrix(…)")
            guard (1...1024).contains(n) else { throw error(args[2], "matrix(…): size \(n) is outside 1 ... 1024") }
            var inner = integers
            var m = Matrix<ExactScalar>(rows: n, cols: n)
            for b in 0..<n { for a in 0..<n {
                inner[i] = a
                inner[j] = b
                m[a, b] = try exactScalar(args[3], inner)
            } }
            return .matrix(m)
        case ModelSyntax.rows:
            var rows: [[ExactScalar]] = []
            for r in args {
                guard case let .call(ModelSyntax.row, entries) = r.kind else { throw error(r, "a matrix is written [[a, b], [c, d]]") }
                rows.append(try entries.map { try exactScalar($0, integers) })
            }
            guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
                throw error(e, "the rows of a matrix must have the same length")
            }
            do { return .matrix(try Matrix(rows)) } catch { throw self.error(e, "\(error)") }
        case "multiset":
            guard args.count == 2 || args.count == 5 else {
                throw error(e, "multiset takes (VALUE, MULTIPLICITY) or (k, a, b, VALUE, MULTIPLICITY)")
            }
            var weights: [ExactScalar: BigRational] = [:]
            func add(_ inner: [String: Int], _ v: Expr, _ m: Expr) throws {
                let multiplicity: BigRational
                do { multiplicity = try IntegerEvaluator.rational(m, inner) } catch { throw self.error(m, "a multiplicity must be an integer expression of integer parameters, found \(m)") }
                weights[try exactScalar(v, inner), default: 0] += multiplicity
            }
            if args.count == 2 {
                try add(integers, args[0], args[1])
            } else {
                guard case let .name(k) = args[0].kind else { throw error(args[0], "multiset(k, a, b, VALUE, MULTIPLICITY) needs an index name") }
                let a = try integer(args[1], integers, "the lower bound of multiset(…)"), b = try integer(args[2], integers, "the upper bound of multiset(…)")
                guard b < a || !b.subtractingReportingOverflow(a).overflow && b - a < 100_000 else { throw error(e, "multiset over more than 100000 values (allowed: at most 100000)") }
                if a <= b { for v in a...b { try add(integers.merging([k: v]) { $1 }, args[3], args[4]) } }
            }
            var counts: [ExactScalar: Int] = [:]
            for (v, w) in weights where !w.isZero {
                guard w.isInteger, w > 0, let n = w.numerator.asInt else {
                    throw error(e, "value \(ModelValue.clip(v.description)) gets multiplicity \(w) (allowed: a positive integer)")
                }
                counts[v] = n
            }
            return .multiset(counts, irrational: [])
        case "permute":
            guard args.count >= 2 else { throw error(e, "permute(X, p_0, …, p_{n−1}) reorders the basis: result[a, b] = X[p_a, p_b]") }
            let x = try matrix(args[0], integers, "permute")
            let p = try args.dropFirst().map { try integer($0, integers, "a permutation index") }
            guard x.rows == x.cols, p.count == x.rows, Set(p) == Set(0..<x.rows) else {
                throw error(e, "permute(X, …) needs a permutation of 0 ... \(x.rows - 1) (\(x.rows) indices), given \(p)")
            }
            return .matrix(Matrix(rows: x.rows, cols: x.cols) { a, b in x[p[a], p[b]] })
        case "vec":
            try arity(1, "vec(X): the columns of X stacked (vec index i + d·j), to apply generator(MODEL)")
            return .matrix(try matrix(args[0], integers, "vec").vectorised)
        case "kron":
            guard args.count >= 2 else { throw error(e, "kron(A, B, …) takes two or more matrices") }
            let factors = try args.map { try matrix($0, integers, "kron") }
            guard factors.reduce(1.0, { $0 * Double($1.rows) * Double($1.cols) }) <= Double(1 << 20) else { throw error(e, "kron(…) would have more than 2^20 entries") }
            return .matrix(Matrix.kron(factors))
        default:
            throw error(e, "\(name) is not a model quantity")
        }
    }

    func combine(_ op: Character, _ x: ModelValue, _ y: ModelValue, _ e: Expr) throws -> ModelValue {
        func operators<T>(_ body: () throws(OperatorError) -> T) throws -> T {
            do { return try body() } catch { throw self.error(e, "\(e): \(error)") }
        }
        switch (op, x, y) {
        case let ("+", .matrix(a), .matrix(b)): return .matrix(try operators { () throws(OperatorError) in try a + b })
        case let ("-", .matrix(a), .matrix(b)): return .matrix(try operators { () throws(OperatorError) in try a - b })
        case let ("*", .matrix(a), .matrix(b)): return .matrix(try operators { () throws(OperatorError) in try a * b })
        case let ("*", .scalar(s), .matrix(a)), let ("*", .matrix(a), .scalar(s)): return .matrix(a.scaled(s))
        case let ("/", .matrix(a), .scalar(s)):
            guard !s.isZero else { throw error(e, "\(e): division by an identically zero expression") }
            return .matrix(a.scaled(ExactScalar(1) / s))
        case let ("+", .multiset(a, ia), .multiset(b, ib)):
            return .multiset(a.merging(b, uniquingKeysWith: +), irrational: ia + ib)
        default:
            throw error(e, "\(e): '\(op)' does not apply to \(x.kindDescription) and \(y.kindDescription) (matrices: + − * and scalar multiples; multisets: + is the union)")
        }
    }

    /// A number-valued model expression (X[i, j], trace, dim, multiplicity, re, im).
    func scalar(_ e: Expr, _ integers: [String: Int]) throws -> ExactScalar {
        guard case let .call(name, args) = e.kind else { return try exactScalar(e, integers) }
        switch name {
        case ModelSyntax.entry:
            let x = try matrix(args[0], integers, "X[i, j]")
            let i = try integer(args[1], integers, "a row index"), j = try integer(args[2], integers, "a column index")
            guard (0..<x.rows).contains(i), (0..<x.cols).contains(j) else {
                throw error(e, "\(e): index [\(i), \(j)] is outside the \(x.rows)×\(x.cols) matrix (indices start at 0)")
            }
            return x[i, j]
        case "trace":
            guard args.count == 1 else { throw error(e, "trace takes one matrix") }
            let x = try matrix(args[0], integers, "trace")
            guard x.isSquare else { throw error(e, "trace of a \(x.rows)×\(x.cols) matrix") }
            return x.trace
        case "dim":
            guard args.count == 1, case let .space(d) = try value(args[0], integers) else {
                throw error(e, "dim takes a space: dim(steadystates(MODEL))")
            }
            return ExactScalar.integer(d)
        case "multiplicity":
            guard args.count == 2, case let .multiset(counts, _) = try value(args[0], integers) else {
                throw error(e, "multiplicity takes a multiset and a value: multiplicity(rates(MODEL), VALUE)")
            }
            return ExactScalar.integer(counts[try exactScalar(args[1], integers)] ?? 0)
        case "re", "im":
            guard args.count == 1 else { throw error(e, "\(name) takes one argument") }
            let z = try exactScalar(args[0], integers)
            return ExactScalar(name == "re" ? z.real : z.imaginary)
        default:
            throw error(e, "\(e) is not a number: compare it whole with '=', or take X[i, j], trace(X), dim(steadystates(…)) or multiplicity(rates(…), v)")
        }
    }
}

/// Q(i)(variables, atoms) exactly: entries of matrices and values of multisets. `I` is i.
struct ComplexExactAlgebra: Algebra {
    var limits = ExpansionLimits()

    func constant(_ q: BigRational) throws -> ExactScalar { ExactScalar(rational: q) }
    func variable(_ name: String) throws -> ExactScalar { name == "I" ? .imaginaryUnit : .symbol(name) }
    func divide(_ a: ExactScalar, _ b: ExactScalar) throws -> ExactScalar {
        guard !b.isZero else { throw EvalIssue.invalid("division by an identically zero expression") }
        return a / b
    }
    func power(_ a: ExactScalar, _ n: Int) throws -> ExactScalar {
        guard abs(n) <= limits.maxPower else { throw EvalIssue.notApplicable("the power \(n) exceeds the per-step limit \(limits.maxPower)") }
        if n < 0 {
            guard !a.isZero else { throw EvalIssue.invalid("0 to a negative power") }
            return try power(ExactScalar(1) / a, -n)
        }
        var result = ExactScalar(1), base = a, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }
    func realPower(_ a: ExactScalar, _ b: ExactScalar) throws -> ExactScalar { throw EvalIssue.notApplicable("non-integer power") }
    func elementary(_ f: Elementary, _ a: ExactScalar) throws -> ExactScalar { throw EvalIssue.notApplicable("\(f.rawValue) is not rational") }
    func pi() throws -> ExactScalar { throw EvalIssue.notApplicable("pi is transcendental") }
    func formula(_ f: Formula, _ exact: [ParameterName: BigRational], _ values: [ParameterName: ExactScalar]) throws -> ExactScalar {
        guard values.values.allSatisfy(\.imaginary.isZero) else { throw EvalIssue.notApplicable("formula(\(f.id)) of a complex argument") }
        return ExactScalar(try MultivariateAlgebra(limits: limits).formula(f, exact, values.mapValues(\.real)))
    }
}

extension StepCheck {
    var models: ModelEvaluation {
        ModelEvaluation(session: context.models, scope: context.scope, atoms: context.atoms, limits: checker.limits) { names, integers in
            try samplePoints(names, integers)
        }
    }

    /// Three seeded points of the declared domains (atoms by their ranges).
    func samplePoints(_ names: Set<String>, _ integers: [String: Int]) throws -> [[String: BigRational]] {
        var rng = seed()
        var out: [[String: BigRational]] = []
        for _ in 0..<3 {
            var p: [String: BigRational] = [:]
            for v in names.sorted() { p[v] = sample(try coordinateDomain(v, integers), &rng) }
            out.append(p)
        }
        return out
    }

    /// A model quantity is computed for concrete N only: a step that uses one with an unbounded
    /// integer range is an error naming the allowed form.
    func refuseUnboundedModels(_ names: Set<String>) throws {
        guard let m = ModelSyntax.firstModelExpression(lhs) ?? ModelSyntax.firstModelExpression(rhs) else { return }
        let unbounded = context.integerRanges.filter { $0.upper == nil && names.contains($0.name) }.map(\.name).sorted()
        let list = unbounded.joined(separator: ", ")
        throw EvalIssue.semantic(ProofError(.semantic, m.location,
            "\(m): a model quantity needs a concrete \(list), but its range is unbounded (assume \(unbounded.first ?? "N") in 1...); allowed: a bounded range such as assume \(unbounded.first ?? "N") in 1...4, which checks every value in it"))
    }

    /// `=` between matrices or multisets: entry by entry (value by value), exactly, for every
    /// value of the integer parameters.
    func structuredEquality() throws -> Verdict? {
        guard ModelSyntax.isStructured(lhs) || ModelSyntax.isStructured(rhs) else { return nil }
        guard step.relation == .equal else {
            throw EvalIssue.semantic(ProofError(.semantic, step.location,
                "matrices and multisets are compared with '=' only (their entries, traces, dimensions and multiplicities are numbers and take every relation)"))
        }
        let cases = try integerCases()
        let evaluation = models
        var kinds: [String] = []
        var variables: Set<String> = []
        for c in cases {
            let l: ModelValue, r: ModelValue
            do { (l, r) = (try evaluation.value(lhs, c), try evaluation.value(rhs, c)) } catch let EvalIssue.invalid(why) {
                throw EvalIssue.semantic(ProofError(.semantic, step.location, "\(why)\(c.isEmpty ? "" : " at " + describe(c))"))
            }
            if case .space = l { throw EvalIssue.semantic(ProofError(.semantic, lhs.location, "compare a steady-state space by its dimension: dim(steadystates(MODEL))")) }
            if case .space = r { throw EvalIssue.semantic(ProofError(.semantic, rhs.location, "compare a steady-state space by its dimension: dim(steadystates(MODEL))")) }
            if let difference = ModelValue.difference(l, r) {
                return Verdict(method: .exactIdentity, holds: false, detail: (c.isEmpty ? "" : "at \(describe(c)): ") + difference)
            }
            if !kinds.contains(l.kindDescription) { kinds.append(l.kindDescription) }
            variables.formUnion(l.variables.union(r.variables))
        }
        let field = variables.isEmpty ? "Q(i)" : "Q(i)(\(variables.sorted().joined(separator: ", ")))"
        return Verdict(method: .exactIdentity, holds: true, detail: "identical \(kinds.count <= 2 ? kinds.joined(separator: ", ") : "\(kinds[0]) … \(kinds[kinds.count - 1])") over \(field), derived from the model" + describeCases(cases))
    }
}
