import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `parole stats` as a user runs it: the index and its mismatches, one table, JSON against docs/stats.schema.json,
/// the SVG chart (well-formed, bars proportional to the numbers), every language complete, the errors, and
/// `parole validate` finding a number that is not on its seed line.
@Suite struct StatsCommandTests {
    /// The tables of the bundled corpus, by file name.
    static let tables: [String] = {
        let dir = CLI.root.appendingPathComponent("corpus/stats")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parole-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theIndexListsEveryTableAndEveryMismatchWithItsLines() throws {
        #expect(Self.tables.count >= 7)
        let r = try CLI.run(["stats"])
        #expect(r.status == 0, "\(r.stderr)")
        for id in Self.tables { #expect(r.stdout.contains(id), "\(id)") }
        // Annex 4 Table 1's 2021 total (L14435), Chapter 4's "61%" (L5063) and its 1 922 grants (L4915).
        for lines in ["L14435", "L5063", "L4915", "L4999"] { #expect(r.stdout.contains(lines), "\(lines)") }
        #expect(r.stdout.contains("parole 0.2.0 · corpus sha256:"))
    }

    @Test func oneTableShowsItsRatesBesideThePrintedPercentages() throws {
        let r = try CLI.run(["stats", "--table", "ch4-petitions"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("2024 ") && $0.contains("1,922 / 5,269") })
        #expect(line.contains("36.48") && line.contains("36.4") && line.contains("rounding gives 36.5"), "\(line)")
        let csv = try CLI.run(["stats", "--table", "ch4-petitions", "--format", "csv"])
        let record = try #require(csv.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("2024,") })
        #expect(record.contains(",5269,1922,36.4,") && record.contains(",36.48,"), "\(record)")
    }

    @Test(arguments: ["en", "kk", "ru"])
    func jsonValidatesAgainstTheDocumentedSchema(_ language: String) throws {
        let v = try JSONSchemaTests.validator("stats.schema.json")
        for args in [["stats"], ["stats", "--table", "annex4-table4"]] {
            let r = try CLI.run(args + ["--format", "json", "--lang", language])
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            let problems = v.validate(doc, against: v.root)
            #expect(problems.isEmpty, "\(args) \(problems.prefix(5))")
        }
    }

    @Test func theSchemaRejectsABrokenDocument() throws {
        let r = try CLI.run(["stats", "--table", "ch4-by-category-2024", "--format", "json"])
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var tables = try #require(doc["tables"] as? [[String: Any]])
        tables[0].removeValue(forKey: "checks")
        var rates = try #require(tables[0]["rates"] as? [[String: Any]])
        rates[0]["percent"] = 28.65
        tables[0]["rates"] = rates
        doc["tables"] = tables
        let v = try JSONSchemaTests.validator("stats.schema.json")
        let problems = v.validate(doc, against: v.root)
        #expect(problems.contains { $0.contains("missing required \"checks\"") }, "\(problems)")
        #expect(problems.contains { $0.contains(".percent: expected string|null") }, "\(problems)")
        // The document as written: the rate of 482 of 799 (L5061-5063) is a mismatch, with its exact value.
        let written = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let writtenRates = ((written?["tables"] as? [[String: Any]])?.first?["rates"] as? [[String: Any]]) ?? []
        let medium = try #require(writtenRates.first { $0["row"] as? String == "medium" })
        #expect(medium["percent"] as? String == "60.33" && medium["verdict"] as? String == "mismatch")
        #expect((medium["exactPercent"] as? [String: Any])?["numerator"] as? Int == 48200)
    }

    // MARK: the chart

    /// The bars of an SVG document, read by Foundation's XML parser (which fails on a document that is not
    /// well-formed), and its text.
    final class SVGReader: NSObject, XMLParserDelegate {
        var bars: [[String: String]] = []
        var texts: [String] = []
        var root: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "rect", attributes["class"] == "bar" { bars.append(attributes) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    static func readSVG(_ url: URL) throws -> SVGReader {
        let parser = try #require(XMLParser(contentsOf: url))
        let reader = SVGReader()
        parser.delegate = reader
        #expect(parser.parse(), "\(url.lastPathComponent): \(String(describing: parser.parserError))")
        #expect(reader.root == "svg")
        return reader
    }

    @Test func everyChartIsWellFormedAndItsBarsAreProportionalToTheNumbers() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for id in Self.tables {
            let file = dir.appendingPathComponent("\(id).svg")
            let r = try CLI.run(["stats", "--table", id, "--chart", file.path])
            #expect(r.status == 0, "\(id): \(r.stderr)")
            let svg = try Self.readSVG(file)
            #expect(!svg.bars.isEmpty, "\(id)")
            var ratios: [Double] = []
            for bar in svg.bars {
                let height = try #require(bar["height"].flatMap(Double.init), "\(id): \(bar)")
                let value = try #require(bar["data-value"].flatMap(Double.init), "\(id): \(bar)")
                if value > 0 { ratios.append(height / value) } else { #expect(height == 0) }
            }
            let low = ratios.min() ?? 0, high = ratios.max() ?? 0
            // Heights are written to 1/100 of a unit and rates to 1/100 of a percent: within 0.5% of each other.
            #expect(high - low <= 0.005 * high, "\(id): height/value from \(low) to \(high)")
        }
        // The bar of 2024 parole in Chapter 4 is the rate 1 922 / 5 269 (L4913, L4915), and its neighbour's.
        let petitions = try Self.readSVG(dir.appendingPathComponent("ch4-petitions.svg"))
        let bar = petitions.bars.first { $0["data-row"] == "2024" && $0["data-series"] == "grant-parole" }
        #expect(bar?["data-value"] == "36.48")
        #expect(petitions.bars.count == 10)
        // Annex 4 Table 1 draws its printed totals: 124, 132, 173, 141, 49 (L14435-14864).
        let reconvicted = try Self.readSVG(dir.appendingPathComponent("annex4-table1.svg"))
        #expect(reconvicted.bars.compactMap { $0["data-value"] } == ["124", "132", "173", "141", "49"])
    }

    @Test func aChartIsInTheLanguageAskedFor() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("kk.svg")
        let r = try CLI.run(["stats", "--table", "ch4-petitions", "--chart", file.path, "--lang", "kk"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try Self.readSVG(file).texts.joined(separator: " ")
        #expect(text.contains("ШМББ бойынша қанағаттандыру үлесі") && text.contains("Пайыз, %"))
        // Numbers as Kazakh writes them: a decimal comma.
        #expect(text.contains("36,48%") && !text.contains("36.48"))
    }

    // MARK: languages

    /// Latin words the Kazakh and Russian outputs may hold: the corpus's ids and keys (attribute values of
    /// corpus/stats), the program's name, the command-line flags the hint names, and a source id.
    static let allowedLatin: Set<String> = {
        let latinWord = try! Regex(#"[A-Za-z]{2,}"#)
        var allowed: Set<String> = ["parole", "table", "ID", "chart", "FILE", "svg", "seed"]
        let attribute = try! Regex(#"="([^"]*)""#)
        for id in tables {
            let url = CLI.root.appendingPathComponent("corpus/stats/\(id).xml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for match in text.matches(of: attribute) {
                let value = String(text[match.range])
                allowed.formUnion(value.matches(of: latinWord).map { String(value[$0.range]) })
            }
        }
        return allowed
    }()

    /// The Latin words of `text` that are neither allowed nor part of a digest.
    static func english(in text: String) throws -> [String] {
        let stripped = text.replacing(try Regex(#"sha256:[0-9a-f]{64}"#), with: "")
        let latinWord = try Regex(#"[A-Za-z]{2,}"#)
        return stripped.matches(of: latinWord).map { String(stripped[$0.range]) }.filter { !allowedLatin.contains($0) }
    }

    /// The words of a JSON document a reader reads (titles, labels, notes, descriptions, verdicts).
    static func words(in value: Any, key: String? = nil) -> [String] {
        let wordy: Set<String> = ["title", "label", "notes", "description", "verdictText"]
        if let s = value as? String { return key.map(wordy.contains) == true ? [s] : [] }
        if let a = value as? [Any] { return a.flatMap { words(in: $0, key: key) } }
        if let o = value as? [String: Any] { return o.flatMap { words(in: $0.value, key: $0.key) } }
        return []
    }

    @Test(arguments: ["kk", "ru"])
    func everyOutputIsCompleteInKazakhAndRussian(_ language: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var failures: [String] = []
        for id in Self.tables {
            for format in ["table", "markdown", "csv"] {
                let r = try CLI.run(["stats", "--table", id, "--format", format, "--lang", language])
                #expect(r.status == 0, "\(r.stderr)")
                if r.stdout.contains("{") { failures.append("\(id) \(format): placeholder left") }
                let found = try Self.english(in: r.stdout)
                if !found.isEmpty { failures.append("\(id) \(format): \(Set(found).sorted())") }
            }
            let json = try CLI.run(["stats", "--table", id, "--format", "json", "--lang", language])
            let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
            let jsonWords = try Self.english(in: Self.words(in: doc).joined(separator: " "))
            if !jsonWords.isEmpty { failures.append("\(id) json: \(Set(jsonWords).sorted())") }
            let file = dir.appendingPathComponent("\(id).svg")
            _ = try CLI.run(["stats", "--table", id, "--chart", file.path, "--lang", language])
            let chartWords = try Self.english(in: try Self.readSVG(file).texts.joined(separator: " "))
            if !chartWords.isEmpty { failures.append("\(id) chart: \(Set(chartWords).sorted())") }
        }
        let index = try CLI.run(["stats", "--lang", language])
        let indexWords = try Self.english(in: index.stdout)
        if !indexWords.isEmpty { failures.append("index: \(Set(indexWords).sorted())") }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    // MARK: errors and files

    @Test func badInputIsOneLineWithExitStatus64() throws {
        for (args, says) in [
            (["stats", "--table", "annex4-table9"], "no stats table \"annex4-table9\""),
            (["stats", "--chart", "x.svg"], "--chart draws one table"),
            (["stats", "--format", "table", "--output", "x.xlsx"], "--format table contradicts --output x.xlsx"),
            (["stats", "--lang", "de"], "--lang"),
        ] {
            let r = try CLI.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(says), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func aChartIsCompleteOrAbsent() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A folder named as the chart: refused with 73, nothing written anywhere.
        let folder = try CLI.run(["stats", "--table", "ch4-petitions", "--chart", dir.path])
        #expect(folder.status == 73, "\(folder.stderr)")
        #expect(folder.stdout.isEmpty)
        // An output that cannot be written stops the command before the chart is drawn: no chart, no leftovers.
        let chart = dir.appendingPathComponent("chart.svg")
        let blocked = try CLI.run(["stats", "--table", "ch4-petitions", "--chart", chart.path, "--output", dir.path])
        #expect(blocked.status == 73, "\(blocked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // A failing run leaves an existing chart as it was.
        try "old".write(to: chart, atomically: true, encoding: .utf8)
        let failing = try CLI.run(["stats", "--table", "nope", "--chart", chart.path])
        #expect(failing.status == 64)
        #expect(try String(contentsOf: chart, encoding: .utf8) == "old")
        let ok = try CLI.run(["stats", "--table", "ch4-petitions", "--chart", chart.path])
        #expect(ok.status == 0)
        #expect(try String(contentsOf: chart, encoding: .utf8).hasPrefix("<?xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["chart.svg"])
    }

    @Test func validateFindsANumberThatIsNotOnItsLineAndACellWithoutAColumn() throws {
        let corpus = try CLI.scratchCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let file = corpus.appendingPathComponent("stats/\(name).xml")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old), "\(name): \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        }
        // A number that is not the one printed on its line (L4827 prints "11 327"), and a cell naming no column.
        try edit("ch4-petitions", #"lines="L4827">11 327</cell>"#, #"lines="L4827">11 337</cell>"#)
        try edit("ch4-by-category-2024", #"<cell column="granted" lines="L5059">897</cell>"#,
                 #"<cell column="grantd" lines="L5059">897</cell>"#)
        let r = try CLI.run(["validate", "--corpus", corpus.path])
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n")
        // The printed numbers are checked against the seed only where the seed is present (as quotations are).
        let seedPresent = !(ProcessInfo.processInfo.environment["PAROLE_SEED"] ?? "").isEmpty
            || FileManager.default.fileExists(atPath: CLI.root.deletingLastPathComponent().appendingPathComponent("shared/seed").path)
        if seedPresent {
            #expect(lines.contains { $0.contains("stats/ch4-petitions.xml:") && $0.contains("\"11 337\"") && $0.contains("L4827") },
                    "\(r.stdout)")
        }
        #expect(lines.contains { $0.contains("stats/ch4-by-category-2024.xml:") && $0.contains("grantd") }, "\(r.stdout)")
        // The commands refuse the corpus as data (65), naming the file.
        let stats = try CLI.run(["stats", "--corpus", corpus.path])
        #expect(stats.status == 65 && stats.stderr.contains("ch4-by-category-2024.xml"), "\(stats.stderr)")
    }
}
