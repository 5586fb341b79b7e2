import AtlasExport
import AtlasModel
import AtlasReport

/// The frame every page shares: the document head with the one stylesheet, the navigation, the language switch
/// (links to the same state in each language, so that every state has a permalink), and the provenance footer.
/// Every text placed in it is escaped here or by the caller with `HTMLText.escaped`.
struct HTMLPage {
    /// The program's name, a proper name in every language.
    static let siteName = "ParoleAtlas"

    let language: Language
    /// The page's path, for the language switch's links.
    let path: String
    let query: QueryParameters
    let provenance: Provenance

    /// The whole document: `title` (plain text) and `body` (HTML already escaped).
    func document(title: String, body: String) -> String {
        let esc = HTMLText.escaped
        let lang = language.rawValue
        return """
            <!DOCTYPE html>
            <html lang="\(lang)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) · \(Self.siteName)</title>
            <link rel="stylesheet" href="/static/atlas.css">
            </head>
            <body>
            <header>
            <nav>\(navigation)</nav>
            \(languageSwitch)
            </header>
            <main>
            <h1>\(esc(title))</h1>
            \(body)
            </main>
            \(provenance.htmlFooter(language: language))</body>
            </html>

            """
    }

    /// Every page of the site, as (path, name).
    static var pages: [(path: String, name: WebPhrase)] { [
        ("/", .navCountries), ("/simulate", .navSimulate), ("/whatif", .navWhatIf), ("/compare", .navCompare),
        ("/cohort", .navCohort), ("/roster", .navRoster), ("/search", .navSearch), ("/stats", .navStats),
        ("/annex", .navAnnexes),
    ] }

    /// A link to every page, in the page's language.
    private var navigation: String {
        Self.pages.map { page in
            "<a href=\"\(page.path)?lang=\(language.rawValue)\">" + HTMLText.escaped(page.name.text(language)) + "</a>"
        }.joined(separator: " ")
    }

    /// `Language: kk ru en`, each a link to this page and state in that language; the current one is marked.
    private var languageSwitch: String {
        let links = Language.allCases.map { other in
            let href = HTMLText.escaped(path + "?" + query.replacing(PageLanguage.parameter, with: other.rawValue).encoded)
            let current = other == language ? " aria-current=\"page\"" : ""
            return "<a href=\"\(href)\" hreflang=\"\(other.rawValue)\"\(current)>\(other.rawValue)</a>"
        }
        return "<p class=\"languages\">" + HTMLText.escaped(WebPhrase.navLanguage.text(language)) + ": "
            + links.joined(separator: " ") + "</p>"
    }

    /// The one-line message of a request the page cannot answer.
    static func errorLine(_ message: String) -> String {
        "<p class=\"error\" role=\"alert\">" + HTMLText.escaped(message) + "</p>\n"
    }

    /// A table: header and rows of plain text, escaped; `link` may turn a row's first cell into a link.
    static func table(header: [String], rows: [[String]], link: (([String]) -> String?)? = nil) -> String {
        let esc = HTMLText.escaped
        var out = "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                if index == 0, let href = link?(row) { return "<td><a href=\"\(esc(href))\">\(esc(cell))</a></td>" }
                return "<td>\(esc(cell))</td>"
            }
            out += "<tr>" + cells.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The tables of an export document (what `--format html` writes), each under its caption with its notes.
    static func tables(_ document: ExportDocument) -> String {
        document.tables.map { table in
            "<h2>" + HTMLText.escaped(table.caption) + "</h2>\n"
                + Self.table(header: table.columns.map(\.header), rows: table.rows.map { $0.map(\.text) })
                + table.notes.map { "<p class=\"note\">" + HTMLText.escaped($0) + "</p>\n" }.joined()
        }.joined()
    }

    /// Text laid out for a terminal (the outcome and regime renderings), kept as laid out.
    static func preformatted(_ text: String) -> String {
        "<pre>" + HTMLText.escaped(text) + "</pre>\n"
    }
}
