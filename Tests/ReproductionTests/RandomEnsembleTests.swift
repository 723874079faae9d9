import Foundation
import Numerics
import Testing
@testable import Reproduction
import Simulator

/// The ensembles' samplers: the same random stream as `initialState`, checked against the dense
/// simulator routes, and the Bartlett (Wishart) route against the dense Ginibre one in distribution.
@Suite struct RandomEnsembleTests {
    /// Sampler results against the simulator's measures on the dense steady state of the same sample.
    @Test(arguments: [(RandomEnsemble.haar, 3), (.haar, 5), (.haar, 7), (.hilbertSchmidt, 3), (.hilbertSchmidt, 5),
                      (.hilbertSchmidt, 7), (.diagonal, 4), (.diagonal, 6)])
    func samplerMatchesDenseRouteOnTheSameSample(ensemble: RandomEnsemble, n: Int) throws {
        for beta in [0.0, 0.8] {
            let map = try CollectiveSteadyStateMap(qubits: n, beta: beta)
            let sampler = RandomStateSampler(map: map)
            let h0 = try QubitRegister(count: n).cakmakH0(omega: 1)
            for index in 0..<3 {
                let o = try sampler.sample(ensemble: ensemble, seed: 42, index: index)
                let rho0 = try RandomStateStudy.initialState(ensemble: ensemble, qubits: n, seed: 42, index: index)
                #expect(abs(rho0.trace.real - 1) < 1e-12)
                let rho = try map.steadyState(from: rho0).hermitianPart
                let c = try Measures.l1Coherence(rho), w = try Measures.ergotropy(rho, h0)
                #expect(abs(o.coherence - c) < 1e-10 * max(1, c), "C \(o.coherence) vs \(c)")
                #expect(abs(o.ergotropy - w) < 1e-10, "W \(o.ergotropy) vs \(w)")
                #expect(abs(o.energy - (try Measures.energy(rho, h0))) < 1e-10)
            }
        }
    }

    /// The Bartlett draw of the M_j against M_j computed from dense Ginibre G G†/tr (the old route):
    /// means of C_l1 and W over 4000 samples each agree within 4 combined standard errors (a wrong
    /// Wishart degree, e.g. n_j = 2^N instead of 2^N(2j+1), shifts them by > 10 standard errors; see
    /// `wrongDegreesAreDetected`).
    @Test(arguments: [3, 4])
    func bartlettMatchesDenseGinibreInDistribution(n: Int) throws {
        let (fast, dense) = try hsMoments(n: n, samples: 4000, degreeScale: nil)
        #expect(abs(fast.meanX - dense.meanX) < 4 * standardError(fast.sdX, dense.sdX, 4000), "C: \(fast.meanX) vs \(dense.meanX)")
        #expect(abs(fast.meanY - dense.meanY) < 4 * standardError(fast.sdY, dense.sdY, 4000), "W: \(fast.meanY) vs \(dense.meanY)")
    }

    @Test func wrongDegreesAreDetected() throws {
        let (fast, dense) = try hsMoments(n: 3, samples: 4000, degreeScale: 1)
        #expect(abs(fast.meanX - dense.meanX) > 4 * standardError(fast.sdX, dense.sdX, 4000))
    }

    func standardError(_ a: Double, _ b: Double, _ n: Int) -> Double { ((a * a + b * b) / Double(n)).squareRoot() }

    /// (Bartlett route, dense Ginibre route) moments of (C_l1, W) at β = 0. `degreeScale` replaces
    /// n_j = 2^N(2j+1) by 2^N · degreeScale (only to show the test can fail).
    func hsMoments(n: Int, samples: Int, degreeScale: Int?) throws -> (Moments, Moments) {
        let map = try CollectiveSteadyStateMap(qubits: n, beta: 0)
        let d = 1 << n
        let h0 = try QubitRegister(count: n).cakmakH0(omega: 1)
        var fast = Moments(), dense = Moments()
        let kernel = CollectiveSteadyStateKernel(map: map)
        for i in 0..<samples {
            var rng = SplitMix64(seed: StreamSeed.seed(77, ensemble: .hilbertSchmidt, qubits: n, index: i))
            try kernel.loadFactors { s, dm, lr, li in
                drawBartlett(&rng, degrees: d * (degreeScale ?? map.basis.sectors[s].size), dm, lr, li)
            }
            let o = try kernel.observe()
            fast.add(o.coherence, o.ergotropy)
            var rng2 = SplitMix64(seed: StreamSeed.seed(78, ensemble: .hilbertSchmidt, qubits: n, index: i))
            let g = CMatrix(rows: d, cols: d) { _, _ in let (a, b) = gaussianPair(&rng2); return Cx(a, b) }
            var rho0 = try g * g.adjoint
            rho0 = rho0.scaled(1 / rho0.trace.real)
            let rho = try map.steadyState(from: rho0).hermitianPart
            dense.add(try Measures.l1Coherence(rho), try Measures.ergotropy(rho, h0))
        }
        return (fast, dense)
    }

    /// Gamma(shape) variates: mean and variance (both = shape) within 5 standard errors.
    @Test(arguments: [1.0, 7.5, 1024.0])
    func gammaVariateHasTheRightMoments(shape: Double) {
        var rng = SplitMix64(seed: 5)
        var m = Moments()
        let count = 40_000
        for _ in 0..<count { let x = gammaVariate(&rng, shape: shape); m.add(x, x * x) }
        #expect(abs(m.meanX - shape) < 5 * (shape / Double(count)).squareRoot())
        // var = shape; the sample variance has sd √((2k² + 6k)/count) (Gamma kurtosis): 5 of them
        #expect(abs(m.sdX * m.sdX - shape) < 5 * ((2 * shape * shape + 6 * shape) / Double(count)).squareRoot())
    }
}
