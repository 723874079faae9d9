import Foundation
import ProofChecking
import Testing

/// Seeded fuzzing of the proof parser and checker: mutated derivations (from `Proofs/` and a
/// corpus covering every statement form) must never crash or hang, and every rejection must be a
/// typed error at a place in the file. `swift test` runs a small subset; `make fuzz` sets
/// QBATTERY_FUZZ_PROOFS=10000. The input being checked is written to .build/fuzz/current.proof
/// first, so a crash (which ends the process) leaves its culprit behind.
@Suite("Proof fuzzing")
struct ProofFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["QBATTERY_FUZZ_PROOFS"] ?? "") ?? 150
    static let seed = UInt64(environment["QBATTERY_FUZZ_SEED"] ?? "") ?? 20_261_126
    /// Seconds one input may take before it counts as a hang (a debug build on a shared machine).
    static let hangLimit = Double(environment["QBATTERY_FUZZ_HANG"] ?? "") ?? 30

    @Test("mutated proof files: no crash, no hang, every rejection a typed error with a location")
    func mutatedProofs() throws {
        let corpus = ProofFuzzCorpus.derivations()
        #expect(corpus.count >= 20)
        let directory = packageRoot.appendingPathComponent(".build/fuzz")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let current = directory.appendingPathComponent("current.proof")
        var rng = FuzzRandom(seed: Self.seed)
        var checker = ProofChecker()
        // Cheaper settings than `qbattery prove`: the fuzz is about robustness, not verdicts.
        checker.floatBits = 160
        checker.requiredDigits = 30
        checker.pointsPerCase = 1
        checker.maxBoxes = 200
        var parseErrors = 0, errorSteps = 0, checked = 0, slowest = 0.0, slowestIndex = -1
        let start = Date()
        for index in 0..<Self.count {
            let text = ProofMutator.mutate(rng.pick(corpus), &rng)
            let path = "fuzz-\(index).proof"
            try Data("# seed \(Self.seed) input \(index)\n\(text)".utf8).write(to: current)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let t0 = Date()
            guard let outcome = Self.checkWithDeadline(checker, text, path) else {
                let saved = directory.appendingPathComponent("hang-\(index).proof")
                try? Data(text.utf8).write(to: saved)
                Issue.record("input \(index) (seed \(Self.seed)) ran longer than \(Self.hangLimit) s; saved to \(saved.path)")
                return
            }
            let seconds = Date().timeIntervalSince(t0)
            if seconds > slowest { (slowest, slowestIndex) = (seconds, index) }
            switch outcome {
            case let .failure(e):
                parseErrors += 1
                #expect(e.location.file == path && (1...lineCount).contains(e.location.line) && e.location.column >= 1,
                        "input \(index): \(e) has no location in the file")
                #expect(!e.message.isEmpty)
            case let .success(report):
                checked += 1
                for step in report.steps where step.outcome == .error {
                    errorSteps += 1
                    #expect(step.file == path && (1...lineCount).contains(step.line) && !step.detail.isEmpty,
                            "input \(index): error step without a location: \(step)")
                }
            }
        }
        print(String(format: "proof fuzz: %d inputs (seed %llu): %d parse errors, %d checked (%d error steps), 0 crashes, 0 hangs; slowest input %d: %.2f s (limit %.0f s); %.1f s in all",
                     Self.count, Self.seed, parseErrors, checked, errorSteps, slowestIndex, slowest, Self.hangLimit, Date().timeIntervalSince(start)))
    }

    /// Checks on a thread with the main thread's stack size (8 MiB, as `qbattery prove` has) and
    /// waits at most `hangLimit`; nil on a timeout (the thread is abandoned: the test fails anyway).
    static func checkWithDeadline(_ checker: ProofChecker, _ text: String, _ path: String) -> Result<FileReport, ProofError>? {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let outcome: Result<FileReport, ProofError>
            do throws(ProofError) { outcome = .success(try checker.check(text: text, path: path)) } catch { outcome = .failure(error) }
            box.set(outcome)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + hangLimit) == .success else { return nil }
        return box.get()
    }
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<FileReport, ProofError>?
    func set(_ v: Result<FileReport, ProofError>) { lock.lock(); value = v; lock.unlock() }
    func get() -> Result<FileReport, ProofError>? { lock.lock(); defer { lock.unlock() }; return value }
}

/// SplitMix64, seeded: every run mutates the same way.
struct FuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// The seed corpus: every derivation of `Proofs/` with its integer ranges cut to three values
/// (the fuzz is about robustness; `swift test` checks the real ranges), and small derivations
/// that use every statement form and method.
enum ProofFuzzCorpus {
    static func derivations() -> [String] {
        var out = handWritten
        let dir = packageRoot.appendingPathComponent("Proofs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".proof") }.sorted()
        for name in names {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            var blocks: [[String]] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("proof ") || blocks.isEmpty { blocks.append([]) }
                blocks[blocks.count - 1].append(capRanges(String(line)))
            }
            out += blocks.map { $0.joined(separator: "\n") }.filter { $0.hasPrefix("proof ") }
        }
        return out
    }

    /// `N in 1...64` → `N in 1...3` (bounds that are not integer literals stay).
    static func capRanges(_ line: String) -> String {
        guard line.contains("assume"), let r = line.range(of: #"in\s+(-?\d+)\s*\.\.\.\s*(\d+)"#, options: .regularExpression) else { return line }
        let parts = line[r].dropFirst(2).split(separator: ".", omittingEmptySubsequences: true)
        guard parts.count == 2, let lo = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let hi = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return line }
        return line.replacingCharacters(in: r, with: "in \(lo)...\(min(hi, lo + 2))")
    }

    static let handWritten: [String] = [
        """
        proof exact-and-limits
        source fuzz corpus
        assume 0 < r < 1
        let f(x) = (1 - x^2)/(1 - x)
        claim f(r)
          = 1 + r
          <= 2
          -> 2 as r -> 1
          xfail = 1 + 2*r
        """,
        """
        proof atoms
        assume bw >= 0
        assume epsilon > 0
        atom y = exp(-bw/2)
        let tau(k) = (2*cosh(bw/2))^2/(2*cosh(bw*(k - 1))*4*epsilon^2)
        claim tau(2)
          = 1/(2*epsilon^2*(1 + tanh(bw/2)^2))
        claim 2*(1 + tanh(bw/2)^2)
          <= 4
        """,
        """
        proof sums
        assume N in 1...4
        assume k in 0...N
        claim sum(j, 0, N, binomial(N, j))
          = 2^N
        claim binomial(N, k)
          = binomial(N, N - k)
        """,
        """
        proof transcendental
        assume x in [1/2, 2]
        assume t > 0
        claim exp(log(x))
          = x
        claim sqrt(x^2)
          = abs(x)
        claim sin(x)^2 + cos(x)^2
          = 1
        claim sinh(t)
          -> 0 as t -> 0 rate 1
        claim log(1 + t)/t
          -> 1 as t -> 0
        claim exp(-t)
          -> 0 as t -> inf
        """,
        """
        proof inequalities
        assume 0 <= c <= 1
        assume x in (0, 1]
        assume z < 0
        assume w <= 3
        claim c*(1 - c)
          <= 1/4
          < 1
        claim x^2
          >= 0
          > -1
        claim pi
          > 3
        """,
        """
        proof notes
        source a source line with (unbalanced parentheses and # a comment
        note free text ... -> <= 1/0
        assume 0 < a < 1
        claim a^-1
          = 1/a
        claim (a + 1)^3
          = a^3 + 3*a^2 + 3*a + 1
        """,
    ]
}

/// Mutations: tokens replaced, dropped or duplicated, lines moved or repeated, characters
/// flipped, and size bombs (deep nesting, long chains, huge ranges, exponent towers).
enum ProofMutator {
    static let tokens = ["(", ")", "+", "-", "*", "/", "^", ",", "=", "<", "<=", ">", ">=", "->", "...", "[", "]",
                         "0", "1", "2", "-1", "1/0", "0.5", "1e3", "9223372036854775807", "99999999999999999999999",
                         "x", "r", "N", "k", "y", "pi", "inf", "as", "rate", "in", "sum", "binomial", "exp", "log",
                         "sqrt", "cosh", "abs", "let", "atom", "claim", "assume", "xfail", "proof", "source", "note",
                         "#", "\t", "é", "∞", "\u{0}", "sum(k, 0, N,", "binomial(", "exp(", ")"]

    static func mutate(_ text: String, _ rng: inout FuzzRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0...rng.below(3) {
            if lines.isEmpty { lines = [""] }
            let i = rng.below(lines.count)
            switch rng.below(100) {
            case 0..<35: lines[i] = mutateTokens(lines[i], &rng)
            case 35..<45: lines.remove(at: i)
            case 45..<52: lines.insert(lines[i], at: i)
            case 52..<58: lines.swapAt(i, rng.below(lines.count))
            case 58..<70: lines[i] = mutateCharacters(lines[i], &rng)
            case 70..<78: lines.insert(rng.pick(statements), at: i)
            case 78..<84: lines[i] = lines[i].replacingOccurrences(of: rng.pick(["1", "2", "3", "64", "0"]), with: rng.pick(["0", "-1", "1000000000", "9223372036854775807", "100000", "1/3"]))
            default: lines.insert(bomb(&rng), at: i)
            }
        }
        return lines.joined(separator: "\n")
    }

    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = ""
        for c in line {
            if c.isLetter || c.isNumber || c == "_" || c == "." { word.append(c); continue }
            if !word.isEmpty { out.append(word); word = "" }
            out.append(String(c))
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    static func mutateTokens(_ line: String, _ rng: inout FuzzRandom) -> String {
        var w = words(line)
        guard !w.isEmpty else { return rng.pick(tokens) }
        let i = rng.below(w.count)
        switch rng.below(4) {
        case 0: w[i] = rng.pick(tokens)
        case 1: w.remove(at: i)
        case 2: w.insert(w[i], at: i)
        default: w.insert(rng.pick(tokens), at: i)
        }
        return w.joined()
    }

    static func mutateCharacters(_ line: String, _ rng: inout FuzzRandom) -> String {
        var c = Array(line)
        let noise: [Character] = ["(", ")", "#", "\t", "\r", "é", "\u{0}", ".", "^", "-", "9", "e", "∑", " "]
        for _ in 0...rng.below(3) {
            if c.isEmpty || rng.chance(30) { c.insert(rng.pick(noise), at: c.isEmpty ? 0 : rng.below(c.count + 1)) }
            else { c[rng.below(c.count)] = rng.pick(noise) }
        }
        return String(c)
    }

    static let statements = ["assume N in 1...3", "assume x > 0", "assume 0 < r < 1", "let g = r + 1", "let h(a, b) = a*b",
                             "atom y = exp(-x)", "claim r", "  = r", "  <= 1", "  -> 1 as r -> 1", "  xfail = 2",
                             "proof extra", "source s", "note n", "claim sum(k, 1, N, k)", "  = N*(N + 1)/2",
                             "claim binomial(N, 2)", "  >= 0", "claim h(r, r)", "  = g^2 - 2*r - 1"]

    static func bomb(_ rng: inout FuzzRandom) -> String {
        let n = rng.pick([50, 99, 100, 101, 999, 1000, 1001, 2000, 5000])
        switch rng.below(10) {
        case 0: return "claim " + String(repeating: "(", count: n) + "r" + String(repeating: ")", count: n)
        case 1: return "claim " + Array(repeating: "r", count: n).joined(separator: "+")
        case 2: return "claim " + String(repeating: "-", count: n) + "r"
        case 3: return "claim 2" + String(repeating: "^2", count: rng.pick([3, 4, 5, 6, 50]))
        case 4: return "assume N in \(rng.pick(["1", "-9223372036854775807", "0"]))...\(rng.pick(["1000000000", "10001", "9223372036854775807", "10^18"]))"
        case 5: return "claim binomial(\(rng.pick(["10^12", "100000", "-5", "9223372036854775807"])), \(rng.pick(["10^6", "3", "-1", "50000"])))"
        case 6: return "claim r^\(rng.pick(["100000", "100001", "-100000", "10^9", "(1/2)", "9223372036854775807"]))"
        case 7: return "claim sum(k, \(rng.pick(["0", "-9223372036854775807"])), \(rng.pick(["100000", "100001", "9223372036854775807", "10^9"])), k)"
        case 8: return "let b\(n) = " + Array(repeating: "r", count: min(n, 200)).joined(separator: "*")
        default: return "  = " + String(repeating: "exp(", count: min(n, 120)) + "r" + String(repeating: ")", count: min(n, 120))
        }
    }
}
