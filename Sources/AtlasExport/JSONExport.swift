/// A document as JSON, the shape of docs/export.schema.json: title, language, provenance, tables (name, caption,
/// typed columns, rows of cells with their text and, for numbers and dates, their value, notes), sources. Keys in
/// a fixed order, so the same document gives the same bytes.
struct JSONExport {
    let document: ExportDocument

    var text: String {
        var out = "{\n  \"title\": \(Self.string(document.title)),\n  \"language\": \(Self.string(document.language)),\n"
        out += "  \"provenance\": " + (document.provenance.map { provenance in
            "{\"program\": \(Self.string(provenance.program)), \"corpus\": "
                + (provenance.corpus.map(Self.string) ?? "null") + "}"
        } ?? "null") + ",\n"
        out += "  \"tables\": [" + document.tables.map(table).joined(separator: ",") + (document.tables.isEmpty ? "],\n" : "\n  ],\n")
        out += "  \"sources\": [" + document.sources.map { "\n    " + Self.string($0) }.joined(separator: ",")
            + (document.sources.isEmpty ? "]\n" : "\n  ]\n")
        return out + "}\n"
    }

    func table(_ table: ExportTable) -> String {
        var out = "\n    {\n      \"name\": \(Self.string(table.name)),\n      \"caption\": \(Self.string(table.caption)),\n"
        out += "      \"columns\": [" + table.columns.map {
            "\n        {\"header\": \(Self.string($0.header)), \"kind\": \"\($0.kind.rawValue)\"}"
        }.joined(separator: ",") + (table.columns.isEmpty ? "],\n" : "\n      ],\n")
        out += "      \"rows\": [" + table.rows.map { row in
            "\n        [" + table.columns.indices.map { cell(table.cell(row, $0)) }.joined(separator: ", ") + "]"
        }.joined(separator: ",") + (table.rows.isEmpty ? "],\n" : "\n      ],\n")
        out += "      \"notes\": [" + table.notes.map(Self.string).joined(separator: ", ") + "]\n    }"
        return out
    }

    func cell(_ cell: ExportCell) -> String {
        let value: String? = switch cell.value {
        case nil: nil
        case .integer(let n): String(n)
        case .decimal(let x), .percent(let x): x.isFinite ? "\(x)" : nil
        case .date(let date): Self.string(date.description)
        }
        return "{\"text\": \(Self.string(cell.text))" + (value.map { ", \"value\": \($0)" } ?? "") + "}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
