import Foundation

/// Why case input could not be used: the file could not be read (`unreadable`), or what it holds is not a case
/// (`invalid`). `place` names the file, and the line for a batch.
public struct CaseFileError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case unreadable, invalid }
    public var kind: Kind
    public var place: String
    public var message: String

    public init(_ kind: Kind = .invalid, place: String, message: String) {
        self.kind = kind
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}

/// Opens input files the way a user means them: a regular file, standard input (`-`), a pipe or a process
/// substitution (`/dev/fd/N`); never a folder, whose read would fail deep inside Foundation.
public enum InputFile {
    /// A case file is a few hundred bytes; a larger one is a mistake (the wrong file), not a case.
    public static let caseLimit = 1 << 20

    /// Opens `path` for reading, or throws an `unreadable` error naming it and the fix.
    public static func open(_ path: String, what: String) throws(CaseFileError) -> FileHandle {
        if path == "-" { return FileHandle.standardInput }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CaseFileError(.unreadable, place: path, message: "cannot read the \(what) (\(String(cString: strerror(errno)))); "
                + "check the path")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw CaseFileError(.unreadable, place: path, message: "is a folder, not a \(what); name a file inside it")
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CaseFileError(.unreadable, place: path, message: "cannot read the \(what) (\(String(cString: strerror(errno)))); "
                + "check its permissions")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// The whole content of `path`, at most `limit` bytes.
    public static func read(_ path: String, what: String, limit: Int) throws(CaseFileError) -> Data {
        let handle = try open(path, what: what)
        var data = Data()
        var reader = ChunkReader(descriptor: handle.fileDescriptor)
        while let chunk = reader.next() {
            data.append(contentsOf: chunk)
            if data.count > limit {
                throw CaseFileError(.unreadable, place: path, message: "is larger than \(limit / 1024) KiB; a \(what) "
                    + "is a small JSON object (is this the right file?)")
            }
        }
        if let failure = reader.failure {
            throw CaseFileError(.unreadable, place: path, message: "cannot read the \(what) (\(failure))")
        }
        return data
    }
}

/// Reads a file descriptor in 64 KiB chunks with `read(2)`, remembering an error instead of trapping on it.
struct ChunkReader {
    let descriptor: Int32
    private(set) var failure: String?
    private var finished = false
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func next() -> ArraySlice<UInt8>? {
        guard !finished else { return nil }
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return buffer[..<count] }
            if count < 0, errno == EINTR { continue }
            if count < 0 { failure = String(cString: strerror(errno)) }
            finished = true
            return nil
        }
    }
}
