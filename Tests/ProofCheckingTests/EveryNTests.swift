import BigNumerics
import ProofChecking
import Testing

/// The every-N route: certificates for unbounded ranges, and each way it must refuse.
@Suite("Every N (certificates)")
struct EveryNTests {
    @Test("a correct sum is proven for every N with the method named per step")
    func provenForEveryN() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < r < 1
            claim sum(k, 0, N, binomial(N, k)*r^k)
              = (1 + r)^N
            claim sum(k, 0, N, k*r^k)
              = r*(1 - (N + 1)*r^N + N*r^(N + 1))/(1 - r)^2
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed])
        #expect(report.steps.map(\.method) == [.certificate, .certificate])
        #expect(report.steps[0].detail.contains("Zeilberger order 1") && report.steps[0].detail.contains("every N ≥ 1"))
        #expect(report.steps[1].detail.contains("Gosper"))
    }

    @Test("a closed form off by one term fails for every N, with a counterexample")
    func offByOne() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < r < 1
            claim sum(k, 0, N, r^k)
              = (1 - r^(N + 2))/(1 - r)
            """)
        #expect(report.steps.map(\.outcome) == [.failed])
        #expect(report.steps[0].method == .certificate)
        #expect(report.steps[0].detail.hasPrefix("false:"))
    }

    @Test("a closed form with the right recurrence but a wrong initial value fails")
    func wrongInitialValue() throws {
        // (1 + r)^(N+1) satisfies S(N+1) = (1 + r) S(N), as the sum does; only S(1) differs.
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < r < 1
            claim sum(k, 0, N, binomial(N, k)*r^k)
              = (1 + r)^(N + 1)
            """)
        #expect(report.steps.map(\.outcome) == [.failed])
    }

    @Test("an exact limit for every N by l'Hôpital's rule, and a wrong one fails")
    func limits() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < r < 1
            claim (r^(N + 1) - 1)/(r - 1)
              -> N + 1 as r -> 1
            claim (r^(N + 1) - 1)/(r - 1)
              -> N as r -> 1
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
    }

    @Test("termwise positivity proves an inequality for every N and refuses a false one")
    func inequalities() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < y <= 1
            claim (1 + y)^N - 1 - N*y
              = sum(i, 2, N, binomial(N, i)*y^i)
              >= 0
            claim sum(k, 0, N, y^k)
              >= N + 2
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed, .failed])
        #expect(report.steps[1].method == .termwise)
    }

    @Test("typed errors with locations: unbounded range the method cannot handle, missing domain, size limit")
    func errors() throws {
        let report = try check("""
            proof p
            assume N in 1...
            assume 0 < r < 1
            claim sum(k, 0, N, 1/(1 + k^2))
              = 1
            claim sum(k, 0, N, x^k)
              = 1
            claim (1 + r)^5000*r^N
              = 1
            """)
        #expect(report.steps.map(\.outcome) == [.error, .error, .error])
        #expect(report.steps[0].detail.contains("test.proof:5:3") && report.steps[0].detail.contains("unbounded")
                && report.steps[0].detail.contains("enumeration"))
        #expect(report.steps[1].detail.contains("x has no domain"))
        #expect(report.steps[2].detail.contains("limit"))
    }

    @Test("the unbounded range parses; a bounded range keeps enumeration")
    func boundedKeepsEnumeration() throws {
        let report = try check("""
            proof p
            assume N in 1...8
            assume 0 < r < 1
            claim sum(k, 0, N, binomial(N, k)*r^k)
              = (1 + r)^N
            """)
        #expect(report.steps[0].method == .exactIdentity && report.steps[0].detail.contains("N = 1…8"))
    }

    @Test("the README's example holds as printed")
    func readmeExample() throws {
        let report = try check("""
            proof cakmak.eq15
            assume N in 1...
            assume 0 < r < 1
            let p(k) = binomial(N, k)
            let d(k) = (1 - r)*r^k/((1 - r^(N + 1))*p(k))
            claim sum(k, 0, N, d(k)*p(k)*(p(k) - 1))
              = (r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1
              -> (2^N - N - 1)/(N + 1) as r -> 1
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .passed])
        #expect(report.steps[0].detail.contains("Zeilberger") && report.steps[0].detail.contains("Gosper"))
        #expect(report.steps[1].detail.contains("l'Hôpital"))
    }

    @Test("a binomial sum plus a one-signed polynomial is signed; a mixed-sign polynomial is not")
    func sumPlusPolynomial() throws {
        let report = try check("""
            proof p
            assume N in 9...
            assume 0 < y <= 1
            claim 64*sum(j, 3, N - 7, binomial(N - 7, j)) + (64*(1 + (N - 7) + (N - 7)*(N - 8)/2) - N^2)
              > 0
            claim sum(k, 0, N, y^k) + (N - 12)
              >= 0
            """)
        #expect(report.steps.map(\.outcome) == [.passed, .failed])
        #expect(report.steps[1].detail.hasPrefix("false:"))
    }
}
