// Small numerical tools of the harness: Richardson extrapolation with a measured order, matrix
// powers for repeated collisions, golden-section maximisation and bisection.
import Foundation
import Simulator

/// A sequence of values at h, h/2, h/4, … extrapolated to h → 0 with the order measured from it.
struct Extrapolation: Sendable {
    let values: [Double]
    /// Measured order p from the last three values: log2(|v1 − v2| / |v2 − v3|).
    let order: Double
    /// v3 + (v3 − v2)/(2^p − 1).
    let limit: Double
    /// Error estimate of the finest value |v3 − v2|/(2^p − 1) (the extrapolated value is better).
    let finestError: Double
    /// Error estimate of the extrapolated limit itself (four or more values): |L − L′|, L′ the
    /// limit extrapolated the same way from the sequence without its finest value. nil for three values.
    let limitError: Double?

    /// `nominalOrder` is used when the differences are at round-off (the order cannot be measured).
    init(_ values: [Double], nominalOrder: Double) throws(CrossCheckError) {
        guard values.count >= 3, values.allSatisfy(\.isFinite) else {
            throw .nonFinite(formula: "extrapolation", what: "sequence \(values)")
        }
        self.values = values
        let n = values.count
        let scale = values.map { Swift.abs($0) }.max() ?? 1
        func richardson(_ v0: Double, _ v1: Double, _ v2: Double) -> (order: Double, limit: Double, error: Double) {
            let d1 = Swift.abs(v1 - v0), d2 = Swift.abs(v2 - v1)
            var p = nominalOrder
            if d2 > 1e-13 * scale && d1 > d2 { p = log2(d1 / d2) }
            let factor = Foundation.pow(2, p) - 1
            return (p, v2 + (v2 - v1) / factor, d2 / factor)
        }
        let finest = richardson(values[n - 3], values[n - 2], values[n - 1])
        order = finest.order
        limit = finest.limit
        finestError = finest.error
        limitError = n >= 4 ? Swift.abs(finest.limit - richardson(values[n - 4], values[n - 3], values[n - 2]).limit) : nil
    }

    var text: String {
        values.map { String(format: "%.12g", $0) }.joined(separator: ", ")
    }
}

enum CrossCheckNumerics {
    static let u = Double.ulpOfOne / 2

    /// A^n by repeated squaring.
    static func power(_ a: CMatrix, _ n: Int) throws(SimulatorError) -> CMatrix {
        var result = CMatrix.identity(a.rows)
        var base = a
        var k = n
        while k > 0 {
            if k & 1 == 1 { result = try base * result }
            k >>= 1
            if k > 0 { base = try base * base }
        }
        return result
    }

    /// Maximum of a unimodal-near-the-peak function: a grid scan, then golden section to `xTolerance`.
    static func maximise(_ f: (Double) throws -> Double, from a: Double, to b: Double, grid: Int = 200,
                         xTolerance: Double) rethrows -> (x: Double, value: Double) {
        var bestX = a, best = -Double.infinity
        let h = (b - a) / Double(grid)
        for i in 0...grid {
            let x = a + Double(i) * h
            let v = try f(x)
            if v > best { best = v; bestX = x }
        }
        var lo = Swift.max(a, bestX - h), hi = Swift.min(b, bestX + h)
        let g = (5.0.squareRoot() - 1) / 2
        var x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo)
        var f1 = try f(x1), f2 = try f(x2)
        while hi - lo > xTolerance {
            if f1 < f2 { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = try f(x2) } else { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = try f(x1) }
        }
        let x = (lo + hi) / 2
        let v = try f(x)
        return v >= best ? (x, v) : (bestX, best)
    }

    /// Root of g on [a, b] (g(a), g(b) of opposite signs) by bisection to |b − a| ≤ xTolerance.
    static func bisect(_ g: (Double) throws -> Double, _ a: Double, _ b: Double, xTolerance: Double) throws -> Double {
        var lo = a, hi = b
        var glo = try g(lo)
        let ghi = try g(hi)
        guard glo * ghi <= 0 else {
            throw CrossCheckError.simulationFailed(formula: "bisection", reason: "no sign change on [\(a), \(b)]: \(glo), \(ghi)")
        }
        while hi - lo > xTolerance {
            let mid = (lo + hi) / 2
            let gm = try g(mid)
            if (gm < 0) == (glo < 0) { lo = mid; glo = gm } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3g", x) }
}
