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

