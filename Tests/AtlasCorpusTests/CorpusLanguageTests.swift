import AtlasCorpus
import Foundation
import SafeXML
import Testing

/// Every text of the corpus a user reads is in kk, ru and en, and the English is English: a reader of any of the
/// three languages gets the whole page in it (the output tests check the pages; these check the data, so that a
/// missing translation is named at its line, not found later as a fallback on some page).
@Suite struct CorpusLanguageTests {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The elements that hold one language each and that readers read: every one of them comes as a group with a
    /// kk, a ru and an en member. Quotations (`quote`) are absent on purpose: they stay in the source's language.
    static let localized: Set<String> = [
        "label", "name", "note", "title", "statement", "why", "holding", "definition", "body", "court", "reference",
        "element",
    ]

    /// The cells of an amendment table (corpus/reforms): the report's own Kazakh as quotations, and `<text>`
    /// renderings in Russian and English.
    static let tableCells: Set<String> = ["current", "proposed", "justification"]

    /// Whether `e` is a table cell (or a table's title, which is one), and which of its languages are missing.
    static func missingInCell(_ e: XMLElement, under parent: XMLElement) -> [String]? {
        guard tableCells.contains(e.name) || (e.name == "title" && parent.name == "table") else { return nil }
        var have = Set(e.children(named: "text").compactMap { $0.attribute("lang", namespace: xmlNamespace) })
        let quotes = e.children(named: "cite").flatMap { $0.children(named: "quote") }
        if quotes.contains(where: { $0.attribute("lang", namespace: xmlNamespace) == "kk" }) { have.insert("kk") }
        return languages.filter { !have.contains($0) }
    }

    static let languages = ["kk", "ru", "en"]

    /// The corpus's XML files, relative to `root`.
    static func files(in root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    /// Each element group of `document` that lacks a language: under every element, the children of one localized
    /// name must be in kk, ru and en equally often (two holdings: two of each).
    static func missingLanguages(_ document: SafeXML.XMLDocument) -> [String] {
        var found: [String] = []
        func visit(_ element: XMLElement) {
            var counts: [String: [String: Int]] = [:]
            var firstLine: [String: Int] = [:]
            for child in element.children {
                if let short = missingInCell(child, under: element) {
                    if !short.isEmpty {
                        found.append("\(document.name):\(child.line): <\(child.name)> lacks \(short.joined(separator: ", "))")
                    }
                    visit(child)
                    continue
                }
                if localized.contains(child.name) {
                    let language = child.attribute("lang", namespace: xmlNamespace) ?? "none"
                    counts[child.name, default: [:]][language, default: 0] += 1
                    if firstLine[child.name] == nil { firstLine[child.name] = child.line }
                }
                visit(child)
            }
            for (name, byLanguage) in counts.sorted(by: { $0.key < $1.key }) {
                let most = byLanguage.values.max() ?? 0
                let short = languages.filter { byLanguage[$0, default: 0] < most }
                let other = byLanguage.keys.filter { !languages.contains($0) }.sorted()
                if !short.isEmpty || !other.isEmpty {
                    found.append("\(document.name):\(firstLine[name] ?? element.line): <\(name)> under <\(element.name)>"
                        + " lacks \(short.joined(separator: ", "))" + (other.isEmpty ? "" : "; other: \(other)"))
                }
            }
        }
        visit(document.root)
        return found
    }

    /// English texts holding Cyrillic outside quotation marks (a quoted word of the source stays as the source
    /// writes it; anything else, an institution's Kazakh abbreviation included, has an English name).
    static func cyrillicInEnglish(_ document: SafeXML.XMLDocument) -> [String] {
        var found: [String] = []
        let quoted = try! Regex(#"«[^»]*»|"[^"]*"|“[^”]*”"#)
        func visit(_ element: XMLElement) {
            for child in element.children {
                // The English renderings of amendment-table cells (`text`) are English too.
                if localized.contains(child.name) || child.name == "text",
                   child.attribute("lang", namespace: xmlNamespace) == "en" {
                    let unquoted = child.collapsedText.replacing(quoted, with: " ")
                    if unquoted.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                        found.append("\(document.name):\(child.line): <\(child.name)>: \(child.collapsedText)")
                    }
                }
                visit(child)
            }
        }
        visit(document.root)
        return found
    }

    static func document(_ root: String, _ file: String) throws -> SafeXML.XMLDocument {
        try SafeXML.XMLDocument.parse(file: (root as NSString).appendingPathComponent(file))
    }

    @Test func everyUserReadTextIsInKazakhRussianAndEnglish() throws {
        let root = CorpusLocation.bundledCorpus
        let files = Self.files(in: root)
        #expect(files.count > 40)
        var missing: [String] = []
        for file in files { missing += Self.missingLanguages(try Self.document(root, file)) }
        #expect(missing.isEmpty, "\(missing.prefix(20))")
    }

    @Test func englishTextsAreEnglishOutsideQuotations() throws {
        let root = CorpusLocation.bundledCorpus
        var found: [String] = []
        for file in Self.files(in: root) { found += Self.cyrillicInEnglish(try Self.document(root, file)) }
        #expect(found.isEmpty, "\(found.prefix(20))")
    }

    /// The checks find what they are for: one language taken from one element of the real corpus, and a Kazakh
    /// abbreviation put into an English label, are each named.
    @Test func aLanguageRemovedFromOneElementIsFound() throws {
        let scratch = try ScratchCorpus()
        defer { try? FileManager.default.removeItem(at: scratch.directory) }
        for (element, file) in [
            (#"<court xml:lang="ru">Комитет ООН по правам человека (КПЧ)</court>"#, "cases.xml"),
            (#"<body xml:lang="kk">БҰҰ Бас Ассамблеясы (65/229 қарары)</body>"#, "instruments/bangkok-rules.xml"),
            (#"<reference xml:lang="en">No. 2502/2014</reference>"#, "cases.xml"),
            (#"<label xml:lang="ru">Условно-досрочное освобождение</label>"#, "jurisdictions/am.xml"),
        ] {
            let original = try String(contentsOfFile: scratch.path(file), encoding: .utf8)
            #expect(Self.missingLanguages(try Self.document(scratch.directory.path, file)).isEmpty, "\(file)")
            try scratch.replace(element, with: "", in: file)
            let missing = Self.missingLanguages(try Self.document(scratch.directory.path, file))
            #expect(missing.count == 1, "\(element): \(missing)")
            #expect(missing.first?.contains("\(file):") == true, "\(missing)")
            try scratch.write(original, to: file)
        }
        try scratch.replace("Conditional early release (parole), as Annex 1 names it",
                            with: "Conditional early release (parole), \"ШМБ\" (ШМБ) in Annex 1",
                            in: "jurisdictions/am.xml")
        let found = Self.cyrillicInEnglish(try Self.document(scratch.directory.path, "jurisdictions/am.xml"))
        #expect(found.count == 1, "\(found)")
    }
}
