// Exact null spaces and steady states of a generator, block by block. Structure before size:
// the generator is split into the connected components of its sparsity graph (for an
// excitation-conserving model these are the U(1) charge sectors n(i) − n(j), found, not
// assumed), and each block is row-reduced exactly over Q(i)(y, …) (canonical forms decide
// every pivot) unless a modular rank certificate (ModularScreen) shows it has no kernel at all.
// The steady state from ρ0 is the projector onto ker L along ran L,
//   P = K (Cᵀ K)⁻¹ Cᵀ,  K a basis of ker L, C of ker Lᵀ (the conserved quantities),
// which exists iff 0 is a semisimple eigenvalue (true for Lindbladians; checked: Cᵀ K invertible).
// Route per block (`KernelMethod.automatic`): the kernel reconstructed from modular images and
// verified exactly (InterpolatedKernel; an image of full rank proves there is none), else the
// modular certificate of full rank (ModularScreen), else elimination.
// Steady states first try the restriction to an invariant subspace holding ρ0 (InvariantSubspace).
import BigNumerics
import Operators
import RealModule

public struct ExactKernel: Sendable {
    public let dimension: Int
    /// Invariant blocks (indices of vec ρ, i + d·j).
    public let blocks: [[Int]]
    /// Kernel vectors, each a sparse map vec index → value, grouped per block.
    public let kernel: [[[Int: ExactScalar]]]
    public var kernelDimension: Int { kernel.reduce(0) { $0 + $1.count } }
    /// How each block's kernel was found (parallel to `blocks`).
    public var routes: [KernelBlockRoute] = []
    /// Each kernel vector as a d×d matrix.
    public var kernelMatrices: [Matrix<ExactScalar>] {
        kernel.flatMap { $0 }.map { v in
            var m = Matrix<ExactScalar>(rows: dimension, cols: dimension)
            for (k, x) in v { m[k % dimension, k / dimension] = x }
            return m
        }
    }
}

/// How the kernel of one invariant block was found.
public enum KernelBlockRoute: Sendable, Equatable {
    /// A modular image of full rank: no kernel.
    case fullRank
    /// Reconstructed from images at `points` points mod `primes` primes, then verified exactly.
    case interpolated(points: Int, primes: Int)
    /// Gauss–Jordan elimination over Q(i)(y, …).
    case eliminated
}

/// Which exact route the kernel and steady-state functions take. Both give identical results.
public enum KernelMethod: Sendable, Equatable {
    /// Symmetry reduction (steady states), modular images with interpolation checked exactly, and
    /// elimination where those do not apply.
    case automatic
    /// Elimination over Q(i)(y, …) on every block that is not certainly of full rank.
    case elimination
}

public enum ExactLinearAlgebra {
    /// Kernel of one block by `method` (see `KernelBlockRoute`). `check(what, bytes)` is the memory
    /// guard: called with the elimination estimate exactly when the block falls back to elimination;
    /// the interpolation gives up (and falls back) when its samples would exceed `limit`.
    static func blockNullSpace<E: Error>(_ m: Matrix<ExactScalar>, method: KernelMethod, limit: Double = .infinity,
                                         check: (String, Double) throws(E) -> Void) throws(E)
        -> (basis: [[ExactScalar]], route: KernelBlockRoute) {
        if method == .automatic {
            let budget = limit - MemoryGuard.workingSetBytes - MemoryGuard.interpolationImages(size: m.rows, nonzeros: m.storage.count { !$0.isZero })
            if let o = InterpolatedKernel.nullSpace(of: m, sampleBudget: budget) {
                return o.basis.isEmpty ? ([], .fullRank) : (o.basis, .interpolated(points: o.points, primes: o.primes))
            }
        }
        if ModularScreen.certainlyFullRank(m) { return ([], .fullRank) }
        try check("elimination of a \(m.rows)×\(m.cols) invariant block", MemoryGuard.elimination(m))
        return (m.nullSpace(), .eliminated)
    }

    static func blockNullSpace(_ m: Matrix<ExactScalar>, method: KernelMethod) -> (basis: [[ExactScalar]], route: KernelBlockRoute) {
        blockNullSpace(m, method: method) { (_: String, _: Double) throws(Never) in }
    }

    /// Checks the images estimate of the interpolated route for block `indices` before it is built.
    static func checkImages<E: Error>(_ columns: [[Int: ExactScalar]], _ indices: [Int], method: KernelMethod,
                                      check: (String, Double) throws(E) -> Void) throws(E) {
        guard method == .automatic else { return }
        let members = Set(indices)
        var z = 0
        for k in indices { z += columns[k].keys.count { members.contains($0) } }
        let n = indices.count
        try check("modular images of a \(n)×\(n) invariant block", MemoryGuard.interpolationImages(size: n, nonzeros: z))
    }

    /// The dense block of L on `indices` from its sparse columns.
    static func block(_ columns: [[Int: ExactScalar]], _ indices: [Int]) -> Matrix<ExactScalar> {
        var pos: [Int: Int] = [:]
        for (p, k) in indices.enumerated() { pos[k] = p }
        var m = Matrix<ExactScalar>(rows: indices.count, cols: indices.count)
        for (c, k) in indices.enumerated() { for (r, x) in columns[k] { if let p = pos[r] { m[p, c] = x } } }
        return m
    }

    /// ker L, block by block, without a memory limit.
    public static func kernel(of l: SparseLindbladian<ExactScalar>, method: KernelMethod = .automatic) -> ExactKernel {
        guardedKernel(of: l, method: method, limit: .infinity) { (_: String, _: Double) throws(Never) in }
    }

    /// ker L, block by block, refused with `.tooLarge` when the route that runs would need more than
    /// `memoryLimit` bytes (see MemoryGuard.swift for what is estimated where).
    public static func kernel(of l: SparseLindbladian<ExactScalar>, method: KernelMethod = .automatic,
                              memoryLimit: Double) throws(DerivationError) -> ExactKernel {
        let g = MemoryGuard(limit: memoryLimit, dimension: l.dimension)
        return try guardedKernel(of: l, method: method, limit: memoryLimit) { (what, bytes) throws(DerivationError) in
            try g.check(what, bytes: bytes)
        }
    }

    static func guardedKernel<E: Error>(of l: SparseLindbladian<ExactScalar>, method: KernelMethod, limit: Double,
                                        check: (String, Double) throws(E) -> Void) throws(E) -> ExactKernel {
        // the sparse columns stay while each block is solved: their bytes are added to every block's estimate
        let base = limit < .infinity ? MemoryGuard.sparseColumns(of: l) : 0
        try check("sparse columns of the generator", base)
        let withColumns = { (what: String, bytes: Double) throws(E) in try check(what, base + bytes) }
        let (blocks, columns) = l.invariantBlocks()
        var kernel: [[[Int: ExactScalar]]] = []
        var routes: [KernelBlockRoute] = []
        for b in blocks {
            try checkImages(columns, b, method: method, check: withColumns)
            let (ns, route) = try blockNullSpace(block(columns, b), method: method, limit: limit - base, check: withColumns)
            routes.append(route)
            kernel.append(ns.map { v in
                var out: [Int: ExactScalar] = [:]
                for (p, x) in v.enumerated() where !x.isZero { out[b[p]] = x }
                return out
            })
        }
        var out = ExactKernel(dimension: l.dimension, blocks: blocks, kernel: kernel)
        out.routes = routes
        return out
    }

    /// lim_{t→∞} e^{tL} ρ0 = P vec ρ0 (see the file comment), using only the blocks ρ0 touches.
    public static func steadyState(of l: SparseLindbladian<ExactScalar>, initial rho0: Matrix<ExactScalar>,
                                   method: KernelMethod = .automatic,
                                   memoryLimit: Double = .infinity) throws(DerivationError) -> Matrix<ExactScalar> {
        let d = l.dimension
        let memory = MemoryGuard(limit: memoryLimit, dimension: d)
        if rho0.rows != d || rho0.cols != d {
            throw .invalidParameter(name: "initial", value: "\(rho0.rows)x\(rho0.cols)", allowed: "a \(d)x\(d) density matrix")
        }
        if method == .automatic, let reduced = try InvariantSubspace.steadyState(of: l, initial: rho0, memory: memory) { return reduced }
        let base = memory.isUnlimited ? 0 : MemoryGuard.sparseColumns(of: l)
        try memory.check("sparse columns of the generator", bytes: base)
        let (blocks, columns) = l.invariantBlocks()
        let x = try projectOntoKernel(columns: columns, blocks: blocks, vector: rho0.storage, method: method, memory: memory, held: base)
        var out = Matrix<ExactScalar>(rows: d, cols: d)
        for (k, v) in x { out[k % d, k / d] = v }
        return out
    }

    /// P x for the spectral projector P onto ker L along ran L, block by block (only the blocks x touches).
    static func projectOntoKernel(columns: [[Int: ExactScalar]], blocks: [[Int]], vector: [ExactScalar],
                                  method: KernelMethod, memory: MemoryGuard, held: Double = 0) throws(DerivationError) -> [Int: ExactScalar] {
        var out: [Int: ExactScalar] = [:]
        // `held`: bytes the caller keeps meanwhile (the sparse columns), added to every estimate
        let check = { (what: String, bytes: Double) throws(DerivationError) in try memory.check(what, bytes: held + bytes) }
        for b in blocks where b.contains(where: { !vector[$0].isZero }) {
            try checkImages(columns, b, method: method, check: check)
            let lb = block(columns, b)
            let k = try blockNullSpace(lb, method: method, limit: memory.limit - held, check: check).basis
            if k.isEmpty { continue }
            let c = try blockNullSpace(lb.transpose, method: method, limit: memory.limit - held, check: check).basis
            if c.count != k.count { throw .notApplicable(reason: "zero eigenvalue of the generator is not semisimple (left and right kernels differ)") }
            let km = Matrix(rows: b.count, cols: k.count) { i, j in k[j][i] }
            let ct = Matrix(rows: c.count, cols: b.count) { i, j in c[i][j] }
            let x = Matrix.column(b.map { vector[$0] })
            let g = try op { () throws(OperatorError) in try ct * km }
            let coefficients: Matrix<ExactScalar>
            do { coefficients = try g.solving(ct * x) } catch { throw .notApplicable(reason: "zero eigenvalue of the generator is not semisimple (Cᵀ K singular)") }
            let y = try op { () throws(OperatorError) in try km * coefficients }
            for (p, idx) in b.enumerated() where !y[p, 0].isZero { out[idx] = y[p, 0] }
        }
        return out
    }

    /// Checks L(ρ) = 0 exactly (the substitution back).
    public static func isStationary(_ rho: Matrix<ExactScalar>, under l: SparseLindbladian<ExactScalar>) -> Bool {
        let d = l.dimension
        var acc: [Int: ExactScalar] = [:]
        for k in 0..<(d * d) where !rho.storage[k].isZero {
            for (r, x) in l.column(k % d, k / d) { acc[r] = (acc[r] ?? .zero) + x * rho.storage[k] }
        }
        return acc.values.allSatisfy(\.isZero)
    }
}
