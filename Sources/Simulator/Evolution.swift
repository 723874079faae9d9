// Time evolution: exact (matrix exponential) for piecewise-constant generators, and an adaptive
// Dormand–Prince 5(4) integrator for time-dependent ones (the cross-check of the exact route).
import Numerics

public enum DensityMatrix {
    /// Checks a state: square, Hermitian, trace 1 and positive semidefinite within `tolerance`.
    public static func validate(_ rho: CMatrix, parameter: String = "rho", tolerance: Double = 1e-9) throws(SimulatorError) {
        if !rho.isSquare { throw .dimensionMismatch(parameter: parameter, expected: "square", got: "\(rho.rows)x\(rho.cols)") }
        let dev = rho.hermitianDeviation
        if dev > tolerance { throw .notHermitian(parameter: parameter, deviation: dev, tolerance: tolerance) }
        let tr = rho.trace
        if Swift.abs(tr.real - 1) > tolerance || Swift.abs(tr.imaginary) > tolerance {
            throw .notNormalised(parameter: parameter, trace: tr.real, tolerance: tolerance)
        }
        let lo = try LinearAlgebra.eigvalsh(rho.hermitianPart, parameter: parameter).first ?? 0
        if lo < -tolerance { throw .notPositive(parameter: parameter, minEigenvalue: lo, tolerance: tolerance) }
    }

    /// Gibbs state e^{−βH}/Z (β may be negative: negative-temperature states).
    public static func gibbs(_ h: CMatrix, beta: Double, parameter: String = "H") throws(SimulatorError) -> CMatrix {
        if !beta.isFinite { throw .invalidParameter(name: "beta", value: "\(beta)", allowed: "finite") }
        let e = try LinearAlgebra.eigh(h, parameter: parameter)
        let shift = beta >= 0 ? e.values.first ?? 0 : e.values.last ?? 0  // avoid overflow
        let rho = try LinearAlgebra.hermitianFunction(h, parameter: parameter) { Cx(Double.exp(-beta * ($0 - shift))) }
        return rho.scaled(1 / rho.trace.real)
    }

    /// |ψ⟩⟨ψ| normalised.
    public static func pure(_ psi: [Cx]) throws(SimulatorError) -> CMatrix {
        let n2 = psi.reduce(0.0) { $0 + $1.lengthSquared }
        if !(n2 > 0) { throw .invalidParameter(name: "psi", value: "zero vector", allowed: "non-zero vector") }
        return CMatrix.outer(psi, psi).scaled(1 / n2)
    }
}

public enum Evolution {
    /// e^{tL} ρ0 (exact up to the Padé error, ~1e-15 relative).
    public static func evolve(_ l: Lindbladian, _ rho0: CMatrix, time t: Double) throws(SimulatorError) -> CMatrix {
        if t < 0 { throw .invalidParameter(name: "t", value: "\(t)", allowed: ">= 0") }
        return try Superoperator.apply(try l.propagator(time: t), to: rho0)
    }

    /// States at t = 0, Δt, 2Δt, … , steps·Δt under a constant generator (one expm, then products).
    public static func trajectory(_ l: Lindbladian, _ rho0: CMatrix, timeStep dt: Double, steps: Int) throws(SimulatorError) -> [CMatrix] {
        if !(dt > 0) { throw .invalidParameter(name: "dt", value: "\(dt)", allowed: "> 0") }
        if steps < 0 { throw .invalidParameter(name: "steps", value: "\(steps)", allowed: ">= 0") }
        let p = try l.propagator(time: dt)
        var out = [rho0]
        var v = rho0.vectorised
        for _ in 0..<steps {
            v = CMatrix.gemm(p, v)
            out.append(try CMatrix.unvectorise(v, dimension: rho0.rows))
        }
        return out
    }

    /// Piecewise-constant generators: ρ(T) = e^{Δt_n L_n} ⋯ e^{Δt_1 L_1} ρ0.
    public static func evolvePiecewise(_ segments: [(generator: Lindbladian, duration: Double)],
                                       _ rho0: CMatrix) throws(SimulatorError) -> CMatrix {
        var rho = rho0
        for (k, s) in segments.enumerated() {
            if s.duration < 0 { throw .invalidParameter(name: "duration[\(k)]", value: "\(s.duration)", allowed: ">= 0") }
            rho = try evolve(s.generator, rho, time: s.duration)
        }
        return rho
    }

    /// Result of the adaptive integrator.
    public struct AdaptiveResult: Sendable {
        public let state: CMatrix
        public let acceptedSteps: Int
        public let rejectedSteps: Int
    }

    /// Dormand–Prince 5(4) with error control for dρ/dt = f(t, ρ), from t0 to t1.
    /// Error norm: max-abs per component scaled by atol + rtol·|ρ|.
    public static func integrate(from t0: Double, to t1: Double, initial rho0: CMatrix,
                                 relativeTolerance rtol: Double = 1e-10, absoluteTolerance atol: Double = 1e-12,
                                 maxSteps: Int = 1_000_000,
                                 _ f: (Double, CMatrix) throws(SimulatorError) -> CMatrix) throws(SimulatorError) -> AdaptiveResult {
        if !(t1 >= t0) { throw .invalidParameter(name: "t1", value: "\(t1)", allowed: ">= t0 = \(t0)") }
        if !(rtol > 0) || !(atol > 0) { throw .invalidParameter(name: "tolerances", value: "\(rtol), \(atol)", allowed: "> 0") }
        let c: [Double] = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1]
        let a: [[Double]] = [
            [],
            [1.0 / 5],
            [3.0 / 40, 9.0 / 40],
            [44.0 / 45, -56.0 / 15, 32.0 / 9],
            [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
            [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
            [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
        ]
        let b5: [Double] = [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0]
        let b4: [Double] = [5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40]
        var t = t0
        var y = rho0
        var h = Swift.max((t1 - t0) / 100, 1e-12)
        var accepted = 0, rejected = 0
        if t1 == t0 { return AdaptiveResult(state: y, acceptedSteps: 0, rejectedSteps: 0) }
        var k1 = try f(t, y)
        while t < t1 {
            if accepted + rejected > maxSteps {
                throw .noConvergence(method: "Dormand–Prince", detail: "more than \(maxSteps) steps at t = \(t)")
            }
            h = Swift.min(h, t1 - t)
            var k: [CMatrix] = [k1]
            for s in 1..<7 {
                var ys = y
                for (j, aj) in a[s].enumerated() where aj != 0 { ys.addScaled(k[j], Cx(h * aj)) }
                k.append(try f(t + c[s] * h, ys))
            }
            var y5 = y
            for j in 0..<6 where b5[j] != 0 { y5.addScaled(k[j], Cx(h * b5[j])) }
            var err = 0.0
            // per real component (re, im of each entry, in storage order)
            for idx in 0..<(2 * y5.storage.count) {
                func part(_ m: CMatrix) -> Double {
                    let z = m.storage[idx >> 1]
                    return idx & 1 == 0 ? z.real : z.imaginary
                }
                var e = 0.0
                for j in 0..<7 { e += (b5[j] - b4[j]) * part(k[j]) }
                e *= h
                let sc = atol + rtol * Swift.max(Swift.abs(part(y)), Swift.abs(part(y5)))
                err = Swift.max(err, Swift.abs(e) / sc)
            }
            if err <= 1 {
                t += h
                y = y5
                k1 = k[6]  // FSAL
                accepted += 1
            } else {
                rejected += 1
            }
            let factor = err == 0 ? 5 : Swift.min(5, Swift.max(0.2, 0.9 * Double.pow(err, -0.2)))
            h *= factor
            if h < 1e-14 * Swift.max(1, Swift.abs(t)) {
                throw .noConvergence(method: "Dormand–Prince", detail: "step size underflow at t = \(t)")
            }
        }
        return AdaptiveResult(state: y, acceptedSteps: accepted, rejectedSteps: rejected)
    }
}
