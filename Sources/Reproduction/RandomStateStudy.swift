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
            out[n] = try sim { () throws(SimulatorError) in try CollectiveSteadyStateMap(qubits: n, beta: config.beta, omega: config.omega) }
        }
        return out
    }

    /// Reduces one chunk sequentially in sample order.
    public static func compute(_ item: RandomStateStudyConfig.Item, map: CollectiveSteadyStateMap,
                               config: RandomStateStudyConfig, sampler: RandomStateSampler? = nil) throws(ReproductionError) -> ChunkResult {
        let w = sampler ?? RandomStateSampler(map: map)
        var m = Moments()
        var pts: [ScatterPoint] = []
        let stride = config.scatterStride
        for i in item.range {
            let o = try w.sample(ensemble: item.ensemble, seed: config.seed, index: i)
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
        var failure: ReproductionError?
        await withTaskGroup(of: (Int, Result<ChunkResult, ReproductionError>).self) { group in
            var next = 0
            func launch() {
                guard next < items.count, failure == nil else { return }
                let idx = items[next]
                next += 1
                let item = config.item(idx)
                if let map = maps[item.qubits] {
                    group.addTask {
                        do throws(ReproductionError) { return (idx, .success(try compute(item, map: map, config: config))) } catch { return (idx, .failure(error)) }
                    }
                }
            }
            for _ in 0..<workers { launch() }
            while let (idx, r) = await group.next() {
                switch r {
                case let .success(c): results[idx] = c
                case let .failure(e): failure = failure ?? e
                }
                progress?(results.count, items.count)
                launch()
            }
        }
        if let failure { throw failure }
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
            // The steady state depends on ρ0 only through the M_j (RandomEnsembles.swift): the sample is
            // the representative ρ0 = ⊕_j M_j ⊗ 1/(2j+1), with the M_j of the sampler's Bartlett draws.
            let map = try sim { () throws(SimulatorError) in try CollectiveSteadyStateMap(qubits: n, beta: 0) }
            var blocks: [CMatrix] = []
            var total = 0.0
            for (s, sec) in map.basis.sectors.enumerated() {
                let dm = sec.multiplicity
                let lr = UnsafeMutablePointer<Double>.allocate(capacity: dm * dm), li = UnsafeMutablePointer<Double>.allocate(capacity: dm * dm)
                defer { lr.deallocate(); li.deallocate() }
                lr.initialize(repeating: 0, count: dm * dm); li.initialize(repeating: 0, count: dm * dm)
                drawBartlett(&rng, degrees: d * map.basis.sectors[s].size, dm, lr, li)
                let l = CMatrix(rows: dm, cols: dm) { a, b in Cx(lr[a * dm + b], li[a * dm + b]) }
                let m = try sim { () throws(SimulatorError) in try l * l.adjoint }
                total += m.trace.real
                blocks.append(m)
            }
            return map.dense(blocks: blocks.map { $0.scaled(1 / total) })
        case .diagonal:
            var p = [Double](repeating: 0, count: d)
            for x in 0..<d { p[x] = -Foundation.log(1 - rng.nextUniform()) }
            let t = p.reduce(0, +)
            return CMatrix.diagonal(real: p.map { $0 / t })
        }
    }
}
