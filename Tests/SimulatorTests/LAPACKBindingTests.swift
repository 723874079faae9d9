import CLAPACKE
import Glibc
import Simulator
import Testing

/// The LAPACK the simulator links must never read past its operands. Debian's OpenBLAS 0.3.21
/// does (zgemv_n, reached from zgesdd even at n = 1), which crashed this suite at random; the
/// package therefore loads the reference LAPACK/BLAS by full path (Sources/CLAPACKE/shim.h,
/// ReferenceLAPACK.swift). Here every matrix ends exactly at an unmapped guard page, so one byte
/// of over-read is a crash.
@Suite("LAPACK binding")
struct LAPACKBindingTests {
    @Test("the loaded BLAS and LAPACK are the reference libraries, and OpenBLAS is not loaded")
    func referenceLibraries() throws {
        // Run a BLAS-backed call first, so the libraries are certainly mapped.
        let lib = try ReferenceLAPACK.shared()
        var s = [Double](repeating: 0, count: 1)
        var a = [qb_complex_double(real: 2, imag: 0)], u = a, vt = a
        #expect(lib.zgesdd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "A")), 1, 1, &a, 1, &s, &u, 1, &vt, 1) == 0)
        guard let file = fopen("/proc/self/maps", "r") else { Issue.record("no /proc/self/maps"); return }
        defer { fclose(file) }
        var maps = "", line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), file) != nil {
            maps += String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        #expect(maps.contains("/blas/libblas.so.3"))
        #expect(maps.contains("/lapack/liblapack.so.3"))
        #expect(!maps.contains("openblas"))
    }

    @Test("zgesdd reads nothing past its input matrix", arguments: [1, 2, 3, 5, 8, 17, 40])
    func noOverRead(_ n: Int) throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = MemoryLayout<qb_complex_double>.stride * n * n
        let span = (bytes + page - 1) / page * page
        guard let base = mmap(nil, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              base != MAP_FAILED else { Issue.record("mmap failed"); return }
        defer { munmap(base, span + page) }
        #expect(mprotect(base + span, page, PROT_NONE) == 0)
        let a = (base + span - bytes).bindMemory(to: qb_complex_double.self, capacity: n * n)
        for i in 0..<(n * n) { a[i] = qb_complex_double(real: Double(i % 7) - 3, imag: Double(i % 5) / 2) }
        var s = [Double](repeating: 0, count: n)
        var u = [qb_complex_double](repeating: .init(), count: n * n), vt = u
        let status = try ReferenceLAPACK.shared().zgesdd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "A")), Int32(n), Int32(n),
                                    a, Int32(n), &s, &u, Int32(n), &vt, Int32(n))
        #expect(status == 0)
        #expect(s.allSatisfy { $0.isFinite && $0 >= 0 })
    }

    @Test("every entry point resolves into the reference files, and the simulator's products go through them")
    func entryPointsResolveToReferenceFiles() throws {
        let lib = try ReferenceLAPACK.shared()
        let lapack = ReferenceLAPACK.realPath(ReferenceLAPACK.lapackPath)
        let blas = ReferenceLAPACK.realPath(ReferenceLAPACK.blasPath)
        #expect(lapack.contains("/lapack/liblapack.so.3"))
        #expect(blas.contains("/blas/libblas.so.3"))
        #expect(lib.files == [ReferenceLAPACK.realPath(ReferenceLAPACK.lapackePath), lapack, blas])
        // The Fortran kernels under LAPACKE and CBLAS, looked up from the process: only the reference files.
        let zgemm = unsafeBitCast(lib.zgemm, to: UnsafeRawPointer.self)
        #expect(ReferenceLAPACK.mappedFile(containing: zgemm) == blas)
        // No LAPACK in the global scope (the binding is RTLD_LOCAL): nothing can shadow it.
        #expect(dlsym(nil, "zgesdd_") == nil)
        // A product and a decomposition through the bound libraries give the textbook answers.
        let m = CMatrix(rows: 2, cols: 2) { i, j in Cx(Double(i + 2 * j + 1), Double(i - j)) }
        let p = try m * CMatrix.identity(2)
        #expect(p == m)
        let values = try LinearAlgebra.eigvalsh(CMatrix(rows: 2, cols: 2) { i, j in i == j ? Cx(2) : Cx(1) })
        #expect(Swift.abs(values[0] - 1) < 1e-15 && Swift.abs(values[1] - 3) < 1e-15)
    }
}
