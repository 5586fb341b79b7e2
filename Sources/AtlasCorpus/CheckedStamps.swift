import Foundation
import SafeXML

/// Remembers corpora that passed every check, so that loading the same bytes again can skip the schema and
/// cross-reference checks: they cost more than half of a `parole simulate`, and their answer cannot change while
/// neither the documents, the schema nor the program do.
///
/// A stamp is an empty file named after a digest of the program's identity, the schema's bytes and every document's
/// path and bytes. It is written only after a load found no problem at all; any change to any of them gives another
/// digest, so the checks run again. `parole validate` never relies on stamps. Documents are always parsed safely
/// (no DTD, no entities), stamp or not.
public struct CheckedStamps: Sendable {
    public var directory: String
    /// What distinguishes this build of the program from another (its checks may differ).
    public var programIdentity: String

    public init(directory: String, programIdentity: String) {
        self.directory = directory
        self.programIdentity = programIdentity
    }

    /// `PAROLE_CACHE` (or none when it is `off`), else `$XDG_CACHE_HOME/parole-atlas`, else
    /// `$HOME/.cache/parole-atlas`; the program's identity is its executable's path, size and modification time.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CheckedStamps?
    {
        let directory: String
        if let dir = environment["PAROLE_CACHE"], !dir.isEmpty {
            if dir == "off" { return nil }
            directory = dir
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            directory = (xdg as NSString).appendingPathComponent("parole-atlas")
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = (home as NSString).appendingPathComponent(".cache/parole-atlas")
        } else {
            return nil
        }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return CheckedStamps(directory: directory,
                             programIdentity: "\(executable) \(size) \(modified.timeIntervalSince1970)")
    }

    func path(_ digest: ContentDigest) -> String {
        (directory as NSString).appendingPathComponent("checked-\(digest.hex)")
    }

    func contains(_ digest: ContentDigest) -> Bool { FileManager.default.fileExists(atPath: path(digest)) }

    /// Records a clean corpus; a cache that cannot be written is no error (the checks just run next time).
    func record(_ digest: ContentDigest) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = fm.createFile(atPath: path(digest), contents: Data())
    }
}
