import BigNumerics

/// A place in a proof file (1-based line and column).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Every way a proof file can be rejected: malformed text (parse) or a well-formed file that
/// cannot be checked as written (unknown name, missing domain, wrong argument count, …).
/// Always carries the file, line and column it refers to.
public struct ProofError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case parse, semantic }
    public let kind: Kind
    public let location: SourceLocation
    public let message: String

    public init(_ kind: Kind, _ location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(kind == .parse ? "parse error" : "error"): \(message)" }
}

/// The elementary functions a proof may use.
public enum Elementary: String, Sendable, CaseIterable {
    case exp, log, sqrt, sinh, cosh, tanh, sin, cos, abs
}

/// An expression with the location of every node (for messages).
public struct Expr: Sendable, CustomStringConvertible {
    public indirect enum Kind: Sendable {
        case number(BigRational)
        case name(String)
        case pi
        case negate(Expr)
        case binary(Character, Expr, Expr)       // + - * / ^
        case call(String, [Expr])                // elementary functions, binomial, user functions
        case sum(index: String, from: Expr, to: Expr, body: Expr)
    }

    public let kind: Kind
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var description: String {
        switch kind {
        case let .number(q): return q.description
        case let .name(n): return n
        case .pi: return "pi"
        case let .negate(e): return "-(\(e))"
        case let .binary(op, a, b): return "(\(a) \(op) \(b))"
        case let .call(f, args):
            let list = args.map(\.description).joined(separator: ", ")
            if f == ModelSyntax.entry, args.count == 3 { return "\(args[0])[\(args[1]), \(args[2])]" }
            if f == ModelSyntax.rows || f == ModelSyntax.row { return "[\(list)]" }
            if f.hasPrefix(ModelSyntax.namedPrefix), args.count == 1 { return "\(f.dropFirst(ModelSyntax.namedPrefix.count)) = \(args[0])" }
            if f.hasPrefix(ModelSyntax.modelPrefix) { return "\(f.dropFirst(ModelSyntax.modelPrefix.count))(\(list))" }
            return "\(f)(\(list))"
        case let .sum(k, a, b, body): return "sum(\(k), \(a), \(b), \(body))"
        }
    }

    /// Substitutes expressions for names (used to expand `let` definitions).
    func substituting(_ map: [String: Expr]) -> Expr {
        switch kind {
        case .number, .pi: return self
        case let .name(n): return map[n] ?? self
        case let .negate(e): return Expr(.negate(e.substituting(map)), at: location)
        case let .binary(op, a, b): return Expr(.binary(op, a.substituting(map), b.substituting(map)), at: location)
        case let .call(f, args): return Expr(.call(f, args.map { $0.substituting(map) }), at: location)
        case let .sum(k, a, b, body):
            var inner = map
            inner[k] = nil          // the index shadows an outer name
            return Expr(.sum(index: k, from: a.substituting(map), to: b.substituting(map), body: body.substituting(inner)), at: location)
        }
    }
}

/// A parameter domain from an `assume` line.
public struct Assumption: Sendable {
    public let variable: String
    /// Integer range `N in a...b`.
    public let isInteger: Bool
    public let lower: BigRational?
    public let lowerStrict: Bool
    public let upper: BigRational?
    public let upperStrict: Bool
    /// Bounds of an integer range, which may use earlier integer parameters (`k in 0...N`); no
    /// upper bound for an unbounded range (`N in 1...`).
    public var integerBounds: (Expr, Expr?)?
    public let location: SourceLocation

    public var text: String {
        if isInteger, let (l, u) = integerBounds { return "\(variable) in \(l)...\(u.map(\.description) ?? "")" }
        let lo = lower.map { "\($0) \(lowerStrict ? "<" : "<=") " } ?? ""
        let hi = upper.map { " \(upperStrict ? "<" : "<=") \($0)" } ?? ""
        return lo + variable + hi
    }
}

/// `let name(params) = body`.
public struct Definition: Sendable {
    public let name: String
    public let parameters: [String]
    public let body: Expr
    public let location: SourceLocation
}

/// `atom y = exp(g)`: a transcendental atom the exact methods treat as an independent variable.
public struct AtomDeclaration: Sendable {
    public let name: String
    public let exponent: Expr
    public let location: SourceLocation
}

public enum Relation: String, Sendable {
    case equal = "="
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"
    case limit = "->"
}

/// The point of a limit: a rational number or +infinity.
public enum LimitPoint: Sendable, CustomStringConvertible {
    case finite(BigRational)
    case infinity
    public var description: String {
        switch self {
        case let .finite(q): return q.description
        case .infinity: return "inf"
        }
    }
}

/// One link of a chain: `relation expr`, relating the previous expression to this one.
public struct Step: Sendable {
    public let relation: Relation
    public let expression: Expr
    public let limitVariable: String?
    public let limitPoint: LimitPoint?
    /// Convergence rate claimed for a numerical limit: |f − limit| = O(h^rate).
    public let rate: Int?
    /// Marked `xfail`: the printed form of an erratum, checked to fail.
    public let expectedFailure: Bool
    public let location: SourceLocation
}

public struct Claim: Sendable {
    public let start: Expr
    public var steps: [Step]
    public let location: SourceLocation
}

/// One `proof` block.
public struct Derivation: Sendable {
    public var name: String
    public var sources: [String] = []
    public var notes: [String] = []
    public var assumptions: [Assumption] = []
    public var definitions: [Definition] = []
    public var atoms: [AtomDeclaration] = []
    public var claims: [Claim] = []
    public let location: SourceLocation
}

public struct ProofFile: Sendable {
    public let path: String
    public var derivations: [Derivation]
}
