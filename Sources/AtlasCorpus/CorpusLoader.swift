import AtlasModel
import Crypto
import Foundation
import SafeXML

/// What `parole validate` found: every problem, and what was checked.
public struct ValidationReport: Sendable {
    public var diagnostics: [XMLDiagnostic]
    public var documentCount: Int
    public var citationCount: Int
    /// Quotations checked against the seed text; zero when the seed is not present.
    public var quotationCount: Int
    /// The corpus digest (see `LoadedCorpus.digest`), or `nil` when a document could not be read.
    public var digest: String?
    public var isClean: Bool { diagnostics.isEmpty }
}

/// A loaded corpus with what identifies it.
public struct LoadedCorpus: Sendable {
    public var corpus: Corpus
    /// SHA-256 (64 lowercase hex digits) of the corpus's exact bytes, for citing the law a computation used.
    ///
    /// It is the SHA-256 of the manifest `sha256sum` prints for the documents, relative to the corpus directory, in
    /// the loader's order; from the corpus directory:
    /// `sha256sum sources.xml vocabulary.xml cases.xml crosswalk.xml jurisdictions/*.xml instruments/*.xml
    /// annexes/*.xml | sha256sum` (the files present, in C-locale order). Equal bytes and names, equal digest.
    public var digest: String
    /// Whether a verified stamp let this load skip XSD validation (see `CheckedStamps` for what else always runs).
    public var skippedSchemaValidation: Bool
}

/// Reads a corpus directory: parses every document safely, validates it against the schema, checks the
/// cross-references the schema cannot express, and builds the model.
public struct CorpusLoader: Sendable {
    public var location: CorpusLocation
    /// Whether to check quotations against the seed text (on for `validate`; loading for a simulation skips it).
    public var checkQuotations: Bool
    /// Where clean corpora are remembered (see `CheckedStamps`); `nil` checks every time.
    public var stamps: CheckedStamps?

    public init(location: CorpusLocation, checkQuotations: Bool = false, stamps: CheckedStamps? = nil) {
        self.location = location
        self.checkQuotations = checkQuotations
        self.stamps = stamps
    }

    /// Loads the corpus, or throws every problem found. With `stamps`, a corpus whose bytes already passed every
    /// check skips XSD validation (see `CheckedStamps`).
    public func load() throws(CorpusError) -> Corpus { try loadWithDigest().corpus }

    /// Loads the corpus with its digest, or throws every problem found; see `load()`.
    public func loadWithDigest() throws(CorpusError) -> LoadedCorpus {
        let (corpus, report, skipped) = try run(trustStamps: true)
        guard report.isClean, let digest = report.digest else { throw CorpusError(report.diagnostics) }
        return LoadedCorpus(corpus: corpus, digest: digest, skippedSchemaValidation: skipped)
    }

    /// Checks the corpus and reports every problem (without throwing for problems inside documents). It always
    /// checks, stamp or not.
    public func validate() throws(CorpusError) -> ValidationReport { try run(trustStamps: false).report }

    private func run(trustStamps: Bool) throws(CorpusError)
        -> (corpus: Corpus, report: ValidationReport, skippedSchema: Bool)
    {
        let paths = try location.documentPaths()
        var diagnostics: [XMLDiagnostic] = []
        // Parse on every core: each document has its own parser context.
        let parsed = Slots<Result<(XMLDocument, SHA256.Digest), XMLParseError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(XMLParseError) {
                let document = try XMLDocument.parse(file: paths[i])
                // Hashed on the parsing thread, while the bytes are still in cache.
                parsed.set(i, .success((document, SHA256.hash(data: document.bytes))))
            } catch {
                parsed.set(i, .failure(error))
            }
        }
        var documents: [(path: String, doc: XMLDocument)] = []
        var manifest: [(path: String, digest: SHA256.Digest)] = []
        for (path, result) in zip(paths, parsed.values) {
            switch result {
            case .success(let (doc, digest)):
                documents.append((path, doc))
                manifest.append((relativePath(path), digest))
            case .failure(let error):
                diagnostics += error.diagnostics
            case nil:
                break
            }
        }
        let corpusDigest = diagnostics.isEmpty ? Self.digest(manifest: manifest) : nil
        let stampDigest = corpusDigest.flatMap(stampDigest(corpus:))
        var trusted = false
        if trustStamps, let stamps, let stampDigest { trusted = stamps.verifies(stampDigest) }
        if !trusted {
            // Validate on every core: the compiled schema is only read (libxml2 allows that from several threads).
            let schema: XMLSchema
            do { schema = try XMLSchema(file: location.schemaFile) } catch { throw CorpusError(error.diagnostics) }
            let shared = SharedSchema(schema)
            let validated = Slots<[XMLDiagnostic]>(count: documents.count)
            let docs = SharedDocuments(documents.map(\.doc))
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                validated.set(i, shared.schema.validate(docs.values[i]))
            }
            var valid: [(path: String, doc: XMLDocument)] = []
            for (document, problems) in zip(documents, validated.values) {
                guard let problems else { continue }
                diagnostics += problems.map(Self.explained)
                if problems.isEmpty { valid.append(document) }
            }
            documents = valid
        }
        // Read the model on every core, one reader per document; problems are reported in document order.
        let pieces = Slots<CorpusPiece>(count: documents.count)
        let roots = SharedDocuments(documents.map(\.doc))
        let documentPaths = documents.map(\.path)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            pieces.set(i, CorpusPiece.read(roots.values[i].root, path: documentPaths[i]))
        }
        var sources: [Source] = []
        var vocabulary = Vocabulary(sets: [:])
        // Replaced by vocabulary.xml's <home>; a corpus without a readable vocabulary is refused anyway.
        var home = HomeLaw(jurisdiction: "")
        var vocabularyRoot: XMLElement?
        var jurisdictions: [Jurisdiction] = []
        var instruments: [Instrument] = []
        var cases: [CourtCase] = []
        var annexes: [(AnnexDefinition, XMLElement)] = []
        var crosswalk: [CrosswalkMapping] = []
        var jurisdictionRoots: [XMLElement] = []
        var otherRoots: [XMLElement] = []
        var readerDiagnostics: [XMLDiagnostic] = []
        var sourcesRead = false, vocabularyRead = false
        for ((_, doc), piece) in zip(documents, pieces.values) {
            guard let piece else { continue }
            let root = doc.root
            readerDiagnostics += piece.diagnostics
            switch piece.content {
            case .sources(let s):
                sources = s
                sourcesRead = true
            case .vocabulary(let v, let h):
                vocabulary = v
                home = h
                vocabularyRead = true
                vocabularyRoot = root
            case .jurisdiction(let j):
                jurisdictions.append(j)
                jurisdictionRoots.append(root)
            case .instrument(let i):
                instruments.append(i)
                otherRoots.append(root)
            case .annex(let a):
                annexes.append((a, root))
                otherRoots.append(root)
            case .crosswalk(let c):
                crosswalk = c
                otherRoots.append(root)
            case .courtCases(let c):
                cases = c
                otherRoots.append(root)
            case .misplaced(let d):
                diagnostics.append(d)
            }
        }
        diagnostics += readerDiagnostics
        // Run whether or not a stamp verified: they take a few milliseconds, and they are what the engine relies
        // on. A sources or vocabulary file that could not be read is reported once, not as every reference to it.
        var checks = CrossReferenceCheck(sources: sourcesRead ? Set(sources.map(\.id)) : nil,
                                         vocabulary: vocabularyRead ? vocabulary : nil)
        if checkQuotations {
            for source in sources {
                guard let file = source.file, let dir = location.seedDirectory else { continue }
                checks.seedTexts[source.id] = SeedText(path: (dir as NSString).appendingPathComponent(file))
            }
        }
        for doc in documents where doc.doc.root.name == "sources" { checks.registerSources(doc.doc.root) }
        for root in jurisdictionRoots { checks.check(jurisdiction: root) }
        for root in otherRoots { checks.check(document: root) }
        if let vocabularyRoot { checks.check(vocabulary: vocabularyRoot) }
        diagnostics += checks.diagnostics
        // A jurisdiction file that could not be read is reported once, not again by every row that names it.
        let read = Set(documents.map(\.path))
        let unread = Set(paths.filter { !read.contains($0) }.compactMap { path -> String? in
            let p = path as NSString
            guard (p.deletingLastPathComponent as NSString).lastPathComponent == "jurisdictions" else { return nil }
            return (p.lastPathComponent as NSString).deletingPathExtension
        })
        diagnostics += Self.checkReferences(annexes: annexes, crosswalk: crosswalk,
                                            crosswalkRoot: otherRoots.first { $0.name == "crosswalk" },
                                            jurisdictions: jurisdictions, unread: unread)
        diagnostics += Self.checkJurisdictionReferences(home: home, vocabularyRoot: vocabularyRoot,
                                                        instruments: zip(instruments, otherRoots.filter { $0.name == "instrument" }),
                                                        jurisdictions: jurisdictions, unread: unread)
        var corpus = Corpus(jurisdictions: jurisdictions, instruments: instruments, cases: cases,
                            annexes: annexes.map(\.0), sources: sources, vocabulary: vocabulary, home: home)
        corpus.crosswalk = crosswalk
        corpus.digest = corpusDigest?.hex
        if !trusted, diagnostics.isEmpty, let stampDigest { stamps?.record(stampDigest) }
        // The parsed documents are freed on another thread: freeing 66 document trees took a few milliseconds of
        // every command, and nothing of them is in the model.
        DispatchQueue.global(qos: .utility).async { _ = roots.values.count }
        let report = ValidationReport(diagnostics: diagnostics, documentCount: paths.count,
                                      citationCount: checks.citationCount, quotationCount: checks.quotationCount,
                                      digest: corpusDigest?.hex)
        return (corpus, report, trusted)
    }

    /// A schema diagnostic with the fix for the values `CorpusLimits` bounds: libxml2 quotes the pattern a value
    /// failed, which says what is wrong but not what to write instead.
    static func explained(_ d: XMLDiagnostic) -> XMLDiagnostic {
        guard d.message.contains("[facet 'pattern']") else { return d }
        var d = d
        if d.message.hasPrefix("Element '{urn:parole-atlas:corpus:1}fraction'") {
            d.message += " Write a share such as 2/3, numerator and denominator from 1 to \(CorpusLimits.fractionTerm) "
                + "(schema/README.md, \"Limits\")."
        } else if d.message.contains("'P(") || d.message.contains("'P.+'") {
            d.message += " Write a duration such as P6M or P2Y3M15D, at most P\(CorpusLimits.durationYears)Y "
                + "(schema/README.md, \"Limits\")."
        }
        return d
    }

    /// The digest a stamp for this corpus carries, or `nil` without stamps or a readable schema.
    func stampDigest(corpus: SHA256.Digest) -> String? {
        guard let stamps,
              let schema = try? XMLDocument.readFile(location.schemaFile, limit: XMLLimits.standard.documentBytes)
        else { return nil }
        return stamps.digest(schema: SHA256.hash(data: schema), corpus: corpus)
    }

    /// The digest a stamp for the corpus's current bytes would carry, read without parsing (to test forged stamps).
    func currentStampDigest() throws -> String? {
        var manifest: [(path: String, digest: SHA256.Digest)] = []
        for path in try location.documentPaths() {
            manifest.append((relativePath(path), SHA256.hash(data: try XMLDocument.readFile(path, limit: .max))))
        }
        return stampDigest(corpus: Self.digest(manifest: manifest))
    }

    /// `path` relative to the corpus directory, as the manifest names it.
    private func relativePath(_ path: String) -> String {
        guard path.hasPrefix(location.corpusDirectory) else { return path }
        return String(path.dropFirst(location.corpusDirectory.count).drop { $0 == "/" })
    }

    /// The corpus digest of the documents as they are on disk, without parsing or checking them (for
    /// `parole --version`); `nil` when a document cannot be read.
    public func digestOfFiles() throws(CorpusError) -> String? {
        var manifest: [(path: String, digest: SHA256.Digest)] = []
        for path in try location.documentPaths() {
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            manifest.append((relativePath(path), SHA256.hash(data: bytes)))
        }
        return Self.digest(manifest: manifest).hex
    }

    /// SHA-256 of the lines `sha256sum` prints: digest, two spaces, name; a name holding a backslash or a line break
    /// has them escaped and its line starts with a backslash, so the manifest reads back unambiguously.
    static func digest(manifest: [(path: String, digest: SHA256.Digest)]) -> SHA256.Digest {
        var text = ""
        for (path, digest) in manifest {
            let escaped = path.unicodeScalars.contains { $0 == "\\" || $0 == "\n" || $0 == "\r" }
            let name = escaped
                ? path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                    .replacingOccurrences(of: "\r", with: "\\r")
                : path
            text += (escaped ? "\\" : "") + digest.hex + "  " + name + "\n"
        }
        return SHA256.hash(data: Array(text.utf8))
    }

    /// Annex rows must show a mechanism that exists in the jurisdiction they name; crosswalk mappings must name
    /// jurisdictions of the corpus.
    private static func checkReferences(annexes: [(AnnexDefinition, XMLElement)], crosswalk: [CrosswalkMapping],
                                        crosswalkRoot: XMLElement?, jurisdictions: [Jurisdiction],
                                        unread: Set<String>) -> [XMLDiagnostic] {
        var diagnostics: [XMLDiagnostic] = []
        for (annex, root) in annexes {
            for (row, element) in zip(annex.rows, root.children(named: "row")) where !unread.contains(row.jurisdictionID) {
                guard let j = jurisdictions.first(where: { $0.id == row.jurisdictionID }) else {
                    diagnostics.append(element.diagnostic("annex row \(row.number) names jurisdiction \"\(row.jurisdictionID)\", "
                        + "which is not in the corpus"))
                    continue
                }
                if !j.mechanisms.contains(where: { $0.id == row.mechanismID }) {
                    diagnostics.append(element.diagnostic("annex row \(row.number) names mechanism \"\(row.mechanismID)\", "
                        + "which \(j.id) does not have (it has: \(j.mechanisms.map(\.id).joined(separator: ", ")))"))
                }
            }
        }
        for (m, element) in zip(crosswalk, crosswalkRoot?.children(named: "mapping") ?? []) {
            for id in m.jurisdictionIDs where !unread.contains(id) && !jurisdictions.contains(where: { $0.id == id }) {
                diagnostics.append(element.diagnostic("crosswalk mapping \(m.id) names jurisdiction \"\(id)\", which is not in the corpus"))
            }
        }
        return diagnostics
    }
}

extension CorpusLoader {
    /// The home jurisdiction and every instrument relation must name jurisdictions of the corpus: a home that is
    /// not there would leave every case without the law it is stated in.
    static func checkJurisdictionReferences(home: HomeLaw, vocabularyRoot: XMLElement?,
                                            instruments: some Sequence<(Instrument, XMLElement)>,
                                            jurisdictions: [Jurisdiction], unread: Set<String>) -> [XMLDiagnostic] {
        let known = Set(jurisdictions.map(\.id)).union(unread)
        var diagnostics: [XMLDiagnostic] = []
        if let homeElement = vocabularyRoot?.child(named: "home"), !known.contains(home.jurisdiction) {
            diagnostics.append(homeElement.diagnostic("<home jurisdiction=\"\(home.jurisdiction)\"> names no jurisdiction "
                + "of the corpus; add jurisdictions/\(home.jurisdiction).xml or name one that exists"))
        }
        for (instrument, root) in instruments {
            for (relation, element) in zip(instrument.relations, root.children(named: "relation")) {
                for id in relation.jurisdictionIDs where !known.contains(id) {
                    diagnostics.append(element.diagnostic("relation of \(instrument.id) names jurisdiction \"\(id)\", "
                        + "which is not in the corpus"))
                }
            }
        }
        return diagnostics
    }
}

/// What one corpus document holds, read into the model.
struct CorpusPiece: Sendable {
    enum Content: Sendable {
        case sources([Source])
        case vocabulary(Vocabulary, HomeLaw)
        case jurisdiction(Jurisdiction)
        case instrument(Instrument)
        case annex(AnnexDefinition)
        case crosswalk([CrosswalkMapping])
        case courtCases([CourtCase])
        /// A root element in a file or folder where it does not belong.
        case misplaced(XMLDiagnostic)
    }

    var content: Content
    var diagnostics: [XMLDiagnostic]

    /// Reads the document by its root element, file name and folder.
    static func read(_ root: XMLElement, path: String) -> CorpusPiece {
        var reader = ModelReader()
        let fileName = (path as NSString).lastPathComponent
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let content: Content
        switch (root.name, fileName, folder) {
        case ("sources", "sources.xml", _): content = .sources(reader.sources(root))
        case ("vocabulary", "vocabulary.xml", _):
            let (vocabulary, home) = reader.vocabulary(root)
            content = .vocabulary(vocabulary, home)
        case ("jurisdiction", _, "jurisdictions"): content = .jurisdiction(reader.jurisdiction(root))
        case ("instrument", _, "instruments"): content = .instrument(reader.instrument(root))
        case ("annex", _, "annexes"): content = .annex(reader.annex(root))
        case ("crosswalk", "crosswalk.xml", _): content = .crosswalk(reader.crosswalk(root))
        case ("court-cases", "cases.xml", _): content = .courtCases(reader.courtCases(root))
        default:
            content = .misplaced(root.diagnostic(
                "<\(root.name)> does not belong in \(folder)/\(fileName); sources.xml holds <sources>, "
                    + "vocabulary.xml <vocabulary>, cases.xml <court-cases>, jurisdictions/*.xml one "
                    + "<jurisdiction> each, instruments/*.xml one <instrument> each"))
        }
        return CorpusPiece(content: content, diagnostics: reader.diagnostics)
    }
}

/// Results computed on several threads, each slot written once by one thread; a slot never written stays `nil`.
private final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [Value?] { slots }
}

/// Parsed documents read from several threads; nothing mutates them.
private struct SharedDocuments: @unchecked Sendable {
    let values: [XMLDocument]
    init(_ values: [XMLDocument]) { self.values = values }
}

/// The compiled schema, read concurrently by validation contexts.
private struct SharedSchema: @unchecked Sendable {
    let schema: XMLSchema
    init(_ schema: XMLSchema) { self.schema = schema }
}
