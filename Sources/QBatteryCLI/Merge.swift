import ArgumentParser
import Foundation
import Reproduction

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard files of `qbattery reproduce --shard i/n` into the single-run figure files.")

    @Argument(help: "Shard files (DIR/shards/*.txt).")
    var files: [String]

    @Option(help: "Output directory.")
    var out: String = "Reference/figures"

    func run() throws {
        do {
            try merge()
        } catch let e as ReproductionError {
            throw exitForReproduction(e)
        }
    }

    func merge() throws {
        do {
            var inputs: [(path: String, contents: String)] = []
            for f in files { inputs.append((f, try AtomicFile.read(f))) }
            let merged = try Reproducer.merge(inputs)
            try Reproducer.write(merged, to: out)
            for f in merged { print("\(out)/\(f.name)") }
        }
    }
}
