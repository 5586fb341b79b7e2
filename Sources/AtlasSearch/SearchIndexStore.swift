import AtlasModel
import Foundation
import GRDB

/// Where the search index of a corpus is kept between runs: derived data, built from the loaded corpus on first
/// use, one file per corpus digest (`search-<format>-<digest>.sqlite`), so that a changed corpus gets a new index
/// and an unchanged one is opened, not rebuilt. A file is written whole under a temporary name and renamed into
/// place, so a reader never opens a half-written index; two runs building at once both succeed, the later rename
/// winning with an identical file. Writing an index removes the user's indexes of other corpora.
public struct SearchIndexStore: Sendable {
    /// The cache folder; `nil` keeps the index in memory for this run only.
    public var directory: String?

    public init(directory: String?) { self.directory = directory }

    /// `explicit` (a `--index-dir` flag) if given, else `PAROLE_CACHE` (`off`: in memory), else
    /// `$XDG_CACHE_HOME/parole-atlas`, else `$HOME/.cache/parole-atlas`: the folder of the checked-corpus stamps.
    public static func standard(explicit: String? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexStore
    {
        if let explicit, !explicit.isEmpty { return SearchIndexStore(directory: explicit == "off" ? nil : explicit) }
        if let dir = environment["PAROLE_CACHE"], !dir.isEmpty {
            return SearchIndexStore(directory: dir == "off" ? nil : dir)
        }
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty {
            return SearchIndexStore(directory: (base as NSString).appendingPathComponent("parole-atlas"))
        }
        if let home = environment["HOME"], !home.isEmpty {
            return SearchIndexStore(directory: (home as NSString).appendingPathComponent(".cache/parole-atlas"))
        }
        return SearchIndexStore(directory: nil)
    }

    /// The file the index of the corpus with `digest` lives in.
    public func path(forDigest digest: String) -> String? {
        directory.map { ($0 as NSString).appendingPathComponent("search-\(SearchIndex.format)-\(digest).sqlite") }
    }

    /// The index of `corpus`: the cached one when it is there and trustworthy, else built now (and cached when
    /// the folder can be written; a cache that cannot be written is no error, the index then lives in memory).
    public func index(for corpus: Corpus) throws -> SearchIndex {
        guard let digest = corpus.digest, let path = path(forDigest: digest) else {
            return try SearchIndex.inMemory(SearchCorpusReader.documents(of: corpus), corpusDigest: corpus.digest)
        }
        if let cached = Self.open(path, digest: digest) { return cached }
        let documents = SearchCorpusReader.documents(of: corpus)
        if let written = try? write(documents, digest: digest, to: path), let cached = Self.open(written, digest: digest) {
            return cached
        }
        return try SearchIndex.inMemory(documents, corpusDigest: digest)
    }

    /// The index at `path`, read-only, if it is a regular file of this user that no one else may write (a cache
    /// folder may be shared: an index planted by someone else is rebuilt, never trusted) and it says it was built
    /// from `digest` in this format.
    static func open(_ path: String, digest: String) -> SearchIndex? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
              info.st_mode & (S_IWGRP | S_IWOTH) == 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        let meta = try? queue.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                (($0["key"] as String?) ?? "", ($0["value"] as String?) ?? "")
            })
        }
        guard let meta, meta["format"] == String(SearchIndex.format), meta["digest"] == digest else { return nil }
        return SearchIndex(database: queue, corpusDigest: digest)
    }

    /// Writes the index under a temporary name in the folder and renames it over `path`; returns `path`.
    func write(_ documents: [SearchDocument], digest: String, to path: String) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = (folder as NSString).appendingPathComponent(".search-\(getpid())-\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let queue = try DatabaseQueue(path: temporary)
        do {
            try SearchIndex.fill(queue, with: documents, corpusDigest: digest)
            try queue.close()
        } catch {
            try? queue.close()
            throw error
        }
        guard chmod(temporary, 0o600) == 0, rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        Self.removeStale(in: folder, keeping: (path as NSString).lastPathComponent)
        return path
    }

    /// Removes this user's indexes of other corpora (or formats) from `folder`: an index is some megabytes and a
    /// corpus that is being edited gets a new digest on every change. A corpus used again is simply indexed again.
    static func removeStale(in folder: String, keeping current: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name != current && isIndexName(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
            unlink(path)
        }
    }

    /// Whether `name` is an index file's name: `search-<format>-<64 hex digits>.sqlite`.
    static func isIndexName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[0] == "search", Int(parts[1]) != nil, parts[2].hasSuffix(".sqlite") else {
            return false
        }
        let digest = parts[2].dropLast(".sqlite".count)
        return digest.count == 64 && digest.allSatisfy(\.isHexDigit)
    }
}
