// Dense complex matrix: the one container every physics object (state, operator, superoperator)
// lives in. It IS the Operators layer's column-major `Matrix` at Complex<Double>, one storage type
// for the exact and the Double side, so the generic builders' results are used as they come. This
// file gives that case its Double-specific members: BLAS products, pointer-loop kernels, norms and
// tolerances (the LAPACK decompositions are in LAPACK.swift and Expm.swift). Complex<Double> is laid
// out as (re, im), so the storage is LAPACK's interleaved column-major array unchanged, and the
// storage of a density matrix *is* its column-stacked vectorisation vec(ρ).
//
// DISPATCH: these members overload generic ones of the same name (`*`, `+`, kron, addScaled, …) and
// are chosen wherever the scalar is statically Complex<Double> — all simulator code. A function
// generic over the scalar is compiled once against the generic members and never reaches these
// (a generic `*` never calls zgemm): keep Double hot paths out of generic code.
import CLAPACKE
import Numerics
import Operators

public typealias Cx = Complex<Double>

/// Dense complex matrix, value type, column-major: the generic `Matrix` at Complex<Double>.
public typealias CMatrix = Matrix<Cx>

extension Matrix: CustomStringConvertible where Scalar == Complex<Double> {
    public var description: String {
        var lines: [String] = []
        for i in 0..<rows {
            lines.append((0..<cols).map { j in
                let z = self[i, j]
                return "\(z.real)\(z.imaginary < 0 ? "-" : "+")\(Swift.abs(z.imaginary))i"
            }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}

extension Matrix where Scalar == Complex<Double> {
    /// Matrix from row-major nested arrays (convenient for literals in tests).
    public init(_ rowsOfElements: [[Cx]]) throws(SimulatorError) {
        let r = rowsOfElements.count
        let c = rowsOfElements.first?.count ?? 0
        for row in rowsOfElements where row.count != c {
            throw .dimensionMismatch(parameter: "rowsOfElements", expected: "\(c) columns", got: "\(row.count)")
        }
        self.init(rows: r, cols: c) { i, j in rowsOfElements[i][j] }
    }

    /// Real matrix from row-major nested arrays.
    public init(real rowsOfElements: [[Double]]) throws(SimulatorError) {
        try self.init(rowsOfElements.map { $0.map { Cx($0, 0) } })
    }

    /// The entries as LAPACK's interleaved array: element (i, j) is
    /// `(interleaved[2(i + rows j)], interleaved[2(i + rows j) + 1])` (a copy).
    public var interleaved: [Double] {
        withUnsafeInterleaved { Array($0) }
    }

    /// The entries as interleaved Doubles (re, im), column-major, read-only.
    @inlinable
    public func withUnsafeInterleaved<R, E: Error>(_ body: (UnsafeBufferPointer<Double>) throws(E) -> R) throws(E) -> R {
        try withUnsafeStorage { (p: UnsafeBufferPointer<Cx>) throws(E) -> R in
            try UnsafeRawBufferPointer(p).withMemoryRebound(to: Double.self) { (d: UnsafeBufferPointer<Double>) throws(E) -> R in
                try body(d)
            }
        }
    }

    /// The entries as interleaved Doubles (re, im), column-major, in place.
    @inlinable
    public mutating func withUnsafeMutableInterleaved<R, E: Error>(
        _ body: (UnsafeMutableBufferPointer<Double>) throws(E) -> R) throws(E) -> R {
        try withUnsafeMutableStorage { (p: UnsafeMutableBufferPointer<Cx>) throws(E) -> R in
            try UnsafeMutableRawBufferPointer(p).withMemoryRebound(to: Double.self) { (d: UnsafeMutableBufferPointer<Double>) throws(E) -> R in
                try body(d)
            }
        }
    }

    public static func diagonal(real d: [Double]) -> CMatrix {
        diagonal(d.map { Cx($0, 0) })
    }

    /// |ket⟩⟨bra| for column vectors given as arrays.
    public static func outer(_ ket: [Cx], _ bra: [Cx]) -> CMatrix {
        CMatrix(rows: ket.count, cols: bra.count) { i, j in ket[i] * bra[j].conjugate }
    }

    /// Columns `range` as a new matrix.
    public func columns(_ range: Range<Int>) -> CMatrix {
        CMatrix(rows: rows, cols: range.count) { i, j in self[i, range.lowerBound + j] }
    }

    public var adjoint: CMatrix { transposed(conjugating: true) }
    public var transpose: CMatrix { transposed(conjugating: false) }

    private func transposed(conjugating: Bool) -> CMatrix {
        var m = CMatrix(rows: cols, cols: rows)
        let sign: Double = conjugating ? -1 : 1
        let (r, c) = (rows, cols)
        withUnsafeStorage { s in
            m.withUnsafeMutableStorage { t in
                for j in 0..<c {
                    for i in 0..<r { t[j + c * i] = Cx(s[i + r * j].real, sign * s[i + r * j].imaginary) }
                }
            }
        }
        return m
    }

    public var conjugate: CMatrix {
        var m = self
        m.withUnsafeMutableStorage { t in
            for k in 0..<t.count { t[k] = Cx(t[k].real, -t[k].imaginary) }
        }
        return m
    }

    /// Largest |entry|: the scale used for relative tolerances.
    public var maxAbs: Double {
        withUnsafeStorage { s in
            var m = 0.0
            for z in s { m = Swift.max(m, (z.real * z.real + z.imaginary * z.imaginary).squareRoot()) }
            return m
        }
    }

    public var frobeniusNorm: Double {
        withUnsafeStorage { p in
            var s = 0.0
            for z in p { s += z.real * z.real; s += z.imaginary * z.imaginary }
            return s.squareRoot()
        }
    }

    /// Induced 1-norm (max column sum), used by the Padé scaling choice.
    public var oneNorm: Double {
        var best = 0.0
        for j in 0..<cols {
            var s = 0.0
            for i in 0..<rows { s += self[i, j].length }
            best = Swift.max(best, s)
        }
        return best
    }

    /// max |A - A†|, defined for square matrices.
    public var hermitianDeviation: Double {
        var d = 0.0
        for j in 0..<cols {
            for i in 0...j where i < rows {
                d = Swift.max(d, (self[i, j] - self[j, i].conjugate).length)
            }
        }
        return d
    }

    /// (A + A†)/2.
    public var hermitianPart: CMatrix {
        var m = self
        for j in 0..<cols {
            for i in 0..<rows { m[i, j] = (self[i, j] + self[j, i].conjugate).multiplied(by: 0.5) }
        }
        return m
    }

    public func isHermitian(tolerance: Double = 1e-10) -> Bool {
        isSquare && hermitianDeviation <= tolerance * Swift.max(1, maxAbs)
    }

    // MARK: arithmetic

    static func checkSameShape(_ a: CMatrix, _ b: CMatrix, _ op: String) throws(SimulatorError) {
        if a.rows != b.rows || a.cols != b.cols {
            throw .dimensionMismatch(parameter: "operands of \(op)", expected: "\(a.rows)x\(a.cols)",
                                     got: "\(b.rows)x\(b.cols)")
        }
    }

    public static func + (a: CMatrix, b: CMatrix) throws(SimulatorError) -> CMatrix {
        try checkSameShape(a, b, "+")
        var m = a
        m.withUnsafeMutableStorage { t in
            b.withUnsafeStorage { u in for k in 0..<t.count { t[k] = Cx(t[k].real + u[k].real, t[k].imaginary + u[k].imaginary) } }
        }
        return m
    }

    public static func - (a: CMatrix, b: CMatrix) throws(SimulatorError) -> CMatrix {
        try checkSameShape(a, b, "-")
        var m = a
        m.withUnsafeMutableStorage { t in
            b.withUnsafeStorage { u in for k in 0..<t.count { t[k] = Cx(t[k].real - u[k].real, t[k].imaginary - u[k].imaginary) } }
        }
        return m
    }

    public static prefix func - (a: CMatrix) -> CMatrix { a.scaled(Double(-1)) }

    public func scaled(_ s: Double) -> CMatrix {
        var m = self
        m.withUnsafeMutableStorage { t in
            for k in 0..<t.count { t[k] = Cx(t[k].real * s, t[k].imaginary * s) }
        }
        return m
    }

    /// An integer factor, as a Double (so `scaled(2)` is not ambiguous with the generic `scaled(_: Cx)`).
    public func scaled(_ s: Int) -> CMatrix { scaled(Double(s)) }

    public func scaled(by z: Cx) -> CMatrix {
        var m = self
        m.withUnsafeMutableStorage { t in
            for k in 0..<t.count {
                let re = t[k].real, im = t[k].imaginary
                t[k] = Cx(z.real * re - z.imaginary * im, z.real * im + z.imaginary * re)
            }
        }
        return m
    }

    public static func * (s: Double, a: CMatrix) -> CMatrix { a.scaled(s) }
    public static func * (z: Cx, a: CMatrix) -> CMatrix { a.scaled(by: z) }

    /// In place self += s·b (same shape; callers guarantee it). Every entry is updated, zeros too
    /// (the generic member skips zero entries, a different rounding of signed zeros).
    public mutating func addScaled(_ b: CMatrix, _ s: Cx) {
        withUnsafeMutableStorage { t in
            b.withUnsafeStorage { u in
                for k in 0..<t.count {
                    t[k] = Cx(t[k].real + (s.real * u[k].real - s.imaginary * u[k].imaginary),
                              t[k].imaginary + (s.real * u[k].imaginary + s.imaginary * u[k].real))
                }
            }
        }
    }

    /// Matrix product through BLAS zgemm.
    public static func * (a: CMatrix, b: CMatrix) throws(SimulatorError) -> CMatrix {
        if a.cols != b.rows {
            throw .dimensionMismatch(parameter: "matrix product", expected: "\(a.cols) rows on the right",
                                     got: "\(b.rows)")
        }
        return gemm(a, b)
    }

    /// zgemm without shape checks; callers guarantee a.cols == b.rows.
    static func gemm(_ a: CMatrix, _ b: CMatrix, transA: CBLAS_TRANSPOSE = CblasNoTrans,
                     transB: CBLAS_TRANSPOSE = CblasNoTrans) -> CMatrix {
        let m = transA == CblasNoTrans ? a.rows : a.cols
        let k = transA == CblasNoTrans ? a.cols : a.rows
        let n = transB == CblasNoTrans ? b.cols : b.rows
        var c = CMatrix(rows: m, cols: n)
        if m == 0 || n == 0 || k == 0 { return c }
        // Total by design (no throws on this hot path): without the reference BLAS the product is
        // the textbook loop; every LAPACK routine, which has no such fallback, throws instead.
        guard let lib = try? ReferenceLAPACK.shared() else {
            func op(_ x: CMatrix, _ t: CBLAS_TRANSPOSE, _ i: Int, _ j: Int) -> Cx {
                t == CblasNoTrans ? x[i, j] : (t == CblasConjTrans ? x[j, i].conjugate : x[j, i])
            }
            for j in 0..<n { for i in 0..<m {
                var sum = Cx.zero
                for l in 0..<k { sum = sum + op(a, transA, i, l) * op(b, transB, l, j) }
                c[i, j] = sum
            } }
            return c
        }
        var alpha: [Double] = [1, 0]
        var beta: [Double] = [0, 0]
        a.withUnsafeStorage { pa in
            b.withUnsafeStorage { pb in
                c.withUnsafeMutableStorage { pc in
                    lib.zgemm(CblasColMajor, transA, transB, Int32(m), Int32(n), Int32(k), &alpha,
                              pa.baseAddress, Int32(a.rows), pb.baseAddress, Int32(b.rows), &beta,
                              pc.baseAddress, Int32(m))
                }
            }
        }
        _ = alpha; _ = beta
        return c
    }

    /// A† B without forming A†.
    static func adjointTimes(_ a: CMatrix, _ b: CMatrix) -> CMatrix { gemm(a, b, transA: CblasConjTrans) }
    /// A B† without forming B†.
    static func timesAdjoint(_ a: CMatrix, _ b: CMatrix) -> CMatrix { gemm(a, b, transB: CblasConjTrans) }

    /// Kronecker product A ⊗ B (A's index is the slow one).
    public static func kron(_ a: CMatrix, _ b: CMatrix) -> CMatrix {
        let r = a.rows * b.rows, c = a.cols * b.cols
        var m = CMatrix(rows: r, cols: c)
        m.withUnsafeMutableStorage { t in
            a.withUnsafeStorage { pa in
                b.withUnsafeStorage { pb in
                    for ja in 0..<a.cols {
                        for ia in 0..<a.rows {
                            let x = pa[ia + a.rows * ja]
                            let are = x.real, aim = x.imaginary
                            if are == 0 && aim == 0 { continue }
                            for jb in 0..<b.cols {
                                let col = ja * b.cols + jb
                                for ib in 0..<b.rows {
                                    let y = pb[ib + b.rows * jb]
                                    let row = ia * b.rows + ib
                                    t[row + r * col] = Cx(are * y.real - aim * y.imaginary, are * y.imaginary + aim * y.real)
                                }
                            }
                        }
                    }
                }
            }
        }
        return m
    }

    /// Kronecker product of a list, left to right.
    public static func kron(_ factors: [CMatrix]) -> CMatrix {
        guard var m = factors.first else { return CMatrix.identity(1) }
        for f in factors.dropFirst() { m = kron(m, f) }
        return m
    }

    /// [A, B] = AB − BA.
    public static func commutator(_ a: CMatrix, _ b: CMatrix) throws(SimulatorError) -> CMatrix {
        try (a * b) - (b * a)
    }

    /// {A, B} = AB + BA.
    public static func anticommutator(_ a: CMatrix, _ b: CMatrix) throws(SimulatorError) -> CMatrix {
        try (a * b) + (b * a)
    }

    /// Entry-wise max |A − B|, the distance used by tests and tolerances.
    public func maxAbsDifference(_ other: CMatrix) -> Double {
        guard rows == other.rows && cols == other.cols else { return .infinity }
        return withUnsafeStorage { s in
            other.withUnsafeStorage { o in
                var d = 0.0
                for k in 0..<s.count {
                    let dr = s[k].real - o[k].real, di = s[k].imaginary - o[k].imaginary
                    d = Swift.max(d, (dr * dr + di * di).squareRoot())
                }
                return d
            }
        }
    }

    /// Inverse of `vectorised`: reshape an n²-vector into an n×n matrix (column-stacking).
    public static func unvectorise(_ v: CMatrix, dimension n: Int) throws(SimulatorError) -> CMatrix {
        if v.rows * v.cols != n * n {
            throw .dimensionMismatch(parameter: "vector", expected: "\(n * n) entries", got: "\(v.rows * v.cols)")
        }
        return try bridged { () throws(OperatorError) in try CMatrix(rows: n, cols: n, columnMajor: v.storage) }
    }
}
