import Foundation
import Testing

@Suite struct ComparativeSimulationTests {
    static let base = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of", "2026-11-25"]

    @Test func everyJurisdictionAnswersSortedByEarliestReleaseWithKazakhstanMarked() throws {
        let r = try CLI.run(Self.base)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { $0.range(of: #"^(▶|\s)\s+[a-z]{2}(-[a-z0-9]+)?\s"#, options: .regularExpression) != nil }
        #expect(rows.count >= 40)
        #expect(rows.contains { $0.hasPrefix("▶") && $0.contains(" kz ") })
        // Dates ascend down the table (rows without a date come last). A mechanism a source says may be temporary
        // leave (India) keeps its date but is not ranked as a release: it sorts among the rows without one.
        let india = try #require(rows.first { $0.contains(" in ") })
        #expect(india.contains("(may be temporary"))
        let dates = rows.filter { !$0.contains("(may be ") }.compactMap { row in
            row.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression).map { String(row[$0]) }
        }
        #expect(dates == dates.sorted())
        // The Kazakh outcome is explained in full, with citations.
        #expect(r.stdout.contains("kz · Parole"))
        #expect(r.stdout.contains("seed L3683"))
    }

    @Test func explainPrintsTheTraceOfTheNamedJurisdiction() throws {
        let r = try CLI.run(Self.base + ["--explain", "fr"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("fr · "))
        #expect(!r.stdout.contains("kz · Parole"))
        let bad = try CLI.run(Self.base + ["--explain", "fra"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("did you mean fr?"))
    }

    @Test func anExcludedKazakhCaseShowsItsConflictWithRecommendation2003_22() throws {
        let r = try CLI.run(Self.base + ["--offence", "terrorism", "--consequence", "caused-death", "--jurisdiction", "kz",
                                         "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let kz = try #require((doc["outcomes"] as? [[String: Any]])?.first)
        let parole = try #require((kz["mechanisms"] as? [[String: Any]])?.first { $0["kind"] as? String == "parole" })
        #expect(parole["status"] as? String == "excluded")
        let verdicts = try #require(kz["conformance"] as? [[String: Any]])
        let rec = try #require(verdicts.first { $0["instrument"] as? String == "coe-rec-2003-22" && $0["feature"] as? String == "category-excluded" })
        #expect(rec["verdict"] as? String == "conflicts")
        #expect((rec["evidence"] as? [String])?.contains("kz-cc-72-8-terrorism-extremism") == true)
        #expect((rec["citations"] as? [Any])?.isEmpty == false)
    }

    @Test func conformanceListsEveryCheckWithAVerdict() throws {
        let r = try CLI.run(["conformance", "kz", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(verdicts.count >= 15)
        let results = Set(verdicts.compactMap { $0["verdict"] as? String })
        #expect(results.isSubset(of: ["complies", "conflicts", "not-assessable"]))
        #expect(results.contains("conflicts"))
        // Kazakhstan states no juvenile thresholds: Beijing Rule 28.1 cannot be assessed, and says why.
        let beijing = try #require(verdicts.first { $0["feature"] as? String == "juvenile-earlier-threshold" })
        #expect(beijing["verdict"] as? String == "not-assessable")
        #expect((beijing["explanation"] as? String)?.contains("do not state") == true)
    }

    @Test func aFactTheCaseDoesNotGiveYieldsBothBranches() throws {
        let r = try CLI.run(Self.base + ["--jurisdiction", "de", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let de = try #require((doc["outcomes"] as? [[String: Any]])?.first)
        let parole = try #require((de["mechanisms"] as? [[String: Any]])?.first { $0["mechanism"] as? String == "de-parole" })
        #expect(parole["status"] as? String == "undetermined")
        let branches = try #require(parole["branches"] as? [[String: Any]])
        let dates = Set(branches.compactMap { $0["earliestDate"] as? String })
        #expect(dates == ["2026-07-10", "2028-01-10"])
    }
}
