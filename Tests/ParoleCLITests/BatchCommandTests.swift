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
}
