// The Mayo rows of the cross-check table: parameter points and their simulated counterparts.
import ClosedForms
import Foundation
import Simulator

enum MayoCrossChecks {
    typealias P = ParameterName
    static let u = Double.ulpOfOne / 2

    static func value(_ p: [P: Double], _ name: P) throws -> Double {
        guard let x = p[name] else { throw CrossCheckError.badParameter(formula: "mayo", name: name.rawValue, value: "missing") }
        return x
    }

    static var cases: [CrossCheckCase] {
        twoBatteries + nBatteries + efficiency + engine + coldStroke
    }

    // MARK: Sec. II A: two batteries (Eqs. 4–9, I_max)

    static var twoBatteries: [CrossCheckCase] {
        var out: [CrossCheckCase] = []
        // Eq. (7), parallel: finite-Δt collisions of Eq. (4), extrapolated. The closed form takes ε
        // only; the simulation's temperature and gap are stated in the route.
        let parallelSettings: [(eps: String, beta: Double, omega: Double, fast: Bool)] = [
            ("1/4", 1, 1, true), ("1", 1.0 / 10, 1, false), ("10", 10, 1.5, false)]
        for s in parallelSettings {
            out.append(CrossCheckCase("mayo.eq7.parallel", [(.epsilon, s.eps)], fast: s.fast) { p in
                let eps = try value(p, .epsilon)
                var r = try MayoRoutes.extrapolatedDecayTime({ try MayoModels.twoBatteriesParallel(omega: s.omega, beta: s.beta, epsilon: eps) },
                                                             beta: s.beta, omega: s.omega, epsilon: eps)
                r.route += "; Eq. (4) V_∥, β = \(s.beta), ω = \(s.omega)"
                return r
            })
        }
        let collective: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "1"), (.epsilon, "1/4")], true),
            ([(.beta, "10"), (.omega, "3/2"), (.epsilon, "10")], false),
            ([(.beta, "1/10"), (.omega, "1"), (.epsilon, "1")], false),
            ([(.beta, "3"), (.omega, "1"), (.epsilon, "1/2")], false)]
        for (params, fast) in collective {
            out.append(CrossCheckCase("mayo.eq7.collective", params, fast: fast) { p in
                let b = try value(p, .beta), w = try value(p, .omega), e = try value(p, .epsilon)
                var r = try MayoRoutes.extrapolatedDecayTime({ try MayoModels.twoBatteriesCollective(omega: w, beta: b, epsilon: e) }, beta: b, omega: w, epsilon: e)
                r.route += "; Eq. (5) V_#"
                return r
            })
        }
        // Eq. (6) on the joint population of |ee⟩, both processes (Born generators of Eqs. 4, 5).
        let eq6: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "1"), (.epsilon, "1"), (.t, "1")], true),
            ([(.beta, "10"), (.omega, "3/2"), (.epsilon, "1/4"), (.t, "8")], false),
            ([(.beta, "1/10"), (.omega, "1"), (.epsilon, "10"), (.t, "1/200")], false),
            ([(.beta, "2"), (.omega, "1"), (.epsilon, "1/2"), (.t, "3")], false)]
        let eq6Rows: [(String, Expectation, Bool)] = [("mayo.eq6.parallel", .contradicted(erratum: "mayo.eq6.parallel"), true),
                                                      ("mayo.eq6.parallel.corrected", .agrees, true),
                                                      ("mayo.eq6.collective", .agrees, false)]
        for (id, expect, parallel) in eq6Rows {
            for (params, fast) in eq6 {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let b = try value(p, .beta), w = try value(p, .omega), e = try value(p, .epsilon), t = try value(p, .t)
                    let model = parallel ? try MayoModels.twoBatteriesParallel(omega: w, beta: b, epsilon: e)
                                         : try MayoModels.twoBatteriesCollective(omega: w, beta: b, epsilon: e)
                    let rho0 = try DensityMatrix.gibbs(model.systemHamiltonian, beta: b)
                    let rho = try Evolution.evolve(try model.bornGenerator(), rho0, time: t)
                    return MayoRoutes.roundOff(rho[3, 3].real, bound: 1e-12, "e^{tL} on the 16×16 Born generator (backward error ≤ 16u‖tL‖)",
                                               route: "⟨ee|e^{tL}ρ_empty|ee⟩, L the Born generator of Eq. (\(parallel ? 4 : 5)), ρ_empty thermal")
                })
            }
        }
        // Eq. (9): Γ = τ_∥/τ_# from the Born population rates of Eqs. (4) and (5).
        let gammaPoints: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "1")], true), ([(.beta, "0"), (.omega, "1")], false),
            ([(.beta, "10"), (.omega, "3/2")], false), ([(.beta, "1/10"), (.omega, "2")], false)]
        for (params, fast) in gammaPoints {
            out.append(CrossCheckCase("mayo.eq9", params, fast: fast) { p in
                let b = try value(p, .beta), w = try value(p, .omega)
                let tauPar = try MayoRoutes.parallelTau(n: 2, beta: b, omega: w, epsilon: 1)
                let col = try MayoModels.twoBatteriesCollective(omega: w, beta: b, epsilon: 1)
                let rate = try MayoRoutes.pairRate(try col.bornPopulationGenerator().rates, 0, 3)
                return MayoRoutes.roundOff(tauPar * rate, bound: 1e-13, "ratio of two rates, each a sum of ε²p_r|V|² terms (≤ 10u relative)",
                                           route: "τ_∥ = 1/(up + down rate) of one battery under Eq. (4); 1/τ_# = rate of |gg⟩ ↔ |ee⟩ under Eq. (5); Born generator, ε = 1")
            })
        }
        // I_max: maximum over t of the mutual information between the batteries along Eq. (5)'s process.
        let imaxPoints: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "1")], true), ([(.beta, "10"), (.omega, "3/2")], false),
            ([(.beta, "1/5"), (.omega, "1")], false), ([(.beta, "3"), (.omega, "1")], false)]
        for id in ["mayo.imax.z", "mayo.imax.gamma"] {
            for (params, fast) in imaxPoints {
                out.append(CrossCheckCase(id, params, fast: fast) { p in
                    let b = try value(p, .beta), w = try value(p, .omega)
                    let model = try MayoModels.twoBatteriesCollective(omega: w, beta: b, epsilon: 1)
                    let l = try model.bornGenerator()
                    let rho0 = try DensityMatrix.gibbs(model.systemHamiltonian, beta: b)
                    let xTol = 1e-9
                    let best = try CrossCheckNumerics.maximise({ t in
                        try Measures.mutualInformation(Evolution.evolve(l, rho0, time: t), dimensions: 2, 2)
                    }, from: 0, to: 3, xTolerance: xTol)
                    let tol = Swift.max(1e-11, 1e-13 / best.value)
                    return Simulated(value: best.value, tolerance: tol, kind: .optimiser,
                                     reason: "optimiser: grid of 200 on t ∈ [0, 3] then golden section to Δt ≤ \(xTol) (maximum at t = \(String(format: "%.9f", best.x))); I is quadratic there, so the value error (~I″·Δt² ≈ 1e-18) is ≪ round-off of the entropies (~1e-13 absolute); tolerance max(1e-11, 1e-13/I)",
                                     route: "I(t) = S(ρ₁) + S(ρ₂) − S(ρ₁₂) along e^{tL}ρ_empty, L the Born generator of Eq. (5), ε = 1")
                })
            }
        }
        return out
    }

    // MARK: Sec. II B: N batteries (Eq. 10, E(t), Γ)

    static let pairingRoute = "Born generator of V_#^{(N)} in the one-to-one pairing reading (μ ↔ complement μ̄, k = 0…N, coupling Nε)"

    static var nBatteries: [CrossCheckCase] {
        var out: [CrossCheckCase] = []
        let eq10: [([(P, String)], Bool)] = [
            ([(.N, "2"), (.k, "1"), (.beta, "1"), (.omega, "1"), (.epsilon, "1/4")], false),
            ([(.N, "3"), (.k, "0"), (.beta, "2"), (.omega, "1"), (.epsilon, "1")], false),
            ([(.N, "3"), (.k, "1"), (.beta, "2"), (.omega, "1"), (.epsilon, "1")], true),
            ([(.N, "4"), (.k, "2"), (.beta, "1/2"), (.omega, "1"), (.epsilon, "10")], false),
            ([(.N, "4"), (.k, "1"), (.beta, "0"), (.omega, "1"), (.epsilon, "1")], false),
            ([(.N, "5"), (.k, "1"), (.beta, "1"), (.omega, "3/2"), (.epsilon, "1/2")], false),
            ([(.N, "5"), (.k, "4"), (.beta, "1"), (.omega, "1"), (.epsilon, "1")], false),
            ([(.N, "6"), (.k, "0"), (.beta, "10"), (.omega, "1"), (.epsilon, "1")], false),
            ([(.N, "6"), (.k, "3"), (.beta, "1/10"), (.omega, "1"), (.epsilon, "1")], false)]
        for (params, fast) in eq10 {
            out.append(CrossCheckCase("mayo.eq10", params, fast: fast) { p in
                let n = Int(try value(p, .N)), k = Int(try value(p, .k))
                let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: try value(p, .omega), beta: try value(p, .beta), epsilon: try value(p, .epsilon))
                let mu = (1 << k) - 1          // k excited batteries (the lowest k qubits)
                let rate = try MayoRoutes.pairRate(try m.bornPopulationGenerator().rates, mu, mu ^ ((1 << n) - 1))
                return MayoRoutes.roundOff(1 / rate, bound: 1e-13, "sum of two rates (ε²N²p_r terms, ≤ 10u relative)",
                                           route: "1/(rate μ→μ̄ + rate μ̄→μ) for one battery configuration μ of level k and its complement; \(pairingRoute)")
            })
        }
        let energy: [([(P, String)], Bool)] = [
            ([(.N, "2"), (.beta, "1"), (.omega, "1"), (.epsilon, "1"), (.t, "1")], false),
            ([(.N, "3"), (.beta, "2"), (.omega, "1"), (.epsilon, "1/4"), (.t, "5")], true),
            ([(.N, "4"), (.beta, "1/2"), (.omega, "3/2"), (.epsilon, "1"), (.t, "1/2")], false),
            ([(.N, "5"), (.beta, "1"), (.omega, "3/2"), (.epsilon, "1/4"), (.t, "2")], false),
            ([(.N, "6"), (.beta, "10"), (.omega, "1"), (.epsilon, "1"), (.t, "1/10")], false),
            ([(.N, "6"), (.beta, "1/10"), (.omega, "1"), (.epsilon, "10"), (.t, "1/100")], false)]
        for (params, fast) in energy {
            out.append(CrossCheckCase("mayo.energy", params, fast: fast) { p in
                let n = Int(try value(p, .N)), b = try value(p, .beta), t = try value(p, .t)
                let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: try value(p, .omega), beta: b, epsilon: try value(p, .epsilon))
                let rho0 = try DensityMatrix.gibbs(m.systemHamiltonian, beta: b)
                let dyn = try Charging.LinearEnergyDynamics.populations(m, initial: rho0)
                let e = try dyn.energy(at: t)
                let (fastRate, _) = try MayoRoutes.rateExtremes(dyn.generator)
                let d = Double(1 << n)
                let scale = Double(n) * (try value(p, .omega)) / 2
                let bound = Swift.max(1e-13, 50 * d * u * Swift.max(1, fastRate * t) * scale / Swift.max(Swift.abs(e), 1e-300))
                return MayoRoutes.roundOff(e, bound: bound, "e^{tR} by scaling and squaring (backward error ≤ d·u·‖tR‖) on d = \(Int(d)) populations, energies ≤ Nω/2",
                                           route: "E(t) = Σ_i E_i p_i(t), p(t) = e^{tR}p_thermal, R the population rates of the \(pairingRoute)")
            })
        }
        // E(t) from the finite-Δt collision map of the pairing reading itself (Δt → 0 extrapolated).
        let energyFiniteStep: [([(P, String)], Bool)] = [
            ([(.N, "3"), (.beta, "1"), (.omega, "1"), (.epsilon, "1/2"), (.t, "1")], false),
            ([(.N, "4"), (.beta, "1/2"), (.omega, "1"), (.epsilon, "1/4"), (.t, "2")], false)]
        for (params, fast) in energyFiniteStep {
            out.append(CrossCheckCase("mayo.energy", params, fast: fast) { p in
                let n = Int(try value(p, .N)), b = try value(p, .beta), w = try value(p, .omega), t = try value(p, .t)
                let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: w, beta: b, epsilon: try value(p, .epsilon))
                let rho0 = try DensityMatrix.gibbs(m.systemHamiltonian, beta: b)
                var steps = 256
                while t * w / Double(steps) > 1e-2 { steps *= 2 }
                let counts = [steps, 2 * steps, 4 * steps, 8 * steps]
                let values = try counts.map { k in
                    let phi = try m.collisionMap(dt: t / Double(k))
                    return try Measures.energy(Superoperator.apply(try CrossCheckNumerics.power(phi, k), to: rho0), m.systemHamiltonian)
                }
                let x = try Extrapolation(values, nominalOrder: 1)
                let tol = Swift.max(x.finestError / Swift.abs(x.limit), 1e-11)
                return Simulated(value: x.limit, tolerance: tol, kind: .finiteStep,
                                 reason: "finite Δt = t/\(counts[0]) … t/\(counts[3]): E = \(x.text); measured order (last three) \(String(format: "%.3f", x.order)); Richardson limit, tolerance = error estimate of the finest Δt",
                                 route: "E(t) = tr[H_S Φ_Δt^{t/Δt}(ρ_thermal)], Φ_Δt the collision map of V_#^{(N)} in the one-to-one pairing reading (unitary exp[−iΔt(H_S + H_R + V)], bath Gibbs states)")
            })
        }
        // Γ(N, β) = τ_∥/τ_0: parallel single-battery relaxation vs the extreme pair |0…0⟩ ↔ |1…1⟩.
        let gamma: [([(P, String)], Bool)] = [
            ([(.N, "2"), (.beta, "1"), (.omega, "1")], false), ([(.N, "3"), (.beta, "1/2"), (.omega, "1")], true),
            ([(.N, "4"), (.beta, "10"), (.omega, "1")], false), ([(.N, "5"), (.beta, "1"), (.omega, "3/2")], false),
            ([(.N, "6"), (.beta, "2"), (.omega, "1")], false), ([(.N, "5"), (.beta, "0"), (.omega, "1")], false),
            ([(.N, "6"), (.beta, "0"), (.omega, "1")], false)]
        for (params, fast) in gamma {
            out.append(CrossCheckCase("mayo.gamma", params, fast: fast) { p in
                let n = Int(try value(p, .N)), b = try value(p, .beta), w = try value(p, .omega)
                let tauPar = try MayoRoutes.parallelTau(n: n, beta: b, omega: w, epsilon: 1)
                let m = try MayoModels.nBatteriesCollectivePaired(n: n, omega: w, beta: b, epsilon: 1)
                let rate = try MayoRoutes.pairRate(try m.bornPopulationGenerator().rates, 0, (1 << n) - 1)
                return MayoRoutes.roundOff(tauPar * rate, bound: 1e-13, "ratio of rates (≤ 10u relative each)",
                                           route: "τ_∥ = 1/(up + down rate) of one battery of the N-battery parallel model; 1/τ_0 = rate of |0…0⟩ ↔ |1…1⟩ under the \(pairingRoute); ε = 1")
            })
        }
        // Γ(N, β, δ) = T_∥/T_#, charging times E(T) = E_full(1 − δ) of both processes.
        let gammaDelta: [([(P, String)], Bool)] = [
            ([(.N, "2"), (.beta, "1"), (.omega, "1"), (.delta, "1/100")], false),
            ([(.N, "3"), (.beta, "5"), (.omega, "1"), (.delta, "1/100")], true),
            ([(.N, "4"), (.beta, "1"), (.omega, "1"), (.delta, "1/10")], false),
            ([(.N, "5"), (.beta, "10"), (.omega, "1"), (.delta, "1/100")], false),
            ([(.N, "6"), (.beta, "3"), (.omega, "1"), (.delta, "1/100")], false),
            ([(.N, "5"), (.beta, "1/10"), (.omega, "1"), (.delta, "1/1000")], false)]
        for (params, fast) in gammaDelta {
            out.append(CrossCheckCase("mayo.gamma.delta", params, fast: fast) { p in
                let n = Int(try value(p, .N)), b = try value(p, .beta), w = try value(p, .omega), delta = try value(p, .delta)
                let ground = -Double(n) * w / 2
                let par = try MayoRoutes.chargingDynamics(try MayoModels.nBatteriesParallel(n: n, omega: w, beta: b, epsilon: 1), beta: b)
                let col = try MayoRoutes.chargingDynamics(try MayoModels.nBatteriesCollectivePaired(n: n, omega: w, beta: b, epsilon: 1), beta: b)
                let tPar = try MayoRoutes.chargingTime(par, delta: delta, groundEnergy: ground)
                let tCol = try MayoRoutes.chargingTime(col, delta: delta, groundEnergy: ground)
                let ePar = try MayoRoutes.chargingTimeError(par, time: tPar, delta: delta, d: 1 << n, energyScale: Double(n) * w / 2)
                let eCol = try MayoRoutes.chargingTimeError(col, time: tCol, delta: delta, d: 1 << n, energyScale: Double(n) * w / 2)
                let tol = 10 * (ePar.relative + eCol.relative) + 1e-13
                return Simulated(value: tPar / tCol, tolerance: tol, kind: .optimiser,
                                 reason: "root finder: T by scan + 60 bisections of E(T) = E_full(1 − δ); measured error of each T — parallel: \(ePar.text); collective: \(eCol.text); tolerance 10× their sum + 1e-13; T_∥ = \(String(format: "%.10g", tPar)), T_# = \(String(format: "%.10g", tCol))",
                                 route: "charging times of the N-battery parallel model and of the \(pairingRoute), population dynamics from the thermal state, energies of H_S as given; ε = 1")
            })
        }
        let chargingTime: [([(P, String)], Bool)] = [
            ([(.N, "2"), (.beta, "1"), (.omega, "1"), (.epsilon, "1/4"), (.delta, "1/100")], false),
            ([(.N, "4"), (.beta, "2"), (.omega, "3/2"), (.epsilon, "1"), (.delta, "1/100")], true),
            ([(.N, "5"), (.beta, "10"), (.omega, "1"), (.epsilon, "10"), (.delta, "1/100")], false),
            ([(.N, "6"), (.beta, "1/2"), (.omega, "1"), (.epsilon, "1/2"), (.delta, "1/20")], false)]
        for (params, fast) in chargingTime {
            out.append(CrossCheckCase("mayo.charging-time", params, fast: fast) { p in
                let n = Int(try value(p, .N)), b = try value(p, .beta), w = try value(p, .omega), delta = try value(p, .delta)
                let col = try MayoRoutes.chargingDynamics(try MayoModels.nBatteriesCollectivePaired(n: n, omega: w, beta: b, epsilon: try value(p, .epsilon)), beta: b)
                let t = try MayoRoutes.chargingTime(col, delta: delta, groundEnergy: -Double(n) * w / 2)
                let err = try MayoRoutes.chargingTimeError(col, time: t, delta: delta, d: 1 << n, energyScale: Double(n) * w / 2)
                return Simulated(value: t, tolerance: 10 * err.relative + 1e-13, kind: .optimiser,
                                 reason: "root finder: scan + 60 bisections of E(T) = E_full(1 − δ); measured error: \(err.text); tolerance 10× that + 1e-13",
                                 route: "charging time of the \(pairingRoute), population dynamics from the thermal state")
            })
        }
        let chargingTimeParallel: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "1"), (.epsilon, "1/4"), (.delta, "1/100")], true),
            ([(.beta, "10"), (.omega, "3/2"), (.epsilon, "10"), (.delta, "1/100")], false),
            ([(.beta, "1/10"), (.omega, "1"), (.epsilon, "1"), (.delta, "1/10")], false)]
        for (params, fast) in chargingTimeParallel {
            out.append(CrossCheckCase("mayo.charging-time.parallel", params, fast: fast) { p in
                let b = try value(p, .beta), w = try value(p, .omega), delta = try value(p, .delta)
                let par = try MayoRoutes.chargingDynamics(try MayoModels.twoBatteriesParallel(omega: w, beta: b, epsilon: try value(p, .epsilon)), beta: b)
                let t = try MayoRoutes.chargingTime(par, delta: delta, groundEnergy: -w)
                let err = try MayoRoutes.chargingTimeError(par, time: t, delta: delta, d: 4, energyScale: w)
                return Simulated(value: t, tolerance: 10 * err.relative + 1e-13, kind: .optimiser,
                                 reason: "root finder: scan + 60 bisections of E(T) = E_full(1 − δ); measured error: \(err.text); tolerance 10× that + 1e-13",
                                 route: "charging time of Eq. (4)'s two parallel batteries, population dynamics of the Born generator from the thermal state")
            })
        }
        return out
    }

    // MARK: η = 1/(1 + α) from finite-Δt collisions with Barra's work and heat

    static var efficiency: [CrossCheckCase] {
        let settings: [(alpha: String, beta: Double, omega: Double, eps: Double, dt: Double, fast: Bool)] = [
            ("1", 1, 1, 0.25, 0.05, true), ("1", 10, 1.5, 3, 0.01, false), ("1/2", 0.1, 1, 1, 0.02, false),
            ("2", 1, 1, 0.5, 0.05, false), ("1/5", 2, 1, 1, 0.02, false)]
        return settings.map { s in
            CrossCheckCase("mayo.efficiency", [(.alpha, s.alpha)], fast: s.fast) { p in
                let alpha = try value(p, .alpha)
                let model = try MayoModels.singleBattery(omega: s.omega, beta: s.beta, epsilon: s.eps, bathGapRatio: alpha)
                let phi = try model.collisionMap(dt: s.dt)
                var rho = try DensityMatrix.gibbs(model.systemHamiltonian, beta: s.beta)
                let n = Int((4 / (s.eps * s.eps)) / s.dt)
                var work = 0.0, heat = 0.0
                for _ in 0..<n {
                    let e = try model.collisionEnergetics(rho, dt: s.dt)
                    work += e.work
                    heat += e.heatToBath
                    rho = try Superoperator.apply(phi, to: rho).hermitianPart
                }
                let eta = 1 - heat / work
                // Each collision's W and Q are differences of energies of size ≤ ‖H‖ = (1 + α)ω/2 + ε/√Δt,
                // each carrying ≲ 10³u‖H‖ (expm and partial traces); summed over n, relative to W.
                let norm = (1 + alpha) * s.omega / 2 + s.eps / s.dt.squareRoot()
                let bound = Swift.max(1e-12, Double(n) * 1000 * u * norm / Swift.abs(work))
                return MayoRoutes.roundOff(eta, bound: bound, "\(n) collisions; −αH_S + H_R is conserved by U exactly, so η is Δt-independent; per collision the energy differences carry ≲ 10³u‖H‖ (expm and partial traces), summed over n relative to W",
                                           route: "η = 1 − Q/W summed over \(n) collisions (Δt = \(s.dt), ε = \(s.eps), β = \(s.beta), ω = \(s.omega)) of Eq. (13) with H_R = αH_S from the thermal state; W = Δ⟨H_S + H_R⟩, Q = Δ⟨H_R⟩ per collision (Barra)")
            }
        }
    }

    // MARK: Sec. III B engine: stroke works and Q_h of (A2)

    struct EngineSetting { let betaC, omegaC, betaH, omegaH, epsilon, td: Double; let fast: Bool }
    static let engineSettings: [EngineSetting] = [
        EngineSetting(betaC: 10, omegaC: 1, betaH: 0.1, omegaH: 1.5, epsilon: 0.25, td: 2, fast: true),
        EngineSetting(betaC: 2, omegaC: 1, betaH: 0.5, omegaH: 3, epsilon: 1, td: 2, fast: false),
        EngineSetting(betaC: 1, omegaC: 0.5, betaH: 0, omegaH: 2, epsilon: 0.5, td: 1, fast: false)]

    static func text(_ x: Double) -> String {
        // exact decimal text of the settings above (all finite decimals)
        let s = String(format: "%.10g", x)
        return s
    }

    static func engineResult(_ s: EngineSetting) throws -> EngineCycleResult {
        let relax = 40 / (s.epsilon * s.epsilon)
        let timing = try EngineTiming(coldDuration: s.td + relax, quenchDuration: s.td, hotDuration: relax)
        let engine = try EngineCycle(omegaHot: s.omegaH, omegaCold: s.omegaC, betaHot: s.betaH, betaCold: s.betaC, epsilon: s.epsilon, timing: timing)
        return try engine.limitCycle()
    }

    static var engine: [CrossCheckCase] {
        var out: [CrossCheckCase] = []
        let reason = "open strokes run 40/ε² past the quench (populations relax as e^{−ε²t}: remainder e^{−40} ≈ 4e-18), limit cycle to 1e-12 in ρ; tolerance 1e-10"
        for s in engineSettings {
            let route = "five-stroke engine (Sec. III B) limit cycle, ε = \(text(s.epsilon)), t_d = \(text(s.td)), β_c = \(text(s.betaC)), ω_c = \(text(s.omegaC)), β_h = \(text(s.betaH)), ω_h = \(text(s.omegaH))"
            let all: [(P, String)] = [(.beta_c, text(s.betaC)), (.omega_c, text(s.omegaC)), (.beta_h, text(s.betaH)), (.omega_h, text(s.omegaH))]
            func pick(_ names: [P]) -> [(P, String)] { names.compactMap { n in all.first { $0.0 == n } } }
            let rows: [(String, [P], String, @Sendable (EngineCycleResult) -> Double)] = [
                ("mayo.engine.w1", [.beta_h, .omega_h], "W1 = work on the system in the inversion stroke", { $0.workOnSystem[0] }),
                ("mayo.engine.w2", [.beta_h, .omega_h, .omega_c], "W2 = work on the system in the gap change ω_h → ω_c", { $0.workOnSystem[1] }),
                ("mayo.engine.w4", [.beta_c, .omega_c, .omega_h], "W4 = work on the system in the gap change ω_c → ω_h", { $0.workOnSystem[3] }),
                ("mayo.engine.w5", [.beta_c, .omega_c, .beta_h, .omega_h], "W5 = switching work extracted in the hot stroke (−work on the system)", { -$0.workOnSystem[4] }),
                ("mayo.eqA2", [.beta_c, .omega_c, .beta_h, .omega_h], "Q_h = heat taken from the hot bath, −Δ⟨H_R⟩ summed over the hot stroke", { $0.heatFromHotBath }),
            ]
            for (id, names, what, pickValue) in rows {
                out.append(CrossCheckCase(id, pick(names), fast: s.fast) { _ in
                    let r = try engineResult(s)
                    return Simulated(value: pickValue(r), tolerance: 1e-10, absoluteTolerance: 1e-10 * s.omegaH, kind: .truncation, reason: reason, route: "\(what); \(route)")
                })
            }
        }
        return out
    }

    // MARK: Sec. III A / Appendix A: the cold stroke (Eq. 14, A5, A6, Q_c)

    static func thermalQubit(beta: Double, omega: Double) throws -> CMatrix {
        try DensityMatrix.gibbs(Qubit.sigmaZ.scaled(omega / 2), beta: beta)
    }

    static var coldStroke: [CrossCheckCase] {
        var out: [CrossCheckCase] = []
        // Eq. (14) M_00: −(decay rate of ρ_00) of the generator built from Eq. (13).
        let m00: [([(P, String)], Bool)] = [
            ([(.beta, "1"), (.omega, "3/2"), (.epsilon, "1/2")], true), ([(.beta, "10"), (.omega, "1"), (.epsilon, "1/4")], false),
            ([(.beta, "1/10"), (.omega, "1"), (.epsilon, "2")], false)]
        for (id, expect) in [("mayo.eq14.excited-decay", Expectation.contradicted(erratum: "mayo.eq14")),
                             ("mayo.eq14.excited-decay.corrected", .agrees)] {
            for (params, fast) in m00 {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let c = try CoherentCharging(omega: try value(p, .omega), beta: try value(p, .beta), epsilon: try value(p, .epsilon))
                    let m = try c.generatorInMayoOrder(alpha: 0)
                    return MayoRoutes.roundOff(-m[0, 0].real, bound: 1e-13, "ε²p_r products (≤ 10u)",
                                               route: "−M₀₀ of the Born generator of Eq. (13) in Mayo's order (row-stacked, index 0 excited)")
                })
            }
        }
        // (A6) constant: the stationary excited population at α = 1.
        let constant: [([(P, String)], Bool)] = [
            ([(.omega_c, "1"), (.epsilon, "1/4"), (.beta_c, "10")], true), ([(.omega_c, "3/2"), (.epsilon, "1/2"), (.beta_c, "1")], false),
            ([(.omega_c, "1/10"), (.epsilon, "1"), (.beta_c, "1")], false)]
        for (id, expect) in [("mayo.eqA6.constant", Expectation.contradicted(erratum: "mayo.eqA6.constant")),
                             ("mayo.eqA6.constant.corrected", .agrees)] {
            for (params, fast) in constant {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let c = try CoherentCharging(omega: try value(p, .omega_c), beta: try value(p, .beta_c), epsilon: try value(p, .epsilon))
                    let rho = try SteadyState.unique(try c.generator(alpha: 1))
                    return MayoRoutes.roundOff(rho[1, 1].real, bound: 1e-11, "linear solve of the 4×4 generator with the trace row (condition number ≲ ω²/ε⁴ · u)",
                                               route: "stationary ⟨e|ρ|e⟩ of the Born generator of Eq. (13) at α = 1 (H_S = (ω_c/2)σ_x)")
                })
            }
        }
        // (A6): ρ_00(t) under α = 1 from the hot thermal populations.
        let a6: [([(P, String)], Bool)] = [
            ([(.t, "2"), (.omega_c, "1"), (.epsilon, "1/4"), (.beta_c, "10"), (.beta_h, "1/10"), (.omega_h, "3/2")], true),
            ([(.t, "2"), (.omega_c, "1"), (.epsilon, "4/5"), (.beta_c, "2"), (.beta_h, "1/2"), (.omega_h, "3")], false),
            ([(.t, "5"), (.omega_c, "3/2"), (.epsilon, "1/2"), (.beta_c, "1"), (.beta_h, "1/5"), (.omega_h, "2")], false)]
        for (id, expect) in [("mayo.eqA6", Expectation.contradicted(erratum: "mayo.eqA6")), ("mayo.eqA6.corrected", .agrees)] {
            for (params, fast) in a6 {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let c = try CoherentCharging(omega: try value(p, .omega_c), beta: try value(p, .beta_c), epsilon: try value(p, .epsilon))
                    let rho0 = try thermalQubit(beta: try value(p, .beta_h), omega: try value(p, .omega_h))
                    let rho = try Evolution.evolve(try c.generator(alpha: 1), rho0, time: try value(p, .t))
                    return MayoRoutes.roundOff(rho[1, 1].real, bound: 1e-12, "e^{tL} on a 4×4 generator (backward error ≤ 4u‖tL‖)",
                                               route: "⟨e|e^{tL(1)}ρ₂|e⟩, ρ₂ the thermal state of H_h at β_h, L(1) the Born generator of Eq. (13) at α = 1")
                })
            }
        }
        // (A5): α = 1 until t_d, then α = 0.
        let a5: [([(P, String)], Bool)] = [
            ([(.t, "3"), (.t_d, "2"), (.omega_c, "1"), (.epsilon, "1/4"), (.beta_c, "10"), (.beta_h, "1/10"), (.omega_h, "2")], true),
            ([(.t, "4"), (.t_d, "2"), (.omega_c, "1"), (.epsilon, "1/2"), (.beta_c, "2"), (.beta_h, "1/2"), (.omega_h, "3")], false),
            ([(.t, "6"), (.t_d, "31416/10000"), (.omega_c, "1"), (.epsilon, "1/4"), (.beta_c, "10"), (.beta_h, "1/10"), (.omega_h, "3/2")], false)]
        for (id, expect) in [("mayo.eqA5", Expectation.contradicted(erratum: "mayo.eqA5")), ("mayo.eqA5.corrected", .agrees)] {
            for (params, fast) in a5 {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let c = try CoherentCharging(omega: try value(p, .omega_c), beta: try value(p, .beta_c), epsilon: try value(p, .epsilon))
                    let rho0 = try thermalQubit(beta: try value(p, .beta_h), omega: try value(p, .omega_h))
                    let td = try value(p, .t_d), t = try value(p, .t)
                    let rho = try Evolution.evolvePiecewise([(c.generator(alpha: 1), td), (c.generator(alpha: 0), t - td)], rho0)
                    return MayoRoutes.roundOff(rho[1, 1].real, bound: 1e-12, "two 4×4 exponentials (backward error ≤ 4u‖tL‖ each)",
                                               route: "⟨e|e^{(t−t_d)L(0)}e^{t_d L(1)}ρ₂|e⟩, Born generator of Eq. (13)")
                })
            }
        }
        out += coldHeat
        return out
    }

    /// Q_c of the cold stroke: −(heat into the cold bath) of the double quench from ρ₂, integrated
    /// exactly over [0, T] with T = t_d + 40/ε² (remainder measured against T + 20/ε²).
    static func coldHeatSimulated(omegaC: Double, epsilon: Double, td: Double, betaC: Double, betaH: Double, omegaH: Double) throws -> (value: Double, remainder: Double) {
        let c = try CoherentCharging(omega: omegaC, beta: betaC, epsilon: epsilon)
        let rho0 = try thermalQubit(beta: betaH, omega: omegaH)
        func heat(_ total: Double) throws -> Double {
            -(try c.report(try AlphaProtocol.doubleQuench(td: td, total: total), from: rho0).heatToBath)
        }
        let t1 = td + 40 / (epsilon * epsilon)
        let q1 = try heat(t1), q2 = try heat(t1 + 20 / (epsilon * epsilon))
        return (q2, Swift.abs(q2 - q1))
    }

    /// Fit of a simulated quantity at ε, ε/2, ε/4 to Q₀ + aε² + bε⁴: the ε⁴ term is what a
    /// first-order (weak-coupling) closed form neglects, so 3|b|ε⁴ is its tolerance.
    static func weakCouplingSequence(epsilon: Double, _ f: (Double) throws -> Double) throws -> Simulated {
        let q1 = try f(epsilon), q2 = try f(epsilon / 2), q3 = try f(epsilon / 4)
        let d1 = q1 - q2, d2 = q2 - q3
        let bx2 = (d1 - 4 * d2) * 64 / 45                 // b ε⁴
        let ax = (d1 - 15.0 / 16 * bx2) * 4 / 3           // a ε²
        let tol = Swift.max(1e-10, 3 * Swift.abs(bx2) / Swift.abs(q1))
        return Simulated(value: q1, tolerance: tol, kind: .truncation,
                         reason: String(format: "weak-coupling expansion: the closed form keeps O(ε²); simulated at ε, ε/2, ε/4: %.12g, %.12g, %.12g → fitted ε² coefficient a = %.9g, ε⁴ term bε⁴ = %.2e; tolerance 3|b|ε⁴ relative", q1, q2, q3, ax / (epsilon * epsilon), bx2),
                         route: "")
    }

    static var coldHeat: [CrossCheckCase] {
        var out: [CrossCheckCase] = []
        let qc: [([(P, String)], Bool)] = [
            ([(.omega_c, "1"), (.epsilon, "1/4"), (.t_d, "2"), (.beta_c, "10"), (.beta_h, "1/10"), (.omega_h, "2")], true),
            ([(.omega_c, "1"), (.epsilon, "1/4"), (.t_d, "31416/10000"), (.beta_c, "10"), (.beta_h, "1/10"), (.omega_h, "2")], false),
            ([(.omega_c, "1"), (.epsilon, "4/5"), (.t_d, "2"), (.beta_c, "2"), (.beta_h, "1/2"), (.omega_h, "3")], false),
            ([(.omega_c, "3/2"), (.epsilon, "1/2"), (.t_d, "1"), (.beta_c, "1"), (.beta_h, "1/5"), (.omega_h, "2")], false)]
        for (id, expect) in [("mayo.qc", Expectation.contradicted(erratum: "mayo.qc")), ("mayo.qc.corrected", .agrees)] {
            for (params, fast) in qc {
                out.append(CrossCheckCase(id, params, expect: expect, fast: fast) { p in
                    let r = try coldHeatSimulated(omegaC: try value(p, .omega_c), epsilon: try value(p, .epsilon), td: try value(p, .t_d),
                                                  betaC: try value(p, .beta_c), betaH: try value(p, .beta_h), omegaH: try value(p, .omega_h))
                    let tol = Swift.max(1e-11, 10 * r.remainder / Swift.abs(r.value))
                    return Simulated(value: r.value, tolerance: tol, kind: .truncation,
                                     reason: "truncated time: heat integrated exactly (augmented exponential) to T = t_d + 60/ε²; |Q(T) − Q(t_d + 40/ε²)| = \(String(format: "%.1e", r.remainder)); tolerance max(1e-11, 10× that, relative)",
                                     route: "Q_c = −∫ heat current into the cold bath (Born limit of Eq. 13, Q̇ = tr(Aρ)) along the double quench α = 1 on [0, t_d], 0 after, from ρ₂ = thermal state of H_h at β_h")
                })
            }
        }
        // Weak coupling at t_d = π/ω_c: printed, corrected relative to the printed Q_c, and from the collision model.
        let weak: [(omegaC: String, eps: String, betaC: String, betaH: String, omegaH: String, fast: Bool)] = [
            ("1", "1/20", "10", "1/10", "2", true), ("1", "1/10", "10", "1", "2", false),
            ("1", "1/20", "5", "1/2", "3", false), ("3/2", "1/10", "4", "1", "3/2", false)]
        let qcRows: [(String, Expectation)] = [("mayo.qc.weak-coupling", .contradicted(erratum: "mayo.qc.weak-coupling")),
                                               ("mayo.qc.weak-coupling.corrected", .contradicted(erratum: "mayo.qc")),
                                               ("mayo.qc.weak-coupling.model", .agrees)]
        for (id, expect) in qcRows {
            for w in weak {
                out.append(CrossCheckCase(id, [(.omega_c, w.omegaC), (.epsilon, w.eps), (.beta_c, w.betaC), (.beta_h, w.betaH), (.omega_h, w.omegaH)],
                                          expect: expect, fast: w.fast) { p in
                    let oc = try value(p, .omega_c), bc = try value(p, .beta_c), bh = try value(p, .beta_h), oh = try value(p, .omega_h)
                    var r = try weakCouplingSequence(epsilon: try value(p, .epsilon)) { e in
                        try coldHeatSimulated(omegaC: oc, epsilon: e, td: Double.pi / oc, betaC: bc, betaH: bh, omegaH: oh).value
                    }
                    r.route = "Q_c of the cold stroke (Born limit of Eq. 13, heat integrated exactly to t_d + 60/ε²) with the double quench at t_d = π/ω_c"
                    return r
                })
            }
        }
        let etaRows: [(String, Expectation)] = [("mayo.weak-coupling-efficiency", .contradicted(erratum: "mayo.weak-coupling-efficiency")),
                                                ("mayo.weak-coupling-efficiency.corrected", .contradicted(erratum: "mayo.qc")),
                                                ("mayo.weak-coupling-efficiency.model", .agrees)]
        for (id, expect) in etaRows {
            for w in weak {
                out.append(CrossCheckCase(id, [(.omega_c, w.omegaC), (.omega_h, w.omegaH), (.epsilon, w.eps), (.beta_c, w.betaC), (.beta_h, w.betaH)],
                                          expect: expect, fast: w.fast) { p in
                    let oc = try value(p, .omega_c), bc = try value(p, .beta_c), bh = try value(p, .beta_h), oh = try value(p, .omega_h)
                    // Q_h does not depend on ε once the strokes relax: one engine cycle at ε = 1/2.
                    let qh = try engineResult(EngineSetting(betaC: bc, omegaC: oc, betaH: bh, omegaH: oh, epsilon: 0.5, td: Double.pi / oc, fast: false)).heatFromHotBath
                    var r = try weakCouplingSequence(epsilon: try value(p, .epsilon)) { e in
                        let qc = try coldHeatSimulated(omegaC: oc, epsilon: e, td: Double.pi / oc, betaC: bc, betaH: bh, omegaH: oh).value
                        return 1 - Swift.abs(qc) / Swift.abs(qh)
                    }
                    r.route = "η = 1 − |Q_c|/|Q_h| (A1, the cycle's first law, checked by the engine rows): Q_c of the simulated cold stroke at t_d = π/ω_c, Q_h = heat from the hot bath in the simulated engine's limit cycle (ε = 1/2)"
                    return r
                })
            }
        }
        // η_Otto: the coherent cycle at t_d = π/ω_c in the limit ε → 0 (the quench then inverts the
        // populations exactly and the cycle becomes Otto's), extrapolated in ε².
        let otto: [(omegaC: String, omegaH: String, betaC: Double, betaH: Double, fast: Bool)] = [
            ("1", "2", 10, 0.1, false), ("1", "3/2", 5, 0.5, false), ("1/2", "2", 8, 1, true)]
        for o in otto {
            out.append(CrossCheckCase("mayo.efficiency.otto", [(.omega_c, o.omegaC), (.omega_h, o.omegaH)], fast: o.fast) { p in
                let oc = try value(p, .omega_c), oh = try value(p, .omega_h)
                let qh = try engineResult(EngineSetting(betaC: o.betaC, omegaC: oc, betaH: o.betaH, omegaH: oh, epsilon: 0.5, td: Double.pi / oc, fast: false)).heatFromHotBath
                let eps = 0.1
                let values = try [eps, eps / 2, eps / 4, eps / 8].map { e in
                    1 - Swift.abs(try coldHeatSimulated(omegaC: oc, epsilon: e, td: Double.pi / oc, betaC: o.betaC, betaH: o.betaH, omegaH: oh).value) / Swift.abs(qh)
                }
                // η(ε) = η₀ + aε² + bε⁴ through three consecutive points (x = ε², x/4, x/16).
                func fit(_ v: ArraySlice<Double>) -> Double {
                    let v0 = v[v.startIndex], v1 = v[v.startIndex + 1], v2 = v[v.startIndex + 2]
                    let d1 = v0 - v1, d2 = v1 - v2
                    let bx2 = (d1 - 4 * d2) * 64 / 45
                    let ax = (d1 - 15.0 / 16 * bx2) * 4 / 3
                    return v0 - ax - bx2
                }
                let fine = fit(values[1...]), coarse = fit(values[0..<3])
                let limitError = Swift.abs(fine - coarse)
                let tol = Swift.max(1e-10, 3 * limitError / Swift.max(Swift.abs(fine), 1e-300))
                return Simulated(value: fine, tolerance: tol, kind: .truncation,
                                 reason: String(format: "limit ε → 0 at t_d = π/ω_c: η at ε = 0.1, 0.05, 0.025, 0.0125: %.12g, %.12g, %.12g, %.12g; fit η₀ + aε² + bε⁴ through the finest three gives η₀ = %.12g, through the coarsest three %.12g; tolerance 3× their difference (the fit's measured error), relative, ≥ 1e-10", values[0], values[1], values[2], values[3], fine, coarse),
                                 route: "η = 1 − |Q_c|/|Q_h| (A1) of the simulated coherent cycle: cold stroke with the double quench at t_d = π/ω_c, Q_h from the engine's limit cycle; β_c = \(o.betaC), β_h = \(o.betaH)")
            })
        }
        return out
    }
}
