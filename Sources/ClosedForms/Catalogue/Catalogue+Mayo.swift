import BigNumerics
import RealModule

/// Mayo's formulas in the catalogue (bindings to the generic definitions in `Mayo/*.swift`;
/// temperatures enter as y = e^{−βω/2}).
extension Catalogue {
    static func mayoFactor<T: TranscendentalField>(_ a: Arguments<T>) -> BoltzmannFactor<T> {
        BoltzmannFactor(theta: a[.beta] * a[.omega] / 2)
    }
    /// The cold bath's y = e^{−β_cω_c/2} (Appendix A), also for the errata's independent routes.
    public static func coldFactor<T: TranscendentalField>(_ a: Arguments<T>) -> BoltzmannFactor<T> {
        BoltzmannFactor(theta: a[.beta_c] * a[.omega_c] / 2)
    }
    /// The hot bath's y = e^{−β_hω_h/2} (Appendix A).
    public static func hotFactor<T: TranscendentalField>(_ a: Arguments<T>) -> BoltzmannFactor<T> {
        BoltzmannFactor(theta: a[.beta_h] * a[.omega_h] / 2)
    }

    static func mayoTauParallel<F: RationalField>(_ a: Arguments<F>) throws -> F { Mayo.tauParallel(epsilon: a[.epsilon]) }
    static func mayoTauCollective<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.tauCollective(epsilon: a[.epsilon], mayoFactor(a))
    }
    static func mayoEq9<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Mayo.advantageEq9(mayoFactor(a)) }
    static func mayoImaxZ<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.mutualInformationZ(z: Mayo.twoBatteryPartitionFunction(mayoFactor(a))).value
    }
    static func mayoImaxGamma<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.mutualInformationGamma(gamma: Mayo.advantageEq9(mayoFactor(a))).value
    }
    static func mayoEq10<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.tauLevelSafe(N: a.int(.N), k: a.int(.k), epsilon: a[.epsilon], mayoFactor(a))
    }
    static func mayoGamma<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Mayo.advantageSafe(N: a.int(.N), mayoFactor(a)) }
    static func mayoEnergy<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.energy(N: a.int(.N), t: a[.t], epsilon: a[.epsilon], omega: a[.omega], mayoFactor(a))
    }
    static func mayoChargingTimeParallel<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.chargingTimeParallel(epsilon: a[.epsilon], omega: a[.omega], delta: a[.delta], mayoFactor(a))
    }
    static func mayoChargingTime<T: RootBracketing>(_ a: Arguments<T>) throws -> T {
        try Mayo.chargingTime(N: a.int(.N), epsilon: a[.epsilon], omega: a[.omega], delta: a[.delta], mayoFactor(a))
    }
    static func mayoGammaDelta<T: RootBracketing>(_ a: Arguments<T>) throws -> T {
        try Mayo.advantageFromChargingTimes(N: a.int(.N), omega: a[.omega], delta: a[.delta], mayoFactor(a))
    }
    static func mayoEfficiency<F: RationalField>(_ a: Arguments<F>) throws -> F { Mayo.chargingEfficiency(alpha: a[.alpha]) }
    static func mayoOtto<F: RationalField>(_ a: Arguments<F>) throws -> F { Mayo.ottoEfficiency(omegaC: a[.omega_c], omegaH: a[.omega_h]) }
    static func mayoW1<T: TranscendentalField>(_ a: Arguments<T>) throws -> T { Mayo.strokeWork1(omegaH: a[.omega_h], hot: hotFactor(a)) }
    static func mayoW2<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.strokeWork2(omegaC: a[.omega_c], omegaH: a[.omega_h], hot: hotFactor(a))
    }
    static func mayoW4<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.strokeWork4(omegaC: a[.omega_c], omegaH: a[.omega_h], cold: coldFactor(a))
    }
    static func mayoW5<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.strokeWork5(omegaH: a[.omega_h], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoA2<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.hotHeatA2(omegaH: a[.omega_h], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoA6Constant<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.constantA6(omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a))
    }
    static func mayoA6ConstantCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.constantA6Corrected(omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a))
    }
    static func mayoA6<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.excitedPopulationA6(t: a[.t], omegaC: a[.omega_c], epsilon: a[.epsilon],
                                 constant: try mayoA6Constant(a), hot: hotFactor(a))
    }
    static func mayoA6Corrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.excitedPopulationA6Corrected(t: a[.t], omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoA5<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        let start = Mayo.excitedPopulationA6Corrected(t: a[.t_d], omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
        return Mayo.excitedPopulationA5(t: a[.t], tD: a[.t_d], epsilon: a[.epsilon], populationAtTD: start, cold: coldFactor(a))
    }
    static func mayoA5Corrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        let start = Mayo.excitedPopulationA6Corrected(t: a[.t_d], omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
        return Mayo.excitedPopulationA5Corrected(t: a[.t], tD: a[.t_d], epsilon: a[.epsilon], populationAtTD: start, cold: coldFactor(a))
    }
    static func mayoQc<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.coldHeat(omegaC: a[.omega_c], epsilon: a[.epsilon], tD: a[.t_d], constant: try mayoA6Constant(a),
                      cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoQcCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.coldHeatCorrected(omegaC: a[.omega_c], epsilon: a[.epsilon], tD: a[.t_d], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoEq6Parallel<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.doublyExcitedEq6(t: a[.t], tau: Mayo.tauParallel(epsilon: a[.epsilon]), mayoFactor(a))
    }
    static func mayoEq6ParallelCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.doublyExcitedParallelCorrected(t: a[.t], epsilon: a[.epsilon], mayoFactor(a))
    }
    static func mayoEq6Collective<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.doublyExcitedEq6(t: a[.t], tau: Mayo.tauCollective(epsilon: a[.epsilon], mayoFactor(a)), mayoFactor(a))
    }
    static func mayoQcWeakModel<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.coldHeatWeakCouplingModel(omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoWeakEfficiencyModel<T: TranscendentalField>(_ a: Arguments<T>) throws -> T where T.Magnitude == T {
        Mayo.weakCouplingEfficiencyModel(omegaC: a[.omega_c], omegaH: a[.omega_h], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoQcWeak<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.coldHeatWeakCoupling(omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoQcWeakCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        Mayo.coldHeatWeakCouplingCorrected(omegaC: a[.omega_c], epsilon: a[.epsilon], cold: coldFactor(a), hot: hotFactor(a))
    }
    static func mayoExcitedDecay<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        let r = Mayo.ratesEq14(epsilon: a[.epsilon], mayoFactor(a))
        return -Mayo.generatorEq14(alpha: 0, omega: a[.omega], epsilon: a[.epsilon], gammaPlus: r.plus, gammaMinus: r.minus)[0][0].re
    }
    static func mayoExcitedDecayCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T {
        -Mayo.generatorEq14Corrected(alpha: 0, omega: a[.omega], epsilon: a[.epsilon], mayoFactor(a))[0][0].re
    }
    static func mayoWeakEfficiency<T: TranscendentalField>(_ a: Arguments<T>) throws -> T where T.Magnitude == T {
        Mayo.weakCouplingEfficiency(omegaC: a[.omega_c], omegaH: a[.omega_h], epsilon: a[.epsilon],
                                    cold: coldFactor(a), hot: hotFactor(a))
    }

    static func mayoWeakEfficiencyCorrected<T: TranscendentalField>(_ a: Arguments<T>) throws -> T where T.Magnitude == T {
        Mayo.weakCouplingEfficiencyCorrected(omegaC: a[.omega_c], omegaH: a[.omega_h], epsilon: a[.epsilon],
                                             cold: coldFactor(a), hot: hotFactor(a))
    }

    static var mayo: [Formula] {
        let twoBatteries = "Sec. II A"
        let scaling = "Sec. II B"
        let engine = "Sec. III B"
        let appendix = "Appendix A"
        let beta = Parameter(.beta, .closed(0, 1000))
        let betaPositive = Parameter(.beta, .openClosed(0, 1000))
        let omega = Parameter(.omega, .real(lower: Bound(0, inclusive: false), upper: Bound(1000, inclusive: true)))
        let epsilon = Parameter(.epsilon, .real(lower: Bound(0, inclusive: false), upper: Bound(1000, inclusive: true)))
        let betaC = Parameter(.beta_c, .closed(0, 1000)), betaH = Parameter(.beta_h, .closed(0, 1000))
        let omegaC = Parameter(.omega_c, .openClosed(0, 1000)), omegaH = Parameter(.omega_h, .openClosed(0, 1000))
        let smallCoupling = Constraint("epsilon^4 < 64*omega_c^2 (Omega real)") { v in
            let e = v[.epsilon] ?? 0, w = v[.omega_c] ?? 0
            return e * e * e * e < 64 * w * w
        }
        let engineContrast = Constraint("beta_h*omega_h < beta_c*omega_c (hot bath hotter in the engine)") { v in
            (v[.beta_h] ?? 0) * (v[.omega_h] ?? 0) < (v[.beta_c] ?? 0) * (v[.omega_c] ?? 0)
        }
        let modelCoupling = Constraint("epsilon^4 < 16*omega_c^2 (Omega real in the collision-model rates)") { v in
            let e = v[.epsilon] ?? 0, w = v[.omega_c] ?? 0
            return e * e * e * e < 16 * w * w
        }
        let kN = Constraint("k <= N") { v in (v[.k] ?? 0) <= (v[.N] ?? 0) }
        let betas: [[ParameterName: String]] = [
            [.beta: "0", .omega: "1"], [.beta: "1", .omega: "1"], [.beta: "10", .omega: "3/2"], [.beta: "1000", .omega: "1"]]
        let engineCases: [[ParameterName: String]] = [
            [.beta_c: "10", .omega_c: "1", .beta_h: "1/10", .omega_h: "3/2"],
            [.beta_c: "10", .omega_c: "1", .beta_h: "1/2", .omega_h: "2"]]
        let coldCases: [[ParameterName: String]] = [
            [.omega_c: "1", .epsilon: "1/4", .beta_c: "10"], [.omega_c: "3/2", .epsilon: "1/2", .beta_c: "1"],
            [.omega_c: "1/10", .epsilon: "1", .beta_c: "1"]]
        let qcCases: [[ParameterName: String]] = [
            [.omega_c: "1", .epsilon: "1/4", .t_d: "2", .beta_c: "10", .beta_h: "1/10", .omega_h: "3/2"],
            [.omega_c: "1", .epsilon: "1/4", .t_d: "31416/10000", .beta_c: "10", .beta_h: "1/10", .omega_h: "2"]]
        let weakCases: [[ParameterName: String]] = [
            [.omega_c: "1", .epsilon: "1/4", .beta_c: "10", .beta_h: "1/10", .omega_h: "3/2"],
            [.omega_c: "1", .epsilon: "1/10", .beta_c: "10", .beta_h: "1/2", .omega_h: "2"]]
        return [
            Formula("mayo.eq7.parallel", paper: .mayo, equation: "Eq. (7)", section: twoBatteries,
                    expression: "tau_par = 1/epsilon^2", parameters: [epsilon],
                    implementation: .rational(exact: mayoTauParallel, interval: mayoTauParallel, double: mayoTauParallel, symbolic: mayoTauParallel),
                    referenceCases: [[.epsilon: "1/4"], [.epsilon: "10"]]),
            Formula("mayo.eq7.collective", paper: .mayo, equation: "Eq. (7)", section: twoBatteries,
                    expression: "tau_# = 1/(2 epsilon^2 (1 + tanh^2(beta*omega/2)))",
                    parameters: [beta, omega, epsilon],
                    implementation: .transcendental(interval: mayoTauCollective, double: mayoTauCollective),
                    referenceCases: betas.map { var c = $0; c[.epsilon] = "1/4"; return c }),
            Formula("mayo.eq6.parallel", paper: .mayo, equation: "Eq. (6), parallel process", section: twoBatteries,
                    expression: "p_ee(t) = (p^2 - q^2) e^(-t/tau_par) + q^2: Eq. (6) on the population of |ee>, p = e^(-beta omega/2)/Z1, q = e^(beta omega/2)/Z1, tau_par = 1/epsilon^2",
                    parameters: [beta, omega, epsilon, Parameter(.t, .nonNegative)],
                    implementation: .transcendental(interval: mayoEq6Parallel, double: mayoEq6Parallel),
                    referenceCases: [[.beta: "1", .omega: "1", .epsilon: "1", .t: "1"]]),
            Formula("mayo.eq6.parallel.corrected", paper: .mayo, equation: "Eq. (6), parallel process", section: twoBatteries,
                    expression: "p_ee(t) = [q + (p - q) e^(-epsilon^2 t)]^2 (product of the two single-battery relaxations)",
                    parameters: [beta, omega, epsilon, Parameter(.t, .nonNegative)], status: .corrected(erratum: "mayo.eq6.parallel"),
                    implementation: .transcendental(interval: mayoEq6ParallelCorrected, double: mayoEq6ParallelCorrected),
                    referenceCases: [[.beta: "1", .omega: "1", .epsilon: "1", .t: "1"]]),
            Formula("mayo.eq6.collective", paper: .mayo, equation: "Eq. (6), collective process", section: twoBatteries,
                    expression: "p_ee(t) = (p^2 - q^2) e^(-t/tau_#) + q^2: Eq. (6) on the population of |ee>, tau_# of Eq. (7)",
                    parameters: [beta, omega, epsilon, Parameter(.t, .nonNegative)],
                    implementation: .transcendental(interval: mayoEq6Collective, double: mayoEq6Collective),
                    referenceCases: [[.beta: "1", .omega: "1", .epsilon: "1", .t: "1"]]),
            Formula("mayo.eq9", paper: .mayo, equation: "Eq. (9)", section: twoBatteries,
                    expression: "Gamma = tau_par/tau_# = 2(1 + tanh^2(beta*omega/2))",
                    parameters: [beta, omega],
                    implementation: .transcendental(interval: mayoEq9, double: mayoEq9),
                    referenceCases: betas),
            Formula("mayo.imax.z", paper: .mayo, equation: "I_max, first form", section: twoBatteries,
                    expression: "I_max = 2 log 2 + ((Z-2)/Z) log((Z-2)/(2Z)) - (2/Z) log Z, Z = (2cosh(beta*omega/2))^2",
                    parameters: [beta, omega],
                    implementation: .transcendental(interval: mayoImaxZ, double: mayoImaxZ),
                    referenceCases: Array(betas.dropFirst()) + [[.beta: "1/10", .omega: "1"]]),
            Formula("mayo.imax.gamma", paper: .mayo, equation: "I_max, second form", section: twoBatteries,
                    expression: "I_max = 2 log 2 + (Gamma/4) log(Gamma/8) + (1 - Gamma/4) log(1/2 - Gamma/8), Gamma of Eq. (9)",
                    parameters: [beta, omega],
                    implementation: .transcendental(interval: mayoImaxGamma, double: mayoImaxGamma),
                    referenceCases: Array(betas.dropFirst()) + [[.beta: "1/10", .omega: "1"]]),
            Formula("mayo.eq10", paper: .mayo, equation: "Eq. (10)", section: scaling,
                    expression: "tau_k = Z1^N/(2 cosh(beta*E_k) N^2 epsilon^2), E_k = omega(k - N/2), Z1 = 2cosh(beta*omega/2)",
                    parameters: [Parameter(.N, .integer(1...4096)), Parameter(.k, .integer(0...4096)), beta, omega, epsilon],
                    constraints: [kN],
                    implementation: .transcendental(interval: mayoEq10, double: mayoEq10),
                    referenceCases: [[.N: "2", .k: "0", .beta: "1", .omega: "1", .epsilon: "1/4"],
                                     [.N: "5", .k: "2", .beta: "1", .omega: "3/2", .epsilon: "1"],
                                     [.N: "64", .k: "32", .beta: "10", .omega: "1", .epsilon: "1"]]),
            Formula("mayo.gamma", paper: .mayo, equation: "Eqs. (7), (10), (11)", section: scaling,
                    expression: "Gamma(N, beta) = tau_par/tau_0 = 2N^2 cosh(N beta omega/2)/(2cosh(beta omega/2))^N",
                    parameters: [Parameter(.N, .integer(1...4096)), beta, omega],
                    implementation: .transcendental(interval: mayoGamma, double: mayoGamma),
                    referenceCases: [[.N: "2", .beta: "1", .omega: "1"], [.N: "5", .beta: "0", .omega: "1"],
                                     [.N: "16", .beta: "10", .omega: "1"], [.N: "64", .beta: "1000", .omega: "1"]]),
            Formula("mayo.energy", paper: .mayo, equation: "E(t) (text before Eq. 10)", section: scaling,
                    expression: "E(t) = sum_k g_k [ (e^(-beta E_k) - e^(beta E_k))/Z1^N e^(-t/tau_k) + e^(beta E_k)/Z1^N ] E_k",
                    parameters: [Parameter(.N, .integer(1...256)), beta, omega, epsilon, Parameter(.t, .nonNegative)],
                    implementation: .transcendental(interval: mayoEnergy, double: mayoEnergy),
                    referenceCases: [[.N: "2", .beta: "1", .omega: "1", .epsilon: "1", .t: "1"],
                                     [.N: "5", .beta: "1", .omega: "3/2", .epsilon: "1/4", .t: "2"]]),
            Formula("mayo.charging-time.parallel", paper: .mayo, equation: "charging time T (text before Eq. 9)", section: twoBatteries,
                    expression: "T_par = tau_par log((E_full - E_empty)/(delta E_full))",
                    parameters: [betaPositive, omega, epsilon, Parameter(.delta, .open(0, 1))],
                    implementation: .transcendental(interval: mayoChargingTimeParallel, double: mayoChargingTimeParallel),
                    referenceCases: [[.beta: "1", .omega: "1", .epsilon: "1/4", .delta: "1/100"]]),
            Formula("mayo.charging-time", paper: .mayo, equation: "charging time T through E(t)", section: "Sec. II A–B",
                    expression: "T_#: E(T) = E_full (1 - delta) with E(t) of Sec. II B",
                    parameters: [Parameter(.N, .integer(1...64)), betaPositive, omega, epsilon, Parameter(.delta, .open(0, 1))],
                    status: .derived,
                    implementation: .transcendental(interval: mayoChargingTime, double: mayoChargingTime),
                    referenceCases: [[.N: "2", .beta: "1", .omega: "1", .epsilon: "1/4", .delta: "1/100"],
                                     [.N: "5", .beta: "10", .omega: "1", .epsilon: "1", .delta: "1/100"]],
                    maximumPrecisionBits: 4096),
            Formula("mayo.gamma.delta", paper: .mayo, equation: "Eq. (8) with T of Sec. II A", section: scaling,
                    expression: "Gamma(N, beta, delta) = P_#/P_par = T_par/T_#",
                    parameters: [Parameter(.N, .integer(1...64)), betaPositive, omega, Parameter(.delta, .open(0, 1))],
                    status: .derived,
                    implementation: .transcendental(interval: mayoGammaDelta, double: mayoGammaDelta),
                    referenceCases: [[.N: "2", .beta: "1", .omega: "1", .delta: "1/100"],
                                     [.N: "5", .beta: "10", .omega: "1", .delta: "1/100"],
                                     [.N: "5", .beta: "1", .omega: "1", .delta: "1/100"]],
                    maximumPrecisionBits: 4096),
            Formula("mayo.efficiency", paper: .mayo, equation: "eta (text before Sec. II A)", section: "Sec. II",
                    expression: "eta = 1/(1 + alpha)   (eta = 1/2 for H_R = H_S)", parameters: [Parameter(.alpha, .positive)],
                    implementation: .rational(exact: mayoEfficiency, interval: mayoEfficiency, double: mayoEfficiency, symbolic: mayoEfficiency),
                    referenceCases: [[.alpha: "1"], [.alpha: "1/3"]]),
            Formula("mayo.efficiency.otto", paper: .mayo, equation: "eta_Otto (end of Appendix A)", section: appendix,
                    expression: "eta_Otto = 1 - omega_c/omega_h", parameters: [omegaC, omegaH],
                    implementation: .rational(exact: mayoOtto, interval: mayoOtto, double: mayoOtto, symbolic: mayoOtto),
                    referenceCases: [[.omega_c: "1", .omega_h: "3/2"]]),
            Formula("mayo.engine.w1", paper: .mayo, equation: "stroke 1, W1 = tr[H_h(rho2 - rho1)]", section: engine,
                    expression: "W1 = -omega_h tanh(beta_h omega_h/2)", parameters: [betaH, omegaH], status: .derived,
                    implementation: .transcendental(interval: mayoW1, double: mayoW1),
                    referenceCases: [[.beta_h: "1/10", .omega_h: "3/2"]]),
            Formula("mayo.engine.w2", paper: .mayo, equation: "stroke 2, W2 = tr[(H_c - H_h) rho2]", section: engine,
                    expression: "W2 = ((omega_h - omega_c)/2) tanh(beta_h omega_h/2)", parameters: [betaH, omegaH, omegaC],
                    status: .derived, implementation: .transcendental(interval: mayoW2, double: mayoW2),
                    referenceCases: [[.beta_h: "1/10", .omega_h: "3/2", .omega_c: "1"]]),
            Formula("mayo.engine.w4", paper: .mayo, equation: "stroke 4, W4 = tr[(H_h - H_c) rho4]", section: engine,
                    expression: "W4 = ((omega_h - omega_c)/2) tanh(beta_c omega_c/2)", parameters: [betaC, omegaC, omegaH],
                    status: .derived, implementation: .transcendental(interval: mayoW4, double: mayoW4),
                    referenceCases: [[.beta_c: "10", .omega_c: "1", .omega_h: "3/2"]]),
            Formula("mayo.engine.w5", paper: .mayo, equation: "stroke 5, W5 = 2 tr[H_h(rho5 - rho1)]", section: engine,
                    expression: "W5 = omega_h [tanh(beta_c omega_c/2) - tanh(beta_h omega_h/2)]",
                    parameters: [betaC, omegaC, betaH, omegaH], status: .derived,
                    implementation: .transcendental(interval: mayoW5, double: mayoW5), referenceCases: engineCases),
            Formula("mayo.eqA2", paper: .mayo, equation: "Eq. (A2)", section: appendix,
                    expression: "Q_h = (omega_h/2)[tanh(beta_c omega_c/2) - tanh(beta_h omega_h/2)]",
                    parameters: [betaC, omegaC, betaH, omegaH],
                    implementation: .transcendental(interval: mayoA2, double: mayoA2), referenceCases: engineCases),
            Formula("mayo.eqA6.constant", paper: .mayo, equation: "Eq. (A6), constant C", section: appendix,
                    expression: "C = (4 omega_c^2 - epsilon^4 q)/(8 omega_c^2 + epsilon^4), q = e^(beta_c omega_c/2)/Z_c",
                    parameters: [omegaC, epsilon, betaC],
                    implementation: .transcendental(interval: mayoA6Constant, double: mayoA6Constant), referenceCases: coldCases),
            Formula("mayo.eqA6.constant.corrected", paper: .mayo, equation: "Eq. (A6), constant C", section: appendix,
                    expression: "C = (omega_c^2 + epsilon^4 q)/(2 omega_c^2 + epsilon^4), q = e^(beta_c omega_c/2)/Z_c",
                    parameters: [omegaC, epsilon, betaC], status: .corrected(erratum: "mayo.eqA6.constant"),
                    implementation: .transcendental(interval: mayoA6ConstantCorrected, double: mayoA6ConstantCorrected),
                    referenceCases: coldCases),
            Formula("mayo.eqA6", paper: .mayo, equation: "Eq. (A6)", section: appendix,
                    expression: "rho^x_00(t) = B e^(-3 epsilon^2 t/8) cos(Omega t) + C, B = e^(-beta_h omega_h/2)/Z_h - C, Omega = sqrt(omega_c^2 - epsilon^4/64)",
                    parameters: [Parameter(.t, .nonNegative), omegaC, epsilon, betaC, betaH, omegaH], constraints: [smallCoupling],
                    implementation: .transcendental(interval: mayoA6, double: mayoA6),
                    referenceCases: [[.t: "2", .omega_c: "1", .epsilon: "1/4", .beta_c: "10", .beta_h: "1/10", .omega_h: "3/2"]]),
            Formula("mayo.eqA6.corrected", paper: .mayo, equation: "Eq. (A6)", section: appendix,
                    expression: "rho^x_00(t) = e^(-a t)(B cos(Omega t) + B' sin(Omega t)) + C, a = 3 epsilon^2/4, Omega = sqrt(omega_c^2 - epsilon^4/16), C = (omega_c^2 + epsilon^4 q)/(2 omega_c^2 + epsilon^4), B = p_h - C, B' = (a B - epsilon^2 (p_h - q))/Omega",
                    parameters: [Parameter(.t, .nonNegative), omegaC, epsilon, betaC, betaH, omegaH], constraints: [modelCoupling],
                    status: .corrected(erratum: "mayo.eqA6"),
                    implementation: .transcendental(interval: mayoA6Corrected, double: mayoA6Corrected),
                    referenceCases: [[.t: "2", .omega_c: "1", .epsilon: "1/4", .beta_c: "10", .beta_h: "1/10", .omega_h: "3/2"]]),
            Formula("mayo.eqA5", paper: .mayo, equation: "Eq. (A5)", section: appendix,
                    expression: "rho^z_00(t) = (rho^x_00(t_d) - q) e^(-epsilon^2 t) + q for t >= t_d (rho^x_00(t_d) from the corrected (A6))",
                    parameters: [Parameter(.t, .nonNegative), Parameter(.t_d, .nonNegative), omegaC, epsilon, betaC, betaH, omegaH],
                    constraints: [modelCoupling, Constraint("t >= t_d") { v in (v[.t] ?? 0) >= (v[.t_d] ?? 0) }],
                    implementation: .transcendental(interval: mayoA5, double: mayoA5),
                    referenceCases: [[.t: "3", .t_d: "2", .omega_c: "1", .epsilon: "1/4", .beta_c: "10", .beta_h: "1/10", .omega_h: "2"]]),
            Formula("mayo.eqA5.corrected", paper: .mayo, equation: "Eq. (A5)", section: appendix,
                    expression: "rho^z_00(t) = (rho^x_00(t_d) - q) e^(-epsilon^2 (t - t_d)) + q for t >= t_d",
                    parameters: [Parameter(.t, .nonNegative), Parameter(.t_d, .nonNegative), omegaC, epsilon, betaC, betaH, omegaH],
                    constraints: [modelCoupling, Constraint("t >= t_d") { v in (v[.t] ?? 0) >= (v[.t_d] ?? 0) }],
                    status: .corrected(erratum: "mayo.eqA5"),
                    implementation: .transcendental(interval: mayoA5Corrected, double: mayoA5Corrected),
                    referenceCases: [[.t: "3", .t_d: "2", .omega_c: "1", .epsilon: "1/4", .beta_c: "10", .beta_h: "1/10", .omega_h: "2"]]),
            Formula("mayo.qc", paper: .mayo, equation: "Q_c closed form (after A6)", section: appendix,
                    expression: "Q_c = 8 w e^2 B e^(-3e^2 t_d/8)(8 Om sin Om t_d - 3e^2 cos Om t_d)/(9e^4 + 64 Om^2) + 24 e^4 w B/(9e^4 + 64 Om^2) + w t_d (4w^2 e^2 - e^6 q)/(8w^2 + e^4) - e^2 q w t_d - w(q - B e^(-3e^2 t_d/8) cos Om t_d - C), w = omega_c, e = epsilon",
                    parameters: [omegaC, epsilon, Parameter(.t_d, .nonNegative), betaC, betaH, omegaH], constraints: [smallCoupling],
                    implementation: .transcendental(interval: mayoQc, double: mayoQc), referenceCases: qcCases),
            Formula("mayo.qc.corrected", paper: .mayo, equation: "Q_c closed form (after A6)", section: appendix,
                    expression: "Q_c = omega_c{epsilon^2[(C - q)t_d + (B(a - E(a cos Om t_d - Om sin Om t_d)) + B'(Om - E(a sin Om t_d + Om cos Om t_d)))/(a^2 + Om^2)] + E(B cos Om t_d + B' sin Om t_d) + C - q}, E = e^(-a t_d), a, Om, C, B, B' of the corrected (A6)",
                    parameters: [omegaC, epsilon, Parameter(.t_d, .nonNegative), betaC, betaH, omegaH], constraints: [modelCoupling],
                    status: .corrected(erratum: "mayo.qc"),
                    implementation: .transcendental(interval: mayoQcCorrected, double: mayoQcCorrected), referenceCases: qcCases),
            Formula("mayo.qc.weak-coupling", paper: .mayo, equation: "Q_c, weak coupling (after A6)", section: appendix,
                    expression: "Q_c = omega_c[tanh(beta_h omega_h/2) - tanh(beta_c omega_c/2)] + omega_c(e^(-beta_h omega_h/2)/Z_h - e^(-beta_c omega_c/2)/Z_c) + epsilon^2 pi (5/8 - q/2)",
                    parameters: [omegaC, epsilon, betaC, betaH, omegaH],
                    implementation: .transcendental(interval: mayoQcWeak, double: mayoQcWeak), referenceCases: weakCases),
            Formula("mayo.qc.weak-coupling.corrected", paper: .mayo, equation: "Q_c, weak coupling (after A6)", section: appendix,
                    expression: "Q_c = omega_c[tanh(beta_h omega_h/2) - tanh(beta_c omega_c/2)] + omega_c(p_h - p_c) + epsilon^2 pi (5/16 + 3 p_h/8 - q), p_h = e^(-beta_h omega_h/2)/Z_h",
                    parameters: [omegaC, epsilon, betaC, betaH, omegaH], status: .corrected(erratum: "mayo.qc.weak-coupling"),
                    implementation: .transcendental(interval: mayoQcWeakCorrected, double: mayoQcWeakCorrected), referenceCases: weakCases),
            Formula("mayo.qc.weak-coupling.model", paper: .mayo, equation: "Q_c, weak coupling (after A6)", section: appendix,
                    expression: "Q_c = omega_c(p_c - p_h) + epsilon^2 pi (1/8 + 3 p_h/4 - q): first order in epsilon^2 of mayo.qc.corrected at t_d = pi/omega_c",
                    parameters: [omegaC, epsilon, betaC, betaH, omegaH], status: .corrected(erratum: "mayo.qc"),
                    implementation: .transcendental(interval: mayoQcWeakModel, double: mayoQcWeakModel), referenceCases: weakCases),
            Formula("mayo.weak-coupling-efficiency.model", paper: .mayo, equation: "eta, weak coupling (last display)", section: appendix,
                    expression: "eta = eta_Otto + epsilon^2 pi (1/8 + 3 p_h/4 - q)/|Q_h| ((A1) with mayo.qc.weak-coupling.model and (A2))",
                    parameters: [omegaC, omegaH, epsilon, betaC, betaH], constraints: [engineContrast], status: .corrected(erratum: "mayo.qc"),
                    implementation: .transcendental(interval: mayoWeakEfficiencyModel, double: mayoWeakEfficiencyModel),
                    referenceCases: weakCases),
            Formula("mayo.eq14.excited-decay", paper: .mayo, equation: "Eq. (14), entry M_00", section: "Sec. III A",
                    expression: "-M_00 = gamma_plus/2 = epsilon^2 exp(beta omega/2)/(2 Z1): the decay rate of the excited population rho_00",
                    parameters: [beta, omega, epsilon],
                    implementation: .transcendental(interval: mayoExcitedDecay, double: mayoExcitedDecay),
                    referenceCases: [[.beta: "1", .omega: "3/2", .epsilon: "1/2"]]),
            Formula("mayo.eq14.excited-decay.corrected", paper: .mayo, equation: "Eq. (14), entry M_00", section: "Sec. III A",
                    expression: "-M_00 = gamma_minus = epsilon^2 exp(-beta omega/2)/Z1 (and M_03 = gamma_plus, coherence damping epsilon^2/2)",
                    parameters: [beta, omega, epsilon], status: .corrected(erratum: "mayo.eq14"),
                    implementation: .transcendental(interval: mayoExcitedDecayCorrected, double: mayoExcitedDecayCorrected),
                    referenceCases: [[.beta: "1", .omega: "3/2", .epsilon: "1/2"]]),
            Formula("mayo.weak-coupling-efficiency", paper: .mayo, equation: "eta, weak coupling (last display)", section: appendix,
                    expression: "eta = eta_Otto - [omega_c(e^(-beta_h omega_h/2)/Z_h - e^(-beta_c omega_c/2)/Z_c) - (5/8)(epsilon^2/omega_c) pi (q - 1/2)]/|Q_h|",
                    parameters: [omegaC, omegaH, epsilon, betaC, betaH], constraints: [engineContrast],
                    implementation: .transcendental(interval: mayoWeakEfficiency, double: mayoWeakEfficiency),
                    referenceCases: weakCases),
            Formula("mayo.weak-coupling-efficiency.corrected", paper: .mayo, equation: "eta, weak coupling (last display)", section: appendix,
                    expression: "eta = eta_Otto + epsilon^2 pi (5/16 + 3 p_h/8 - q)/|Q_h|, p_h = e^(-beta_h omega_h/2)/Z_h, q = e^(beta_c omega_c/2)/Z_c",
                    parameters: [omegaC, omegaH, epsilon, betaC, betaH], constraints: [engineContrast],
                    status: .corrected(erratum: "mayo.weak-coupling-efficiency"),
                    implementation: .transcendental(interval: mayoWeakEfficiencyCorrected, double: mayoWeakEfficiencyCorrected),
                    referenceCases: weakCases),
        ]
    }
}
