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
        /// The case's own problem, when the record was read but its facts cannot be used: the field and the
        /// library's words, so that a caller speaking another language can word it (the web pages).
        public var cause: CaseInputError?
        public init(file: String, line: Int?, column: String?, message: String, cause: CaseInputError? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
            self.cause = cause
        }
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
    /// Per column, the case field it names once `--columns` is applied (the header name when not mapped).
    private var keys: [String] = []

    /// The key of the person's id column.
    public static let idKey = "id"

    /// Opens `path` (`-`: standard input) and reads its header; `columns` maps the file's own column names to case
    /// fields (`Срок` → `term`).
    public init(path: String, columns: [String: String] = [:]) throws {
        let handle: FileHandle
        do { handle = try InputFile.open(path, what: "population file") } catch { throw error }
        try self.init(records: CSVRecords(handle: handle), path: path, columns: columns)
    }

    /// Reads a population already in memory (an upload, which is never written to disk); `name` stands for the
    /// file in problems.
    public init(bytes: [UInt8], name: String, columns: [String: String] = [:]) throws {
        try self.init(records: CSVRecords(bytes: bytes), path: name, columns: columns)
    }

    private init(records: CSVRecords, path: String, columns: [String: String]) throws {
        var records = records
        guard let raw = try records.nextRaw(file: path) else {
            throw Problem(file: path, line: 1, column: nil, message: "empty file; the first line names the columns "
                + "(term,category,start,…; see docs/cohort-csv.md)")
        }
        let first = (line: raw.line, fields: try CSVRecords.fields(of: raw.bytes, file: path, line: raw.line))
        header = first.fields.map(Self.trimmed)
        let byKey = Dictionary(uniqueKeysWithValues: CaseFactCatalogue.all.enumerated().map { ($1.jsonKey, ($0, $1.inputShape)) })
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            let key = columns[name] ?? name
            keys.append(key)
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
        self.path = path
        self.records = records
    }

    /// One record as read, not yet split into fields: what a reader hands to other cores to convert.
    public struct Record: Sendable {
        public var line: Int
        var bytes: ArraySlice<UInt8>
    }

    /// The next person, or `nil` at the end; a record that cannot be read as a case throws, naming its line and
    /// column, and the next call goes on with the following record.
    public mutating func next() throws -> Person? {
        guard let record = try nextRecord() else { return nil }
        return try person(record)
    }

    /// The next record, or `nil` at the end: only the record's bounds are found here (quotes may hold line
    /// breaks), so that this part, which cannot be shared between cores, stays small.
    public mutating func nextRecord() throws -> Record? {
        guard let raw = try records.nextRaw(file: path) else { return nil }
        return Record(line: raw.line, bytes: raw.bytes)
    }

    /// The person a record states; safe to call on any core.
    public func person(_ record: Record) throws -> Person { try layout.person(record) }

    /// What converting a record needs, without the open file: shared with the cores that convert records.
    public var layout: Layout { Layout(path: path, header: header, keys: keys, slots: slots, idColumn: idColumn) }

    /// Why reading stopped early (an I/O error), if it did.
    public var failure: String? { records.failure }

    /// The header's meaning: which case field each column fills.
    public struct Layout: Sendable {
        let path: String
        let header: [String]
        let keys: [String]
        let slots: [(position: Int, shape: FactInputShape)?]
        let idColumn: Int?

        /// A reader of this layout's records as cases on `asOf`.
        public func cases(asOf: CalendarDate, vocabulary: Vocabulary) -> CaseReader {
            CaseReader(layout: self, asOf: asOf, vocabulary: vocabulary)
        }

        /// The case a person states, as of `asOf` (the run's date, which no file gives); a fact that cannot be used
        /// is a problem naming the record's line and the file's own column, never the person's data.
        public func facts(of person: PopulationFile.Person, asOf: CalendarDate, vocabulary: Vocabulary) throws -> Case {
            var draft = person.draft
            draft["as-of"] = .text(asOf.description)
            do { return try draft.build(vocabulary: vocabulary, today: asOf) } catch {
                throw PopulationFile.Problem(file: path, line: person.line, column: column(forFact: error.field),
                                             message: error.message, cause: error)
            }
        }

        /// The column of the file that holds the fact `name`, as the file names it.
        func column(forFact name: String) -> String {
            guard let key = CaseFactCatalogue.named(name)?.jsonKey else { return name }
            return keys.firstIndex(of: key).map { header[$0] } ?? key
        }

        /// The person a record states.
        public func person(_ record: PopulationFile.Record) throws -> PopulationFile.Person {
            let fields = try CSVRecords.fields(of: record.bytes, file: path, line: record.line)
            guard fields.count == header.count else {
                throw PopulationFile.Problem(file: path, line: record.line, column: nil,
                              message: "\(fields.count) fields where the header has \(header.count); "
                                + "quote a field that holds a comma")
            }
            var draft = CaseDraft()
            var id = String(record.line)
            for (index, text) in fields.enumerated() {
                if index == idColumn { if !text.isEmpty { id = text }; continue }
                guard let slot = slots[index], !text.isEmpty else { continue }
                let value: DraftValue
                switch slot.shape {
                case .text: value = .text(text)
                case .number:
                    guard let number = Int(PopulationFile.trimmed(text)) else {
                        throw PopulationFile.Problem(file: path, line: record.line, column: header[index],
                                      message: "\"\(text)\" is not a whole number")
                    }
                    value = .number(number)
                case .list:
                    value = .list(text.split(separator: ";").map { PopulationFile.trimmed(String($0)) }.filter { !$0.isEmpty })
                case .yes, .yesOrNo:
                    switch PopulationFile.trimmed(text).lowercased() {
                    case let word where PopulationFile.yesWords.contains(word): value = .yesNo(true)
                    case let word where PopulationFile.noWords.contains(word): value = .yesNo(false)
                    default:
                        throw PopulationFile.Problem(file: path, line: record.line, column: header[index],
                                      message: "\"\(text)\" is not true or false (leave the cell empty when unknown)")
                    }
                }
                draft[position: slot.position] = value
            }
            return PopulationFile.Person(id: id, line: record.line, draft: draft)
        }

    }
}

extension PopulationFile {
    /// The words a yes/no cell may hold, in any case.
    static let yesWords = ["true", "yes", "1"]
    static let noWords = ["false", "no", "0"]

    /// Reads the records of a population file as cases on one as-of date, on any core. The common record is
    /// read straight from its bytes (`FactCells`); any other goes through `CaseDraft`, which reads the same
    /// values and names the line and column of a bad one.
    public struct CaseReader: Sendable {
        let layout: Layout
        let asOf: CalendarDate
        let vocabulary: Vocabulary
        let cells: FactCells?

        public init(layout: Layout, asOf: CalendarDate, vocabulary: Vocabulary) {
            self.layout = layout
            self.asOf = asOf
            self.vocabulary = vocabulary
            cells = FactCells(positions: layout.slots.map { $0?.position }, vocabulary: vocabulary, asOf: asOf,
                              yes: PopulationFile.yesWords, no: PopulationFile.noWords)
        }

        /// The case `record` states; one that cannot be read throws, naming the line and the file's own column,
        /// never the person's data. `cells` is room for the record's cell bounds, reused from record to record.
        public func read(_ record: Record, cells scratch: inout [Range<Int>]) throws -> Case {
            var facts = room()
            try read(record, cells: &scratch, into: &facts)
            return facts
        }

        /// A case to read records into (`read(_:cells:into:)`), kept from record to record: room only, every read
        /// fills every fact anew.
        public func room() -> Case { Case(term: .life, category: nil, punishment: "", start: asOf, asOf: asOf) }

        /// `read(_:cells:)` into a case the caller keeps from record to record (see `FactCells.read(_:cells:into:)`).
        public func read(_ record: Record, cells scratch: inout [Range<Int>], into facts: inout Case) throws {
            if let cells, record.bytes.withUnsafeBufferPointer({ row in
                Self.split(row, into: &scratch) && cells.read(row, cells: scratch, into: &facts)
            }) {
                return
            }
            facts = try layout.facts(of: layout.person(record), asOf: asOf, vocabulary: vocabulary)
        }

        /// The person's id: the file's, or the record's line when it gives none.
        public func id(of record: Record) -> String {
            guard let column = layout.idColumn,
                  let fields = try? CSVRecords.fields(of: record.bytes, file: layout.path, line: record.line),
                  column < fields.count, !fields[column].isEmpty else { return String(record.line) }
            return fields[column]
        }

        /// The bounds of a record's cells; `false` for a record with quotes or carriage returns, which the
        /// full CSV reading handles.
        static func split(_ row: UnsafeBufferPointer<UInt8>, into cells: inout [Range<Int>]) -> Bool {
            cells.removeAll(keepingCapacity: true)
            var from = 0
            for index in row.indices {
                let byte = row[index]
                // Letters, digits, '-' and ';' lie above the comma: most bytes of a record take this one test.
                guard byte <= UInt8(ascii: ",") else { continue }
                if byte == UInt8(ascii: ",") {
                    cells.append(from..<index)
                    from = index + 1
                } else if byte == UInt8(ascii: "\"") || byte == 0x0D {
                    return false
                }
            }
            cells.append(from..<row.count)
            return true
        }
    }

    /// `text` without spaces and tabs around it; the common cell has none, and is returned as it is.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// RFC 4180 records from a byte stream: fields separated by commas, a field in double quotes may hold commas,
/// quotes (doubled) and line breaks; CRLF and LF both end a record; a byte-order mark at the start is skipped.
/// Reading finds each record's bounds only; `fields(of:)` splits a record, on whichever core holds it.
struct CSVRecords {
    /// The file's reader, or nil for bytes given in memory (then all in `buffer` from the start).
    private var reader: ChunkReader?
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var started = false

    init(handle: FileHandle) {
        self.handle = handle
        reader = ChunkReader(descriptor: handle.fileDescriptor)
    }

    init(bytes: [UInt8]) {
        handle = nil
        reader = nil
        buffer = bytes
        started = true
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    var failure: String? { reader?.failure }

    /// Makes sure at least one byte is buffered at `position`; `false` at the end of the input.
    private mutating func fill() -> Bool {
        if position < buffer.count { return true }
        guard let chunk = reader?.next() else { return false }
        buffer = Array(chunk)
        position = 0
        if !started {
            started = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            return fill()
        }
        return true
    }

    /// The next record's bytes (without its line end) and the line it starts on; blank lines are skipped. The
    /// bytes are a slice of the chunk read from the file (no copy), unless the record runs across two chunks.
    mutating func nextRaw(file: String) throws -> (line: Int, bytes: ArraySlice<UInt8>)? {
        while true {
            guard fill() else { return nil }
            let first = buffer[position]
            if first == 0x0A { position += 1; line += 1; continue }
            if first == 0x0D { position += 1; continue }
            break
        }
        let start = line
        // The part of a record read before the end of a chunk, when it runs into the next one.
        var spilled: [UInt8]?
        var from = position
        var quoted = false
        while true {
            if position == buffer.count {
                spilled = (spilled ?? []) + buffer[from...]
                guard fill() else { break }
                from = position
            }
            // Up to the next quote or line end in one step: most records hold neither inside a field.
            let here = position
            position = buffer.withUnsafeBufferPointer { bytes in
                var index = here
                while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x0A { index += 1 }
                return index
            }
            guard position < buffer.count else { continue }
            let byte = buffer[position]
            position += 1
            if byte == 0x22 {
                quoted.toggle()
                continue
            }
            line += 1
            if quoted { continue }
            return (start, Self.record(spilled, buffer[from..<(position - 1)]))
        }
        if quoted {
            throw PopulationFile.Problem(file: file, line: start, column: nil,
                message: "a quoted field is not closed before the end of the file; add the closing quote")
        }
        return (start, Self.record(spilled, []))
    }

    /// A record's bytes: what spilled over from an earlier chunk, then `rest`, without a carriage return at the end.
    private static func record(_ spilled: [UInt8]?, _ rest: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var record = spilled.map { ArraySlice($0 + rest) } ?? rest
        if record.last == 0x0D { record.removeLast() }
        return record
    }

    /// The fields of one record: commas outside quotes separate them; a quoted field loses its quotes and a
    /// doubled quote inside it stands for one.
    static func fields(of bytes: ArraySlice<UInt8>, file: String, line: Int) throws -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < bytes.endIndex, bytes[index] == 0x22 { field.append(byte); index += 1 } else { quoted = false }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x2C:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            case 0x22:
                guard field.isEmpty, !wasQuoted else {
                    throw PopulationFile.Problem(file: file, line: line, column: nil,
                        message: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                quoted = true
                wasQuoted = true
            case 0x0D: continue
            default: field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
