import BigNumerics
import PropertyBased
import Testing

/// Random 4×5 rational matrices of rank ≤ 3 (a product of 4×3 and 3×5 small-integer factors
/// over small denominators), so the kernel is never trivial.
let randomLowRank = Gen.int(in: -6...6).array(of: 27).map { v -> RationalMatrix? in
    let left = (0..<4).map { i in (0..<3).map { j in BigRational(v[3 * i + j]) / BigRational(1 + (i + j) % 3) } }
    let right = (0..<3).map { i in (0..<5).map { j in BigRational(v[12 + 5 * i + j]) } }
    return try? RationalMatrix(left).multiplied(by: RationalMatrix(right))
}

@Suite("Matrices over Q and Z/pZ (FLINT fmpq_mat, nmod_mat)")
struct MatrixTests {
    func q(_ n: Int, _ d: Int = 1) -> BigRational { BigRational(n) / BigRational(d) }

    @Test("hand-checkable: rref, rank, kernel, solve, determinant, characteristic polynomial")
    func handChecked() throws {
        // Row 3 = row 1 + row 2: rank 2, kernel spanned by (1, −2, 1).
        let a = try RationalMatrix([[1, 2, 3], [4, 5, 6], [5, 7, 9]].map { $0.map { BigRational($0) } })
        let (r, rank, pivots) = a.rowReduced()
        #expect(rank == 2 && a.rank == 2 && pivots == [0, 1])
        #expect(r.rows == [[1, 0, -1], [0, 1, 2], [0, 0, 0]].map { $0.map { BigRational($0) } })
        #expect(a.kernel == [[1, -2, 1]])
        #expect(try a.determinant() == 0)
        #expect(throws: AlgebraError.self) { try a.solving(RationalMatrix([[1], [1], [1]])) }
        let b = try RationalMatrix([[2, 1], [1, 3]].map { $0.map { BigRational($0) } })
        #expect(try b.determinant() == 5)
        #expect(try b.solving(RationalMatrix([[1], [2]])).rows == [[q(1, 5)], [q(3, 5)]])
        #expect(try b.characteristicPolynomial() == Polynomial(coefficients: [5, -5, 1]))   // x² − 5x + 5
        #expect(try RationalMatrix([[q(1, 2), q(1, 3)]]).kernel == [[q(-2, 3), 1]])
        // Modular images: rank 2 mod 7; the integer matrix [[1, 1], [1, 8]] is singular mod 7.
        #expect(try ModularMatrix([[1, 2, 3], [4, 5, 6], [5, 7, 9]], modulus: 7).rank == 2)
        #expect(try ModularMatrix([[1, 1], [1, 8]], modulus: 7).rank == 1)
        #expect(try ModularMatrix([[1, -1], [-1, 1]], modulus: 5).kernel == [[1, 1]])
        #expect(try ModularMatrix(RationalMatrix([[q(1, 7)]]), modulus: 7) == nil)
    }

    @Test("random exact checks: A·kernel = 0, rank + nullity = columns, solve, Cayley–Hamilton")
    func randomChecks() throws {
        try forAll(seed: 21, count: 60, randomLowRank) { (m: RationalMatrix?) in
            guard let a = m else { return }
            let k = a.kernel
            #expect(a.rank + k.count == a.columnCount)
            #expect(a.rank <= 3 && k.count >= 2)
            for v in k {
                let product = try a.multiplied(by: RationalMatrix(v.map { [$0] }))
                #expect(product.rows.allSatisfy { $0 == [0] })
            }
            // The kernel vectors are independent: the matrix of them has full rank.
            #expect(try RationalMatrix(k).rank == k.count)
            // Modular rank never exceeds the rational rank.
            if let modular = try ModularMatrix(a, modulus: 1_000_003) { #expect(modular.rank <= a.rank) }
            // A square non-singular system from the Gram matrix AAᵀ + I.
            let g = try a.multiplied(by: a.transposed)
            let s = try RationalMatrix((0..<4).map { i in (0..<4).map { j in g[i, j] + (i == j ? 1 : 0) } })
            let rhs = try RationalMatrix([[1], [2], [3], [4]])
            #expect(try s.multiplied(by: s.solving(rhs)) == rhs)
            // Cayley–Hamilton: p(S) = 0, and det S = p(0) (even dimension).
            let p = try s.characteristicPolynomial()
            var acc = try RationalMatrix([[BigRational]](repeating: [BigRational](repeating: 0, count: 4), count: 4))
            for c in p.coefficients.reversed() {
                let scaled = try acc.multiplied(by: s)
                acc = try RationalMatrix((0..<4).map { i in (0..<4).map { j in scaled[i, j] + (i == j ? c : 0) } })
            }
            #expect(acc.rows.allSatisfy { $0.allSatisfy(\.isZero) })
            #expect(try s.determinant() == p.coefficients[0])
        }
    }

    @Test("integer matrices: determinant, rank and integral kernel against the rational ones")
    func integerMatrices() throws {
        let a = try IntegerMatrix([[1, 2, 3], [4, 5, 6], [5, 7, 9]].map { $0.map { BigInt($0) } })
        let detA = try a.determinant()
        #expect(a.rank == 2 && detA == 0)
        #expect(a.kernel == [[1, -2, 1]])
        let b = try IntegerMatrix([[2, 1], [1, 3]].map { $0.map { BigInt($0) } })
        #expect(try b.determinant() == 5)
        #expect(b.hermiteNormalForm.rows == [[1, 3], [0, 5]].map { $0.map { BigInt($0) } })
        try forAll(seed: 41, count: 40, Gen.int(in: -9...9).array(of: 20)) { (v: [Int]) in
            let rows = (0..<4).map { i in (0..<5).map { j in BigInt(v[5 * i + j]) } }
            let m = try IntegerMatrix(rows), q = try RationalMatrix(rows.map { $0.map { BigRational($0) } })
            #expect(m.rank == q.rank)
            #expect(m.kernel.count == q.kernel.count)
            for k in m.kernel {
                for row in rows { #expect(zip(row, k).reduce(BigInt(0)) { $0 + $1.0 * $1.1 } == 0) }
            }
            let square = try IntegerMatrix(Array(rows.prefix(4)).map { Array($0.prefix(4)) })
            let integerDet = try square.determinant()
            let rationalDet = try RationalMatrix(Array(rows.prefix(4)).map { $0.prefix(4).map { BigRational($0) } }).determinant()
            #expect(BigRational(integerDet) == rationalDet)
        }
        #expect(throws: AlgebraError.self) { try IntegerMatrix([[1], [2, 3]]) }
    }

    @Test("bad input: ragged rows, shape mismatches, composite modulus")
    func badInput() {
        #expect(throws: AlgebraError.self) { try RationalMatrix([[1, 2], [3]]) }
        #expect(throws: AlgebraError.self) { try RationalMatrix([[1, 2]]).multiplied(by: RationalMatrix([[1, 2]])) }
        #expect(throws: AlgebraError.self) { try RationalMatrix([[1, 2]]).determinant() }
        #expect(throws: AlgebraError.self) { try ModularMatrix([[1]], modulus: 15) }
    }
}
