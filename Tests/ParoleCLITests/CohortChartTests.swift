import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `cohort --chart FILE.svg`: a well-formed SVG with one series of bars per scenario whose values are the JSON's
/// eligible counts, in each language; an output that cannot be written stops the run before anything is counted.
@Suite struct CohortChartTests {
    static let golden = CohortCommandTests.golden
    static let reform = "kz-rec-juvenile-one-third"

    final class Bars: NSObject, XMLParserDelegate {
        var root: String?
        var bars: [[String: String]] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "rect", attributes["class"] == "bar" { bars.append(attributes) }
        }
    }

    @Test(arguments: ["en", "ru", "kk"])
    func barsAreTheCountsOfEachScenario(lang: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--horizon", "2y",
                             "--reform", Self.reform, "--format", "json", "--chart", file.path, "--lang", lang])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let parser = try #require(XMLParser(contentsOf: file))
        let shapes = Bars()
        parser.delegate = shapes
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(shapes.root == "svg")
        #expect(Set(shapes.bars.compactMap { $0["data-scenario"] }) == ["law", Self.reform])
        let dates = try #require(doc["horizon"] as? [String])
        let scenarios = try #require(doc["scenarios"] as? [[String: Any]])
        var checked = 0
        for scenario in scenarios {
            let name = try #require(scenario["name"] as? String)
            for mechanism in try #require(scenario["mechanisms"] as? [[String: Any]]) {
                let key = "\(mechanism["jurisdiction"]!)/\(mechanism["mechanism"]!)"
                let eligible = try #require(mechanism["eligible"] as? [Int])
                let drawn = shapes.bars.filter { $0["data-scenario"] == name && $0["data-mechanism"] == key }
                #expect(drawn.map { $0["data-date"] ?? "" } == dates, "\(key)")
                #expect(drawn.map { Int($0["data-value"] ?? "") ?? -1 } == eligible, "\(name) \(key)")
                checked += drawn.count
            }
        }
        #expect(checked == shapes.bars.count)
        // Heights are in proportion to the counts.
        let sized = shapes.bars.compactMap { bar -> (Double, Double)? in
            guard let value = Double(bar["data-value"] ?? ""), value > 0, let height = Double(bar["height"] ?? "") else { return nil }
            return (value, height)
        }
        let ratio = try #require(sized.first).1 / sized.first!.0
        for (value, height) in sized { #expect(abs(height - value * ratio) < 0.05) }
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("xml:lang=\"\(lang)\""))
        #expect(!text.contains("style="))
        if lang != "en" { #expect(!text.contains("People eligible")) }
    }

    @Test func anUnwritableChartStopsTheRunWithNothingWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("cohort.json")
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--output", output.path,
                             "--chart", dir.appendingPathComponent("missing/cohort.svg").path])
        #expect(r.status == 73)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
