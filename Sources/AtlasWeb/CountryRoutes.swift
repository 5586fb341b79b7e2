import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/[?family=id]`: the jurisdictions by legal family with their mechanisms and headline thresholds, as
    /// `parole countries [--family id]` lists them, each linking to its regime page; then the international
    /// instruments, each linking to its page.
    func addCountryRoutes(to router: PageRoutes) {
        router.get("/") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let families = try legalFamilies(query, language)
            let page = HTMLPage(language: language, path: "/", query: query, provenance: provenance)
            return Reply.html(page.document(title: WebPhrase.pageCountries.text(language),
                                            body: countriesBody(families, language) + instrumentsBody(language)))
        }
    }

    /// The legal families `query` asks for (`family`, as `--family`): the one named, or every family of the
    /// corpus; in the order of their names in `language`.
    func legalFamilies(_ query: QueryParameters, _ language: Language) throws(SiteError) -> [String] {
        let set = "legal-family"
        let all = Set(corpus.jurisdictions.map(\.legalFamily))
        let named = query.first("family").flatMap { $0.isEmpty ? nil : $0 }
        if let named, !all.contains(named) {
            let field = CorpusOverview.countryHeader(language)[CorpusOverview.countryKeys.firstIndex(of: "legalFamily") ?? 2]
            throw SiteError(kind: .badInput, message: WebPhrase.errorInvalidValue.text(language, [
                "field": field, "value": InputText.quoted(named)]), field: "family")
        }
        return (named.map { [$0] } ?? Array(all))
            .sorted { corpus.vocabulary.label($0, in: set, language: language.rawValue)
                < corpus.vocabulary.label($1, in: set, language: language.rawValue) }
    }

    /// The international instruments, each linking to its page.
    private func instrumentsBody(_ language: Language) -> String {
        "<h2 id=\"instruments\">" + HTMLText.escaped(WebPhrase.pageInstruments.text(language)) + "</h2>\n<ul class=\"instruments\">\n"
            + corpus.instruments.map { i in
                let href = "/instruments/" + i.id + "?lang=" + language.rawValue
                return "<li><a href=\"" + HTMLText.escaped(href) + "\">" + HTMLText.escaped(i.names.text(in: language) ?? i.id)
                    + "</a></li>\n"
            }.joined() + "</ul>\n"
    }

    private func countriesBody(_ families: [String], _ language: Language) -> String {
        let overview = CorpusOverview(corpus: corpus, asOf: nil, language: language)
        let header = CorpusOverview.countryHeader(language)
        return families.map { family in
            let name = corpus.vocabulary.label(family, in: "legal-family", language: language.rawValue)
            let href = "/?family=" + family + "&lang=" + language.rawValue
            return "<h2><a href=\"" + HTMLText.escaped(href) + "\">" + HTMLText.escaped(name) + "</a></h2>\n"
                + HTMLPage.table(header: header, rows: overview.countryRows(family: family)) { row in
                    "/jurisdictions/" + row[0] + "?lang=" + language.rawValue
                }
        }.joined()
    }
}
