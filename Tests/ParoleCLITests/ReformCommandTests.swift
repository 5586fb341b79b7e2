import Foundation
import Testing

/// `parole reforms`, `whatif`, `simulate --reform/--set`, `conformance --reform` and `annex 2|3` as a user runs them.
@Suite struct ReformCommandTests {
    static let torture = ["--reform", "kz-a3-8-torture", "--effective", "2027-01-01", "--offence-date", "2027-03-01",
                          "--term", "8y", "--category", "grave", "--start", "2027-06-01", "--offence", "torture",
                          "--as-of", "2030-01-01"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func whatifShowsTheDifferenceAndTheReformThatMadeIt() throws {
        let r = try CLI.run(["whatif"] + Self.torture)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("kz ") && $0.contains("parole") })
        #expect(row.contains("excluded") && row.contains("kz-a3-8-torture"), "\(row)")
        #expect(r.stdout.contains("2027-01-01"))
        // The reformed reasoning names the new exclusion with its citation.
        #expect(r.stdout.contains("L13173-13187"))
    }

    @Test(arguments: ["en", "kk", "ru"])
    func whatifJSONFollowsTheSimulateContractOnBothSides(_ language: String) throws {
        let r = try CLI.run(["whatif", "--format", "json", "--lang", language] + Self.torture)
        #expect(r.status == 0, "\(r.stderr)")
        let whatif = try JSONSchemaTests.validator("whatif.schema.json")
        let simulate = try JSONSchemaTests.validator()
        let doc = try json(r.stdout)
        #expect(whatif.validate(doc, against: whatif.root).isEmpty, "\(whatif.validate(doc, against: whatif.root).prefix(5))")
        for side in ["before", "after"] {
            let problems = simulate.validate(doc[side], against: simulate.root)
            #expect(problems.isEmpty, "\(side): \(problems.prefix(5))")
        }
        let differences = try #require(doc["differences"] as? [[String: Any]])
        #expect(differences.count == 1)
        #expect(differences.first?["mechanism"] as? String == "kz-parole")
        #expect((differences.first?["reforms"] as? [String]) == ["kz-a3-8-torture"])
        #expect(((doc["after"] as? [String: Any])?["reforms"] as? [String: Any])?["effective"] as? String == "2027-01-01")
    }

    @Test func simulateUnderAReformGivesTheAfterSide() throws {
        let plain = try CLI.run(["simulate", "--format", "json", "--jurisdiction", "kz"] + Self.torture)
        #expect(plain.status == 0, "\(plain.stderr)")
        let whatif = try json(try CLI.run(["whatif", "--format", "json"] + Self.torture).stdout)
        let after = try #require(whatif["after"] as? [String: Any])
        let simulated = try json(plain.stdout)
        func statuses(_ doc: [String: Any]) -> [String] {
            ((doc["outcomes"] as? [[String: Any]])?.first?["mechanisms"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        }
        #expect(statuses(simulated) == statuses(after))
        #expect(statuses(simulated).first == "excluded")
    }

    @Test func aBatchRunsUnderAReform() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reform-batch-\(UUID().uuidString).jsonl")
        try #"{"term": "9y", "category": "grave", "start": "2024-01-10", "asOf": "2026-12-05", "juvenile": true}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let law = try CLI.run(["simulate", "--batch", file.path, "--jurisdiction", "kz"])
        let reformed = try CLI.run(["simulate", "--batch", file.path, "--jurisdiction", "kz",
                                    "--reform", "kz-rec-juvenile-one-third", "--effective", "2026-12-01"])
        #expect(law.status == 0 && reformed.status == 0, "\(law.stderr) \(reformed.stderr)")
        #expect(law.stdout.contains("2028-07-10"))
        #expect(reformed.stdout.contains("2027-01-10"))
    }

    @Test func reformsListsEveryPackageInEveryLanguage() throws {
        for language in ["en", "kk", "ru"] {
            let r = try CLI.run(["reforms", "--lang", language])
            #expect(r.status == 0, "\(r.stderr)")
            for id in ["kz-a3-8-torture", "kz-a2-6-v1-early-lifting", "kz-rec-juvenile-one-third"] {
                #expect(r.stdout.contains(id), "\(language): \(id)")
            }
            // No English column heads outside English.
            if language != "en" { #expect(!r.stdout.contains("What it changes"), "\(language)") }
        }
        let j = try CLI.run(["reforms", "--format", "json"])
        let schema = try JSONSchemaTests.validator("reforms.schema.json")
        let problems = schema.validate(try json(j.stdout), against: schema.root)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test(arguments: ["2", "3"])
    func amendmentAnnexesQuoteTheReportInKazakhAndTranslateElsewhere(_ number: String) throws {
        let kk = try CLI.run(["annex", number, "--lang", "kk"])
        #expect(kk.status == 0, "\(kk.stderr)")
        #expect(kk.stdout.contains("Ұсынылатын редакция"))
        let ru = try CLI.run(["annex", number, "--lang", "ru", "--format", "json"])
        let schema = try JSONSchemaTests.validator("amendments.schema.json")
        let doc = try json(ru.stdout)
        #expect(schema.validate(doc, against: schema.root).isEmpty, "\(schema.validate(doc, against: schema.root).prefix(5))")
        #expect(doc["translation"] is String)
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.count == (number == "2" ? 18 : 20))
        // The report's row order.
        let printed = rows.compactMap { $0["row"] as? Int }
        #expect(printed == printed.sorted())
        for format in ["csv", "html", "markdown"] {
            let r = try CLI.run(["annex", number, "--format", format, "--lang", "en"])
            #expect(r.status == 0 && !r.stdout.isEmpty, "\(format): \(r.stderr)")
        }
    }

    @Test func conformanceSaysWhichWayAReformMoves() throws {
        let r = try CLI.run(["conformance", "kz", "--reform", "kz-a3-8-torture", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let changes = try #require(try json(r.stdout)["changes"] as? [[String: Any]])
        let rec = changes.first { ($0["instrument"] as? String) == "coe-rec-2003-22" && ($0["feature"] as? String) == "category-excluded" }
        #expect(rec?["direction"] as? String == "away", "\(changes)")
        #expect((rec?["added"] as? [String])?.contains("kz-a3-8-torture-exclusion") == true)
        let juvenile = try CLI.run(["conformance", "kz", "--reform", "kz-rec-juvenile-one-third", "--lang", "ru"])
        #expect(juvenile.status == 0, "\(juvenile.stderr)")
        #expect(juvenile.stdout.contains("приближается к стандарту"), "\(juvenile.stdout)")
    }

    @Test(arguments: [
        (["--set", "kz-cc-72-3-grav=1/3"], "kz-cc-72-3-grave"),
        (["--set", "kz-cc-72-3-grave=3/2"], "between 0 and 1"),
        (["--reform", "kz-a3-4-v1a-commitment", "--reform", "kz-a3-6-v2-revocation"], "variant"),
        (["--reform", "kz-annex-3"], "kz-annex-3@1"),
        (["--reform", "kz-a3-torture"], "kz-a3-8-torture"),
        (["--set", "kz-cc-72-3-grave=1/3", "--set", "kz-parole.threshold[category=grave]=1/4"], "already changed"),
        (["--set", "kz-cc-72-3-grave=1/3", "--effective", "2027-13-01"], "--effective"),
    ])
    func badReformInputIsOneLineAndAUsageError(_ extra: [String], _ hint: String) throws {
        let r = try CLI.run(["whatif", "--term", "9y", "--category", "grave", "--start", "2022-01-10"] + extra)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(hint), "\(r.stderr)")
    }

    @Test func aUsersReformFileIsCheckedLikeTheCorpusWithItsLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func file(_ rule: String, fraction: String) throws -> String {
            let url = dir.appendingPathComponent("mine-\(UUID().uuidString).xml")
            try """
            <?xml version="1.0" encoding="UTF-8"?>
            <reform-package xmlns="urn:parole-atlas:corpus:1" id="my-package" jurisdiction="kz">
              <label xml:lang="kk">Менің реформам</label><label xml:lang="ru">Моя реформа</label><label xml:lang="en">My reform</label>
              <uses-source ref="seed"/>
              <cite source="seed" lines="L3683"/>
              <reform id="my-grave-third" kind="threshold">
                <label xml:lang="kk">Ауыр: 1/3</label><label xml:lang="ru">Тяжкие: 1/3</label><label xml:lang="en">Grave: 1/3</label>
                <changes>
                  <set-threshold rule="\(rule)"><fraction>\(fraction)</fraction></set-threshold>
                </changes>
              </reform>
            </reform-package>
            """.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let args = ["whatif", "--term", "9y", "--category", "grave", "--start", "2024-01-10", "--as-of", "2026-12-05", "--reform"]
        let good = try CLI.run(args + [try file("kz-cc-72-3-grave", fraction: "1/3")])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("my-grave-third"))
        let unknown = try CLI.run(args + [try file("kz-cc-72-3-grav", fraction: "1/3")])
        #expect(unknown.status == 65, "\(unknown.stderr)")
        #expect(unknown.stderr.contains(":9:") && unknown.stderr.contains("kz-cc-72-3-grave"), "\(unknown.stderr)")
        let tooBig = try CLI.run(args + [try file("kz-cc-72-3-grave", fraction: "5/3")])
        #expect(tooBig.status == 65, "\(tooBig.stderr)")
        #expect(tooBig.stderr.contains(":9:"), "\(tooBig.stderr)")
        let missing = try CLI.run(args + [dir.appendingPathComponent("absent.xml").path])
        #expect(missing.status == 66, "\(missing.stderr)")
    }
}
