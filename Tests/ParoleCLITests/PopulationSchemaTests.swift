import Foundation
import Testing

/// `cohort` and `roster` JSON against docs/cohort.schema.json and docs/roster.schema.json, on the golden cohort
/// (law alone, and under reform scenarios with a grant rate), in each language.
@Suite struct PopulationSchemaTests {
    static let golden = CLI.root.appendingPathComponent("Tests/ParoleCLITests/Cohort/golden-cohort.csv").path

    func problems(_ output: String, _ schema: String) throws -> [String] {
        let validator = try JSONSchemaTests.validator(schema)
        return validator.validate(try JSONSerialization.jsonObject(with: Data(output.utf8)), against: validator.root)
    }

    @Test(arguments: [
        ["--lang", "en"],
        ["--lang", "ru", "--reform", "kz-rec-juvenile-one-third", "--reform", "kz-annex-3@1", "--grant-rate", "0.5"],
        ["--lang", "kk", "--reform", "kz-a3-8-torture", "--effective", "2025-01-01", "--horizon", "3y"],
    ])
    func cohortValidates(_ args: [String]) throws {
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-01-01", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "cohort.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
        // The schema is not vacuous: a scenario under reforms carries its change, the law's does not.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(doc["scenarios"] as? [[String: Any]])
        // The law, then one scenario per --reform.
        let reforms = args.filter { $0 == "--reform" }.count
        let reformed = reforms > 0
        #expect(scenarios.count == 1 + reforms)
        let lawMechanisms = try #require(scenarios.first?["mechanisms"] as? [[String: Any]])
        #expect(lawMechanisms.allSatisfy { $0["change"] == nil })
        if reformed {
            let after = try #require(scenarios.last?["mechanisms"] as? [[String: Any]])
            #expect(after.allSatisfy { $0["change"] != nil })
        }
    }

    @Test func schemaRefusesAWrongShape() throws {
        let r = try CLI.run(["cohort", "--input", Self.golden, "--as-of", "2026-01-01", "--format", "json"])
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        doc["people"] = "many"
        doc.removeValue(forKey: "horizon")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
        let found = try problems(text, "cohort.schema.json")
        #expect(found.contains { $0.contains("people") })
        #expect(found.contains { $0.contains("horizon") })
    }

    @Test(arguments: [["--lang", "en"], ["--lang", "ru", "--within", "365d"], ["--lang", "kk", "--reform", "kz-rec-juvenile-one-third"]])
    func rosterValidates(_ args: [String]) throws {
        let r = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-01-01", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "roster.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(((doc["entries"] as? [Any])?.count ?? 0) > 0)
    }
}

/// `search` and `instruments` JSON against docs/search.schema.json and docs/instruments.schema.json, in each language.
@Suite struct FindSchemaTests {
    func problems(_ output: String, _ schema: String) throws -> [String] {
        let validator = try JSONSchemaTests.validator(schema)
        return validator.validate(try JSONSerialization.jsonObject(with: Data(output.utf8)), against: validator.root)
    }

    @Test(arguments: [["Germany"], ["условно-досрочного", "--lang", "ru"], ["ҚАЗАҚСТАН", "--lang", "kk", "--kind", "jurisdiction"],
                      ["nothing-matches-this-zz"]])
    func searchValidates(_ args: [String]) throws {
        let r = try CLI.run(["search"] + args + ["--format", "json", "--index-dir", "off"])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "search.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test(arguments: ["en", "ru", "kk"])
    func instrumentsValidate(_ language: String) throws {
        let r = try CLI.run(["instruments", "--format", "json", "--lang", language])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "instruments.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["instruments"] as? [Any])?.count == 19)
    }
}

/// `simulate --format json --detail summary`: one batch line (docs/simulate.schema.json `$defs/batchLine`).
@Suite struct SummaryDetailCommandTests {
    @Test(arguments: [["--jurisdiction", "kz"], [], ["--cooperation", "--lang", "ru"]])
    func summaryIsABatchLine(_ args: [String]) throws {
        let r = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of",
                             "2026-01-01", "--format", "json", "--detail", "summary"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let validator = try JSONSchemaTests.validator()
        let def = try #require((validator.root["$defs"] as? [String: Any])?["batchLine"] as? [String: Any])
        let found = validator.validate(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), against: def)
        #expect(found.isEmpty, "\(found.prefix(10))")
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test func summaryNeedsJSON() throws {
        let r = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--detail", "summary"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--format json"))
    }
}
