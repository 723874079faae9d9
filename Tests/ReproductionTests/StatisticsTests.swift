import Foundation
import Testing
@testable import Reproduction
import Simulator

/// The figure statistics against an independent two-pass computation (not against other runs of
/// the same streaming code), and the study's scatter subsample and chunk order as documented.
@Suite("Figure statistics")
struct StatisticsTests {
    /// A fixed, awkward data set: different scales, a trend plus deterministic noise.
    static let data: [(Double, Double)] = (0..<257).map { i in
        let t = Double(i)
        return (1e3 + 0.37 * t + sin(1.7 * t), -2 + 0.01 * t * t / 257 + cos(0.9 * t) * 0.5)
    }

    struct TwoPass {
        let mean: (Double, Double), sd: (Double, Double), correlation: Double
        let min: (Double, Double), max: (Double, Double)
        init(_ d: [(Double, Double)]) {
            let n = Double(d.count)
            let mx = d.reduce(0) { $0 + $1.0 } / n, my = d.reduce(0) { $0 + $1.1 } / n
            let sxx = d.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
            let syy = d.reduce(0) { $0 + ($1.1 - my) * ($1.1 - my) }
            let sxy = d.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
            mean = (mx, my)
            sd = ((sxx / (n - 1)).squareRoot(), (syy / (n - 1)).squareRoot())
            correlation = sxy / (sxx * syy).squareRoot()
            min = (d.map(\.0).min()!, d.map(\.1).min()!)
            max = (d.map(\.0).max()!, d.map(\.1).max()!)
        }
    }

    func expectAgrees(_ m: Moments, _ d: [(Double, Double)], _ what: String) {
        let r = TwoPass(d)
        // Relative round-off of both algorithms on 257 values: ~1e-13; a wrong formula is off by far more.
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-11 * Swift.max(1, abs(b)) }
        #expect(m.count == d.count, "\(what): count")
        #expect(close(m.meanX, r.mean.0) && close(m.meanY, r.mean.1), "\(what): means")
        #expect(close(m.sdX, r.sd.0) && close(m.sdY, r.sd.1), "\(what): sample standard deviations (n − 1)")
        #expect(close(m.correlation, r.correlation), "\(what): correlation \(m.correlation) vs \(r.correlation)")
        #expect(m.minX == r.min.0 && m.minY == r.min.1 && m.maxX == r.max.0 && m.maxY == r.max.1, "\(what): extremes")
    }

    @Test("Welford's update and Chan's combination equal a two-pass computation, for every split")
    func momentsAgainstTwoPass() {
        var whole = Moments()
        for (x, y) in Self.data { whole.add(x, y) }
        expectAgrees(whole, Self.data, "one pass")
        // Chunks of several sizes, combined left to right; the extremes sit in different chunks.
        for size in [1, 2, 7, 64, 100, 256] {
            var combined = Moments()
            var start = 0
            while start < Self.data.count {
                var part = Moments()
                for (x, y) in Self.data[start..<min(start + size, Self.data.count)] { part.add(x, y) }
                combined.combine(part)
                start += size
            }
            expectAgrees(combined, Self.data, "chunks of \(size)")
        }
        // An empty partial changes nothing; a partial into an empty one is copied.
        var empty = Moments()
        empty.combine(whole)
        #expect(empty == whole)
        var same = whole
        same.combine(Moments())
        #expect(same == whole)
    }

    @Test("the scatter subsample holds exactly scatterPoints points, every stride-th sample")
    func scatterSubsample() throws {
        for (samples, points, chunk) in [(500, 7, 64), (100, 100, 30), (1000, 3, 2000)] {
            let config = try RandomStateStudyConfig(ensembles: [.diagonal], qubits: [2], samples: samples, seed: 1,
                                                    chunkSize: chunk, scatterPoints: points)
            let map = try CollectiveSteadyStateMap(qubits: 2, beta: 0)
            var results: [Int: ChunkResult] = [:]
            for i in 0..<config.itemCount { results[i] = try RandomStateStudy.compute(config.item(i), map: map, config: config) }
            let series = try RandomStateStudy.reduce(config, results)[0]
            let stride = max(1, samples / points)
            #expect(series.scatter.count == points, "\(samples) samples, \(points) points: got \(series.scatter.count)")
            #expect(series.scatter.map(\.index) == (0..<points).map { $0 * stride })
            #expect(series.moments.count == samples)
        }
    }

    @Test("chunk partials are folded in chunk order (the order is part of the bit-exact result)")
    func chunkOrder() throws {
        let config = try RandomStateStudyConfig(ensembles: [.haar, .hilbertSchmidt], qubits: [2, 3], samples: 300, seed: 11, chunkSize: 37)
        var maps: [Int: CollectiveSteadyStateMap] = [:]
        for n in config.qubits { maps[n] = try CollectiveSteadyStateMap(qubits: n, beta: 0) }
        var results: [Int: ChunkResult] = [:]
        for i in 0..<config.itemCount {
            let item = config.item(i)
            results[i] = try RandomStateStudy.compute(item, map: maps[item.qubits]!, config: config)
        }
        let series = try RandomStateStudy.reduce(config, results)
        let c = config.chunksPerSeries
        for (s, r) in series.enumerated() {
            var inOrder = Moments()
            var scatter: [ScatterPoint] = []
            for chunk in 0..<c {
                inOrder.combine(results[s * c + chunk]!.moments)
                scatter += results[s * c + chunk]!.scatter
            }
            #expect(r.moments == inOrder, "series \(s): not the chunk-order fold")
            #expect(r.scatter == scatter)
            #expect(r.scatter.map(\.index) == r.scatter.map(\.index).sorted())
        }
    }
}
