import AtlasModel
import AtlasReport
import Foundation

/// `/api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API, assembled once at start-up from the
/// command line's JSON Schemas (docs/*.schema.json, embedded as they are), the endpoints of `APIEndpoint` and the
/// facts of `CaseFactCatalogue`. Nothing here restates a schema: each file's `$defs` become components of their
/// own (`simulate.batchLine`) and its local `$ref`s are pointed at them.
struct OpenAPIDocument {
    /// The schema files (docs/`file`, embedded), by the name of their component.
    static let schemaFiles: [(name: String, file: String, bytes: [UInt8])] = [
        ("simulate", "simulate.schema.json", PackageResources.simulate_schema_json),
        ("countries", "countries.schema.json", PackageResources.countries_schema_json),
        ("conformance", "conformance.schema.json", PackageResources.conformance_schema_json),
        ("instruments", "instruments.schema.json", PackageResources.instruments_schema_json),
        ("search", "search.schema.json", PackageResources.search_schema_json),
        ("stats", "stats.schema.json", PackageResources.stats_schema_json),
        ("error", "api-error.schema.json", PackageResources.api_error_schema_json),
    ]

    /// The statuses of the error document: a value that cannot be used, an unknown id or address, a request over
    /// the limits, an answer not computed in time.
    static let errorStatuses: [(code: String, description: String)] = [
        ("400", "A value that cannot be used, an unknown parameter or language."),
        ("404", "An unknown id or address."),
        ("413", "A query string over the limits, or a request with a body."),
        ("503", "The answer took longer than the time limit."),
    ]

    let value: JSONValue

    init(corpus: Corpus) {
        var components: [(String, JSONValue)] = []
        for file in Self.schemaFiles {
            components += Self.components(name: file.name, schema: Self.parsed(file.bytes))
        }
        let paths = APIEndpoint.all(corpus: corpus).map { ($0.path, Self.pathItem($0)) }
        value = .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("ParoleAtlas JSON API")),
                ("version", .string(Provenance.programVersion)),
                ("description", .string("The command line's JSON documents over HTTP (docs/web-api.md); every "
                    + "answer carries the program version and the corpus digest.")),
            ])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(components))])),
        ])
    }

    private static func pathItem(_ endpoint: APIEndpoint) -> JSONValue {
        let json = { (schema: JSONValue) in
            JSONValue.object([("application/json", .object([("schema", schema)]))])
        }
        var responses: [(String, JSONValue)] = [
            ("200", .object([("description", .string("The document.")), ("content", json(endpoint.response))])),
        ]
        for status in errorStatuses {
            responses.append((status.code, .object([
                ("description", .string(status.description)),
                ("content", json(.object([("$ref", .string("#/components/schemas/error"))]))),
            ])))
        }
        return .object([("get", .object([
            ("summary", .string(endpoint.summary)),
            ("parameters", .array(endpoint.parameters.map(parameter))),
            ("responses", .object(responses)),
        ]))])
    }

    private static func parameter(_ p: APIParameter) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("name", .string(p.name)), ("in", .string(p.location.rawValue)), ("required", .bool(p.required)),
            ("description", .string(p.description)), ("schema", p.schema),
        ]
        // A repeatable parameter is repeated (`offence=a&offence=b`), not joined with commas.
        if case .object(let schema) = p.schema, schema.contains(where: { $0.0 == "type" && $0.1 == .string("array") }) {
            fields += [("style", .string("form")), ("explode", .bool(true))]
        }
        return .object(fields)
    }

    /// The component `name` and one component per entry of its `$defs` (`name.entry`), `$ref`s rewritten to them;
    /// `$schema` and `$id` are dropped, the document being the schemas' home now.
    static func components(name: String, schema: JSONValue) -> [(String, JSONValue)] {
        guard case .object(let fields) = schema else { return [(name, schema)] }
        var root: [(String, JSONValue)] = []
        var defs: [(String, JSONValue)] = []
        for (key, value) in fields {
            switch key {
            case "$schema", "$id": continue
            case "$defs":
                if case .object(let entries) = value { defs = entries }
            default: root.append((key, pointed(value, name: name)))
            }
        }
        return [(name, .object(root))] + defs.map { (name + "." + $0.0, pointed($0.1, name: name)) }
    }

    /// `value` with every `#/$defs/x` reference of the schema `name` pointed at the component `name.x`.
    private static func pointed(_ value: JSONValue, name: String) -> JSONValue {
        switch value {
        case .object(let fields):
            return .object(fields.map { key, inner in
                if key == "$ref", case .string(let ref) = inner, ref.hasPrefix("#/$defs/") {
                    return (key, .string("#/components/schemas/" + name + "." + ref.dropFirst("#/$defs/".count)))
                }
                return (key, pointed(inner, name: name))
            })
        case .array(let items): return .array(items.map { pointed($0, name: name) })
        default: return value
        }
    }

    /// The embedded schema text as a `JSONValue`, object keys sorted (the files are checked JSON: a test reads
    /// each one, so a broken file fails there, not here).
    static func parsed(_ bytes: [UInt8]) -> JSONValue {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return .null }
        return value(of: object)
    }

    private static func value(of object: Any) -> JSONValue {
        switch object {
        case let dictionary as [String: Any]:
            return .object(dictionary.keys.sorted().map { ($0, value(of: dictionary[$0] as Any)) })
        case let array as [Any]: return .array(array.map(value(of:)))
        case let string as String: return .string(string)
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumber of type "c".
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            if number.doubleValue == Double(number.intValue) { return .int(number.intValue) }
            return .decimal(number.doubleValue, digits: 6)
        default: return .null
        }
    }
}
