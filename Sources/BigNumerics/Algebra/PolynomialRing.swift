import CFLINT

/// The FLINT context of one ring Q[x₁, …, xₙ]: variables are named, sorted by name (Swift
/// `String` order), and monomials are ordered deglex (total degree first, then lexicographic
/// with the first name most significant). The context is a value like any other: every
/// polynomial of the ring holds a strong reference to it, and `deinit` frees it.
///
/// Rings are never cached globally. Two rings with the same names are interchangeable (a FLINT
/// context only records the number of variables and the order), so a polynomial can be used
/// with the context of any ring that has its names.
final class PolynomialRing: @unchecked Sendable {
    /// Sorted, distinct.
    let names: [String]
    let ctx: UnsafeMutablePointer<fmpq_mpoly_ctx_struct>

    init(sortedNames names: [String]) {
        self.names = names
        ctx = .allocate(capacity: 1)
        fmpq_mpoly_ctx_init(ctx, names.count, ORD_DEGLEX)
    }

    deinit {
        fmpq_mpoly_ctx_clear(ctx)
        ctx.deallocate()
    }

    /// Position of `name` in `names` (binary search), or nil.
    func index(of name: String) -> Int? {
        var lo = 0, hi = names.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if names[mid] < name { lo = mid + 1 } else { hi = mid }
        }
        return lo < names.count && names[lo] == name ? lo : nil
    }

    func hasSameVariables(as other: PolynomialRing) -> Bool { self === other || names == other.names }

    /// True when every name of `other` is a name of `self`.
    func contains(_ other: PolynomialRing) -> Bool {
        if other.names.count > names.count { return false }
        if hasSameVariables(as: other) { return true }
        var i = 0
        for n in other.names {
            while i < names.count && names[i] < n { i += 1 }
            if i == names.count || names[i] != n { return false }
            i += 1
        }
        return true
    }

    /// The smallest ring holding both: one of the two when it contains the other.
    static func common(_ a: PolynomialRing, _ b: PolynomialRing) -> PolynomialRing {
        if a.contains(b) { return a }
        if b.contains(a) { return b }
        return PolynomialRing(sortedNames: Array(Set(a.names).union(b.names)).sorted())
    }

    static func common(_ rings: [PolynomialRing]) -> PolynomialRing {
        guard var result = rings.first else { return PolynomialRing(sortedNames: []) }
        for r in rings.dropFirst() { result = common(result, r) }
        return result
    }
}

/// Owns one `fmpq_mpoly_t` of a ring at a stable heap address. Write-once: after the
/// initialiser's closure has filled it, nothing mutates it, so copies and tasks share it.
final class MPolyBox: @unchecked Sendable {
    let ring: PolynomialRing
    let pointer: UnsafeMutablePointer<fmpq_mpoly_struct>

    init(ring: PolynomialRing, _ fill: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void) {
        self.ring = ring
        pointer = .allocate(capacity: 1)
        fmpq_mpoly_init(pointer, ring.ctx)
        fill(pointer, ring.ctx)
    }

    deinit {
        fmpq_mpoly_clear(pointer, ring.ctx)
        pointer.deallocate()
    }
}
