import BigNumerics

/// A token of one line.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case number(String)
        case identifier(String)
        case symbol(String)       // + - * / ^ ( ) , = < <= > >= -> ... [ ]
        case end
    }
    let kind: Kind
    let column: Int

    var text: String {
        switch kind {
        case let .number(s), let .identifier(s), let .symbol(s): return s
        case .end: return "end of line"
        }
    }
}

/// Sizes the parser and checker accept. The parser and the passes after it recurse over the
/// expression tree, so a deeper tree could exhaust a thread's stack (a crash, not an error), and
/// a huge integer range would enumerate for hours without a word: both are refused up front.
public enum ProofLimits {
    /// Tokens on one line.
    public static let maxTokensPerLine = 4_000
    /// Nesting of parentheses, calls, signs and exponents while parsing.
    public static let maxNestingDepth = 100
    /// Height of an expression tree (`a + b + c` has height 3), before and after `let` expansion.
    public static let maxExpressionHeight = 1_000
    /// Nodes of an expression after `let` expansion (definitions can double a tree per level).
    public static let maxExpandedNodes = 200_000
    /// Values of one integer parameter (`assume N in a...b`) for one choice of the earlier ones.
    public static let maxIntegerRangeValues = 10_000
    /// Combinations of integer parameters a derivation may enumerate.
    public static let maxIntegerCases = 100_000
}

/// Splits one line (without its comment) into tokens.
func tokenize(_ line: Substring, file: String, lineNumber: Int) throws(ProofError) -> [Token] {
    let chars = Array(line)
    var tokens: [Token] = []
    var i = 0
    func loc(_ c: Int) -> SourceLocation { SourceLocation(file: file, line: lineNumber, column: c + 1) }
    while i < chars.count {
        guard tokens.count < ProofLimits.maxTokensPerLine else {
            throw ProofError(.parse, loc(i), "line too long: more than \(ProofLimits.maxTokensPerLine) tokens (allowed: at most \(ProofLimits.maxTokensPerLine))")
        }
        let c = chars[i]
        if c == " " || c == "\t" || c == "\r" { i += 1; continue }
        if c.isASCII && c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber && !(i + 2 < chars.count && chars[i + 1] == ".")) {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            // A decimal point, but not the range operator "...".
            if i < chars.count, chars[i] == ".", !(i + 1 < chars.count && chars[i + 1] == ".") {
                i += 1
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            }
            tokens.append(Token(kind: .number(String(chars[start..<i])), column: start + 1))
            continue
        }
        if c.isASCII && (c.isLetter || c == "_") {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
            tokens.append(Token(kind: .identifier(String(chars[start..<i])), column: start + 1))
            continue
        }
        let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
        if i + 2 < chars.count, String(chars[i...i + 2]) == "..." {
            tokens.append(Token(kind: .symbol("..."), column: i + 1)); i += 3; continue
        }
        if ["<=", ">=", "->"].contains(two) {
            tokens.append(Token(kind: .symbol(two), column: i + 1)); i += 2; continue
        }
        if "+-*/^(),=<>[].".contains(c) {
            tokens.append(Token(kind: .symbol(String(c)), column: i + 1)); i += 1; continue
        }
        throw ProofError(.parse, loc(i), "unexpected character '\(c)'")
    }
    tokens.append(Token(kind: .end, column: chars.count + 1))
    return tokens
}

/// Names that cannot be variables.
let reservedWords: Set<String> = ["as", "rate", "in", "inf", "sum", "binomial", "pi", "xfail", "formula"]

/// Calls of catalogue formulas are `.call(formulaPrefix + id, args)`.
let formulaPrefix = "formula:"

/// Recursive-descent parser over the tokens of one line.
struct LineParser {
    let tokens: [Token]
    let file: String
    let line: Int
    var position = 0
    /// Recursion depth of `unary` (every cycle of the grammar passes through it).
    var nesting = 0

    init(tokens: [Token], file: String, line: Int) {
        self.tokens = tokens
        self.file = file
        self.line = line
    }

    var current: Token { tokens[min(position, tokens.count - 1)] }
    func location(_ t: Token) -> SourceLocation { SourceLocation(file: file, line: line, column: t.column) }
    var here: SourceLocation { location(current) }

    func error(_ message: String, at token: Token? = nil) -> ProofError {
        ProofError(.parse, location(token ?? current), message)
    }

    mutating func advance() { position += 1 }

    func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    func isIdentifier(_ s: String) -> Bool { current.kind == .identifier(s) }

    mutating func expect(_ s: String) throws(ProofError) {
        guard isSymbol(s) else { throw error("expected '\(s)', found '\(current.text)'") }
        advance()
    }

    mutating func identifier(_ what: String) throws(ProofError) -> String {
        guard case let .identifier(name) = current.kind else { throw error("expected \(what), found '\(current.text)'") }
        advance()
        return name
    }

    mutating func expectEnd() throws(ProofError) {
        guard current.kind == .end else { throw error("unexpected '\(current.text)' after the end of the statement") }
    }

    // MARK: Expressions

    mutating func expression() throws(ProofError) -> Expr {
        let start = current
        var left = try term()
        while isSymbol("+") || isSymbol("-") {
            let op = current
            advance()
            let right = try term()
            left = Expr(.binary(op.text == "+" ? "+" : "-", left, right), at: location(op))
        }
        if nesting == 0 {
            let height = expressionHeight(left)
            guard height <= ProofLimits.maxExpressionHeight else {
                throw error("expression too large: its tree is \(height) levels deep (allowed: at most \(ProofLimits.maxExpressionHeight))", at: start)
            }
        }
        return left
    }

    mutating func term() throws(ProofError) -> Expr {
        var left = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = current
            advance()
            let right = try unary()
            left = Expr(.binary(op.text == "*" ? "*" : "/", left, right), at: location(op))
        }
        return left
    }

    mutating func unary() throws(ProofError) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= ProofLimits.maxNestingDepth else {
            throw error("expression nests too deeply: more than \(ProofLimits.maxNestingDepth) levels of parentheses, calls, signs or exponents (allowed: at most \(ProofLimits.maxNestingDepth))")
        }
        if isSymbol("-") {
            let at = here
            advance()
            return Expr(.negate(try unary()), at: at)
        }
        if isSymbol("+") { advance(); return try unary() }
        return try power()
    }

    mutating func power() throws(ProofError) -> Expr {
        var base = try primary()
        // X[i, j]: an entry of a matrix-valued model quantity (0-based indices).
        while isSymbol("[") {
            let at = here
            advance()
            let i = try expression()
            try expect(",")
            let j = try expression()
            try expect("]")
            base = Expr(.call(ModelSyntax.entry, [base, i, j]), at: at)
        }
        if isSymbol("^") {
            let at = here
            advance()
            return Expr(.binary("^", base, try unary()), at: at)
        }
        return base
    }

    mutating func primary() throws(ProofError) -> Expr {
        let token = current
        let at = here
        switch token.kind {
        case let .number(text):
            advance()
            guard let q = try? BigRational(parsing: text) else { throw error("malformed number '\(text)'", at: token) }
            return Expr(.number(q), at: at)
        case let .identifier(name):
            advance()
            // A model: paper.model(ARG, key = value, …), e.g. cakmak.collective(N, f = f).
            if isSymbol("."), position + 1 < tokens.count, case let .identifier(member) = tokens[position + 1].kind {
                advance()
                advance()
                try expect("(")
                var args: [Expr] = []
                if !isSymbol(")") {
                    args.append(try modelArgument())
                    while isSymbol(",") { advance(); args.append(try modelArgument()) }
                }
                try expect(")")
                return Expr(.call(ModelSyntax.modelPrefix + name + "." + member, args), at: at)
            }
            if isSymbol("(") {
                advance()
                if name == "formula" {
                    // formula(ID)(args…): a catalogue formula (ID with dots and dashes).
                    var id = ""
                    while !isSymbol(")") && current.kind != .end { id += current.text; advance() }
                    try expect(")")
                    guard !id.isEmpty else { throw error("formula(ID) needs a catalogue identifier", at: token) }
                    try expect("(")
                    var args: [Expr] = []
                    if !isSymbol(")") {
                        args.append(try expression())
                        while isSymbol(",") { advance(); args.append(try expression()) }
                    }
                    try expect(")")
                    return Expr(.call(formulaPrefix + id, args), at: at)
                }
                if name == "sum" {
                    let index = try identifier("the summation index")
                    try expect(",")
                    let from = try expression()
                    try expect(",")
                    let to = try expression()
                    try expect(",")
                    let body = try expression()
                    try expect(")")
                    return Expr(.sum(index: index, from: from, to: to, body: body), at: at)
                }
                var args: [Expr] = []
                if !isSymbol(")") {
                    args.append(try expression())
                    while isSymbol(",") { advance(); args.append(try expression()) }
                }
                try expect(")")
                return Expr(.call(name, args), at: at)
            }
            if name == "pi" { return Expr(.pi, at: at) }
            if reservedWords.contains(name) { throw error("'\(name)' is a reserved word and cannot be used here", at: token) }
            return Expr(.name(name), at: at)
        case .symbol("("):
            advance()
            let e = try expression()
            try expect(")")
            return e
        case .symbol("["):
            // [[a, b], [c, d]]: a matrix written row by row.
            advance()
            var rows: [Expr] = []
            repeat {
                if !rows.isEmpty { advance() }
                let rowAt = here
                try expect("[")
                var entries = [try expression()]
                while isSymbol(",") { advance(); entries.append(try expression()) }
                try expect("]")
                rows.append(Expr(.call(ModelSyntax.row, entries), at: rowAt))
            } while isSymbol(",")
            try expect("]")
            return Expr(.call(ModelSyntax.rows, rows), at: at)
        default:
            throw error(token.kind == .end ? "expected an expression, found the end of the line" : "expected an expression, found '\(token.text)'")
        }
    }

    /// An argument of a model: `key = EXPR` or a positional EXPR.
    mutating func modelArgument() throws(ProofError) -> Expr {
        if case let .identifier(key) = current.kind, position + 1 < tokens.count, tokens[position + 1].kind == .symbol("=") {
            let at = here
            advance()
            advance()
            return Expr(.call(ModelSyntax.namedPrefix + key, [try expression()]), at: at)
        }
        return try expression()
    }

    /// A rational constant for a domain bound (a constant expression: 1/2, -3, 0.25).
    mutating func constant() throws(ProofError) -> BigRational {
        let e = try expression()
        do {
            return try ExactConstant.evaluate(e)
        } catch {
            throw ProofError(.parse, e.location, "a domain bound must be a rational constant")
        }
    }
}

/// Height of an expression tree, without recursion (the tree may be a long chain).
func expressionHeight(_ root: Expr) -> Int {
    var height = 0
    var stack: [(Expr, Int)] = [(root, 1)]
    while let (e, level) = stack.popLast() {
        height = max(height, level)
        switch e.kind {
        case .number, .name, .pi: break
        case let .negate(a): stack.append((a, level + 1))
        case let .binary(_, a, b): stack.append((a, level + 1)); stack.append((b, level + 1))
        case let .call(_, args): for a in args { stack.append((a, level + 1)) }
        case let .sum(_, a, b, body): stack.append((a, level + 1)); stack.append((b, level + 1)); stack.append((body, level + 1))
        }
    }
    return height
}

/// Evaluates a constant expression (no names) exactly, for bounds.
enum ExactConstant {
    struct NotConstant: Error {}

    static func evaluate(_ e: Expr) throws -> BigRational {
        switch e.kind {
        case let .number(q): return q
        case let .negate(a): return -(try evaluate(a))
        case let .binary(op, a, b):
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            case "/": return try x.divided(by: y)
            default:
                guard y.isInteger, let n = y.numerator.asInt, abs(n) <= 4096 else { throw NotConstant() }
                return try x.power(n)
            }
        default: throw NotConstant()
        }
    }
}

/// Parses proof files. Every error carries file, line and column.
public enum ProofParser {
    public static func parse(text: String, path: String) throws(ProofError) -> ProofFile {
        var derivations: [Derivation] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine.firstIndex(of: "#").map { rawLine[..<$0] } ?? rawLine
            // Free-text statements: only their first word is tokenised.
            let leading = line.prefix { $0 == " " || $0 == "\t" }.count
            let word = line.dropFirst(leading).prefix { $0.isLetter }
            if ["proof", "source", "note"].contains(String(word)) {
                line = rawLine.dropFirst(0).prefix(leading + word.count)
                let text = trimmed(rawLine.dropFirst(leading + word.count))
                if word == "proof" {
                    guard !text.isEmpty else {
                        throw ProofError(.parse, SourceLocation(file: path, line: lineNumber, column: leading + 6), "a proof needs a name: proof NAME")
                    }
                    derivations.append(Derivation(name: text, location: SourceLocation(file: path, line: lineNumber, column: leading + 1)))
                    continue
                }
                guard derivations.count > 0 else {
                    throw ProofError(.parse, SourceLocation(file: path, line: lineNumber, column: leading + 1), "every statement belongs to a derivation: start with 'proof NAME'")
                }
                if word == "source" { derivations[derivations.count - 1].sources.append(text) }
                else { derivations[derivations.count - 1].notes.append(text) }
                continue
            }
            let tokens = try tokenize(line, file: path, lineNumber: lineNumber)
            guard let first = tokens.first, first.kind != .end else { continue }
            var p = LineParser(tokens: tokens, file: path, line: lineNumber)
            let at = p.here
            guard var d = derivations.popLast() else {
                throw p.error("every statement belongs to a derivation: start with 'proof NAME'")
            }
            defer { derivations.append(d) }
            switch first.kind {
            case .identifier("assume"):
                p.advance()
                d.assumptions.append(try assumption(&p, at: at))
            case .identifier("let"):
                p.advance()
                let name = try p.identifier("a name after 'let'")
                guard !reservedWords.contains(name), Elementary(rawValue: name) == nil else {
                    throw p.error("'\(name)' is reserved and cannot be defined", at: tokens[1])
                }
                var params: [String] = []
                if p.isSymbol("(") {
                    p.advance()
                    params.append(try p.identifier("a parameter name"))
                    while p.isSymbol(",") {
                        p.advance()
                        let parameter = p.current
                        params.append(try p.identifier("a parameter name"))
                        guard Set(params).count == params.count else { throw p.error("parameter '\(parameter.text)' appears twice", at: parameter) }
                    }
                    try p.expect(")")
                }
                try p.expect("=")
                let body = try p.expression()
                try p.expectEnd()
                d.definitions.append(Definition(name: name, parameters: params, body: body, location: at))
            case .identifier("atom"):
                p.advance()
                let name = try p.identifier("the atom's name")
                try p.expect("=")
                guard p.isIdentifier("exp") else { throw p.error("an atom is declared as NAME = exp(EXPR)") }
                p.advance()
                try p.expect("(")
                let g = try p.expression()
                try p.expect(")")
                try p.expectEnd()
                d.atoms.append(AtomDeclaration(name: name, exponent: g, location: at))
            case .identifier("claim"):
                p.advance()
                let e = try p.expression()
                try p.expectEnd()
                d.claims.append(Claim(start: e, steps: [], location: at))
            case .identifier("xfail"), .symbol:
                var expected = false
                if case .identifier("xfail") = first.kind { expected = true; p.advance() }
                guard !d.claims.isEmpty else { throw p.error("a step needs a preceding 'claim EXPR'") }
                d.claims[d.claims.count - 1].steps.append(try step(&p, expectedFailure: expected, at: at))
            default:
                throw p.error("unknown statement '\(first.text)': expected proof, source, note, assume, let, atom, claim, a relation (= <= < >= > ->) or xfail")
            }
        }
        return ProofFile(path: path, derivations: derivations)
    }

    static func assumption(_ p: inout LineParser, at: SourceLocation) throws(ProofError) -> Assumption {
        // Forms: N in a...b | x in [a, b) | a < x < b | x >= a | x < b
        if case let .identifier(name) = p.current.kind, !reservedWords.contains(name) {
            let nameToken = p.current
            p.advance()
            if p.isIdentifier("in") {
                p.advance()
                if p.isSymbol("[") || p.isSymbol("(") {
                    let lowerStrict = p.isSymbol("(")
                    p.advance()
                    let lo = try p.constant()
                    try p.expect(",")
                    let hi = try p.constant()
                    guard p.isSymbol("]") || p.isSymbol(")") else { throw p.error("expected ']' or ')'") }
                    let upperStrict = p.isSymbol(")")
                    p.advance()
                    try p.expectEnd()
                    return Assumption(variable: name, isInteger: false, lower: lo, lowerStrict: lowerStrict,
                                      upper: hi, upperStrict: upperStrict, integerBounds: nil, location: at)
                }
                let lo = try p.expression()
                try p.expect("...")
                // `N in 1...`: unbounded (every N from 1 on).
                let hi: Expr? = p.current.kind == .end ? nil : try p.expression()
                try p.expectEnd()
                return Assumption(variable: name, isInteger: true, lower: nil, lowerStrict: false, upper: nil, upperStrict: false,
                                  integerBounds: (lo, hi), location: at)
            }
            guard case let .symbol(op) = p.current.kind, ["<", "<=", ">", ">="].contains(op) else {
                throw p.error("expected 'in', '<', '<=', '>' or '>=' after '\(nameToken.text)'")
            }
            p.advance()
            let bound = try p.constant()
            try p.expectEnd()
            switch op {
            case ">": return Assumption(variable: name, isInteger: false, lower: bound, lowerStrict: true, upper: nil, upperStrict: false, integerBounds: nil, location: at)
            case ">=": return Assumption(variable: name, isInteger: false, lower: bound, lowerStrict: false, upper: nil, upperStrict: false, integerBounds: nil, location: at)
            case "<": return Assumption(variable: name, isInteger: false, lower: nil, lowerStrict: false, upper: bound, upperStrict: true, integerBounds: nil, location: at)
            default: return Assumption(variable: name, isInteger: false, lower: nil, lowerStrict: false, upper: bound, upperStrict: false, integerBounds: nil, location: at)
            }
        }
        let lo = try p.constant()
        guard case let .symbol(op1) = p.current.kind, op1 == "<" || op1 == "<=" else { throw p.error("expected '<' or '<=' in 'a < x < b'") }
        p.advance()
        let name = try p.identifier("a variable name")
        guard case let .symbol(op2) = p.current.kind, op2 == "<" || op2 == "<=" else { throw p.error("expected '<' or '<=' in 'a < x < b'") }
        p.advance()
        let hi = try p.constant()
        try p.expectEnd()
        guard lo <= hi else { throw ProofError(.parse, at, "empty domain: \(lo) > \(hi)") }
        return Assumption(variable: name, isInteger: false, lower: lo, lowerStrict: op1 == "<", upper: hi, upperStrict: op2 == "<",
                          integerBounds: nil, location: at)
    }

    static func step(_ p: inout LineParser, expectedFailure: Bool, at: SourceLocation) throws(ProofError) -> Step {
        guard case let .symbol(op) = p.current.kind, let relation = Relation(rawValue: op) else {
            throw p.error("expected a relation (=, <=, <, >=, >, ->), found '\(p.current.text)'")
        }
        p.advance()
        let e = try p.expression()
        var variable: String?
        var point: LimitPoint?
        var rate: Int?
        if p.isIdentifier("as") {
            guard relation == .limit else { throw p.error("'as VAR -> POINT' belongs to a limit step (->)") }
            p.advance()
            variable = try p.identifier("the limit variable")
            try p.expect("->")
            if p.isIdentifier("inf") {
                p.advance()
                point = .infinity
            } else {
                point = .finite(try p.constant())
            }
        }
        if p.isIdentifier("rate") {
            p.advance()
            let r = try p.constant()
            guard r.isInteger, let n = r.numerator.asInt, n >= 1 else { throw p.error("a rate is a positive integer") }
            rate = n
        }
        try p.expectEnd()
        if relation == .limit && variable == nil {
            throw ProofError(.parse, at, "a limit step reads '-> EXPR as VAR -> POINT'")
        }
        return Step(relation: relation, expression: e, limitVariable: variable, limitPoint: point, rate: rate,
                    expectedFailure: expectedFailure, location: at)
    }
}

/// The text without leading and trailing blanks.
func trimmed(_ s: Substring) -> String {
    var t = s
    while let c = t.first, c == " " || c == "\t" || c == "\r" { t = t.dropFirst() }
    while let c = t.last, c == " " || c == "\t" || c == "\r" { t = t.dropLast() }
    return String(t)
}
