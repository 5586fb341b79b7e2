import Foundation
import Testing

/// The subset of JSON Schema that the schemas of docs/ use: type (with null and number), required, properties,
/// additionalProperties (a schema), items, enum, pattern and local $ref. Returns every violation as "path: problem".
struct MiniSchemaValidator {
    let root: [String: Any]

    func validate(_ value: Any?, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                return ["\(path): unresolved \(ref)"]
            }
            return validate(value, against: target, at: path)
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: "|")), found \(Self.describe(value))"]
            }
        }
        if let options = schema["enum"] as? [Any] {
            let ok = options.contains { option in
                (option is NSNull && (value == nil || value is NSNull)) || (option as? String).map { $0 == value as? String } == true
            }
            if !ok { problems.append("\(path): \(Self.describe(value)) not in enum") }
        }
        if let pattern = schema["pattern"] as? String, let s = value as? String,
           s.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): \"\(s)\" does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required \"\(key)\"")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, sub) in properties {
                if let v = object[key], let subSchema = sub as? [String: Any] {
                    problems += validate(v, against: subSchema, at: "\(path).\(key)")
                }
            }
            if let others = schema["additionalProperties"] as? [String: Any] {
                for (key, v) in object where properties[key] == nil {
                    problems += validate(v, against: others, at: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { problems += validate(v, against: items, at: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ value: Any?, type: String) -> Bool {
        switch type {
        case "null": return value == nil || value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return (value as? NSNumber).map { isBoolean($0) } ?? (value is Bool)
        case "integer": return (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == Double($0.intValue) } ?? false
        case "number": return (value as? NSNumber).map { !isBoolean($0) } ?? false
        default: return false
        }
    }

    /// JSONSerialization gives booleans as NSNumber whose objCType is "c" (char); numbers have other types.
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func describe(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "null" }
        return String(describing: type(of: value))
    }
}

@Suite struct JSONSchemaTests {
    static let schemaURL = CLI.root.appendingPathComponent("docs/simulate.schema.json")

    /// The validator of docs/`name`.
    static func validator(_ name: String = "simulate.schema.json") throws -> MiniSchemaValidator {
        let url = CLI.root.appendingPathComponent("docs").appendingPathComponent(name)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return MiniSchemaValidator(root: root)
    }

    func validator() throws -> MiniSchemaValidator { try Self.validator() }

    @Test(arguments: [
        ["--term", "9y", "--category", "grave", "--start", "2022-01-10"],
        ["--term", "life", "--category", "especially-grave", "--start", "2001-05-20", "--cooperation"],
        ["--term", "6y", "--category", "grave", "--start", "2019-01-10", "--offence", "corruption", "--sex", "male",
         "--birth-date", "1958-03-01"],
        ["--term", "2y3m15d", "--category", "medium", "--start", "2024-02-29", "--juvenile", "--young-child",
         "--sex", "female", "--damage", "full", "--no-malicious-violations"],
        ["--term", "9y", "--category", "grave", "--start", "2022-01-10", "--offence", "terrorism", "--consequence",
         "caused-death", "--as-of", "2015-06-01"],
    ])
    func everyOutputValidatesAgainstTheDocumentedSchema(_ args: [String]) throws {
        let r = try CLI.run(["simulate", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let v = try validator()
        let problems = v.validate(doc, against: v.root)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func theValidatorRejectsABrokenContract() throws {
        let r = try CLI.run(["simulate", "--format", "json", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                             "--jurisdiction", "kz"])
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var outcomes = try #require(doc["outcomes"] as? [[String: Any]])
        var mechanisms = try #require(outcomes[0]["mechanisms"] as? [[String: Any]])
        mechanisms[0].removeValue(forKey: "earliestDate")
        mechanisms[0]["available"] = "yes"
        outcomes[0]["mechanisms"] = mechanisms
        doc["outcomes"] = outcomes
        let v = try validator()
        let problems = v.validate(doc, against: v.root)
        #expect(problems.contains { $0.contains("missing required \"earliestDate\"") })
        #expect(problems.contains { $0.contains(".available: expected boolean") })
    }
}

/// The JSON of the other commands and of batch lines, each against its schema under docs/, with the provenance
/// every JSON output carries (docs/outputs-json.md).
@Suite struct OutputSchemaTests {
    /// The problems of `output` (one JSON document) against docs/`schema`, or of `output` against its `$defs/def`.
    func problems(_ output: String, _ schema: String, def: String? = nil) throws -> [String] {
        let v = try JSONSchemaTests.validator(schema)
        let doc = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let target = try def.map { name in
            try #require((v.root["$defs"] as? [String: Any])?[name] as? [String: Any], "no $defs/\(name)")
        } ?? v.root
        return v.validate(doc, against: target)
    }

    @Test(arguments: [["countries"], ["countries", "--family", "post-soviet"], ["countries", "--lang", "kk"]])
    func countriesValidate(_ args: [String]) throws {
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "countries.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test(arguments: ["kz", "fi", "de", "us", "gb-eaw"])
    func conformanceValidates(_ id: String) throws {
        let r = try CLI.run(["conformance", id, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "conformance.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test(arguments: ["en", "kk", "ru"])
    func annexValidates(_ language: String) throws {
        let r = try CLI.run(["annex", "1", "--format", "json", "--lang", language])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try problems(r.stdout, "annex.schema.json")
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test func batchLinesValidate() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl")
        try [#"{"term": "9y", "category": "grave", "start": "2022-01-10", "asOf": "2026-11-25"}"#,
             #"{"term": "life", "category": "especially-grave", "start": "2001-05-20", "sex": "male"}"#,
             #"{"term": "-3y", "category": "grave", "start": "2022-01-10"}"#]
            .joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["simulate", "--batch", file.path])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for (i, line) in lines.enumerated() {
            let found = try problems(line, "simulate.schema.json", def: i < 2 ? "batchLine" : "batchError")
            #expect(found.isEmpty, "line \(i + 1): \(found.prefix(10))")
        }
    }

    /// A row without its provenance, or with a value that is not a string, is refused: the schemas hold the
    /// new fields, not only the old ones.
    @Test func theSchemasRequireTheProvenance() throws {
        let countries = try CLI.run(["countries", "--format", "json"])
        var rows = try #require(try JSONSerialization.jsonObject(with: Data(countries.stdout.utf8)) as? [[String: Any]])
        rows[0].removeValue(forKey: "corpus")
        rows[1]["extra"] = ["not": "a string"]
        let v = try JSONSchemaTests.validator("countries.schema.json")
        let found = v.validate(rows, against: v.root)
        #expect(found.contains { $0.contains("$[0]: missing required \"corpus\"") })
        #expect(found.contains { $0.contains("$[1].extra: expected string") })

        let annex = try CLI.run(["annex", "1", "--format", "json"])
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(annex.stdout.utf8)) as? [String: Any])
        doc["provenance"] = ["program": "parole 0.2.0", "corpus": "md5:0"]
        let a = try JSONSchemaTests.validator("annex.schema.json")
        #expect(a.validate(doc, against: a.root).contains { $0.contains(".provenance.corpus") })
    }

    /// The schemas repeat `provenance` and the verdict (each file stands alone); the copies must not drift.
    @Test func sharedDefinitionsAreTheSameInEverySchema() throws {
        func defs(_ name: String) throws -> [String: Any] {
            try #require(try JSONSchemaTests.validator(name).root["$defs"] as? [String: Any])
        }
        func text(_ value: Any?) throws -> String {
            let value = try #require(value)
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        let simulate = try defs("simulate.schema.json")
        for name in ["conformance.schema.json", "annex.schema.json"] {
            var provenance = try #require(simulate["provenance"] as? [String: Any])
            provenance.removeValue(forKey: "description")
            #expect(try text(defs(name)["provenance"]) == text(provenance), "\(name)")
        }
        let single = try #require((simulate["verdict"] as? [String: Any])?["properties"] as? [String: Any])
        let listed = try #require((try defs("conformance.schema.json")["verdict"] as? [String: Any])?["properties"]
            as? [String: Any])
        for (key, schema) in single where key != "citations" {
            #expect(try text(listed[key]) == text(schema), "verdict.\(key)")
        }
    }
}
