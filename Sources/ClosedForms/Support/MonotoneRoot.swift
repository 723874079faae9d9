import BigNumerics
import RealModule

/// The root of a strictly decreasing function on [0, ∞) that is positive at 0 — how the
/// charging time T is defined (Mayo Sec. II A: the first time E(t) reaches E_full(1 − δ)).
/// The function is written once (generically); only the bracketing differs per type.
public protocol RootBracketing: TranscendentalField {
    /// A value enclosing (intervals) or approximating (floats) the root t* > 0 of `f`.
    static func rootOfDecreasing(_ f: (Self) -> Self) throws(RootFailure) -> Self
}

public enum RootFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case notPositiveAtZero
    case noSignChange(searchedUpTo: String)

    public var description: String {
        switch self {
        case .notPositiveAtZero: return "the function is not certainly positive at t = 0"
        case let .noSignChange(limit): return "no certain sign change found up to t = \(limit)"
        }
    }
}

extension BigInterval: RootBracketing {
    /// Bisection on exact BigFloat points with certain sign decisions: the invariant
    /// f(lo) > 0 > f(hi) holds rigorously, so [lo, hi] encloses the root. Stops when the
    /// midpoint's sign is undecided at this precision or the bracket cannot shrink.
    public static func rootOfDecreasing(_ f: (BigInterval) -> BigInterval) throws(RootFailure) -> BigInterval {
        var lo = BigFloat(0)
        guard f(BigInterval(lo)).isCertainlyPositive else { throw .notPositiveAtZero }
        var hi = BigFloat(1)
        var doublings = 0
        while !f(BigInterval(hi)).isCertainlyNegative {
            lo = hi
            hi = hi * 2
            doublings += 1
            if doublings > 20_000 { throw .noSignChange(searchedUpTo: "2^20000") }
        }
        for _ in 0..<(BigFloat.workingPrecision + 64) {
            let mid = (lo + hi) / 2
            if !(lo < mid && mid < hi) { break }
            let v = f(BigInterval(mid))
            if v.isCertainlyPositive { lo = mid } else if v.isCertainlyNegative { hi = mid } else { break }
        }
        // lo < hi here, so the interval is well formed.
        return (try? BigInterval(lower: lo, upper: hi)) ?? BigInterval(lo)
    }
}

extension Double: RootBracketing {
    /// Plain bisection to the last bit.
    public static func rootOfDecreasing(_ f: (Double) -> Double) throws(RootFailure) -> Double {
        var lo = 0.0
        guard f(lo) > 0 else { throw .notPositiveAtZero }
        var hi = 1.0
        while !(f(hi) < 0) {
            lo = hi
            hi *= 2
            if !hi.isFinite { throw .noSignChange(searchedUpTo: "Double.greatestFiniteMagnitude") }
        }
        while true {
            let mid = lo + (hi - lo) / 2
            if !(lo < mid && mid < hi) { break }
            let v = f(mid)
            if v > 0 { lo = mid } else if v < 0 { hi = mid } else { return mid }
        }
        return lo + (hi - lo) / 2
    }
}

extension Mayo {
    /// The collective charging time of N batteries: the root T of `chargingDeficit`, i.e.
    /// E(T) = E_full(1 − δ) with E(t) of Sec. II B (and Eq. 10's τ_k). Requires β > 0
    /// (at β = 0, E_full = 0 and every time qualifies).
    public static func chargingTime<T: RootBracketing>(N: Int, epsilon: T, omega: T, delta: T, _ b: BoltzmannFactor<T>) throws(RootFailure) -> T {
        try T.rootOfDecreasing { t in chargingDeficit(N: N, t: t, epsilon: epsilon, omega: omega, delta: delta, b) }
    }

    /// The parallel charging time for any N: every battery relaxes with τ_∥ = 1/ε², so
    /// T_∥ = τ_∥ log[(E_full − E_empty)/(δ E_full)] with E_full = −E_empty (Sec. II A).
    public static func chargingTimeParallel<T: TranscendentalField>(epsilon: T, omega: T, delta: T, _ b: BoltzmannFactor<T>) -> T {
        let full = omega / 2 * b.tanh(1)
        return chargingTimeSingleExponential(tau: tauParallel(epsilon: epsilon), fullEnergy: full, emptyEnergy: -full,
                                             delta: delta, log: { T.log($0) })
    }

    /// Eq. (8) with the powers of Sec. II A: Γ = P_#/P_∥ = T_∥/T_# (both processes charge to
    /// the same E_δ from the same E_empty). Independent of ε (both times scale as 1/ε²).
    public static func advantageFromChargingTimes<T: RootBracketing>(N: Int, omega: T, delta: T, _ b: BoltzmannFactor<T>) throws(RootFailure) -> T {
        let one = T.integer(1)
        return chargingTimeParallel(epsilon: one, omega: omega, delta: delta, b)
            / (try chargingTime(N: N, epsilon: one, omega: omega, delta: delta, b))
    }
}
