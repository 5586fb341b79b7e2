import Foundation
import Testing

/// The subset of JSON Schema that docs/simulate.schema.json uses: type (with null), required, properties, items,
/// enum, pattern and local $ref. Returns every violation as "path: problem".
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
            for (key, sub) in schema["properties"] as? [String: Any] ?? [:] {
                if let v = object[key], let subSchema = sub as? [String: Any] {
                    problems += validate(v, against: subSchema, at: "\(path).\(key)")
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

    func validator() throws -> MiniSchemaValidator {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        return MiniSchemaValidator(root: root)
    }

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
