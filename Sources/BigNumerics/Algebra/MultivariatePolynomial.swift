import CFLINT
import Glibc

/// A polynomial over Q in named variables (FLINT `fmpq_mpoly`), with value semantics.
///
/// Values carry their ring (see `PolynomialRing`: sorted names, deglex). A binary operation on
/// values of different rings first maps both into the union ring, so `x + 1` and `x * y` need
/// no declaration of variables. Equality and hashing depend on the terms only, never on which
/// ring holds them: the deglex order restricted to fewer variables is the same order, so the
/// terms of equal values come in the same sequence whatever the ring.
public struct MultivariatePolynomial: Sendable {
    let box: MPolyBox

    init(box: MPolyBox) { self.box = box }

    init(ring: PolynomialRing, _ fill: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void) {
        box = MPolyBox.make(ring: ring, fill)
    }

    var ring: PolynomialRing { box.ring }

    /// Read access to the FLINT polynomial and its context, valid only inside `body`.
    @inline(__always)
    func withPoly<R>(_ body: (UnsafePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(box) { try body(UnsafePointer(box.pointer), UnsafePointer(box.ring.ctx)) }
    }

    public init(_ c: BigRational) {
        self.init(ring: .constants) { p, ctx in
            c.withFMPQ { fmpq_mpoly_set_fmpq(p, $0, ctx) }
        }
    }

    public init(_ n: Int) {
        self.init(ring: .constants) { p, ctx in fmpq_mpoly_set_si(p, n, ctx) }
    }

    public init(_ n: BigInt) {
        self.init(ring: .constants) { p, ctx in n.withFMPZ { fmpq_mpoly_set_fmpz(p, $0, ctx) } }
    }

    /// The polynomial consisting of the variable `name` alone.
    public static func variable(_ name: String) -> MultivariatePolynomial {
        MultivariatePolynomial(ring: PolynomialRing(sortedNames: [name])) { p, ctx in fmpq_mpoly_gen(p, 0, ctx) }
    }

    public static var zero: MultivariatePolynomial { MultivariatePolynomial(ring: .constants) { _, _ in } }
    public static var one: MultivariatePolynomial { MultivariatePolynomial(ring: .constants) { p, ctx in fmpq_mpoly_one(p, ctx) } }

    /// The names that actually occur, sorted.
    public var variables: [String] {
        let names = ring.names
        if names.isEmpty { return [] }
        var used = [Int32](repeating: 0, count: names.count)
        withPoly { p, ctx in fmpq_mpoly_used_vars(&used, p, ctx) }
        return names.indices.filter { used[$0] != 0 }.map { names[$0] }
    }

    public var isZero: Bool { withPoly { p, ctx in fmpq_mpoly_is_zero(p, ctx) != 0 } }
    public var isConstant: Bool { withPoly { p, ctx in fmpq_mpoly_is_fmpq(p, ctx) != 0 } }
    public var isOne: Bool { withPoly { p, ctx in fmpq_mpoly_is_one(p, ctx) != 0 } }

    /// The value when the polynomial is a constant (zero included), else nil.
    public var constantValue: BigRational? {
        withPoly { p, ctx in
            guard fmpq_mpoly_is_fmpq(p, ctx) != 0 else { return nil }
            return withScratchFMPQ { q in
                fmpq_mpoly_get_fmpq(q, p, ctx)
                return BigRational(fmpq: q)
            }
        }
    }

    /// Number of terms.
    public var termCount: Int { withPoly { p, ctx in fmpq_mpoly_length(p, ctx) } }

    /// Leading coefficient 1 (deglex); false for zero.
    var isMonic: Bool { withPoly { p, ctx in fmpq_mpoly_is_monic(p, ctx) != 0 } }

    /// self divided by its leading coefficient, and that coefficient (zero stays zero).
    func madeMonic() -> MultivariatePolynomial {
        if isZero || isMonic { return self }
        return MultivariatePolynomial(ring: ring) { out, ctx in withPoly { p, _ in fmpq_mpoly_make_monic(out, p, ctx) } }
    }

    /// self / (leading coefficient of other), one FLINT call (other non-zero).
    func dividedByLeadingCoefficient(of other: MultivariatePolynomial) -> MultivariatePolynomial {
        MultivariatePolynomial(ring: ring) { out, ctx in
            withPoly { p, _ in
                other.withPoly { o, octx in
                    withScratchFMPQ { lead in
                        fmpq_mpoly_get_term_coeff_fmpq(lead, o, 0, octx)
                        fmpq_mpoly_scalar_div_fmpq(out, p, lead, ctx)
                    }
                }
            }
        }
    }

    /// The coefficient of the deglex-largest term (0 for the zero polynomial).
    public var leadingCoefficient: BigRational { isZero ? 0 : coefficient(ofTerm: 0) }

    func coefficient(ofTerm i: Int) -> BigRational {
        withPoly { p, ctx in
            withScratchFMPQ { q in
                fmpq_mpoly_get_term_coeff_fmpq(q, p, i, ctx)
                return BigRational(fmpq: q)
            }
        }
    }

    /// Exponents of term `i`, one per ring variable (nil when one does not fit an `Int`).
    func exponents(ofTerm i: Int) -> [Int]? {
        withPoly { p, ctx in
            let n = ring.names.count
            guard fmpq_mpoly_term_exp_fits_si(p, i, ctx) != 0 else { return nil }
            var e = [Int](repeating: 0, count: max(n, 1))
            fmpq_mpoly_get_term_exp_si(&e, p, i, ctx)
            return Array(e.prefix(n))
        }
    }

    /// The terms in deglex order, largest first: coefficient and the exponents of the variables
    /// that occur in the term. Throws when an exponent does not fit an `Int`.
    public func terms() throws(AlgebraError) -> [(coefficient: BigRational, exponents: [String: Int])] {
        let names = ring.names
        var result: [(coefficient: BigRational, exponents: [String: Int])] = []
        for i in 0..<termCount {
            guard let e = exponents(ofTerm: i) else { throw .tooLarge(context: "exponent of \(self)") }
            var m: [String: Int] = [:]
            for (k, v) in e.enumerated() where v != 0 { m[names[k]] = v }
            result.append((coefficient(ofTerm: i), m))
        }
        return result
    }

    /// Total degree (−1 for zero).
    public var totalDegree: Int {
        withPoly { p, ctx in fmpq_mpoly_total_degree_fits_si(p, ctx) != 0 ? fmpq_mpoly_total_degree_si(p, ctx) : Int.max }
    }

    /// The degree in `name`: −1 for the zero polynomial, 0 when `name` does not occur.
    public func degree(in name: String) -> Int {
        guard let v = ring.index(of: name) else { return isZero ? -1 : 0 }
        return withPoly { p, ctx in fmpq_mpoly_degrees_fit_si(p, ctx) != 0 ? fmpq_mpoly_degree_si(p, v, ctx) : Int.max }
    }

    /// The lowest power of `name` that occurs (−1 for zero).
    func lowestDegree(in name: String) -> Int {
        if isZero { return -1 }
        guard let v = ring.index(of: name) else { return 0 }
        return withPoly { p, ctx in
            var low = Int.max
            for i in 0..<fmpq_mpoly_length(p, ctx) { low = min(low, fmpq_mpoly_get_term_var_exp_si(p, i, v, ctx)) }
            return low
        }
    }

    /// The coefficient of `name`^k, a polynomial in the other variables.
    public func coefficient(of name: String, power k: Int) -> MultivariatePolynomial {
        guard let v = ring.index(of: name) else { return k == 0 ? self : .zero }
        guard k >= 0 else { return .zero }
        return MultivariatePolynomial(ring: ring) { out, ctx in
            withPoly { p, _ in
                var vars = [v], exps = [UInt(k)]
                fmpq_mpoly_get_coeff_vars_ui(out, p, &vars, &exps, 1, ctx)
            }
        }
    }

    /// The coefficients of the powers of `name`, lowest first ([] for zero).
    public func coefficients(in name: String) -> [MultivariatePolynomial] {
        let d = degree(in: name)
        guard d >= 0 else { return [] }
        return (0...d).map { coefficient(of: name, power: $0) }
    }
}

// MARK: Rings

extension MultivariatePolynomial {
    /// The same polynomial in `target`, which must contain every variable of `self.ring`
    /// that occurs (the others are sent to zero, which only unused variables are).
    func lifted(to target: PolynomialRing) -> MultivariatePolynomial {
        if target.hasSameVariables(as: ring) { return self }
        if ring.names.isEmpty {
            let c = constantValue ?? 0
            return MultivariatePolynomial(ring: target) { p, ctx in c.withFMPQ { fmpq_mpoly_set_fmpq(p, $0, ctx) } }
        }
        var map = ring.names.map { target.index(of: $0) ?? -1 }
        return MultivariatePolynomial(ring: target) { out, ctx in
            withPoly { p, pctx in fmpq_mpoly_compose_fmpq_mpoly_gen(out, p, &map, pctx, ctx) }
        }
    }

    /// The same polynomial in the ring of the variables that occur.
    func compacted() -> MultivariatePolynomial {
        let used = variables
        if used.count == ring.names.count { return self }
        return lifted(to: PolynomialRing(sortedNames: used))
    }

    /// Both operands in one ring.
    static func unified(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial)
        -> (PolynomialRing, MultivariatePolynomial, MultivariatePolynomial) {
        let r = PolynomialRing.common(a.ring, b.ring)
        return (r, a.lifted(to: r), b.lifted(to: r))
    }

    @inline(__always)
    static func binary(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial,
                       _ op: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_struct>,
                              UnsafePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void) -> MultivariatePolynomial {
        let (r, la, lb) = unified(a, b)
        return MultivariatePolynomial(ring: r) { out, ctx in
            la.withPoly { pa, _ in lb.withPoly { pb, _ in op(out, pa, pb, ctx) } }
        }
    }
}

// MARK: Ring operations

extension MultivariatePolynomial {
    public static func + (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        if let r = withScalar(a, b, { fmpq_mpoly_add_fmpq($0, $1, $2, $3) }, { fmpq_mpoly_add_fmpq($0, $1, $2, $3) }) { return r }
        return binary(a, b) { fmpq_mpoly_add($0, $1, $2, $3) }
    }

    public static func - (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        if let r = withScalar(a, b, { fmpq_mpoly_sub_fmpq($0, $1, $2, $3) },
                              { fmpq_mpoly_sub_fmpq($0, $1, $2, $3); fmpq_mpoly_neg($0, $0, $3) }) { return r }
        return binary(a, b) { fmpq_mpoly_sub($0, $1, $2, $3) }
    }

    public static func * (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        if let r = withScalar(a, b, { fmpq_mpoly_scalar_mul_fmpq($0, $1, $2, $3) }, { fmpq_mpoly_scalar_mul_fmpq($0, $1, $2, $3) }) { return r }
        return binary(a, b) { fmpq_mpoly_mul($0, $1, $2, $3) }
    }

    typealias ScalarOp = (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_struct>,
                          UnsafeMutablePointer<fmpq>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void

    /// When exactly one operand is a constant of the ring of constants, the FLINT scalar
    /// operation on the other (no lift of the constant into the other's ring):
    /// `right(out, a, c)` for a constant b, `left(out, b, c)` for a constant a.
    @inline(__always)
    static func withScalar(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial,
                           _ right: ScalarOp, _ left: ScalarOp) -> MultivariatePolynomial? {
        let aConstant = a.ring.names.isEmpty, bConstant = b.ring.names.isEmpty
        guard aConstant != bConstant else { return nil }
        let (poly, scalar, op) = bConstant ? (a, b, right) : (b, a, left)
        return MultivariatePolynomial(ring: poly.ring) { out, ctx in
            poly.withPoly { p, _ in
                scalar.withPoly { s, sctx in
                    withScratchFMPQ { c in
                        fmpq_mpoly_get_fmpq(c, s, sctx)
                        op(out, p, c, ctx)
                    }
                }
            }
        }
    }

    public static prefix func - (a: MultivariatePolynomial) -> MultivariatePolynomial {
        MultivariatePolynomial(ring: a.ring) { out, ctx in a.withPoly { p, _ in fmpq_mpoly_neg(out, p, ctx) } }
    }

    public static func * (c: BigRational, a: MultivariatePolynomial) -> MultivariatePolynomial {
        MultivariatePolynomial(ring: a.ring) { out, ctx in
            a.withPoly { p, _ in c.withFMPQ { fmpq_mpoly_scalar_mul_fmpq(out, p, $0, ctx) } }
        }
    }

    public static func += (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a + b }
    public static func -= (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a - b }
    public static func *= (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a * b }

    /// `self` to the power `e ≥ 0` (p⁰ = 1). Traps for a negative exponent, as integer
    /// overflow does; `checkedPower` is the throwing form.
    public func power(_ e: Int) -> MultivariatePolynomial {
        do { return try checkedPower(e) } catch { preconditionFailure("\(error)") }
    }

    public func checkedPower(_ e: Int) throws(AlgebraError) -> MultivariatePolynomial {
        guard e >= 0 else { throw .invalidExponent(exponent: e, context: "a polynomial (use MultivariateRationalFunction)") }
        var ok: Int32 = 1
        let result = MultivariatePolynomial(ring: ring) { out, ctx in
            withPoly { p, _ in ok = fmpq_mpoly_pow_ui(out, p, UInt(e), ctx) }
        }
        guard ok != 0 else { throw .tooLarge(context: "(\(self))^\(e)") }
        return result
    }

    /// `self / divisor` when the division is exact, else nil (nil also for a zero divisor).
    public func divided(exactlyBy divisor: MultivariatePolynomial) -> MultivariatePolynomial? {
        if divisor.isZero { return nil }
        if let c = divisor.constantValue { return (1 / c) * self }
        let (r, la, lb) = MultivariatePolynomial.unified(self, divisor)
        var exact: Int32 = 0
        let q = MultivariatePolynomial(ring: r) { out, ctx in
            la.withPoly { pa, _ in lb.withPoly { pb, _ in exact = fmpq_mpoly_divides(out, pa, pb, ctx) } }
        }
        return exact != 0 ? q : nil
    }

    /// The monic greatest common divisor (leading coefficient 1 in deglex; gcd(0, 0) = 0).
    /// FLINT's multivariate gcd fails only for exponents beyond one machine word; that traps
    /// here (`checkedGCD` throws instead).
    public static func gcd(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> MultivariatePolynomial {
        do { return try checkedGCD(a, b) } catch { preconditionFailure("\(error)") }
    }

    public static func checkedGCD(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) throws(AlgebraError) -> MultivariatePolynomial {
        var ok: Int32 = 1
        let g = binary(a, b) { ok = fmpq_mpoly_gcd($0, $1, $2, $3) }
        guard ok != 0 else { throw .tooLarge(context: "gcd(\(a), \(b))") }
        return g
    }

    /// g = gcd(a, b) (monic) with the cofactors a/g and b/g, in one FLINT call.
    static func gcdWithCofactors(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) throws(AlgebraError)
        -> (gcd: MultivariatePolynomial, a: MultivariatePolynomial, b: MultivariatePolynomial) {
        let (r, la, lb) = unified(a, b)
        let g = MPolyBox.make(ring: r) { _, _ in }, abar = MPolyBox.make(ring: r) { _, _ in }, bbar = MPolyBox.make(ring: r) { _, _ in }
        let ok = la.withPoly { pa, _ in
            lb.withPoly { pb, _ in fmpq_mpoly_gcd_cofactors(g.pointer, abar.pointer, bbar.pointer, pa, pb, r.ctx) }
        }
        guard ok != 0 else { throw .tooLarge(context: "gcd(\(a), \(b))") }
        return (MultivariatePolynomial(box: g), MultivariatePolynomial(box: abar), MultivariatePolynomial(box: bbar))
    }

    /// Factorisation over Q into irreducible factors with multiplicities: self = unit · Π fᵢ^eᵢ,
    /// each fᵢ with leading coefficient 1 (deglex). The zero polynomial gives unit 0, no factors.
    public func factored() -> (unit: BigRational, factors: [(MultivariatePolynomial, Int)]) {
        if isZero { return (0, []) }
        let r = ring
        let f = UnsafeMutablePointer<fmpq_mpoly_factor_struct>.allocate(capacity: 1)
        fmpq_mpoly_factor_init(f, r.ctx)
        defer { fmpq_mpoly_factor_clear(f, r.ctx); f.deallocate() }
        let ok = withPoly { p, ctx in fmpq_mpoly_factor(f, p, ctx) }
        // FLINT fails only for exponents beyond one machine word: leave the polynomial whole.
        guard ok != 0 else {
            let lead = leadingCoefficient
            return (lead, [((1 / lead) * self, 1)])
        }
        let unit = withScratchFMPQ { q in
            fmpq_mpoly_factor_get_constant_fmpq(q, f, r.ctx)
            return BigRational(fmpq: q)
        }
        var factors: [(MultivariatePolynomial, Int)] = []
        for i in 0..<fmpq_mpoly_factor_length(f, r.ctx) {
            let base = MultivariatePolynomial(ring: r) { out, ctx in fmpq_mpoly_factor_get_base(out, f, i, ctx) }
            factors.append((base, fmpq_mpoly_factor_get_exp_si(f, i, r.ctx)))
        }
        return (unit, factors)
    }

    /// ∂/∂name.
    public func derivative(_ name: String) -> MultivariatePolynomial {
        guard let v = ring.index(of: name) else { return .zero }
        return MultivariatePolynomial(ring: ring) { out, ctx in withPoly { p, _ in fmpq_mpoly_derivative(out, p, v, ctx) } }
    }
}

// MARK: Evaluation and substitution

extension MultivariatePolynomial {
    /// The exact value at `point`, which must give every variable that occurs (extra names are
    /// ignored).
    public func evaluate(_ point: [String: BigRational]) throws(AlgebraError) -> BigRational {
        let names = ring.names
        if names.isEmpty { return constantValue ?? 0 }
        let used = Set(variables)
        var values: [BigRational] = []
        values.reserveCapacity(names.count)
        for n in names {
            if let v = point[n] { values.append(v) } else if used.contains(n) {
                throw .missingVariable(name: n, expression: description)
            } else { values.append(0) }
        }
        let result: BigRational? = withFMPQArray(values) { vals in
            withPoly { p, ctx in
                withScratchFMPQ { ev in
                    fmpq_mpoly_evaluate_all_fmpq(ev, p, vals, ctx) != 0 ? BigRational(fmpq: ev) : nil
                }
            }
        }
        guard let result else { throw .tooLarge(context: "evaluating \(self)") }
        return result
    }

    /// Some variables replaced by exact values; the others stay symbolic.
    public func partiallyEvaluated(_ point: [String: BigRational]) -> MultivariatePolynomial {
        var current = self
        for (name, value) in point.sorted(by: { $0.key < $1.key }) {
            guard let v = current.ring.index(of: name) else { continue }
            let source = current
            current = MultivariatePolynomial(ring: source.ring) { out, ctx in
                source.withPoly { p, _ in value.withFMPQ { _ = fmpq_mpoly_evaluate_one_fmpq(out, p, v, $0, ctx) } }
            }
        }
        return current.compacted()
    }

    /// Simultaneous substitution of polynomials for variables (names not in `s` stay).
    public func substituting(_ s: [String: MultivariatePolynomial]) -> MultivariatePolynomial {
        let names = ring.names
        let used = Set(variables)
        guard s.keys.contains(where: { used.contains($0) }) else { return self }
        let images = names.map { s[$0] ?? MultivariatePolynomial.variable($0) }
        let target = PolynomialRing.common(images.map(\.ring) + [.constants])
        let lifted = images.map { $0.lifted(to: target) }
        var ok: Int32 = 1
        let result = MultivariatePolynomial(ring: target) { out, ctx in
            let pointers = UnsafeMutablePointer<UnsafeMutablePointer<fmpq_mpoly_struct>?>.allocate(capacity: max(names.count, 1))
            defer { pointers.deallocate() }
            for (i, l) in lifted.enumerated() { pointers[i] = l.box.pointer }
            withExtendedLifetime(lifted) {
                withPoly { p, pctx in ok = fmpq_mpoly_compose_fmpq_mpoly(out, p, pointers, pctx, ctx) }
            }
        }
        // Composition fails only for exponents beyond one machine word; expand term by term.
        if ok == 0, let t = try? terms() {
            var sum = MultivariatePolynomial.zero
            for (c, e) in t {
                var m = MultivariatePolynomial(c)
                for (n, k) in e { m *= (s[n] ?? .variable(n)).power(k) }
                sum += m
            }
            return sum
        }
        return result
    }
}

// MARK: Protocols

extension MultivariatePolynomial: Hashable {
    public static func == (a: MultivariatePolynomial, b: MultivariatePolynomial) -> Bool {
        let (_, la, lb) = unified(a, b)
        return la.withPoly { pa, ctx in lb.withPoly { pb, _ in fmpq_mpoly_equal(pa, pb, ctx) != 0 } }
    }

    /// The number of terms and the first and last term (name, exponent pairs and coefficient):
    /// ring-independent, hence consistent with `==`, and O(1).
    public func hash(into hasher: inout Hasher) {
        let n = termCount
        hasher.combine(n)
        guard n > 0 else { return }
        for i in n == 1 ? [0] : [0, n - 1] {
            // The coefficient by its residues modulo a prime (no allocation).
            withPoly { p, ctx in
                withScratchFMPQ { c in
                    fmpq_mpoly_get_term_coeff_fmpq(c, p, i, ctx)
                    hasher.combine(fmpz_sgn(qb_fmpq_numref(c)))
                    hasher.combine(fmpz_fdiv_ui(qb_fmpq_numref(c), 2_305_843_009_213_693_951))
                    hasher.combine(fmpz_fdiv_ui(qb_fmpq_denref(c), 2_305_843_009_213_693_951))
                }
            }
            if let e = exponents(ofTerm: i) {
                for (k, v) in e.enumerated() where v != 0 { hasher.combine(ring.names[k]); hasher.combine(v) }
            }
        }
    }
}

extension MultivariatePolynomial: ExpressibleByIntegerLiteral {
    public init(integerLiteral literal: StaticBigInt) { self.init(BigRational(integerLiteral: literal)) }
}

extension MultivariatePolynomial: CustomStringConvertible {
    /// FLINT's notation, terms in deglex order: `x^2*y - 3/2*x + 1`.
    public var description: String {
        if let c = constantValue { return c.description }
        let cNames = ring.names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        var namePointers: [UnsafePointer<CChar>?] = cNames.map { UnsafePointer($0) }
        return withPoly { p, ctx in
            guard let s = fmpq_mpoly_get_str_pretty(p, &namePointers, ctx) else { return "?" }
            defer { flint_free(s) }
            return String(cString: s)
        }
    }
}
