import AtlasModel
import Foundation
import Hummingbird
import Testing
@testable import AtlasWeb

/// `/api/v1/openapi.json`: built from the embedded JSON Schemas (each equal to its docs/ file), it lists every API
/// route and only those, every fact of the catalogue as a parameter, and every path it lists answers.
@Suite struct OpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func document() async throws -> [String: Any] {
        let fetched = try await TestSite.get("/api/v1/openapi.json")
        #expect(fetched.status == .ok)
        return try #require(try fetched.json as? [String: Any])
    }

    static func paths() async throws -> [String: [String: Any]] {
        try #require(try await document()["paths"] as? [String: [String: Any]])
    }

    @Test("Each embedded schema is byte for byte its docs/ file",
          arguments: OpenAPIDocument.schemaFiles.map { ($0.file, $0.bytes) })
    func embeddedSchemaIsTheDocsFile(file: String, bytes: [UInt8]) throws {
        let docs = try Data(contentsOf: Self.root.appendingPathComponent("docs").appendingPathComponent(file))
        #expect([UInt8](docs) == bytes, "Sources/AtlasWeb/Schemas/\(file) differs from docs/\(file): copy it over")
    }

    @Test("The document is OpenAPI 3.1 and every $ref in it points at a component it has")
    func referencesResolve() async throws {
        let document = try await Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        #expect(schemas["simulate.batchLine"] != nil && schemas["error"] != nil)
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { references.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] { array.forEach(collect) }
        }
        collect(document)
        #expect(references.count > 20)
        for ref in references {
            #expect(ref.hasPrefix("#/components/schemas/") && schemas[String(ref.dropFirst(21))] != nil, "\(ref)")
        }
    }

    @Test("Every GET route under /api/v1 is in the document, and every path of the document is a route")
    func routesAreDocumented() async throws {
        let routes = Set(TestSite.site.router().routes.filter { $0.method == .get }.map { "\($0.path)" }
            .filter { $0.hasPrefix("/api/v1") }
            .map { $0.split(separator: "/").map { $0.hasPrefix(":") ? "{" + $0.dropFirst() + "}" : String($0) } }
            .map { "/" + $0.joined(separator: "/") })
        #expect(routes.count >= 8)
        #expect(Set(try await Self.paths().keys) == routes)
    }

    @Test("The simulation's parameters are exactly the catalogue's facts and the four others")
    func factsAreTheCatalogues() async throws {
        let get = try #require(try await Self.paths()["/api/v1/simulate"]?["get"] as? [String: Any])
        let parameters = try #require(get["parameters"] as? [[String: Any]])
        let names = parameters.compactMap { $0["name"] as? String }
        #expect(names.count == Set(names).count)
        #expect(Set(names) == Set(CaseFactCatalogue.all.map(\.name)).union(CaseQuery.otherParameters))
        for fact in CaseFactCatalogue.all {
            let parameter = parameters.first { $0["name"] as? String == fact.name }
            #expect(parameter?["required"] as? Bool == fact.required, "\(fact.name)")
        }
    }

    @Test("Every documented path answers its documented document")
    func everyPathAnswers() async throws {
        let required = ["term": "9y", "category": "grave", "start": "2022-01-10", "q": "parole"]
        for (path, item) in try await Self.paths() {
            let get = try #require(item["get"] as? [String: Any])
            var uri = path
            var query: [String] = []
            for parameter in get["parameters"] as? [[String: Any]] ?? [] where parameter["required"] as? Bool == true {
                let name = try #require(parameter["name"] as? String)
                if parameter["in"] as? String == "path" {
                    // The first value the document allows.
                    let allowed = try #require((parameter["schema"] as? [String: Any])?["enum"] as? [String])
                    uri = uri.replacingOccurrences(of: "{\(name)}", with: try #require(allowed.first))
                } else {
                    query.append(name + "=" + (try #require(required[name], "no test value for \(name)")))
                }
            }
            let fetched = try await TestSite.get(uri + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
            #expect(fetched.status == .ok, "\(uri): \(fetched.body.prefix(200))")
            #expect(fetched.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
            #expect(try fetched.json is [String: Any] || fetched.json is [Any], "\(uri)")
        }
    }

    @Test("Every error status is documented with the error document")
    func errorsAreDocumented() async throws {
        for (path, item) in try await Self.paths() {
            let responses = try #require((item["get"] as? [String: Any])?["responses"] as? [String: Any])
            for status in ["200", "400", "404", "413", "503"] { #expect(responses[status] != nil, "\(path) \(status)") }
        }
    }
}
