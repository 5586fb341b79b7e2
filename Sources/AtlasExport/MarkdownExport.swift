/// A document as Markdown: a heading per table, a pipe table, notes, then the sources.
struct MarkdownExport {
    let document: ExportDocument

    var text: String {
        var out = "# \(document.title)\n"
        for table in document.tables {
            if document.tables.count > 1 || table.caption != document.title { out += "\n## \(table.caption)\n" }
            out += "\n" + line(table.columns.map(\.header)) + "\n|" + table.columns.map { _ in "---|" }.joined() + "\n"
            for row in table.rows { out += line(table.columns.indices.map { table.cell(row, $0).text }) + "\n" }
            if !table.notes.isEmpty { out += "\n" + table.notes.map { "- \(cell($0))" }.joined(separator: "\n") + "\n" }
        }
        if !document.sources.isEmpty {
            out += "\n## \(document.labels.sources)\n\n" + document.sources.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    func line(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }

    /// A cell on one line: pipes escaped, line breaks as `<br>`.
    func cell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "<br>")
    }
}
