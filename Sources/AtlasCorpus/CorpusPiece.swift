import AtlasModel
import Foundation
internal import SafeXML

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
        case reforms(ReformPackage)
        case stats(StatsTable)
        /// A root element in a file or folder where it does not belong.
        case misplaced(CorpusDiagnostic)
    }

    var content: Content
    var diagnostics: [CorpusDiagnostic]

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
        case ("reform-package", _, "reforms"): content = .reforms(reader.reformPackage(root))
        case ("stats-table", _, "stats"): content = .stats(reader.statsTable(root))
        default:
            content = .misplaced(root.diagnostic(.misplacedDocument,
                "<\(root.name)> does not belong in \(folder)/\(fileName); sources.xml holds <sources>, "
                    + "vocabulary.xml <vocabulary>, cases.xml <court-cases>, jurisdictions/*.xml one "
                    + "<jurisdiction> each, instruments/*.xml one <instrument> each, reforms/*.xml one <reform-package> each, "
                    + "stats/*.xml one <stats-table> each"))
        }
        return CorpusPiece(content: content, diagnostics: reader.diagnostics)
    }
}


/// The model parts of every document read, in document order, with the root elements the cross-reference checks
/// walk.
struct CorpusParts {
    var sources: [Source] = []
    var vocabulary = Vocabulary(sets: [:])
    /// Replaced by vocabulary.xml's <home>; a corpus without a readable vocabulary is refused anyway.
    var home = HomeLaw(jurisdiction: "")
    var vocabularyRoot: XMLElement?
    var jurisdictions: [Jurisdiction] = []
    var instruments: [Instrument] = []
    var cases: [CourtCase] = []
    var annexes: [(AnnexDefinition, XMLElement)] = []
    var crosswalk: [CrosswalkMapping] = []
    var reformPackages: [(ReformPackage, XMLElement)] = []
    var stats: [(StatsTable, XMLElement)] = []
    var jurisdictionRoots: [XMLElement] = []
    /// Roots of instruments, annexes, the crosswalk and the cases file.
    var otherRoots: [XMLElement] = []
    var sourcesRead = false
    var vocabularyRead = false
    /// Root elements in a file or folder where they do not belong.
    var misplaced: [CorpusDiagnostic] = []
    var readerDiagnostics: [CorpusDiagnostic] = []

    mutating func add(_ piece: CorpusPiece, root: XMLElement) {
        readerDiagnostics += piece.diagnostics
        switch piece.content {
        case .sources(let read):
            sources = read
            sourcesRead = true
        case .vocabulary(let read, let homeLaw):
            vocabulary = read
            home = homeLaw
            vocabularyRead = true
            vocabularyRoot = root
        case .jurisdiction(let jurisdiction):
            jurisdictions.append(jurisdiction)
            jurisdictionRoots.append(root)
        case .instrument(let instrument):
            instruments.append(instrument)
            otherRoots.append(root)
        case .annex(let annex):
            annexes.append((annex, root))
            otherRoots.append(root)
        case .crosswalk(let mappings):
            crosswalk = mappings
            otherRoots.append(root)
        case .courtCases(let read):
            cases = read
            otherRoots.append(root)
        case .reforms(let package):
            reformPackages.append((package, root))
            otherRoots.append(root)
        case .stats(let table):
            stats.append((table, root))
            otherRoots.append(root)
        case .misplaced(let diagnostic):
            misplaced.append(diagnostic)
        }
    }

    /// The corpus these parts make, without its digest.
    var corpus: Corpus {
        var corpus = Corpus(jurisdictions: jurisdictions, instruments: instruments, cases: cases,
                            annexes: annexes.map(\.0), sources: sources, vocabulary: vocabulary, home: home)
        corpus.crosswalk = crosswalk
        corpus.reformPackages = reformPackages.map(\.0)
        corpus.stats = stats.map(\.0)
        return corpus
    }
}
