import Foundation
import Testing

/// Issue 15, "Find": search, names wherever an id is taken, instruments, cite, countries filters, show --quotes.
@Suite struct FindCommandTests {
    /// One index folder for the searches of this test process: the index is built once (several tests may race
    /// to build it, which the store allows) instead of once per run into a folder of its own.
    static let searchCache = FileManager.default.temporaryDirectory
        .appendingPathComponent("parole-find-\(ProcessInfo.processInfo.processIdentifier)").path

    /// `parole` with the shared index folder for `search`.
    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, environment: arguments.first == "search" ? ["PAROLE_CACHE": Self.searchCache] : [:])
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test(arguments: [
        (["search", "Германия", "--kind", "jurisdiction"], "parole show de"),
        (["search", "ГЕРМАНИИ", "--kind", "jurisdiction"], "parole show de"),
        (["search", "Germany", "--kind", "jurisdiction"], "parole show de"),
        (["search", "ҚАЗАҚСТАН", "--kind", "jurisdiction"], "**Қазақстан**"),
        (["search", "Токио", "--kind", "instrument"], "parole show tokyo-rules"),
        (["search", "условно-досрочного", "--jurisdiction", "Казахстан", "--kind", "rule"], "kz-parole"),
    ])
    func searchFindsRealWordsInAllThreeLanguages(_ c: ([String], String)) throws {
        let r = try run(c.0)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(c.1), "\(r.stdout)")
    }

    @Test func searchJSONNamesTheRecordAndTheWordsFound() throws {
        let r = try run(["search", "ережелері", "--kind", "instrument", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try json(r.stdout) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.contains { $0["id"] as? String == "tokyo-rules" })
        for result in results {
            #expect(result["kind"] as? String == "instrument")
            #expect((result["matches"] as? [String])?.isEmpty == false)
            #expect((result["see"] as? String)?.hasPrefix("parole show ") == true)
        }
        #expect(object["corpus"] as? String != nil)
    }

    @Test func searchKeepsItsIndexInTheCacheAndReusesIt() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("parole-find-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try CLI.run(["search", "parole"], environment: ["PAROLE_CACHE": cache.path])
        #expect(first.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("search-") }
        #expect(files.count == 1)
        let second = try CLI.run(["search", "parole"], environment: ["PAROLE_CACHE": cache.path])
        #expect(second.stdout == first.stdout)
        let off = try run(["search", "parole", "--index-dir", "off"])
        #expect(off.stdout == first.stdout)
    }

    @Test func textLanguageKeepsTextsOfThatLanguage() throws {
        let r = try run(["search", "Tokyo", "--text-lang", "en", "--format", "json"])
        let object = try #require(try json(r.stdout) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { ["en", ""].contains($0["language"] as? String ?? "?") })
    }

    @Test func searchWithNothingFoundSaysSo() throws {
        let r = try run(["search", "xyzzyplugh", "--lang", "ru"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("ничего не найдено"))
    }

    @Test(arguments: [
        (["search", "--", "---"], "no word"),
        (["search", "parole", "--kind", "statute"], "statute"),
        (["search", "parole", "--limit", "0"], "--limit"),
        (["search", "parole", "--text-lang", "de"], "--text-lang"),
        (["search", "parole", "--jurisdiction", "gb"], "did you mean gb-eaw, gb-nir or gb-sct?"),
        (["show", "gb"], "did you mean gb-eaw, gb-nir or gb-sct?"),
        (["compare", "kz", "tokyo-rules"], "is an international instrument (tokyo-rules), not a jurisdiction"),
        (["compare", "kz", "United Kingdom"], "names several jurisdictions"),
        (["countries", "--min-share", "3/2"], "--min-share"),
        (["countries", "--life-review-within", "soon"], "--life-review-within"),
        (["countries", "--mechanism", "replacment"], "did you mean replacement?"),
        (["cite", "no-such-record"], "no record"),
    ])
    func badInputGetsOneClearLine(_ c: ([String], String)) throws {
        let r = try run(c.0)
        #expect(r.status == 64, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains(c.1), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stderr.contains("did you mean ae"))
        #expect(!r.stderr.contains("did you mean tokyo-rules"))
    }

    @Test(arguments: [
        (["show", "Germany"], "[de]"), (["show", "Tokyo Rules"], "[tokyo-rules]"), (["show", "Германия"], "[de]"),
        (["show", "Германия Федеративтік Республикасы"], "[de]"), (["show", "ҚАЗАҚСТАН"], "[kz]"),
        (["show", "tokyo"], "[tokyo-rules]"), (["conformance", "Kazakhstan"], "kz"),
    ])
    func namesAreAcceptedWhereIdsAre(_ c: ([String], String)) throws {
        let r = try run(c.0)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(c.1))
    }

    @Test func compareTakesNamesInAnyLanguage() throws {
        let byName = try CLI.run(["compare", "Германия", "Франция", "--aspect", "thresholds"])
        let byID = try CLI.run(["compare", "de", "fr", "--aspect", "thresholds"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == byID.stdout)
    }

    @Test func instrumentsListsEveryInstrumentWithUnknownsLeftUnknown() throws {
        let r = try CLI.run(["instruments", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try json(r.stdout) as? [String: Any])
        let rows = try #require(object["instruments"] as? [[String: Any]])
        let tokyo = try #require(rows.first { $0["id"] as? String == "tokyo-rules" })
        #expect(tokyo["year"] as? Int == 1990)
        #expect(tokyo["binding"] as? String == "soft-law")
        #expect(tokyo["bindingStated"] as? Bool == true)
        #expect(rows.count == 19)
        let kk = try CLI.run(["instruments", "--lang", "kk"])
        #expect(kk.stdout.contains("Міндеттілігі"))
        let csv = try CLI.run(["instruments", "--format", "csv"])
        // RFC 4180: records end with CRLF, which Swift counts as one newline character.
        #expect(csv.stdout.split(whereSeparator: \.isNewline).count == 20)
    }

    @Test func countriesFiltersByMechanismShareAndLifeReview() throws {
        let r = try CLI.run(["countries", "--mechanism", "replacement", "--format", "json", "--typed"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["id"] as? String }).isSuperset(of: ["kz", "ru", "by"]))
        for row in rows {
            #expect((row["mechanismKinds"] as? [String])?.contains("replacement") == true)
            #expect(row["discrepancyCount"] is Int)
            #expect(row["discrepancies"] is String)
        }
        let half = try #require(try json(try CLI.run(["countries", "--min-share", "1/2", "--format", "json", "--typed"]).stdout) as? [[String: Any]])
        #expect(!half.isEmpty)
        #expect(half.allSatisfy { ($0["lowestShareValue"] as? Double ?? 0) >= 0.5 })
        #expect(!half.contains { $0["id"] as? String == "kz" })
        let life = try CLI.run(["countries", "--life-review-within", "15y", "--format", "csv"])
        let ids = life.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids.contains("kz") && ids.contains("de"))
        #expect(!ids.contains("by"))
    }

    @Test func countriesJSONStaysStringsWithoutTyped() throws {
        let r = try CLI.run(["countries", "--mechanism", "replacement", "--format", "json"])
        let rows = try #require(try json(r.stdout) as? [[String: String]])
        #expect(rows.contains { $0["id"] == "kz" })
        #expect(rows.allSatisfy { $0["mechanismKinds"] == nil })
    }

    @Test func postSovietListNamesTheUnclassifiedJurisdictions() throws {
        let r = try CLI.run(["countries", "--family", "post-soviet"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("am, az"))
        #expect(r.stdout.contains("--family unclassified"))
    }

    @Test func citeWritesEachFormat() throws {
        let bib = try CLI.run(["cite", "tokyo-rules"])
        #expect(bib.status == 0, "\(bib.stderr)")
        #expect(bib.stdout.hasPrefix("@techreport{seed,"))
        #expect(bib.stdout.contains("L649-653"))
        let ris = try CLI.run(["cite", "kz-parole", "--format", "ris"])
        #expect(ris.stdout.contains("TY  - STAT"))
        #expect(ris.stdout.contains("ER  - "))
        let csl = try CLI.run(["cite", "Germany", "--format", "csl-json"])
        let items = try #require(try json(csl.stdout) as? [[String: Any]])
        #expect(items.first?["id"] as? String == "seed")
        #expect(items.first?["type"] as? String == "report")
    }

    @Test func showQuotesPrintsTheVerbatimQuotations() throws {
        let r = try CLI.run(["show", "tokyo-rules", "--quotes", "--lang", "ru"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Дословные цитаты"))
        #expect(r.stdout.contains("«Босатылған адамға шамадан тыс талаптар жүктелмеуі керек» (seed L735-737)"))
        let plain = try CLI.run(["show", "tokyo-rules"])
        #expect(!plain.stdout.contains("Дословные цитаты"))
    }
}
