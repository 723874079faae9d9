// bench-derive: exact steady-state space of Çakmak's collective Lindbladian over Q(i)(y) and
// Mayo's collective rates over Q(y, ε), by N; medians of repeated runs on one clock. The SymPy
// baseline (Benchmarks/sympy/derive_kernel.py, DomainMatrix over QQ_I.frac_field(y)) is run
// beside it by `Benchmarks/sympy/compare-derive.sh`.
//   swift run -c release bench-derive [maxCakmakN] [maxMayoN] [repeats]
import Derivations
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let maxCakmak = args.count > 0 ? args[0] : 4
let maxMayo = args.count > 1 ? args[1] : 6
let repeats = args.count > 2 ? args[2] : 3

print("model               N   median s   runs  result")
for n in 1...maxCakmak {
    var times: [Double] = []
    var dim = 0
    for _ in 0..<(n <= 3 ? repeats : 1) {
        times.append(try seconds {
            let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
            dim = ExactLinearAlgebra.kernel(of: m.generator).kernelDimension
        })
    }
    print("cakmak.collective  \(String(n).padding(toLength: 2, withPad: " ", startingAt: 0))  \(String(format: "%9.3f", median(times)))  \(times.count)     kernel dimension \(dim)")
}
for n in 2...maxMayo {
    var times: [Double] = []
    var count = 0
    for _ in 0..<repeats {
        times.append(try seconds {
            let m = try ModelCatalogue.build("mayo.collective", ["N": "\(n)"])
            count = try ExactEigenvalues.populationRates(of: m.generator).eigenvalues.count
        })
    }
    print("mayo.collective    \(String(n).padding(toLength: 2, withPad: " ", startingAt: 0))  \(String(format: "%9.3f", median(times)))  \(times.count)     \(count) distinct rates")
}
