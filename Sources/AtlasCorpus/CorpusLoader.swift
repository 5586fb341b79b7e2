import AtlasModel
import Crypto
import Foundation
internal import Parallel
internal import SafeXML

/// What `parole validate` found: every problem, and what was checked.
public struct ValidationReport: Sendable {
    public var diagnostics: [CorpusDiagnostic]
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
    /// annexes/*.xml reforms/*.xml stats/*.xml | sha256sum` (the files present, in C-locale order). Equal bytes and names,
    /// equal digest.
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
        let parsed = parse(paths)
        var diagnostics = parsed.diagnostics
        var documents = parsed.documents
        let stampDigest = parsed.digest.flatMap(stampDigest(corpus:))
        var trusted = false
        if trustStamps, let stamps, let stampDigest { trusted = stamps.verifies(stampDigest) }
        if !trusted {
            let validated = try validateAgainstSchema(documents)
            diagnostics += validated.diagnostics
            documents = validated.valid
        }
        let parts = Self.readModel(documents)
        // Misplaced documents first, then what the readers found, each in document order.
        diagnostics += parts.misplaced + parts.readerDiagnostics
        // Run whether or not a stamp verified: they take a few milliseconds, and they are what the engine relies on.
        let checks = crossCheck(parts, documents: documents)
        diagnostics += checks.diagnostics
        let unread = Self.unreadJurisdictions(paths: paths, read: documents)
        diagnostics += Self.checkReferences(annexes: parts.annexes, crosswalk: parts.crosswalk,
                                            crosswalkRoot: parts.otherRoots.first { $0.name == "crosswalk" },
                                            jurisdictions: parts.jurisdictions, unread: unread)
        let instrumentRoots = parts.otherRoots.filter { $0.name == "instrument" }
        diagnostics += Self.checkJurisdictionReferences(home: parts.home, vocabularyRoot: parts.vocabularyRoot,
                                                        instruments: zip(parts.instruments, instrumentRoots),
                                                        jurisdictions: parts.jurisdictions, unread: unread)
        for (package, root) in parts.reformPackages {
            diagnostics += ReformCheck.check(package, root: root, jurisdictions: parts.jurisdictions, unread: unread)
        }
        // Each printed number of a stats table on its cited line, when the source's text is at hand (as for the
        // quotations: `validate` only).
        var printedNumbers = 0
        for (_, root) in parts.stats {
            guard let seed = StatsPrintedCheck.source(of: root).flatMap({ checks.seedTexts[$0] }) else { continue }
            let found = StatsPrintedCheck.check(root, seed: seed)
            diagnostics += found.diagnostics
            printedNumbers += found.checked
        }
        var corpus = parts.corpus
        corpus.digest = parsed.digest?.hex
        if !trusted, diagnostics.isEmpty, let stampDigest { stamps?.record(stampDigest) }
        // The parsed documents are freed on another thread: freeing 66 document trees took a few milliseconds of
        // every command, and nothing of them is in the model.
        let parsedDocuments = parsed.documents
        DispatchQueue.global(qos: .utility).async { _ = parsedDocuments.count }
        let report = ValidationReport(diagnostics: diagnostics, documentCount: paths.count,
                                      citationCount: checks.citationCount,
                                      quotationCount: checks.quotationCount + printedNumbers,
                                      digest: parsed.digest?.hex)
        return (corpus, report, trusted)
    }

    /// Parses every document on every core (each has its own parser context). A corpus digest is made only when
    /// every document could be read.
    private func parse(_ paths: [String])
        -> (documents: [ParsedDocument], diagnostics: [CorpusDiagnostic], digest: SHA256.Digest?)
    {
        let results = ParallelSlots<Result<ParsedDocument, XMLParseError>>.compute(count: paths.count) { index in
            do throws(XMLParseError) {
                let document = try XMLDocument.parse(file: paths[index])
                // Hashed on the parsing thread, while the bytes are still in cache.
                return .success(ParsedDocument(path: paths[index], document: document,
                                               digest: SHA256.hash(data: document.bytes)))
            } catch {
                return .failure(error)
            }
        }
        var documents: [ParsedDocument] = []
        var diagnostics: [CorpusDiagnostic] = []
        var manifest: [(path: String, digest: SHA256.Digest)] = []
        for result in results {
            switch result {
            case .success(let document):
                documents.append(document)
                manifest.append((relativePath(document.path), document.digest))
            case .failure(let error):
                diagnostics += error.diagnostics.map { CorpusDiagnostic($0, code: .malformedDocument) }
            }
        }
        return (documents, diagnostics, diagnostics.isEmpty ? Self.digest(manifest: manifest) : nil)
    }

    /// Validates every document against the schema on every core (libxml2 allows several validation contexts to
    /// read one compiled schema); returns the documents without problems and the problems of the others.
    private func validateAgainstSchema(_ documents: [ParsedDocument]) throws(CorpusError)
        -> (valid: [ParsedDocument], diagnostics: [CorpusDiagnostic])
    {
        let schema: XMLSchema
        do {
            schema = try XMLSchema(file: location.schemaFile)
        } catch {
            throw CorpusError(error.diagnostics.map { CorpusDiagnostic($0, code: .schemaUnreadable) })
        }
        let shared = SharedSchema(schema)
        let problems = ParallelSlots<[XMLDiagnostic]>.compute(count: documents.count) { index in
            shared.schema.validate(documents[index].document)
        }
        var valid: [ParsedDocument] = []
        var diagnostics: [CorpusDiagnostic] = []
        for (document, found) in zip(documents, problems) {
            diagnostics += found.map { Self.explained(CorpusDiagnostic($0, code: .schemaViolation)) }
            if found.isEmpty { valid.append(document) }
        }
        return (valid, diagnostics)
    }

    /// Reads the model on every core, one reader per document, and gathers the pieces in document order.
    private static func readModel(_ documents: [ParsedDocument]) -> CorpusParts {
        let pieces = ParallelSlots<CorpusPiece>.compute(count: documents.count) { index in
            CorpusPiece.read(documents[index].document.root, path: documents[index].path)
        }
        var parts = CorpusParts()
        for (document, piece) in zip(documents, pieces) { parts.add(piece, root: document.document.root) }
        return parts
    }

    /// The checks XSD cannot express, over the documents that were read. A sources or vocabulary file that could
    /// not be read is reported once, not as every reference to it.
    private func crossCheck(_ parts: CorpusParts, documents: [ParsedDocument]) -> CrossReferenceCheck {
        var checks = CrossReferenceCheck(sources: parts.sourcesRead ? Set(parts.sources.map(\.id)) : nil,
                                         vocabulary: parts.vocabularyRead ? parts.vocabulary : nil)
        if checkQuotations {
            for source in parts.sources {
                guard let file = source.file, let dir = location.seedDirectory else { continue }
                checks.seedTexts[source.id] = SeedText(path: (dir as NSString).appendingPathComponent(file))
            }
        }
        for document in documents where document.document.root.name == "sources" {
            checks.registerSources(document.document.root)
        }
        for root in parts.jurisdictionRoots { checks.check(jurisdiction: root) }
        for root in parts.otherRoots { checks.check(document: root) }
        if let vocabularyRoot = parts.vocabularyRoot { checks.check(vocabulary: vocabularyRoot) }
        return checks
    }

    /// The ids of the jurisdiction files that could not be read: each is reported once, not again by every row
    /// that names it.
    private static func unreadJurisdictions(paths: [String], read documents: [ParsedDocument]) -> Set<String> {
        let read = Set(documents.map(\.path))
        return Set(paths.filter { !read.contains($0) }.compactMap { path -> String? in
            let p = path as NSString
            guard (p.deletingLastPathComponent as NSString).lastPathComponent == "jurisdictions" else { return nil }
            return (p.lastPathComponent as NSString).deletingPathExtension
        })
    }

    /// A schema diagnostic with the fix for the values `CorpusLimits` bounds: libxml2 quotes the pattern a value
    /// failed, which says what is wrong but not what to write instead.
    static func explained(_ d: CorpusDiagnostic) -> CorpusDiagnostic {
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
                                        unread: Set<String>) -> [CorpusDiagnostic] {
        var diagnostics: [CorpusDiagnostic] = []
        for (annex, root) in annexes {
            for (row, element) in zip(annex.rows, root.children(named: "row")) where !unread.contains(row.jurisdictionID) {
                guard let j = jurisdictions.first(where: { $0.id == row.jurisdictionID }) else {
                    diagnostics.append(element.diagnostic(.unresolvedReference,
                        "annex row \(row.number) names jurisdiction \"\(row.jurisdictionID)\", "
                        + "which is not in the corpus"))
                    continue
                }
                if !j.mechanisms.contains(where: { $0.id == row.mechanismID }) {
                    diagnostics.append(element.diagnostic(.unresolvedReference,
                        "annex row \(row.number) names mechanism \"\(row.mechanismID)\", "
                        + "which \(j.id) does not have (it has: \(j.mechanisms.map(\.id).joined(separator: ", ")))"))
                }
            }
        }
        for (m, element) in zip(crosswalk, crosswalkRoot?.children(named: "mapping") ?? []) {
            for id in m.jurisdictionIDs where !unread.contains(id) && !jurisdictions.contains(where: { $0.id == id }) {
                diagnostics.append(element.diagnostic(.unresolvedReference,
                    "crosswalk mapping \(m.id) names jurisdiction \"\(id)\", which is not in the corpus"))
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
                                            jurisdictions: [Jurisdiction], unread: Set<String>) -> [CorpusDiagnostic] {
        let known = Set(jurisdictions.map(\.id)).union(unread)
        var diagnostics: [CorpusDiagnostic] = []
        if let homeElement = vocabularyRoot?.child(named: "home"), !known.contains(home.jurisdiction) {
            diagnostics.append(homeElement.diagnostic(.unresolvedReference,
                "<home jurisdiction=\"\(home.jurisdiction)\"> names no jurisdiction "
                + "of the corpus; add jurisdictions/\(home.jurisdiction).xml or name one that exists"))
        }
        for (instrument, root) in instruments {
            for (relation, element) in zip(instrument.relations, root.children(named: "relation")) {
                for id in relation.jurisdictionIDs where !known.contains(id) {
                    diagnostics.append(element.diagnostic(.unresolvedReference,
                        "relation of \(instrument.id) names jurisdiction \"\(id)\", "
                        + "which is not in the corpus"))
                }
            }
        }
        return diagnostics
    }
}


/// A parsed document with its path and the SHA-256 of its bytes. It is handed from the thread that parsed it to
/// the loader's thread and read by the validation and reading tasks; nothing mutates it after parsing, which is
/// what makes sharing it sound (neither `XMLDocument` nor swift-crypto's digest is declared `Sendable`).
struct ParsedDocument: @unchecked Sendable {
    let path: String
    let document: XMLDocument
    let digest: SHA256.Digest
}

/// The compiled schema, read concurrently by validation contexts.
private struct SharedSchema: @unchecked Sendable {
    let schema: XMLSchema
    init(_ schema: XMLSchema) { self.schema = schema }
}
