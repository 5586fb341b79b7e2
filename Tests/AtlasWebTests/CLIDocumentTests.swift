import AtlasEngine
import AtlasModel
import AtlasReport
import AtlasSearch
import Foundation
import Hummingbird
import Testing
@testable import AtlasWeb

/// `/api/v1/instruments`, `/api/v1/search`, `/api/v1/stats[/{table}]`: each the document the command line builds
/// with the same library call, and each refusal a one-line error document naming the parameter.
@Suite struct CLIDocumentTests {
    static let provenance = Provenance(corpus: TestSite.corpus)

    /// `text` parsed, for comparing documents whatever their key order and spacing.
    static func parsed(_ text: String) throws -> NSObject? {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject
    }

    static func error(_ fetched: Fetched) throws -> [String: Any]? {
        (try fetched.json as? [String: Any])?["error"] as? [String: Any]
    }

    @Test("/api/v1/instruments is `parole instruments --format json`", arguments: [Language.en, .kk])
    func instruments(language: Language) async throws {
        let fetched = try await TestSite.get("/api/v1/instruments?lang=" + language.rawValue)
        #expect(fetched.status == .ok)
        let expected = InstrumentList(corpus: TestSite.corpus, language: language).json(provenance: Self.provenance)
        #expect(try Self.parsed(fetched.body) == Self.parsed(expected.serialized(pretty: true)))
    }

    @Test("/api/v1/stats is `parole stats --format json`, /api/v1/stats/{table} is `--table`")
    func stats() async throws {
        let computations = TestSite.corpus.stats.map(StatsComputation.init)
        let all = try await TestSite.get("/api/v1/stats?lang=ru")
        #expect(all.status == .ok)
        let expected = StatsJSON.document(computations, language: .ru, provenance: Self.provenance)
        #expect(try Self.parsed(all.body) == Self.parsed(expected.serialized(pretty: true)))

        let first = try #require(computations.first)
        let one = try await TestSite.get("/api/v1/stats/" + first.table.id)
        #expect(one.status == .ok)
        let expectedOne = StatsJSON.document([first], language: .en, provenance: Self.provenance)
        #expect(try Self.parsed(one.body) == Self.parsed(expectedOne.serialized(pretty: true)))
    }

    @Test("An unknown table is a 404 that suggests the nearest id")
    func unknownTable() async throws {
        let id = try #require(TestSite.corpus.stats.first?.id)
        let fetched = try await TestSite.get("/api/v1/stats/" + id + "x")
        #expect(fetched.status == .notFound)
        let message = try #require(try Self.error(fetched)?["message"] as? String)
        #expect(message.contains(id + "x") && message.contains("did you mean " + id))
    }

    @Test("/api/v1/search is `parole search QUERY --format json` over the same index")
    func search() async throws {
        let fetched = try await TestSite.get("/api/v1/search?q=Tokyo+Rules&kind=instrument&limit=5")
        #expect(fetched.status == .ok)
        let index = try SearchIndexStore(directory: nil).index(for: TestSite.corpus)
        let hits = try index.search(SearchQuery(text: "Tokyo Rules", kinds: [.instrument], limit: 5))
        #expect(!hits.isEmpty)
        let expected = SearchJSON.document(hits, query: "Tokyo Rules", provenance: Self.provenance)
        #expect(try Self.parsed(fetched.body) == Self.parsed(expected.serialized(pretty: true)))
    }

    @Test("A search the index cannot run is a 400 naming the parameter", arguments: [
        ("q=", "q"), ("q=%2B%2B%2B", "q"), ("limit=5", "q"), ("q=a&limit=0", "limit"), ("q=a&limit=ten", "limit"),
        ("q=a&limit=99999999999999999999", "limit"), ("q=a&kind=rules", "kind"), ("q=a&text-lang=de", "text-lang"),
        ("q=a&colour=red", "colour"),
    ])
    func badSearch(query: String, field: String) async throws {
        let fetched = try await TestSite.get("/api/v1/search?" + query)
        #expect(fetched.status == .badRequest)
        let error = try #require(try Self.error(fetched))
        #expect(error["field"] as? String == field)
        #expect((error["message"] as? String)?.contains("\n") == false)
    }

    @Test("A refusal is in the language asked for")
    func refusalInRussian() async throws {
        let fetched = try await TestSite.get("/api/v1/search?q=a&limit=0&lang=ru")
        #expect(try Self.error(fetched)?["message"] as? String == "limit: \"0\" вне допустимого диапазона; укажите 1–1000")
    }

    @Test("An endpoint without parameters refuses one", arguments: ["/api/v1/instruments", "/api/v1/stats",
                                                                  "/api/v1/countries", "/api/v1/conformance/kz"])
    func unknownParameter(path: String) async throws {
        let fetched = try await TestSite.get(path + "?colour=red")
        #expect(fetched.status == .badRequest)
        #expect(try Self.error(fetched)?["field"] as? String == "colour")
    }

    @Test("An answer not computed within the limit is abandoned with the caller's error; a quick one is kept")
    func timeLimit() async throws {
        let limit = TimeLimit(duration: .milliseconds(50))
        let clock = ContinuousClock()
        let start = clock.now
        // When the timer gave up on the work, measured where it fires: a test run keeps Swift's cooperative pool
        // busy, so the moment this task resumes says nothing about the limit.
        struct Late: Error { let after: Duration }
        let late = await #expect(throws: Late.self) {
            try await limit.run({ Thread.sleep(forTimeInterval: 2); return 1 }, late: { Late(after: clock.now - start) })
        }
        #expect(try #require(late).after < .seconds(1))
        #expect(try await limit.run({ 7 }, late: { SiteError.tooSlow(.en, after: .zero) }) == 7)
        // The error document's status and message.
        let slow = SiteError.tooSlow(.kk, after: .seconds(10))
        #expect(slow.status == .serviceUnavailable && slow.message.contains("10"))
    }
}
