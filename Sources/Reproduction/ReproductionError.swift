// Typed errors of the reproduction layer: every refusal names what was wrong and what is allowed,
// so the CLI can print it and exit with status 2 (bad input) without a crash.
import Simulator

public enum ReproductionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A figure identifier that is not in `FigureCatalogue`.
    case unknownFigure(String, known: [String])
    /// `--shard i/n` not of the form i/n with 1 ≤ i ≤ n.
    case badShard(String)
    /// A parameter outside its range (samples < 1, N < 1, …).
    case invalidParameter(name: String, value: String, allowed: String)
    /// A shard file that cannot be read or parsed, or shards that do not fit together.
    case badShardFile(path: String, reason: String)
    /// A work item's payload that its figure cannot read (`merge` reports it as a `badShardFile`
    /// at the line the item starts).
    case badPayload(figure: String, item: Int, reason: String)
    /// Shards given to `merge` do not cover every work item exactly once.
    case incompleteShards(figure: String, missing: [Int], duplicated: [Int])
    /// Writing an output file failed.
    case io(path: String, reason: String)
    /// A simulator call refused its input (wrapped so callers see one error type).
    case simulator(SimulatorError)

    public var description: String {
        switch self {
        case let .unknownFigure(name, known):
            return "unknown figure '\(name)'; known: \(known.joined(separator: ", ")), all"
        case let .badShard(spec):
            return "bad shard '\(spec)'; expected i/n with integers 1 <= i <= n (e.g. 2/8)"
        case let .invalidParameter(name, value, allowed):
            return "invalid \(name) = \(value); allowed: \(allowed)"
        case let .badShardFile(path, reason):
            return "shard file \(path): \(reason)"
        case let .badPayload(figure, item, reason):
            return "\(figure), item \(item): \(reason)"
        case let .incompleteShards(figure, missing, duplicated):
            return "shards of \(figure) do not fit: missing items \(missing.prefix(10)), duplicated items \(duplicated.prefix(10))"
        case let .io(path, reason):
            return "cannot write \(path): \(reason)"
        case let .simulator(e):
            return "simulator: \(e)"
        }
    }
}

/// Runs a simulator call and wraps its typed error.
@inline(__always)
func sim<T>(_ body: () throws(SimulatorError) -> T) throws(ReproductionError) -> T {
    do { return try body() } catch { throw .simulator(error) }
}
