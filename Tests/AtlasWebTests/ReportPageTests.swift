import AtlasEngine
import AtlasModel
import Foundation
import Hummingbird
import HummingbirdTesting
import SafeXML
import Testing
import ZIPFoundation
@testable import AtlasReport
@testable import AtlasWeb

/// A download as a test reads it: the bytes, not text.
struct Downloaded {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bytes: [UInt8]

    /// GETs `uri` through the router.
    static func get(_ uri: String) async throws -> Downloaded {
        let application = Application(router: TestSite.site.router())
        return try await application.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                Downloaded(status: response.status, headers: response.headers,
                           bytes: response.body.getBytes(at: response.body.readerIndex, length: response.body.readableBytes) ?? [])
            }
        }
    }

    /// The part `path` of the ZIP container, parsed as XML (failing the test when it is not well-formed).
    func part(_ path: String) throws -> SafeXML.XMLDocument {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path], "no part \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return try SafeXML.XMLDocument.parse(bytes: [UInt8](data), name: path)
    }
}

/// The report's pages: search, statistics, annexes, compare and what-if.
@Suite struct ReportPageTests {
    static let whatIfCase = "term=9y&category=grave&start=2022-01-10&jurisdiction=kz"
    static let pages = [
        "/search", "/search?q=Tokyo", "/stats", "/stats/ch4-petitions", "/annex", "/annex/1", "/annex/3", "/annex/4",
        "/compare", "/compare?jurisdiction=kz&jurisdiction=ru&aspect=thresholds", "/whatif",
        "/whatif?\(whatIfCase)&set=kz-cc-72-3-grave%3D1%2F3",
    ]

    @Test("Every report page in kk, ru and en: in that language, no phrase key left, the switch to the same state",
          arguments: pages, Language.allCases)
    func translated(uri: String, language: Language) async throws {
        let fetched = try await TestSite.get(uri + (uri.contains("?") ? "&" : "?") + "lang=" + language.rawValue)
        #expect(fetched.status == .ok, "\(uri): \(fetched.body.prefix(2000))")
        #expect(fetched.body.contains("<html lang=\"\(language.rawValue)\">"))
        let leftOver = Phrasebook.declared.filter { fetched.body.contains($0) }
        #expect(leftOver.isEmpty, "\(uri) [\(language.rawValue)]: \(leftOver)")
        for other in Language.allCases { #expect(fetched.body.contains("lang=\(other.rawValue)\"")) }
        // Every page is in the navigation, named in the page's language.
        for (path, name) in HTMLPage.pages {
            #expect(fetched.body.contains("<a href=\"\(path)?lang=\(language.rawValue)\">\(HTMLText.escaped(name.text(language)))</a>"))
        }
        #expect(fetched.headers[.contentSecurityPolicy] != nil)
    }

    @Test("Search: each hit links to its record's page, the matched words marked")
    func search() async throws {
        let fetched = try await TestSite.get("/search?q=%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD&lang=kk")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<mark>"))
        #expect(fetched.body.contains("href=\"/jurisdictions/kz?lang=kk\""))
        #expect(fetched.body.contains("name=\"q\" value=\"қазақстан\""))
        let rules = try await TestSite.get("/search?q=parole&kind=rule&jurisdiction=fi")
        #expect(rules.status == .ok)
        #expect(rules.body.contains("<option value=\"rule\" selected>"))
        #expect(!rules.body.contains("href=\"/jurisdictions/kz?lang=en\">kz</a>"))
        let reform = try await TestSite.get("/search?q=juvenile&kind=reform")
        #expect(reform.body.contains("href=\"/whatif?reform="))
    }

    @Test("Statistics: the index links every table; a table page shows its chart, served as SVG, and real tables")
    func stats() async throws {
        let index = try await TestSite.get("/stats?lang=ru")
        #expect(index.body.contains("href=\"/stats/ch4-petitions?lang=ru\""))
        let page = try await TestSite.get("/stats/ch4-petitions?lang=ru")
        #expect(page.body.contains("<img src=\"/stats/ch4-petitions.svg?lang=ru\""))
        #expect(page.body.contains("<table>") && !page.body.contains("<pre>"))
        #expect(page.body.contains("href=\"/stats/ch4-petitions/download?lang=ru&amp;format=xlsx\""))
        let chart = try await TestSite.get("/stats/ch4-petitions.svg?lang=ru")
        #expect(chart.status == .ok)
        #expect(chart.headers[.contentType] == "image/svg+xml; charset=utf-8")
        #expect(chart.body.contains("<svg"))
        let expected = StatsChart(StatsComputation(try #require(TestSite.corpus.statsTable("ch4-petitions"))),
                                  language: .ru, provenance: Provenance(corpus: TestSite.corpus)).svg
        #expect(chart.body == expected)
    }

    @Test("Annex 1: each country's row links to its regime page")
    func annexLinks() async throws {
        let fetched = try await TestSite.get("/annex/1?lang=ru")
        let kz = try #require(TestSite.corpus.jurisdiction("kz")?.names.text(in: Language.ru))
        #expect(fetched.body.contains("<a href=\"/jurisdictions/kz?lang=ru\">" + HTMLText.escaped(kz) + "</a>"))
    }

    @Test("Compare: the side-by-side table, each jurisdiction linked to its regime page, the choices kept")
    func compare() async throws {
        let fetched = try await TestSite.get("/compare?jurisdiction=kz&jurisdiction=de&aspect=thresholds&as-of=2020-01-01")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<a href=\"/jurisdictions/de?lang=en\">de</a>"))
        #expect(fetched.body.contains("<option value=\"de\" selected>"))
        #expect(fetched.body.contains("<option value=\"thresholds\" selected>"))
        #expect(fetched.body.contains("name=\"as-of\" value=\"2020-01-01\""))
        #expect(fetched.body.contains("<caption>"))
    }

    @Test("What-if: before and after side by side for a change written on the line, and for a reform picked")
    func whatIf() async throws {
        let fetched = try await TestSite.get("/whatif?\(Self.whatIfCase)&set=kz-cc-72-3-grave%3D1%2F3")
        #expect(fetched.status == .ok)
        let w = Wording(.en, vocabulary: TestSite.corpus.vocabulary)
        #expect(fetched.body.contains("<th scope=\"col\">" + HTMLText.escaped(w.text(.whatifColumnBefore)) + "</th>"))
        #expect(fetched.body.contains("<th scope=\"col\">" + HTMLText.escaped(w.text(.whatifColumnAfter)) + "</th>"))
        #expect(fetched.body.contains("<textarea id=\"field-set\" name=\"set\" rows=\"3\">kz-cc-72-3-grave=1/3</textarea>"))
        #expect(!fetched.body.contains(w.text(.whatifNoDifference)))
        let picked = try await TestSite.get("/whatif?term=5y&category=medium&start=2023-01-10&reform=kz-annex-3%401")
        #expect(picked.status == .ok)
        #expect(picked.body.contains("<option value=\"kz-annex-3@1\" selected>"))
        // A reform linked from elsewhere (search) is chosen in the picker, the case still to be stated.
        let linked = try await TestSite.get("/whatif?reform=kz-annex-3%401")
        #expect(linked.status == .ok && !linked.body.contains("class=\"error\""))
    }

    @Test("Downloads: the content type and file name of each format; DOCX and XLSX open and hold the table",
          arguments: [
              ("/stats/ch4-petitions/download?lang=ru", "stats-ch4-petitions"),
              ("/annex/1/download?lang=kk", "annex-1"), ("/annex/4/download?lang=en", "annex-4"),
              ("/compare/download?jurisdiction=kz&jurisdiction=ru&lang=ru", "compare"),
              ("/whatif/download?\(whatIfCase)&set=kz-cc-72-3-grave%3D1%2F3", "whatif"),
          ])
    func downloads(uri: String, name: String) async throws {
        let types: [(String, String)] = [
            ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("csv", "text/csv; charset=utf-8"),
        ]
        for (format, type) in types {
            let fetched = try await Downloaded.get(uri + "&format=" + format)
            #expect(fetched.status == .ok, "\(uri) \(format)")
            #expect(fetched.headers[.contentType] == type)
            #expect(fetched.headers[.contentDisposition] == "attachment; filename=\"\(name).\(format)\"")
            switch format {
            case "docx":
                let document = try fetched.part("word/document.xml").root
                #expect(document.descendants("tbl").count >= 1 && !document.text.isEmpty)
            case "xlsx":
                _ = try fetched.part("xl/workbook.xml")
                #expect(try fetched.part("xl/worksheets/sheet1.xml").root.descendants("row").count >= 2)
            default:
                #expect(fetched.bytes.count > 10)
                // Excel reads a Cyrillic CSV as UTF-8 only after a byte order mark.
                let cyrillic = uri.contains("lang=kk") || uri.contains("lang=ru")
                #expect((fetched.bytes.prefix(3) == [0xEF, 0xBB, 0xBF]) == cyrillic)
            }
        }
    }

    @Test("Compare downloads in every export format", arguments: ["html", "json", "markdown"])
    func compareFormats(format: String) async throws {
        let fetched = try await Downloaded.get("/compare/download?jurisdiction=kz&jurisdiction=ru&format=" + format)
        #expect(fetched.status == .ok)
        #expect(fetched.headers[.contentType]?.hasPrefix(Download.contentType(.init(rawValue: format)!)) == true)
        #expect(String(decoding: fetched.bytes, as: UTF8.self).contains("kz"))
    }

    @Test("Bad input: a 4xx with one line in the page's language, the form kept filled",
          arguments: [
              ("/search?q=%21%21%21&lang=ru", HTTPResponse.Status.badRequest, "value=\"!!!\""),
              ("/search?q=parole&kind=rules&lang=ru", .badRequest, "value=\"parole\""),
              ("/search?q=parole&jurisdiction=zz&lang=ru", .notFound, "value=\"parole\""),
              ("/stats/ch4-petition?lang=ru", .notFound, "ch4-petitions"),
              ("/stats/ch4-petitions/download?format=pdf&lang=ru", .badRequest, "docx, xlsx, csv"),
              ("/annex/9?lang=ru", .notFound, "1, 2, 3, 4"),
              ("/annex/x?lang=ru", .notFound, "1, 2, 3, 4"),
              ("/compare?jurisdiction=kz&lang=ru", .badRequest, "<option value=\"kz\" selected>"),
              ("/compare?jurisdiction=kz&jurisdiction=ru&aspect=colour&lang=ru", .badRequest, "<option value=\"ru\" selected>"),
              ("/compare?jurisdiction=kz&jurisdiction=ru&as-of=2020-02-30&lang=ru", .badRequest, "value=\"2020-02-30\""),
              ("/whatif?\(whatIfCase)&lang=ru", .badRequest, "name=\"term\" value=\"9y\""),
              ("/whatif?\(whatIfCase)&reform=kz-annex-33&lang=ru", .badRequest, "kz-annex-3"),
              ("/whatif?\(whatIfCase)&reform=kz-annex-2&lang=ru", .badRequest, "kz-annex-2@1"),
              ("/whatif?\(whatIfCase)&set=kz-cc-72-3-grave%3D7%2F3&lang=ru", .badRequest, "kz-cc-72-3-grave=7/3"),
              ("/whatif?\(whatIfCase)&set=kz-cc-72-3-grave%3D1%2F3&effective=2027-13-01&lang=ru", .badRequest,
               "value=\"2027-13-01\""),
          ])
    func badInput(uri: String, status: HTTPResponse.Status, kept: String) async throws {
        let fetched = try await TestSite.get(uri)
        #expect(fetched.status == status, "\(uri)")
        let message = try #require(fetched.body.components(separatedBy: "<p class=\"error\" role=\"alert\">").dropFirst().first)
        let line = String(message.prefix { $0 != "<" })
        #expect(!line.contains("\n") && !line.isEmpty)
        // Russian, with no English word of the library's left in it.
        #expect(line.contains { ("а"..."я").contains($0) }, "\(uri): \(line)")
        #expect(fetched.body.contains(kept), "\(uri)")
    }

    @Test("Markup injected into each input comes back escaped, in the form and in the message",
          arguments: [
              "/search?q=%3Cscript%3Ex%3C/script%3E", "/search?q=parole&kind=%3Cscript%3Ex%3C/script%3E",
              "/search?q=parole&jurisdiction=%3Cscript%3Ex%3C/script%3E",
              "/stats/%3Cscript%3Ex%3C%2Fscript%3E", "/annex/%3Cscript%3Ex%3C%2Fscript%3E",
              "/stats/ch4-petitions/download?format=%3Cscript%3Ex%3C/script%3E",
              "/compare?jurisdiction=kz&jurisdiction=%3Cscript%3Ex%3C/script%3E",
              "/compare?jurisdiction=kz&jurisdiction=ru&aspect=%3Cscript%3Ex%3C/script%3E",
              "/compare?jurisdiction=kz&jurisdiction=ru&as-of=%3Cscript%3Ex%3C/script%3E",
              "/whatif?\(whatIfCase)&reform=%3Cscript%3Ex%3C/script%3E",
              "/whatif?\(whatIfCase)&set=%3Cscript%3Ex%3C/script%3E",
              "/whatif?\(whatIfCase)&set=kz-cc-72-3-grave%3D1%2F3&effective=%3Cscript%3Ex%3C/script%3E",
              "/jurisdictions/kz?as-of=%3Cscript%3Ex%3C/script%3E", "/instruments/%3Cscript%3Ex%3C%2Fscript%3E",
          ])
    func markupEscaped(uri: String) async throws {
        let fetched = try await TestSite.get(uri)
        // Refused (4xx), but for words to search, which markup has too.
        #expect(uri.hasPrefix("/search?q=%3C") ? fetched.status == .ok : (400..<500).contains(fetched.status.code), "\(uri)")
        #expect(!fetched.body.contains("<script"), "\(uri)")
        #expect(fetched.body.contains("&lt;script&gt;x&lt;/script&gt;"), "\(uri)")
    }
}

extension XMLElement {
    /// Every descendant element with the local name `name`, in document order.
    func descendants(_ name: String) -> [XMLElement] {
        children.flatMap { child in (child.name == name ? [child] : []) + child.descendants(name) }
    }
}
