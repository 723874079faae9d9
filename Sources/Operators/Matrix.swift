// Dense matrices over any field, in ONE storage order: column-major, element (i, j) at
// storage[i + rows·j]. A d×d matrix's storage is therefore its column-stacked vec(ρ)
// (vec(ρ)[i + d·j] = ρ_ij), the convention of `Superoperators.swift`, so vec/unvec are free.
// Subsystem order for tensor products: the first factor is the most significant index.
import RealModule

/// A dense column-major matrix over a field. Value type (Swift arrays copy on write).
/// `Complex<Double>` is the simulator's case (`Simulator.CMatrix`): its products, decompositions and
/// other kernels are LAPACK/BLAS-backed overloads in constrained extensions there. Those are chosen
/// where the scalar is known to be `Complex<Double>`; code generic over the scalar calls the generic
/// members here. The members are `@inlinable` so that such a client specialises them (no per-entry
/// witness calls when the simulator reads or writes entries).
public struct Matrix<Scalar: AlgebraicField & Sendable>: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    @usableFromInline internal var _storage: [Scalar]

    /// Column-major entries: element (i, j) at `storage[i + rows·j]`.
    public internal(set) var storage: [Scalar] {
        @inlinable get { _storage }
        _modify { yield &_storage }
    }

    @inlinable
    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        self._storage = [Scalar](repeating: .zero, count: rows * cols)
    }

    /// The entries in place, column-major (the count cannot change): for kernels such as LAPACK's.
    @inlinable
    public mutating func withUnsafeMutableStorage<R, E: Error>(
        _ body: (UnsafeMutableBufferPointer<Scalar>) throws(E) -> R) throws(E) -> R {
        try _storage.withUnsafeMutableBufferPointer { (p: inout UnsafeMutableBufferPointer<Scalar>) throws(E) -> R in try body(p) }
    }

    /// The entries, column-major, read-only.
    @inlinable
    public func withUnsafeStorage<R, E: Error>(_ body: (UnsafeBufferPointer<Scalar>) throws(E) -> R) throws(E) -> R {
        try _storage.withUnsafeBufferPointer { (p: UnsafeBufferPointer<Scalar>) throws(E) -> R in try body(p) }
    }

    /// From an element function f(row, column).
    @inlinable
    public init(rows: Int, cols: Int, _ f: (Int, Int) throws -> Scalar) rethrows {
        self.rows = rows
        self.cols = cols
        var s: [Scalar] = []
        s.reserveCapacity(rows * cols)
        for j in 0..<cols { for i in 0..<rows { s.append(try f(i, j)) } }
        self._storage = s
    }

    /// From column-major storage.
    @inlinable
    public init(rows: Int, cols: Int, columnMajor: [Scalar]) throws(OperatorError) {
        if columnMajor.count != rows * cols {
            throw .dimensionMismatch(parameter: "storage", expected: "\(rows * cols) entries", got: "\(columnMajor.count)")
        }
        self.rows = rows
        self.cols = cols
        self._storage = columnMajor
    }

    /// From row-major nested arrays (literals in tests).
    @inlinable
    public init(_ rowsOfElements: [[Scalar]]) throws(OperatorError) {
        let r = rowsOfElements.count, c = rowsOfElements.first?.count ?? 0
        for row in rowsOfElements where row.count != c {
            throw .dimensionMismatch(parameter: "rows", expected: "\(c) columns", got: "\(row.count)")
        }
        self.init(rows: r, cols: c) { i, j in rowsOfElements[i][j] }
    }

    @inlinable
    public subscript(i: Int, j: Int) -> Scalar {
        @inlinable get { _storage[i + rows * j] }
        @inlinable set { _storage[i + rows * j] = newValue }
    }

    @inlinable
    public var isSquare: Bool { rows == cols }

    @inlinable
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    @inlinable
    public static func diagonal(_ d: [Scalar]) -> Matrix {
        var m = Matrix(rows: d.count, cols: d.count)
        for (i, z) in d.enumerated() { m[i, i] = z }
        return m
    }

    /// n×1 column.
    @inlinable
    public static func column(_ v: [Scalar]) -> Matrix {
        Matrix(rows: v.count, cols: 1) { i, _ in v[i] }
    }

    @inlinable
    public func column(_ j: Int) -> [Scalar] { Array(storage[(rows * j)..<(rows * (j + 1))]) }
    @inlinable
    public var diagonalElements: [Scalar] { (0..<Swift.min(rows, cols)).map { self[$0, $0] } }

    @inlinable
    public var transpose: Matrix { Matrix(rows: cols, cols: rows) { i, j in self[j, i] } }

    @inlinable
    public var trace: Scalar {
        let zero = Scalar.zero
        var t = zero
        for i in 0..<Swift.min(rows, cols) where self[i, i] != zero { t += self[i, i] }
        return t
    }

    public var isZero: Bool { let zero = Scalar.zero; return storage.allSatisfy { $0 == zero } }

    /// Entries mapped into another field (e.g. exact → Double, or a substitution).
    @inlinable
    public func map<T>(_ f: (Scalar) throws -> T) rethrows -> Matrix<T> {
        Matrix<T>(rows: rows, cols: cols, trusted: try storage.map(f))
    }

    @inlinable
    init(rows: Int, cols: Int, trusted storage: [Scalar]) {
        self.rows = rows
        self.cols = cols
        self._storage = storage
    }

    // MARK: Arithmetic (zero entries are skipped: exact entries cost far more than a test)

    @inlinable
    static func checkSameShape(_ a: Matrix, _ b: Matrix, _ op: String) throws(OperatorError) {
        if a.rows != b.rows || a.cols != b.cols {
            throw .dimensionMismatch(parameter: op, expected: "\(a.rows)x\(a.cols)", got: "\(b.rows)x\(b.cols)")
        }
    }

    @inlinable
    public static func + (a: Matrix, b: Matrix) throws(OperatorError) -> Matrix {
        try checkSameShape(a, b, "matrix sum")
        var m = a
        m.addScaled(b, 1)
        return m
    }

    @inlinable
    public static func - (a: Matrix, b: Matrix) throws(OperatorError) -> Matrix {
        try checkSameShape(a, b, "matrix difference")
        var m = a
        m.addScaled(b, -1)
        return m
    }

    /// self += s·b (shapes must agree; callers inside this module guarantee it).
    @inlinable
    public mutating func addScaled(_ b: Matrix, _ s: Scalar) {
        let zero = Scalar.zero
        if s == zero { return }
        let one: Scalar = 1
        for k in 0..<storage.count where b.storage[k] != zero {
            _storage[k] += s == one ? b._storage[k] : s * b._storage[k]
        }
    }

    @inlinable
    public func scaled(_ s: Scalar) -> Matrix {
        let zero = Scalar.zero
        if s == zero { return Matrix(rows: rows, cols: cols) }
        return Matrix(rows: rows, cols: cols, trusted: storage.map { $0 == zero ? $0 : s * $0 })
    }

    @inlinable
    public static func * (a: Matrix, b: Matrix) throws(OperatorError) -> Matrix {
        if a.cols != b.rows {
            throw .dimensionMismatch(parameter: "matrix product", expected: "\(a.cols) rows", got: "\(b.rows)")
        }
        return product(a, b)
    }

    @inlinable
    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, cols: b.cols)
        let zero = Scalar.zero
        for j in 0..<b.cols {
            for k in 0..<a.cols {
                let bkj = b[k, j]
                if bkj == zero { continue }
                for i in 0..<a.rows {
                    let aik = a[i, k]
                    if aik == zero { continue }
                    c[i, j] += aik * bkj
                }
            }
        }
        return c
    }

    /// A ⊗ B (A the most significant factor).
    @inlinable
    public static func kron(_ a: Matrix, _ b: Matrix) -> Matrix {
        var m = Matrix(rows: a.rows * b.rows, cols: a.cols * b.cols)
        let zero = Scalar.zero
        for ja in 0..<a.cols {
            for ia in 0..<a.rows {
                let x = a[ia, ja]
                if x == zero { continue }
                for jb in 0..<b.cols {
                    for ib in 0..<b.rows {
                        let y = b[ib, jb]
                        if y == zero { continue }
                        m[ia * b.rows + ib, ja * b.cols + jb] = x * y
                    }
                }
            }
        }
        return m
    }

    @inlinable
    public static func kron(_ factors: [Matrix]) -> Matrix {
        guard var m = factors.first else { return identity(1) }
        for f in factors.dropFirst() { m = kron(m, f) }
        return m
    }

    /// vec(ρ) (column stacking) as a d²×1 matrix: the storage itself.
    @inlinable
    public var vectorised: Matrix { Matrix(rows: rows * cols, cols: 1, trusted: storage) }

    /// Inverse of `vectorised` for a square d×d matrix.
    @inlinable
    public static func unvectorise(_ v: Matrix, dimension d: Int) throws(OperatorError) -> Matrix {
        if v.cols != 1 || v.rows != d * d {
            throw .dimensionMismatch(parameter: "vec", expected: "\(d * d)x1", got: "\(v.rows)x\(v.cols)")
        }
        return Matrix(rows: d, cols: d, trusted: v.storage)
    }

    /// Partial trace over the subsystems not in `keep` (subsystem 0 is the most significant).
    @inlinable
    public func partialTrace(dims: [Int], keep: [Int]) throws(OperatorError) -> Matrix {
        let total = dims.reduce(1, *)
        if rows != total || cols != total {
            throw .dimensionMismatch(parameter: "partialTrace matrix", expected: "\(total)x\(total)", got: "\(rows)x\(cols)")
        }
        for k in keep where k < 0 || k >= dims.count {
            throw .invalidParameter(name: "keep", value: "\(k)", allowed: "0 ..< \(dims.count)")
        }
        let keepSet = Set(keep)
        let kept = (0..<dims.count).filter { keepSet.contains($0) }
        let traced = (0..<dims.count).filter { !keepSet.contains($0) }
        let dk = kept.map { dims[$0] }.reduce(1, *), dt = traced.map { dims[$0] }.reduce(1, *)
        var strides = [Int](repeating: 1, count: dims.count)
        for s in stride(from: dims.count - 2, through: 0, by: -1) { strides[s] = strides[s + 1] * dims[s + 1] }
        func offsets(_ subsystems: [Int], _ size: Int) -> [Int] {
            (0..<size).map { idx in
                var rem = idx, off = 0
                for s in subsystems.reversed() { off += (rem % dims[s]) * strides[s]; rem /= dims[s] }
                return off
            }
        }
        let ko = offsets(kept, dk), to = offsets(traced, dt)
        var out = Matrix(rows: dk, cols: dk)
        let zero = Scalar.zero
        for b in 0..<dk {
            for a in 0..<dk {
                var s = Scalar.zero
                for t in 0..<dt { let x = self[ko[a] + to[t], ko[b] + to[t]]; if x != zero { s += x } }
                out[a, b] = s
            }
        }
        return out
    }

    /// The submatrix on the given row and column indices (block extraction).
    @inlinable
    public func submatrix(rows r: [Int], cols c: [Int]) -> Matrix {
        Matrix(rows: r.count, cols: c.count) { i, j in self[r[i], c[j]] }
    }
}

extension Matrix where Scalar: OperatorField {
    @inlinable
    public var conjugate: Matrix { map { $0.conjugate } }
    @inlinable
    public var adjoint: Matrix { Matrix(rows: cols, cols: rows) { i, j in self[j, i].conjugate } }

    /// A − A† = 0, decided exactly for exact fields.
    @inlinable
    public var isHermitian: Bool { isSquare && self == adjoint }

    @inlinable
    public static func commutator(_ a: Matrix, _ b: Matrix) throws(OperatorError) -> Matrix {
        try a * b - b * a
    }

    @inlinable
    public static func anticommutator(_ a: Matrix, _ b: Matrix) throws(OperatorError) -> Matrix {
        try a * b + b * a
    }
}
