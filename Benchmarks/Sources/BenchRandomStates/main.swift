// The random-state study (Çakmak Fig. 3) against the plain NumPy implementation of the same maps
// (Benchmarks/numpy/random_states.py), measured side by side in one run, for each ensemble:
//   1. per-sample CPU cost at N = 7, one thread, Swift;
//   2. the same for NumPy (subprocess, its own timer around the sample loop);
//   3. the full Fig. 3 study: 10⁵ samples for each N = 2 … 7 and each ensemble, all workers, wall time.
// Usage: bench-random-states [--samples K] [--numpy-samples K] [--workers W] [--rounds R] [--swift-only]
//        bench-random-states profile ENSEMBLE N COUNT   (samples only: for callgrind instruction counts)
//        bench-random-states study ENSEMBLE|all [--workers W]   (one full study, for `time`)
import Foundation
import Reproduction

func argument(_ name: String, _ def: Int) -> Int {
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: name), i + 1 < a.count, let v = Int(a[i + 1]) { return v }
    return def
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }
/// CPU time of the calling thread: the per-sample cost is measured in CPU time so that other jobs on
/// a shared machine do not inflate it (wall time is reported too).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
}

func swiftPerSample(_ e: RandomEnsemble, _ n: Int, _ count: Int) throws -> (microseconds: Double, wallMicroseconds: Double, meanC: Double, meanW: Double) {
    let sampler = try RandomStateSampler(qubits: n, beta: 0)
    var m = Moments()
    let t0 = now(), c0 = threadCPU()
    for i in 0..<count {
        let o = try sampler.sample(ensemble: e, seed: 7, index: i)
        m.add(o.coherence, o.ergotropy)
    }
    let dt = now() - t0, dc = threadCPU() - c0
    return (1e6 * dc / Double(count), 1e6 * dt / Double(count), m.meanX, m.meanY)
}

func numpyPerSample(_ e: RandomEnsemble, _ n: Int, _ count: Int) -> (microseconds: Double, line: String)? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("numpy/random_states.py").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, "--qubits", "\(n)", "--samples", "\(count)", "--ensemble", e.rawValue]
    var env = ProcessInfo.processInfo.environment
    for k in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { env[k] = "1" }
    p.environment = env
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let line = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
          let field = line.split(separator: " ").first(where: { $0.hasPrefix("us_per_sample=") }),
          let us = Double(field.dropFirst("us_per_sample=".count)) else { return nil }
    return (us, line)
}

func study(_ ensembles: [RandomEnsemble], workers: Int, print verbose: Bool) async throws -> Double {
    let config = try RandomStateStudyConfig(ensembles: ensembles, qubits: Array(2...7), samples: 100_000)
    let t0 = now()
    let results = try await RandomStateStudy.run(config, items: Array(0..<config.itemCount), workers: workers)
    let series = try RandomStateStudy.reduce(config, results)
    let dt = now() - t0
    if verbose {
        for s in series {
            print(String(format: "  %-5@ N=%d  <C_l1>=%.5f sd=%.5f  <W>=%.5f sd=%.5f  (n=%d)", s.ensemble.rawValue, s.qubits, s.moments.meanX,
                         s.moments.sdX, s.moments.meanY, s.moments.sdY, s.moments.count))
        }
    }
    return dt
}

func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? .nan : s[s.count / 2] }

let args = CommandLine.arguments
if args.count >= 5, args[1] == "profile", let e = RandomEnsemble(rawValue: args[2]), let n = Int(args[3]), let count = Int(args[4]) {
    let s = try swiftPerSample(e, n, count)
    print(String(format: "%@ N=%d: %d samples, <C>=%.6f <W>=%.6f", e.rawValue, n, count, s.meanC, s.meanW))
    exit(0)
}

if args.count >= 3, args[1] == "study" {
    let es = args[2] == "all" ? RandomEnsemble.allCases : [RandomEnsemble(rawValue: args[2])].compactMap { $0 }
    let wall = try await study(es, workers: argument("--workers", 2), print: true)
    print(String(format: "study %@: %.3f s wall", args[2], wall))
    exit(0)
}

let perSampleCount = argument("--samples", 20_000)
let swiftOnly = args.contains("--swift-only")
let numpySamples = argument("--numpy-samples", 2_000)
let workers = argument("--workers", ProcessInfo.processInfo.activeProcessorCount)
let rounds = argument("--rounds", 3)

print("random-state study benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(workers) workers, \(rounds) rounds (medians)")
var swiftTimes: [RandomEnsemble: [Double]] = [:], numpyTimes: [RandomEnsemble: [Double]] = [:]
var studyTimes: [RandomEnsemble: [Double]] = [:], allTimes: [Double] = []
for r in 1...rounds {
    for e in RandomEnsemble.allCases {
        let s = try swiftPerSample(e, 7, perSampleCount)
        swiftTimes[e, default: []].append(s.microseconds)
        print(String(format: "round %d  %-5@ swift N=7, 1 thread: %.2f µs/sample CPU (%.2f wall; %d samples; <C>=%.4f <W>=%.4f)", r,
                     e.rawValue, s.microseconds, s.wallMicroseconds, perSampleCount, s.meanC, s.meanW))
        if !swiftOnly {
            if let np = numpyPerSample(e, 7, numpySamples) {
                numpyTimes[e, default: []].append(np.microseconds)
                print("round \(r)  \(e.rawValue) \(np.line)")
            } else {
                print("round \(r)  numpy: not available (python3 with numpy needed)")
            }
        }
        let wall = try await study([e], workers: workers, print: false)
        studyTimes[e, default: []].append(wall)
        print(String(format: "round %d  %-5@ study (N = 2…7, 10^5 samples each): %.3f s wall", r, e.rawValue, wall))
    }
    let wall = try await study(RandomEnsemble.allCases, workers: workers, print: r == rounds)
    allTimes.append(wall)
    print(String(format: "round %d  full Fig. 3 study (all three ensembles, N = 2…7, 10^5 samples each): %.3f s wall", r, wall))
}
print("summary (medians of \(rounds) rounds, measured side by side):")
print("| ensemble | Swift µs/sample N = 7 (CPU) | NumPy µs/sample N = 7 (CPU) | NumPy/Swift | study N = 2…7 × 10⁵, \(workers) workers (wall) |")
print("|---|---|---|---|---|")
for e in RandomEnsemble.allCases {
    let sw = median(swiftTimes[e] ?? []), np = median(numpyTimes[e] ?? [])
    print(String(format: "| %@ | %.2f | %.1f | %.1f× | %.3f s |", e.rawValue, sw, np, np / sw, median(studyTimes[e] ?? [])))
}
print(String(format: "full Fig. 3 study, all three ensembles: %.3f s wall (target ≤ 10 s)", median(allTimes)))
