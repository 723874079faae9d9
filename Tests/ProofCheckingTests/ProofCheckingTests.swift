import BigNumerics
import Foundation
import ProofChecking
import Testing

/// The package root, from this file's path (Tests/ProofCheckingTests/…).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func check(_ text: String) throws -> FileReport { try ProofChecker().check(text: text, path: "test.proof") }

@Suite("Proofs/ folder")
struct ProofsFolderTests {
    static let files: [String] = {
        let dir = packageRoot.appendingPathComponent("Proofs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".proof") }.sorted()
    }()

    @Test("the folder holds the required derivations")
    func present() {
        for name in ["mayo-eq9-from-eq10.proof", "mayo-imax.proof", "mayo-gamma-bound.proof", "mayo-appendixA.proof",
                     "cakmak-two-qubits.proof", "cakmak-n-qubits.proof"] {
            #expect(Self.files.contains(name), "missing \(name)")
        }
    }

    @Test("every step passes, or fails as marked xfail", arguments: files)
    func file(_ name: String) throws {
        let path = packageRoot.appendingPathComponent("Proofs").appendingPathComponent(name).path
        let report = try ProofChecker().check(text: String(contentsOfFile: path, encoding: .utf8), path: path)
        #expect(!report.steps.isEmpty)
        for step in report.steps { #expect(step.isAsMarked, "\(step)") }
    }
}

@Suite("Proof checker")
struct CheckerTests {
    @Test("a broken step fails with a message pointing at its line")
    func brokenStep() throws {
        let text = """
            proof broken
            assume 0 < r < 1
            claim (1 - r^2)/(1 - r)
              = 1 + r
              = 1 + 2*r
            """
        let report = try check(text)
        #expect(report.steps.count == 2)
        #expect(report.steps[0].outcome == .passed && report.steps[0].method == .exactIdentity)
        let bad = report.steps[1]
        #expect(bad.outcome == .failed && bad.line == 5)
        #expect(bad.description.hasPrefix("test.proof:5:"))
        #expect(bad.detail.contains("left =") && bad.detail.contains("right ="))
    }

    @Test("parse errors carry line and column")
    func parseErrors() {
        let cases: [(String, Int, Int)] = [
            ("proof p\nclaim 1 +\n", 2, 10),
            ("proof p\nassume x ? 1\n", 2, 10),
            ("proof p\nclaim (x\n", 2, 9),
            ("claim x\n", 1, 1),
            ("proof p\nclaim x\n  -> 1\n", 3, 3),
            ("proof p\nclaim x $ 2\n", 2, 9),
        ]
        for (text, line, column) in cases {
            do {
                _ = try ProofParser.parse(text: text, path: "bad.proof")
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.kind == .parse)
                #expect(error.location.line == line && error.location.column == column, "\(error)")
                #expect(error.description.hasPrefix("bad.proof:\(line):\(column):"))
            }
        }
    }

    @Test("method 1: a false rational identity in several variables fails exactly")
    func falseIdentity() throws {
        let report = try check("""
            proof p
            assume x > 0
            assume z > 0
            claim (x + z)^2
              = x^2 + 2*x*z + z^2
              = x^2 + z^2
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
        #expect(report.steps.allSatisfy { $0.method == .exactIdentity })
    }

    @Test("method 2: transcendental identities at high precision, and a near-miss fails")
    func randomPoints() throws {
        let report = try check("""
            proof p
            assume 0 < x < 3
            claim sinh(x)^2 + 1
              = cosh(x)^2
            claim log(exp(x) + 1)
              = x + log(1 + exp(-x))
            claim sqrt(x^2)
              = x + exp(-300)
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed, .failed])
        #expect(report.steps.allSatisfy { $0.method == .randomFloat || $0.method == .exactIdentity })
        #expect(report.steps[1].method == .randomFloat)
        #expect(report.steps[2].detail.contains("digits"))
    }

    @Test("method 3: a false limit fails, exactly and numerically")
    func limits() throws {
        let report = try check("""
            proof p
            assume 0 < r < 1
            assume x > 0
            claim (1 - r^3)/(1 - r)
              -> 3 as r -> 1
            claim (1 - r^3)/(1 - r)
              -> 2 as r -> 1
            claim sin(x)/x
              -> 1 as x -> 0 rate 2
            claim sin(x)/x
              -> 1/2 as x -> 0
            claim x*exp(-x)
              -> 0 as x -> inf
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed, .passed, .failed, .passed])
        #expect(report.steps[0].method == .exactLimit && report.steps[1].method == .exactLimit)
        #expect(report.steps[2].method == .numericLimit && report.steps[3].method == .numericLimit)
    }

    @Test("method 4: inequalities are proven on the whole domain, and a false one fails on a box")
    func inequalities() throws {
        let report = try check("""
            proof p
            assume bw >= 0
            assume 0 <= x <= 2
            assume 1 <= z <= 2
            atom y = exp(-bw/2)
            claim 2*(1 + tanh(bw/2)^2)
              <= 4
            claim x^2 + z^2
              < 9
            claim x^2 + z^2
              < 7
            claim exp(x)*z
              >= 1
            claim tanh(bw/2)
              < 1
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed, .failed, .passed, .passed])
        #expect(report.steps[0].method == .bernstein)
        #expect(report.steps[1].method == .interval && report.steps[2].method == .interval)
        // Either a box where the claim certainly fails or a tiny undecided box on the curve x^2 + z^2 = 7.
        #expect(report.steps[2].detail.contains("box"))
    }

    @Test("exact Bernstein certificates find exact counterexamples, strict and non-strict")
    func bernstein() throws {
        let report = try check("""
            proof p
            assume 0 <= x <= 1
            claim x^2
              <= x
            claim x^2
              xfail < x
            claim x*(1 - x)
              xfail <= 1/5
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .expectedFailure, .expectedFailure])
        #expect(report.steps[1].detail.contains("x=0") || report.steps[1].detail.contains("x=1"))
    }

    @Test("an xfail step that holds is reported as an unexpected pass")
    func unexpectedPass() throws {
        let report = try check("""
            proof p
            assume x > 0
            claim x + x
              xfail = 2*x
            """)
        #expect(report.steps.first?.outcome == .unexpectedPass)
        #expect(!report.allAsMarked)
    }

    @Test("symbolic sums for each N in a range, binomials and integer ranges depending on N")
    func sums() throws {
        let report = try check("""
            proof p
            assume N in 1...12
            assume k in 0...N
            assume 0 < r < 1
            claim sum(j, 0, N, binomial(N, j)*r^j)
              = (1 + r)^N
            claim binomial(N, k)
              = binomial(N, N - k)
            claim sum(j, 0, N, binomial(N, j)*r^j)
              xfail = (1 + r)^N + r^12/2^30
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed, .expectedFailure])
        #expect(report.steps[0].detail.contains("N = 1…12"))
    }

    @Test("missing domains and unknown functions are errors with a location")
    func semanticErrors() throws {
        let report = try check("""
            proof p
            claim foo(x)
              = 1
            claim exp(x)
              <= 3
            """)
        #expect(report.steps.map(\.outcome) == [.error, .error])
        #expect(report.steps[0].detail.contains("unknown function 'foo'"))
        #expect(report.steps[1].detail.contains("x has no domain"))
    }

    @Test("division by an identically zero expression and 0 to a negative power are step errors, not traps")
    func zeroDivisors() throws {
        let report = try check("""
            proof p
            assume 0 < x < 1
            claim 1/(x - x)
              = 1
            claim (x - x)^(-2)
              = 1
            claim x/(x^2 - x*x + x)
              = 1
            """)
        #expect(report.steps.map(\.outcome) == [.error, .error, .passed])
        #expect(report.steps[0].detail.contains("division by an identically zero expression"))
        #expect(report.steps[1].detail.contains("0 to a negative power"))
    }
}
