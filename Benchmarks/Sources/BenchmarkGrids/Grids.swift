import BigNumerics
import ClosedForms
import RealModule

// The grids of grid.c, three ways, each the C's operation sequence (so every sum is bit-identical
// to C's): the catalogue's own generic closed forms (what `qbattery eval`, the catalogue and the
// proofs run); the same expressions with operators over `Real`; a hand-written in-place sequence.

// MARK: The catalogue's closed forms

/// Eq. (15) on the grid through `Cakmak.coherenceEq15`, the catalogue's one generic
/// implementation (one context read per evaluation inside it). The harness around it (r_j = j/201,
/// the running sum) uses the same in-place steps with its own context read.
@inlinable
public func coherenceGridCatalogue<F: RationalField>(_: F.Type) -> F {
    let c = F.evaluationContext
    var sum = F.integer(0)
    for j in 1...200 {
        var r = F.integer(j)
        r.divide(by: 201, context: c)
        for n in 1...64 { sum.add(Cakmak.coherenceEq15(N: n, r: r), context: c) }
    }
    return sum
}

/// Eq. (16) on the grid through `Cakmak.ergotropyEq16`; ω = 1 brought in as the catalogue brings
/// in a parameter (`F(rational:)`), so the last step is a full multiplication, as in grid.c.
@inlinable
public func ergotropyGridCatalogue<F: RationalField>(_: F.Type) -> F {
    let c = F.evaluationContext
    let omega = F(rational: 1)
    var sum = F.integer(0)
    for j in 1...200 {
        var r = F.integer(j)
        r.divide(by: 201, context: c)
        for n in 1...64 { sum.add(Cakmak.ergotropyEq16(N: n, r: r, omega: omega), context: c) }
    }
    return sum
}

// MARK: Operators (every operation reads the context; temporaries are allocated or reused as they come)
@inlinable
public func gammaGrid<T: Real>(_: T.Type) -> T {
    var sum = T.zero
    for j in 1...200 {
        let beta = T(j) / 20
        for n in 1...64 {
            let x = beta / 2
            sum += 2 * T(n * n) * T.cosh(T(n) * x) / T.pow(2 * T.cosh(x), n)
        }
    }
    return sum
}

@inlinable
public func coherenceGrid<T: Real>(_: T.Type) -> T {
    var sum = T.zero
    for j in 1...200 {
        let r = T(j) / 201
        for n in 1...64 {
            sum += (r - 1) * T.pow(r + 1, n) / (T.pow(r, n + 1) - 1) - 1
        }
    }
    return sum
}

@inlinable
public func ergotropyGrid<T: Real>(_: T.Type, omega: T) -> T {
    var sum = T.zero
    for j in 1...200 {
        let r = T(j) / 201
        for n in 1...64 {
            sum += omega * (T(n) + (T(n) + r) / (T.pow(r, n + 1) - 1) + r / (1 - r))
        }
    }
    return sum
}

/// Γ in the overflow-safe order (one exp instead of two cosh): N²(1 + y^{2N})/(1 + y²)^N with
/// y = e^{−βω/2}; the smarter evaluation the issue alludes to (Arb's 0.5×).
@inlinable
public func gammaGridSafe<T: Real>(_: T.Type) -> T {
    var sum = T.zero
    for j in 1...200 {
        let beta = T(j) / 20
        let y = T.exp(-beta / 2)
        let y2 = y * y
        for n in 1...64 {
            sum += T(n * n) * (1 + T.pow(y2, n)) / T.pow(1 + y2, n)
        }
    }
    return sum
}


// MARK: Hand-written in-place sequence
//
// The same grids with the in-place forms written out by hand: temporaries live outside the loops
// (no allocation per point, as in C), the precision context is read once per grid. What the
// catalogue's forms cost beyond this is their three temporaries per evaluation and its context read.

public func coherenceGridInPlace() -> BigFloat {
    let c = BigFloat.currentContext
    var sum = BigFloat(0), r = BigFloat(0), a = BigFloat(0), b = BigFloat(0), d = BigFloat(0)
    sum.formInteger(0, context: c)
    for j in 1...200 {
        r.formInteger(j, context: c)
        r.divide(by: 201, context: c)
        for n in 1...64 {
            a.formDifference(r, 1, context: c)          // r − 1
            b.formSum(r, 1, context: c)
            b.raise(toPower: n, context: c)             // (r + 1)^N
            a.multiply(by: b, context: c)
            d.formPower(r, n + 1, context: c)
            d.subtract(1, context: c)                   // r^{N+1} − 1
            a.divide(by: d, context: c)
            a.subtract(1, context: c)
            sum.add(a, context: c)
        }
    }
    return sum
}

public func ergotropyGridInPlace() -> BigFloat {
    let c = BigFloat.currentContext
    let omega = BigFloat(rational: 1)
    var sum = BigFloat(0), r = BigFloat(0), a = BigFloat(0), b = BigFloat(0), d = BigFloat(0)
    sum.formInteger(0, context: c)
    for j in 1...200 {
        r.formInteger(j, context: c)
        r.divide(by: 201, context: c)
        for n in 1...64 {
            a.formSum(r, n, context: c)                 // N + r
            d.formPower(r, n + 1, context: c)
            d.subtract(1, context: c)                   // r^{N+1} − 1
            a.divide(by: d, context: c)
            a.add(n, context: c)                        // N + (N + r)/(r^{N+1} − 1)
            b.formDifference(1, r, context: c)
            b.divideInto(r, context: c)                 // r/(1 − r)
            a.add(b, context: c)
            a.multiply(by: omega, context: c)           // ω(…)
            sum.add(a, context: c)
        }
    }
    return sum
}
