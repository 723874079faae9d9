// Debian's reference (netlib) LAPACK, LAPACKE and BLAS, loaded once per process from their fixed
// paths and bound by dlsym (why, and why not by linking: Sources/CLAPACKE/shim.h). The libraries
// are opened RTLD_LOCAL, so they never replace or shadow another LAPACK the host program uses;
// after loading, the binding is checked: the LAPACK under LAPACKE and the BLAS under LAPACK must be
// the reference files, and no other LAPACK/BLAS may sit in the global scope (it would win symbol
// resolution). Any failure is a typed `SimulatorError.lapackUnavailable` naming the file.
import CLAPACKE
#if canImport(Glibc)
import Glibc
#endif

/// The reference LAPACK/BLAS entry points the simulator calls.
public struct ReferenceLAPACK: @unchecked Sendable {   // immutable C function pointers
    public let zheevd: qb_LAPACKE_zheevd_fn
    public let zgesv: qb_LAPACKE_zgesv_fn
    public let zgesdd: qb_LAPACKE_zgesdd_fn
    public let zgeev: qb_LAPACKE_zgeev_fn
    public let zgemm: qb_cblas_zgemm_fn
    /// The files the entry points resolved to (real paths): LAPACKE, LAPACK, BLAS.
    public let files: [String]

    /// Debian's multiarch library directory of this machine.
    public static var libraryDirectory: String {
        #if arch(arm64)
        return "/usr/lib/aarch64-linux-gnu"
        #elseif arch(i386)
        return "/usr/lib/i386-linux-gnu"
        #else
        return "/usr/lib/x86_64-linux-gnu"
        #endif
    }
    /// Reference BLAS (package libblas3); the `blas/` directory is the reference one whatever
    /// `update-alternatives` selects for libblas.so.3.
    public static var blasPath: String { "\(libraryDirectory)/blas/libblas.so.3" }
    /// Reference LAPACK (package liblapack3).
    public static var lapackPath: String { "\(libraryDirectory)/lapack/liblapack.so.3" }
    /// LAPACKE (package liblapacke), the C interface over the LAPACK loaded before it.
    public static var lapackePath: String { "\(libraryDirectory)/liblapacke.so.3" }

    private static let loaded: Result<ReferenceLAPACK, SimulatorError> = {
        do throws(SimulatorError) { return .success(try load()) } catch { return .failure(error) }
    }()

    /// The bound libraries; loads them on first use (thread-safe, once per process).
    public static func shared() throws(SimulatorError) -> ReferenceLAPACK { try loaded.get() }

    private static func load() throws(SimulatorError) -> ReferenceLAPACK {
        #if os(Linux)
        // Dependencies first: LAPACKE's NEEDED liblapack.so.3 / libblas.so.3 then match these
        // already-loaded objects by soname instead of going through the alternatives symlinks.
        let blas = try open(blasPath)
        let lapack = try open(lapackPath)
        let lapacke = try open(lapackePath)
        let lib = ReferenceLAPACK(
            zheevd: unsafeBitCast(try symbol(lapacke, "LAPACKE_zheevd", in: lapackePath), to: qb_LAPACKE_zheevd_fn.self),
            zgesv: unsafeBitCast(try symbol(lapacke, "LAPACKE_zgesv", in: lapackePath), to: qb_LAPACKE_zgesv_fn.self),
            zgesdd: unsafeBitCast(try symbol(lapacke, "LAPACKE_zgesdd", in: lapackePath), to: qb_LAPACKE_zgesdd_fn.self),
            zgeev: unsafeBitCast(try symbol(lapacke, "LAPACKE_zgeev", in: lapackePath), to: qb_LAPACKE_zgeev_fn.self),
            zgemm: unsafeBitCast(try symbol(blas, "cblas_zgemm", in: blasPath), to: qb_cblas_zgemm_fn.self),
            files: [realPath(lapackePath), realPath(lapackPath), realPath(blasPath)])
        // What LAPACKE's and LAPACK's own calls reach.
        for name in ["zheevd_", "zgesv_", "zgesdd_", "zgeev_"] {
            try expect(symbol: name, from: lapacke, toLiveIn: lapackPath)
        }
        try expect(symbol: "zgemm_", from: lapack, toLiveIn: blasPath)
        // The global scope comes first in ELF symbol resolution: another LAPACK/BLAS there would win.
        for name in ["zheevd_", "zgesv_", "zgesdd_", "zgeev_", "zgemm_", "cblas_zgemm"] {
            if let other = dlsym(nil, name), let file = mappedFile(containing: UnsafeRawPointer(other)),
               file != realPath(lapackPath), file != realPath(blasPath) {
                throw .lapackUnavailable(library: file, reason: "it exports \(name) into the global symbol scope, which would take precedence over the reference LAPACK/BLAS")
            }
        }
        return lib
        #else
        throw .lapackUnavailable(library: lapackPath, reason: "only Debian's multiarch layout is supported")
        #endif
    }

    private static func open(_ path: String) throws(SimulatorError) -> UnsafeMutableRawPointer {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw .lapackUnavailable(library: path, reason: reason)
        }
        return handle
    }

    private static func symbol(_ handle: UnsafeMutableRawPointer, _ name: String, in path: String) throws(SimulatorError) -> UnsafeMutableRawPointer {
        guard let p = dlsym(handle, name) else {
            throw .lapackUnavailable(library: path, reason: "symbol \(name) not found")
        }
        return p
    }

    private static func expect(symbol name: String, from handle: UnsafeMutableRawPointer, toLiveIn path: String) throws(SimulatorError) {
        let p = try symbol(handle, name, in: path)
        let file = mappedFile(containing: UnsafeRawPointer(p)) ?? "an unknown mapping"
        if file != realPath(path) {
            throw .lapackUnavailable(library: file, reason: "\(name) resolved there instead of the reference \(path) (another library with the same soname was loaded first)")
        }
    }

    /// `path` with symbolic links resolved (how /proc/self/maps names a file).
    public static func realPath(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// The file mapped at `address`, from /proc/self/maps ("start-end perms offset dev inode path").
    public static func mappedFile(containing address: UnsafeRawPointer) -> String? {
        guard let file = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(file) }
        let target = UInt(bitPattern: address)
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let fields = text.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let lo = UInt(range[0], radix: 16), let hi = UInt(range[1], radix: 16) else { continue }
            if lo <= target && target < hi {
                return String(fields[5].drop { $0 == " " })
            }
        }
        return nil
    }
}
