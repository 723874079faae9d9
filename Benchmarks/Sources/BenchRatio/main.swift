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

/// Runs `body` at `bits` of precision and returns the grid's sum as a Double (the checksum).
func at(_ bits: Int, _ body: () -> BigFloat) -> Double { (try? BigFloat.withPrecision(bits) { body().doubleValue }) ?? .nan }

/// The contenders by name: `c-GRID` is grid.c, `swift-GRID[-VARIANT]` the Swift engine.
func contenders(_ bits: Int) -> [String: () -> Double] {
    [
        "c-gamma": { qb_grid_gamma(bits) }, "c-coherence": { qb_grid_coherence(bits) }, "c-ergotropy": { qb_grid_ergotropy(bits) },
        "swift-gamma": { at(bits) { gammaGrid(BigFloat.self) } },
        "swift-gamma-safe": { at(bits) { gammaGridSafe(BigFloat.self) } },
        "swift-coherence": { at(bits) { coherenceGrid(BigFloat.self) } },
        "swift-ergotropy": { at(bits) { ergotropyGrid(BigFloat.self, omega: BigFloat(rational: 1)) } },
        "swift-coherence-catalogue": { at(bits) { coherenceGridCatalogue(BigFloat.self) } },
        "swift-ergotropy-catalogue": { at(bits) { ergotropyGridCatalogue(BigFloat.self) } },
        "swift-coherence-inplace": { at(bits) { coherenceGridInPlace() } },
        "swift-ergotropy-inplace": { at(bits) { ergotropyGridInPlace() } },
    ]
}

// `bench-ratio only NAME BITS` runs one contender once (for callgrind's instruction counts).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "only", let bits = Int(CommandLine.arguments[3]) {
    let runs = contenders(bits)
    guard let run = runs[CommandLine.arguments[2]] else { print("unknown contender; one of \(runs.keys.sorted())"); exit(2) }
    print(run())
    exit(0)
}
let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 15
var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
print("grid: N = 1…64 × 200 parameter values (12 800 points), ω = 1; \(rounds) interleaved rounds; medians")
print("load average at start: \(load.map { String(($0 * 100).rounded() / 100) }.joined(separator: " "))")
print("contender".rightPadded(60) + "  bits   median ms   ratio to C   checksum")
var failures = 0
for bits in [256, 2048] {
    let runs = contenders(bits)
    let grids: [(String, String, [(String, String)])] = [
        ("Γ (Mayo Eq. 9 form)", "c-gamma", [
            ("Swift generic, textbook order", "swift-gamma"),
            ("Swift generic, overflow-safe order", "swift-gamma-safe"),
        ]),
        ("C_l1 (Çakmak Eq. 15)", "c-coherence", [
            ("Swift catalogue (Cakmak.coherenceEq15)", "swift-coherence-catalogue"),
            ("Swift operators", "swift-coherence"),
            ("Swift hand-written in-place", "swift-coherence-inplace"),
        ]),
        ("W (Çakmak Eq. 16)", "c-ergotropy", [
            ("Swift catalogue (Cakmak.ergotropyEq16)", "swift-ergotropy-catalogue"),
            ("Swift operators", "swift-ergotropy"),
            ("Swift hand-written in-place", "swift-ergotropy-inplace"),
        ]),
    ]
    for (name, cName, swifts) in grids {
        let c = runs[cName]!, swiftRuns = swifts.map { runs[$0.1]! }
        var cTimes: [UInt64] = [], sTimes = [[UInt64]](repeating: [], count: swifts.count)
        var cSum = 0.0, sSums = [Double](repeating: 0, count: swifts.count)
        for _ in 0..<rounds {
            let (t, v) = nanoseconds(c); cTimes.append(t); cSum = v
            for (i, s) in swiftRuns.enumerated() { let (t, v) = nanoseconds(s); sTimes[i].append(t); sSums[i] = v }
        }
        let cMed = median(cTimes)
        func row(_ label: String, _ med: Double, _ sum: Double) -> String {
            let columns: [String] = [label.rightPadded(60), String(bits).leftPadded(6),
                                     format1(med / 1e6).leftPadded(12), format3(med / cMed).leftPadded(13), "   " + String(sum)]
            return columns.joined()
        }
        print(row("\(name): plain C + MPFR", cMed, cSum))
        for (i, s) in swifts.enumerated() {
            print(row("\(name): \(s.0)", median(sTimes[i]), sSums[i]))
            // Every grid but the overflow-safe Γ mirrors the C operation by operation: identical sums.
            if !s.1.hasSuffix("safe"), sSums[i] != cSum { print("  checksum MISMATCH"); failures += 1 }
        }
    }
}
if failures > 0 { exit(1) }

func format1(_ x: Double) -> String { String((x * 10).rounded() / 10) }
func format3(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func rightPadded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
