import AtlasModel
import Foundation

/// Reads a `--case FILE.json`: the same fields as the flags, in camelCase (see docs/simulate-json.md).
enum CaseFile {
    static let stringFields = ["term", "category", "punishment", "start", "sex", "birthDate", "priorRevocation",
                               "damage", "asOf"]
    static let intFields = ["age", "disability", "victimAge"]
    static let boolFields = ["juvenile", "pregnant", "youngChild", "singleFather", "singleParent", "cooperation",
                             "foreignNational", "maliciousViolations", "recidivist", "firstCustodial"]
    static let listFields = ["offences", "consequences", "jurisdictions"]

    static func read(_ path: String) throws -> CaseDraft {
        // FileHandle also reads pipes and process substitutions (/dev/fd/N), which FileManager does not.
        guard let data = FileHandle(forReadingAtPath: path).map({ $0.readDataToEndOfFile() }) else {
            throw CLIFailure(message: "\(path): cannot read the case file", status: .noInput)
        }
        return try parse(data, place: path)
    }

    /// Parses one case object; `place` names it in errors (a file, or a file and line).
    static func parse(_ data: Data, place path: String) throws -> CaseDraft {
        let fields: [String: JSONField]
        do { fields = try JSONDecoder().decode([String: JSONField].self, from: data) } catch let error as DecodingError {
            throw CLIFailure.data("\(path): not a JSON object of case fields (\(Self.describe(error))); fix the file")
        }
        let known = Set(stringFields + intFields + boolFields + listFields)
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            let hint = Suggestion.nearest(to: unknown, among: known.sorted()).map { "did you mean \"\($0)\"? " } ?? ""
            throw CLIFailure.data("\(path): unknown field \"\(unknown)\"; \(hint)known: \(known.sorted().joined(separator: ", "))")
        }
        func wrongType(_ key: String, _ expected: String) -> CLIFailure {
            CLIFailure.data("\(path): field \"\(key)\" must be \(expected)")
        }
        var d = CaseDraft()
        var strings: [String: String] = [:], ints: [String: Int] = [:], bools: [String: Bool] = [:]
        var lists: [String: [String]] = [:]
        for (key, value) in fields {
            if case .null = value { continue }
            if stringFields.contains(key) {
                guard case .string(let s) = value else { throw wrongType(key, "a string") }
                strings[key] = s
            } else if intFields.contains(key) {
                guard case .int(let n) = value else { throw wrongType(key, "a whole number") }
                ints[key] = n
            } else if boolFields.contains(key) {
                guard case .bool(let b) = value else { throw wrongType(key, "true or false") }
                bools[key] = b
            } else {
                guard case .strings(let l) = value else { throw wrongType(key, "a list of strings") }
                lists[key] = l
            }
        }
        d.term = strings["term"]; d.category = strings["category"]; d.punishment = strings["punishment"]
        d.start = strings["start"]; d.sex = strings["sex"]; d.birthDate = strings["birthDate"]
        d.priorRevocation = strings["priorRevocation"]; d.damage = strings["damage"]; d.asOf = strings["asOf"]
        d.age = ints["age"]; d.disability = ints["disability"]; d.victimAge = ints["victimAge"]
        d.juvenile = bools["juvenile"]; d.pregnant = bools["pregnant"]; d.youngChild = bools["youngChild"]
        d.singleFather = bools["singleFather"]; d.singleParent = bools["singleParent"]
        d.cooperation = bools["cooperation"]; d.foreignNational = bools["foreignNational"]
        d.recidivist = bools["recidivist"]; d.firstCustodial = bools["firstCustodial"]
        d.maliciousViolations = bools["maliciousViolations"]
        d.offences = lists["offences"] ?? []; d.consequences = lists["consequences"] ?? []
        d.jurisdictions = lists["jurisdictions"] ?? []
        return d
    }
}

/// One value of a case file, typed as JSON typed it.
enum JSONField: Decodable {
    case null, bool(Bool), int(Int), string(String), strings([String]), other

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([String].self) { self = .strings(l) }
        else { self = .other }
    }
}

extension CaseFile {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c): return c.underlyingError.map { "\($0)" } ?? c.debugDescription
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c): return c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
