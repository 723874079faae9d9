import Foundation
import ProofChecking
import Testing

/// Inputs that used to crash (stack overflow) or run for minutes are refused with a typed
/// error at a location; inputs just inside every limit still work.
@Suite("Proof input limits")
struct InputLimitsTests {
    /// The parse error of `text`, or nil if it parses.
    func parseError(_ text: String) -> ProofError? {
        do { _ = try ProofParser.parse(text: text, path: "limits.proof"); return nil } catch { return error }
    }

    /// The message of the single ERROR step of `text`.
    func stepError(_ text: String) throws -> String {
        let report = try ProofChecker().check(text: text, path: "limits.proof")
        let errors = report.steps.filter { $0.outcome == .error }
        #expect(errors.count == report.steps.count && errors.count >= 1, "\(report.steps)")
        return errors.first?.detail ?? ""
    }

    @Test("5000 nested parentheses: a parse error at a column, not a stack overflow")
    func deepParentheses() throws {
        let e = try #require(parseError("proof p\nassume x > 0\nclaim " + String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000) + "\n  = x\n"))
        #expect(e.kind == .parse && e.location.line == 3 && e.location.column > 1)
        #expect(e.message.contains("at most"))
    }

    @Test("nesting: the limit's own depth parses and checks, one more level is refused at its column")
    func nestingBoundary() throws {
        let depth = ProofLimits.maxNestingDepth
        // Every level of parentheses is one level of `unary`, and the claim's expression is one more.
        let ok = "proof p\nassume x > 0\nclaim " + String(repeating: "(", count: depth - 1) + "x" + String(repeating: ")", count: depth - 1) + "\n  = x\n"
        let report = try ProofChecker().check(text: ok, path: "limits.proof")
        #expect(report.steps.map(\.outcome) == [.passed])
        let bad = "proof p\nassume x > 0\nclaim " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n  = x\n"
        let e = try #require(parseError(bad))
        #expect(e.location.line == 3 && e.location.column == 7 + depth)
        #expect(e.message.contains("nests too deeply") && e.message.contains("\(depth)"))
        // Signs and exponents nest the same way.
        #expect(parseError("proof p\nclaim " + String(repeating: "-", count: 2 * depth) + "1\n")?.message.contains("nests too deeply") == true)
        #expect(parseError("proof p\nclaim 2" + String(repeating: "^2", count: 2 * depth) + "\n")?.message.contains("nests too deeply") == true)
    }

    @Test("long chains: tree height and tokens per line are limited, with the allowed maximum named")
    func sizes() throws {
        let height = ProofLimits.maxExpressionHeight
        let chain = "proof p\nassume x > 0\nclaim " + Array(repeating: "x", count: height + 1).joined(separator: "+") + "\n"
        let e = try #require(parseError(chain))
        #expect(e.location == SourceLocation(file: "limits.proof", line: 3, column: 7))
        #expect(e.message.contains("\(height + 1) levels") && e.message.contains("at most \(height)"))
        #expect(parseError("proof p\nassume x > 0\nclaim " + Array(repeating: "x", count: height).joined(separator: "+") + "\n") == nil)
        let tokens = "proof p\nclaim " + Array(repeating: "(1)", count: ProofLimits.maxTokensPerLine).joined(separator: "*") + "\n"
        let t = try #require(parseError(tokens))
        #expect(t.location.line == 2 && t.message.contains("at most \(ProofLimits.maxTokensPerLine)"))
    }

    @Test("definitions that double per level are refused after expansion, at the definition")
    func expansion() throws {
        var text = "proof p\nassume x > 0\nlet a0 = x\n"
        for i in 1...40 { text += "let a\(i) = a\(i - 1) + a\(i - 1)\n" }
        text += "claim a40\n  = 2^40*x\n"
        let message = try stepError(text)
        #expect(message.contains("expression too large after expanding definitions") && message.contains("at most \(ProofLimits.maxExpandedNodes) nodes"))
        #expect(message.hasPrefix("limits.proof:"))
    }

    @Test("assume N in 1...1000000000: an error naming the range and the maximum, at once")
    func hugeRange() throws {
        let start = Date()
        let message = try stepError("proof p\nassume N in 1...1000000000\nclaim N + 1\n  = 1 + N\n")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(message.hasPrefix("limits.proof:2:13:"), "\(message)")
        #expect(message.contains("N in 1...1000000000") && message.contains("1000000000 values")
                && message.contains("at most \(ProofLimits.maxIntegerRangeValues)"))
        // A dependent range too large for some value of the earlier one, and Int overflow of the span.
        let dependent = try stepError("proof p\nassume N in 1...3\nassume k in 0...10000*N\nclaim k\n  = k\n")
        #expect(dependent.contains("k in 0...(10000 * N)") && dependent.contains("at N=1"))
        let overflow = try stepError("proof p\nassume N in -9223372036854775807...9223372036854775807\nclaim N\n  = N\n")
        #expect(overflow.contains("more than \(Int.max) values"))
        // A range redefined after one that uses it (found by the fuzzer: it used to reach the
        // enumeration unchecked and trap on Int overflow).
        let redefined = try stepError("proof p\nassume N in 1...3\nassume k in 0...N\nassume N in -9223372036854775807...1000000000\nclaim k + N\n  = N + k\n")
        #expect(redefined.hasPrefix("limits.proof:4:13:") && redefined.contains("more than"), "\(redefined)")
        // Combinations are limited too: 1000 × 1000 is refused although each range is allowed.
        let product = try stepError("proof p\nassume N in 1...1000\nassume M in 1...1000\nclaim N*M\n  = M*N\n")
        #expect(product.contains("combinations") && product.contains("at most \(ProofLimits.maxIntegerCases)"))
        // The largest allowed range is accepted.
        let ok = try ProofChecker().check(text: "proof p\nassume N in 1...\(ProofLimits.maxIntegerRangeValues)\nclaim N + 1\n  = 1 + N\n", path: "limits.proof")
        #expect(ok.steps.map(\.outcome) == [.passed])
    }

    @Test("a sum whose bounds span more than Int.max is an error, not an overflow trap")
    func sumOverflow() throws {
        let message = try stepError("proof p\nassume x > 0\nclaim sum(k, -9223372036854775807, 9223372036854775807, x)\n  = x\n")
        #expect(message.contains("more than 100000 terms"))
    }

    @Test("binomials and integer powers too large to compute are errors at their location, at once")
    func hugeIntegers() throws {
        let start = Date()
        let binomial = try stepError("proof p\nassume x > 0\nclaim x*binomial(10^12, 10^6)\n  = x\n")
        #expect(binomial.hasPrefix("limits.proof:3:9:") && binomial.contains("allowed: at most 10^6"), "\(binomial)")
        let tower = try stepError("proof p\nassume N in 1...((10^1000)^1000)^1000\nclaim N\n  = N\n")
        #expect(tower.contains("limits.proof:2:"), "\(tower)")
        #expect(Date().timeIntervalSince(start) < 10)
        // Just inside the limit still works: binomial(2000, 1000) has ~1995 bits.
        let ok = try ProofChecker().check(text: "proof p\nclaim binomial(2000, 1000)\n  = binomial(2000, 1000)\n", path: "limits.proof")
        #expect(ok.steps.map(\.outcome) == [.passed])
    }

    @Test("a definition with a repeated parameter is a parse error, not a duplicate-key trap")
    func repeatedParameter() throws {
        let e = try #require(parseError("proof p\nassume x > 0\nlet f(a, b, a) = a + b\nclaim f(x, x, x)\n  = 2*x\n"))
        #expect(e.location == SourceLocation(file: "limits.proof", line: 3, column: 13))
        #expect(e.message.contains("'a' appears twice"))
    }
}
