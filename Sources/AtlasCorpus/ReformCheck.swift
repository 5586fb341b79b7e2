import AtlasModel
import Foundation
internal import SafeXML

/// The checks of reform packages the schema cannot express: the jurisdiction a package changes exists, its
/// conditions name that jurisdiction's condition sets, variants are marked in pairs, and every reform applies to
/// the law on its own (each rule it names exists, each rule it adds is new). The last check is the very overlay
/// `whatif` runs, so a package that validates is one the commands can apply.
enum ReformCheck {
    /// An entry-into-force date for the check: after every dated version of the corpus, so that each change meets
    /// the law as it stands now.
    static let checkDate = CalendarDate(year: 2100, month: 1, day: 1)!

    static func check(_ package: ReformPackage, root: XMLElement, jurisdictions: [Jurisdiction],
                      unread: Set<String> = []) -> [CorpusDiagnostic] {
        guard !unread.contains(package.jurisdiction) else { return [] }
        guard let j = jurisdictions.first(where: { $0.id == package.jurisdiction }) else {
            return [root.diagnostic(.unresolvedReference,
                "reform package \(package.id) changes jurisdiction \"\(package.jurisdiction)\", which is not in the "
                + "corpus; known: " + jurisdictions.map(\.id).sorted().joined(separator: ", "))]
        }
        var diagnostics: [CorpusDiagnostic] = []
        let sets = Set(j.conditionSets.map(\.id))
        for e in CrossReferenceCheck.descendants(of: root) {
            if e.name == "ref", let set = e.attribute("set"), !sets.contains(set) {
                diagnostics.append(e.diagnostic(.unresolvedReference,
                    "<ref set=\"\(set)\"> names no condition-set of \(j.id); known: "
                    + sets.sorted().joined(separator: ", ")))
            }
            if e.name == "reform", (e.attribute("variant") == nil) != (e.attribute("variant-set") == nil) {
                diagnostics.append(e.diagnostic(.invalidValue,
                    "a variant names its set: give variant= and variant-set= together, or neither"))
            }
        }
        for reform in package.reforms {
            do throws(ReformError) {
                _ = try ReformStack([reform]).apply(to: j, effective: checkDate)
            } catch {
                let at = error.origin ?? reform.origin
                diagnostics.append(CorpusDiagnostic(code: .unresolvedReference, file: at?.file ?? root.file,
                                                    line: at?.line ?? root.line, column: at?.column ?? root.column,
                                                    message: error.message))
            }
        }
        return diagnostics
    }
}

extension CorpusLoader {
    /// Reads a user's own reform file against `corpus`: the same schema, reader and checks as the corpus's
    /// packages (sources, vocabulary, facts, rule ids), every problem with its file and line.
    public static func readReformFile(_ path: String, schemaFile: String, corpus: Corpus) throws(CorpusError)
        -> ReformPackage
    {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(file: path)
        } catch {
            throw CorpusError(error.diagnostics.map { CorpusDiagnostic($0, code: .malformedDocument) })
        }
        let schema: XMLSchema
        do {
            schema = try XMLSchema(file: schemaFile)
        } catch {
            throw CorpusError(error.diagnostics.map { CorpusDiagnostic($0, code: .schemaUnreadable) })
        }
        let root = document.root
        guard root.name == "reform-package" else {
            throw CorpusError([root.diagnostic(.misplacedDocument,
                "<\(root.name)> is not a reform file; a reform file holds one <reform-package> (see corpus/reforms)")])
        }
        let invalid = schema.validate(document)
        guard invalid.isEmpty else {
            throw CorpusError(invalid.map { explained(CorpusDiagnostic($0, code: .schemaViolation)) })
        }
        var reader = ModelReader()
        let package = reader.reformPackage(root)
        var checks = CrossReferenceCheck(sources: Set(corpus.sources.map(\.id)), vocabulary: corpus.vocabulary)
        checks.check(document: root)
        var diagnostics = reader.diagnostics + checks.diagnostics
        diagnostics += ReformCheck.check(package, root: root, jurisdictions: corpus.jurisdictions)
        for (index, r) in package.reforms.enumerated() where corpus.reform(r.id) != nil {
            let at = root.children(named: "reform")[index]
            diagnostics.append(at.diagnostic(.duplicateID,
                "reform id \"\(r.id)\" is already a reform of the corpus; give yours another id"))
        }
        guard diagnostics.isEmpty else { throw CorpusError(diagnostics) }
        return package
    }
}
