import BigNumerics

/// Exact sign certificates for a polynomial on an interval through its Bernstein coefficients
/// (all arithmetic in ℚ): on [0, 1], p = Σ bᵢ Bᵢ(t) with Bᵢ ≥ 0, so all bᵢ ≥ 0 proves p ≥ 0;
/// b₀ = p(0) and bₙ = p(1) are exact values, so a negative end coefficient is a counterexample.
/// Pieces that decide nothing are split at the midpoint (de Casteljau), down to a depth limit.
enum BernsteinCertificate {
    enum Outcome {
        /// Proven on the whole interval, using this many pieces.
        case proven(pieces: Int)
        /// A point (in the original variable) where the claim fails, exactly.
        case counterexample(BigRational)
        /// Neither within the piece budget.
        case undecided(pieces: Int)
    }

    /// A domain end: a rational bound (open or closed) or none (±∞).
    struct End {
        let value: BigRational?
        let open: Bool
    }

    /// Proves p > 0 (strict) or p ≥ 0 on the domain (lower, upper), ends possibly infinite.
    static func prove(_ p: Polynomial, lower: End, upper: End, strict: Bool, maxPieces: Int = 4096) -> Outcome {
        switch (lower.value, upper.value) {
        case let (lo?, hi?):
            // p(lo + (hi − lo) t), t ∈ [0, 1].
            let q = p.composed(with: Polynomial(coefficients: [lo, hi - lo]))
            return run(q, openStart: lower.open, openEnd: upper.open, strict: strict, maxPieces: maxPieces) { lo + (hi - lo) * $0 }
        case let (lo?, nil):
            // v = lo + t/(1 − t), t ∈ [0, 1): (1 − t)^n p(v) has the sign of p; t = 1 is +∞ (open).
            let q = homogenised(p, numerator: Polynomial(coefficients: [lo, 1 - lo]))
            return run(q, openStart: lower.open, openEnd: true, strict: strict, maxPieces: maxPieces) { t in
                t == 1 ? lo + 1_000_000 : lo + t / (1 - t)
            }
        case let (nil, hi?):
            // v = hi − t/(1 − t).
            let q = homogenised(p, numerator: Polynomial(coefficients: [hi, -1 - hi]))
            return run(q, openStart: upper.open, openEnd: true, strict: strict, maxPieces: maxPieces) { t in
                t == 1 ? hi - 1_000_000 : hi - t / (1 - t)
            }
        case (nil, nil):
            let left = prove(p, lower: lower, upper: End(value: 0, open: false), strict: strict, maxPieces: maxPieces)
            guard case let .proven(a) = left else { return left }
            let right = prove(p, lower: End(value: 0, open: false), upper: upper, strict: strict, maxPieces: maxPieces)
            guard case let .proven(b) = right else { return right }
            return .proven(pieces: a + b)
        }
    }

    /// Σ cᵢ (numerator(t))^i (1 − t)^{n−i} for p = Σ cᵢ vⁱ and v = numerator(t)/(1 − t).
    static func homogenised(_ p: Polynomial, numerator: Polynomial) -> Polynomial {
        let n = max(p.degree, 0)
        let oneMinusT = Polynomial(coefficients: [1, -1])
        var q = Polynomial.zero
        for (i, c) in p.coefficients.enumerated() where !c.isZero {
            q += c * (numerator.power(i) * oneMinusT.power(n - i))
        }
        return q
    }

    /// Bernstein coefficients on [0, 1] of a polynomial in the power basis.
    static func bernstein(_ q: Polynomial) -> [BigRational] {
        let n = max(q.degree, 0)
        let a = (0...n).map { $0 < q.coefficients.count ? q.coefficients[$0] : BigRational(0) }
        return (0...n).map { i in
            var s = BigRational(0)
            for j in 0...i where !a[j].isZero {
                s += BigRational(BigInt.binomial(UInt(i), UInt(j))) / BigRational(BigInt.binomial(UInt(n), UInt(j))) * a[j]
            }
            return s
        }
    }

    /// de Casteljau at t = 1/2: the coefficients of the left and right halves.
    static func split(_ b: [BigRational]) -> ([BigRational], [BigRational]) {
        var row = b
        var left = [row[0]], right = [row[row.count - 1]]
        let half = BigRational(1) / 2
        while row.count > 1 {
            row = (0..<(row.count - 1)).map { (row[$0] + row[$0 + 1]) * half }
            left.append(row[0])
            right.append(row[row.count - 1])
        }
        return (left, right.reversed())
    }

    static func run(_ q: Polynomial, openStart: Bool, openEnd: Bool, strict: Bool, maxPieces: Int,
                    toVariable: (BigRational) -> BigRational) -> Outcome {
        // Work list of (coefficients, t0, t1).
        var work: [([BigRational], BigRational, BigRational)] = [(bernstein(q), 0, 1)]
        var pieces = 0
        while let (b, t0, t1) = work.popLast() {
            pieces += 1
            if pieces > maxPieces { return .undecided(pieces: pieces) }
            let startIncluded = !(t0 == 0 && openStart), endIncluded = !(t1 == 1 && openEnd)
            guard let first = b.first, let last = b.last else { continue }
            // Exact end values: a negative one (or a zero one, for a strict claim, at an included
            // end) is a counterexample. A negative value at an excluded end still has negative
            // values nearby inside the domain.
            if first.signum < 0 || (strict && first.isZero && startIncluded) {
                if first.signum < 0 && !startIncluded { return .counterexample(toVariable(t0 + (t1 - t0) / 1_000_000)) }
                return .counterexample(toVariable(t0))
            }
            if last.signum < 0 || (strict && last.isZero && endIncluded) {
                if last.signum < 0 && !endIncluded { return .counterexample(toVariable(t1 - (t1 - t0) / 1_000_000)) }
                return .counterexample(toVariable(t1))
            }
            if b.allSatisfy({ $0.signum >= 0 }) {
                if !strict { continue }
                if b.contains(where: { $0.signum > 0 }) { continue }     // > 0 inside, ends checked above
                return .counterexample(toVariable((t0 + t1) / 2))       // identically zero
            }
            let (l, r) = split(b)
            let mid = (t0 + t1) / 2
            work.append((r, mid, t1))
            work.append((l, t0, mid))
        }
        return .proven(pieces: pieces)
    }
}
