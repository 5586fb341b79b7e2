import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `simulate --chart FILE.svg`: a well-formed SVG whose bars run from the start of the term to each jurisdiction's
/// earliest release, in proportion to the days, with the term's end and the as-of date marked, in each language.
@Suite struct TimelineChartTests {
    final class Shapes: NSObject, XMLParserDelegate {
        var root: String?
        var elements: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            elements.append((name, attributes))
        }
        func with(class name: String) -> [[String: String]] {
            elements.filter { $0.attributes["class"] == name }.map(\.attributes)
        }
    }

    func days(_ from: String, _ to: String) -> Double {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        return format.date(from: to)!.timeIntervalSince(format.date(from: from)!) / 86_400
    }

    @Test(arguments: ["en", "ru", "kk"])
    func barsMatchTheDates(lang: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                  "--as-of", "2026-01-01", "--chart", file.path, "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        let parser = try #require(XMLParser(contentsOf: file))
        let shapes = Shapes()
        parser.delegate = shapes
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(shapes.root == "svg")
        let bars = shapes.with(class: "bar")
        #expect(bars.count >= 20)
        // Kazakhstan's bar ends at its earliest date in the table (replacement, 1/3 of 9 years: 2025-01-10).
        let kz = try #require(bars.first { $0["data-jurisdiction"] == "kz" })
        #expect(kz["data-date"] == "2025-01-10")
        // Every bar's width is its days over the longest bar's days, times the longest bar's width.
        let widths = bars.map { (Double($0["width"] ?? "") ?? -1, days($0["data-start"]!, $0["data-date"]!)) }
        let longest = try #require(widths.max { $0.1 < $1.1 })
        for (width, span) in widths {
            #expect(abs(width - span / longest.1 * longest.0) < 0.05)
        }
        let termEnd = try #require(shapes.with(class: "term-end").first)
        #expect(termEnd["data-date"] == "2031-01-10")
        #expect(shapes.with(class: "as-of").first?["data-date"] == "2026-01-01")
        // A disputed span is drawn where the sources give different dates (Belarus: 1/3 or 1/2).
        #expect(!shapes.with(class: "disputed").isEmpty)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("xml:lang=\"\(lang)\""))
        if lang != "en" { #expect(!text.contains("to the earliest release")) }
    }

    @Test func chartWithABatchIsRefused() throws {
        let result = try CLI.run(["simulate", "--batch", "-", "--chart", "/tmp/never.svg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--chart"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.svg"))
    }
}
