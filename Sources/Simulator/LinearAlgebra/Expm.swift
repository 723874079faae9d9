// Matrix exponential. Liouvillians are not normal, so the general route is Higham's
// scaling-and-squaring with the [13/13] Padé approximant (SIAM J. Matrix Anal. Appl. 26, 1179
// (2005)); Hamiltonian propagators use the Hermitian eigen-decomposition instead.
import Numerics
import Operators

extension LinearAlgebra {
    private static let pade13: [Double] = [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800,
        129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920,
        40840800, 960960, 16380, 182, 1,
    ]
    private static let theta13 = 5.371920351148152

    /// e^A for a general square matrix (Padé 13, scaling and squaring).
    public static func expm(_ a: CMatrix, parameter: String = "matrix") throws(SimulatorError) -> CMatrix {
        guard a.isSquare else {
            throw .dimensionMismatch(parameter: parameter, expected: "square", got: "\(a.rows)x\(a.cols)")
        }
        let n = a.rows
        let norm = a.oneNorm
        if !norm.isFinite { throw .invalidParameter(name: parameter, value: "non-finite entries", allowed: "finite") }
        var s = 0
        if norm > theta13 { s = Swift.max(0, Int((Double.log2(norm / theta13)).rounded(.up))) }
        let x = a.scaled(1 / Double.pow(2, Double(s)))
        let b = pade13
        let id = CMatrix.identity(n)
        let x2 = CMatrix.gemm(x, x), x4 = CMatrix.gemm(x2, x2), x6 = CMatrix.gemm(x2, x4)
        var inner = x6.scaled(b[13])
        inner.addScaled(x4, Cx(b[11])); inner.addScaled(x2, Cx(b[9]))
        var u = CMatrix.gemm(x6, inner)
        u.addScaled(x6, Cx(b[7])); u.addScaled(x4, Cx(b[5])); u.addScaled(x2, Cx(b[3])); u.addScaled(id, Cx(b[1]))
        u = CMatrix.gemm(x, u)
        var innerV = x6.scaled(b[12])
        innerV.addScaled(x4, Cx(b[10])); innerV.addScaled(x2, Cx(b[8]))
        var v = CMatrix.gemm(x6, innerV)
        v.addScaled(x6, Cx(b[6])); v.addScaled(x4, Cx(b[4])); v.addScaled(x2, Cx(b[2])); v.addScaled(id, Cx(b[0]))
        var p = v, q = v
        p.addScaled(u, Cx(1))
        q.addScaled(u, Cx(-1))
        var r = try solve(q, p, parameter: "Padé denominator of \(parameter)")
        for _ in 0..<s { r = CMatrix.gemm(r, r) }
        return r
    }

    /// exp(z H) for Hermitian H through its eigen-decomposition (exact up to round-off).
    public static func expHermitian(_ h: CMatrix, times z: Cx, parameter: String = "Hamiltonian") throws(SimulatorError) -> CMatrix {
        try hermitianFunction(h, parameter: parameter) { Cx.exp(z * Cx($0, 0)) }
    }

    /// U = exp(−i t H) for Hermitian H.
    public static func unitary(_ h: CMatrix, time t: Double, parameter: String = "Hamiltonian") throws(SimulatorError) -> CMatrix {
        try expHermitian(h, times: Cx(0, -t), parameter: parameter)
    }
}
