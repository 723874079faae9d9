// Mayo Fig. 5: the double quench under the dephasing noise of Eq. (15). The noise acts as a kick
// at every multiple of a fixed interval h (how often is not printed); between kicks the state is
// propagated exactly, and the charging time is found exactly inside the step where E crosses
// E_full(1 − δ), so p = 0 reproduces the noiseless route of Fig. 4(b) to round-off.
import Foundation
import Simulator

/// When the kick that falls on the quench back (t = t_d) acts; the paper does not say.
public enum DephasingMoment: Int, Sendable, CaseIterable {
    /// In the eigenbasis of H_S(1) = (ω/2)σ_x, then α returns to 0 (the kick closes the σ_x segment).
    case beforeQuenchBack = 0
    /// α returns to 0 first, then the kick acts in the eigenbasis of H_S(0) = (ω/2)σ_z.
    case afterQuenchBack = 1

    public var text: String {
        switch self {
        case .beforeQuenchBack: return "before the quench back (the kick at t_d acts in the eigenbasis of H_S(1) ∝ σ_x)"
        case .afterQuenchBack: return "after the quench back (the kick at t_d acts in the eigenbasis of H_S(0) ∝ σ_z)"
        }
    }
}

public enum DephasedCharging {
    /// One piece of the protocol: α on a duration, then optionally a kick in the eigenbasis of H_S(kickAlpha).
    struct Piece { let alpha: Double; let duration: Double; let kickAlpha: Double? }

    /// Charging with α = 1 on [0, t_d] (t_d = nil: α = 0 throughout) and the Eq. (15) kick at every
    /// multiple of h. T is exact (bisection inside the crossing step, 60 halvings, or the kick
    /// itself when the kick completes the charge); work, heat and ergotropy are the simulator's
    /// exact integrals over the pieces up to T. t_d must be a multiple of h.
    public static func charge(_ cc: CoherentCharging, td: Double?, noise: DephasingNoise, moment: DephasingMoment,
                              delta: Double = 0.01, interval h: Double = 0.05) throws(ReproductionError) -> ChargeResult {
        guard h > 0, h.isFinite else { throw .invalidParameter(name: "interval", value: "\(h)", allowed: "h > 0") }
        let tdSteps = td.map { Int(($0 / h).rounded()) } ?? 0
        if let td, !(td >= 0) || Swift.abs(Double(tdSteps) * h - td) > 1e-12 * Swift.max(1, td) {
            throw .invalidParameter(name: "t_d", value: "\(td)", allowed: "a non-negative multiple of the dephasing interval \(h)")
        }
        return try sim { () throws(SimulatorError) -> ChargeResult in
            let h0 = cc.hamiltonian(alpha: 0)
            let rho0 = try cc.emptyState()
            let eEmpty = try Measures.energy(rho0, h0)
            let eFull = try Measures.energy(DensityMatrix.gibbs(h0, beta: -cc.beta), h0)
            let target = eFull * (1 - delta)
            let l1 = try cc.generator(alpha: 1), l0 = try cc.generator(alpha: 0)
            let p1 = try l1.propagator(time: h), p0 = try l0.propagator(time: h)
            func kick(_ rho: CMatrix, _ alpha: Double) throws(SimulatorError) -> CMatrix {
                try Dephasing.apply(rho, hamiltonian: cc.hamiltonian(alpha: alpha), p: noise.p, reading: noise.reading)
            }
            var rho = rho0
            var pieces: [Piece] = []
            var time: Double? = nil
            var k = 0
            while k < 400_000 && time == nil {
                let alpha: Double = k < tdSteps ? 1 : 0
                let next = try CMatrix.unvectorise((alpha == 1 ? p1 : p0) * rho.vectorised, dimension: 2).hermitianPart
                if try Measures.energy(next, h0) >= target {
                    // E is continuous between kicks: bisection inside this step.
                    var lo = 0.0, hi = h
                    let l = alpha == 1 ? l1 : l0
                    for _ in 0..<60 {
                        let m = (lo + hi) / 2
                        if try Measures.energy(Evolution.evolve(l, rho, time: m), h0) >= target { hi = m } else { lo = m }
                    }
                    pieces.append(Piece(alpha: alpha, duration: hi, kickAlpha: nil))
                    time = Double(k) * h + hi
                    break
                }
                // The kick at (k + 1)h: at t_d its basis depends on the moment.
                let atQuenchBack = k + 1 == tdSteps
                let kickAlpha = atQuenchBack && moment == .afterQuenchBack ? 0 : alpha
                rho = try kick(next, kickAlpha)
                pieces.append(Piece(alpha: alpha, duration: h, kickAlpha: kickAlpha))
                k += 1
                if try Measures.energy(rho, h0) >= target { time = Double(k) * h }
            }
            guard let tCross = time else {
                throw .noConvergence(method: "dephased charging", detail: "E_full(1 − δ) not reached within \(Double(k) * h)")
            }
            // Bookkeeping: runs of pieces whose kick is in their own basis go through one report
            // (it kicks after each segment in that segment's basis); other pieces alone, kicked by hand.
            var state = rho0
            var quench = 0.0, switching = 0.0, maxC = 0.0
            var i = 0
            while i < pieces.count {
                var j = i
                let runKicks = pieces[i].kickAlpha == pieces[i].alpha
                while j < pieces.count && (pieces[j].kickAlpha == pieces[j].alpha) == runKicks && pieces[j].alpha == pieces[i].alpha
                        && (runKicks || j == i) { j += 1 }
                let run = pieces[i..<j]
                let prot = try AlphaProtocol(alphas: run.map(\.alpha), durations: run.map(\.duration))
                let r = try cc.report(prot, from: state, dephasing: runKicks ? noise : nil)
                quench += r.quenchWork
                switching += r.switchingWork
                maxC = Swift.max(maxC, r.maxRelativeEntropyOfCoherence)
                state = r.finalState
                if !runKicks, let a = pieces[i].kickAlpha { state = try kick(state, a) }
                i = j
            }
            let ergotropy = try Measures.ergotropy(state, h0)
            let work = quench + switching
            return ChargeResult(time: tCross, power: (target - eEmpty) / tCross, efficiency: ergotropy / work, ergotropy: ergotropy,
                                externalWork: work, maxCoherence: maxC)
        }
    }
}
