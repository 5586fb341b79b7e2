import AtlasExport
import Foundation
import AtlasModel

/// Turns the report's tables into export documents: the headers and cells as the language prints them, each column
/// typed by what its cells hold (so that a spreadsheet gets numbers and dates), and the provenance as a source.
///
/// Typing reads the printed cells rather than asking each table for its kinds, so that a command plugs in with one
/// call and every table types alike: a column is a number or date column when every cell that is not empty or a
/// dash reads as one; the cells are kept exactly as printed.
public enum TableExport {
    /// A document of `tables` in `language`, with `sources` (citations, already worded) then the provenance line.
    public static func document(title: String, tables: [ExportTable], sources: [String] = [], provenance: Provenance?,
                                language: Language) -> ExportDocument
    {
        ExportDocument(title: title, language: language.rawValue, tables: tables,
                       sources: sources + (provenance.map { [$0.footer(language: language)] } ?? []),
                       labels: ExportLabels(sources: ExportPhrase.sources.text(language),
                                            notes: ExportPhrase.notes.text(language)),
                       provenance: provenance.map { ExportProvenance(program: $0.program, corpus: $0.corpus) })
    }

    /// A one-table document: the usual shape of a command's export.
    public static func document(title: String, table: TextTableData, notes: [String] = [], sources: [String] = [],
                                provenance: Provenance?, language: Language) -> ExportDocument
    {
        document(title: title, tables: [table.exportTable(name: title, caption: title, notes: notes)],
                 sources: sources, provenance: provenance, language: language)
    }

    /// Cells that stand for "no value" in a number column.
    static let blanks: Set<String> = ["", "—", "–", "-"]

    /// The value a printed cell holds: an ISO date, an integer, a decimal (point or comma), or a percent.
    static func value(of text: String) -> ExportCell.Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = ExportDate(iso: trimmed) { return .date(date) }
        if trimmed.hasSuffix("%") {
            return number(String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)).map { .percent($0 / 100) }
        }
        guard let parsed = number(trimmed) else { return nil }
        if let whole = Int(exactly: parsed), !trimmed.contains(where: { $0 == "." || $0 == "," }) { return .integer(whole) }
        return .decimal(parsed)
    }

    /// A number as the languages print one: an optional sign, digits grouped by (narrow) spaces, one decimal
    /// point or comma. A leading zero before more digits ("007") is an id, not a number.
    static func number(_ text: String) -> Double? {
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
        var digits = String(text.filter { !spaces.contains($0) })
        guard !digits.isEmpty else { return nil }
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" || first == "−" {
            sign = first == "+" ? "" : "-"
            digits.removeFirst()
        }
        let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        if parts[0].count > 1, parts[0].first == "0" { return nil }
        return Double(sign + parts.joined(separator: "."))
    }
}

extension TextTableData {
    /// This table for export: typed columns (see `TableExport`), the caption above it and `notes` under it.
    public func exportTable(name: String, caption: String, notes: [String] = []) -> ExportTable {
        let values = rows.map { row in row.map(TableExport.value(of:)) }
        let kinds: [ExportCellKind] = header.indices.map { column in
            var kinds = Set<ExportCellKind>()
            for (row, cells) in zip(rows, values) where column < row.count {
                guard !TableExport.blanks.contains(row[column].trimmingCharacters(in: .whitespaces)) else { continue }
                guard let value = cells[column] else { return .text }
                kinds.insert(ExportCell(row[column], value: value).kind)
            }
            if kinds == [.integer, .decimal] { return .decimal }
            return kinds.count == 1 ? kinds.first! : .text
        }
        let cells = zip(rows, values).map { row, cellValues in
            row.indices.map { column in
                let typed = column < kinds.count && kinds[column] != .text
                return ExportCell(row[column], value: typed ? cellValues[column] : nil)
            }
        }
        return ExportTable(name: name, caption: caption,
                           columns: zip(header, kinds).map { ExportColumn($0, kind: $1) }, rows: cells, notes: notes)
    }
}
