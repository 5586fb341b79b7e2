import AtlasEngine
import AtlasExport
import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/stats`: the report's statistical tables, one line each, as `parole stats` lists them; `/stats/{id}`: one
    /// table as printed, the rates computed from it and the checks that do not agree (`parole stats --table id`),
    /// with its chart (`/stats/{id}.svg`, as `--chart` draws it) and its downloads (`/stats/{id}/download?format=`).
    func addStatsRoutes(to router: PageRoutes) {
        router.get("/stats") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/stats", query: query, provenance: provenance)
            let document = StatsText.indexExportDocument(corpus.stats.map(StatsComputation.init), language: language,
                                                         provenance: nil)
            let tables = DocumentMarkup(document: document) { text in
                corpus.statsTable(text) == nil ? nil : "/stats/" + text + "?lang=" + language.rawValue
            }
            return Reply.html(page.document(title: WebPhrase.navStats.text(language), body: tables.html))
        }
        router.get("/stats/:table") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = pathParameter(context, "table")
            if id.hasSuffix(Self.chartSuffix) {
                let chart = StatsChart(try statsComputation(String(id.dropLast(Self.chartSuffix.count)), language),
                                       language: language, provenance: provenance)
                return Reply.body(chart.svg, type: "image/svg+xml; charset=utf-8")
            }
            let computation = try statsComputation(id, language)
            let text = StatsText(computation, language: language)
            let page = HTMLPage(language: language, path: "/stats/" + id, query: query, provenance: provenance)
            let chart = "/stats/" + id + Self.chartSuffix + "?lang=" + language.rawValue
            let body = Self.statsDownload(id).links(path: "/stats/" + id + "/download", query: query, language: language)
                + "<figure><img src=\"" + HTMLText.escaped(chart) + "\" alt=\""
                + HTMLText.escaped(WebPhrase.pageChart.text(language) + ": " + text.exportTitle) + "\"></figure>\n"
                + DocumentMarkup(document: statsDocument(computation, language, provenance: nil)).html
            return Reply.html(page.document(title: text.exportTitle, body: body))
        }
        router.get("/stats/:table/download") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = pathParameter(context, "table")
            let computation = try statsComputation(id, language)
            let download = Self.statsDownload(id)
            let format = try download.format(query, language)
            // A CSV file is records only, with no provenance line (see `Provenance`), as `parole stats` writes it.
            let document = statsDocument(computation, language, provenance: format == .csv ? nil : provenance,
                                         asRecords: format == .csv)
            return try download.reply(document, as: format, language: language)
        }
    }

    private static let chartSuffix = ".svg"

    private static func statsDownload(_ id: String) -> Download {
        Download(formats: [.docx, .xlsx, .csv], name: "stats-" + id)
    }

    /// The table `id` computed, or a not-found error naming the nearest id.
    private func statsComputation(_ id: String, _ language: Language) throws(SiteError) -> StatsComputation {
        guard let table = corpus.statsTable(id) else {
            let message = WebPhrase.errorUnknownTable.text(language, ["value": InputText.quoted(id)])
            guard let nearest = Suggestion.nearest(to: id, among: corpus.stats.map(\.id)) else {
                throw SiteError(kind: .notFound, message: message)
            }
            throw SiteError(kind: .notFound, message: WebPhrase.errorDidYouMean.text(language, [
                "message": message, "value": nearest]))
        }
        return StatsComputation(table)
    }

    private func statsDocument(_ computation: StatsComputation, _ language: Language, provenance: Provenance?,
                               asRecords: Bool = false) -> ExportDocument {
        StatsText.exportDocument([computation], title: StatsText(computation, language: language).exportTitle,
                                 language: language, provenance: provenance, asRecords: asRecords)
    }
}
