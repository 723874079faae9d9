import BigNumerics
import ClosedForms
import RealModule
import Testing

/// The limits and bounds the papers state, asserted exactly (rational y, rational r,
/// RationalFunction limits) or on rigorous MPFI enclosures.
@Suite("Analytic limits and bounds")
struct LimitTests {
    // MARK: Mayo Eq. (9)

    @Test("Mayo Eq. (9): 2 <= Γ <= 4 (exact on a dense grid of y = e^{−βω/2} ∈ (0, 1], with Γ(y=1) = 2 and Γ → 4 as y → 0)")
    func eq9Bounds() throws {
        for y in openUnitGrid(200) + [1] {
            let g = Mayo.advantageEq9(BoltzmannFactor(y: y))
            #expect(g >= 2 && g <= 4)
        }
        #expect(try Mayo.advantageEq9(ySymbol).limit(at: 1) == 2)
        #expect(try Mayo.advantageEq9(ySymbol).limit(at: 0) == 4)
    }

    // MARK: Mayo Eq. (11)

    @Test("Mayo Eq. (11): Γ <= N² for all β (exact: N² − Γ has a numerator with non-negative coefficients), Γ → N² as βω → ∞", arguments: 1...16)
    func eq11Bound(N: Int) throws {
        let n2 = RationalFunction(BigRational(N * N))
        let gap = n2 - Mayo.advantageSafe(N: N, ySymbol)
        // Denominator (1 + y²)^N is positive; numerator N²((1+y²)^N − 1 − y^{2N}) has coefficients >= 0.
        #expect(gap.numerator.coefficients.allSatisfy { $0 >= 0 })
        #expect(gap.denominator.evaluate(at: BigRational(0)) > 0 && gap.denominator.coefficients.allSatisfy { $0 >= 0 })
        #expect(try Mayo.advantageSafe(N: N, ySymbol).limit(at: 0) == BigRational(N * N))
    }

    @Test("Mayo Eq. (11) on a dense βω grid: 0 <= N² − Γ <= N²(e^{N e^{−βω}} − 1) (rigorous enclosures)", arguments: 1...16)
    func eq11Grid(N: Int) throws {
        let formula = try Catalogue.formula(id: "mayo.gamma")
        let n2 = BigInterval(N * N)
        for tenths in stride(from: 0, through: 400, by: 5) {
            let betaOmega = BigRational(tenths) / 10
            let gamma = try formula.enclosure(["N": BigRational(N), "beta": betaOmega, "omega": 1], precisionBits: 256)
            let gap = try atPrecision(256) { () -> (BigInterval, BigInterval) in
                let bound = n2 * BigInterval.expMinusOne(BigInterval(N) * BigInterval.exp(-BigInterval(betaOmega)))
                return (n2 - gamma, bound)
            }
            #expect(!gap.0.isCertainlyNegative, "Γ > N² at N = \(N), βω = \(betaOmega)")
            #expect(!(gap.1 < gap.0), "N² − Γ above its bound at N = \(N), βω = \(betaOmega)")
        }
        // "reached around βω ≈ 10" for N ≤ 5: within 1% of N² at βω = 10.
        if N <= 5 {
            let g = try formula.enclosure(["N": BigRational(N), "beta": 10, "omega": 1], precisionBits: 128)
            let ninetyNinePercent = try atPrecision(128) { BigInterval(N * N) * BigInterval(BigRational(99) / 100) }
            #expect(ninetyNinePercent < g)
        }
    }

    @Test("Mayo high-temperature value: Γ(N, β → 0) = 2N²/2^N exactly; below 1 (collective slower) exactly from N = 7", arguments: 1...16)
    func highTemperature(N: Int) throws {
        let value = try Mayo.advantageSafe(N: N, ySymbol).limit(at: 1)
        #expect(value == BigRational(2 * N * N) / BigRational(BigInt(2).power(UInt(N))))
        #expect((value < 1) == (N >= 7))
        let e = try Catalogue.formula(id: "mayo.gamma").evaluate(["N": BigRational(N), "beta": 0, "omega": 1], digits: 30)
        #expect(e.value == (try value.formatted(significantDigits: 30)))
    }

    @Test("Mayo Γ(N, β, δ) through charging times: equals Eq. (9) at N = 2 and stays below Γ(N, β) <= N²", arguments: [2, 3, 5])
    func chargingTimeAdvantage(N: Int) throws {
        let viaTimes = try Catalogue.formula(id: "mayo.gamma.delta")
        let extreme = try Catalogue.formula(id: "mayo.gamma")
        for beta in ["1/2", "1", "3", "10"] {
            let gd = try viaTimes.enclosure(["N": BigRational(N), "beta": q(beta), "omega": 1, "delta": q("1/100")], precisionBits: 128)
            let g = try extreme.enclosure(["N": BigRational(N), "beta": q(beta), "omega": 1], precisionBits: 128)
            if N == 2 {
                // One non-trivial time-scale: the two must overlap (identical values).
                #expect(!(gd < g) && !(g < gd))
            } else {
                #expect(!(g < gd), "Γ_δ above τ∥/τ₀ at N = \(N), β = \(beta)")
            }
            #expect(!(BigInterval(N * N) < gd))
        }
    }

    // MARK: Çakmak two qubits

    @Test("Çakmak Eq. (12) step: the ordering flips at c = 3/4 (W = 0 there), Eq. (11) at c = 1/2")
    func stepPoints() throws {
        #expect(try Catalogue.formula(id: "cakmak.eq12").exactValue(["c": q("3/4"), "omega": 1]) == 0)
        #expect(try Catalogue.formula(id: "cakmak.eq11").exactValue(["c": q("1/2"), "omega": 1]) == 0)
        #expect(try Catalogue.formula(id: "cakmak.eq11").exactValue(["c": q("49/100"), "omega": 1]) == q("1/50"))
    }

    @Test("Çakmak Appendix A: (A2), (A3) and corrected (A1) thresholds agree with direct eigenvalue comparison")
    func appendixAThresholds() throws {
        // Just below / above each threshold the sign of the eigenvalue gap must flip as stated.
        func gaps(c: BigRational, omega: BigRational, beta: BigInterval) -> [BigInterval] {
            Cakmak.eigenvalueGaps(c: BigInterval(c), BoltzmannFactor(theta: beta * BigInterval(omega)))
        }
        let shift = BigRational(1) / 1_000_000
        try atPrecision(200) {
            for (c, omega) in [(q("3/5"), q("2")), (q("2/3"), q("1/2")), (q("7/10"), q("1"))] {
                let t = try Catalogue.formula(id: "cakmak.eqA1.corrected").enclosure(["c": c, "omega": omega], precisionBits: 200)
                #expect(gaps(c: c, omega: omega, beta: t + BigInterval(shift))[0].isCertainlyPositive)
                #expect(gaps(c: c, omega: omega, beta: t - BigInterval(shift))[0].isCertainlyNegative)
            }
            for (c, omega) in [(q("4/5"), q("1")), (q("9/10"), q("2")), (q("19/20"), q("1/2"))] {
                let t2 = try Catalogue.formula(id: "cakmak.eqA2").enclosure(["c": c, "omega": omega], precisionBits: 200)
                #expect(gaps(c: c, omega: omega, beta: t2 - BigInterval(shift))[1].isCertainlyPositive)
                #expect(gaps(c: c, omega: omega, beta: t2 + BigInterval(shift))[1].isCertainlyNegative)
                let t3 = try Catalogue.formula(id: "cakmak.eqA3").enclosure(["c": c, "omega": omega], precisionBits: 200)
                #expect(gaps(c: c, omega: omega, beta: t3 - BigInterval(shift))[2].isCertainlyPositive)
                #expect(gaps(c: c, omega: omega, beta: t3 + BigInterval(shift))[2].isCertainlyNegative)
                // "the ordering among the second, third and fourth eigenvalues remains the same".
                let l = Cakmak.spectrumEq9(c: BigInterval(c), BoltzmannFactor(theta: t2 * BigInterval(omega)))
                #expect(l[2] < l[1] && l[3] < l[2])
            }
        }
    }

    // MARK: Çakmak N qubits

    @Test("Çakmak: p_k d_k > p_{k+1} d_{k+1} (exact, rational r)", arguments: 1...16)
    func blockEigenvaluesDecrease(N: Int) {
        for r in openUnitGrid(16) {
            let values = (0...N).map { Cakmak.blockEigenvalue(N: N, k: $0, r: r) }
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
            #expect(values.reduce(BigRational(0), +) == 1)
        }
    }

    @Test("Çakmak Eqs. (15), (16): C_l1 and W vanish as r → 0 and rise to the stated r → 1 values", arguments: [1, 2, 7, 64])
    func groundStateLimits(N: Int) throws {
        let c = Cakmak.coherenceEq15(N: N, r: rSymbol), w = Cakmak.ergotropyEq16(N: N, r: rSymbol, omega: 1)
        #expect(try c.limit(at: 0) == 0 && w.limit(at: 0) == 0)
        #expect(try c.limit(at: 1) == (BigRational(BigInt(2).power(UInt(N))) - BigRational(N + 1)) / BigRational(N + 1))
        #expect(try w.limit(at: 1) == BigRational(N * (N - 1)) / BigRational(2 * (N + 1)))
        // Small r: |C_l1| <= 2^N r (the leading term is (2^N... ) r); checked exactly at r = 10⁻⁹.
        let small = q("1/1000000000")
        #expect(Cakmak.coherenceEq15(N: N, r: small).magnitude <= BigRational(BigInt(2).power(UInt(N))) * small)
    }

    // MARK: Efficiencies

    @Test("Mayo: η = 1/(1 + α) from the energy bookkeeping of one collision (Q = αΔE, W = (1 + α)ΔE); η(1) = 1/2")
    func chargingEfficiency() throws {
        for alpha in openUnitGrid(10) + [1, 2, 10] {
            let deltaE = BigRational(1)
            let heat = alpha * deltaE, work = (1 + alpha) * deltaE
            #expect(try Catalogue.formula(id: "mayo.efficiency").exactValue(["alpha": alpha]) == 1 - heat / work)
        }
        #expect(try Catalogue.formula(id: "mayo.efficiency").exactValue(["alpha": 1]) == q("1/2"))
    }

    @Test("Mayo Appendix A, η <= η_Otto at weak coupling: fails for the printed η at ε = 1/4, β_hω_h = 3; holds for the corrected η on the whole grid")
    func weakCouplingBelowOtto() throws {
        let printed = try Catalogue.formula(id: "mayo.weak-coupling-efficiency")
        let corrected = try Catalogue.formula(id: "mayo.weak-coupling-efficiency.corrected")
        let otto = try Catalogue.formula(id: "mayo.efficiency.otto")
        var printedViolations: [String] = []
        for eps in ["1/100", "1/10", "1/4"] {
            for (omegaH, betaH) in [("3/2", "1/10"), ("2", "1/2"), ("3", "1"), ("3/2", "1")] {
                let values: [String: BigRational] = ["omega_c": 1, "omega_h": q(omegaH), "epsilon": q(eps), "beta_c": 10, "beta_h": q(betaH)]
                let bound = try atPrecision(128) { BigInterval(try otto.exactValue(["omega_c": 1, "omega_h": q(omegaH)]) ?? 0) }
                let c = try corrected.enclosure(values, precisionBits: 128)
                #expect(c < bound, "corrected η not below η_Otto at \(values)")
                let p = try printed.enclosure(values, precisionBits: 128)
                if !(p < bound) { printedViolations.append("ε=\(eps) ω_h=\(omegaH) β_h=\(betaH)") }
            }
        }
        #expect(printedViolations == ["ε=1/4 ω_h=3 β_h=1"])
    }
}
