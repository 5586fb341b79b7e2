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

    public init(location: CorpusLocation, checkQuotations: Bool = false) {
        self.location = location
        self.checkQuotations = checkQuotations
    }

    /// Loads the corpus, or throws every problem found.
    public func load() throws(CorpusError) -> Corpus {
        let (corpus, report) = try run()
        guard report.isClean else { throw CorpusError(report.diagnostics) }
        return corpus
    }

    /// Checks the corpus and reports every problem (without throwing for problems inside documents).
    public func validate() throws(CorpusError) -> ValidationReport { try run().1 }

    private func run() throws(CorpusError) -> (Corpus, ValidationReport) {
        let schema: XMLSchema
        do { schema = try XMLSchema(file: location.schemaFile) } catch { throw CorpusError(error.diagnostics) }
        let paths = try location.documentPaths()
        var diagnostics: [XMLDiagnostic] = []
        var documents: [(path: String, doc: XMLDocument)] = []
        // Parse and validate on every core: each document has its own parser and validation context, and the
        // compiled schema is only read (libxml2 allows that from several threads).
        let parsed = ParsedSlots(count: paths.count)
        let shared = SharedSchema(schema)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do {
                let doc = try XMLDocument.parse(file: paths[i])
                parsed.set(i, .success((doc, shared.schema.validate(doc))))
            } catch let error as XMLParseError {
                parsed.set(i, .failure(error))
            } catch {
                parsed.set(i, .failure(XMLParseError([.init(file: paths[i], line: 1, column: 1, message: "\(error)")])))
            }
        }
        for (path, result) in zip(paths, parsed.values) {
            switch result {
            case .success(let (doc, problems)):
                diagnostics += problems
                if problems.isEmpty { documents.append((path, doc)) }
            case .failure(let error):
                diagnostics += error.diagnostics
            case nil:
                break
            }
        }
        var reader = ModelReader()
        var sources: [Source] = []
        var vocabulary = Vocabulary(sets: [:])
        var jurisdictions: [Jurisdiction] = []
        var instruments: [Instrument] = []
        var cases: [CourtCase] = []
        var annexes: [(AnnexDefinition, XMLElement)] = []
        var crosswalk: [CrosswalkMapping] = []
        var jurisdictionRoots: [XMLElement] = []
        var otherRoots: [XMLElement] = []
        for (path, doc) in documents {
            let root = doc.root
            let fileName = (path as NSString).lastPathComponent
            let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            switch (root.name, fileName, folder) {
            case ("sources", "sources.xml", _): sources = reader.sources(root)
            case ("vocabulary", "vocabulary.xml", _): vocabulary = reader.vocabulary(root)
            case ("jurisdiction", _, "jurisdictions"):
                jurisdictions.append(reader.jurisdiction(root))
                jurisdictionRoots.append(root)
            case ("instrument", _, "instruments"):
                instruments.append(reader.instrument(root))
                otherRoots.append(root)
            case ("annex", _, "annexes"):
                annexes.append((reader.annex(root), root))
                otherRoots.append(root)
            case ("crosswalk", "crosswalk.xml", _):
                crosswalk = reader.crosswalk(root)
                otherRoots.append(root)
            case ("court-cases", "cases.xml", _):
                cases = reader.courtCases(root)
                otherRoots.append(root)
            default:
                diagnostics.append(root.diagnostic(
                    "<\(root.name)> does not belong in \(folder)/\(fileName); sources.xml holds <sources>, "
                        + "vocabulary.xml <vocabulary>, cases.xml <court-cases>, jurisdictions/*.xml one "
                        + "<jurisdiction> each, instruments/*.xml one <instrument> each"))
            }
        }
        diagnostics += reader.diagnostics
        var checks = CrossReferenceCheck(sources: Set(sources.map(\.id)), vocabulary: vocabulary)
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
        // Annex rows must show a mechanism that exists in the jurisdiction they name.
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
        for (m, element) in zip(crosswalk, otherRoots.first { $0.name == "crosswalk" }?.children(named: "mapping") ?? []) {
            for id in m.jurisdictionIDs where !jurisdictions.contains(where: { $0.id == id }) {
                diagnostics.append(element.diagnostic("crosswalk mapping \(m.id) names jurisdiction \"\(id)\", which is not in the corpus"))
            }
        }
        var corpus = Corpus(jurisdictions: jurisdictions, instruments: instruments, cases: cases,
                            annexes: annexes.map(\.0), sources: sources, vocabulary: vocabulary)
        corpus.crosswalk = crosswalk
        return (corpus, ValidationReport(diagnostics: diagnostics, documentCount: paths.count,
                                         citationCount: checks.citationCount, quotationCount: checks.quotationCount))
    }
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
