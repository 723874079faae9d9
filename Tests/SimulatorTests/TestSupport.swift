import Numerics
@testable import Simulator

/// Random complex matrix with i.i.d. Gaussian entries (seeded, reproducible).
func randomMatrix(_ n: Int, _ m: Int, seed: UInt64) -> CMatrix {
    var rng = SplitMix64(seed: seed)
    return CMatrix(rows: n, cols: m) { _, _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
}

func randomHermitian(_ n: Int, seed: UInt64) -> CMatrix {
    let g = randomMatrix(n, n, seed: seed)
    return CMatrix(rows: n, cols: n) { i, j in (g[i, j] + g[j, i].conjugate).multiplied(by: 0.5) }
}

func randomState(_ n: Int, seed: UInt64) -> CMatrix {
    var rng = SplitMix64(seed: seed)
    return RandomStates.hilbertSchmidt(dimension: n, rng: &rng)
}

/// The SimulatorError thrown by `body`, or nil if it returned (or threw anything else).
func caught<T>(_ body: () throws -> T) -> SimulatorError? {
    do { _ = try body(); return nil } catch let e as SimulatorError { return e } catch { return nil }
}
