// The exact-algebra layer side by side with FLINT's own C (CFLINTAlgebra: the same sequence of
// FLINT calls) on the proof workloads of issue 9: Çakmak Eq. (15) and Eq. (16) normalised over a
// shared denominator at N = 64, and a two-variable gcd. Interleaved rounds, medians of the
// thread's CPU time (the machine is shared: wall time includes other users' time slices).
// `bench-algebra only NAME [REPEATS]` runs one contender (callgrind instruction counts);
// `bench-algebra json ROUNDS [K]` prints the Swift medians as JSON for Benchmarks/sympy/compare.sh
// (the gcd at power 12 and at power K, default 20).
import BigNumerics
import CFLINTAlgebra
#if canImport(Glibc)
import Glibc
#endif

typealias MRF = MultivariateRationalFunction
typealias MP = MultivariatePolynomial

func nanoseconds<T>(_ body: () -> T) -> (UInt64, T) {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    let v = body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return (UInt64(end.tv_sec - start.tv_sec) * 1_000_000_000 + UInt64(end.tv_nsec) &- UInt64(start.tv_nsec), v)
}

func median(_ xs: [UInt64]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// d(k) = (1 − r) r^k / ((1 − r^(N+1)) p(k)), as Proofs/cakmak-n-qubits.proof writes it.
func blockEntry(_ n: Int, _ k: Int, _ one: MRF, _ r: MRF) -> MRF {
    let pk = MRF(BigInt.binomial(UInt(n), UInt(k)))
    return (one - r) * r.power(k) / ((one - r.power(n + 1)) * pk)
}

/// Σ_{k=0}^{N} d(k) p(k) (p(k) − 1) == (r − 1)(r + 1)^N/(r^(N+1) − 1) − 1, the sum normalised once
/// (`MultivariateRationalFunction.sum`); the numerator's size.
func eq15(_ n: Int) -> Int {
    let one = MRF(1), r = MRF.variable("r")
    let sum = MRF.sum((0...n).map { k in
        let pk = MRF(BigInt.binomial(UInt(n), UInt(k)))
        return blockEntry(n, k, one, r) * pk * (pk - one)
    })
    let closed = (r - one) * (r + one).power(n) / (r.power(n + 1) - one) - one
    return sum == closed ? sum.numerator.termCount : -1
}

/// Σ_{k=1}^{N−1} k p(k+1) d(k+1) == N + (N + r)/(r^(N+1) − 1) + r/(1 − r).
func eq16(_ n: Int) -> Int {
    let one = MRF(1), r = MRF.variable("r"), nn = MRF(n)
    let sum = MRF.sum((1...(n - 1)).map { k in
        let pk = MRF(BigInt.binomial(UInt(n), UInt(k + 1)))
        return MRF(k) * pk * blockEntry(n, k + 1, one, r)
    })
    let closed = nn + (nn + r) / (r.power(n + 1) - one) + r / (one - r)
    return sum == closed ? sum.numerator.termCount : -1
}

/// a = g·(x + 2y − 1)^k, b = g·(xy − 5)^k, g = (x²y + 3x − y + 7)^k, expanded.
func gcdInputs(_ k: Int) -> (MP, MP, MP) {
    let x = MP.variable("x"), y = MP.variable("y")
    let g = (x * x * y + 3 * x - y + 7).power(k)
    return (g * (x + 2 * y - 1).power(k), g * (x * y - 5).power(k), g)
}

func gcd2(_ k: Int) -> Int {
    let (a, b, g) = gcdInputs(k)
    let result = MP.gcd(a, b)
    return result == g ? result.termCount : -1
}

let n = 64, gcdPower = 12
let contenders: [String: () -> Int] = [
    "baseline": { 0 },     // process start-up only: subtracted from the instruction counts
    "c-eq15": { var t = 0; return qb_flint_eq15(Int32(n), &t) == 1 ? t : -1 },
    "swift-eq15": { eq15(n) },
    "c-eq16": { var t = 0; return qb_flint_eq16(Int32(n), &t) == 1 ? t : -1 },
    "swift-eq16": { eq16(n) },
    "c-gcd2": { qb_flint_gcd2(Int32(gcdPower)) },
    "swift-gcd2": { gcd2(gcdPower) },
]

let args = CommandLine.arguments
if args.count >= 3, args[1] == "only" {
    guard let run = contenders[args[2]] else { print("unknown contender; one of \(contenders.keys.sorted())"); exit(2) }
    let repeats = args.count >= 4 ? Int(args[3]) ?? 1 : 1
    for _ in 0..<repeats { print(run()) }
    exit(0)
}

if args.count >= 2, args[1] == "json" {
    // Swift medians (ms) of exactly what the SymPy script times: the two sums with their
    // comparison, and the gcd alone on prepared inputs.
    let rounds = args.count >= 3 ? Int(args[2]) ?? 9 : 9
    let large = args.count >= 4 ? Int(args[3]) ?? 20 : 20
    let (a, b, _) = gcdInputs(gcdPower), (a2, b2, _) = gcdInputs(large)
    var t15: [UInt64] = [], t16: [UInt64] = [], tg: [UInt64] = [], tg2: [UInt64] = []
    for _ in 0..<rounds {
        t15.append(nanoseconds { eq15(n) }.0)
        t16.append(nanoseconds { eq16(n) }.0)
        tg.append(nanoseconds { MP.gcd(a, b) }.0)
        tg2.append(nanoseconds { MP.gcd(a2, b2) }.0)
    }
    print("{\"eq15\": \(median(t15) / 1e6), \"eq16\": \(median(t16) / 1e6), \"gcd2\": \(median(tg) / 1e6), \"gcd2 k=\(large)\": \(median(tg2) / 1e6)}")
    exit(0)
}

let rounds = args.dropFirst().first.flatMap(Int.init) ?? 15
print("N = \(n) (Eqs. 15, 16), gcd power k = \(gcdPower); \(rounds) interleaved rounds; medians")
print("workload".padding(12) + "C on FLINT ms".padding(16) + "Swift ms".padding(12) + "Swift/C   result (terms)")
var failures = 0
for name in ["eq15", "eq16", "gcd2"] {
    guard let c = contenders["c-" + name], let s = contenders["swift-" + name] else { continue }
    var ct: [UInt64] = [], st: [UInt64] = []
    var cr = 0, sr = 0
    for _ in 0..<rounds {
        let (a, x) = nanoseconds(c); ct.append(a); cr = x
        let (b, y) = nanoseconds(s); st.append(b); sr = y
    }
    let ratio = median(st) / median(ct)
    if cr != sr || cr < 0 { failures += 1 }
    print(name.padding(12) + String(format3(median(ct) / 1e6)).padding(16) + String(format3(median(st) / 1e6)).padding(12)
          + format3(ratio).padding(10) + "C \(cr), Swift \(sr)")
}
exit(failures == 0 ? 0 : 1)

func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    return "\(scaled)"
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
