import Foundation
import Testing
@testable import AtlasWeb

/// `/api/v1/simulate?detail=summary`: the batch line's fields, the same decisions as the full document, a
/// fraction of its size; an unknown detail level is a 400 in the request's language.
@Suite struct SummaryDetailTests {
    static let query = "/api/v1/simulate?term=9y&category=grave&start=2022-01-10&as-of=2026-01-01"

    @Test func summaryAgreesWithTheFullDocument() async throws {
        let summary = try await TestSite.get(Self.query + "&detail=summary")
        let full = try await TestSite.get(Self.query)
        #expect(summary.status == .ok && full.status == .ok)
        #expect(summary.body.utf8.count * 10 < full.body.utf8.count)
        let line = try #require(try summary.json as? [String: Any])
        #expect((line["provenance"] as? [String: Any])?["corpus"] is String)
        let outcomes = try #require(line["outcomes"] as? [[String: Any]])
        let document = try #require(try full.json as? [String: Any])
        let jurisdictions = try #require(document["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == jurisdictions.count)
        // Every mechanism's status and earliest date are the full document's.
        var compared = 0
        for outcome in outcomes {
            let id = try #require(outcome["jurisdiction"] as? String)
            let fullJurisdiction = try #require(jurisdictions.first { $0["jurisdiction"] as? String == id })
            let fullMechanisms = try #require(fullJurisdiction["mechanisms"] as? [[String: Any]])
            for mechanism in try #require(outcome["mechanisms"] as? [[String: Any]]) {
                let twin = try #require(fullMechanisms.first { $0["mechanism"] as? String == mechanism["mechanism"] as? String })
                #expect(twin["status"] as? String == mechanism["status"] as? String, "\(id)")
                #expect(twin["earliestDate"] as? String == mechanism["earliestDate"] as? String, "\(id)")
                compared += 1
            }
        }
        #expect(compared >= 42)
    }

    @Test func unknownDetailIsRefusedInTheLanguage() async throws {
        let refused = try await TestSite.get(Self.query + "&detail=everything&lang=ru")
        #expect(refused.status == .badRequest)
        #expect(refused.body.contains("уровень подробности"))
        #expect(refused.body.contains("everything"))
    }
}
