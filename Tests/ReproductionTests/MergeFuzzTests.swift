import Foundation
import Testing
@testable import Reproduction

/// Seeded fuzzing of `qbattery merge`'s input: corrupted shard files (lines dropped, repeated,
/// swapped, numbers replaced by negative, huge or malformed ones, truncation) must give the merged
/// files or a typed `ReproductionError` naming the file and line, never a crash or a hang.
/// `swift test` runs a subset; `make fuzz` sets QBATTERY_FUZZ_SHARDS.
@Suite("Shard file fuzzing")
struct MergeFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["QBATTERY_FUZZ_SHARDS"] ?? "") ?? 150
    static let seed = UInt64(environment["QBATTERY_FUZZ_SEED"] ?? "") ?? 20_261_126

    static let awkward = ["-1", "0", "-9223372036854775808", "9223372036854775807", "99999999999999999999", "x", "", "1e3",
                          "nan", "-0", "+1", "0x10", "é"]
    static let inserts = ["item -1 1", "item 9223372036854775807 1", "item 0 9223372036854775807", "item 0 -5", "item 1 1",
                          "items -4", "items 9223372036854775807", "samples 0", "samples 9223372036854775807", "seed -1",
                          "end", "qbattery-shard 1", "figure nosuch", "figure mayo-fig2", "shard 1/2", "m 1 0 0 0 0 0 0 0 0 0",
                          "p 0 0 0 0", "file -3 x.csv", "file 9223372036854775807 x.csv"]

    @Test("corrupted shard files: merged, or a typed error naming the file and line")
    func corruptedShards() async throws {
        let study = RandomStateFigure(ensembles: [.haar], qubits: [2, 3])
        let settings = try ReproductionSettings(seed: 5, samples: 30, workers: 1)
        var originals: [(path: String, contents: String)] = []
        for i in 1...2 {
            for f in try await Reproducer.runShard([study], settings, shard: Shard(index: i, count: 2)) { originals.append((f.name, f.contents)) }
        }
        // A deterministic figure travels as one item whose payload is its files.
        let figure = try #require(Reproducer.catalogue.first { $0.id == "mayo-fig2" })
        for f in try await Reproducer.runShard([figure], settings, shard: Shard(index: 1, count: 1)) { originals.append((f.name, f.contents)) }
        let jobs: [any FigureJob] = [study, figure]
        let clean = try Reproducer.merge(originals, jobs: jobs)
        #expect(!clean.isEmpty)

        var rng = FuzzRandom(seed: Self.seed)
        var merged = 0, rejected = 0, slowest = 0.0
        let start = Date()
        for index in 0..<Self.count {
            var inputs = originals
            let victim = rng.below(inputs.count)
            inputs[victim].contents = corrupt(inputs[victim].contents, &rng)
            if rng.chance(10) { inputs.remove(at: rng.below(inputs.count)) }
            if rng.chance(10) { inputs.append(inputs[rng.below(inputs.count)]) }
            let t0 = Date()
            do {
                _ = try Reproducer.merge(inputs, jobs: jobs)
                merged += 1
            } catch {
                rejected += 1
                let text = error.description
                switch error {
                case let .badShardFile(path, reason):
                    #expect(inputs.contains { $0.path == path }, "input \(index): \(text) names no given file")
                    #expect(reason.contains("line "), "input \(index): \(text) has no line")
                case .incompleteShards, .unknownFigure, .invalidParameter:
                    #expect(!text.isEmpty)
                default:
                    Issue.record("input \(index): unexpected error kind \(text)")
                }
            }
            slowest = max(slowest, Date().timeIntervalSince(t0))
        }
        #expect(slowest < 30, "one merge took \(slowest) s")
        print(String(format: "shard fuzz: %d inputs (seed %llu): %d merged, %d rejected with a typed error, 0 crashes; slowest %.2f s; %.1f s in all",
                     Self.count, Self.seed, merged, rejected, slowest, Date().timeIntervalSince(start)))
    }

    func corrupt(_ text: String, _ rng: inout FuzzRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0...rng.below(3) {
            if lines.isEmpty { lines = [""] }
            let i = rng.below(lines.count)
            switch rng.below(8) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, rng.below(lines.count))
            case 3:
                var words = lines[i].components(separatedBy: " ")
                words[rng.below(words.count)] = rng.pick(Self.awkward)
                lines[i] = words.joined(separator: " ")
            case 4: lines = Array(lines.prefix(rng.below(lines.count + 1)))
            case 5: lines.insert(rng.pick(Self.inserts), at: i)
            case 6:
                var c = Array(lines[i])
                if !c.isEmpty { c[rng.below(c.count)] = rng.pick(["\t", " ", "-", "9", "é", "\u{0}", "#"]) }
                lines[i] = String(c)
            default: lines[i] = ""
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// SplitMix64, seeded: every run corrupts the same way.
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
