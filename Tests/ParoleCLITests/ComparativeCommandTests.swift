import Foundation
import Testing

@Suite struct ComparativeCommandTests {
    @Test func countriesListsEveryJurisdictionWithItsFamily() throws {
        let r = try CLI.run(["countries", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: String]])
        let ids = rows.compactMap { $0["id"] }
        #expect(ids.count >= 36)
        for id in ["kz", "ru", "de", "fr", "fi", "gb-eaw", "us", "us-ca", "jp", "kr", "tr", "cn", "in"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        let kz = try #require(rows.first { $0["id"] == "kz" })
        #expect(kz["headline"]?.contains("1/3") == true)
        let family = try CLI.run(["countries", "--family", "post-soviet"])
        #expect(family.stdout.contains("kz"))
        #expect(!family.stdout.contains("France"))
    }

    @Test func unknownFamilySuggestsTheNearest() throws {
        let r = try CLI.run(["countries", "--family", "post-sovet"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean post-soviet?"))
    }

    @Test func compareShowsDisputedValuesInTheCell() throws {
        let r = try CLI.run(["compare", "fr", "de", "--aspect", "thresholds", "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("| thresholds") })
        // France's life term: 18 years encoded, 15 (Annex 1) and 22 (Chapter 2) claimed elsewhere.
        #expect(row.contains("18y / 15y"))
        #expect(row.contains("⚠"))
        let one = try CLI.run(["compare", "fr"])
        #expect(one.status == 64)
    }

    @Test func annexOneIsWrittenWholeOrNotAtAll() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("annex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("annex1.csv")
        let r = try CLI.run(["annex", "1", "--format", "csv", "--output", csv.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        // RFC 4180 records end in CRLF, which Swift reads as one line-break character.
        let lines = try String(contentsOf: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == 19)
        #expect(lines[1].hasPrefix("1,Republic of Kazakhstan"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["annex1.csv"])

        let html = try CLI.run(["annex", "1", "--lang", "kk", "--format", "html"])
        #expect(html.stdout.contains("<html lang=\"kk\">"))
        #expect(html.stdout.contains("Қазақстан"))
        let json = try CLI.run(["annex", "1", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["rows"] as? [Any])?.count == 18)

        let bad = try CLI.run(["annex", "1", "--output", dir.appendingPathComponent("missing/annex.md").path])
        #expect(bad.status == 73)
        #expect(bad.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing").path))
        let unknown = try CLI.run(["annex", "9"])
        #expect(unknown.status == 64)
    }

    @Test func coverageReportHasARowPerJurisdiction() throws {
        let r = try CLI.run(["validate", "--coverage"])
        #expect(r.status == 0, "\(r.stdout)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("kz ") && $0.contains("✓") })
        #expect(lines.contains { $0.hasPrefix("lu ") && $0.contains("not stated") })
        #expect(r.stdout.contains("quotations checked against the seed"))
    }
}

@Suite struct InstrumentCommandTests {
    @Test func showRendersAnInstrumentWithItsChecks() throws {
        let r = try CLI.run(["show", "coe-rec-2003-22"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Rec(2003)22"))
        #expect(r.stdout.contains("check "))
        // The feature a check looks at, in words (the id is for JSON).
        #expect(r.stdout.contains("a category of convicts is excluded from parole"))
        #expect(!r.stdout.contains("category-excluded"))
        #expect(r.stdout.contains("seed L"))
    }
}
