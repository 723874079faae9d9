import BigNumerics
import RealModule

/// Çakmak's formulas in the catalogue. Each entry references the one generic definition in
/// `Cakmak/*.swift`; the closures below only bind parameters (y = e^{−βω} for temperatures).
extension Catalogue {
    // MARK: Parameter helpers

    static func cakmakFactor<T: TranscendentalField>(_ a: Arguments<T>) -> BoltzmannFactor<T> {
        BoltzmannFactor(theta: a[.beta] * a[.omega])
    }

    static let betaParameter = Parameter(.beta, .closed(0, 1000))
    /// Çakmak sets ω = 1 in every figure, so ω defaults to 1 (energies in units of ω).
    static let omegaParameter = Parameter(.omega, .real(lower: Bound(0, inclusive: false), upper: Bound(1000, inclusive: true)), default: 1)
    static let rParameter = Parameter(.r, .open(0, 1))
    static let nClosed = Parameter(.N, .integer(1...4096))
    static let nSum = Parameter(.N, .integer(1...1024))
    static let kNotAboveN = Constraint("k <= N") { v in (v[.k] ?? 0) <= (v[.N] ?? 0) }

    // MARK: Generic bindings (one per formula)

    static func cakmakNbar<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        // n̄ = 1/expm1(βω): the expm1 avoids the cancellation of y/(1 − y) at small βω.
        1 / T.expMinusOne(a[.beta] * a[.omega])
    }
    static func cakmakR<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.ratio(nbar: a[.nbar]) }
    static func cakmakZPlus<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Cakmak.zPlus(cakmakFactor(a)) }
    static func cakmakEq8<T: TranscendentalField>(_ a: Arguments<T>) throws -> T where T.Magnitude == T {
        Cakmak.coherenceEq8SignedFirstForm(c: a[.c], cakmakFactor(a)).magnitude
    }
    static func cakmakEq8Cosh<T: TranscendentalField>(_ a: Arguments<T>) throws -> T where T.Magnitude == T {
        Cakmak.coherenceEq8SignedSecondForm(c: a[.c], cakmakFactor(a)).magnitude
    }
    static func cakmakEq10<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Cakmak.ergotropyEq10LowCSafe(c: a[.c], omega: a[.omega], cakmakFactor(a))
    }
    static func cakmakEq10C1<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Cakmak.ergotropyEq10CEqualsOne(omega: a[.omega], cakmakFactor(a))
    }
    static func cakmakEq10C1Corrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Cakmak.ergotropyEq10CEqualsOneCorrected(omega: a[.omega], cakmakFactor(a))
    }
    static func cakmakEq11<F: RationalField>(_ a: Arguments<F>) throws -> F {
        Cakmak.ergotropyEq11(c: a[.c], omega: a[.omega], exactC: a.exact[.c] ?? 0)
    }
    static func cakmakEq12<F: RationalField>(_ a: Arguments<F>) throws -> F {
        Cakmak.ergotropyEq12(c: a[.c], omega: a[.omega], exactC: a.exact[.c] ?? 0)
    }
    static func cakmakEq12Coherence<F: RationalField>(_ a: Arguments<F>) throws -> F where F.Magnitude == F {
        Cakmak.coherenceEq12Signed(c: a[.c]).magnitude
    }
    static func cakmakA1<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Cakmak.thresholdA1(c: a[.c]) }
    static func cakmakA1Corrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Cakmak.thresholdA1Corrected(c: a[.c], omega: a[.omega])
    }
    static func cakmakA2<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Cakmak.thresholdA2(c: a[.c], omega: a[.omega]) }
    static func cakmakA3<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Cakmak.thresholdA3(c: a[.c], omega: a[.omega]) }
    static func cakmakEq14<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.blockEntry(N: a.int(.N), k: a.int(.k), r: a[.r]) }
    static func cakmakB2<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.blockEigenvalue(N: a.int(.N), k: a.int(.k), r: a[.r]) }
    static func cakmakEq15<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.coherenceEq15(N: a.int(.N), r: a[.r]) }
    static func cakmakEq15Sum<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.coherenceEq15Sum(N: a.int(.N), r: a[.r]) }
    static func cakmakEq15Limit<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.coherenceEq15HighTemperature(N: a.int(.N)) }
    static func cakmakEq16<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.ergotropyEq16(N: a.int(.N), r: a[.r], omega: a[.omega]) }
    static func cakmakEq16Sum<F: RationalField>(_ a: Arguments<F>) throws -> F { Cakmak.ergotropyEq16Sum(N: a.int(.N), r: a[.r], omega: a[.omega]) }
    static func cakmakEq16Limit<F: RationalField>(_ a: Arguments<F>) throws -> F {
        Cakmak.ergotropyEq16HighTemperature(N: a.int(.N), omega: a[.omega])
    }

    /// The exact limit of Eq. (15)'s closed form as r → r₀ (RationalFunction normalisation
    /// removes the removable singularity at r = 1), brought into F.
    static func eq15Limit<F: RationalField>(N: Int, at r0: BigRational) throws -> F {
        F(rational: try Cakmak.coherenceEq15(N: N, r: RationalFunction.x).limit(at: r0))
    }
    static func cakmakFig2Caption<F: RationalField>(_ a: Arguments<F>) throws -> F { try eq15Limit(N: a.int(.N), at: 0) }
    static func cakmakFig2CaptionCorrected<F: RationalField>(_ a: Arguments<F>) throws -> F { try eq15Limit(N: a.int(.N), at: 1) }

    // MARK: Entries

    static var cakmak: [Formula] {
        let twoQubit = "Sec. IV A"
        let ground = "Sec. IV B 1"
        let cbeta: [[ParameterName: String]] = [
            [.c: "1/4", .beta: "1", .omega: "1"], [.c: "0", .beta: "1/100", .omega: "1"],
            [.c: "2/5", .beta: "10", .omega: "3/2"], [.c: "1/10", .beta: "1000", .omega: "1"]]
        let betaOnly: [[ParameterName: String]] = [
            [.beta: "1/100", .omega: "1"], [.beta: "1", .omega: "1"], [.beta: "10", .omega: "1"], [.beta: "1000", .omega: "1"]]
        let nr: [[ParameterName: String]] = [[.N: "2", .r: "1/3"], [.N: "5", .r: "1/3"], [.N: "7", .r: "99/100"], [.N: "64", .r: "1/2"]]
        let nrw: [[ParameterName: String]] = nr.map { var c = $0; c[.omega] = "1"; return c }
            + [[.N: "5", .r: "1/3", .omega: "3/2"]]
        return [
            Formula("cakmak.eq6.nbar", paper: .cakmak, equation: "below Eq. (6)", section: "Sec. III",
                    expression: "nbar = 1/(exp(beta*omega) - 1)",
                    parameters: [Parameter(.beta, .openClosed(0, 1000)), omegaParameter],
                    implementation: .transcendental(interval: cakmakNbar, double: cakmakNbar),
                    referenceCases: [[.beta: "1/100", .omega: "1"], [.beta: "1", .omega: "1"], [.beta: "30", .omega: "1"]]),
            Formula("cakmak.eq14.r", paper: .cakmak, equation: "below Eq. (14)", section: ground,
                    expression: "r = nbar/(nbar + 1)   (printed \"r = n̄/n̄ + 1\"; the evident reading)",
                    parameters: [Parameter(.nbar, .positive)],
                    implementation: .rational(exact: cakmakR, interval: cakmakR, double: cakmakR, symbolic: cakmakR),
                    referenceCases: [[.nbar: "1"], [.nbar: "1/3"], [.nbar: "100"]]),
            Formula("cakmak.eq7.z-plus", paper: .cakmak, equation: "Eq. (7)", section: twoQubit,
                    expression: "Z+ = 1 + exp(-omega*beta) + exp(-2*omega*beta)",
                    parameters: [betaParameter, omegaParameter],
                    implementation: .transcendental(interval: cakmakZPlus, double: cakmakZPlus),
                    referenceCases: betaOnly),
            Formula("cakmak.eq8", paper: .cakmak, equation: "Eq. (8)", section: twoQubit,
                    expression: "C_l1 = |c*Z/Z+ - 1|, Z = 1 + 2exp(-omega*beta) + exp(-2*omega*beta)",
                    parameters: [Parameter(.c, .closed(0, 1)), betaParameter, omegaParameter],
                    implementation: .transcendental(interval: cakmakEq8, double: cakmakEq8),
                    referenceCases: cbeta + [[.c: "9/10", .beta: "1", .omega: "1"]]),
            Formula("cakmak.eq8.cosh", paper: .cakmak, equation: "Eq. (8), second form", section: twoQubit,
                    expression: "C_l1 = |-1 + c + c/(1 + 2cosh(beta*omega))|",
                    parameters: [Parameter(.c, .closed(0, 1)), betaParameter, omegaParameter],
                    implementation: .transcendental(interval: cakmakEq8Cosh, double: cakmakEq8Cosh),
                    referenceCases: cbeta),
            Formula("cakmak.eq10", paper: .cakmak, equation: "Eq. (10), case 0 <= c < 1/2", section: twoQubit,
                    expression: "W = omega*(1 - c*(1 + 3cosh(beta*omega) + sinh(beta*omega))/(1 + 2cosh(beta*omega)))",
                    parameters: [Parameter(.c, .halfOpen(0, BigRational(1) / 2)), betaParameter, omegaParameter],
                    implementation: .transcendental(interval: cakmakEq10, double: cakmakEq10),
                    referenceCases: cbeta),
            Formula("cakmak.eq10.c1", paper: .cakmak, equation: "Eq. (10), case c = 1", section: twoQubit,
                    expression: "W = omega/(1 + exp(-omega*beta) + exp(-2*omega*beta))",
                    parameters: [betaParameter, omegaParameter],
                    implementation: .transcendental(interval: cakmakEq10C1, double: cakmakEq10C1),
                    referenceCases: betaOnly),
            Formula("cakmak.eq10.c1.corrected", paper: .cakmak, equation: "Eq. (10), case c = 1", section: twoQubit,
                    expression: "W = omega/(1 + exp(omega*beta) + exp(2*omega*beta))",
                    parameters: [betaParameter, omegaParameter], status: .corrected(erratum: "cakmak.eq10.c1"),
                    implementation: .transcendental(interval: cakmakEq10C1Corrected, double: cakmakEq10C1Corrected),
                    referenceCases: betaOnly),
            Formula("cakmak.eq11", paper: .cakmak, equation: "Eq. (11)", section: twoQubit,
                    expression: "beta -> infinity: W = omega*(1 - 2c) for c < 1/2, 0 for 1/2 <= c <= 1",
                    parameters: [Parameter(.c, .closed(0, 1)), omegaParameter],
                    implementation: .rational(exact: cakmakEq11, interval: cakmakEq11, double: cakmakEq11, symbolic: cakmakEq11),
                    referenceCases: [[.c: "1/4", .omega: "1"], [.c: "1/2", .omega: "1"], [.c: "3/4", .omega: "1"]]),
            Formula("cakmak.eq12", paper: .cakmak, equation: "Eq. (12)", section: twoQubit,
                    expression: "beta -> 0: W = omega*(1 - 4c/3) for c < 3/4, 0 at c = 3/4, omega*(4c/3 - 1) for c > 3/4",
                    parameters: [Parameter(.c, .closed(0, 1)), omegaParameter],
                    implementation: .rational(exact: cakmakEq12, interval: cakmakEq12, double: cakmakEq12, symbolic: cakmakEq12),
                    referenceCases: [[.c: "1/4", .omega: "1"], [.c: "3/4", .omega: "1"], [.c: "9/10", .omega: "1"]]),
            Formula("cakmak.eq12.coherence", paper: .cakmak, equation: "text after Eq. (12)", section: twoQubit,
                    expression: "beta -> 0: C_l1 = |-1 + 4c/3|",
                    parameters: [Parameter(.c, .closed(0, 1))],
                    implementation: .rational(exact: cakmakEq12Coherence, interval: cakmakEq12Coherence, double: cakmakEq12Coherence, symbolic: cakmakEq12Coherence),
                    referenceCases: [[.c: "1/4"], [.c: "9/10"]]),
            Formula("cakmak.eqA1", paper: .cakmak, equation: "Eq. (A1)", section: "Appendix A",
                    expression: "beta* = log((sqrt((-7c^2+10c-3)/(2c-1)^2)*(2c-1) - c + 1)/(2(2c-1)))   (no 1/omega)",
                    parameters: [Parameter(.c, .openClosed(BigRational(1) / 2, BigRational(3) / 4))],
                    implementation: .transcendental(interval: cakmakA1, double: cakmakA1),
                    referenceCases: [[.c: "3/5"], [.c: "2/3"], [.c: "3/4"]]),
            Formula("cakmak.eqA1.corrected", paper: .cakmak, equation: "Eq. (A1)", section: "Appendix A",
                    expression: "beta* = log((sqrt((-7c^2+10c-3)/(2c-1)^2)*(2c-1) - c + 1)/(2(2c-1)))/omega",
                    parameters: [Parameter(.c, .openClosed(BigRational(1) / 2, BigRational(3) / 4)), omegaParameter],
                    status: .corrected(erratum: "cakmak.eqA1"),
                    implementation: .transcendental(interval: cakmakA1Corrected, double: cakmakA1Corrected),
                    referenceCases: [[.c: "3/5", .omega: "1"], [.c: "3/5", .omega: "2"], [.c: "2/3", .omega: "1/2"]]),
            Formula("cakmak.eqA2", paper: .cakmak, equation: "Eq. (A2)", section: "Appendix A",
                    expression: "beta* = log((sqrt((4c-3)/(c-1)^2)*(c-1) - 2c + 1)/(2(c-1)))/omega",
                    parameters: [Parameter(.c, .open(BigRational(3) / 4, 1)), omegaParameter],
                    implementation: .transcendental(interval: cakmakA2, double: cakmakA2),
                    referenceCases: [[.c: "4/5", .omega: "1"], [.c: "9/10", .omega: "2"]]),
            Formula("cakmak.eqA3", paper: .cakmak, equation: "Eq. (A3)", section: "Appendix A",
                    expression: "beta* = log((sqrt((3-7c)/(c-1)) - 1)/2)/omega",
                    parameters: [Parameter(.c, .open(BigRational(3) / 4, 1)), omegaParameter],
                    implementation: .transcendental(interval: cakmakA3, double: cakmakA3),
                    referenceCases: [[.c: "4/5", .omega: "1"], [.c: "9/10", .omega: "2"]]),
            Formula("cakmak.eq14", paper: .cakmak, equation: "Eq. (14)", section: ground,
                    expression: "d_k = (1 - r) r^k / ((1 - r^(N+1)) p_k), p_k = C(N, k)",
                    parameters: [nClosed, Parameter(.k, .integer(0...4096)), rParameter], constraints: [kNotAboveN],
                    implementation: .rational(exact: cakmakEq14, interval: cakmakEq14, double: cakmakEq14, symbolic: cakmakEq14),
                    referenceCases: [[.N: "5", .k: "2", .r: "1/3"], [.N: "64", .k: "32", .r: "1/2"]]),
            Formula("cakmak.eqB2", paper: .cakmak, equation: "Eq. (B2)", section: "Appendix B",
                    expression: "r_(k+1) = p_k d_k = (1 - r) r^k/(1 - r^(N+1))",
                    parameters: [nClosed, Parameter(.k, .integer(0...4096)), rParameter], constraints: [kNotAboveN],
                    implementation: .rational(exact: cakmakB2, interval: cakmakB2, double: cakmakB2, symbolic: cakmakB2),
                    referenceCases: [[.N: "5", .k: "2", .r: "1/3"], [.N: "64", .k: "32", .r: "1/2"]]),
            Formula("cakmak.eq15", paper: .cakmak, equation: "Eq. (15)", section: ground,
                    expression: "C_l1 = (r - 1)(r + 1)^N/(r^(N+1) - 1) - 1",
                    parameters: [nClosed, rParameter],
                    implementation: .rational(exact: cakmakEq15, interval: cakmakEq15, double: cakmakEq15, symbolic: cakmakEq15),
                    referenceCases: nr),
            Formula("cakmak.eq15.sum", paper: .cakmak, equation: "Eq. (15), sum form", section: ground,
                    expression: "C_l1 = sum_{k=0}^{N} d_k p_k (p_k - 1)",
                    parameters: [nSum, rParameter],
                    implementation: .rational(exact: cakmakEq15Sum, interval: cakmakEq15Sum, double: cakmakEq15Sum, symbolic: cakmakEq15Sum),
                    referenceCases: nr),
            Formula("cakmak.eq15.limit", paper: .cakmak, equation: "text after Eq. (15)", section: ground,
                    expression: "r -> 1: C_l1 = (2^N - N - 1)/(N + 1)",
                    parameters: [nClosed],
                    implementation: .rational(exact: cakmakEq15Limit, interval: cakmakEq15Limit, double: cakmakEq15Limit, symbolic: cakmakEq15Limit),
                    referenceCases: [[.N: "2"], [.N: "7"], [.N: "64"]]),
            Formula("cakmak.eq16", paper: .cakmak, equation: "Eq. (16)", section: ground,
                    expression: "W = omega*(N + (N + r)/(r^(N+1) - 1) + r/(1 - r))",
                    parameters: [nClosed, rParameter, omegaParameter],
                    implementation: .rational(exact: cakmakEq16, interval: cakmakEq16, double: cakmakEq16, symbolic: cakmakEq16),
                    referenceCases: nrw),
            Formula("cakmak.eq16.sum", paper: .cakmak, equation: "Eq. (16), sum form", section: ground,
                    expression: "W = sum_{k=1}^{N-1} k p_(k+1) d_(k+1) omega",
                    parameters: [nSum, rParameter, omegaParameter],
                    implementation: .rational(exact: cakmakEq16Sum, interval: cakmakEq16Sum, double: cakmakEq16Sum, symbolic: cakmakEq16Sum),
                    referenceCases: nrw),
            Formula("cakmak.eq16.limit", paper: .cakmak, equation: "text after Eq. (16)", section: ground,
                    expression: "r -> 1: W = omega*N(N - 1)/(2(N + 1))",
                    parameters: [nClosed, omegaParameter],
                    implementation: .rational(exact: cakmakEq16Limit, interval: cakmakEq16Limit, double: cakmakEq16Limit, symbolic: cakmakEq16Limit),
                    referenceCases: [[.N: "2", .omega: "1"], [.N: "7", .omega: "1"], [.N: "64", .omega: "3/2"]]),
            Formula("cakmak.fig2.caption", paper: .cakmak, equation: "Fig. 2 (and Fig. 3) caption with Eq. (15)", section: ground,
                    expression: "C_l1 of Eq. (15) in the limit the caption names, \"high temperature limit, beta -> infinity\": r = e^(-beta omega) -> 0",
                    parameters: [Parameter(.N, .integer(1...64))],
                    implementation: .rational(exact: cakmakFig2Caption, interval: cakmakFig2Caption, double: cakmakFig2Caption, symbolic: cakmakFig2Caption),
                    referenceCases: [[.N: "2"], [.N: "7"]]),
            Formula("cakmak.fig2.caption.corrected", paper: .cakmak, equation: "Fig. 2 (and Fig. 3) caption with Eq. (15)", section: ground,
                    expression: "C_l1 of Eq. (15) in the high-temperature limit beta -> 0: r -> 1",
                    parameters: [Parameter(.N, .integer(1...64))], status: .corrected(erratum: "cakmak.fig2.caption"),
                    implementation: .rational(exact: cakmakFig2CaptionCorrected, interval: cakmakFig2CaptionCorrected,
                                              double: cakmakFig2CaptionCorrected, symbolic: cakmakFig2CaptionCorrected),
                    referenceCases: [[.N: "2"], [.N: "7"]]),
        ]
    }
}
