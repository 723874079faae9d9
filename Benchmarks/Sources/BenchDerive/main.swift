// bench-derive: exact derivations from the models, by N, medians of repeated runs (wall clock, and
// this process's CPU time, which the load of the shared machine does not inflate; growth is by CPU).
//   Çakmak's collective Lindbladian over Q(i)(y): the whole kernel (steady-state space) and the
//   steady state from the ground state; each by the default route (symmetric-subspace restriction,
//   modular images + interpolation verified exactly) and, up to `compareUpTo`, by plain elimination
//   over Q(i)(y), with the two results compared for exact equality.
//   Mayo's collective rates over Q(y, ε).
// The SymPy baseline (Benchmarks/sympy/derive_kernel.py, DomainMatrix over QQ_I.frac_field(y)) is
// run beside the CLI by `Benchmarks/sympy/compare-derive.sh`.
//   swift run -c release bench-derive [maxKernelN] [maxSteadyN] [maxMayoN] [repeats] [compareUpTo]
import Derivations
import Foundation
import Operators

/// CPU time of this process (what the shared machine's load does not inflate), in seconds.
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Wall seconds of `body`, its CPU seconds appended to `cpu`.
func seconds(_ cpu: inout [Double], _ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds, c0 = cpuNow()
    try body()
    cpu.append(cpuNow() - c0)
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

func load() -> String { (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?" }

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let maxKernel = args.count > 0 ? args[0] : 5
let maxSteady = args.count > 1 ? args[1] : 6
let maxMayo = args.count > 2 ? args[2] : 6
let repeats = args.count > 3 ? args[3] : 3
let compareUpTo = args.count > 4 ? args[4] : 4

func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
func fmt(_ x: Double) -> String { String(format: "%9.3f", x) }

print("load average (1, 5, 15 min) at start: \(load())")
print("workload                         N   median s (wall)  cpu s   runs  growth  result")
var previous: Double?
for n in 1...maxKernel {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var k: ExactKernel?
    for _ in 0..<(n <= 4 ? repeats : 1) {
        times.append(try seconds(&cpuTimes) {
            let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
            k = ExactLinearAlgebra.kernel(of: m.generator)
        })
    }
    let t = median(times), cpu = median(cpuTimes)
    let growth = previous.map { String(format: "%6.1fx", cpu / $0) } ?? "      "
    previous = cpu
    var result = "kernel dimension \(k?.kernelDimension ?? -1)"
    if n <= compareUpTo {
        var plain: ExactKernel?
        let tp = try seconds(&cpuTimes) {
            let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
            plain = ExactLinearAlgebra.kernel(of: m.generator, method: .elimination)
        }
        result += "; elimination \(String(format: "%.3f", tp)) s wall, \(String(format: "%.3f", cpuTimes.last ?? 0)) s cpu, identical: \(plain?.kernel == k?.kernel ? "yes" : "NO")"
    }
    print("cakmak.collective kernel         \(pad(String(n), 2))  \(fmt(t))  \(fmt(cpu))  \(times.count)    \(growth)  \(result)")
}
previous = nil
for n in 1...maxSteady {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var rho: Matrix<ExactScalar>?
    var stationary = false
    for _ in 0..<(n <= 4 ? repeats : 1) {
        times.append(try seconds(&cpuTimes) {
            let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
            let r = try ExactLinearAlgebra.steadyState(of: m.generator, initial: InitialState.parse("ground", dimension: m.dimension))
            rho = r
        })
    }
    let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
    if let rho { stationary = ExactLinearAlgebra.isStationary(rho, under: m.generator) }
    let t = median(times), cpu = median(cpuTimes)
    let growth = previous.map { String(format: "%6.1fx", cpu / $0) } ?? "      "
    previous = cpu
    var result = "L(ρ) = 0 exactly: \(stationary ? "yes" : "NO")"
    if n <= compareUpTo {
        var plain: Matrix<ExactScalar>?
        let tp = try seconds(&cpuTimes) {
            plain = try ExactLinearAlgebra.steadyState(of: m.generator, initial: InitialState.parse("ground", dimension: m.dimension), method: .elimination)
        }
        result += "; elimination \(String(format: "%.3f", tp)) s wall, \(String(format: "%.3f", cpuTimes.last ?? 0)) s cpu, identical: \(plain == rho ? "yes" : "NO")"
    }
    print("cakmak.collective steady ground  \(pad(String(n), 2))  \(fmt(t))  \(fmt(cpu))  \(times.count)    \(growth)  \(result)")
}
previous = nil
for n in 2...maxMayo {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var count = 0
    for _ in 0..<repeats {
        times.append(try seconds(&cpuTimes) {
            let m = try ModelCatalogue.build("mayo.collective", ["N": "\(n)"])
            count = try ExactEigenvalues.populationRates(of: m.generator).eigenvalues.count
        })
    }
    let t = median(times), cpu = median(cpuTimes)
    let growth = previous.map { String(format: "%6.1fx", cpu / $0) } ?? "      "
    previous = cpu
    print("mayo.collective rates            \(pad(String(n), 2))  \(fmt(t))  \(fmt(cpu))  \(times.count)    \(growth)  \(count) distinct rates")
}
print("load average (1, 5, 15 min) at end: \(load())")
