// Figure jobs, the run/shard/merge machinery and atomic output.
//
// Every figure is a list of independent work items. A single run computes all of them and then
// `finish`es; `--shard i/n` computes the items with index ≡ i−1 (mod n) and writes their exact
// payloads to a shard file; `merge` reads shard files, checks that every item is present exactly
// once with the same settings, and calls the same `finish` — so merged output is bit-identical to a
// single run by construction.
import Foundation
import Simulator

public struct FigureFile: Sendable, Equatable {
    public let name: String
    public let contents: String
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

public struct ReproductionSettings: Sendable, Equatable {
    /// Beyond this the item arithmetic of the study could overflow (and a run would take weeks).
    public static let maxSamples = 1_000_000_000
    /// Concurrent tasks; more would only queue.
    public static let maxWorkers = 4096
    public var seed: UInt64
    public var samples: Int
    public var workers: Int
    public init(seed: UInt64 = 20_240_601, samples: Int = 100_000, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ReproductionError) {
        if samples < 1 || samples > ReproductionSettings.maxSamples {
            throw .invalidParameter(name: "samples", value: "\(samples)", allowed: "1 ... \(ReproductionSettings.maxSamples)")
        }
        if workers < 1 || workers > ReproductionSettings.maxWorkers {
            throw .invalidParameter(name: "workers", value: "\(workers)", allowed: "1 ... \(ReproductionSettings.maxWorkers)")
        }
        self.seed = seed
        self.samples = samples
        self.workers = workers
    }
}

/// Progress messages (stderr in the CLI); called from one task at a time.
public typealias ProgressSink = @Sendable (String) -> Void

public protocol FigureJob: Sendable {
    var id: String { get }
    var summary: String { get }
    func itemCount(_ s: ReproductionSettings) throws(ReproductionError) -> Int
    func compute(items: [Int], _ s: ReproductionSettings, progress: ProgressSink?) async throws(ReproductionError) -> [Int: [String]]
    func finish(_ payloads: [Int: [String]], _ s: ReproductionSettings) throws(ReproductionError) -> [FigureFile]
}

/// A figure computed as one item whose payload is its files (deterministic figures).
public struct SingleItemFigure: FigureJob {
    public let id: String
    public let summary: String
    let build: @Sendable (ReproductionSettings, ProgressSink?) throws(ReproductionError) -> [FigureFile]

    public init(id: String, summary: String, build: @escaping @Sendable (ReproductionSettings, ProgressSink?) throws(ReproductionError) -> [FigureFile]) {
        self.id = id
        self.summary = summary
        self.build = build
    }

    public func itemCount(_ s: ReproductionSettings) -> Int { 1 }

    public func compute(items: [Int], _ s: ReproductionSettings, progress: ProgressSink?) async throws(ReproductionError) -> [Int: [String]] {
        if items.isEmpty { return [:] }
        let files = try build(s, progress)
        var lines: [String] = []
        for f in files {
            let body = f.contents.components(separatedBy: "\n")
            lines.append("file \(body.count) \(f.name)")
            lines += body
        }
        return [0: lines]
    }

    public func finish(_ payloads: [Int: [String]], _ s: ReproductionSettings) throws(ReproductionError) -> [FigureFile] {
        guard let lines = payloads[0] else { throw .incompleteShards(figure: id, missing: [0], duplicated: []) }
        var out: [FigureFile] = []
        var i = 0
        while i < lines.count {
            let head = lines[i].split(separator: " ", maxSplits: 2)
            guard head.count == 3, head[0] == "file", let n = Int(head[1]), n >= 0, n < lines.count - i else {
                throw .badPayload(figure: id, item: 0, reason: "malformed file record at payload line \(i + 1)")
            }
            out.append(FigureFile(name: String(head[2]), contents: lines[(i + 1)..<(i + 1 + n)].joined(separator: "\n")))
            i += 1 + n
        }
        return out
    }
}

public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(ReproductionError) {
        if count < 1 || index < 1 || index > count { throw .badShard("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses "i/n".
    public init(parsing spec: String) throws(ReproductionError) {
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else {
            throw .badShard(spec)
        }
        self.index = i
        self.count = n
    }

    public func items(of total: Int) -> [Int] { (0..<total).filter { $0 % count == index - 1 } }
    public var description: String { "\(index)/\(count)" }
}

public enum Reproducer {
    /// All figures in the order `all` runs them.
    public static var catalogue: [any FigureJob] { MayoFigures.all + CakmakFigures.all }

    public static var identifiers: [String] { catalogue.map { $0.id } }

    /// Figure jobs for identifiers (or "all"); unknown identifiers are a typed error.
    public static func select(_ names: [String]) throws(ReproductionError) -> [any FigureJob] {
        let cat = catalogue
        if names.isEmpty || names.contains("all") { return cat }
        var out: [any FigureJob] = []
        for n in names {
            guard let f = cat.first(where: { $0.id == n }) else { throw .unknownFigure(n, known: cat.map { $0.id }) }
            if !out.contains(where: { $0.id == n }) { out.append(f) }
        }
        return out
    }

    /// Runs figures completely and returns their files.
    public static func run(_ figures: [any FigureJob], _ s: ReproductionSettings, progress: ProgressSink? = nil) async throws(ReproductionError) -> [FigureFile] {
        var files: [FigureFile] = []
        for f in figures {
            let n = try f.itemCount(s)
            let payloads = try await f.compute(items: Array(0..<n), s, progress: progress)
            files += try f.finish(payloads, s)
        }
        return files
    }

    /// Writes files atomically into `directory`.
    public static func write(_ files: [FigureFile], to directory: String) throws(ReproductionError) {
        for f in files { try AtomicFile.write(f.contents, to: directory + "/" + f.name) }
    }

    // MARK: shards

    static let magic = "qbattery-shard 1"

    /// Computes one shard of each figure; returns the shard files (name, contents).
    public static func runShard(_ figures: [any FigureJob], _ s: ReproductionSettings, shard: Shard,
                                progress: ProgressSink? = nil) async throws(ReproductionError) -> [FigureFile] {
        var out: [FigureFile] = []
        for f in figures {
            let total = try f.itemCount(s)
            let mine = shard.items(of: total)
            let payloads = try await f.compute(items: mine, s, progress: progress)
            var text = "\(magic)\nfigure \(f.id)\nseed \(s.seed)\nsamples \(s.samples)\nitems \(total)\nshard \(shard)\n"
            for i in mine {
                let lines = payloads[i] ?? []
                text += "item \(i) \(lines.count)\n"
                for l in lines { text += l + "\n" }
            }
            text += "end\n"
            out.append(FigureFile(name: "shards/\(f.id).shard-\(shard.index)-of-\(shard.count).txt", contents: text))
        }
        return out
    }

    /// Merges shard files (path, contents) into the single-run files of each figure they cover.
    /// Every refusal names the file and the line (`badShardFile`), or the figure and the items
    /// that are missing or duplicated.
    public static func merge(_ shardFiles: [(path: String, contents: String)], jobs: [any FigureJob]? = nil) throws(ReproductionError) -> [FigureFile] {
        struct Acc {
            var job: any FigureJob
            var settings: ReproductionSettings
            var total: Int
            var payloads: [Int: [String]] = [:]
            /// Where each item's record starts: file and 1-based line.
            var origin: [Int: (path: String, line: Int)] = [:]
            var duplicated: [Int] = []
        }
        let cat = jobs ?? catalogue
        var byFigure: [String: Acc] = [:]
        var order: [String] = []
        for (path, text) in shardFiles {
            let lines = text.components(separatedBy: "\n")
            guard lines.count >= 7, lines[0] == magic else {
                throw .badShardFile(path: path, reason: "line 1: not a qbattery shard file (expected '\(magic)' and a six-line header)")
            }
            func value(_ i: Int, _ key: String) throws(ReproductionError) -> String {
                guard lines[i].hasPrefix(key + " ") else { throw .badShardFile(path: path, reason: "line \(i + 1): expected '\(key) …'") }
                return String(lines[i].dropFirst(key.count + 1))
            }
            let fig = try value(1, "figure")
            guard let job = cat.first(where: { $0.id == fig }) else { throw .unknownFigure(fig, known: cat.map { $0.id }) }
            guard let seed = UInt64(try value(2, "seed")) else { throw .badShardFile(path: path, reason: "line 3: the seed is not an integer 0 ... \(UInt64.max)") }
            guard let samples = Int(try value(3, "samples")) else { throw .badShardFile(path: path, reason: "line 4: samples is not an integer") }
            let settings: ReproductionSettings
            do { settings = try ReproductionSettings(seed: seed, samples: samples, workers: 1) } catch {
                throw .badShardFile(path: path, reason: "line 4: \(error)")
            }
            guard let total = Int(try value(4, "items")) else { throw .badShardFile(path: path, reason: "line 5: items is not an integer") }
            let expected = try job.itemCount(settings)
            guard total == expected else {
                throw .badShardFile(path: path, reason: "line 5: items \(total), but \(fig) has \(expected) items at these settings")
            }
            _ = try value(5, "shard")
            var acc = byFigure[fig] ?? Acc(job: job, settings: settings, total: total)
            if byFigure[fig] == nil {
                order.append(fig)
            } else if acc.settings.seed != seed || acc.settings.samples != samples {
                throw .badShardFile(path: path, reason: "line 3: seed or samples (line 4) differ from other shards of \(fig)")
            }
            try parseItems(lines, from: 6, path: path, into: &acc.payloads, origin: &acc.origin, total: total, duplicated: &acc.duplicated)
            byFigure[fig] = acc
        }
        var files: [FigureFile] = []
        for fig in order {
            guard let acc = byFigure[fig] else { continue }
            let missing = (0..<acc.total).filter { acc.payloads[$0] == nil }
            if !missing.isEmpty || !acc.duplicated.isEmpty {
                throw .incompleteShards(figure: fig, missing: missing, duplicated: acc.duplicated)
            }
            do {
                files += try acc.job.finish(acc.payloads, acc.settings)
            } catch let .badPayload(figure, item, reason) {
                guard let at = acc.origin[item] else { throw .badPayload(figure: figure, item: item, reason: reason) }
                throw .badShardFile(path: at.path, reason: "line \(at.line): item \(item) of \(figure): \(reason)")
            }
        }
        return files
    }

    static func parseItems(_ lines: [String], from start: Int, path: String, into payloads: inout [Int: [String]],
                           origin: inout [Int: (path: String, line: Int)], total: Int, duplicated: inout [Int]) throws(ReproductionError) {
        var i = start
        while i < lines.count {
            let l = lines[i]
            if l == "end" { return }
            let f = l.split(separator: " ")
            guard f.count == 3, f[0] == "item", let idx = Int(f[1]), let n = Int(f[2]) else {
                throw .badShardFile(path: path, reason: "line \(i + 1): malformed item record (expected 'item INDEX LINES')")
            }
            guard idx >= 0, idx < total else {
                throw .badShardFile(path: path, reason: "line \(i + 1): item \(idx) outside 0 ... \(total - 1)")
            }
            guard n >= 0, n < lines.count - i else {
                throw .badShardFile(path: path, reason: "line \(i + 1): item \(idx) claims \(n) payload lines; \(lines.count - i - 1) follow")
            }
            if payloads[idx] != nil { duplicated.append(idx) }
            payloads[idx] = Array(lines[(i + 1)..<(i + 1 + n)])
            origin[idx] = (path, i + 1)
            i += 1 + n
        }
        throw .badShardFile(path: path, reason: "line \(lines.count): truncated (no 'end' line)")
    }

    /// Runs an async body from synchronous code (the CLI's commands are synchronous).
    public static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws(ReproductionError) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let r: Result<T, ReproductionError>
            do { r = .success(try await body()) } catch let e as ReproductionError { r = .failure(e) } catch {
                r = .failure(.invalidParameter(name: "task", value: "\(error)", allowed: "ReproductionError"))
            }
            box.set(r)
            done.signal()
        }
        done.wait()
        switch box.get() {
        case .success(let v)?: return v
        case .failure(let e)?: throw e
        case nil: throw .invalidParameter(name: "task", value: "no result", allowed: "completed task")
        }
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, ReproductionError>?
    func set(_ r: Result<T, ReproductionError>) { lock.lock(); result = r; lock.unlock() }
    func get() -> Result<T, ReproductionError>? { lock.lock(); defer { lock.unlock() }; return result }
}
