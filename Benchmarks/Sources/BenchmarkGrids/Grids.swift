import BigNumerics
import RealModule

// The same three grids as grid.c, written once generically over `Real` the way a closed form
// is written in the package (operation order mirrors the C so results are bit-identical).
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
public func ergotropyGrid<T: Real>(_: T.Type) -> T {
    var sum = T.zero
    for j in 1...200 {
        let r = T(j) / 201
        for n in 1...64 {
            sum += (r + T(n)) / (T.pow(r, n + 1) - 1) + r / (1 - r) + T(n)
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


// The same grids with the engine's in-place forms: temporaries live outside the loops, the
// precision context is read once, and the operation sequence is grid.c's, call for call
// (so the sums are bit-identical to C's and to the operator forms above).

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
            b.formDifference(1, r, context: c)
            b.divideInto(r, context: c)                 // r/(1 − r)
            a.add(b, context: c)
            a.add(n, context: c)                        // ω = 1
            sum.add(a, context: c)
        }
    }
    return sum
}
