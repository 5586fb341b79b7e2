import AtlasModel
import Foundation
import SafeXML

/// What `parole validate` found: every problem, and what was checked.
public struct ValidationReport: Sendable {
    public var diagnostics: [XMLDiagnostic]
    public var documentCount: Int
    public var citationCount: Int
    /// Quotations checked against the seed text; zero when the seed is not present.
    public var quotationCount: Int
    public var isClean: Bool { diagnostics.isEmpty }
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
    /// check is not checked again.
    public func load() throws(CorpusError) -> Corpus {
        let (corpus, report) = try run(trustStamps: true)
        guard report.isClean else { throw CorpusError(report.diagnostics) }
        return corpus
    }

    /// Checks the corpus and reports every problem (without throwing for problems inside documents). It always
    /// checks, stamp or not.
    public func validate() throws(CorpusError) -> ValidationReport { try run(trustStamps: false).1 }

    private func run(trustStamps: Bool) throws(CorpusError) -> (Corpus, ValidationReport) {
        let paths = try location.documentPaths()
        var diagnostics: [XMLDiagnostic] = []
        // Parse on every core: each document has its own parser context.
        let parsed = ParsedSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(XMLParseError) {
                parsed.set(i, .success((try XMLDocument.parse(file: paths[i]), [])))
            } catch {
                parsed.set(i, .failure(error))
            }
        }
        var digest = ContentDigest()
        digest.add(stamps?.programIdentity ?? "")
        digest.add(ContentDigest.of(Array((try? Data(contentsOf: URL(fileURLWithPath: location.schemaFile))) ?? Data())))
        var documents: [(path: String, doc: XMLDocument)] = []
        for (path, result) in zip(paths, parsed.values) {
            switch result {
            case .success(let (doc, _)):
                documents.append((path, doc))
                digest.add(String(path.dropFirst(location.corpusDirectory.count)))
                digest.add(doc.contentDigest)
            case .failure(let error):
                diagnostics += error.diagnostics
            case nil:
                break
            }
        }
        let trusted = trustStamps && diagnostics.isEmpty && (stamps?.contains(digest) ?? false)
        if !trusted {
            // Validate on every core: the compiled schema is only read (libxml2 allows that from several threads).
            let schema: XMLSchema
            do { schema = try XMLSchema(file: location.schemaFile) } catch { throw CorpusError(error.diagnostics) }
            let shared = SharedSchema(schema)
            let validated = ParsedSlots(count: documents.count)
            let docs = SharedDocuments(documents.map(\.doc))
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                validated.set(i, .success((docs.values[i], shared.schema.validate(docs.values[i]))))
            }
            var valid: [(path: String, doc: XMLDocument)] = []
            for (document, result) in zip(documents, validated.values) {
                guard case .success(let (_, problems)) = result else { continue }
                diagnostics += problems
                if problems.isEmpty { valid.append(document) }
            }
            documents = valid
        }
        // Read the model on every core, one reader per document; problems are reported in document order.
        let pieces = PieceSlots(count: documents.count)
        let roots = SharedDocuments(documents.map(\.doc))
        let documentPaths = documents.map(\.path)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            pieces.set(i, CorpusPiece.read(roots.values[i].root, path: documentPaths[i]))
        }
        var sources: [Source] = []
        var vocabulary = Vocabulary(sets: [:])
        var jurisdictions: [Jurisdiction] = []
        var instruments: [Instrument] = []
        var cases: [CourtCase] = []
        var annexes: [(AnnexDefinition, XMLElement)] = []
        var crosswalk: [CrosswalkMapping] = []
        var jurisdictionRoots: [XMLElement] = []
        var otherRoots: [XMLElement] = []
        var readerDiagnostics: [XMLDiagnostic] = []
        for ((_, doc), piece) in zip(documents, pieces.values) {
            let root = doc.root
            readerDiagnostics += piece.diagnostics
            switch piece.content {
            case .sources(let s): sources = s
            case .vocabulary(let v): vocabulary = v
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
        var checks = CrossReferenceCheck(sources: Set(sources.map(\.id)), vocabulary: vocabulary)
        if !trusted {
            if checkQuotations {
                for source in sources {
                    guard let file = source.file, let dir = location.seedDirectory else { continue }
                    checks.seedTexts[source.id] = SeedText(path: (dir as NSString).appendingPathComponent(file))
                }
            }
            for doc in documents where doc.doc.root.name == "sources" { checks.registerSources(doc.doc.root) }
            for root in jurisdictionRoots { checks.check(jurisdiction: root) }
            for root in otherRoots { checks.check(document: root) }
            diagnostics += checks.diagnostics
            diagnostics += Self.checkReferences(annexes: annexes, crosswalk: crosswalk,
                                                crosswalkRoot: otherRoots.first { $0.name == "crosswalk" },
                                                jurisdictions: jurisdictions)
        }
        var corpus = Corpus(jurisdictions: jurisdictions, instruments: instruments, cases: cases,
                            annexes: annexes.map(\.0), sources: sources, vocabulary: vocabulary)
        corpus.crosswalk = crosswalk
        if !trusted, diagnostics.isEmpty { stamps?.record(digest) }
        // The parsed documents are freed on another thread: freeing 66 document trees took a few milliseconds of
        // every command, and nothing of them is in the model.
        DispatchQueue.global(qos: .utility).async { _ = roots.values.count }
        return (corpus, ValidationReport(diagnostics: diagnostics, documentCount: paths.count,
                                         citationCount: checks.citationCount, quotationCount: checks.quotationCount))
    }

    /// Annex rows must show a mechanism that exists in the jurisdiction they name; crosswalk mappings must name
    /// jurisdictions of the corpus.
    private static func checkReferences(annexes: [(AnnexDefinition, XMLElement)], crosswalk: [CrosswalkMapping],
                                        crosswalkRoot: XMLElement?, jurisdictions: [Jurisdiction]) -> [XMLDiagnostic] {
        var diagnostics: [XMLDiagnostic] = []
        for (annex, root) in annexes {
            for (row, element) in zip(annex.rows, root.children(named: "row")) {
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
            for id in m.jurisdictionIDs where !jurisdictions.contains(where: { $0.id == id }) {
                diagnostics.append(element.diagnostic("crosswalk mapping \(m.id) names jurisdiction \"\(id)\", which is not in the corpus"))
            }
        }
        return diagnostics
    }
}

/// What one corpus document holds, read into the model.
struct CorpusPiece: Sendable {
    enum Content: Sendable {
        case sources([Source])
        case vocabulary(Vocabulary)
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
        case ("vocabulary", "vocabulary.xml", _): content = .vocabulary(reader.vocabulary(root))
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

/// Pieces read on several threads, each slot written once by one thread.
private final class PieceSlots: @unchecked Sendable {
    private var slots: [CorpusPiece?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: CorpusPiece) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [CorpusPiece] { slots.map { $0! } }
}

/// Parsed documents read from several threads; nothing mutates them.
private struct SharedDocuments: @unchecked Sendable {
    let values: [XMLDocument]
    init(_ values: [XMLDocument]) { self.values = values }
}

/// Documents parsed on several threads, each slot written once by one thread.
private final class ParsedSlots: @unchecked Sendable {
    private var slots: [Result<(XMLDocument, [XMLDiagnostic]), XMLParseError>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<(XMLDocument, [XMLDiagnostic]), XMLParseError>) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [Result<(XMLDocument, [XMLDiagnostic]), XMLParseError>?] { slots }
}

/// The compiled schema, read concurrently by validation contexts.
private struct SharedSchema: @unchecked Sendable {
    let schema: XMLSchema
    init(_ schema: XMLSchema) { self.schema = schema }
}
