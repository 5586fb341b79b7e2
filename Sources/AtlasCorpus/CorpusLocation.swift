import Foundation

/// Where the corpus and its schema are found.
///
/// Order: an explicit directory (`--corpus`), then `PAROLE_CORPUS`, then the `corpus/` folder of the checkout this
/// program was built from (its path is fixed at build time, so the command works from any working directory).
public struct CorpusLocation: Sendable {
    public var corpusDirectory: String
    public var schemaFile: String
    /// Where the seed report's text files are (for quotation checks), if found.
    public var seedDirectory: String?

    /// The repository root this module was compiled in.
    static let buildRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AtlasCorpus
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // root

    /// The schema shipped with this build.
    public static var bundledSchema: String { buildRoot.appendingPathComponent("schema/parole-atlas.xsd").path }

    /// The corpus shipped with this build.
    public static var bundledCorpus: String { buildRoot.appendingPathComponent("corpus").path }

    /// The location of the corpus shipped with this build.
    public static var bundled: CorpusLocation { CorpusLocation(corpusDirectory: bundledCorpus) }

    public init(corpusDirectory: String, schemaFile: String = CorpusLocation.bundledSchema,
                seedDirectory: String? = CorpusLocation.defaultSeedDirectory()) {
        self.corpusDirectory = corpusDirectory
        self.schemaFile = schemaFile
        self.seedDirectory = seedDirectory
    }

    /// `PAROLE_SEED`, else `../shared/seed` beside the checkout this program was built from, when it exists.
    public static func defaultSeedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let env = environment["PAROLE_SEED"], !env.isEmpty { return env }
        let shared = buildRoot.deletingLastPathComponent().appendingPathComponent("shared/seed").path
        return FileManager.default.fileExists(atPath: shared) ? shared : nil
    }

    /// Resolves the corpus directory from an explicit option, the environment, or the build.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CorpusLocation
    {
        if let explicit, !explicit.isEmpty { return CorpusLocation(corpusDirectory: explicit) }
        if let env = environment["PAROLE_CORPUS"], !env.isEmpty { return CorpusLocation(corpusDirectory: env) }
        return CorpusLocation(corpusDirectory: bundledCorpus)
    }

    /// Every corpus document, in a stable order: sources, vocabulary, cases, crosswalk, then jurisdictions,
    /// instruments, annexes, reforms and stats tables by file name.
    public func documentPaths() throws(CorpusError) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: corpusDirectory, isDirectory: &isDir), isDir.boolValue else {
            throw CorpusError([.init(code: .corpusNotFound, file: corpusDirectory, line: 1, column: 1,
                                     message: "corpus directory not found; pass --corpus DIR or set PAROLE_CORPUS")])
        }
        var paths: [String] = []
        for name in ["sources.xml", "vocabulary.xml"] {
            let p = (corpusDirectory as NSString).appendingPathComponent(name)
            guard fm.fileExists(atPath: p) else {
                throw CorpusError([.init(code: .missingDocument, file: p, line: 1, column: 1,
                                         message: "missing \(name); every corpus needs sources.xml and vocabulary.xml")])
            }
            paths.append(p)
        }
        for name in ["cases.xml", "crosswalk.xml"] {
            let p = (corpusDirectory as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: p) { paths.append(p) }
        }
        for folder in ["jurisdictions", "instruments", "annexes", "reforms", "stats"] {
            let dir = (corpusDirectory as NSString).appendingPathComponent(folder)
            let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            paths += names.map { (dir as NSString).appendingPathComponent($0) }
        }
        return paths
    }
}
