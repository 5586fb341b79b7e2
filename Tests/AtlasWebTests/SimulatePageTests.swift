import AtlasCorpus
import AtlasModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import Testing
@testable import AtlasReport
@testable import AtlasWeb

/// The simulate page's answer (issue 16): the timeline chart inline and as a file, a link from every row to its
/// reasoning, the reasoning with its citations and their quotations, and the standards' verdicts, in each language.
@Suite struct SimulatePageTests {
    static let simulate = "/simulate?term=9y&category=grave&start=2022-01-10"

    /// The ids of every jurisdiction of the bundled corpus.
    static var jurisdictions: Set<String> { Set(TestSite.corpus.jurisdictions.map(\.id)) }

    @Test("The timeline is inline SVG, well-formed, with one bar (or a note why none) per jurisdiction",
          arguments: Language.allCases)
    func timeline(language: Language) async throws {
        let fetched = try await TestSite.get(Self.simulate + "&lang=" + language.rawValue)
        #expect(fetched.status == .ok)
        let svg = try #require(Self.element("svg", in: fetched.body))
        #expect(!svg.hasPrefix("<?xml"))
        // The page's policy forbids inline styles: the chart draws with presentation attributes alone.
        #expect(!svg.contains("style="))
        let drawn = try ChartReading(svg)
        #expect(drawn.language == language.rawValue)
        #expect(drawn.bars.count > 1)
        #expect(Set(drawn.bars).count == drawn.bars.count, "a jurisdiction has one bar")
        #expect((drawn.bars + drawn.notes).sorted() == Self.jurisdictions.sorted())
    }

    @Test("The chart is offered as a file, the SVG the command line writes, with its content type")
    func chartFile() async throws {
        let page = try await TestSite.get(Self.simulate + "&lang=ru")
        #expect(page.body.contains(
            "<a href=\"/simulate/chart.svg?term=9y&amp;category=grave&amp;start=2022-01-10&amp;lang=ru\""))
        let file = try await TestSite.get("/simulate/chart.svg?term=9y&category=grave&start=2022-01-10&lang=ru")
        #expect(file.status == .ok)
        #expect(file.headers[.contentType] == "image/svg+xml; charset=utf-8")
        #expect(file.body.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let drawn = try ChartReading(file.body)
        #expect(drawn.language == "ru")
        #expect((drawn.bars + drawn.notes).sorted() == Self.jurisdictions.sorted())
        // The file carries the provenance as the command line's does.
        #expect(file.body.contains("class=\"footer\""))
        let bad = try await TestSite.get("/simulate/chart.svg?term=9y&category=grave&start=2022-02-30&lang=kk")
        #expect(bad.status == .badRequest)
    }

    @Test("Every row of the outcome table links to its reasoning: the same query with explain=ID, at its section",
          arguments: Language.allCases)
    func rowLinks(language: Language) async throws {
        let fetched = try await TestSite.get(Self.simulate + "&lang=" + language.rawValue)
        let table = try #require(Self.element("table", in: fetched.body))
        let rows = table.components(separatedBy: "<tr>").dropFirst(2)  // before the first, and the header row
        #expect(rows.count == Self.jurisdictions.count)
        var linked: Set<String> = []
        for row in rows {
            let match = try #require(row.firstMatch(of: #/href="/simulate\?([^"#]*)#explain-([a-z-]+)"/#), Comment(rawValue: row))
            let id = String(match.output.2)
            #expect(String(match.output.1) == "term=9y&amp;category=grave&amp;start=2022-01-10&amp;lang="
                + language.rawValue + "&amp;explain=" + id)
            linked.insert(id)
        }
        #expect(linked == Self.jurisdictions)
    }

    @Test("explain=ID opens that jurisdiction's reasoning, every step's citations and their quotations a click away",
          arguments: Language.allCases)
    func reasoning(language: Language) async throws {
        let fetched = try await TestSite.get(Self.simulate + "&explain=fi&lang=" + language.rawValue)
        #expect(fetched.status == .ok)
        let section = try #require(Self.section(id: "explain-fi", in: fetched.body))
        #expect(!fetched.body.contains("id=\"explain-kz\""), "only the reasoning asked for is shown")
        #expect(section.contains("<ul class=\"reasoning\">"))
        // A step's citation links to its entry in the list, which holds the verbatim quotation.
        let cited = try #require(section.firstMatch(of: #/<span class="cites">\[<a href="#(cite-fi-\d+)">/#))
        #expect(section.contains("<li id=\"" + cited.output.1 + "\">"))
        #expect(section.contains("<ol class=\"citations\">"))
        let quoted = try #require(section.firstMatch(of: #/<details><summary><cite>([^<]+)</cite></summary><blockquote lang="(kk|ru|en)">([^<]+)</blockquote>/#))
        // The quotation is worded as `show --quotes` prints it: in marks, then its locator.
        #expect(quoted.output.3.hasSuffix("(" + quoted.output.1 + ")"))
        // The form keeps the reasoning asked for.
        #expect(fetched.body.contains("name=\"explain\" value=\"fi\""))
    }

    @Test("The standards' verdicts for the case are a table under the outcomes, a row per verdict",
          arguments: Language.allCases)
    func conformance(language: Language) async throws {
        let life = "term=life&category=especially-grave&start=2001-05-20&lang=" + language.rawValue
        let fetched = try await TestSite.get("/simulate?" + life)
        let section = try #require(Self.section(id: "conformance", in: fetched.body))
        let api = try await TestSite.get("/api/v1/simulate?" + life)
        let outcomes = try #require((try api.json as? [String: Any])?["outcomes"] as? [[String: Any]])
        let verdicts = outcomes.map { ($0["conformance"] as? [Any])?.count ?? 0 }.reduce(0, +)
        #expect(verdicts > 0)
        #expect(section.components(separatedBy: "<tr>").count - 2 == verdicts)
        // Each row names its jurisdiction, linking to its reasoning, and the verdict in the page's language.
        #expect(section.contains("<td><a href=\"/simulate?" + life.replacingOccurrences(of: "&", with: "&amp;")
            + "&amp;explain=kz#explain-kz\">kz</a></td>"))
        let order = try #require(fetched.body.range(of: "<section id=\"conformance\">"))
        #expect(fetched.body[..<order.lowerBound].contains("<svg "), "the verdicts come under the outcome")
        // A case no standard speaks to says so, in the page's language.
        let none = try await TestSite.get(Self.simulate + "&lang=" + language.rawValue)
        let empty = try #require(Self.section(id: "conformance", in: none.body))
        #expect(empty.contains(HTMLText.escaped(WebPhrase.pageConformanceNone.text(language))))
    }

    @Test("The answer on the Kazakh and Russian pages has no English word beyond ids and quotations",
          arguments: [Language.kk, .ru])
    func noEnglish(language: Language) async throws {
        let fetched = try await TestSite.get(Self.simulate + "&explain=kz&lang=" + language.rawValue)
        let start = try #require(fetched.body.range(of: "</form>"))
        let end = try #require(fetched.body.range(of: "<ul class=\"regimes\">"))
        var answer = String(fetched.body[start.upperBound..<end.lowerBound])
        // Quotations are the sources' own words; citations are locators (`kz-cc-2014 art. 72(3)`), as the command
        // line prints them (in brackets there, set aside by its language check too); neither is the page's wording.
        for pattern in [#/<blockquote[^>]*>[^<]*</blockquote>/#, #/<cite>[^<]*</cite>/#,
                        #/<span class="cites">.*?</span>/#, #/<section class="sources">.*?</section>/#.dotMatchesNewlines(),
                        #/<[^>]*>/#] {
            answer = answer.replacing(pattern, with: " ")
        }
        answer = Self.withoutCorpusTexts(Self.unescaped(answer), language)
        let words = answer.matches(of: #/[A-Za-z][A-Za-z_'-]*/#).map { String($0.output) }
        let foreign = Set(words.filter { $0.contains(where: \.isLowercase) && !Self.ids.contains($0) })
        #expect(foreign.isEmpty, "\(language.rawValue): \(foreign.sorted())")
    }

    /// Words an answer may show as they are: the corpus's ids and codes (attribute values) split into words, as
    /// a citation's source or a rule's id is printed.
    static let ids: Set<String> = {
        let root = URL(fileURLWithPath: CorpusLocation.bundledCorpus)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" } ?? []
        var ids: Set<String> = []
        for file in files {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for match in text.matches(of: #/\s(?:id|source|ref|term)="([^"]*)"/#) {
                ids.formUnion(match.output.1.matches(of: #/[A-Za-z][A-Za-z_'-]*/#).map { String($0.output) })
            }
        }
        return ids
    }()

    /// The corpus's own texts in each language (labels, names, notes), which name courts and statutes as their
    /// sources do (`(day parole)`): the page shows them as they are, so they are not its wording.
    static let corpusTexts: [Language: [String]] = {
        let root = URL(fileURLWithPath: CorpusLocation.bundledCorpus)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" } ?? []
        var texts: [Language: Set<String>] = [:]
        for file in files {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for match in text.matches(of: #/xml:lang="(kk|ru|en)"[^>]*>([^<]+)</#) {
                guard let language = Language(rawValue: String(match.output.1)) else { continue }
                let body = unescaped(String(match.output.2)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if body.contains(where: { $0.isASCII && $0.isLetter }) { texts[language, default: []].insert(body) }
            }
        }
        // The longest first, so that a text is set aside whole before a shorter one inside it.
        return texts.mapValues { $0.sorted { $0.count > $1.count } }
    }()

    static func withoutCorpusTexts(_ text: String, _ language: Language) -> String {
        var out = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for corpusText in corpusTexts[language] ?? [] where out.contains(corpusText) {
            out = out.replacingOccurrences(of: corpusText, with: " ")
        }
        return out
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The first `<name …>…</name>` of `html` (not nested in one of its kind).
    static func element(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "<" + name + " ") ?? html.range(of: "<" + name + ">"),
              let end = html.range(of: "</" + name + ">", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The `<section id="…">` of `html`.
    static func section(id: String, in html: String) -> String? {
        guard let start = html.range(of: "<section id=\"" + id + "\">")
                ?? html.range(of: "<section class=\"trace\" id=\"" + id + "\">"),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}

/// What a timeline draws, read back with Foundation's XML parser (which fails on a document that is not
/// well-formed): the jurisdictions with a bar, those with a note instead, and the language of the chart.
final class ChartReading: NSObject, XMLParserDelegate {
    private(set) var bars: [String] = []
    private(set) var notes: [String] = []
    private(set) var language: String?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ChartError(reason: parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "svg" { language = attributes["xml:lang"] }
        guard let jurisdiction = attributes["data-jurisdiction"] else { return }
        if name == "rect", attributes["class"] == "bar" { bars.append(jurisdiction) }
        if name == "text", attributes["class"] == "no-bar" { notes.append(jurisdiction) }
    }

    struct ChartError: Error { let reason: String }
}
