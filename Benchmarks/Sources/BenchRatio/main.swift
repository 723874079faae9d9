// Side-by-side timing of the closed-form grids: plain C on MPFR vs the Swift engine.
// Interleaves the contenders round by round (the machine is shared and noisy), reports
// medians and the ratio Swift/C, and checks that both produce the same checksum.
import BenchmarkGrids
import BigNumerics
import CMPFRGrid
#if canImport(Glibc)
import Glibc
#endif

func nanoseconds(_ body: () -> Double) -> (UInt64, Double) {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    let v = body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let ns = UInt64(end.tv_sec - start.tv_sec) * 1_000_000_000 + UInt64(end.tv_nsec) &- UInt64(start.tv_nsec)
    return (ns, v)
}

func median(_ xs: [UInt64]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

// `bench-ratio only NAME BITS` runs one contender once (for callgrind's instruction counts).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "only", let bits = Int(CommandLine.arguments[3]) {
    let runs: [String: () -> Double] = [
        "c-gamma": { qb_grid_gamma(bits) }, "c-coherence": { qb_grid_coherence(bits) }, "c-ergotropy": { qb_grid_ergotropy(bits) },
        "swift-gamma": { (try? BigFloat.withPrecision(bits) { gammaGrid(BigFloat.self).doubleValue }) ?? .nan },
        "swift-gamma-safe": { (try? BigFloat.withPrecision(bits) { gammaGridSafe(BigFloat.self).doubleValue }) ?? .nan },
        "swift-coherence": { (try? BigFloat.withPrecision(bits) { coherenceGrid(BigFloat.self).doubleValue }) ?? .nan },
        "swift-ergotropy": { (try? BigFloat.withPrecision(bits) { ergotropyGrid(BigFloat.self).doubleValue }) ?? .nan },
        "swift-coherence-inplace": { (try? BigFloat.withPrecision(bits) { coherenceGridInPlace().doubleValue }) ?? .nan },
        "swift-ergotropy-inplace": { (try? BigFloat.withPrecision(bits) { ergotropyGridInPlace().doubleValue }) ?? .nan },
    ]
    guard let run = runs[CommandLine.arguments[2]] else { print("unknown contender; one of \(runs.keys.sorted())"); exit(2) }
    print(run())
    exit(0)
}
let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 15
print("grid: N = 1…64 × 200 parameter values (12 800 points), ω = 1; \(rounds) interleaved rounds; medians")
print("contender".rightPadded(52) + "  bits   median ms   ratio to C   checksum")
var failures = 0
for bits in [256, 2048] {
    typealias Contender = (name: String, run: () -> Double)
    let grids: [(String, () -> Double, [Contender])] = [
        ("Γ (Mayo Eq. 9 form)", { qb_grid_gamma(bits) }, [
            ("Swift generic, textbook order", { (try? BigFloat.withPrecision(bits) { gammaGrid(BigFloat.self).doubleValue }) ?? .nan }),
            ("Swift generic, overflow-safe order", { (try? BigFloat.withPrecision(bits) { gammaGridSafe(BigFloat.self).doubleValue }) ?? .nan }),
        ]),
        ("C_l1 (Çakmak Eq. 15)", { qb_grid_coherence(bits) }, [
            ("Swift generic", { (try? BigFloat.withPrecision(bits) { coherenceGrid(BigFloat.self).doubleValue }) ?? .nan }),
            ("Swift in-place forms", { (try? BigFloat.withPrecision(bits) { coherenceGridInPlace().doubleValue }) ?? .nan }),
        ]),
        ("W (Çakmak Eq. 16)", { qb_grid_ergotropy(bits) }, [
            ("Swift generic", { (try? BigFloat.withPrecision(bits) { ergotropyGrid(BigFloat.self).doubleValue }) ?? .nan }),
            ("Swift in-place forms", { (try? BigFloat.withPrecision(bits) { ergotropyGridInPlace().doubleValue }) ?? .nan }),
        ]),
    ]
    for (name, c, swifts) in grids {
        var cTimes: [UInt64] = [], sTimes = [[UInt64]](repeating: [], count: swifts.count)
        var cSum = 0.0, sSums = [Double](repeating: 0, count: swifts.count)
        for _ in 0..<rounds {
            let (t, v) = nanoseconds(c); cTimes.append(t); cSum = v
            for (i, s) in swifts.enumerated() { let (t, v) = nanoseconds(s.run); sTimes[i].append(t); sSums[i] = v }
        }
        let cMed = median(cTimes)
        func row(_ label: String, _ med: Double, _ sum: Double) -> String {
            let columns: [String] = [label.rightPadded(52), String(bits).leftPadded(6),
                                     format1(med / 1e6).leftPadded(12), format2(med / cMed).leftPadded(13), "   " + String(sum)]
            return columns.joined()
        }
        print(row("\(name): plain C + MPFR", cMed, cSum))
        for (i, s) in swifts.enumerated() {
            print(row("\(name): \(s.name)", median(sTimes[i]), sSums[i]))
            // The textbook Swift grids mirror the C operation by operation: identical sums.
            if !s.name.contains("safe"), sSums[i] != cSum { print("  checksum MISMATCH"); failures += 1 }
        }
    }
}
if failures > 0 { exit(1) }

func format1(_ x: Double) -> String { String((x * 10).rounded() / 10) }
func format2(_ x: Double) -> String { String((x * 100).rounded() / 100) }
extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func rightPadded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
