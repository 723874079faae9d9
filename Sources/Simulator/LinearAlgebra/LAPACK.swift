// Thin Swift face over the LAPACKE kernels we use (zheevd, zgesv, zgesdd, zgeev): copies in,
// checks `info`, returns value types. Hand-written eigen-solvers would be the weak point. The
// kernels are Debian's reference LAPACK, bound at run time (ReferenceLAPACK.swift).
import CLAPACKE
import Numerics
import Operators

/// Eigen-decomposition of a Hermitian matrix, eigenvalues ascending.
public struct HermitianEigen: Sendable {
    public let values: [Double]
    /// Column k is the eigenvector of `values[k]`.
    public let vectors: CMatrix
}

/// Singular value decomposition A = U diag(s) V†.
public struct SVD: Sendable {
    public let u: CMatrix
    /// Descending.
    public let singularValues: [Double]
    public let vAdjoint: CMatrix
}

/// An orthonormal basis of a null space, with the rank decision made visible.
public struct NullSpace: Sendable {
    /// Orthonormal columns spanning the (numerical) null space.
    public let basis: CMatrix
    /// Singular values below this were treated as zero.
    public let tolerance: Double
    /// All singular values, descending.
    public let singularValues: [Double]
    public var dimension: Int { basis.cols }
    /// Smallest singular value kept (the gap the rank decision relied on); ∞ if none kept.
    public var smallestKept: Double {
        singularValues.last(where: { $0 > tolerance }) ?? .infinity
    }
    /// Largest singular value dropped; 0 if none dropped.
    public var largestDropped: Double {
        singularValues.first(where: { $0 <= tolerance }) ?? 0
    }
}

public enum LinearAlgebra {
    /// Hermitian eigen-decomposition (zheevd). Throws if `a` is not Hermitian within
    /// `tolerance` × max(1, max|a_ij|); the Hermitian part is what LAPACK sees.
    public static func eigh(_ a: CMatrix, parameter: String = "matrix",
                            tolerance: Double = 1e-10) throws(SimulatorError) -> HermitianEigen {
        guard a.isSquare else {
            throw .dimensionMismatch(parameter: parameter, expected: "square", got: "\(a.rows)x\(a.cols)")
        }
        let dev = a.hermitianDeviation
        let tol = tolerance * Swift.max(1, a.maxAbs)
        if dev > tol { throw .notHermitian(parameter: parameter, deviation: dev, tolerance: tol) }
        let n = a.rows
        if n == 0 { return HermitianEigen(values: [], vectors: a) }
        let lib = try ReferenceLAPACK.shared()
        var m = a.hermitianPart
        var w = [Double](repeating: 0, count: n)
        let info = m.withUnsafeMutableStorage { p in
            p.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n * n) { z in
                lib.zheevd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
                               Int32(n), z, Int32(n), &w)
            }
        }
        if info != 0 { throw .lapackFailure(routine: "zheevd", info: Int(info)) }
        return HermitianEigen(values: w, vectors: m)
    }

    /// Hermitian eigen-decomposition in caller-owned storage (zheevd, no copy): `a` holds the n×n
    /// matrix interleaved column-major (upper triangle read) and receives the eigenvectors when
    /// `vectors` is true; `values` receives the n eigenvalues, ascending. For per-sample kernels.
    public static func hermitianEigen(inPlace a: UnsafeMutablePointer<Double>, n: Int, values: UnsafeMutablePointer<Double>,
                                      vectors: Bool) throws(SimulatorError) {
        if n < 1 { throw .invalidParameter(name: "n", value: "\(n)", allowed: ">= 1") }
        let lib = try ReferenceLAPACK.shared()
        let info = a.withMemoryRebound(to: qb_complex_double.self, capacity: n * n) { z in
            lib.zheevd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: vectors ? "V" : "N")), CChar(UInt8(ascii: "U")),
                           Int32(n), z, Int32(n), values)
        }
        if info != 0 { throw .lapackFailure(routine: "zheevd", info: Int(info)) }
    }

    /// Eigenvalues of a Hermitian matrix, ascending.
    public static func eigvalsh(_ a: CMatrix, parameter: String = "matrix") throws(SimulatorError) -> [Double] {
        try eigh(a, parameter: parameter).values
    }

    /// Solves A X = B (zgesv, LU with partial pivoting). Throws `.singular` on an exact zero pivot.
    public static func solve(_ a: CMatrix, _ b: CMatrix, parameter: String = "matrix") throws(SimulatorError) -> CMatrix {
        guard a.isSquare, a.rows == b.rows else {
            throw .dimensionMismatch(parameter: parameter, expected: "square with \(b.rows) rows",
                                     got: "\(a.rows)x\(a.cols)")
        }
        let n = a.rows
        let lib = try ReferenceLAPACK.shared()
        var lu = a
        var x = b
        var ipiv = [Int32](repeating: 0, count: n)
        let nrhs = b.cols
        let info = lu.withUnsafeMutableStorage { pa in
            x.withUnsafeMutableStorage { pb in
                pa.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n * n) { za in
                    pb.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n * nrhs) { zb in
                        lib.zgesv(LAPACK_COL_MAJOR, Int32(n), Int32(nrhs), za, Int32(n), &ipiv, zb, Int32(n))
                    }
                }
            }
        }
        if info > 0 { throw .singular(parameter: parameter) }
        if info < 0 { throw .lapackFailure(routine: "zgesv", info: Int(info)) }
        return x
    }

    /// Inverse through `solve`.
    public static func inverse(_ a: CMatrix, parameter: String = "matrix") throws(SimulatorError) -> CMatrix {
        try solve(a, CMatrix.identity(a.rows), parameter: parameter)
    }

    /// Full SVD (zgesdd, divide and conquer).
    public static func svd(_ a: CMatrix) throws(SimulatorError) -> SVD {
        let m = a.rows, n = a.cols
        let k = Swift.min(m, n)
        var work = a
        var s = [Double](repeating: 0, count: k)
        var u = CMatrix(rows: m, cols: m)
        var vt = CMatrix(rows: n, cols: n)
        if k == 0 { return SVD(u: CMatrix.identity(m), singularValues: [], vAdjoint: CMatrix.identity(n)) }
        let lib = try ReferenceLAPACK.shared()
        let info = work.withUnsafeMutableStorage { pa in
            u.withUnsafeMutableStorage { pu in
                vt.withUnsafeMutableStorage { pv in
                    pa.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: m * n) { za in
                        pu.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: m * m) { zu in
                            pv.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n * n) { zv in
                                lib.zgesdd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "A")), Int32(m), Int32(n),
                                               za, Int32(m), &s, zu, Int32(m), zv, Int32(n))
                            }
                        }
                    }
                }
            }
        }
        if info != 0 { throw .lapackFailure(routine: "zgesdd", info: Int(info)) }
        return SVD(u: u, singularValues: s, vAdjoint: vt)
    }

    /// Singular values, descending.
    public static func singularValues(_ a: CMatrix) throws(SimulatorError) -> [Double] {
        try svd(a).singularValues
    }

    /// Default rank tolerance: max(m, n) · ε · σ_max · 100 (a factor 100 above LAPACK's
    /// backward-error scale, because our generators are assembled from sums of Kronecker products).
    public static func defaultRankTolerance(rows: Int, cols: Int, sigmaMax: Double) -> Double {
        Double(Swift.max(rows, cols)) * Double.ulpOfOne * Swift.max(sigmaMax, 1e-300) * 100
    }

    /// Right null space {x : A x = 0} from the SVD; `relativeTolerance` (× σ_max) overrides the default.
    public static func nullSpace(_ a: CMatrix, relativeTolerance: Double? = nil) throws(SimulatorError) -> NullSpace {
        let d = try svd(a)
        let smax = d.singularValues.first ?? 0
        let tol = relativeTolerance.map { $0 * smax }
            ?? defaultRankTolerance(rows: a.rows, cols: a.cols, sigmaMax: smax)
        let rank = d.singularValues.filter { $0 > tol }.count
        let v = d.vAdjoint.adjoint
        return NullSpace(basis: v.columns(rank..<a.cols), tolerance: tol, singularValues: d.singularValues)
    }

    /// Eigenvalues of a general square matrix (zgeev), unordered.
    public static func eigenvalues(_ a: CMatrix, parameter: String = "matrix") throws(SimulatorError) -> [Cx] {
        guard a.isSquare else {
            throw .dimensionMismatch(parameter: parameter, expected: "square", got: "\(a.rows)x\(a.cols)")
        }
        let n = a.rows
        if n == 0 { return [] }
        let lib = try ReferenceLAPACK.shared()
        var m = a
        var w = [Double](repeating: 0, count: 2 * n)
        var dummyL = [Double](repeating: 0, count: 2)
        var dummyR = [Double](repeating: 0, count: 2)
        let info = m.withUnsafeMutableStorage { pa in
            w.withUnsafeMutableBufferPointer { pw in
                dummyL.withUnsafeMutableBufferPointer { pl in
                    dummyR.withUnsafeMutableBufferPointer { pr in
                        pa.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n * n) { za in
                            pw.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: n) { zw in
                                pl.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: 1) { zl in
                                    pr.baseAddress!.withMemoryRebound(to: qb_complex_double.self, capacity: 1) { zr in
                                        lib.zgeev(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")),
                                                      CChar(UInt8(ascii: "N")), Int32(n), za, Int32(n), zw,
                                                      zl, 1, zr, 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if info != 0 { throw .lapackFailure(routine: "zgeev", info: Int(info)) }
        return (0..<n).map { Cx(w[2 * $0], w[2 * $0 + 1]) }
    }

    /// f(A) = V f(Λ) V† for Hermitian A.
    public static func hermitianFunction(_ a: CMatrix, parameter: String = "matrix",
                                         _ f: (Double) -> Cx) throws(SimulatorError) -> CMatrix {
        let e = try eigh(a, parameter: parameter)
        var vf = e.vectors
        for j in 0..<vf.cols {
            let s = f(e.values[j])
            for i in 0..<vf.rows { vf[i, j] = vf[i, j] * s }
        }
        return CMatrix.timesAdjoint(vf, e.vectors)
    }
}
