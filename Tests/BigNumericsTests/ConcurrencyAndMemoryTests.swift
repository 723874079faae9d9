import BigNumerics
import CGMPFR
import Foundation
import Testing

@Suite("Concurrency, memory and bad input")
struct ConcurrencyAndMemoryTests {
    static func workload(_ bits: Int) throws -> String {
        try BigFloat.withPrecision(bits) {
            var acc = BigFloat(0)
            for k in 1...200 { acc += BigFloat.sin(BigFloat(k)) / BigFloat(k) + BigFloat.log(BigFloat(k + 1)) }
            return try acc.formatted(significantDigits: bits / 4) + "|" + String(BigFloat.workingPrecision)
        }
    }

    @Test("8 parallel tasks at different precisions equal the serial results")
    func parallel() async throws {
        let precisions = [53, 64, 100, 200, 333, 512, 1000, 2048]
        let serial = try precisions.map { try Self.workload($0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (i, p) in precisions.enumerated() { group.addTask { (i, try Self.workload(p)) } }
            var out = [String](repeating: "", count: precisions.count)
            for try await (i, s) in group { out[i] = s }
            return out
        }
        #expect(parallel == serial)
        // The scope is task-local: nested and sibling scopes see their own precision.
        try await BigFloat.withPrecision(300) {
            async let child = BigFloat.workingPrecision
            let inner = try BigFloat.withPrecision(40) { BigFloat.workingPrecision }
            #expect(await child == 300 && inner == 40 && BigFloat.workingPrecision == 300)
        }
        #expect(BigFloat.workingPrecision == BigFloat.defaultPrecision)
    }

    /// Resident set size in bytes, from /proc (Linux).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Resident memory is a process-wide figure: other tests running in parallel move it. So this
    /// test runs in a process of its own (`make test` does that: QBATTERY_MEMORY_TEST=1 and
    /// `--filter noGrowth`); in a plain `swift test` it reports itself skipped.
    @Test("10⁶ allocations leave no growth",
          .enabled(if: ProcessInfo.processInfo.environment["QBATTERY_MEMORY_TEST"] == "1",
                   "set QBATTERY_MEMORY_TEST=1 and run alone (make test does)"))
    func noGrowth() throws {
        func churn(_ count: Int) throws {
            try BigFloat.withPrecision(512) {
                var x = BigFloat(1)
                for i in 0..<count {
                    let y = x * BigFloat(i & 7) + 1                     // BigFloat temporaries
                    let q = BigRational(i) / BigRational(i + 1)          // mpq
                    let z = BigInt(i) * BigInt(i)                        // mpz
                    let iv = BigInterval(q)                              // mpfi
                    if i & 0xFFFF == 0 { x = y / (BigFloat(z) + 1) + BigFloat(q) + iv.upper }
                }
                #expect(x.isFinite)
            }
        }
        try churn(100_000)                 // warm up allocator arenas
        let before = Self.residentBytes()
        try churn(1_000_000)
        let after = Self.residentBytes()
        // A leak of even 16 bytes per iteration would add 16 MB; allow 4 MB of allocator noise.
        #expect(after - before < 4 << 20, "resident memory grew by \(after - before) bytes")
        mpfr_free_cache()
    }

    @Test("bad input is a typed error naming the value and the range")
    func badInput() throws {
        #expect(throws: BigNumericsError.malformedNumber(text: "12a", expected: "a decimal integer such as -123")) {
            try BigInt(parsing: "12a")
        }
        for text in ["", "-", "1/", "/2", "1.2.3", "1e", "0x10", "1/-2", "nan", "1 /2"] {
            #expect(throws: BigNumericsError.self, "\(text)") { try BigRational(parsing: text) }
        }
        #expect(throws: BigNumericsError.divisionByZero(context: "parsing \"1/0\"")) { try BigRational(parsing: "1/0") }
        do {
            try BigFloat.withPrecision(1) {}
            Issue.record("precision 1 accepted")
        } catch let error as BigNumericsError {
            guard case let .precisionOutOfRange(bits, allowed) = error else { Issue.record("\(error)"); return }
            #expect(bits == 1 && allowed.lowerBound == 2)
            #expect(error.description.contains("1 bits") && error.description.contains("2..."))
        }
        #expect(throws: BigNumericsError.self) { try BigFloat.withPrecision(-5) {} }
        #expect(throws: BigNumericsError.self) { try BigFloat.withPrecision(Int.max) {} }
        #expect(throws: BigNumericsError.self) { try BigFloat.nan.exactRational() }
        #expect(throws: BigNumericsError.self) { try BigFloat.infinity.exactRational() }
        #expect(throws: BigNumericsError.self) { try BigRational(exactly: Double.nan) }
        #expect(throws: BigNumericsError.self) { try BigFloat(1).formatted(significantDigits: 0) }
        #expect(throws: BigNumericsError.self) { try BigInt(5).quotientAndRemainder(dividingBy: 0) }
        #expect(throws: BigNumericsError.self) { try BigRational(1).divided(by: 0) }
        #expect(throws: BigNumericsError.self) { try BigInterval(lower: BigRational(2), upper: BigRational(1)) }
        #expect(throws: BigNumericsError.self) { try RationalFunction(numerator: .one, denominator: .zero) }
    }
}
