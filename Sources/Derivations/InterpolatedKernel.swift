// The kernel of a block over Q(i)(y) from its images: evaluation at points mod primes,
// reconstruction, and an exact check. The canonical kernel basis of `Matrix.nullSpace()` is read
// off the reduced row echelon form R (free entry 1, pivot entries −R[r, f]); R is unique, so its
// entries are rational functions of y whose images at y = t mod p are the entries of the RREF of
// the image matrix, whenever that image keeps the generic pivots. Hence:
//  1. Q(i) → Z/p by i ↦ ±s (s² ≡ −1, p ≡ 1 mod 4; both embeddings give the real and imaginary
//     parts), y ↦ t for pseudo-random t; FLINT's nmod_mat_rref of each image.
//  2. Unlucky points and primes (a pivot that vanishes, a pole hit) show as a different pivot
//     pattern: the pattern of largest rank, then lexicographically first, wins; others are discarded.
//  3. Each needed entry of R: Newton interpolation through the points, rational-function
//     reconstruction by extended Euclid against Π(y − t_k), accepted when it also matches two
//     check points; the number of points doubles until every entry is found (early termination).
//  4. Coefficients by rational-number reconstruction, over several primes (CRT) when one is short.
//  5. NOTHING is trusted: the vectors are substituted back, M·v = 0 exactly over Q(i)(y); the rank
//     is certified by the images (rank over Q(i)(y) ≥ rank of any image), so the n − rank verified
//     independent vectors are the whole kernel; and the vectors have the echelon shape (v supported
//     on its free column and earlier pivots), which makes them exactly the canonical basis.
// Any failure returns nil, and the caller falls back to exact elimination.
import BigNumerics
import Operators

enum InterpolatedKernel {
    struct Outcome {
        let basis: [[ExactScalar]]
        let points: Int
        let primes: Int
    }

    /// Pieces of one entry: real and imaginary parts as (numerator, denominator) coefficient lists.
    struct ExactEntry {
        let row: Int, col: Int
        let re: (num: [BigRational], den: [BigRational])
        let im: (num: [BigRational], den: [BigRational])
    }

    /// The canonical null-space basis of `m` (as `m.nullSpace()`), or nil when the block has more
    /// than one free symbol or reconstruction fails within the budget. `tamper` (tests only) edits
    /// the reconstructed basis before the exact check, to show that check catches a wrong answer.
    /// `sampleBudget`: bytes the samples and the result may take (MemoryGuard); past it, nil.
    static func nullSpace(of m: Matrix<ExactScalar>, maxPrimes: Int = 4, maxPoints: Int = 512, sampleBudget: Double = .infinity,
                          tamper: ((inout [[ExactScalar]]) -> Void)? = nil) -> Outcome? {
        let rows = m.rows, n = m.cols
        var variableNames = Set<String>()
        var exact: [ExactEntry] = []
        func split(_ f: MultivariateRationalFunction, _ v: String?) -> (num: [BigRational], den: [BigRational])? {
            func coefficients(_ p: MultivariatePolynomial) -> [BigRational]? {
                guard let v else { return p.constantValue.map { $0.isZero ? [] : [$0] } }
                var out: [BigRational] = []
                for c in p.coefficients(in: v) { guard let q = c.constantValue else { return nil }; out.append(q) }
                return out
            }
            guard let a = coefficients(f.numerator), let b = coefficients(f.denominator) else { return nil }
            return (a, b)
        }
        for c in 0..<n { for r in 0..<rows where !m[r, c].isZero { variableNames.formUnion(m[r, c].variables) } }
        guard variableNames.count <= 1 else { return nil }
        let v = variableNames.first
        for c in 0..<n {
            for r in 0..<rows where !m[r, c].isZero {
                guard let re = split(m[r, c].real, v), let im = split(m[r, c].imaginary, v) else { return nil }
                exact.append(ExactEntry(row: r, col: c, re: re, im: im))
            }
        }
        let complex = exact.contains { !$0.im.num.isEmpty }
        // CRT state across primes: per needed entry, (re num, re den, im num, im den) coefficient residues.
        var pattern: [Int]? = nil
        var needed: [(row: Int, col: Int)] = []
        var crt: [[[BigInt]]] = []
        var modulus = BigInt(1)
        var totalPoints = 0
        var primesUsed = 0
        for p in PrimeField.primes(maxPrimes) {
            let f = PrimeField(p: p)
            guard let images = imagesModulo(f, exact: exact, rows: rows, cols: n, complex: complex, maxPoints: maxPoints,
                                            sampleBudget: sampleBudget, seed: UInt(primesUsed) &+ 1) else { continue }
            totalPoints += images.points
            if let pattern, images.pivots != pattern {
                // A better pattern now means every earlier prime was unlucky: start over from this one.
                if !better(images.pivots, than: pattern) { continue }
                crt = []
                modulus = BigInt(1)
            }
            pattern = images.pivots
            needed = images.needed
            primesUsed += 1
            // Combine with the earlier primes (the shapes, i.e. the degrees, must agree).
            let parts = images.entries.map { e in [e.re.num, e.re.den, e.im.num, e.im.den] }
            if crt.isEmpty {
                crt = parts.map { $0.map { $0.map { BigInt($0) } } }
            } else {
                let sameShape = zip(crt, parts).allSatisfy { a, b in zip(a, b).allSatisfy { $0.count == $1.count } }
                if !sameShape { continue }
                crt = zip(crt, parts).map { a, b in
                    zip(a, b).map { x, y in zip(x, y).map { RationalReconstruction.crt($0, modulus: modulus, $1, prime: p) } }
                }
            }
            modulus = modulus * BigInt(p)
            guard var basis = assemble(crt: crt, modulus: modulus, singlePrime: primesUsed == 1 ? p : nil,
                                       needed: needed, pivots: images.pivots, cols: n, variable: v) else { continue }
            tamper?(&basis)
            if echelonShaped(basis, pivots: images.pivots, cols: n) && annihilates(m, basis) {
                return Outcome(basis: basis, points: totalPoints, primes: primesUsed)
            }
        }
        return nil
    }

    /// Lexicographic order of pivot patterns: larger rank first, then earlier pivots.
    static func better(_ a: [Int], than b: [Int]) -> Bool {
        if a.count != b.count { return a.count > b.count }
        for (x, y) in zip(a, b) where x != y { return x < y }
        return false
    }

    struct Images {
        let pivots: [Int]
        let needed: [(row: Int, col: Int)]
        /// Per needed entry: real and imaginary parts mod p, denominators monic.
        let entries: [(re: (num: [UInt], den: [UInt]), im: (num: [UInt], den: [UInt]))]
        let points: Int
    }

    /// Samples the RREF mod p at points until every needed entry is reconstructed mod p.
    static func imagesModulo(_ f: PrimeField, exact: [ExactEntry], rows: Int, cols n: Int, complex: Bool,
                             maxPoints: Int, sampleBudget: Double, seed: UInt) -> Images? {
        let p = f.p
        // The entries mod p (nil: p divides a coefficient's denominator; take another prime).
        var modEntries: [(row: Int, col: Int, reNum: [UInt], reDen: [UInt], imNum: [UInt], imDen: [UInt])] = []
        var inverseCache: [UInt: UInt] = [:]
        for e in exact {
            func red(_ a: [BigRational]) -> [UInt]? {
                var out: [UInt] = []
                for q in a { guard let r = f.residue(q, inverses: &inverseCache) else { return nil }; out.append(r) }
                return out
            }
            guard let a = red(e.re.num), let b = red(e.re.den), let c = red(e.im.num), let d = red(e.im.den) else { return nil }
            modEntries.append((e.row, e.col, a, b, c, d))
        }
        let s = f.sqrtMinusOne
        let sigmas = complex ? [s, p - s] : [s]
        let half = f.inverse(2), invTwoS = f.inverse(f.mul(2, s))
        var best: [Int]? = nil
        var needed: [(row: Int, col: Int)] = []
        var xs: [UInt] = []
        var seen = Set<UInt>()
        var re: [[UInt]] = [], im: [[UInt]] = []
        var done: [(re: (num: [UInt], den: [UInt]), im: (num: [UInt], den: [UInt]))?] = []
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var target = 12, attempts = 0
        while true {
            while xs.count < target {
                attempts += 1
                if attempts > 4 * maxPoints + 64 { return nil }
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let t = 2 + (state >> 2) % (p - 3)
                if seen.contains(t) { continue }
                seen.insert(t)
                // Denominators at t, inverted together (Montgomery's trick); a pole makes t unlucky.
                var dens: [UInt] = []
                dens.reserveCapacity(2 * modEntries.count)
                for e in modEntries { dens.append(f.evaluate(e.reDen, at: t)); dens.append(e.imNum.isEmpty ? 1 : f.evaluate(e.imDen, at: t)) }
                if dens.contains(0) { continue }
                let invs = f.inverses(dens)
                var values: [(UInt, UInt)] = []
                values.reserveCapacity(modEntries.count)
                for (k, e) in modEntries.enumerated() {
                    let a = f.mul(f.evaluate(e.reNum, at: t), invs[2 * k])
                    let b = e.imNum.isEmpty ? 0 : f.mul(f.evaluate(e.imNum, at: t), invs[2 * k + 1])
                    values.append((a, b))
                }
                var echelons: [(matrix: ModularMatrix, pivots: [Int])] = []
                for sigma in sigmas {
                    var residues = [UInt](repeating: 0, count: rows * n)
                    for (k, e) in modEntries.enumerated() { residues[e.row * n + e.col] = f.add(values[k].0, f.mul(sigma, values[k].1)) }
                    guard let image = try? ModularMatrix(rows: rows, columns: n, modulus: p, residues: residues) else { return nil }
                    echelons.append(image.reducedRowEchelonForm())
                }
                let pivots = echelons[0].pivots
                if echelons.contains(where: { $0.pivots != pivots }) { continue }
                // An image of full column rank proves the block has no kernel (rank only drops under specialisation).
                if pivots.count == n { return Images(pivots: pivots, needed: [], entries: [], points: xs.count + 1) }
                if let b = best, pivots != b {
                    if !better(pivots, than: b) { continue }
                    best = nil
                }
                if best == nil {
                    best = pivots
                    let pivotSet = Set(pivots)
                    needed = []
                    for free in 0..<n where !pivotSet.contains(free) {
                        for (r, pc) in pivots.enumerated() where pc < free { needed.append((r, free)) }
                    }
                    xs = []
                    re = Array(repeating: [], count: needed.count)
                    im = Array(repeating: [], count: needed.count)
                    done = Array(repeating: nil, count: needed.count)
                }
                if MemoryGuard.interpolationSamples(needed: needed.count, points: target) > sampleBudget { return nil }
                for (k, e) in needed.enumerated() {
                    let u = echelons[0].matrix[e.row, e.col]
                    if complex {
                        let w = echelons[1].matrix[e.row, e.col]
                        re[k].append(f.mul(f.add(u, w), half))
                        im[k].append(f.mul(f.sub(u, w), invTwoS))
                    } else {
                        re[k].append(u)
                    }
                }
                xs.append(t)
            }
            let check = 2, k = xs.count - check
            let vanishing = f.vanishing(xs[0..<k]), table = f.newtonTable(xs[0..<k])
            var all = true
            for e in needed.indices where done[e] == nil {
                guard let r = f.reconstructRationalFunction(points: xs[0..<k], values: re[e][0..<k], vanishing: vanishing, table: table,
                                                            checkPoints: xs[k...], checkValues: re[e][k...]) else { all = false; continue }
                var i: (num: [UInt], den: [UInt]) = ([], [1])
                if complex {
                    guard let c = f.reconstructRationalFunction(points: xs[0..<k], values: im[e][0..<k], vanishing: vanishing, table: table,
                                                                checkPoints: xs[k...], checkValues: im[e][k...]) else { all = false; continue }
                    i = c
                }
                done[e] = (r, i)
            }
            if all, let best {
                return Images(pivots: best, needed: needed, entries: done.compactMap { $0 }, points: xs.count)
            }
            if target >= maxPoints { return nil }
            target = min(2 * target, maxPoints)
        }
    }

    /// Kernel vectors from the coefficient residues (rational reconstruction of every coefficient).
    static func assemble(crt: [[[BigInt]]], modulus: BigInt, singlePrime: UInt?, needed: [(row: Int, col: Int)],
                         pivots: [Int], cols n: Int, variable: String?) -> [[ExactScalar]]? {
        var powers: [MultivariatePolynomial] = [.one]
        func power(_ k: Int) -> MultivariatePolynomial {
            while powers.count <= k { powers.append(powers[powers.count - 1] * .variable(variable ?? "y")) }
            return powers[k]
        }
        func rational(_ a: BigInt) -> BigRational? {
            if let p = singlePrime, let r = a.asInt { return RationalReconstruction.small(UInt(r), modulus: p) }
            return RationalReconstruction.large(a, modulus: modulus)
        }
        func polynomial(_ residues: [BigInt]) -> MultivariatePolynomial? {
            var out = MultivariatePolynomial.zero
            for (k, a) in residues.enumerated() where !a.isZero {
                guard let c = rational(a) else { return nil }
                out = out + MultivariatePolynomial(c) * power(k)
            }
            return out
        }
        func function(_ num: [BigInt], _ den: [BigInt]) -> MultivariateRationalFunction? {
            guard let a = polynomial(num), let b = polynomial(den), !b.isZero else { return nil }
            return try? MultivariateRationalFunction(numerator: a, denominator: b)
        }
        var values: [Int: [Int: ExactScalar]] = [:]   // free column → pivot row → R[r, free]
        for (k, e) in needed.enumerated() {
            let parts = crt[k]
            guard let r = function(parts[0], parts[1]), let i = function(parts[2], parts[3]) else { return nil }
            let x = ExactScalar(r, i)
            if !x.isZero { values[e.col, default: [:]][e.row] = x }
        }
        let pivotSet = Set(pivots)
        return (0..<n).filter { !pivotSet.contains($0) }.map { free in
            var vec = [ExactScalar](repeating: .zero, count: n)
            vec[free] = 1
            for (r, x) in values[free] ?? [:] { vec[pivots[r]] = -x }
            return vec
        }
    }

    /// Each vector is 1 on its own free column, 0 on the other free columns, and supported on pivots
    /// before its free column: the shape that makes a verified basis the canonical one.
    static func echelonShaped(_ basis: [[ExactScalar]], pivots: [Int], cols n: Int) -> Bool {
        let pivotSet = Set(pivots)
        let free = (0..<n).filter { !pivotSet.contains($0) }
        guard basis.count == free.count else { return false }
        for (vec, f) in zip(basis, free) {
            guard vec.count == n else { return false }
            for (j, x) in vec.enumerated() where !x.isZero {
                if j == f { if x != 1 { return false } } else if !(pivotSet.contains(j) && j < f) { return false }
            }
        }
        return true
    }

    /// M·v = 0 exactly over Q(i)(y, …) for every v (the substitution back).
    static func annihilates(_ m: Matrix<ExactScalar>, _ basis: [[ExactScalar]]) -> Bool {
        var columns: [[(Int, ExactScalar)]] = []
        for c in 0..<m.cols { columns.append((0..<m.rows).compactMap { r in m[r, c].isZero ? nil : (r, m[r, c]) }) }
        for vec in basis {
            guard vec.count == m.cols else { return false }
            var terms = [[ExactScalar]](repeating: [], count: m.rows)
            for (c, x) in vec.enumerated() where !x.isZero { for (r, a) in columns[c] { terms[r].append(a * x) } }
            for t in terms where !t.isEmpty {
                if t.count == 1 { if !t[0].isZero { return false }; continue }
                let real = MultivariateRationalFunction.sum(t.map(\.real))
                if !real.isZero { return false }
                let imaginary = MultivariateRationalFunction.sum(t.map(\.imaginary))
                if !imaginary.isZero { return false }
            }
        }
        return true
    }
}
