import BigNumerics
import Foundation
import Testing

@Suite("FLINT wrappers: concurrency and memory")
struct FLINTConcurrencyAndMemoryTests {
    /// Σ_{k=0}^{n} C(n, k) r^k y^(n−k) / (1 + r + y): symbolic work that shares nothing.
    static func workload(_ n: Int) -> String {
        let r = MRF.variable("r"), y = MRF.variable("y")
        var sum = MRF.zero
        for k in 0...n { sum += MRF(BigRational(BigInt.binomial(UInt(n), UInt(k)))) * r.power(k) * y.power(n - k) / (1 + r + y) }
        let p = Polynomial.x.power(n) - .one
        let g = Polynomial.gcd(p, Polynomial.x.power(2 * n) - .one)
        return "\(sum)|\(g)|\(MP.gcd((MP.variable("r") + MP.variable("y")).power(n), MP.variable("r") * MP.variable("y") + MP.variable("r")))"
    }

    @Test("parallel tasks equal the serial results; one value read from many tasks")
    func parallel() async throws {
        let sizes = [3, 5, 8, 13, 4, 7, 9, 11]
        let serial = sizes.map { Self.workload($0) }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (i, n) in sizes.enumerated() { group.addTask { (i, Self.workload(n)) } }
            var out = [String](repeating: "", count: sizes.count)
            for await (i, s) in group { out[i] = s }
            return out
        }
        #expect(parallel == serial)
        // A shared value (one ring, one FLINT polynomial, one lazily cached coefficient list).
        let shared = (MRF.variable("a") + MRF.variable("b")).power(6) / (MRF.variable("a") - 1)
        let univariate = Polynomial.x.power(30) + .one
        let results = await withTaskGroup(of: String.self) { group in
            for k in 0..<8 {
                group.addTask {
                    let f = shared * MRF(BigRational(k))
                    return "\(try! f.evaluate(["a": 3, "b": BigRational(k)]))|\(univariate.coefficients.count)"
                }
            }
            var out: [String] = []
            for await s in group { out.append(s) }
            return out.sorted()
        }
        let expected = (0..<8).map { k in "\(try! (shared * MRF(BigRational(k))).evaluate(["a": 3, "b": BigRational(k)]))|31" }.sorted()
        #expect(results == expected)
    }

    /// Run alone like `noGrowth` (make test runs `--filter noGrowth` with QBATTERY_MEMORY_TEST=1,
    /// which selects this test too).
    @Test("10⁵ FLINT values created and destroyed leave no growth",
          .enabled(if: ProcessInfo.processInfo.environment["QBATTERY_MEMORY_TEST"] == "1",
                   "set QBATTERY_MEMORY_TEST=1 and run alone (make test does)"))
    func noGrowthFLINT() throws {
        func churn(_ count: Int) throws {
            let x = MRF.variable("x"), y = MRF.variable("y")
            var keep = 0
            for i in 0..<count {
                let f = (x + MRF(BigRational(i & 15))) / (y - 1)                    // fmpq_mpoly, gcd, contexts
                let p = Polynomial(coefficients: [BigRational(i), 1, 2]) * .x          // fmpq_poly
                let m = try RationalMatrix([[BigRational(i), 1], [2, 3]])             // fmpq_mat
                keep &+= f.numerator.termCount + p.degree + m.rank
            }
            #expect(keep > 0)
        }
        try churn(20_000)                    // warm up allocator arenas
        let before = Self.residentBytes()
        try churn(100_000)
        let after = Self.residentBytes()
        // A leak of even 40 bytes per iteration would add 4 MB; allow 4 MB of allocator noise.
        #expect(after - before < 4 << 20, "resident memory grew by \(after - before) bytes")
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
