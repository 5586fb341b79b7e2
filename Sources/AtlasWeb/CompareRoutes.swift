import AtlasExport
import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/compare?jurisdiction=a&jurisdiction=b[&aspect=…][&as-of=YYYY-MM-DD]`: the side-by-side table of
    /// `parole compare`, each jurisdiction's column linking to its regime page, with its downloads in every export
    /// format (`/compare/download?…&format=`).
    func addCompareRoutes(to router: PageRoutes) {
        router.get("/compare") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/compare", query: query, provenance: provenance)
            let title = WebPhrase.navCompare.text(language)
            let form = compareForm(query, language)
            guard query.all(CompareParameter.jurisdiction).contains(where: { !$0.isEmpty }) else {
                return Reply.html(page.document(title: title, body: form))
            }
            do throws(SiteError) {
                let document = try comparison(query, language, provenance: nil)
                let body = form + Self.compareDownload.links(path: "/compare/download", query: query, language: language)
                    + DocumentMarkup(document: document) { recordPage(naming: $0, language) }.html
                return Reply.html(page.document(title: title, body: body))
            } catch {
                return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                                  status: error.status)
            }
        }
        router.get("/compare/download") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let format = try Self.compareDownload.format(query, language)
            let document = try comparison(query, language, provenance: format == .csv ? nil : provenance)
            return try Self.compareDownload.reply(document, as: format, language: language)
        }
    }

    private enum CompareParameter {
        static let jurisdiction = "jurisdiction", aspect = "aspect", asOf = "as-of"
        /// Every aspect, as `--aspect all`.
        static let all = "all"
    }

    private static let compareDownload = Download(formats: [.docx, .xlsx, .csv, .html, .json, .markdown],
                                                  name: "compare")

    private func compareForm(_ query: QueryParameters, _ language: Language) -> String {
        let aspects = CorpusOverview.Aspect.allCases.map { ($0.rawValue, $0.name(language)) }
        return FormField.form("/compare", language: language, fields:
            FormField.select(CompareParameter.jurisdiction, label: WebPhrase.formJurisdictions.text(language),
                             groups: [(nil, jurisdictionOptions(language))],
                             chosen: query.all(CompareParameter.jurisdiction), multiple: true)
            + FormField.select(CompareParameter.aspect, label: WebPhrase.formAspects.text(language),
                               groups: [(nil, aspects)], chosen: query.all(CompareParameter.aspect), multiple: true)
            + FormField.text(CompareParameter.asOf, label: WebPhrase.formAsOf.text(language),
                             value: query.first(CompareParameter.asOf) ?? "",
                             placeholder: WebPhrase.formDateFormat.text(language)))
    }

    /// The table `query` asks for, as `parole compare` builds its export document.
    private func comparison(_ query: QueryParameters, _ language: Language, provenance: Provenance?)
        throws(SiteError) -> ExportDocument
    {
        var chosen: [Jurisdiction] = []
        for id in query.all(CompareParameter.jurisdiction) where !id.isEmpty {
            let found = try jurisdiction(id, language)
            if !chosen.contains(where: { $0.id == found.id }) { chosen.append(found) }
        }
        guard chosen.count >= 2 else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorTwoJurisdictions.text(language, [
                "field": WebPhrase.formJurisdictions.text(language)]), field: CompareParameter.jurisdiction)
        }
        var aspects: [CorpusOverview.Aspect] = []
        for name in query.all(CompareParameter.aspect) where !name.isEmpty {
            if name.lowercased() == CompareParameter.all { aspects = CorpusOverview.Aspect.allCases; break }
            guard let aspect = CorpusOverview.Aspect(rawValue: name.lowercased()) else {
                throw invalid(CompareParameter.aspect, label: WebPhrase.formAspects.text(language), value: name, language)
            }
            if !aspects.contains(aspect) { aspects.append(aspect) }
        }
        let asOf = try date(query, CompareParameter.asOf, label: WebPhrase.formAsOf.text(language), language)
        let (header, rows) = CorpusOverview(corpus: corpus, asOf: asOf, language: language)
            .compareRows(chosen, aspects: aspects.isEmpty ? CorpusOverview.Aspect.allCases : aspects)
        let title = ExportPhrase.titleCompare.text(language, ["ids": chosen.map(\.id).joined(separator: ", ")])
        return TableExport.document(title: title, table: TextTableData(header: header, rows: rows),
                                    provenance: provenance, language: language)
    }
}
