import Testing
import BigNumerics
import Derivations
import Operators

/// The half of the layer that needs no i (elimination, superoperator maps, reordering) runs over a
/// real field: the errata's exact and interval routes use it over Q and over MPFI enclosures.
@Suite struct RealFieldLayerTests {
    @Test("Over Q: solving, the commutator superoperator from its map and from left/right products, and −i[H,·] over Q(i) agree")
    func realFieldAgreesWithComplex() throws {
        let a = try Matrix<BigRational>([[q(2, 1), q(1, 1)], [q(1, 1), q(3, 1)]])
        let b = Matrix<BigRational>.column([q(1, 1), q(-2, 7)])
        let x = try a.solving(b)
        #expect(try a * x == b)
        #expect(x.column(0) == [q(23, 35), q(-11, 35)])   // Cramer: (3 + 2/7)/5, (−4/7 − 1)/5
        #expect(throws: OperatorError.self) { try Matrix<BigRational>([[q(1, 1), q(2, 1)], [q(2, 1), q(4, 1)]]).solving(b) }

        let h = try Matrix<BigRational>([[q(1, 2), q(1, 3)], [q(1, 3), q(-1, 2)]])
        let commutator = try Superoperators<BigRational>.leftMultiplication(h) - Superoperators<BigRational>.rightMultiplication(h)
        let fromMap = try Superoperators<BigRational>.fromMap(dimension: 2) { (r: Matrix<BigRational>) throws(OperatorError) -> Matrix<BigRational> in
            try h * r - r * h
        }
        #expect(fromMap == commutator)
        let complex = try Superoperators<QI>.hamiltonian(h.map { QI($0) })
        #expect(complex == commutator.map { QI(.zero, -$0) })
        // Reordering is a permutation in any field: row stacking over Q is the Q(i) one's real part.
        #expect(Superoperators<QI>.toRowStacking(complex, dimension: 2)
                == Superoperators<BigRational>.toRowStacking(commutator, dimension: 2).map { QI(.zero, -$0) })
    }
}
