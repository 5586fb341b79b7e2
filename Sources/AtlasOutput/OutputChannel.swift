import Foundation

/// Why output could not be delivered.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The reader of a pipe went away (`parole … | head`): nothing more can be delivered, and nothing is wrong.
        case closedPipe
        /// The output could not be written: the user must hear of it.
        case cannotWrite
    }

    public var kind: Kind
    /// The file named by the user, or "standard output".
    public var place: String
    public var message: String

    public var description: String { "\(place): \(message)" }
}

/// Where a command's output goes: standard output, or a file that is written whole or not at all.
///
/// A file target is written to a temporary file in the same folder, flushed to disk, and renamed over the target
/// only when the target is absent or a regular file (a link is followed to its file). A folder, a socket or a block
/// device is never removed, renamed or written: naming one is an error before anything is written. A FIFO or a
/// character device (`/dev/null`, a terminal) is written directly, as a shell redirection would. Every failed
/// write, to standard output too, is reported. Until `finish()`, the target is untouched; if the command fails or
/// is interrupted (SIGINT, SIGTERM, SIGHUP), the temporary file is removed.
///
/// One channel is used by one thread at a time (the batch hands it from the reading thread to its writer queue).
public final class OutputChannel: @unchecked Sendable {
    private enum Target {
        case standardOutput
        /// Written directly: a FIFO or a character device.
        case stream(path: String)
        /// A temporary file renamed over `final` by `finish()`.
        case file(final: String, temporary: String)
    }

    private let target: Target
    private let place: String
    private var descriptor: Int32
    private var finished = false

    /// Opens the output: standard output for `nil` or `-`, else the file at `path`.
    public init(path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            target = .standardOutput
            place = "standard output"
            descriptor = STDOUT_FILENO
            return
        }
        place = path
        let plan = try OutputPath.plan(path)
        switch plan {
        case .stream(let resolved):
            let fd = Foundation.open(resolved, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError.cannotOpen(path, errno) }
            descriptor = fd
            target = .stream(path: resolved)
        case .replace(let resolved, let mode):
            let (fd, temporary) = try OutputPath.createTemporary(beside: resolved, place: path)
            if let mode { _ = fchmod(fd, mode) }
            descriptor = fd
            target = .file(final: resolved, temporary: temporary)
            InterruptCleanup.register(temporary)
        case .refuse(let reason):
            throw OutputError(kind: .cannotWrite, place: path, message: reason)
        }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Writes `text` in UTF-8.
    public func write(_ text: String) throws(OutputError) {
        var text = text
        let failure: OutputError? = text.withUTF8 { bytes in
            do throws(OutputError) { try write(bytes: UnsafeRawBufferPointer(bytes)) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` as they are (a DOCX or XLSX file, a CSV with its byte order mark), with the same guarantees
    /// as text: a file target is complete or untouched.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        let failure: OutputError? = bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try write(bytes: raw) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Whether the output goes to a terminal, where a binary file would only scramble the screen.
    public var isTerminal: Bool {
        switch target {
        case .standardOutput, .stream: isatty(descriptor) == 1
        case .file: false
        }
    }

    /// Writes every byte, retrying short writes and interruptions.
    public func write(bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var done = 0
        while done < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE { throw OutputError(kind: .closedPipe, place: place, message: "closed pipe") }
                throw OutputError(kind: .cannotWrite, place: place, message: "cannot write the output ("
                    + String(cString: strerror(code)) + ")" + Self.hint(code))
            }
            done += written
        }
    }

    /// Completes the output: a file target is flushed to disk and renamed over its target. Without this call,
    /// a file target is left as it was.
    public func finish() throws(OutputError) {
        guard !finished else { return }
        finished = true
        switch target {
        case .standardOutput:
            return
        case .stream:
            close(descriptor)
        case .file(let final, let temporary):
            defer { InterruptCleanup.unregister() }
            if fsync(descriptor) != 0 {
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw OutputError(kind: .cannotWrite, place: place, message: "cannot write the output ("
                    + String(cString: strerror(code)) + ")" + Self.hint(code))
            }
            close(descriptor)
            // Checked again just before the rename: a folder put in the target's place meanwhile is not replaced.
            if case .refuse(let reason)? = try? OutputPath.plan(final) {
                unlink(temporary)
                throw OutputError(kind: .cannotWrite, place: place, message: reason)
            }
            guard rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw OutputError(kind: .cannotWrite, place: place, message: "cannot replace the file ("
                    + String(cString: strerror(code)) + ")")
            }
            OutputPath.syncFolder(of: final)
        }
    }

    /// Drops what was written: the temporary file is removed and the target stays as it was.
    public func abandon() {
        finished = true
        switch target {
        case .standardOutput: return
        case .stream: close(descriptor)
        case .file(_, let temporary):
            close(descriptor)
            unlink(temporary)
            InterruptCleanup.unregister()
        }
    }

    static func hint(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "; free some space, or write elsewhere with --output"
        case EACCES, EPERM, EROFS: "; write somewhere you may write, with --output"
        default: ""
        }
    }
}

extension OutputError {
    static func cannotOpen(_ path: String, _ code: Int32) -> OutputError {
        OutputError(kind: .cannotWrite, place: path, message: "cannot write the output file ("
            + String(cString: strerror(code)) + ")" + OutputChannel.hint(code))
    }
}
