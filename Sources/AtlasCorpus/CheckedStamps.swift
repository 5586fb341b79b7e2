import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers corpora that passed every check, so that loading the same bytes again can skip XSD validation: it is
/// most of the cost of checking, and its answer cannot change while neither the documents, the schema nor the
/// program do.
///
/// **What a stamp skips**: the XSD validation of each document, and nothing else. Parsing (no DTD, no entities,
/// size limits), reading the model (with its bounds on fractions, durations and counts) and the cross-reference
/// checks (ids unique, sources and vocabulary terms known, references resolving, versions not overlapping) run on
/// every load: they cost a few milliseconds, and they are what the engine relies on. `parole validate` never relies
/// on stamps.
///
/// **What a stamp is**: the file `checked-<uid>-<digest>` in `directory`, where the digest is a SHA-256 of the
/// program's identity, the schema's bytes and the corpus digest (every document's relative path and bytes; see
/// `LoadedCorpus.digest`). It holds three lines: a format line, the digest, and an HMAC-SHA256 of both under a
/// per-user secret key, 32 random bytes kept in `keyFile` (created mode 0600 on first use). It is written only after
/// a load that validated everything and found no problem.
///
/// **When a stamp is trusted**: only when the stamp is a regular file owned by the effective user and writable by no
/// one else, the key file is a regular file owned by the effective user and neither readable nor writable by anyone
/// else, the digest in the stamp is the one just computed, and the MAC verifies (compared in constant time). So
/// whoever can write a shared `PAROLE_CACHE` can delete stamps, never forge one. Anything else (no key, a stamp of
/// another key, a copied or truncated stamp, loose permissions) is not an error: the stamp is ignored and every
/// check runs.
public struct CheckedStamps: Sendable {
    public var directory: String
    /// What distinguishes this build of the program from another (its checks may differ).
    public var programIdentity: String
    /// The per-user secret stamps are signed with; created on the first stamp written.
    public var keyFile: String

    public init(directory: String, programIdentity: String, keyFile: String) {
        self.directory = directory
        self.programIdentity = programIdentity
        self.keyFile = keyFile
    }

    /// Stamps in `PAROLE_CACHE` (none when it is `off`), else `$XDG_CACHE_HOME/parole-atlas`, else
    /// `$HOME/.cache/parole-atlas`, signed with the key `$XDG_STATE_HOME/parole-atlas/stamp-key`, else
    /// `$HOME/.local/state/parole-atlas/stamp-key` (kept apart from the cache, which may be shared); the program's
    /// identity is its executable's path, size and modification time.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CheckedStamps?
    {
        func under(_ variable: String, _ fallback: String, _ leaf: String) -> String? {
            if let base = environment[variable], !base.isEmpty { return (base as NSString).appendingPathComponent(leaf) }
            guard let home = environment["HOME"], !home.isEmpty else { return nil }
            return ((home as NSString).appendingPathComponent(fallback) as NSString).appendingPathComponent(leaf)
        }
        let directory: String
        if let dir = environment["PAROLE_CACHE"], !dir.isEmpty {
            if dir == "off" { return nil }
            directory = dir
        } else if let dir = under("XDG_CACHE_HOME", ".cache", "parole-atlas") {
            directory = dir
        } else {
            return nil
        }
        guard let keyFile = under("XDG_STATE_HOME", ".local/state", "parole-atlas/stamp-key") else { return nil }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return CheckedStamps(directory: directory, programIdentity: "\(executable) \(size) \(modified.timeIntervalSince1970)",
                             keyFile: keyFile)
    }

    /// The digest (hex) a stamp stands for: this program, this schema, this corpus.
    func digest(schema: SHA256.Digest, corpus: SHA256.Digest) -> String {
        var hash = SHA256()
        // Each field length-prefixed, so that no two different sets of inputs hash the same bytes.
        for field in [Self.format, programIdentity, schema.hex, corpus.hex] {
            withUnsafeBytes(of: UInt64(field.utf8.count).bigEndian) { hash.update(bufferPointer: $0) }
            hash.update(data: Array(field.utf8))
        }
        return hash.finalize().hex
    }

    /// Whether a trustworthy stamp for `digest` exists (see the type's documentation for what that takes).
    func verifies(_ digest: String) -> Bool {
        guard let key = StampKey.read(keyFile),
              let bytes = OwnFile.contents(of: path(digest), maxBytes: 1024, privateToOwner: false),
              let text = String(bytes: bytes, encoding: .utf8) else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == Self.format, lines[1] == digest, lines[3].isEmpty,
              let mac = [UInt8](hex: lines[2]), mac.count == SHA256.byteCount else { return false }
        // Constant time: HMAC's own comparison, so a forger learns nothing from how long a refusal takes.
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Self.signed(digest), using: key)
    }

    /// Records a clean corpus; a cache or key that cannot be written is no error (the checks just run next time).
    func record(_ digest: String) {
        guard let key = StampKey.readOrCreate(keyFile) else { return }
        let mac = HMAC<SHA256>.authenticationCode(for: Self.signed(digest), using: key)
        let text = [Self.format, digest, mac.hex, ""].joined(separator: "\n")
        OwnFile.replace(path(digest), with: Array(text.utf8))
    }

    static let format = "parole-atlas checked-stamp 1"

    private static func signed(_ digest: String) -> [UInt8] { Array((format + "\n" + digest).utf8) }

    func path(_ digest: String) -> String {
        (directory as NSString).appendingPathComponent("checked-\(geteuid())-\(digest)")
    }
}

/// The per-user stamp key: 32 random bytes in a file only its owner can read.
enum StampKey {
    static let byteCount = 32

    static func read(_ path: String) -> SymmetricKey? {
        guard let bytes = OwnFile.contents(of: path, maxBytes: byteCount, privateToOwner: true), bytes.count == byteCount
        else { return nil }
        return SymmetricKey(data: bytes)
    }

    static func readOrCreate(_ path: String) -> SymmetricKey? {
        if let key = read(path) { return key }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Array($0) }
        // O_EXCL: never overwrite a key file, whoever made it; a loose or foreign one just leaves stamps off.
        guard OwnFile.create(path, with: bytes) else { return nil }
        return key
    }
}

/// Small files that only count when they are the effective user's own.
enum OwnFile {
    /// The bytes of `path` when it is a regular file (not a symbolic link) owned by the effective user, writable by
    /// no one else (`privateToOwner`: not readable by anyone else either), and at most `maxBytes` long.
    static func contents(of path: String, maxBytes: Int, privateToOwner: Bool) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        // Checked on the open descriptor, so the file judged is the file read.
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid(),
              status.st_mode & (privateToOwner ? 0o077 : 0o022) == 0, status.st_size <= maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return filled <= maxBytes ? Array(bytes[0..<filled]) : nil
    }

    /// Creates `path` (mode 0600, its folder 0700 when new) holding `bytes`; `false` if it exists or fails.
    static func create(_ path: String, with bytes: [UInt8]) -> Bool {
        makeFolder(of: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let written = writeAll(bytes, to: fd) && fsync(fd) == 0
        close(fd)
        if !written { unlink(path) }
        return written
    }

    /// Writes `bytes` to a new private file beside `path` and renames it over `path`, so a reader sees the old
    /// stamp or the new one, never half of one.
    static func replace(_ path: String, with bytes: [UInt8]) {
        makeFolder(of: path)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = writeAll(bytes, to: fd)
        close(fd)
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func makeFolder(of path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

extension Sequence<UInt8> {
    /// Lowercase hexadecimal, two digits a byte.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array<UInt8> {
    /// Bytes from an even run of hexadecimal digits, or `nil`.
    init?(hex text: Substring) {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let high = value(utf8[i]), let low = value(utf8[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        self = bytes
    }
}
