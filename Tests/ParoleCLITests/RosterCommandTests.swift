import Foundation
import Testing

/// `parole roster`: the order an institution works in, the basis of each date, calendars, and errors that name the
/// row and column but not the person.
@Suite struct RosterCommandTests {
    static let golden = CohortCommandTests.golden

    @Test func theRosterListsPastDatesFirstThenByDateWithTheirBasis() throws {
        let r = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-12-05", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entries = try #require(doc["entries"] as? [[String: Any]])
        // 240 people: parole for everyone, replacement for the 180 not especially grave.
        #expect(entries.count == 420)
        let dates = entries.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(), "past first, then by date")
        let days = entries.compactMap { $0["days"] as? Int }
        #expect(days.first! < 0 && days.last! > 0)
        // g000: minor, 3y from 2018-01-01: parole at 1/3 = 2019-01-01 under art. 72(3) (seed L3679-3681).
        let g000 = try #require(entries.first { $0["id"] as? String == "g000" && $0["mechanism"] as? String == "kz-parole" })
        #expect(g000["date"] as? String == "2019-01-01")
        #expect(g000["basis"] as? String == "kz-cc-72-3-minor-medium")
        #expect((g000["citations"] as? [[String: Any]])?.contains { $0["lines"] as? String == "L3679-3681" } == true)
    }

    @Test func withinKeepsThePastAndTheComingDays() throws {
        let all = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-12-05", "--format", "csv"])
        let near = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-12-05", "--within", "90d", "--format", "csv"])
        #expect(all.status == 0 && near.status == 0, "\(near.stderr)")
        let rows = near.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count < all.stdout.split(separator: "\n").count - 1)
        #expect(rows.allSatisfy { line in
            let date = line.split(separator: ",", omittingEmptySubsequences: false)[3]
            return date <= "2027-03-05"
        })
    }

    @Test func theCalendarIsWellFormedAndStable() throws {
        let a = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-12-05", "--format", "ics", "--lang", "kk"])
        let b = try CLI.run(["roster", "--input", Self.golden, "--as-of", "2026-12-05", "--format", "ics", "--lang", "kk"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let lines = a.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 420)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        #expect(a.stdout.contains("SUMMARY:g000: "))
    }

    @Test func aBadRowIsNamedByRowAndColumnNotByItsData() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        try "id,term,category,start\nA-SECRET-NAME,9y,grave,2022-02-30\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLI.run(["roster", "--input", url.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":2 (column start)"), "\(r.stderr)")
        #expect(!r.stderr.contains("A-SECRET-NAME"))
    }
}
