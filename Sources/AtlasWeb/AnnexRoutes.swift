import AtlasEngine
import AtlasExport
import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/annex`: the report's annexes the corpus regenerates; `/annex/{n}`: one annex table as `parole annex n`
    /// makes it (1: foreign practice; 2, 3: the proposed amendments; 4: the statistical tables), with its
    /// downloads (`/annex/{n}/download?format=`).
    func addAnnexRoutes(to router: PageRoutes) {
        router.get("/annex") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/annex", query: query, provenance: provenance)
            let items = annexNumbers.compactMap { number in
                (try? annexDocument(number, language, provenance: nil)).map { document in
                    let href = "/annex/\(number)?lang=" + language.rawValue
                    return "<li><a href=\"" + HTMLText.escaped(href) + "\">"
                        + HTMLText.escaped(WebPhrase.pageAnnex.text(language, ["number": String(number)]))
                        + "</a> — " + HTMLText.escaped(document.title) + "</li>\n"
                }
            }
            return Reply.html(page.document(title: WebPhrase.navAnnexes.text(language),
                                            body: "<ul>\n" + items.joined() + "</ul>\n"))
        }
        router.get("/annex/:number") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let text = pathParameter(context, "number")
            let document = try annexDocument(try annexNumber(text, language), language, provenance: nil)
            let page = HTMLPage(language: language, path: "/annex/" + text, query: query, provenance: provenance)
            let body = Self.annexDownload(text).links(path: "/annex/" + text + "/download", query: query, language: language)
                + DocumentMarkup(document: document) { recordPage(naming: $0, language) }.html
            return Reply.html(page.document(title: WebPhrase.pageAnnex.text(language, ["number": text]) + ". "
                                            + document.title, body: body))
        }
        router.get("/annex/:number/download") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let text = pathParameter(context, "number")
            let number = try annexNumber(text, language)
            let download = Self.annexDownload(text)
            let format = try download.format(query, language)
            let document = try annexDocument(number, language, provenance: format == .csv ? nil : provenance,
                                             asRecords: format == .csv)
            return try download.reply(document, as: format, language: language)
        }
    }

    /// The prefix of the ids of the stats tables that are the report's Annex 4 (as `parole annex 4` takes them).
    private static let statsAnnexPrefix = "annex4-"

    private static func annexDownload(_ number: String) -> Download {
        Download(formats: [.docx, .xlsx, .csv, .html], name: "annex-" + number)
    }

    /// Every annex number the corpus regenerates, in order.
    private var annexNumbers: [Int] {
        let stats = corpus.stats.contains { $0.id.hasPrefix(Self.statsAnnexPrefix) } ? [4] : []
        return Set(corpus.annexes.map(\.number) + corpus.reformPackages.compactMap { $0.table?.annex } + stats).sorted()
    }

    /// The annex `text` names, or a not-found error listing those there are.
    private func annexNumber(_ text: String, _ language: Language) throws(SiteError) -> Int {
        guard let number = Int(text), annexNumbers.contains(number) else {
            throw SiteError(kind: .notFound, message: WebPhrase.errorUnknownAnnex.text(language, [
                "value": InputText.quoted(text), "choices": annexNumbers.map(String.init).joined(separator: ", "),
            ]))
        }
        return number
    }

    /// Annex `number` as an export document, chosen as `parole annex` chooses: an annex of the corpus, else a
    /// package of amendments numbered so, else Annex 4's statistical tables. `asRecords`: one table, for CSV.
    private func annexDocument(_ number: Int, _ language: Language, provenance: Provenance?,
                               asRecords: Bool = false) throws(SiteError) -> ExportDocument {
        if let annex = corpus.annex(number) {
            return AnnexTable(annex: annex, corpus: corpus, language: language).exportDocument(provenance: provenance)
        }
        if let package = corpus.reformPackages.first(where: { $0.table?.annex == number }) {
            return AmendmentAnnexTable(package: package, corpus: corpus, language: language)
                .exportDocument(provenance: provenance, asRecords: asRecords)
        }
        let tables = corpus.stats.filter { $0.id.hasPrefix(Self.statsAnnexPrefix) }
        guard number == 4, !tables.isEmpty else { throw SiteError.notFound(language) }
        return StatsText.exportDocument(tables.map(StatsComputation.init), title: ExportPhrase.titleAnnexFour.text(language),
                                        language: language, provenance: provenance, asRecords: asRecords)
    }
}
