import AtlasCorpus
import AtlasEngine
import AtlasModel
import AtlasReport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AtlasWeb

/// A response as a test reads it.
struct Fetched {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    /// The body parsed as JSON.
    var json: Any { get throws { try JSONSerialization.jsonObject(with: Data(body.utf8)) } }
}

/// The site over the bundled corpus, with today pinned so that answers do not change with the date.
enum TestSite {
    static let corpus: Corpus = {
        do { return try CorpusLoader(location: CorpusLocation.bundled).load() } catch {
            fatalError("the bundled corpus does not load: \(error)")
        }
    }()
    static let today = CalendarDate(iso: "2026-01-01")!
    static let site = AtlasSite(corpus: corpus, today: { today })

    /// GETs `uri` through the router, without binding a port.
    static func get(_ uri: String) async throws -> Fetched {
        let application = Application(router: site.router())
        return try await application.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
        }
    }
}

@Suite struct APITests {
    @Test("The API's simulate document is the one `parole simulate --format json` builds for the same case")
    func simulateMatchesTheCommandLine() async throws {
        let fetched = try await TestSite.get("/api/v1/simulate?term=9y&category=grave&start=2022-01-10&cooperation=yes")
        #expect(fetched.status == .ok)
        #expect(fetched.headers[.contentType] == "application/json; charset=utf-8")

        // As Sources/parole/Simulate.swift builds it.
        let corpus = TestSite.corpus
        var draft = CaseDraft()
        draft["term"] = "9y"
        draft["category"] = "grave"
        draft["start"] = "2022-01-10"
        draft["cooperation"] = true
        let facts = try draft.build(vocabulary: corpus.vocabulary, today: TestSite.today)
        let outcomes = Simulator(corpus: corpus).simulate(facts, in: corpus.jurisdictions)
        let evaluator = ConformanceEvaluator(corpus: corpus)
        let conformance = Dictionary(uniqueKeysWithValues: outcomes.map {
            ($0.jurisdiction.id, evaluator.verdicts(for: $0, facts: facts))
        })
        let expected = OutcomeJSON.document(
            for: facts, outcomes: outcomes, wording: Wording(.en, vocabulary: corpus.vocabulary, factNaming: .labels),
            conformance: conformance, provenance: Provenance(corpus: corpus)).serialized(pretty: true)
        let parsedExpected = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
        #expect(try fetched.json as? NSDictionary == parsedExpected)
    }

    @Test("Every JSON answer carries the program version and the corpus digest",
          arguments: ["/api/v1/simulate?term=9y&category=grave&start=2022-01-10", "/api/v1/conformance/kz",
                      "/api/v1/countries"])
    func provenance(uri: String) async throws {
        let fetched = try await TestSite.get(uri)
        #expect(fetched.status == .ok)
        let provenance: [String: Any]?
        switch try fetched.json {
        case let object as [String: Any]: provenance = object["provenance"] as? [String: Any]
        // Arrays of rows or verdicts carry it in every element, as the command line's do.
        case let array as [[String: Any]]:
            provenance = array.first.map { $0["provenance"] as? [String: Any] ?? $0 }
        default: provenance = nil
        }
        #expect(provenance?["program"] as? String == "parole " + Provenance.programVersion)
        #expect((provenance?["corpus"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test("A malformed date is a 400 with one line saying so, in the language asked for")
    func malformedDate() async throws {
        let english = try await TestSite.get("/api/v1/simulate?term=9y&category=grave&start=2022-13-45")
        #expect(english.status == .badRequest)
        let message = try #require(((try english.json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String)
        #expect(!message.contains("\n"))
        #expect(message.contains("\"2022-13-45\"") && message.contains("YYYY-MM-DD"))

        let russian = try await TestSite.get("/api/v1/simulate?term=9y&category=grave&start=2022-13-45&lang=ru")
        #expect(russian.status == .badRequest)
        let error = (try russian.json as? [String: Any])?["error"] as? [String: Any]
        #expect((error?["message"] as? String)?.contains("не календарная дата") == true)
        #expect(error?["field"] as? String == "start")
    }

    @Test("An unknown id or parameter is refused", arguments: [
        ("/api/v1/conformance/zz", HTTPResponse.Status.notFound),
        ("/api/v1/simulate?term=9y&category=grave&start=2022-01-10&jurisdiction=zz", .notFound),
        ("/api/v1/simulate?term=9y&category=grave&start=2022-01-10&colour=red", .badRequest),
        ("/api/v1/countries?lang=de", .badRequest),
        ("/api/v1/nothing-here", .notFound),
    ])
    func refused(uri: String, status: HTTPResponse.Status) async throws {
        let fetched = try await TestSite.get(uri)
        #expect(fetched.status == status)
        #expect(((try fetched.json as? [String: Any])?["error"] as? [String: Any])?["message"] is String)
    }

    @Test("A query string over the limit is refused before it is read")
    func hugeQuery() async throws {
        let fetched = try await TestSite.get("/api/v1/simulate?term=" + String(repeating: "9", count: 10_000))
        #expect(fetched.status == .contentTooLarge)
    }
}
