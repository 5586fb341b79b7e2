import Foundation
import Testing

/// `parole cohort` as a user runs it: counts against a cohort computed independently (Cohort/make-golden-cohort.py),
/// and bad population files refused with their row and column.
@Suite struct CohortCommandTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cohort")
    static let golden = folder.appendingPathComponent("golden-cohort.csv").path

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func mechanisms(_ scenario: Any?) -> [String: [String: Any]] {
        let list = (scenario as? [String: Any])?["mechanisms"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["mechanism"] as? String ?? "", $0) })
    }

    @Test func theGoldenCohortCountsAsComputedByHand() throws {
        let expected = try json(String(contentsOf: Self.folder.appendingPathComponent("golden-cohort-expected.json"), encoding: .utf8))
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--horizon", "2y",
                             "--reform", "kz-rec-juvenile-one-third", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        #expect(doc["people"] as? Int == expected["people"] as? Int)
        let scenarios = try #require(doc["scenarios"] as? [Any])
        let wanted = try #require(expected["scenarios"] as? [[String: [String: Any]]])
        #expect(scenarios.count == wanted.count)
        for (got, want) in zip(scenarios, wanted) {
            let byID = mechanisms(got)
            for (id, values) in want {
                #expect(byID[id]?["eligible"] as? [Int] == values["eligible"] as? [Int], "\(id)")
                if let mandatory = values["mandatory"] as? Int { #expect(byID[id]?["mandatory"] as? Int == mandatory, "\(id)") }
                if let out = values["out-of-scope"] as? Int {
                    #expect((byID[id]?["statuses"] as? [String: Int])?["out-of-scope"] == out, "\(id)")
                }
            }
        }
        let change = try #require(mechanisms(scenarios.last)["kz-parole"]?["change"] as? [String: Any])
        let wantedChange = try #require(expected["change"] as? [String: Int])
        for key in ["earlier", "same", "later", "daysSaved"] { #expect(change[key] as? Int == wantedChange[key], "\(key)") }
    }

    @Test func theOutputFitsATerminalInEveryLanguage() throws {
        for language in ["en", "kk", "ru"] {
            let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--reform",
                                 "kz-rec-juvenile-one-third", "--lang", language])
            #expect(r.status == 0, "\(r.stderr)")
            let widest = r.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= 170, "\(language): a line of \(widest) characters")
            if language != "en" { #expect(!r.stdout.contains("Eligible by"), "\(language)") }
        }
    }

    @Test func theDatesFileHasEveryPersonInOrder() throws {
        let dates = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: dates) }
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--dates", dates.path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOf: dates, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 241)
        #expect(lines[0] == "id,law:kz-parole,law:kz-replacement,law:kz-term-reduction")
        #expect(lines[1].hasPrefix("g000,") && lines[240].hasPrefix("g239,"))
    }

    /// Counting only some mechanisms counts them as the full run does, and nothing else.
    @Test func aChosenMechanismIsCountedAsInTheFullRun() throws {
        let run = { (extra: [String]) in
            try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-12-05", "--reform", "kz-rec-juvenile-one-third",
                         "--format", "json"] + extra)
        }
        let full = try run([])
        let chosen = try run(["--mechanism", "kz-parole", "--mechanism", "replacement"])
        #expect(full.status == 0 && chosen.status == 0, "\(chosen.stderr)")
        let fullScenarios = try #require(try json(full.stdout)["scenarios"] as? [Any])
        let chosenScenarios = try #require(try json(chosen.stdout)["scenarios"] as? [Any])
        #expect(fullScenarios.count == chosenScenarios.count)
        for (all, some) in zip(fullScenarios, chosenScenarios) {
            let (allByID, someByID) = (mechanisms(all), mechanisms(some))
            #expect(Set(someByID.keys) == ["kz-parole", "kz-replacement"])
            for (id, counted) in someByID {
                let whole = try #require(allByID[id])
                #expect(sortedJSON(counted) == sortedJSON(whole), "\(id)")
            }
        }
        let unknown = try run(["--mechanism", "amnesty"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--mechanism amnesty") && unknown.stderr.contains("kz-term-reduction"))
        #expect(unknown.stdout.isEmpty)
    }

    /// A JSON value written with sorted keys, to compare two decoded documents.
    func sortedJSON(_ value: Any) -> String {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func population(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("population-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: [
        ("id,term,category\np1,9y,grave\n", "missing column start"),
        ("id,term,category,start\np1,9y,grave,2022-02-30\n", ":2 (column start)"),
        ("term,category,start\n9y,grave,2022-01-10\n9y,felony,2022-01-10\n", ":3 (column category)"),
        ("term,category,start\n9y,grave\n", ":2:"),
        ("", "empty file"),
        ("term,category,start\n\"9y,grave,2022-01-10\n", "not closed"),
    ])
    func aBadPopulationFileIsOneLineWithItsRowAndNoOutput(_ text: String, _ place: String) throws {
        let path = try population(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = path + ".out"
        let r = try CLI.run(["cohort", "--input", path, "--output", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains(place), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "no partial output")
    }

    @Test func aBOMCRLFAndQuotedCommasAreRead() throws {
        let path = try population("\u{FEFF}id,term,category,start,offences\r\n\"a, b\",9y,grave,2022-01-10,\"corruption;organised-group\"\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["cohort", "--input", path, "--as-of", "2026-12-05", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try json(r.stdout)["people"] as? Int == 1)
    }

    @Test func keepGoingReportsEveryBadRowAndCountsTheRest() throws {
        let path = try population("term,category,start\n9y,grave,2022-01-10\n9y,felony,2022-01-10\n-3y,grave,2022-01-10\n6y,medium,2023-01-01\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["cohort", "--input", path, "--as-of", "2026-12-05", "--keep-going", "--format", "json"])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":3 (column category)") && r.stderr.contains(":4 (column term)"), "\(r.stderr)")
        #expect(try json(r.stdout)["people"] as? Int == 2)
    }

    @Test func theColumnsOfAPrisonsExportAreMapped() throws {
        let path = try population("Срок,Категория,Начало,Отряд\n9y,grave,2022-01-10,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["cohort", "--input", path, "--as-of", "2026-12-05", "--columns", "Срок=term,Категория=category,Начало=start"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Отряд"), "the ignored column is named")
    }

    @Test func aGeneratedCohortIsDeterministicLabelledAndReadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a.csv").path, second = dir.appendingPathComponent("b.csv").path
        for path in [first, second] {
            let r = try CLI.run(["cohort", "generate", "--size", "300", "--seed", "11", "--output", path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
        #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 301)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.assumptions.md").path))
        let counted = try CLI.run(["cohort", "--input", first, "--as-of", "2026-12-05", "--format", "json"])
        #expect(counted.status == 0, "\(counted.stderr)")
        let doc = try json(counted.stdout)
        #expect(doc["people"] as? Int == 300)
        #expect(doc["synthetic"] as? Bool == true)
    }
}
