// A certificate of full rank by evaluation and modular arithmetic: specialise every symbol to a
// rational point, map Q(i) → Z/p with i ↦ s (s² ≡ −1, p ≡ 1 mod 4), and take the rank of the
// image with FLINT's nmod_mat. Rank can only drop under a ring homomorphism, so a block of full
// rank mod p has full rank over Q(i)(y, …) and an empty kernel — no exact elimination needed.
// A deficient image proves nothing (an unlucky point or prime): the block is then reduced exactly.
import BigNumerics
import Operators

enum ModularScreen {
    /// 10⁹ + 9, prime, ≡ 1 (mod 4).
    static let prime: UInt = 1_000_000_009

    /// s with s² ≡ −1 (mod p): g^((p−1)/4) for the first quadratic non-residue g.
    static let sqrtMinusOne: UInt = {
        let p = prime
        func power(_ b: UInt, _ e: UInt) -> UInt {
            var r: UInt = 1, b = b % p, e = e
            while e > 0 { if e & 1 == 1 { r = r * b % p }; b = b * b % p; e >>= 1 }
            return r
        }
        var g: UInt = 2
        while power(g, (p - 1) / 2) != p - 1 { g += 1 }
        return power(g, (p - 1) / 4)
    }()

    /// A point for every symbol: small distinct rationals away from 0 and 1 (y ∈ (0, 1)).
    static func point(for symbols: [String]) -> [String: BigRational] {
        var out: [String: BigRational] = [:]
        for (k, s) in symbols.enumerated() { out[s] = BigRational(2 * k + 3) / BigRational(4 * k + 11) }
        return out
    }

    /// true when the square block is certainly non-singular over Q(i)(symbols).
    static func certainlyFullRank(_ m: Matrix<ExactScalar>) -> Bool {
        let symbols = Set(m.storage.flatMap(\.variables)).sorted()
        let pt = point(for: symbols)
        var re: [[BigRational]] = [], im: [[BigRational]] = []
        for i in 0..<m.rows {
            var r: [BigRational] = [], c: [BigRational] = []
            for j in 0..<m.cols {
                guard let z = try? m[i, j].evaluated(pt) else { return false }
                r.append(z.real); c.append(z.imaginary)
            }
            re.append(r); im.append(c)
        }
        guard let a = try? RationalMatrix(re), let b = try? RationalMatrix(im),
              let am = try? ModularMatrix(a, modulus: prime), let bm = try? ModularMatrix(b, modulus: prime) else { return false }
        let p = prime, s = sqrtMinusOne
        let rows: [[Int]] = (0..<m.rows).map { i in (0..<m.cols).map { j in Int((am[i, j] + s * bm[i, j] % p) % p) } }
        guard let image = try? ModularMatrix(rows, modulus: p) else { return false }
        return image.rank == min(m.rows, m.cols)
    }
}
