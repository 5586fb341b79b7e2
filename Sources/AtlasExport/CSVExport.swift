/// A document as RFC 4180 CSV: UTF-8, CRLF between records, a field quoted when it holds a comma, a quote, CR or
/// LF, quotes doubled. Records only: the header and the rows of each table, tables one after another with their
/// own headers; no caption, notes or sources, which a reader would take for more records.
struct CSVExport {
    let document: ExportDocument

    /// The UTF-8 byte order mark, which Excel needs to read UTF-8 (without it, Cyrillic comes out garbled).
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    func bytes(byteOrderMark: Bool) -> [UInt8] {
        (byteOrderMark ? Self.byteOrderMark : []) + Array(text.utf8)
    }

    var text: String {
        var records: [String] = []
        for table in document.tables {
            records.append(record(table.columns.map(\.header)))
            for row in table.rows { records.append(record(table.columns.indices.map { table.cell(row, $0).text })) }
        }
        return records.map { $0 + "\r\n" }.joined()
    }

    func record(_ fields: [String]) -> String { fields.map(Self.field).joined(separator: ",") }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
