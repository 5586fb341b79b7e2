import AtlasExport
import Foundation
import Testing

@Suite struct TextExportTests {
    func text(_ format: ExportFormat, byteOrderMark: Bool = false) throws -> String {
        String(decoding: try Samples.document([Samples.narrow]).rendered(as: format, byteOrderMark: byteOrderMark),
               as: UTF8.self)
    }

    /// RFC 4180: CRLF after every record, a field with a comma, quote or line break quoted, quotes doubled.
    @Test func csvFollowsRFC4180() throws {
        let bytes = try Samples.document([Samples.narrow]).rendered(as: .csv)
        let csv = String(decoding: bytes, as: UTF8.self)
        let records = csv.components(separatedBy: "\r\n")
        #expect(records.last == "")
        #expect(records[0] == "Регион,Рассмотрено,Доля,Средний срок,Дата")
        #expect(records[1] == "\"Алматы, город\",1 234,\"25,5 %\",\"4,5\",2022-01-10")
        #expect(records[2] == "\"<script>alert(\"\"x\"\")</script> & \"\"кавычки\"\"\",7,—,—,")
        #expect(records[3] == "\"строка 1\nстрока 2\",0,,,")
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        // No caption, note or source: a CSV file is records only.
        #expect(!csv.contains("Источники") && !csv.contains("Σ"))
    }

    @Test func theByteOrderMarkIsThereOnlyWhenAsked() throws {
        let marked = try Samples.document([Samples.narrow]).rendered(as: .csv, byteOrderMark: true)
        #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.dropFirst(3)) == (try Samples.document([Samples.narrow]).rendered(as: .csv)))
        #expect(Array(try Samples.document([Samples.narrow]).rendered(as: .html, byteOrderMark: true).prefix(3))
            != [0xEF, 0xBB, 0xBF])
    }

    @Test func htmlIsOneEscapedPageWithPrintRules() throws {
        let html = try text(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;кавычки&quot;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("thead{display:table-header-group}"))
        #expect(html.contains("<caption>Решения по УДО, 2024</caption>"))
        #expect(html.contains("<h2>Источники</h2>"))
        // Self-contained: nothing fetched.
        #expect(!html.contains("<link") && !html.contains("src="))
        #expect(html.contains("строка 1<br>строка 2"))
    }

    @Test func aWideTableGetsALandscapePageInPrint() throws {
        let html = String(decoding: try Samples.document([Samples.wide]).rendered(as: .html), as: UTF8.self)
        #expect(html.contains("<table class=\"wide\">"))
        #expect(try !text(.html).contains("<table class=\"wide\">"))
    }

    @Test func markdownKeepsEveryCellOnItsLine() throws {
        let markdown = try text(.markdown)
        #expect(markdown.contains("| Регион | Рассмотрено | Доля | Средний срок | Дата |"))
        #expect(markdown.contains("| строка 1<br>строка 2 | 0 |  |  |  |"))
        #expect(markdown.contains("## Источники"))
    }

    @Test func jsonCarriesTextAndTypedValues() throws {
        let data = try Samples.document([Samples.narrow]).rendered(as: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        #expect(document["language"] as? String == "ru")
        let table = try #require((document["tables"] as? [[String: Any]])?.first)
        let columns = try #require(table["columns"] as? [[String: Any]])
        #expect(columns.map { $0["kind"] as? String } == ["text", "integer", "percent", "decimal", "date"])
        let row = try #require((table["rows"] as? [[[String: Any]]])?.first)
        #expect(row[1]["value"] as? Int == 1234)
        #expect(row[2]["value"] as? Double == 0.255)
        #expect(row[4]["value"] as? String == "2022-01-10")
        #expect(row[0]["value"] == nil)
        #expect((document["provenance"] as? [String: Any])?["program"] as? String == "parole 0.2.0")
    }

    @Test(arguments: [("a.xlsx", ExportFormat.xlsx), ("dir.v2/A.DOCX", .docx), ("x.md", .markdown), ("x.htm", .html),
                      ("x.csv", .csv), ("x.json", .json)])
    func theExtensionNamesTheFormat(_ name: String, _ format: ExportFormat) {
        #expect(ExportFormat(fileName: name) == format)
    }

    @Test(arguments: ["x.txt", "x", ".csv", "dir.csv/x", "x.ics"])
    func otherNamesNameNone(_ name: String) {
        #expect(ExportFormat(fileName: name) == nil)
    }
}
