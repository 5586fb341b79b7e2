import AtlasModel
import Foundation

/// Reads a `--case FILE.json` or one batch line: the same fields as the flags, in camelCase (see
/// docs/simulate-json.md).
public enum CaseFile {
    /// Where each field of a case file goes in a draft, and the JSON type it must have.
    enum Slot: Sendable {
        case string(WritableKeyPath<CaseDraft, String?> & Sendable)
        case int(WritableKeyPath<CaseDraft, Int?> & Sendable)
        case bool(WritableKeyPath<CaseDraft, Bool?> & Sendable)
        case list(WritableKeyPath<CaseDraft, [String]> & Sendable)

        /// Sets the field from `value`; `false` when the value has the wrong JSON type (null leaves it unset).
        func assign(_ value: JSONField, to d: inout CaseDraft) -> Bool {
            switch (self, value) {
            case (_, .null): return true
            case (.string(let field), .string(let s)): d[keyPath: field] = s
            case (.int(let field), .int(let n)): d[keyPath: field] = n
            case (.bool(let field), .bool(let b)): d[keyPath: field] = b
            case (.list(let field), .strings(let l)): d[keyPath: field] = l
            default: return false
            }
            return true
        }

        /// The JSON type the field takes, for messages.
        var expected: String {
            switch self {
            case .string: "a string"
            case .int: "a whole number"
            case .bool: "true or false"
            case .list: "a list of strings"
            }
        }
    }

    static let slots: [String: Slot] = [
        "term": .string(\.term), "category": .string(\.category), "punishment": .string(\.punishment),
        "start": .string(\.start), "sex": .string(\.sex), "birthDate": .string(\.birthDate),
        "priorRevocation": .string(\.priorRevocation), "damage": .string(\.damage), "asOf": .string(\.asOf),
        "age": .int(\.age), "disability": .int(\.disability), "victimAge": .int(\.victimAge),
        "juvenile": .bool(\.juvenile), "pregnant": .bool(\.pregnant), "youngChild": .bool(\.youngChild),
        "singleFather": .bool(\.singleFather), "singleParent": .bool(\.singleParent),
        "cooperation": .bool(\.cooperation), "foreignNational": .bool(\.foreignNational),
        "maliciousViolations": .bool(\.maliciousViolations), "recidivist": .bool(\.recidivist),
        "firstCustodial": .bool(\.firstCustodial),
        "offences": .list(\.offences), "consequences": .list(\.consequences), "jurisdictions": .list(\.jurisdictions),
    ]

    /// Reads and parses a case file. A folder, a missing or unreadable file, or one over `InputFile.caseLimit`
    /// bytes is `unreadable`; a file that is not a case is `invalid`.
    public static func read(_ path: String) throws(CaseFileError) -> CaseDraft {
        let data = try InputFile.read(path, what: "case file", limit: InputFile.caseLimit)
        return try parse(data, place: path)
    }

    /// Parses one case object; `place` names it in errors (a file, or a file and line).
    public static func parse(_ data: Data, place path: String) throws(CaseFileError) -> CaseDraft {
        if let draft = FlatJSONObject.draft(of: data) { return draft }
        let fields: [String: JSONField]
        if let flat = FlatJSONObject.fields(of: data) {
            fields = flat
        } else {
            do { fields = try StrictJSON.caseFields(data) } catch {
                throw CaseFileError(place: path, message: "not a JSON object of case fields (\(error.message) at "
                    + "\(error.position)); fix the file")
            }
        }
        if fields.keys.contains(where: { slots[$0] == nil }) {
            let known = slots.keys.sorted()
            let unknown = fields.keys.sorted().first { slots[$0] == nil }!
            let hint = Suggestion.nearest(to: unknown, among: known).map { "did you mean \"\($0)\"? " } ?? ""
            throw CaseFileError(place: path, message: "unknown field \(InputText.quoted(unknown)); \(hint)known: "
                + known.joined(separator: ", "))
        }
        var d = CaseDraft()
        for (key, value) in fields {
            let slot = slots[key]!
            guard slot.assign(value, to: &d) else {
                throw CaseFileError(place: path, message: "field \"\(key)\" must be \(slot.expected)")
            }
        }
        return d
    }
}

/// One value of a case file, typed as JSON typed it.
enum JSONField {
    case null, bool(Bool), int(Int), string(String), strings([String]), other
}

/// The common shape of a case line read without `JSONDecoder`, which takes longer than simulating the case in every
/// jurisdiction: one object of ASCII strings without escapes, whole numbers, booleans, nulls and lists of such
/// strings. Anything else (escapes, other numbers, nesting, repeated keys, bytes beyond ASCII, malformed text) gives
/// `nil`, and the caller decodes with `JSONDecoder` as before, so what is accepted and every error message stay
/// the same.
enum FlatJSONObject {
    static func fields(of data: Data) -> [String: JSONField]? {
        var fields: [String: JSONField] = [:]
        return scan(data) { key, value in fields[key] = value; return true } ? fields : nil
    }

    /// The draft itself, when every field is known and of its type; otherwise `nil`, and the caller reads the line
    /// the long way, which names the problem.
    static func draft(of data: Data) -> CaseDraft? {
        var draft = CaseDraft()
        let ok = scan(data) { key, value in CaseFile.slots[key]?.assign(value, to: &draft) ?? false }
        return ok ? draft : nil
    }

    /// Calls `visit` with each field in order, while it returns `true`; `false` when the text is not of the
    /// common shape, a key repeats, or `visit` stopped.
    private static func scan(_ data: Data, _ visit: (String, JSONField) -> Bool) -> Bool {
        data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.object(visit)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func object(_ visit: (String, JSONField) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            var seen: [String] = []
            if take(UInt8(ascii: "}")) { return atEnd() }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), let value = value(), !seen.contains(key),
                      visit(key, value) else { return false }
                seen.append(key)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) && atEnd()
        }

        mutating func atEnd() -> Bool {
            skipSpace()
            return i == bytes.count
        }

        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                guard bytes[i] >= 0x20, bytes[i] < 0x80, bytes[i] != UInt8(ascii: "\\") else { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }

        mutating func value() -> JSONField? {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""): return string().map(JSONField.string)
            case UInt8(ascii: "["):
                i += 1
                var list: [String] = []
                if take(UInt8(ascii: "]")) { return .strings(list) }
                repeat {
                    guard let s = string() else { return nil }
                    list.append(s)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .strings(list) : nil
            case UInt8(ascii: "t"): return word("true", .bool(true))
            case UInt8(ascii: "f"): return word("false", .bool(false))
            case UInt8(ascii: "n"): return word("null", .null)
            default: return integer()
            }
        }

        mutating func word(_ w: StaticString, _ value: JSONField) -> JSONField? {
            let n = w.utf8CodeUnitCount
            guard i + n <= bytes.count, memcmp(bytes.baseAddress! + i, w.utf8Start, n) == 0 else { return nil }
            i += n
            return value
        }

        /// A whole number of at most 18 digits, without a leading zero (JSON allows none).
        mutating func integer() -> JSONField? {
            var negative = false
            if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var n = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                // Past 18 digits the number is refused below; accumulating them would overflow.
                if i - start < 18 { n = n * 10 + Int(bytes[i] - 0x30) }
                i += 1
            }
            let digits = i - start
            guard digits > 0, digits <= 18, digits == 1 || bytes[start] != 0x30 else { return nil }
            if i < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[i]) { return nil }
            return .int(negative ? -n : n)
        }
    }
}
