import Foundation

/// What writing to a path may do, decided from what is there now.
enum OutputPath {
    enum Plan: Equatable {
        /// Write a temporary file and rename it over `path` (absent or a regular file); keep `mode` if it existed.
        case replace(path: String, mode: mode_t?)
        /// Write directly into a FIFO or character device.
        case stream(path: String)
        /// Never touch it.
        case refuse(String)
    }

    /// What `path` names, with a link followed to the file it points at, so that the link itself stays.
    static func plan(_ path: String) throws(OutputError) -> Plan {
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw OutputError.cannotOpen(path, code) }
            let folder = (path as NSString).deletingLastPathComponent
            var folderInfo = stat()
            guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0,
                  folderInfo.st_mode & S_IFMT == S_IFDIR
            else {
                throw OutputError(kind: .cannotWrite, place: path,
                                  message: "the folder \(folder) does not exist; create it first")
            }
            return .replace(path: path, mode: nil)
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                // A link to nothing: writing through it would create a file somewhere the user did not name.
                return refusal(path, "is a link to a missing file; name the file itself")
            }
            defer { free(resolved) }
            let target = String(cString: resolved)
            return try plan(target)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .replace(path: path, mode: info.st_mode & 0o7777)
        case S_IFIFO, S_IFCHR: return .stream(path: path)
        case S_IFDIR: return refusal(path, "is a folder; name a file inside it, e.g. \(path)/annex1.html")
        case S_IFSOCK: return refusal(path, "is a socket, not a file; name a regular file")
        case S_IFBLK: return refusal(path, "is a block device, not a file; name a regular file")
        default: return refusal(path, "is not a regular file; name a regular file")
        }
    }

    private static func refusal(_ path: String, _ reason: String) -> Plan {
        .refuse(reason + " (nothing was written)")
    }

    /// Creates a new, empty temporary file in the folder of `path`; never one that exists already.
    static func createTemporary(beside path: String, place: String) throws(OutputError) -> (Int32, String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(suffix).tmp")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw OutputError.cannotOpen(place, errno) }
        }
        throw OutputError(kind: .cannotWrite, place: place, message: "cannot create a temporary file beside it")
    }

    /// Makes the rename itself durable; a folder that cannot be synced loses nothing already written.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// Removes the temporary output file when the process is interrupted, so that an interrupted run leaves the
/// target as it was and no stray file beside it.
enum InterruptCleanup {
    // Read by a signal handler: a C string allocated once per output, never freed while registered.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    static func register(_ path: String) {
        let copy = strdup(path)
        let old = pending
        pending = copy
        free(old)
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                if let path = InterruptCleanup.pending { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func unregister() {
        let old = pending
        pending = nil
        free(old)
    }
}
