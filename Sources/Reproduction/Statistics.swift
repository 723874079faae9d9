// Streaming statistics with an exact, order-fixed combination rule, so that a run split into
// chunks, threads or shards gives bit-identical results: every chunk is reduced sequentially in
// sample order, and chunk partials are combined left to right in chunk order (Chan et al.'s
// pairwise update of Welford's mean and second moment).
import Foundation

public struct Moments: Sendable, Equatable {
    public var count: Int = 0
    public var meanX = 0.0, meanY = 0.0
    /// Σ (x − x̄)², Σ (y − ȳ)², Σ (x − x̄)(y − ȳ)
    public var m2X = 0.0, m2Y = 0.0, cXY = 0.0
    public var minX = Double.infinity, maxX = -Double.infinity
    public var minY = Double.infinity, maxY = -Double.infinity

    public init() {}

    /// Welford's update with one observation.
    public mutating func add(_ x: Double, _ y: Double) {
        count += 1
        let n = Double(count)
        let dx = x - meanX, dy = y - meanY
        meanX += dx / n
        meanY += dy / n
        m2X += dx * (x - meanX)
        m2Y += dy * (y - meanY)
        cXY += dx * (y - meanY)
        minX = min(minX, x); maxX = max(maxX, x)
        minY = min(minY, y); maxY = max(maxY, y)
    }

    /// self ⊕ other (Chan, Golub, LeVeque); the order of the operands is part of the result.
    public mutating func combine(_ o: Moments) {
        if o.count == 0 { return }
        if count == 0 { self = o; return }
        let na = Double(count), nb = Double(o.count), n = na + nb
        let dx = o.meanX - meanX, dy = o.meanY - meanY
        meanX += dx * nb / n
        meanY += dy * nb / n
        m2X += o.m2X + dx * dx * na * nb / n
        m2Y += o.m2Y + dy * dy * na * nb / n
        cXY += o.cXY + dx * dy * na * nb / n
        count += o.count
        minX = min(minX, o.minX); maxX = max(maxX, o.maxX)
        minY = min(minY, o.minY); maxY = max(maxY, o.maxY)
    }

    /// Sample standard deviations (n − 1).
    public var sdX: Double { count > 1 ? (m2X / Double(count - 1)).squareRoot() : 0 }
    public var sdY: Double { count > 1 ? (m2Y / Double(count - 1)).squareRoot() : 0 }
    public var correlation: Double { m2X > 0 && m2Y > 0 ? cXY / (m2X * m2Y).squareRoot() : 0 }

    /// Exact text form (bit patterns), for shard files.
    public var serialized: String {
        let v = [meanX, meanY, m2X, m2Y, cXY, minX, maxX, minY, maxY].map { String($0.bitPattern, radix: 16) }
        return "\(count) " + v.joined(separator: " ")
    }

    public init?(serialized s: Substring) {
        let f = s.split(separator: " ")
        guard f.count == 10, let c = Int(f[0]) else { return nil }
        var v: [Double] = []
        for x in f.dropFirst() {
            guard let b = UInt64(x, radix: 16) else { return nil }
            v.append(Double(bitPattern: b))
        }
        count = c
        meanX = v[0]; meanY = v[1]; m2X = v[2]; m2Y = v[3]; cXY = v[4]
        minX = v[5]; maxX = v[6]; minY = v[7]; maxY = v[8]
    }
}

/// Deterministic per-sample random streams: SplitMix64 seeded from (seed, ensemble, N, index)
/// through SplitMix's finaliser, so any sample can be regenerated alone.
public enum StreamSeed {
    @inline(__always)
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func seed(_ seed: UInt64, ensemble: RandomEnsemble, qubits: Int, index: Int) -> UInt64 {
        let tag: UInt64
        switch ensemble {
        case .haar: tag = 1
        case .hilbertSchmidt: tag = 2
        case .diagonal: tag = 3
        }
        return mix(mix(mix(seed ^ (tag << 56)) ^ UInt64(qubits)) ^ UInt64(index))
    }
}
