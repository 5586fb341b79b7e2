import Foundation
import Testing

@Suite struct BatchCommandTests {
    @Test func batchStreamsOneLinePerCaseInOrderAndReportsBadLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl")
        let lines = [
            #"{"term": "9y", "category": "grave", "start": "2022-01-10", "asOf": "2026-11-25"}"#,
            "",
            #"{"term": "-3y", "category": "grave", "start": "2022-01-10"}"#,
            #"{"term": "life", "category": "especially-grave", "start": "2001-05-20", "asOf": "2026-11-25"}"#,
            #"{"term": "9y", "category": "grave", "start": "#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["simulate", "--batch", file.path, "--jurisdiction", "kz", "--jurisdiction", "de"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("2 of 4 cases rejected"))
        let out = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(out.map { $0["line"] as? Int } == [1, 3, 4, 5])
        let first = try #require(out.first?["outcomes"] as? [[String: Any]])
        #expect(first.map { $0["jurisdiction"] as? String } == ["kz", "de"])
        let kzParole = try #require((first[0]["mechanisms"] as? [[String: Any]])?.first)
        #expect(kzParole["earliestDate"] as? String == "2026-07-10")
        #expect((out[1]["error"] as? String)?.contains(":3: --term") == true)
        #expect(out[2]["outcomes"] != nil)
        #expect(out[3]["error"] != nil)
    }

    /// Writes `lines` to a temporary batch file and runs `simulate --batch` on it with `extra` arguments.
    func batch(_ lines: [String], _ extra: [String] = []) throws -> (CLIResult, [[String: Any]]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["simulate", "--batch", file.path] + extra)
        let out = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (r, out)
    }

    /// Each batch line says, mechanism by mechanism, what a single `simulate --format json` run says of the same
    /// case (the batch decides with the compiled plan, the single run with the explaining simulator).
    @Test func batchLinesAgreeWithSingleRunsField_byField() throws {
        let cases: [(json: String, flags: [String])] = [
            (#"{"term": "9y", "category": "grave", "start": "2022-01-10", "asOf": "2026-11-25"}"#,
             ["--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of", "2026-11-25"]),
            (#"{"term": "life", "category": "especially-grave", "start": "2001-05-20", "asOf": "2026-11-25", "sex": "female", "birthDate": "1960-02-29"}"#,
             ["--term", "life", "--category", "especially-grave", "--start", "2001-05-20", "--as-of", "2026-11-25",
              "--sex", "female", "--birth-date", "1960-02-29"]),
            (#"{"term": "4y6m", "category": "medium", "start": "2023-03-01", "asOf": "2026-11-25", "offences": ["corruption"], "recidivist": true, "firstCustodial": false}"#,
             ["--term", "4y6m", "--category", "medium", "--start", "2023-03-01", "--as-of", "2026-11-25",
              "--offence", "corruption", "--recidivist", "--no-first-custodial"]),
        ]
        let (r, lines) = try batch(cases.map(\.json))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(lines.count == cases.count)
        for (line, c) in zip(lines, cases) {
            let single = try CLI.run(["simulate", "--format", "json"] + c.flags)
            #expect(single.status == 0, "\(single.stderr)")
            let full = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any])
            let expected = try #require(full["outcomes"] as? [[String: Any]])
            let got = try #require(line["outcomes"] as? [[String: Any]])
            #expect(got.map { $0["jurisdiction"] as? String } == expected.map { $0["jurisdiction"] as? String })
            for (g, e) in zip(got, expected) {
                let gm = try #require(g["mechanisms"] as? [[String: Any]])
                let em = try #require(e["mechanisms"] as? [[String: Any]])
                #expect(gm.count == em.count)
                for (a, b) in zip(gm, em) {
                    // JSON null and a missing value read alike.
                    func text(_ v: Any?) -> String { v == nil || v is NSNull ? "null" : "\(v!)" }
                    for key in ["mechanism", "kind", "available", "status", "earliestDate", "requiredServed", "fraction",
                                "mandatory"] {
                        #expect(text(a[key]) == text(b[key]), "\(key) of \(text(a["mechanism"]))")
                    }
                    let reason = (b["reason"] as? [String: Any])?["rule"]
                    #expect(text(a["reason"]) == text(reason), "reason of \(text(a["mechanism"]))")
                }
            }
        }
    }

    /// Case lines are read without JSONDecoder when they have the common shape; lines with escapes, other number
    /// forms or repeated keys go through JSONDecoder. Both roads must give the same cases and the same errors.
    @Test func fastAndFullCaseReadingGiveTheSameAnswers() throws {
        let pairs: [(fast: String, full: String)] = [
            (#"{"term":"9y","category":"grave","start":"2022-01-10","asOf":"2026-11-25","age":40}"#,
             #"{"term":"9y","category":"gr\u0061ve","start":"2022-01-10","asOf":"2026-11-25", "age" : 40 }"#),
            (#"{"term": "3y", "category": "minor", "start": "2024-01-31", "offences": ["terrorism"], "victimAge": 12}"#,
             #"{"term": "3y", "category": "minor", "start": "2024-01-31", "offences": ["terr\u006Frism"], "victimAge": 12}"#),
            (#"{"trem": "9y"}"#, #"{"tr\u0065m": "9y"}"#),
            (#"{"term": "9y", "age": "forty"}"#, #"{"term": "9y", "age": "f\u006Frty"}"#),
            (#"{"term": "9y", "juvenile": 1}"#, #"{"term": "9y", "juvenile": 1.0}"#),
        ]
        let (_, fast) = try batch(pairs.map(\.fast), ["--jurisdiction", "kz", "--jurisdiction", "fi"])
        let (_, full) = try batch(pairs.map(\.full), ["--jurisdiction", "kz", "--jurisdiction", "fi"])
        #expect(fast.count == pairs.count && full.count == pairs.count)
        for (a, b) in zip(fast, full) {
            if let e = a["error"] as? String {
                // The same message after the file name (the two runs read two files).
                func message(_ m: String?) -> String? { m?.split(separator: ":", maxSplits: 2).last.map(String.init) }
                #expect(message(e) == message(b["error"] as? String))
            } else {
                let ja = try JSONSerialization.data(withJSONObject: a["outcomes"] ?? [], options: [.sortedKeys])
                let jb = try JSONSerialization.data(withJSONObject: b["outcomes"] ?? [], options: [.sortedKeys])
                #expect(ja == jb)
                #expect(a["start"] as? String == b["start"] as? String)
            }
        }
        #expect(fast[0]["outcomes"] != nil && fast[1]["outcomes"] != nil)
        #expect((fast[2]["error"] as? String)?.contains("unknown field \"trem\"") == true)
    }
}
