import Foundation
import ProofChecking
import Testing

/// Proof steps that start at the model: each kind of step is shown to fail on a wrong value (an
/// exponent, a rate, a multiplicity, a dimension, a generator entry), and every malformed model
/// expression is an error at its file:line:column naming the parameter and the allowed range.
@Suite("Model proof steps")
struct ModelProofTests {
    /// The 1-based column of `needle` on line `line` (1-based) of `text`.
    static func column(_ text: String, line: Int, of needle: String) -> Int {
        let l = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
        guard let r = l.range(of: needle) else { return -1 }
        return l.distance(from: l.startIndex, to: r.lowerBound) + 1
    }

    static let cakmakHeader = """
        proof p
        assume N in 1...3
        assume bw > 0
        atom y = exp(-bw)
        let d(k) = (1 - y)*y^k/((1 - y^(N + 1))*binomial(N, k))
        """

    @Test("a steady state: the derived matrix passes, a wrong exponent fails (whole matrix and one entry)")
    func wrongExponent() throws {
        let report = try check(Self.cakmakHeader + """

            claim steadystate(cakmak.collective(N), ground)
              = matrix(i, j, 2^N, delta(bits(i), bits(j))*d(bits(i)))
            claim steadystate(cakmak.collective(N), ground)
              = matrix(i, j, 2^N, delta(bits(i), bits(j))*d(bits(i))*y)
            claim steadystate(cakmak.collective(N), ground)[1, 1]
              = (1 - y)*y^2/((1 - y^(N + 1))*N)
            claim trace(steadystate(cakmak.collective(N), ground))
              = 1
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed, .failed, .passed])
        // matrices are compared exactly; a false scalar identity in the atom y is confirmed at random points
        #expect(report.steps.filter { $0.outcome == .passed }.allSatisfy { $0.method == .exactIdentity })
        #expect(report.steps[1].method == .exactIdentity && report.steps[2].method == .randomFloat)
        #expect(report.steps[1].detail.contains("N=1") && report.steps[1].detail.contains("entries differ"))
    }

    @Test("rates: Eq. (10) with multiplicities passes; a wrong rate or a wrong multiplicity fails")
    func wrongRateOrMultiplicity() throws {
        let report = try check("""
            proof p
            assume N in 2...4
            assume bw > 0
            assume eps > 0
            atom s = exp(-bw/2)
            let tau(k) = (2*cosh(bw/2))^N/(2*cosh(bw*(k - N/2))*N^2*eps^2)
            let C = rates(mayo.collective(N, y = s^2))
            claim C
              = multiset(0, 2^(N - 1)) + multiset(k, 0, N, 1/tau(k), binomial(N, k)/2)
            claim C
              = multiset(0, 2^(N - 1)) + multiset(k, 0, N, N/tau(k), binomial(N, k)/2)
            claim C
              = multiset(0, 2^(N - 1)) + multiset(k, 0, N, 1/tau(k), binomial(N, k))
            claim C
              = multiset(0, 2^(N - 1) + 1) + multiset(k, 0, N, 1/tau(k), binomial(N, k)/2)
            claim multiplicity(C, 0)
              = 2^(N - 1)
              = 2^N
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed, .failed, .failed, .passed, .failed])
        #expect(report.steps[1].detail.contains("multiplicity"))
        #expect(report.steps[3].detail.contains("N=2"))
    }

    @Test("kernel dimensions: Catalan numbers for Çakmak's collective model, 2^(N-1) fails from N = 3")
    func kernelDimension() throws {
        let report = try check("""
            proof p
            assume N in 1...3
            claim dim(steadystates(cakmak.collective(N)))
              = binomial(2*N, N)/(N + 1)
            claim dim(steadystates(cakmak.collective(N)))
              = 2^(N - 1)
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
        #expect(report.steps[1].detail.contains("N=3"))
    }

    @Test("a generator: the corrected Eq. (14) passes, the printed one and a wrong damping fail")
    func generator() throws {
        let report = try check("""
            proof p
            assume bw > 0
            assume eps > 0
            atom s = exp(-bw/2)
            let gp = eps^2*exp(bw/2)/(2*cosh(bw/2))
            let gm = eps^2*exp(-bw/2)/(2*cosh(bw/2))
            let M = permute(generator(mayo.single(1, y = s^2)), 3, 1, 2, 0)
            claim M
              = [[-gm, 0, 0, gp], [0, -eps^2/2 - I, 0, 0], [0, 0, -eps^2/2 + I, 0], [gm, 0, 0, -gp]]
            claim M
              = [[-gm, 0, 0, gp], [0, -eps^2/4 - I, 0, 0], [0, 0, -eps^2/4 + I, 0], [gm, 0, 0, -gp]]
            claim M
              = [[-gp/2, 0, 0, gm/2], [0, -eps^2/4 - I, 0, 0], [0, 0, -eps^2/4 + I, 0], [gp/2, 0, 0, -gm/2]]
            claim M[1, 1]
              = -eps^2/2
            claim re(M[1, 1])
              = -eps^2/2
            claim im(M[1, 1])
              = -1
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed, .failed, .error, .passed, .passed])
        #expect(report.steps[1].detail.contains("2 of 16 entries differ"))
        #expect(report.steps[3].detail.contains("is complex"))
    }

    @Test("a symbolic initial state: Eq. (7) with c free; a wrong weight fails")
    func symbolicInitialState() throws {
        let report = try check("""
            proof p
            assume bw > 0
            assume 0 <= c <= 1
            atom y = exp(-bw)
            let Pm = [[0, 0, 0, 0], [0, 1/2, -1/2, 0], [0, -1/2, 1/2, 0], [0, 0, 0, 0]]
            let Pp = [[0, 0, 0, 0], [0, 1/2, 1/2, 0], [0, 1/2, 1/2, 0], [0, 0, 0, 0]]
            let P0 = [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
            let P1 = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]
            let Zp = 1 + y + y^2
            claim steadystate(cakmak.collective(2), (1 - c)*Pm + c*P0)
              = (1 - c)*Pm + c/Zp*(y^2*P1 + y*Pp + P0)
              = (1 - c)*Pm + c/Zp*(y*P1 + y*Pp + P0)
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
    }

    /// One step per malformed model expression; each must be an error at the given needle.
    static let malformed: [(claim: String, needle: String, message: String)] = [
        ("dim(steadystates(cakmak.colective(2)))", "cakmak.colective", "unknown model 'cakmak.colective' (allowed: cakmak.collective"),
        ("dim(steadystates(cakmak.collective(2, z = 1)))", "cakmak.collective", "invalid parameter of cakmak.collective = z; allowed: N, y, omega, gamma0, f"),
        ("dim(steadystates(cakmak.collective(2, y = 3/2)))", "cakmak.collective", "invalid y = 3/2; allowed: 0 < y < 1"),
        ("dim(steadystates(cakmak.collective(2, gamma0 = -1)))", "cakmak.collective", "invalid gamma0 = -1; allowed: > 0"),
        ("dim(steadystates(cakmak.collective(9)))", "cakmak.collective", "invalid N = 9; allowed: an integer 1 ... 8"),
        ("dim(steadystates(cakmak.collective(6)))", "cakmak.collective", "N = 6 (elimination of a 924×924 invariant block): the exact computation needs about"),
        ("dim(steadystates(cakmak.collective(x)))", "x)))", "cakmak.collective: N = x must be a concrete integer; a model is built for each value of a bounded range (assume N in 1...4)"),
        ("dim(steadystates(mayo.single(1, N = 2)))", "mayo.single", "invalid parameter of mayo.single = N; allowed: y, eps, omega, alpha"),
        ("dim(steadystates(mayo.single(0)))", "mayo.single", "invalid alpha = 0; allowed: an integer 1 ... 16"),
        ("dim(steadystates(mayo.collective(2, labels = diagonal)))", "mayo.collective", "invalid labels = diagonal; allowed: pairing, matched, offdiagonal"),
        ("dim(steadystates(cakmak.collective(2, 3)))", "3)))", "cakmak.collective takes one positional argument (N)"),
        ("trace(steadystate(cakmak.collective(1), [[1, 0], [0, 1]]))", "[[1, 0]", "is not a density matrix: trace 2 ≠ 1"),
        ("trace(steadystate(cakmak.collective(1), [[2, 0], [0, -1]]))", "[[2, 0]", "is not a density matrix: not positive semidefinite"),
        ("trace(steadystate(cakmak.collective(1), [[1/2, 1], [0, 1/2]]))", "[[1/2, 1]", "is not a density matrix: not Hermitian"),
        ("trace(steadystate(cakmak.collective(1), [[x, 0], [0, 1 - x]]))", "[[x, 0]", "is not a density matrix: not positive semidefinite at x = "),
        ("trace(steadystate(cakmak.collective(2), [[1/2, 0], [0, 1/2]]))", "[[1/2, 0]", "it is 2×2; allowed: 4×4 (2^N)"),
        ("trace(steadystate(cakmak.collective(1), basis(2)))", "basis(2)", "invalid initial basis index = 2; allowed: 0 ... 1"),
        ("steadystate(cakmak.collective(1), ground)[2, 0]", "[2, 0]", "index [2, 0] is outside the 2×2 matrix (indices start at 0)"),
        ("multiplicity(rates(cakmak.collective(2)), 0)", "cakmak.collective", "the populations do not evolve on their own"),
        ("steadystate(cakmak.collective(1), ground) + 1", "+ 1", "'+' does not apply to 2×2 matrices and numbers"),
        ("dim(steadystate(cakmak.collective(1), ground))", "dim(", "dim takes a space: dim(steadystates(MODEL))"),
        ("multiplicity(multiset(k, -9223372036854775807, 9223372036854775807, k, 1), 0)", "multiset(k", "multiset over more than 100000 values"),
        ("trace(kron([[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]]))", "kron(", "kron(…) would have more than 2^20 entries"),
        ("abs(generator(mayo.single(1))[0, 0])", "[0, 0]", "which has no value in this method: name it in the model"),
    ]

    @Test("malformed model expressions are errors at file:line:column naming the parameter and the allowed range",
          arguments: malformed.indices)
    func malformedModel(_ index: Int) throws {
        let (claim, needle, message) = Self.malformed[index]
        let text = """
            proof p
            assume 1 < x < 2
            claim \(claim)
              = 1
            """
        let report = try check(text)
        #expect(report.steps.count == 1)
        let step = try #require(report.steps.first)
        #expect(step.outcome == .error, "\(claim): \(step)")
        let column = Self.column(text, line: 3, of: needle)
        #expect(step.detail.contains("test.proof:3:\(column): error:"), "\(claim): \(step.detail)")
        #expect(step.detail.contains(message), "\(claim): \(step.detail)")
    }

    @Test("an unbounded N on a model quantity is an error naming the bounded form")
    func unboundedN() throws {
        let text = """
            proof p
            assume N in 1...
            claim dim(steadystates(cakmak.collective(N)))
              = 1
            """
        let report = try check(text)
        let step = try #require(report.steps.first)
        #expect(step.outcome == .error)
        #expect(step.detail.contains("test.proof:3:\(Self.column(text, line: 3, of: "cakmak")): error:"), "\(step.detail)")
        #expect(step.detail.contains("needs a concrete N") && step.detail.contains("assume N in 1...4"), "\(step.detail)")
    }

    @Test("matrices and multisets compare with '=' only; malformed multisets are errors")
    func relationsAndMultisets() throws {
        let report = try check("""
            proof p
            assume bw > 0
            atom s = exp(-bw/2)
            claim steadystate(cakmak.collective(1), ground)
              <= steadystate(cakmak.collective(1), ground)
            claim rates(mayo.collective(2, y = s^2))
              = multiset(0, 1/2)
            claim rates(mayo.collective(2, y = s^2))
              = multiset(0, 2) + steadystate(cakmak.collective(1), ground)
            """)
        #expect(report.steps.map(\.outcome) == [.error, .error, .error])
        #expect(report.steps[0].detail.contains("compared with '=' only"))
        #expect(report.steps[1].detail.contains("multiplicity 1/2 (allowed: a positive integer)"))
    }

    @Test("model syntax errors carry line and column")
    func parseErrors() {
        for (text, column) in [("claim cakmak.collective(2, y = )", 32), ("claim steadystate(cakmak.collective(2), ground)[1 1]", 51),
                               ("claim [[1, 2], [3, 4]", 22)] {
            do {
                _ = try check("proof p\n" + text)
                Issue.record("\(text) parsed")
            } catch let error as ProofError {
                #expect(error.location.line == 2 && error.location.column == column, "\(text): \(error)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }
}
