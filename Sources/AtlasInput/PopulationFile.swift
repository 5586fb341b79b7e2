import AtlasModel
import Foundation

/// A population file (docs/cohort-csv.md): a CSV whose header names case fields, one sentenced person per record.
/// Read as a stream, one record at a time, so memory stays flat in the number of people.
public struct PopulationFile {
    /// Where a problem is: the file, the line the record starts on, and the column, when known.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: String?
        public var message: String
        public var description: String {
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += " (column \(column))" }
            return "\(place): \(message)"
        }
    }

    /// One person: the id the file gives (or the record's line), and the case as the file states it.
    public struct Person: Sendable {
        public var id: String
        public var line: Int
        public var draft: CaseDraft
    }

    public let path: String
    /// The header's columns the atlas does not know, ignored.
    public private(set) var ignoredColumns: [String] = []
    private var records: CSVRecords
    /// Per column: the catalogue position and input shape it fills, `nil` for the id or an ignored column.
    private var slots: [(position: Int, shape: FactInputShape)?] = []
    private var idColumn: Int?
    private var header: [String] = []

    /// The key of the person's id column.
    public static let idKey = "id"

    /// Opens `path` (`-`: standard input) and reads its header; `columns` maps the file's own column names to case
    /// fields (`Срок` → `term`).
    public init(path: String, columns: [String: String] = [:]) throws {
        self.path = path
        let handle: FileHandle
        do { handle = try InputFile.open(path, what: "population file") } catch { throw error }
        records = CSVRecords(handle: handle)
        guard let first = try records.next(file: path) else {
            throw Problem(file: path, line: 1, column: nil, message: "empty file; the first line names the columns "
                + "(term,category,start,…; see docs/cohort-csv.md)")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let byKey = Dictionary(uniqueKeysWithValues: CaseFactCatalogue.all.enumerated().map { ($1.jsonKey, ($0, $1.inputShape)) })
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            let key = columns[name] ?? name
            guard seen.insert(key).inserted else {
                throw Problem(file: path, line: first.line, column: name, message: "column \(key) is given twice; keep one")
            }
            if key == Self.idKey { idColumn = index; slots.append(nil); continue }
            if key == "asOf" {
                throw Problem(file: path, line: first.line, column: name,
                              message: "asOf is not a column: the run's --as-of applies to everyone; drop the column")
            }
            if let slot = byKey[key] { slots.append(slot) } else { slots.append(nil); ignoredColumns.append(name) }
        }
        for required in CaseFactCatalogue.all where required.required && required.name != "as-of" {
            guard header.contains(where: { (columns[$0] ?? $0) == required.jsonKey }) else {
                throw Problem(file: path, line: first.line, column: required.jsonKey,
                              message: "missing column \(required.jsonKey); the file must give term, category and start "
                                + "(docs/cohort-csv.md), or map the file's own names with --columns")
            }
        }
    }

    /// The next person, or `nil` at the end; a record that cannot be read as a case throws, naming its line and
    /// column, and the next call goes on with the following record.
    public mutating func next() throws -> Person? {
        guard let record = try records.next(file: path) else { return nil }
        guard record.fields.count == header.count else {
            throw Problem(file: path, line: record.line, column: nil,
                          message: "\(record.fields.count) fields where the header has \(header.count); "
                            + "quote a field that holds a comma")
        }
        var draft = CaseDraft()
        var id = String(record.line)
        for (index, text) in record.fields.enumerated() {
            if index == idColumn { if !text.isEmpty { id = text }; continue }
            guard let slot = slots[index], !text.isEmpty else { continue }
            let value: DraftValue
            switch slot.shape {
            case .text: value = .text(text)
            case .number:
                guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    throw Problem(file: path, line: record.line, column: header[index],
                                  message: "\"\(text)\" is not a whole number")
                }
                value = .number(number)
            case .list:
                value = .list(text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            case .yes, .yesOrNo:
                switch text.lowercased().trimmingCharacters(in: .whitespaces) {
                case "true", "yes", "1": value = .yesNo(true)
                case "false", "no", "0": value = .yesNo(false)
                default:
                    throw Problem(file: path, line: record.line, column: header[index],
                                  message: "\"\(text)\" is not true or false (leave the cell empty when unknown)")
                }
            }
            draft[position: slot.position] = value
        }
        return Person(id: id, line: record.line, draft: draft)
    }

    /// The column of the file that holds the case field `key` (for errors the case reader names by field).
    public func column(for key: String, columns: [String: String] = [:]) -> String {
        header.first { (columns[$0] ?? $0) == key } ?? key
    }

    /// Why reading stopped early (an I/O error), if it did.
    public var failure: String? { records.failure }
}

/// RFC 4180 records from a byte stream: fields separated by commas, a field in double quotes may hold commas,
/// quotes (doubled) and line breaks; CRLF and LF both end a record; a byte-order mark at the start is skipped.
struct CSVRecords {
    private var reader: ChunkReader
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var started = false

    init(handle: FileHandle) {
        self.handle = handle
        reader = ChunkReader(descriptor: handle.fileDescriptor)
    }

    var failure: String? { reader.failure }

    /// Makes sure at least one byte is buffered at `position`; `false` at the end of the input.
    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        guard let chunk = reader.next() else { return false }
        buffer = Array(chunk)
        position = 0
        if !started {
            started = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            return fill()
        }
        return true
    }

    /// The next record and the line it starts on; blank lines are skipped.
    mutating func next(file: String) throws -> (line: Int, fields: [String])? {
        while true {
            guard fill() else { return nil }
            let first = buffer[position]
            if first == UInt8(ascii: "\n") { position += 1; line += 1; continue }
            if first == UInt8(ascii: "\r") { position += 1; continue }
            break
        }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        func finish() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while fill() {
            let byte = buffer[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if fill(), buffer[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","): finish()
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw PopulationFile.Problem(file: file, line: line, column: nil,
                        message: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                quoted = true
                wasQuoted = true
            case UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\n"):
                line += 1
                finish()
                return (start, fields)
            default: field.append(byte)
            }
        }
        if quoted {
            throw PopulationFile.Problem(file: file, line: start, column: nil,
                message: "a quoted field is not closed before the end of the file; add the closing quote")
        }
        finish()
        return (start, fields)
    }
}
