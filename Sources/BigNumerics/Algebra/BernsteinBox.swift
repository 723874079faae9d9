/// The outcome of an exact sign check of a polynomial on a box.
public enum SignCertificate: Sendable, Equatable, CustomStringConvertible {
    /// p > 0 (for `isNonNegative`: p ≥ 0) on the whole closed box: on each of `boxes` sub-boxes
    /// every tensor Bernstein coefficient is positive (non-negative), and the basis functions
    /// are non-negative there.
    case positive(boxes: Int)
    /// A point of the box (a sub-box corner, where a Bernstein coefficient is the exact value)
    /// with p(point) = value ≤ 0 (for `isNonNegative`: < 0).
    case counterexample(point: [String: BigRational], value: BigRational)
    /// Neither within the sub-box budget (p may vanish at an interior point, or be positive
    /// with a very small margin).
    case undecided(boxes: Int)

    public var isPositive: Bool { if case .positive = self { return true } else { return false } }

    public var description: String {
        switch self {
        case let .positive(boxes): return "positive on the box (\(boxes) sub-box\(boxes == 1 ? "" : "es"), all Bernstein coefficients > 0)"
        case let .counterexample(point, value):
            return "counterexample: value \(value) at " + point.keys.sorted().map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
        case let .undecided(boxes): return "undecided after \(boxes) sub-boxes"
        }
    }
}

extension MultivariatePolynomial {
    /// Decides p > 0 on the closed box exactly (all arithmetic in Q). The polynomial is mapped
    /// to the unit cube, written in the tensor Bernstein basis, and sub-boxes whose coefficients
    /// are not all positive are halved (de Casteljau along the widest side) until every piece
    /// is decided or `maxSubdivisions` pieces have been examined.
    ///
    /// Every variable of p must have a side in `box` (extra names are ignored); a side may be a
    /// single point.
    public func isPositive(on box: [String: ClosedRange<BigRational>], maxSubdivisions: Int = 4096) throws(AlgebraError) -> SignCertificate {
        try signCertificate(on: box, strict: true, maxSubdivisions: maxSubdivisions)
    }

    /// Decides p ≥ 0 on the closed box the same way: every Bernstein coefficient ≥ 0 on each
    /// sub-box proves it (`.positive` then means "non-negative"); a negative corner value refutes.
    public func isNonNegative(on box: [String: ClosedRange<BigRational>], maxSubdivisions: Int = 4096) throws(AlgebraError) -> SignCertificate {
        try signCertificate(on: box, strict: false, maxSubdivisions: maxSubdivisions)
    }

    func signCertificate(on box: [String: ClosedRange<BigRational>], strict: Bool, maxSubdivisions: Int) throws(AlgebraError) -> SignCertificate {
        guard maxSubdivisions >= 1 else {
            throw .invalidArgument(name: "maxSubdivisions", value: "\(maxSubdivisions)", allowed: "1 or more")
        }
        let names = variables
        for n in names where box[n] == nil { throw .missingVariable(name: n, expression: description) }
        if names.isEmpty {
            let c = constantValue ?? 0
            return c.signum > 0 || (!strict && c.isZero) ? .positive(boxes: 1) : .counterexample(point: [:], value: c)
        }
        let sides = names.map { box[$0]! }
        // q(t) = p(lo + (hi − lo) t) on [0, 1]^n, in the same names.
        var shift: [String: MultivariatePolynomial] = [:]
        for (n, s) in zip(names, sides) {
            shift[n] = MultivariatePolynomial(s.lowerBound) + (s.upperBound - s.lowerBound) * MultivariatePolynomial.variable(n)
        }
        let q = substituting(shift)
        var tensor = try BernsteinTensor(q, names: names)
        tensor.convertToBernstein()

        func originalPoint(_ t: [BigRational]) -> [String: BigRational] {
            var point: [String: BigRational] = [:]
            for (i, n) in names.enumerated() { point[n] = sides[i].lowerBound + (sides[i].upperBound - sides[i].lowerBound) * t[i] }
            return point
        }

        var work: [(BernsteinTensor, [BigRational], [BigRational])] = [(tensor, names.map { _ in 0 }, names.map { _ in 1 })]
        var examined = 0
        while let (b, t0, t1) = work.popLast() {
            examined += 1
            if examined > maxSubdivisions { return .undecided(boxes: examined - 1) }
            // Corner coefficients are the values at the corners: a non-positive one refutes.
            for corner in b.cornerIndices {
                let v = b.coefficients[corner.flat]
                if v.signum < 0 || (strict && v.isZero) {
                    let t = corner.atUpper.enumerated().map { $0.element ? t1[$0.offset] : t0[$0.offset] }
                    return .counterexample(point: originalPoint(t), value: v)
                }
            }
            if b.coefficients.allSatisfy({ strict ? $0.signum > 0 : $0.signum >= 0 }) { continue }
            // Halve the widest side (in t) among the variables of positive degree.
            var axis = -1
            var widest = BigRational(-1)
            for k in 0..<names.count where b.dims[k] > 1 && t1[k] - t0[k] > widest { axis = k; widest = t1[k] - t0[k] }
            guard axis >= 0 else { continue }
            let (left, right) = b.halved(along: axis)
            let mid = (t0[axis] + t1[axis]) / 2
            var leftUpper = t1, rightLower = t0
            leftUpper[axis] = mid
            rightLower[axis] = mid
            work.append((right, rightLower, t1))
            work.append((left, t0, leftUpper))
        }
        return .positive(boxes: examined)
    }
}

/// Coefficients of a polynomial on [0, 1]^n as a dense tensor (first variable slowest), in
/// the power basis until `convertToBernstein` and in the tensor Bernstein basis after.
struct BernsteinTensor {
    var coefficients: [BigRational]
    /// Degree + 1 per variable.
    let dims: [Int]
    let strides: [Int]

    init(_ q: MultivariatePolynomial, names: [String]) throws(AlgebraError) {
        dims = names.map { max(q.degree(in: $0), 0) + 1 }
        var s = [Int](repeating: 1, count: names.count)
        for k in stride(from: names.count - 2, through: 0, by: -1) { s[k] = s[k + 1] * dims[k + 1] }
        strides = s
        let total = dims.reduce(1, *)
        guard total <= 1 << 22 else { throw .tooLarge(context: "Bernstein tensor of \(total) coefficients") }
        coefficients = [BigRational](repeating: 0, count: total)
        for (c, e) in try q.terms() {
            var flat = 0
            for (k, n) in names.enumerated() { flat += (e[n] ?? 0) * strides[k] }
            coefficients[flat] = c
        }
    }

    init(coefficients: [BigRational], dims: [Int], strides: [Int]) {
        self.coefficients = coefficients
        self.dims = dims
        self.strides = strides
    }

    /// Starting offsets of every fibre along `axis`.
    func fibreStarts(_ axis: Int) -> [Int] {
        var starts = [0]
        for k in 0..<dims.count where k != axis {
            starts = starts.flatMap { s in (0..<dims[k]).map { s + $0 * strides[k] } }
        }
        return starts
    }

    /// Power basis to Bernstein basis along every axis: bⱼ = Σ_{i≤j} C(j, i)/C(d, i) aᵢ.
    mutating func convertToBernstein() {
        for axis in 0..<dims.count where dims[axis] > 1 {
            let d = dims[axis] - 1, st = strides[axis]
            let weights = (0...d).map { j in
                (0...j).map { i in BigRational(BigInt.binomial(UInt(j), UInt(i))) / BigRational(BigInt.binomial(UInt(d), UInt(i))) }
            }
            for start in fibreStarts(axis) {
                let a = (0...d).map { coefficients[start + $0 * st] }
                for j in 0...d {
                    var s = BigRational(0)
                    for i in 0...j where !a[i].isZero { s += weights[j][i] * a[i] }
                    coefficients[start + j * st] = s
                }
            }
        }
    }

    /// de Casteljau at the midpoint of `axis`: the coefficients of the two halves.
    func halved(along axis: Int) -> (BernsteinTensor, BernsteinTensor) {
        var left = coefficients, right = coefficients
        let d = dims[axis] - 1, st = strides[axis]
        let half = BigRational(1) / 2
        for start in fibreStarts(axis) {
            var row = (0...d).map { coefficients[start + $0 * st] }
            var l = [row[0]], r = [row[d]]
            while row.count > 1 {
                row = (0..<(row.count - 1)).map { (row[$0] + row[$0 + 1]) * half }
                l.append(row[0])
                r.append(row[row.count - 1])
            }
            r.reverse()
            for j in 0...d {
                left[start + j * st] = l[j]
                right[start + j * st] = r[j]
            }
        }
        return (BernsteinTensor(coefficients: left, dims: dims, strides: strides),
                BernsteinTensor(coefficients: right, dims: dims, strides: strides))
    }

    /// The 2ⁿ corner coefficients: flat index and, per axis, whether it is the upper end.
    var cornerIndices: [(flat: Int, atUpper: [Bool])] {
        var corners: [(flat: Int, atUpper: [Bool])] = [(0, [])]
        for k in 0..<dims.count {
            corners = corners.flatMap { c in
                dims[k] == 1 ? [(c.flat, c.atUpper + [false])]
                             : [(c.flat, c.atUpper + [false]), (c.flat + (dims[k] - 1) * strides[k], c.atUpper + [true])]
            }
        }
        return corners
    }
}
