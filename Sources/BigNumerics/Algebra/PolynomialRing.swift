import CFLINT

/// The FLINT context of one ring Q[x₁, …, xₙ]: variables are named, sorted by name (Swift
/// `String` order), and monomials are ordered deglex (total degree first, then lexicographic
/// with the first name most significant). The context is a value like any other: every
/// polynomial of the ring holds a strong reference to it, and `deinit` frees it.
///
/// Rings are not cached globally, except the immutable ring of constants. Two rings with the same names are interchangeable (a FLINT
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

    /// Q itself (no variables), shared by every constant: an immutable context that FLINT only
    /// ever reads, created once (initialising a context costs more than a small product).
    static let constants = PolynomialRing(sortedNames: [])

    static func common(_ rings: [PolynomialRing]) -> PolynomialRing {
        guard var result = rings.first else { return constants }
        for r in rings.dropFirst() { result = common(result, r) }
        return result
    }
}

/// Owns one `fmpq_mpoly_t` of a ring, tail-allocated in the object itself (one allocation per
/// value; the ring is the header).
final class MPolyStorage: ManagedBuffer<PolynomialRing, fmpq_mpoly_struct> {
    deinit {
        withUnsafeMutablePointers { ring, p in fmpq_mpoly_clear(p, ring.pointee.ctx) }
    }
}

/// The owner of one polynomial. Write-once: after `make`'s closure has filled it, nothing
/// mutates it, so copies and tasks share it (hence Sendable, which `ManagedBuffer` is not).
struct MPolyBox: @unchecked Sendable {
    let storage: MPolyStorage

    static func make(ring: PolynomialRing,
                     _ fill: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void) -> MPolyBox {
        let storage = unsafeDowncast(MPolyStorage.create(minimumCapacity: 1) { _ in ring }, to: MPolyStorage.self)
        storage.withUnsafeMutablePointerToElements { p in
            fmpq_mpoly_init(p, ring.ctx)
            fill(p, ring.ctx)
        }
        return MPolyBox(storage: storage)
    }

    /// Read through the header pointer: `ManagedBuffer.header` is a class `var`, whose every read
    /// would pay a dynamic exclusivity check; the ring never changes after `make`.
    var ring: PolynomialRing { storage.withUnsafeMutablePointerToHeader { $0.pointee } }

    /// Stable for the storage's lifetime (tail storage never moves).
    var pointer: UnsafeMutablePointer<fmpq_mpoly_struct> { storage.withUnsafeMutablePointerToElements { $0 } }
}
