// The benchmark grids (N = 1…64 × 200 parameter values) under ordo-one/benchmark, plain C on
// MPFR beside the Swift engine: wall-clock percentiles and mallocs per grid evaluation.
// Run: cd Benchmarks && swift package benchmark --target EngineGrid
import Benchmark
import BenchmarkGrids
import BigNumerics
import CMPFRGrid

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 25)
    for bits in [256, 2048] {
        Benchmark("Γ grid, plain C + MPFR, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(qb_grid_gamma(bits)) }
        }
        Benchmark("Γ grid, Swift generic, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { gammaGrid(BigFloat.self) }) }
        }
        Benchmark("Γ grid, Swift generic overflow-safe order, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { gammaGridSafe(BigFloat.self) }) }
        }
        Benchmark("C_l1 grid, plain C + MPFR, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(qb_grid_coherence(bits)) }
        }
        Benchmark("C_l1 grid, Swift catalogue (Cakmak.coherenceEq15), \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { coherenceGridCatalogue(BigFloat.self) }) }
        }
        Benchmark("C_l1 grid, Swift operators, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { coherenceGrid(BigFloat.self) }) }
        }
        Benchmark("W grid, plain C + MPFR, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(qb_grid_ergotropy(bits)) }
        }
        Benchmark("W grid, Swift catalogue (Cakmak.ergotropyEq16), \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { ergotropyGridCatalogue(BigFloat.self) }) }
        }
        Benchmark("W grid, Swift operators, \(bits) bits") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BigFloat.withPrecision(bits) { ergotropyGrid(BigFloat.self, omega: BigFloat(rational: 1)) }) }
        }
    }
}
