import ArgumentParser
import Foundation
import Reproduction

/// Bad input (unknown figure, bad shard, samples < 1, unreadable shards) exits with status 2.
func exitForReproduction(_ e: ReproductionError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(e)\n".utf8))
    switch e {
    case .io, .simulator: return ExitCode(1)
    default: return ExitCode(2)
    }
}

func progressToStderr(_ message: String) {
    Progress.line("[reproduce] \(message)")
}

struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Regenerate the figures of both papers (CSV data + SVG plots).",
        discussion: """
        Figures: \(Reproducer.identifiers.joined(separator: ", ")), or all (default).
        With --shard i/n only the work items with index ≡ i−1 (mod n) are computed and written to
        DIR/shards/; `qbattery merge DIR/shards/*` then writes exactly the single-run files.
        """)

    @Argument(help: "Figure identifiers, or 'all'.")
    var figures: [String] = []

    @Option(help: "Output directory.")
    var out: String = "Reference/figures"

    @Option(help: "Run a deterministic slice i/n of the work (1 ≤ i ≤ n).")
    var shard: String?

    @Option(help: "Seed of the random-state study.")
    var seed: UInt64 = 20_240_601

    @Option(help: "Samples per N and ensemble in the random-state study.")
    var samples: Int = 100_000

    @Option(help: "Concurrent workers (default: active processor count; results do not depend on it).")
    var workers: Int?

    @Flag(help: "List the figures and exit.")
    var list = false

    func run() throws {
        if list {
            for f in Reproducer.catalogue { print("\(f.id)\t\(f.summary)") }
            return
        }
        do {
            try reproduce()
        } catch let e as ReproductionError {
            throw exitForReproduction(e)
        }
    }

    func reproduce() throws {
        let jobs = try Reproducer.select(figures)
        let settings = try ReproductionSettings(seed: seed, samples: samples,
                                                workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        var shardSpec: Shard? = nil
        if let s = shard { shardSpec = try Shard(parsing: s) }
        let started = Date()
        for job in jobs {
            let t0 = Date()
            progressToStderr("\(job.id): \(job.summary)")
            let files = try Self.compute(job, settings, shardSpec)
            try Reproducer.write(files, to: out)
            progressToStderr(String(format: "%@: %d file(s) in %.1f s", job.id, files.count, Date().timeIntervalSince(t0)))
        }
        progressToStderr(String(format: "done in %.1f s → %@", Date().timeIntervalSince(started), out))
    }

    static func compute(_ job: any FigureJob, _ settings: ReproductionSettings, _ shard: Shard?) throws -> [FigureFile] {
        if let sh = shard {
            return try Reproducer.blocking { try await Reproducer.runShard([job], settings, shard: sh, progress: progressToStderr) }
        }
        return try Reproducer.blocking { try await Reproducer.run([job], settings, progress: progressToStderr) }
    }
}
