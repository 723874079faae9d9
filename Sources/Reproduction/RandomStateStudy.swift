// Çakmak Sec. IV B 2 (Fig. 3): random initial states of N collectively coupled qubits, their steady
// states in the high-temperature limit, and the mean, standard deviation and scatter of C_l1 and W.
//
// Work is cut into fixed chunks of consecutive sample indices per (ensemble, N). A chunk is reduced
// sequentially; chunk partials are combined in chunk order. Which thread (or which shard, or which
// machine) computed a chunk therefore never changes a bit of the result.
import Foundation
import Simulator

public struct RandomStateStudyConfig: Sendable, Equatable {
    public var ensembles: [RandomEnsemble]
    public var qubits: [Int]
    public var samples: Int
    public var seed: UInt64
    /// Inverse temperature of the steady state (0 = the paper's high-temperature limit β → 0).
    public var beta: Double
    public var omega: Double
    public var chunkSize: Int
    /// Size of the deterministic scatter subsample per (ensemble, N).
    public var scatterPoints: Int

    public init(ensembles: [RandomEnsemble] = RandomEnsemble.allCases, qubits: [Int] = Array(2...7), samples: Int = 100_000,
                seed: UInt64 = 20_240_601, beta: Double = 0, omega: Double = 1, chunkSize: Int = 2_000,
                scatterPoints: Int = 1_500) throws(ReproductionError) {
        if samples < 1 { throw .invalidParameter(name: "samples", value: "\(samples)", allowed: ">= 1") }
        if chunkSize < 1 { throw .invalidParameter(name: "chunkSize", value: "\(chunkSize)", allowed: ">= 1") }
        if scatterPoints < 1 { throw .invalidParameter(name: "scatterPoints", value: "\(scatterPoints)", allowed: ">= 1") }
        for n in qubits where n < 1 || n > 10 {
            throw .invalidParameter(name: "N", value: "\(n)", allowed: "1 ... 10 for the random-state study")
        }
        if ensembles.isEmpty || qubits.isEmpty { throw .invalidParameter(name: "ensembles/qubits", value: "empty", allowed: "non-empty") }
        self.ensembles = ensembles
        self.qubits = qubits
        self.samples = samples
        self.seed = seed
        self.beta = beta
        self.omega = omega
        self.chunkSize = chunkSize
        self.scatterPoints = scatterPoints
    }

    public var chunksPerSeries: Int { (samples + chunkSize - 1) / chunkSize }
    public var itemCount: Int { ensembles.count * qubits.count * chunksPerSeries }
    public var scatterStride: Int { max(1, samples / scatterPoints) }

    public struct Item: Sendable, Equatable {
        public let ensemble: RandomEnsemble
        public let qubits: Int
        public let chunk: Int
        public let range: Range<Int>
    }

    public func item(_ i: Int) -> Item {
        let c = chunksPerSeries
        let e = i / (qubits.count * c), rest = i % (qubits.count * c)
        let n = rest / c, chunk = rest % c
        let lo = chunk * chunkSize
        return Item(ensemble: ensembles[e], qubits: qubits[n], chunk: chunk, range: lo..<min(samples, lo + chunkSize))
    }
}

/// A scatter point: sample index and its (C_l1, W).
public struct ScatterPoint: Sendable, Equatable {
    public let index: Int
    public let coherence: Double
    public let ergotropy: Double
}

public struct ChunkResult: Sendable, Equatable {
    public var moments: Moments
    public var scatter: [ScatterPoint]

    /// Exact text form: the moments line, then one line per scatter point (bit patterns).
    public var payload: [String] {
        ["m " + moments.serialized] + scatter.map {
            "p \($0.index) \(String($0.coherence.bitPattern, radix: 16)) \(String($0.ergotropy.bitPattern, radix: 16))"
        }
    }

    public init(moments: Moments, scatter: [ScatterPoint]) {
        self.moments = moments
        self.scatter = scatter
    }

    public init?(payload: [String]) {
        guard let first = payload.first, first.hasPrefix("m "), let m = Moments(serialized: first.dropFirst(2)) else { return nil }
        var pts: [ScatterPoint] = []
        for line in payload.dropFirst() {
            let f = line.split(separator: " ")
            guard f.count == 4, f[0] == "p", let i = Int(f[1]), let c = UInt64(f[2], radix: 16), let w = UInt64(f[3], radix: 16) else { return nil }
            pts.append(ScatterPoint(index: i, coherence: Double(bitPattern: c), ergotropy: Double(bitPattern: w)))
        }
        moments = m
        scatter = pts
    }
}

public struct SeriesResult: Sendable, Equatable {
    public let ensemble: RandomEnsemble
    public let qubits: Int
    public let moments: Moments
    public let scatter: [ScatterPoint]
}

public enum RandomStateStudy {
    /// Precomputed maps (coupled bases) for the configured N.
    public static func maps(_ config: RandomStateStudyConfig) throws(ReproductionError) -> [Int: CollectiveSteadyStateMap] {
        var out: [Int: CollectiveSteadyStateMap] = [:]
        for n in config.qubits where out[n] == nil {
            out[n] = try CollectiveSteadyStateMap(qubits: n, beta: config.beta, omega: config.omega)
        }
        return out
    }

    /// One sample: its steady-state observables (the unit the benchmark times).
    @inline(__always)
    public static func sample(_ w: SampleWorkspace, ensemble: RandomEnsemble, seed: UInt64, index: Int) -> Observation {
        var rng = SplitMix64(seed: StreamSeed.seed(seed, ensemble: ensemble, qubits: w.n, index: index))
        switch ensemble {
        case .haar: w.loadHaar(&rng)
        case .hilbertSchmidt: w.loadHilbertSchmidt(&rng)
        case .diagonal: w.loadDiagonal(&rng)
        }
        return w.observe()
    }

    /// Reduces one chunk sequentially in sample order.
    public static func compute(_ item: RandomStateStudyConfig.Item, map: CollectiveSteadyStateMap,
                               config: RandomStateStudyConfig, workspace: SampleWorkspace? = nil) -> ChunkResult {
        let w = workspace ?? SampleWorkspace(map: map)
        var m = Moments()
        var pts: [ScatterPoint] = []
        let stride = config.scatterStride
        for i in item.range {
            let o = sample(w, ensemble: item.ensemble, seed: config.seed, index: i)
            m.add(o.coherence, o.ergotropy)
            if i % stride == 0 && i / stride < config.scatterPoints {
                pts.append(ScatterPoint(index: i, coherence: o.coherence, ergotropy: o.ergotropy))
            }
        }
        return ChunkResult(moments: m, scatter: pts)
    }

    /// Computes the given items with `workers` concurrent tasks; results keyed by item index.
    public static func run(_ config: RandomStateStudyConfig, items: [Int], workers: Int,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) async throws(ReproductionError) -> [Int: ChunkResult] {
        if workers < 1 { throw .invalidParameter(name: "workers", value: "\(workers)", allowed: ">= 1") }
        let maps = try maps(config)
        var results: [Int: ChunkResult] = [:]
        await withTaskGroup(of: (Int, ChunkResult).self) { group in
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let idx = items[next]
                next += 1
                let item = config.item(idx)
                if let map = maps[item.qubits] {
                    group.addTask { (idx, compute(item, map: map, config: config)) }
                }
            }
            for _ in 0..<workers { launch() }
            while let (idx, r) = await group.next() {
                results[idx] = r
                progress?(results.count, items.count)
                launch()
            }
        }
        return results
    }

    /// Folds chunk results in chunk order into one result per (ensemble, N).
    public static func reduce(_ config: RandomStateStudyConfig, _ results: [Int: ChunkResult]) throws(ReproductionError) -> [SeriesResult] {
        var out: [SeriesResult] = []
        let c = config.chunksPerSeries
        var missing: [Int] = []
        for (ei, e) in config.ensembles.enumerated() {
            for (ni, n) in config.qubits.enumerated() {
                var m = Moments()
                var pts: [ScatterPoint] = []
                for chunk in 0..<c {
                    let idx = (ei * config.qubits.count + ni) * c + chunk
                    guard let r = results[idx] else { missing.append(idx); continue }
                    m.combine(r.moments)
                    pts += r.scatter
                }
                out.append(SeriesResult(ensemble: e, qubits: n, moments: m, scatter: pts))
            }
        }
        if !missing.isEmpty { throw .incompleteShards(figure: "random-state study", missing: missing, duplicated: []) }
        return out
    }
}

extension RandomStateStudy {
    /// The dense initial state ρ0 of sample `index` (the same random stream the study consumes), so
    /// any sample can be re-derived and checked against the dense routes.
    public static func initialState(ensemble: RandomEnsemble, qubits n: Int, seed: UInt64, index: Int) throws(ReproductionError) -> CMatrix {
        var rng = SplitMix64(seed: StreamSeed.seed(seed, ensemble: ensemble, qubits: n, index: index))
        let d = 1 << n
        switch ensemble {
        case .haar:
            var psi = [Cx](repeating: .zero, count: d)
            var i = 0
            while i < d {
                let (g1, g2) = gaussianPair(&rng)
                let (g3, g4) = gaussianPair(&rng)
                psi[i] = Cx(g1, g2)
                if i + 1 < d { psi[i + 1] = Cx(g3, g4) }
                i += 2
            }
            let norm = psi.reduce(0.0) { $0 + $1.lengthSquared }
            return CMatrix.outer(psi, psi).scaled(1 / norm)
        case .hilbertSchmidt:
            // The sampler draws each column in coupled coordinates (index = level offset + column
            // of U_k); the computational column is U_k times that block.
            let basis = try CoupledBasis(qubits: n)
            var g = CMatrix(rows: d, cols: d)
            for col in 0..<d {
                var coupled = [Cx](repeating: .zero, count: d)
                for i in 0..<d {
                    let (a, b) = gaussianPair(&rng)
                    coupled[i] = Cx(a, b)
                }
                var offset = 0
                for (k, states) in basis.levelStates.enumerated() {
                    let nk = states.count, u = basis.u[k]
                    for row in 0..<nk {
                        var s = Cx.zero
                        for c in 0..<nk {
                            let weight: Double = u[row * nk + c]
                            s = s + Cx(coupled[offset + c].real * weight, coupled[offset + c].imaginary * weight)
                        }
                        g[states[row], col] = s
                    }
                    offset += nk
                }
            }
            var rho = CMatrix(rows: d, cols: d)
            var tr = 0.0
            for i in 0..<d { for j in 0..<d {
                var s = Cx.zero
                for c in 0..<d { s += g[i, c] * g[j, c].conjugate }
                rho[i, j] = s
            }; tr += rho[i, i].real }
            return rho.scaled(1 / tr)
        case .diagonal:
            var p = [Double](repeating: 0, count: d)
            for x in 0..<d { p[x] = -Foundation.log(1 - rng.nextUniform()) }
            let t = p.reduce(0, +)
            return CMatrix.diagonal(real: p.map { $0 / t })
        }
    }
}
