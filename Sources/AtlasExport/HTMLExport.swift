/// A document as one self-contained HTML file: inline CSS (with print rules: header rows repeated on each page,
/// rows not split, landscape pages for wide tables), every text escaped, no script and nothing fetched.
struct HTMLExport {
    let document: ExportDocument

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;color:#111}
        table{border-collapse:collapse;margin:1em 0;width:100%}
        caption{font-weight:bold;text-align:left;padding:.3em 0}
        th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
        th{background:#eee}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        .notes,.sources{font-size:.9em}
        @media print{
          body{margin:0;font-size:9pt}
          thead{display:table-header-group}
          tr{page-break-inside:avoid;break-inside:avoid}
          th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
          @page{size:A4 portrait;margin:15mm}
          @page wide{size:A4 landscape}
          .wide{page:wide}
        }
        """

    var text: String {
        let escape = MarkupText.escaped
        var out = """
            <!DOCTYPE html>
            <html lang="\(escape(document.language))">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <h1>\(escape(document.title))</h1>

            """
        for table in document.tables {
            let wide = PageLayout(table: table).landscape ? " class=\"wide\"" : ""
            out += "<table\(wide)>\n<caption>\(escape(table.caption))</caption>\n<thead><tr>"
            out += table.columns.map { "<th scope=\"col\">\(escape($0.header))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + table.columns.indices.map { index in
                    let cell = table.cell(row, index)
                    let number = cell.kind == .text || cell.kind == .date ? "" : " class=\"number\""
                    return "<td\(number)>\(lines(cell.text))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
            if !table.notes.isEmpty {
                out += "<ul class=\"notes\">" + table.notes.map { "<li>\(lines($0))</li>" }.joined() + "</ul>\n"
            }
        }
        if !document.sources.isEmpty {
            out += "<section class=\"sources\">\n<h2>\(escape(document.labels.sources))</h2>\n<ol>"
                + document.sources.map { "<li>\(lines($0))</li>" }.joined() + "</ol>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// Escaped text whose line breaks stay line breaks.
    func lines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { MarkupText.escaped(String($0)) }
            .joined(separator: "<br>")
    }
}
