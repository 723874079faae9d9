import BigNumerics
import Summation
import Testing

/// Gosper's and Zeilberger's algorithms on sums with known closed forms, and the checker
/// rejecting tampered certificates.
@Suite struct SummationTests {
    typealias K = MultivariateRationalFunction
    let N = K.symbol("N"), k = K.symbol("k"), r = K.symbol("r"), one = K(rational: 1)

    func table() -> AtomTable<K> { AtomTable<K>(integerVariables: ["N", "k"]) }

    @Test func geometricSumByGosper() throws {
        let t = table()
        let f = try t.power(r, "k")
        let (s, steps) = try SymbolicSum.closedForm(f, index: "k", lower: .constant(0), upper: .variable("N"), outer: "N", from: 1, table: t)
        let expected = (one - r * (try t.power(r, "N"))) / (one - r)
        #expect(s == expected)
        #expect(steps.map(\.method) == [.gosper])
    }

    @Test func binomialTheoremByZeilberger() throws {
        let t = table()
        let f = try t.binomial(.variable("N"), .variable("k")) * (try t.power(r, "k"))
        let (s, steps) = try SymbolicSum.closedForm(f, index: "k", lower: .constant(0), upper: .variable("N"), outer: "N", from: 1, table: t)
        #expect(s == (try t.power(one + r, "N")))
        #expect(steps.map(\.method) == [.zeilberger])
    }

    @Test func weightedBinomialSum() throws {
        // Σ k·C(N,k)·r^k = N·r·(1 + r)^(N−1)
        let t = table()
        let f = k * (try t.binomial(.variable("N"), .variable("k"))) * (try t.power(r, "k"))
        let (s, _) = try SymbolicSum.closedForm(f, index: "k", lower: .constant(0), upper: .variable("N"), outer: "N", from: 1, table: t)
        #expect(s == N * r * (try t.power(one + r, "N")) / (one + r))
    }

    @Test func polynomialTimesGeometric() throws {
        // Σ_{k=1}^{N−1} k r^k against the direct sum at N = 1…6 (r = 1/3).
        let t = table()
        let f = k * (try t.power(r, "k"))
        let (s, _) = try SymbolicSum.closedForm(f, index: "k", lower: .constant(1), upper: LinearForm(["N": 1], constant: -1), outer: "N", from: 1, table: t)
        for n in 1...6 {
            let atN = try t.specialize(s, "N", to: .constant(n))
            let value = try atN.evaluate(["r": BigRational(1) / 3])
            var direct = BigRational(0)
            if n >= 2 { for j in 1...(n - 1) { direct = direct + BigRational(j) * (try (BigRational(1) / 3).power(j)) } }
            #expect(value == direct)
        }
    }

    @Test func tamperedCertificatesFail() throws {
        let t = table()
        let bin = try t.binomial(.variable("N"), .variable("k"))
        let split = try HypergeometricTerm.split(bin * (try t.power(r, "k")), index: "k", table: t)
        #expect(split.count == 1)
        let f = split[0].element()       // r^k/(k!(N−k)!): N! is outside the sum
        let c = try #require(try CreativeTelescoping.search(split[0], index: "k", outer: "N", order: 1, table: t))
        #expect(try CertificateCheck.telescopes(f, c, table: t))
        let wrongR = TelescopingCertificate(sigma: c.sigma, rational: c.rational + one, index: "k", outer: "N")
        #expect(try !CertificateCheck.telescopes(f, wrongR, table: t))
        let wrongSigma = TelescopingCertificate(sigma: [c.sigma[0] + one, c.sigma[1]], rational: c.rational, index: "k", outer: "N")
        #expect(try !CertificateCheck.telescopes(f, wrongSigma, table: t))
    }

    @Test func nonHypergeometricSummandIsRejected() throws {
        let t = table()
        let f = one / (one + k * k)
        #expect(throws: SummationError.self) {
            _ = try SymbolicSum.closedForm(f, index: "k", lower: .constant(0), upper: .variable("N"), outer: "N", from: 1, table: t)
        }
    }

    @Test func polesOfTheCertificateOnTheRange() throws {
        let t = table()
        let range = (lower: LinearForm.constant(0), upper: LinearForm.variable("N"))
        // A pole at k = 3 lies in 0…N for N ≥ 3: rejected.
        #expect(throws: SummationError.self) {
            _ = try CertificateCheck.finiteOnRange(one / (k - K(rational: 3)), index: "k", lower: range.lower, upper: range.upper,
                                                   outer: "N", from: 1, table: t)
        }
        // A pole at k = −1 is outside: accepted.
        _ = try CertificateCheck.finiteOnRange(one / (k + one), index: "k", lower: range.lower, upper: range.upper, outer: "N", from: 1, table: t)
        // k = N + 1 is a pole of the rational part that 1/(N − k)! absorbs: accepted, and said so.
        let absorbed = one / ((N - k + one) * (try t.factorial(LinearForm(["N": 1, "k": -1]))))
        let note = try CertificateCheck.finiteOnRange(absorbed, index: "k", lower: range.lower, upper: LinearForm(["N": 1], constant: 1),
                                                      outer: "N", from: 1, table: t)
        #expect(note.contains("removable"))
    }
}
