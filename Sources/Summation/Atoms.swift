import BigNumerics
import RealModule

/// The non-rational building blocks of a hypergeometric expression, each named by a variable of
/// the field: bᵛ (a base free of integer variables to the power of an integer variable v) and
/// L! (a factorial of a homogeneous integer form L, such as N!, k!, (N − k)!).
///
/// Shifting v → v + s, or setting v to a form, maps every atom to a rational multiple of an atom;
/// that is what makes the term ratios of a hypergeometric term rational.
public enum Atom<K: SymbolicField>: Sendable {
    case power(base: K, index: String)
    case factorial(LinearForm)

    public func dependsOn(_ v: String) -> Bool {
        switch self {
        case let .power(_, index): return index == v
        case let .factorial(l): return l.coefficient(v) != 0
        }
    }
}

/// The atoms met while evaluating one derivation. Bases are split into irreducible factors (and
/// a rational constant into primes and a sign), so that (y + 1/y)ᴺ, yᴺ and (1 + y²)ᴺ are
/// expressed through the same independent atoms: identities between them become identities of
/// rational functions.
public final class AtomTable<K: SymbolicField> {
    public private(set) var atoms: [String: Atom<K>] = [:]
    /// Readable form of each atom for reports.
    public private(set) var readable: [String: String] = [:]
    private var powerNames: [(base: K, index: String, name: String)] = []
    private var factorialNames: [LinearForm: String] = [:]
    /// Integer variables (N, k, summation indices): never bases.
    public let integerVariables: Set<String>
    private var counter = 0

    public init(integerVariables: Set<String>) { self.integerVariables = integerVariables }

    public func isAtom(_ name: String) -> Bool { atoms[name] != nil }

    /// Atom variables that depend on the integer variable `v`.
    public func atomNames(dependingOn v: String) -> [String] {
        atoms.filter { $0.value.dependsOn(v) }.map(\.key).sorted()
    }

    /// Whether `x` depends on the integer variable `v` (directly or through an atom).
    public func dependsOn(_ x: K, _ v: String) -> Bool {
        x.symbolNames.contains { $0 == v || (atoms[$0]?.dependsOn(v) ?? false) }
    }

    /// The variable for pᵛ, p an irreducible primitive polynomial or a prime or −1.
    private func powerAtom(_ base: K, _ index: String, readableBase: String) -> K {
        if let found = powerNames.first(where: { $0.index == index && $0.base == base }) { return K.symbol(found.name) }
        counter += 1
        let name = "⟨\(counter)⟩^\(index)"
        powerNames.append((base, index, name))
        atoms[name] = .power(base: base, index: index)
        readable[name] = "(\(readableBase))^\(index)"
        return K.symbol(name)
    }

    /// The variable for L! (L homogeneous, not zero).
    private func factorialAtom(_ l: LinearForm) -> K {
        if let name = factorialNames[l] { return K.symbol(name) }
        let name = "(\(l))!"
        factorialNames[l] = name
        atoms[name] = .factorial(l)
        readable[name] = name
        return K.symbol(name)
    }

    /// |q|ᵛ for a positive rational as a product of prime atoms (trial division to 10⁴; a larger
    /// cofactor is its own atom).
    private func rationalPower(_ q: BigRational, _ index: String) -> K {
        var result = K(rational: 1)
        for (part, sign) in [(q.numerator.magnitude, 1), (q.denominator, -1)] {
            var n = part
            var p = 2
            while n > BigInt(1) && p <= 10_000 {
                var e = 0
                while let (quotient, remainder) = try? n.quotientAndRemainder(dividingBy: BigInt(p)), remainder.isZero {
                    n = quotient
                    e += 1
                }
                if e > 0 { result = result * powerAtom(K(rational: BigRational(p)), index, readableBase: "\(p)").power(sign * e) }
                p += 1
            }
            if n > BigInt(1) { result = result * powerAtom(K(rational: BigRational(n)), index, readableBase: n.description).power(sign) }
        }
        return result
    }

    /// bᵛ for a base free of integer variables.
    public func power(_ base: K, _ index: String) throws(SummationError) -> K {
        guard let q = base.rationalValue else {
            guard base.symbolNames.allSatisfy({ !integerVariables.contains($0) && atoms[$0] == nil }) else {
                throw .notApplicable("a power with a symbolic integer exponent needs a base free of integer variables and atoms")
            }
            var result = K(rational: 1)
            for (part, sign) in [(base.numeratorElement, 1), (base.denominatorElement, -1)] {
                let (content, factors) = part.irreducibleFactors()
                result = result * rationalPowerSigned(content, index).power(sign)
                for (f, e) in factors {
                    result = result * powerAtom(f, index, readableBase: "\(f)").power(sign * e)
                }
            }
            return result
        }
        return rationalPowerSigned(q, index)
    }

    private func rationalPowerSigned(_ q: BigRational, _ index: String) -> K {
        if q.isZero { return K.zero }     // 0ᵛ = 0 for v ≥ 1; the callers' ranges start at 1 where it matters
        var r = rationalPower(q.magnitude, index)
        if q < 0 { r = r * powerAtom(K(rational: -1), index, readableBase: "-1") }
        return r
    }

    /// b^E for an integer form E.
    public func power(_ base: K, _ e: LinearForm) throws(SummationError) -> K {
        var r = base.power(e.constant)
        for (v, a) in e.coefficients.sorted(by: { $0.key < $1.key }) { r = r * (try power(base, v)).power(a) }
        return r
    }

    /// Π_{i=1}^{c} (L + i) for c ≥ 0, or 1/Π_{i=0}^{−c−1} (L − i) for c < 0: L!·this = (L + c)!.
    func risingRatio(_ l: LinearForm, _ c: Int) -> K {
        let base = l.element(K.self)
        var r = K(rational: 1)
        if c >= 0 {
            for i in stride(from: 1, through: c, by: 1) { r = r * (base + K(rational: BigRational(i))) }
        } else {
            for i in 0..<(-c) { r = r / (base - K(rational: BigRational(i))) }
        }
        return r
    }

    /// L! for an integer form. A constant negative argument is a pole of Γ.
    public func factorial(_ l: LinearForm) throws(SummationError) -> K {
        if l.isConstant {
            guard l.constant >= 0 else { throw .pole("(\(l.constant))! is a pole of the factorial") }
            guard l.constant <= 100_000 else { throw .tooLarge("(\(l.constant))! is larger than the limit 100000!") }
            return K(rational: BigRational(BigInt.factorial(UInt(l.constant))))
        }
        let h = l.homogeneous
        return factorialAtom(h) * risingRatio(h, l.constant)
    }

    /// binomial(n, m) = n!/(m!(n − m)!); zero where the lower index is outside 0…n for constant n ≥ 0.
    public func binomial(_ n: LinearForm, _ m: LinearForm) throws(SummationError) -> K {
        if n.isConstant && m.isConstant {
            guard n.constant >= 0 else { throw .notApplicable("binomial(\(n.constant), \(m.constant)) needs n >= 0") }
            if m.constant < 0 || m.constant > n.constant { return K.zero }
            return K(rational: BigRational(BigInt.binomial(UInt(n.constant), UInt(m.constant))))
        }
        if n.isConstant { throw .notApplicable("binomial(\(n), \(m)) with a constant upper and symbolic lower index") }
        return try factorial(n) / (factorial(m) * factorial(n - m))
    }

    /// x with v → v + s.
    public func shift(_ x: K, _ v: String, by s: Int) throws(SummationError) -> K {
        guard s != 0 else { return x }
        var map: [String: K] = [v: K.symbol(v) + K(rational: BigRational(s))]
        for name in x.symbolNames {
            guard let atom = atoms[name], atom.dependsOn(v) else { continue }
            switch atom {
            case let .power(base, _): map[name] = base.power(s) * K.symbol(name)
            case let .factorial(l): map[name] = K.symbol(name) * risingRatio(l, l.coefficient(v) * s)
            }
        }
        return try x.substitutingSymbols(map)
    }

    /// x with v set to the form f. A reciprocal factorial whose argument becomes a negative
    /// integer −m is first rewritten as (L + m)!⁻¹·Π_{i=1}^{m}(L + i) so that it cancels any pole
    /// of the rational part there (1/Γ is entire); an uncancelled pole throws.
    public func specialize(_ x: K, _ v: String, to f: LinearForm) throws(SummationError) -> K {
        var y = x
        var absorb: [String: K] = [:]
        for name in y.symbolNames {
            guard case let .factorial(l)? = atoms[name], l.coefficient(v) != 0 else { continue }
            let at = l.substituting(v, f)
            if at.isConstant && at.constant < 0 {
                absorb[name] = K(rational: 1) / risingRatio(l, -at.constant)   // (L + m)! = 0! = 1 there
            }
        }
        if !absorb.isEmpty { y = try y.substitutingSymbols(absorb) }
        var map: [String: K] = [v: f.element(K.self)]
        for name in y.symbolNames {
            guard let atom = atoms[name], atom.dependsOn(v) else { continue }
            switch atom {
            case let .power(base, _):
                var r = base.power(f.constant)
                for (u, a) in f.coefficients.sorted(by: { $0.key < $1.key }) { r = r * (try power(base, u)).power(a) }
                map[name] = r
            case let .factorial(l):
                map[name] = try factorial(l.substituting(v, f))
            }
        }
        return try y.substitutingSymbols(map)
    }
}
