import Numerics
import Testing
@testable import Simulator

/// The random-state generators against properties of their ensembles: a Haar state is a unit-trace
/// projector whose ensemble mean is 1/n; a Hilbert–Schmidt state has unit trace, is positive, and
/// its mean purity is 2n/(n² + 1) (Życzkowski & Sommers). Statistical bounds are 6 standard errors
/// measured from the same samples.
@Suite("Random states")
struct RandomStatesTests {
    @Test("Haar-random pure states: unit trace, pure, mean 1/n", arguments: [2, 4, 8])
    func haar(n: Int) throws {
        var rng = SplitMix64(seed: 77)
        var mean = CMatrix(rows: n, cols: n)
        let samples = 3000
        var diagonal: [[Double]] = Array(repeating: [], count: n)
        for _ in 0..<samples {
            let rho = RandomStates.haarPure(dimension: n, rng: &rng)
            #expect(Swift.abs(rho.trace.real - 1) < 1e-13 && Swift.abs(rho.trace.imaginary) < 1e-13)
            let square = try rho * rho
            #expect(square.maxAbsDifference(rho) < 1e-13, "not a projector")
            mean.addScaled(rho, Cx(1.0 / Double(samples)))
            for i in 0..<n { diagonal[i].append(rho[i, i].real) }
        }
        for i in 0..<n {
            let m = diagonal[i].reduce(0, +) / Double(samples)
            let sd = (diagonal[i].reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(samples - 1)).squareRoot()
            #expect(Swift.abs(m - 1 / Double(n)) < 6 * sd / Double(samples).squareRoot(), "mean population \(m) vs 1/\(n)")
        }
        #expect(try (mean - CMatrix.identity(n).scaled(1 / Double(n))).maxAbs < 0.1)
    }

    @Test("Hilbert–Schmidt states: unit trace, positive, mean purity 2n/(n² + 1)", arguments: [2, 4])
    func hilbertSchmidt(n: Int) throws {
        var rng = SplitMix64(seed: 78)
        let samples = 3000
        var purities: [Double] = []
        for _ in 0..<samples {
            let rho = RandomStates.hilbertSchmidt(dimension: n, rng: &rng)
            #expect(Swift.abs(rho.trace.real - 1) < 1e-13)
            #expect(try LinearAlgebra.eigvalsh(rho, parameter: "rho").allSatisfy { $0 > -1e-14 })
            purities.append(try (rho * rho).trace.real)
        }
        let m = purities.reduce(0, +) / Double(samples)
        let sd = (purities.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(samples - 1)).squareRoot()
        let expected = 2 * Double(n) / Double(n * n + 1)
        #expect(Swift.abs(m - expected) < 6 * sd / Double(samples).squareRoot(), "mean purity \(m) vs \(expected)")
    }
}
