/// What a column holds, so that a spreadsheet can type its cells and a reader can sort them.
public enum ExportCellKind: String, Sendable, CaseIterable {
    case text, integer, decimal, percent, date
}

/// A calendar day, without time or zone: what a date cell of the atlas is.
public struct ExportDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` and nothing else (a real day of the proleptic Gregorian calendar).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceUnixEpoch: Int {
        // Howard Hinnant's days_from_civil: exact for every Gregorian date, no calendar object needed.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The spreadsheet serial number of the 1900 date system (1900-03-01 is 61: spreadsheets count a
    /// 29 February 1900 that never was, so every later date is one more than the days since 1899-12-31).
    public var spreadsheetSerial: Int { daysSinceUnixEpoch + 25_569 }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// One cell: the text as the language prints it, and, for numbers and dates, the value a spreadsheet types.
///
/// The text is what Markdown, CSV, HTML and DOCX show, so that every format reads the same as the terminal; XLSX and
/// JSON also carry the value. A percent is a share (0.25 for 25 %), as spreadsheets keep it.
public struct ExportCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case integer(Int)
        case decimal(Double)
        case percent(Double)
        case date(ExportDate)
    }

    public var text: String
    public var value: Value?

    public init(_ text: String, value: Value? = nil) {
        self.text = text
        self.value = value
    }

    public var kind: ExportCellKind {
        switch value {
        case nil: .text
        case .integer: .integer
        case .decimal: .decimal
        case .percent: .percent
        case .date: .date
        }
    }
}

/// A column: its heading in the document's language, and what its cells hold.
public struct ExportColumn: Sendable, Hashable {
    public var header: String
    public var kind: ExportCellKind

    public init(_ header: String, kind: ExportCellKind = .text) {
        self.header = header
        self.kind = kind
    }
}

/// One table: a caption, typed columns, rows and the notes that belong under it.
public struct ExportTable: Sendable, Hashable {
    /// A short name for a spreadsheet tab (cut to 31 characters there).
    public var name: String
    public var caption: String
    public var columns: [ExportColumn]
    /// Each row has one cell per column; a shorter row is read as ending in empty cells.
    public var rows: [[ExportCell]]
    public var notes: [String]

    public init(name: String, caption: String, columns: [ExportColumn], rows: [[ExportCell]], notes: [String] = []) {
        self.name = name
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The cell at `column` of `row`, empty past the row's end.
    func cell(_ row: [ExportCell], _ column: Int) -> ExportCell { column < row.count ? row[column] : ExportCell("") }
}

/// The fixed words of a document, worded by the caller: the export model speaks no language of its own.
public struct ExportLabels: Sendable, Hashable {
    /// The heading of the sources section and the name of the sources sheet.
    public var sources: String
    /// The heading of the notes.
    public var notes: String

    public init(sources: String, notes: String) {
        self.sources = sources
        self.notes = notes
    }
}

/// What a document was made with, so that it can be cited and reproduced: the program and the corpus digest.
public struct ExportProvenance: Sendable, Hashable {
    public var program: String
    public var corpus: String?

    public init(program: String, corpus: String?) {
        self.program = program
        self.corpus = corpus
    }
}

/// A document to export: a title, one or more tables, the sources they stand on, in one language.
public struct ExportDocument: Sendable, Hashable {
    public var title: String
    /// A BCP 47 language code (kk, ru, en): `<html lang>`, `w:lang`, the JSON `language`.
    public var language: String
    public var tables: [ExportTable]
    /// Citations and the provenance line, already worded; listed in a sources section or sheet.
    public var sources: [String]
    public var labels: ExportLabels
    /// JSON carries it as an object; the other formats show it as the last source, worded by the caller.
    public var provenance: ExportProvenance?

    public init(title: String, language: String, tables: [ExportTable], sources: [String], labels: ExportLabels,
                provenance: ExportProvenance? = nil) {
        self.title = title
        self.language = language
        self.tables = tables
        self.sources = sources
        self.labels = labels
        self.provenance = provenance
    }

    /// The document in `format`. `byteOrderMark` puts a UTF-8 BOM before CSV (Excel reads UTF-8 only with one);
    /// the other formats ignore it.
    public func rendered(as format: ExportFormat, byteOrderMark: Bool = false) throws(ExportError) -> [UInt8] {
        switch format {
        case .markdown: Array(MarkdownExport(document: self).text.utf8)
        case .csv: CSVExport(document: self).bytes(byteOrderMark: byteOrderMark)
        case .html: Array(HTMLExport(document: self).text.utf8)
        case .json: Array(JSONExport(document: self).text.utf8)
        case .docx: try DOCXExport(document: self).bytes()
        case .xlsx: try XLSXExport(document: self).bytes()
        }
    }
}

/// An export that could not be made (the ZIP container refused an entry).
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
