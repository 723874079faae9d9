// Dense complex matrix: the one container every physics object (state, operator, superoperator)
// lives in. Column-major interleaved Double storage so it can be handed to LAPACK/BLAS unchanged,
// and so that `storage` of a density matrix *is* its column-stacked vectorisation vec(ρ).
import CLAPACKE
import Numerics

public typealias Cx = Complex<Double>

/// Dense complex matrix, value type, column-major, storage interleaved (re, im).
public struct CMatrix: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let cols: Int
    /// Element (i, j) is `(storage[2(i + rows j)], storage[2(i + rows j) + 1])`.
    public internal(set) var storage: [Double]

    /// Zero matrix.
    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        self.storage = [Double](repeating: 0, count: 2 * rows * cols)
    }

    /// Matrix from an element function f(row, column).
    public init(rows: Int, cols: Int, _ f: (Int, Int) -> Cx) {
        self.init(rows: rows, cols: cols)
        for j in 0..<cols {
            for i in 0..<rows {
                let z = f(i, j)
                storage[2 * (i + rows * j)] = z.real
                storage[2 * (i + rows * j) + 1] = z.imaginary
            }
        }
    }

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

    init(rows: Int, cols: Int, storage: [Double]) {
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    public static func identity(_ n: Int) -> CMatrix {
        var m = CMatrix(rows: n, cols: n)
        for i in 0..<n { m.storage[2 * (i + n * i)] = 1 }
        return m
    }

    public static func diagonal(_ d: [Cx]) -> CMatrix {
        var m = CMatrix(rows: d.count, cols: d.count)
        for (i, z) in d.enumerated() { m[i, i] = z }
        return m
    }

    public static func diagonal(real d: [Double]) -> CMatrix {
        diagonal(d.map { Cx($0, 0) })
    }

    /// |ket⟩⟨bra| for column vectors given as arrays.
    public static func outer(_ ket: [Cx], _ bra: [Cx]) -> CMatrix {
        CMatrix(rows: ket.count, cols: bra.count) { i, j in ket[i] * bra[j].conjugate }
    }

    /// Column vector (n×1) from an array.
    public static func column(_ v: [Cx]) -> CMatrix {
        CMatrix(rows: v.count, cols: 1) { i, _ in v[i] }
    }

    public var isSquare: Bool { rows == cols }

    public subscript(i: Int, j: Int) -> Cx {
        get { Cx(storage[2 * (i + rows * j)], storage[2 * (i + rows * j) + 1]) }
        set {
            storage[2 * (i + rows * j)] = newValue.real
            storage[2 * (i + rows * j) + 1] = newValue.imaginary
        }
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Cx] { (0..<rows).map { self[$0, j] } }

    /// Columns `range` as a new matrix.
    public func columns(_ range: Range<Int>) -> CMatrix {
        let start = 2 * rows * range.lowerBound
        let end = 2 * rows * range.upperBound
        return CMatrix(rows: rows, cols: range.count, storage: Array(storage[start..<end]))
    }

    /// Diagonal entries.
    public var diagonalElements: [Cx] { (0..<Swift.min(rows, cols)).map { self[$0, $0] } }

    public var adjoint: CMatrix { transposed(conjugating: true) }
    public var transpose: CMatrix { transposed(conjugating: false) }

    private func transposed(conjugating: Bool) -> CMatrix {
        var m = CMatrix(rows: cols, cols: rows)
        let sign: Double = conjugating ? -1 : 1
        storage.withUnsafeBufferPointer { s in
            m.storage.withUnsafeMutableBufferPointer { t in
                for j in 0..<cols {
                    for i in 0..<rows {
                        let a = 2 * (i + rows * j), b = 2 * (j + cols * i)
                        t[b] = s[a]
                        t[b + 1] = sign * s[a + 1]
                    }
                }
            }
        }
        return m
    }

    public var conjugate: CMatrix {
        var m = self
        for k in stride(from: 1, to: storage.count, by: 2) { m.storage[k] = -m.storage[k] }
        return m
    }

    public var trace: Cx {
        var t = Cx.zero
        for i in 0..<Swift.min(rows, cols) { t += self[i, i] }
        return t
    }

    /// Largest |entry|: the scale used for relative tolerances.
    public var maxAbs: Double {
        var m = 0.0
        for k in stride(from: 0, to: storage.count, by: 2) {
            m = Swift.max(m, (storage[k] * storage[k] + storage[k + 1] * storage[k + 1]).squareRoot())
        }
        return m
    }

    public var frobeniusNorm: Double {
        var s = 0.0
        for x in storage { s += x * x }
        return s.squareRoot()
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
        for k in 0..<m.storage.count { m.storage[k] += b.storage[k] }
        return m
    }

    public static func - (a: CMatrix, b: CMatrix) throws(SimulatorError) -> CMatrix {
        try checkSameShape(a, b, "-")
        var m = a
        for k in 0..<m.storage.count { m.storage[k] -= b.storage[k] }
        return m
    }

    public static prefix func - (a: CMatrix) -> CMatrix { a.scaled(Double(-1)) }

    public func scaled(_ s: Double) -> CMatrix {
        var m = self
        for k in 0..<m.storage.count { m.storage[k] *= s }
        return m
    }

    public func scaled(by z: Cx) -> CMatrix {
        var m = self
        for k in stride(from: 0, to: storage.count, by: 2) {
            let re = storage[k], im = storage[k + 1]
            m.storage[k] = z.real * re - z.imaginary * im
            m.storage[k + 1] = z.real * im + z.imaginary * re
        }
        return m
    }

    public static func * (s: Double, a: CMatrix) -> CMatrix { a.scaled(s) }
    public static func * (z: Cx, a: CMatrix) -> CMatrix { a.scaled(by: z) }

    /// In-place a += s b (same shape assumed by callers inside the module).
    mutating func addScaled(_ b: CMatrix, _ s: Cx) {
        storage.withUnsafeMutableBufferPointer { t in
            b.storage.withUnsafeBufferPointer { u in
                for k in stride(from: 0, to: t.count, by: 2) {
                    t[k] += s.real * u[k] - s.imaginary * u[k + 1]
                    t[k + 1] += s.real * u[k + 1] + s.imaginary * u[k]
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
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
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
        m.storage.withUnsafeMutableBufferPointer { t in
            a.storage.withUnsafeBufferPointer { pa in
                b.storage.withUnsafeBufferPointer { pb in
                    for ja in 0..<a.cols {
                        for ia in 0..<a.rows {
                            let ka = 2 * (ia + a.rows * ja)
                            let are = pa[ka], aim = pa[ka + 1]
                            if are == 0 && aim == 0 { continue }
                            for jb in 0..<b.cols {
                                let col = ja * b.cols + jb
                                for ib in 0..<b.rows {
                                    let kb = 2 * (ib + b.rows * jb)
                                    let row = ia * b.rows + ib
                                    let kt = 2 * (row + r * col)
                                    t[kt] = are * pb[kb] - aim * pb[kb + 1]
                                    t[kt + 1] = are * pb[kb + 1] + aim * pb[kb]
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
        var d = 0.0
        for k in stride(from: 0, to: storage.count, by: 2) {
            let dr = storage[k] - other.storage[k], di = storage[k + 1] - other.storage[k + 1]
            d = Swift.max(d, (dr * dr + di * di).squareRoot())
        }
        return d
    }

    /// Row-stacked or column-stacked vector of the entries (column-stacking is `storage` itself).
    public var vectorised: CMatrix { CMatrix(rows: rows * cols, cols: 1, storage: storage) }

    /// Inverse of `vectorised`: reshape an n²-vector into an n×n matrix (column-stacking).
    public static func unvectorise(_ v: CMatrix, dimension n: Int) throws(SimulatorError) -> CMatrix {
        if v.rows * v.cols != n * n {
            throw .dimensionMismatch(parameter: "vector", expected: "\(n * n) entries", got: "\(v.rows * v.cols)")
        }
        return CMatrix(rows: n, cols: n, storage: v.storage)
    }
}

