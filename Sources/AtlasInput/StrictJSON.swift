import AtlasModel
import Foundation

/// A JSON reader for case input that refuses what `JSONDecoder` lets through: a key given twice in one object
/// (which of the two would count is a guess), nesting deeper than a case can have, invalid UTF-8, and text after
/// the value. Every error names the line and column.
enum StrictJSON {
    /// Why a text is not JSON, and where.
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int

        /// "line 2, column 5", or "column 5" when the problem is on the first line (a batch line is one line).
        var position: String { line == 1 ? "column \(column)" : "line \(line), column \(column)" }
    }

    /// Nesting deeper than this is refused: a case is one object of values and lists.
    static let maximumDepth = 16

    /// The fields of one JSON object, each typed as the case-file slots need it.
    static func caseFields(_ data: Data) throws(Failure) -> [String: JSONField] {
        let result: Result<[String: JSONField], Failure> = data.withUnsafeBytes { raw in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) { return .success(try parser.caseObject()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// A parsed value, as much of it as a case needs to tell the types apart.
    indirect enum Value {
        case null, bool(Bool), number(integer: Int?), string(String), array([Value]), object
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        /// The whole input as one object of fields.
        mutating func caseObject() throws(Failure) -> [String: JSONField] {
            skipSpace()
            guard peek == UInt8(ascii: "{") else {
                throw failure(atEnd ? "empty input, expected a JSON object" : "expected a JSON object starting with {")
            }
            var fields: [String: JSONField] = [:]
            try object(depth: 1) { (key, value) throws(Failure) in fields[key] = JSONField(value) }
            skipSpace()
            guard atEnd else { throw failure("unexpected text after the object") }
            return fields
        }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        func failure(_ message: String, at offset: Int? = nil) -> Failure {
            let end = min(offset ?? index, bytes.count)
            var line = 1, column = 1
            for byte in bytes[..<end] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return Failure(message: message, line: line, column: column)
        }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            skipSpace()
            guard peek == byte else {
                throw failure(atEnd ? "the text ends where \(what) was expected" : "expected \(what)")
            }
            index += 1
        }

        /// Reads an object whose `{` is next, calling `field` for each member in order.
        mutating func object(depth: Int, _ field: (String, Value) throws(Failure) -> Void) throws(Failure) {
            guard depth <= StrictJSON.maximumDepth else { throw failure("nested deeper than \(StrictJSON.maximumDepth) levels") }
            index += 1
            var seen = Set<String>()
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                let keyStart = index
                guard peek == UInt8(ascii: "\"") else { throw failure(atEnd ? "the text ends inside an object" : "expected a key in double quotes") }
                let key = try string()
                guard seen.insert(key).inserted else {
                    throw failure("key \(InputText.quoted(key)) is given twice; keep one", at: keyStart)
                }
                try expect(UInt8(ascii: ":"), "':' after a key")
                try field(key, try value(depth: depth))
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        }

        mutating func value(depth: Int) throws(Failure) -> Value {
            skipSpace()
            guard let b = peek else { throw failure("the text ends where a value was expected") }
            switch b {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"):
                try object(depth: depth + 1) { (_, _) throws(Failure) in }
                return .object
            case UInt8(ascii: "["): return .array(try array(depth: depth + 1))
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure("expected a value (a string, number, true, false, null, list or object)")
            }
        }

        mutating func array(depth: Int) throws(Failure) -> [Value] {
            guard depth <= StrictJSON.maximumDepth else { throw failure("nested deeper than \(StrictJSON.maximumDepth) levels") }
            index += 1
            var items: [Value] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; return items }
            while true {
                items.append(try value(depth: depth))
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return items
            }
        }

        mutating func word(_ w: String) throws(Failure) {
            for expected in w.utf8 {
                guard peek == expected else { throw failure("expected \(w)") }
                index += 1
            }
        }

        /// A JSON number; `integer` is its value when it is a whole number that fits (`3`, `3.0`, `3e0`).
        mutating func number() throws(Failure) -> Value {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            guard let first = peek, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
            if first == 0x30 {
                index += 1
                if let next = peek, (0x30...0x39).contains(next) { throw failure("a number may not start with 0") }
            } else {
                digits()
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard let d = peek, (0x30...0x39).contains(d) else { throw failure("expected a digit after '.'") }
                digits()
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard let d = peek, (0x30...0x39).contains(d) else { throw failure("expected a digit in the exponent") }
                digits()
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if let whole = Int(text) { return .number(integer: whole) }
            // `3.0` and `3e0` are whole numbers too; anything not exactly an Int is not.
            if let double = Double(text), double.isFinite, double == double.rounded(), abs(double) < 9.0e15 {
                return .number(integer: Int(double))
            }
            return .number(integer: nil)
        }

        mutating func digits() {
            while let d = peek, (0x30...0x39).contains(d) { index += 1 }
        }

        /// A string whose opening quote is next; escapes decoded, UTF-8 checked, control characters refused.
        mutating func string() throws(Failure) -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                guard let b = peek else { throw failure("the text ends inside a string") }
                switch b {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let text = String(validating: out, as: UTF8.self) else {
                        throw failure("a string is not valid UTF-8")
                    }
                    return text
                case UInt8(ascii: "\\"):
                    index += 1
                    try escape(into: &out)
                case 0..<0x20:
                    throw failure("a control character inside a string; escape it (\\n, \\t, \\u0000)")
                default:
                    out.append(b)
                    index += 1
                }
            }
        }

        mutating func escape(into out: inout [UInt8]) throws(Failure) {
            guard let e = peek else { throw failure("the text ends inside a string") }
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard peek == UInt8(ascii: "\\") else { throw failure("a lone surrogate in \\u escape") }
                    index += 1
                    guard peek == UInt8(ascii: "u") else { throw failure("a lone surrogate in \\u escape") }
                    index += 1
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw failure("a lone surrogate in \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw failure("an unknown escape: a backslash before \(InputText.quoted(String(Unicode.Scalar(e))))")
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let h = peek, let digit = Self.hexValue(h) else { throw failure("expected four hex digits after \\u") }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        static func hexValue(_ b: UInt8) -> UInt32? {
            switch b {
            case 0x30...0x39: UInt32(b - 0x30)
            case 0x41...0x46: UInt32(b - 0x41 + 10)
            case 0x61...0x66: UInt32(b - 0x61 + 10)
            default: nil
            }
        }
    }
}

extension JSONField {
    /// The case-file type of a parsed value: a list counts as strings only when every item is one.
    init(_ value: StrictJSON.Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let integer): self = integer.map(JSONField.int) ?? .other
        case .string(let s): self = .string(s)
        case .array(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item else { self = .other; return }
                strings.append(s)
            }
            self = .strings(strings)
        case .object: self = .other
        }
    }
}
