import AtlasModel
import Foundation

/// Reads a `--case FILE.json` or one batch line: the same fields as the flags, in camelCase or spelled as the
/// flags are (see docs/simulate-json.md).
public enum CaseFile {
    /// The key that selects jurisdictions: a choice of the run, not a fact of the case.
    static let jurisdictionsKey = "jurisdictions"

    /// Every key a case object may have: the catalogue's facts and the jurisdictions.
    static let keys: [String] = (CaseFactCatalogue.all.map(\.jsonKey) + [jurisdictionsKey]).sorted()

    /// The flag spelling of each key that has another one (`young-child` for `youngChild`, `offence` for
    /// `offences`): a file may be written as the flags are, so that what works on the command line works in a file.
    static let flagSpellings: [String: String] = Dictionary(uniqueKeysWithValues:
        (CaseFactCatalogue.all.map { ($0.name, $0.jsonKey) } + [("jurisdiction", jurisdictionsKey)])
            .filter { $0.0 != $0.1 })

    /// `fields` under their JSON keys; the same fact given in both spellings is refused, since one would silently
    /// win.
    static func canonical(_ fields: [String: JSONField], place: String) throws(CaseFileError) -> [String: JSONField] {
        var result: [String: JSONField] = [:]
        var written: [String: String] = [:]
        for key in fields.keys.sorted() {
            let name = flagSpellings[key] ?? key
            if let other = written[name] {
                throw CaseFileError(place: place, message: "fields \(InputText.quoted(other)) and "
                    + "\(InputText.quoted(key)) are the same fact; give it once")
            }
            written[name] = key
            result[name] = fields[key]
        }
        return result
    }

    /// Sets the field `key` of a draft from `value`; `false` when the key is unknown or the value has the wrong
    /// JSON type (null leaves the field unset).
    static func assign(_ value: JSONField, to key: String, in draft: inout CaseDraft) -> Bool {
        if key == jurisdictionsKey {
            switch value {
            case .null: return true
            case .strings(let ids): draft.jurisdictions = ids; return true
            default: return false
            }
        }
        // Positions and shapes by key, read once: a batch asks for every field of every line.
        guard let (position, shape) = Self.slots[key] else { return false }
        switch (value, shape) {
        case (.null, _): return true
        case (.string(let text), .text): draft[position: position] = .text(text)
        case (.int(let number), .number): draft[position: position] = .number(number)
        case (.bool(let answer), .yes), (.bool(let answer), .yesOrNo): draft[position: position] = .yesNo(answer)
        case (.strings(let list), .list): draft[position: position] = .list(list)
        default: return false
        }
        return true
    }

    private static let slots: [String: (position: Int, shape: FactInputShape)] = Dictionary(uniqueKeysWithValues:
        CaseFactCatalogue.all.enumerated().map { ($1.jsonKey, ($0, $1.inputShape)) })

    /// The JSON type the field `key` takes, for messages (the jurisdictions are a list of ids).
    static func expected(_ key: String) -> String { slots[key]?.shape.expectation ?? FactInputShape.list.expectation }

    /// Reads and parses a case file. A folder, a missing or unreadable file, or one over `InputFile.caseLimit`
    /// bytes is `unreadable`; a file that is not a case is `invalid`.
    public static func read(_ path: String) throws(CaseFileError) -> CaseDraft {
        let data = try InputFile.read(path, what: "case file", limit: InputFile.caseLimit)
        return try parse(data, place: path)
    }

    /// Parses one case object; `place` names it in errors (a file, or a file and line).
    public static func parse(_ data: Data, place path: String) throws(CaseFileError) -> CaseDraft {
        if let draft = FlatJSONObject.draft(of: data) { return draft }
        let written: [String: JSONField]
        if let flat = FlatJSONObject.fields(of: data) {
            written = flat
        } else {
            do { written = try StrictJSON.caseFields(data) } catch {
                throw CaseFileError(place: path, message: "not a JSON object of case fields (\(error.message) at "
                    + "\(error.position)); fix the file")
            }
        }
        let fields = try canonical(written, place: path)
        if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
            let known = keys
            let hint = Suggestion.nearest(to: unknown, among: known).map { "did you mean \"\($0)\"? " } ?? ""
            throw CaseFileError(place: path, message: "unknown field \(InputText.quoted(unknown)); \(hint)known: "
                + known.joined(separator: ", ") + " (or as the flags spell them: young-child, birth-date, …)")
        }
        var d = CaseDraft()
        for (key, value) in fields {
            guard assign(value, to: key, in: &d) else {
                throw CaseFileError(place: path, message: "field \"\(key)\" must be \(expected(key))")
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
        let ok = scan(data) { key, value in CaseFile.assign(value, to: key, in: &draft) }
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
