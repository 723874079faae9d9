import CFLINT

/// Owns one `fmpq_mat_t`; write-once like every FLINT box here.
final class FMPQMatBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpq_mat_struct>

    init(rows: Int, columns: Int, _ fill: (UnsafeMutablePointer<fmpq_mat_struct>) -> Void) {
        pointer = .allocate(capacity: 1)
        fmpq_mat_init(pointer, rows, columns)
        fill(pointer)
    }

    deinit {
        fmpq_mat_clear(pointer)
        pointer.deallocate()
    }
}

/// A dense matrix over Q (FLINT `fmpq_mat`), with value semantics: exact row reduction, rank,
/// kernel, solving, determinant and characteristic polynomial by FLINT's fraction-free and
/// multimodular methods.
public struct RationalMatrix: Sendable {
    let box: FMPQMatBox
    public let rowCount: Int
    public let columnCount: Int

    init(rows: Int, columns: Int, _ fill: (UnsafeMutablePointer<fmpq_mat_struct>) -> Void) {
        box = FMPQMatBox(rows: rows, columns: columns, fill)
        rowCount = rows
        columnCount = columns
    }

    func withMat<R>(_ body: (UnsafePointer<fmpq_mat_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    /// Rows of equal length (a 0×n or m×0 matrix is allowed). Throws for ragged rows.
    public init(_ rows: [[BigRational]]) throws(AlgebraError) {
        let columns = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != columns }) {
            throw .invalidArgument(name: "row \(bad) length", value: "\(rows[bad].count)", allowed: "\(columns) (the length of row 0)")
        }
        self.init(rows: rows.count, columns: columns) { m in
            for (i, row) in rows.enumerated() {
                for (j, v) in row.enumerated() { v.withMPQ { fmpq_set_mpq(qb_fmpq_mat_entry(m, i, j), $0) } }
            }
        }
    }

    public static func identity(_ n: Int) -> RationalMatrix {
        RationalMatrix(rows: max(n, 0), columns: max(n, 0)) { fmpq_mat_one($0) }
    }

    public subscript(row: Int, column: Int) -> BigRational {
        withMat { BigRational(fmpq: qb_fmpq_mat_entry($0, row, column)) }
    }

    public var rows: [[BigRational]] {
        (0..<rowCount).map { i in (0..<columnCount).map { j in self[i, j] } }
    }

    public var transposed: RationalMatrix {
        RationalMatrix(rows: columnCount, columns: rowCount) { out in withMat { fmpq_mat_transpose(out, $0) } }
    }

    /// The matrix product; throws when the shapes do not match.
    public func multiplied(by other: RationalMatrix) throws(AlgebraError) -> RationalMatrix {
        guard columnCount == other.rowCount else {
            throw .invalidArgument(name: "right factor rows", value: "\(other.rowCount)", allowed: "\(columnCount) (columns of the left factor)")
        }
        return RationalMatrix(rows: rowCount, columns: other.columnCount) { out in
            withMat { a in other.withMat { b in fmpq_mat_mul(out, a, b) } }
        }
    }

    /// Reduced row echelon form, its rank and the pivot columns.
    public func rowReduced() -> (matrix: RationalMatrix, rank: Int, pivots: [Int]) {
        var rank = 0
        let reduced = RationalMatrix(rows: rowCount, columns: columnCount) { out in withMat { rank = fmpq_mat_rref(out, $0) } }
        var pivots: [Int] = []
        reduced.withMat { m in
            for i in 0..<rank {
                var j = pivots.last.map { $0 + 1 } ?? 0
                while j < columnCount && fmpq_is_zero(qb_fmpq_mat_entry(m, i, j)) != 0 { j += 1 }
                pivots.append(j)
            }
        }
        return (reduced, rank, pivots)
    }

    public var rank: Int { rowReduced().rank }

    /// A basis of the right kernel {v : A v = 0}, one vector per non-pivot column (the vector
    /// with 1 in that column), read off the reduced row echelon form.
    public var kernel: [[BigRational]] {
        let (r, rank, pivots) = rowReduced()
        let pivotSet = Set(pivots)
        return (0..<columnCount).filter { !pivotSet.contains($0) }.map { free in
            var v = [BigRational](repeating: 0, count: columnCount)
            v[free] = 1
            for i in 0..<rank { v[pivots[i]] = -r[i, free] }
            return v
        }
    }

    /// The unique X with A X = B; throws when A is not square, the shapes differ, or A is singular.
    public func solving(_ b: RationalMatrix) throws(AlgebraError) -> RationalMatrix {
        guard rowCount == columnCount else { throw .invalidArgument(name: "matrix shape", value: "\(rowCount)×\(columnCount)", allowed: "a square matrix") }
        guard b.rowCount == rowCount else { throw .invalidArgument(name: "right-hand side rows", value: "\(b.rowCount)", allowed: "\(rowCount)") }
        var ok: Int32 = 0
        let x = RationalMatrix(rows: columnCount, columns: b.columnCount) { out in
            withMat { a in b.withMat { ok = fmpq_mat_solve(out, a, $0) } }
        }
        guard ok != 0 else { throw .divisionByZero(context: "solving with a singular \(rowCount)×\(columnCount) matrix") }
        return x
    }

    /// Throws for a non-square matrix.
    public func determinant() throws(AlgebraError) -> BigRational {
        guard rowCount == columnCount else { throw .invalidArgument(name: "matrix shape", value: "\(rowCount)×\(columnCount)", allowed: "a square matrix") }
        return withMat { m in withScratchFMPQ { d in fmpq_mat_det(d, m); return BigRational(fmpq: d) } }
    }

    /// det(x·I − A), monic of degree n. Throws for a non-square matrix.
    public func characteristicPolynomial() throws(AlgebraError) -> Polynomial {
        guard rowCount == columnCount else { throw .invalidArgument(name: "matrix shape", value: "\(rowCount)×\(columnCount)", allowed: "a square matrix") }
        return withMat { m in Polynomial { fmpq_mat_charpoly($0, m) } }
    }
}

extension RationalMatrix: Equatable {
    public static func == (a: RationalMatrix, b: RationalMatrix) -> Bool {
        a.rowCount == b.rowCount && a.columnCount == b.columnCount && a.withMat { pa in b.withMat { fmpq_mat_equal(pa, $0) != 0 } }
    }
}

/// Owns one `nmod_mat_t`.
final class NModMatBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<nmod_mat_struct>

    init(rows: Int, columns: Int, modulus: UInt, _ fill: (UnsafeMutablePointer<nmod_mat_struct>) -> Void) {
        pointer = .allocate(capacity: 1)
        nmod_mat_init(pointer, rows, columns, modulus)
        fill(pointer)
    }

    deinit {
        nmod_mat_clear(pointer)
        pointer.deallocate()
    }
}

/// A dense matrix over Z/pZ for a word-sized prime p (FLINT `nmod_mat`): the fast modular
/// rank and kernel that bound the rational ones (rank mod p ≤ rank over Q, with equality for
/// all but finitely many p).
public struct ModularMatrix: Sendable {
    let box: NModMatBox
    public let rowCount: Int
    public let columnCount: Int
    public let modulus: UInt

    /// Entries reduced mod p; throws when p is not a prime ≥ 2 or rows are ragged.
    public init(_ rows: [[Int]], modulus p: UInt) throws(AlgebraError) {
        guard p >= 2, n_is_prime(p) != 0 else { throw .invalidArgument(name: "modulus", value: "\(p)", allowed: "a prime below 2^64") }
        let columns = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != columns }) {
            throw .invalidArgument(name: "row \(bad) length", value: "\(rows[bad].count)", allowed: "\(columns) (the length of row 0)")
        }
        box = NModMatBox(rows: rows.count, columns: columns, modulus: p) { m in
            for (i, row) in rows.enumerated() {
                for (j, v) in row.enumerated() {
                    let r = v >= 0 ? UInt(v) % p : (p - UInt(v.magnitude) % p) % p
                    qb_nmod_mat_set_entry(m, i, j, r)
                }
            }
        }
        rowCount = rows.count
        columnCount = columns
        modulus = p
    }

    /// The image of a rational matrix mod p, or nil when p divides a denominator.
    public init?(_ a: RationalMatrix, modulus p: UInt) throws(AlgebraError) {
        guard p >= 2, n_is_prime(p) != 0 else { throw .invalidArgument(name: "modulus", value: "\(p)", allowed: "a prime below 2^64") }
        var representable = true
        box = NModMatBox(rows: a.rowCount, columns: a.columnCount, modulus: p) { m in
            a.withMat { src in
                for i in 0..<a.rowCount {
                    for j in 0..<a.columnCount {
                        let q = qb_fmpq_mat_entry(src, i, j)
                        let num = fmpz_fdiv_ui(qb_fmpq_numref(q), p), den = fmpz_fdiv_ui(qb_fmpq_denref(q), p)
                        guard den != 0 else { representable = false; return }
                        qb_nmod_mat_set_entry(m, i, j, n_mulmod2_preinv(num, n_invmod(den, p), p, n_preinvert_limb(p)))
                    }
                }
            }
        }
        guard representable else { return nil }
        rowCount = a.rowCount
        columnCount = a.columnCount
        modulus = p
    }

    public subscript(row: Int, column: Int) -> UInt {
        withExtendedLifetime(box) { qb_nmod_mat_entry(box.pointer, row, column) }
    }

    /// Residues given row-major (each reduced mod p): the image of a matrix already evaluated mod p,
    /// without a detour through `Int` rows.
    public init(rows: Int, columns: Int, modulus p: UInt, residues: [UInt]) throws(AlgebraError) {
        guard p >= 2, n_is_prime(p) != 0 else { throw .invalidArgument(name: "modulus", value: "\(p)", allowed: "a prime below 2^64") }
        guard rows >= 0, columns >= 0, residues.count == rows * columns else {
            throw .invalidArgument(name: "residues", value: "\(residues.count) entries", allowed: "rows × columns = \(max(rows, 0) * max(columns, 0))")
        }
        box = NModMatBox(rows: rows, columns: columns, modulus: p) { m in
            for i in 0..<rows { for j in 0..<columns { qb_nmod_mat_set_entry(m, i, j, residues[i * columns + j] % p) } }
        }
        rowCount = rows
        columnCount = columns
        modulus = p
    }

    /// Whether p is prime (FLINT's `n_is_prime`, deterministic for every word).
    public static func isPrime(_ p: UInt) -> Bool { n_is_prime(p) != 0 }

    /// The reduced row echelon form (pivots 1, zero above and below; FLINT `nmod_mat_rref`) and its
    /// pivot columns in row order. Over a field this form is unique, so images at different points
    /// can be compared entry by entry.
    public func reducedRowEchelonForm() -> (matrix: ModularMatrix, pivots: [Int]) {
        let copy = NModMatBox(rows: rowCount, columns: columnCount, modulus: modulus) { m in
            withExtendedLifetime(box) { nmod_mat_set(m, box.pointer) }
        }
        let rank = nmod_mat_rref(copy.pointer)
        var pivots: [Int] = []
        var col = 0
        for r in 0..<rank {
            while col < columnCount && qb_nmod_mat_entry(copy.pointer, r, col) == 0 { col += 1 }
            pivots.append(col)
            col += 1
        }
        return (ModularMatrix(box: copy, rows: rowCount, columns: columnCount, modulus: modulus), pivots)
    }

    init(box: NModMatBox, rows: Int, columns: Int, modulus: UInt) {
        self.box = box
        rowCount = rows
        columnCount = columns
        self.modulus = modulus
    }

    public var rank: Int { withExtendedLifetime(box) { nmod_mat_rank(box.pointer) } }

    /// A basis of the right kernel mod p (vectors as arrays of residues).
    public var kernel: [[UInt]] {
        let x = NModMatBox(rows: columnCount, columns: columnCount, modulus: modulus) { _ in }
        let nullity = withExtendedLifetime(box) { nmod_mat_nullspace(x.pointer, box.pointer) }
        return (0..<nullity).map { k in (0..<columnCount).map { i in qb_nmod_mat_entry(x.pointer, i, k) } }
    }
}

/// Owns one `fmpz_mat_t`.
final class FMPZMatBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpz_mat_struct>

    init(rows: Int, columns: Int, _ fill: (UnsafeMutablePointer<fmpz_mat_struct>) -> Void) {
        pointer = .allocate(capacity: 1)
        fmpz_mat_init(pointer, rows, columns)
        fill(pointer)
    }

    deinit {
        fmpz_mat_clear(pointer)
        pointer.deallocate()
    }
}

/// A dense matrix over Z (FLINT `fmpz_mat`): multimodular determinant and rank, an integral
/// kernel basis, and the Hermite normal form.
public struct IntegerMatrix: Sendable {
    let box: FMPZMatBox
    public let rowCount: Int
    public let columnCount: Int

    init(rows: Int, columns: Int, _ fill: (UnsafeMutablePointer<fmpz_mat_struct>) -> Void) {
        box = FMPZMatBox(rows: rows, columns: columns, fill)
        rowCount = rows
        columnCount = columns
    }

    func withMat<R>(_ body: (UnsafePointer<fmpz_mat_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer)) }
    }

    /// Rows of equal length; throws for ragged rows.
    public init(_ rows: [[BigInt]]) throws(AlgebraError) {
        let columns = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != columns }) {
            throw .invalidArgument(name: "row \(bad) length", value: "\(rows[bad].count)", allowed: "\(columns) (the length of row 0)")
        }
        self.init(rows: rows.count, columns: columns) { m in
            for (i, row) in rows.enumerated() {
                for (j, v) in row.enumerated() { v.withMPZ { fmpz_set_mpz(qb_fmpz_mat_entry(m, i, j), $0) } }
            }
        }
    }

    public subscript(row: Int, column: Int) -> BigInt {
        withMat { BigInt(fmpz: qb_fmpz_mat_entry($0, row, column)) }
    }

    public var rows: [[BigInt]] { (0..<rowCount).map { i in (0..<columnCount).map { j in self[i, j] } } }

    public var rank: Int { withMat { fmpz_mat_rank($0) } }

    /// Throws for a non-square matrix.
    public func determinant() throws(AlgebraError) -> BigInt {
        guard rowCount == columnCount else { throw .invalidArgument(name: "matrix shape", value: "\(rowCount)×\(columnCount)", allowed: "a square matrix") }
        return withMat { m in withScratchFMPZ { d in fmpz_mat_det(d, m); return BigInt(fmpz: d) } }
    }

    /// A basis of the right kernel {v ∈ Zⁿ : A v = 0} of the rational kernel's dimension, each
    /// vector primitive (content 1) with its first non-zero entry positive.
    public var kernel: [[BigInt]] {
        let x = FMPZMatBox(rows: columnCount, columns: max(columnCount, 1)) { _ in }
        let nullity = withMat { fmpz_mat_nullspace(x.pointer, $0) }
        let raw = withExtendedLifetime(x) {
            (0..<nullity).map { k in (0..<columnCount).map { i in BigInt(fmpz: qb_fmpz_mat_entry(x.pointer, i, k)) } }
        }
        return raw.map { v in
            let content = v.reduce(BigInt(0)) { BigInt.gcd($0, $1) }
            guard !content.isZero, let lead = v.first(where: { !$0.isZero }) else { return v }
            let divisor = lead.signum < 0 ? -content : content
            return v.map { (try? $0.quotientAndRemainder(dividingBy: divisor).quotient) ?? $0 }
        }
    }

    /// The Hermite normal form (row-style, as FLINT defines it).
    public var hermiteNormalForm: IntegerMatrix {
        IntegerMatrix(rows: rowCount, columns: columnCount) { out in withMat { fmpz_mat_hnf(out, $0) } }
    }
}
