import AtlasExport
import AtlasReport

/// An export document (the model every download is written from) as part of a page: each table a real `<table>`
/// with its caption and notes, then the sources, every text escaped. The page thus shows what the downloads hold.
struct DocumentMarkup {
    let document: ExportDocument
    /// The page a cell's or heading's text leads to, when it names a record (a jurisdiction's id), or nil.
    var link: (String) -> String? = { _ in nil }

    var html: String {
        var out = ""
        for table in document.tables {
            out += "<table>\n<caption>" + lines(table.caption) + "</caption>\n<thead><tr>"
                + table.columns.map { "<th scope=\"col\">" + cell($0.header) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + table.columns.indices.map { index in
                    let text = index < row.count ? row[index].text : ""
                    let number = table.columns[index].kind == .text || table.columns[index].kind == .date
                    return (number ? "<td>" : "<td class=\"number\">") + cell(text) + "</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
            if !table.notes.isEmpty {
                out += "<ul class=\"notes\">" + table.notes.map { "<li>" + lines($0) + "</li>" }.joined() + "</ul>\n"
            }
        }
        if !document.sources.isEmpty {
            out += "<section class=\"sources\">\n<h2>" + HTMLText.escaped(document.labels.sources) + "</h2>\n<ol>"
                + document.sources.map { "<li>" + lines($0) + "</li>" }.joined() + "</ol>\n</section>\n"
        }
        return out
    }

    /// A cell's text, a link when it names a record.
    private func cell(_ text: String) -> String {
        guard let href = link(text) else { return lines(text) }
        return "<a href=\"" + HTMLText.escaped(href) + "\">" + HTMLText.escaped(text) + "</a>"
    }

    /// Escaped text whose line breaks stay line breaks.
    private func lines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { HTMLText.escaped(String($0)) }.joined(separator: "<br>")
    }
}
