// The random-state study (Çakmak Fig. 3) against the plain NumPy implementation of the same map
// (Benchmarks/numpy/random_states.py), measured side by side in one run:
//   1. per-sample cost at N = 7 (Haar), one thread, Swift;
//   2. the same for NumPy (subprocess, its own timer around the sample loop);
//   3. the full Fig. 3 study: 10⁵ Haar samples for each N = 2 … 7, all cores, wall time.
// Usage: bench-random-states [--samples K] [--numpy-samples K] [--workers W] [--rounds R]
import Foundation
import Reproduction

func argument(_ name: String, _ def: Int) -> Int {
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: name), i + 1 < a.count, let v = Int(a[i + 1]) { return v }
    return def
}

let perSampleCount = argument("--samples", 20_000)
let swiftOnly = CommandLine.arguments.contains("--swift-only")
let numpySamples = argument("--numpy-samples", 2_000)
let workers = argument("--workers", ProcessInfo.processInfo.activeProcessorCount)
let rounds = argument("--rounds", 3)

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }
/// CPU time of the calling thread: the per-sample cost is measured in CPU time so that other jobs on
/// a shared machine do not inflate it (wall time is reported too).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
}

func swiftPerSample(_ n: Int, _ count: Int) throws -> (microseconds: Double, wallMicroseconds: Double, meanC: Double, meanW: Double) {
    let map = try CollectiveSteadyStateMap(qubits: n, beta: 0)
    let w = SampleWorkspace(map: map)
    var m = Moments()
    let t0 = now(), c0 = threadCPU()
    for i in 0..<count {
        let o = RandomStateStudy.sample(w, ensemble: .haar, seed: 7, index: i)
        m.add(o.coherence, o.ergotropy)
    }
    let dt = now() - t0, dc = threadCPU() - c0
    return (1e6 * dc / Double(count), 1e6 * dt / Double(count), m.meanX, m.meanY)
}

func numpyPerSample(_ n: Int, _ count: Int) -> (microseconds: Double, line: String)? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("numpy/random_states.py").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, "--qubits", "\(n)", "--samples", "\(count)"]
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

func fullStudy(workers: Int) async throws -> Double {
    let config = try RandomStateStudyConfig(ensembles: [.haar], qubits: Array(2...7), samples: 100_000)
    let t0 = now()
    let results = try await RandomStateStudy.run(config, items: Array(0..<config.itemCount), workers: workers)
    let series = try RandomStateStudy.reduce(config, results)
    let dt = now() - t0
    for s in series {
        print(String(format: "  N=%d  <C_l1>=%.5f sd=%.5f  <W>=%.5f sd=%.5f  (n=%d)", s.qubits, s.moments.meanX, s.moments.sdX,
                     s.moments.meanY, s.moments.sdY, s.moments.count))
    }
    return dt
}

print("random-state study benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(workers) workers, \(rounds) rounds (medians)")
var swiftTimes: [Double] = [], numpyTimes: [Double] = [], studyTimes: [Double] = []
for r in 1...rounds {
    let s = try swiftPerSample(7, perSampleCount)
    swiftTimes.append(s.microseconds)
    print(String(format: "round %d  swift  N=7 Haar, 1 thread: %.2f µs/sample CPU (%.2f wall; %d samples; <C>=%.4f <W>=%.4f)", r,
                 s.microseconds, s.wallMicroseconds, perSampleCount, s.meanC, s.meanW))
    if swiftOnly { continue }
    if let np = numpyPerSample(7, numpySamples) {
        numpyTimes.append(np.microseconds)
        print("round \(r)  \(np.line)")
    } else {
        print("round \(r)  numpy: not available (python3 with numpy needed)")
    }
    let wall = try await fullStudy(workers: workers)
    studyTimes.append(wall)
    print(String(format: "round %d  full Fig. 3 study (Haar, N = 2…7, 10^5 samples each): %.3f s wall", r, wall))
}
func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? .nan : s[s.count / 2] }
let sw = median(swiftTimes), np = median(numpyTimes), st = median(studyTimes)
print(String(format: "summary: per-sample CPU time at N = 7: swift %.2f µs, numpy %.2f µs, ratio numpy/swift = %.1fx (target >= 20x); full study %.3f s (target < 10 s)",
             sw, np, np / sw, st))
