import CFLINT
import CGMPFR

// Scoped FLINT scalars: each temporary is initialised and cleared inside one call, so no
// FLINT value outlives the closure that borrows it (the discipline of `BigInt.withMPZ`).

/// A scratch `fmpq` valid only inside `body`.
@inlinable
func withScratchFMPQ<R>(_ body: (UnsafeMutablePointer<fmpq>) throws -> R) rethrows -> R {
    try withUnsafeTemporaryAllocation(of: fmpq.self, capacity: 1) { buffer in
        let q = buffer.baseAddress!
        fmpq_init(q)
        defer { fmpq_clear(q) }
        return try body(q)
    }
}

/// A scratch `fmpz` valid only inside `body`.
@inlinable
func withScratchFMPZ<R>(_ body: (UnsafeMutablePointer<fmpz>) throws -> R) rethrows -> R {
    try withUnsafeTemporaryAllocation(of: fmpz.self, capacity: 1) { buffer in
        let z = buffer.baseAddress!
        fmpz_init(z)
        defer { fmpz_clear(z) }
        return try body(z)
    }
}

extension BigRational {
    /// A copy of a FLINT rational.
    init(fmpq q: UnsafePointer<fmpq>) {
        self.init { fmpq_get_mpq($0, q) }
    }

    /// This value as a scratch `fmpq`, valid only inside `body`.
    @inlinable
    func withFMPQ<R>(_ body: (UnsafeMutablePointer<fmpq>) throws -> R) rethrows -> R {
        try withScratchFMPQ { q in
            withMPQ { fmpq_set_mpq(q, $0) }
            return try body(q)
        }
    }
}

extension BigInt {
    /// A copy of a FLINT integer.
    init(fmpz z: UnsafePointer<fmpz>) {
        self.init { fmpz_get_mpz($0, z) }
    }

    /// This value as a scratch `fmpz`, valid only inside `body`.
    @inlinable
    func withFMPZ<R>(_ body: (UnsafeMutablePointer<fmpz>) throws -> R) rethrows -> R {
        try withScratchFMPZ { z in
            withMPZ { fmpz_set_mpz(z, $0) }
            return try body(z)
        }
    }
}

/// Several values as scratch `fmpq`s at once (an array of pointers, as FLINT's `fmpq * const *`).
func withFMPQArray<R>(_ values: [BigRational], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<fmpq>?>) throws -> R) rethrows -> R {
    let storage = UnsafeMutablePointer<fmpq>.allocate(capacity: max(values.count, 1))
    let pointers = UnsafeMutablePointer<UnsafeMutablePointer<fmpq>?>.allocate(capacity: max(values.count, 1))
    for (i, v) in values.enumerated() {
        fmpq_init(storage + i)
        v.withMPQ { fmpq_set_mpq(storage + i, $0) }
        pointers[i] = storage + i
    }
    defer {
        for i in values.indices { fmpq_clear(storage + i) }
        storage.deallocate()
        pointers.deallocate()
    }
    return try body(pointers)
}
