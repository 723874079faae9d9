// Progress for commands that run longer than a second: an elapsed-time status line on stderr,
// redrawn in place and erased when the command ends, shown only when stderr is a terminal. In a
// pipe or a file nothing is written, so scripts see only the command's output.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class Progress: @unchecked Sendable {   // mutable state only under `lock`
    /// Whether stderr is a terminal (fixed for the process).
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1
    /// The progress of the running command, for a command that wants to say more than the time.
    @TaskLocal static var current: Progress?

    private let lock = NSLock()
    private let label: String
    private let start = Date()
    private let delay: TimeInterval
    private var status = ""
    private var finished = false
    private var drawn = false

    /// Starts the ticker when `enabled` (default: stderr is a terminal); it first draws after `delay` seconds.
    init(label: String, enabled: Bool = Progress.stderrIsTerminal, delay: TimeInterval = 1) {
        self.label = label
        self.delay = delay
        guard enabled else { finished = true; return }
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                lock.lock()
                if finished { lock.unlock(); return }
                let elapsed = Date().timeIntervalSince(start)
                if elapsed >= self.delay {
                    let text = String(format: "%@ … %.0f s", label, elapsed) + (status.isEmpty ? "" : "  \(status)")
                    Self.write("\r\u{1B}[2K" + text)
                    drawn = true
                }
                lock.unlock()
            }
        }
    }

    /// What the command is doing now ("row 12/46"); shown next to the elapsed time.
    func update(_ text: String) {
        lock.lock(); status = text; lock.unlock()
    }

    /// Stops the ticker and erases its line.
    func finish() {
        lock.lock()
        if drawn { Self.write("\r\u{1B}[2K") }
        finished = true
        drawn = false
        lock.unlock()
    }

    /// A permanent progress line (erases the ticker's line first; nothing outside a terminal).
    static func line(_ text: String) {
        guard stderrIsTerminal else { return }
        write("\r\u{1B}[2K" + text + "\n")
    }

    private static func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}

/// Holds back everything written to file descriptor 1 (print, stdio, FileHandle alike) in a pipe
/// drained by a thread, and writes it to the real stdout on `release()`.
final class OutputCapture: @unchecked Sendable {   // `data` only under `lock`
    private let saved: Int32
    private let readEnd: Int32
    private let lock = NSLock()
    private var data = Data()
    private let drained = DispatchSemaphore(value: 0)

    init?() {
        fflush(nil)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        let saved = dup(STDOUT_FILENO)
        guard saved >= 0, dup2(fds[1], STDOUT_FILENO) >= 0 else { close(fds[0]); close(fds[1]); return nil }
        close(fds[1])
        self.saved = saved
        self.readEnd = fds[0]
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n <= 0 { break }
                lock.lock(); data.append(contentsOf: buffer[0..<n]); lock.unlock()
            }
            drained.signal()
        }
    }

    /// Restores stdout (closing the pipe's last write end), waits for the drain, writes what was held.
    func release() {
        fflush(nil)
        dup2(saved, STDOUT_FILENO)
        close(saved)
        drained.wait()
        close(readEnd)
        lock.lock(); let held = data; lock.unlock()
        held.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
