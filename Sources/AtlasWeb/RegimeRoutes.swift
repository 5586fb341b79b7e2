import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/jurisdictions/{id}[?as-of=YYYY-MM-DD]`: a jurisdiction's regime, part by part, as `parole show` words it,
    /// every citation opening its verbatim quotation, disputed records marked, and a form switching the date of
    /// the law shown. `/instruments/{id}`: an international instrument's provisions and checks the same way; an
    /// instrument's id under `/jurisdictions/` answers too, as `parole show` takes either id.
    func addRegimeRoutes(to router: PageRoutes) {
        router.get("/jurisdictions/:id") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = pathParameter(context, "id").lowercased()
            if corpus.jurisdiction(id) == nil, let instrument = corpus.instrument(id) {
                return instrumentPage(instrument, "/jurisdictions/" + id, query, language)
            }
            return try regimePage(try jurisdiction(id, language), query, language)
        }
        router.get("/instruments/:id") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = pathParameter(context, "id").lowercased()
            guard let instrument = corpus.instrument(id) else {
                throw SiteError.unknownId(id, language, known: corpus.instruments.map(\.id))
            }
            return instrumentPage(instrument, "/instruments/" + id, query, language)
        }
    }

    /// The parameter of the date of the law shown, as `--as-of`.
    private static let asOfParameter = "as-of"

    private func regimePage(_ found: Jurisdiction, _ query: QueryParameters, _ language: Language)
        throws(SiteError) -> Response
    {
        let path = "/jurisdictions/" + found.id
        let page = HTMLPage(language: language, path: path, query: query, provenance: provenance)
        let title = found.names.text(in: language) ?? found.id
        let form = asOfForm(path, query, language)
        let asOf: CalendarDate?
        do throws(SiteError) {
            asOf = try date(query, Self.asOfParameter, label: WebPhrase.formAsOf.text(language), language)
        } catch {
            // The form comes back as typed, under the one line that says what is wrong with it.
            return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                              status: error.status)
        }
        let sheet = RegimeSheet(found, vocabulary: corpus.vocabulary, asOf: asOf, language: language)
        let conformanceLink = "/api/v1/conformance/" + found.id + "?lang=" + language.rawValue
        let body = RegimeMarkup(language: language).regime(sheet, form: form)
            + "<p><a href=\"" + HTMLText.escaped(conformanceLink) + "\">"
            + HTMLText.escaped(WebPhrase.pageRegimeJSON.text(language, ["format": "JSON"])) + "</a></p>\n"
        return Reply.html(page.document(title: title, body: body))
    }

    /// The as-of switch: a GET form whose answer is the page's permalink for that date, and, when a date is shown,
    /// a link back to every version.
    private func asOfForm(_ path: String, _ query: QueryParameters, _ language: Language) -> String {
        let typed = query.first(Self.asOfParameter) ?? ""
        let all = typed.isEmpty ? "" : "<p class=\"all-versions\"><a href=\""
            + HTMLText.escaped(path + "?lang=" + language.rawValue) + "\">"
            + HTMLText.escaped(WebPhrase.regimeAllVersions.text(language)) + "</a></p>\n"
        return FormField.form(path, language: language, fields: FormField.text(
            Self.asOfParameter, label: WebPhrase.formAsOf.text(language), value: typed,
            placeholder: WebPhrase.formDateFormat.text(language)), submit: .regimeShow) + all
    }

    private func instrumentPage(_ instrument: Instrument, _ path: String, _ query: QueryParameters,
                                _ language: Language) -> Response {
        let page = HTMLPage(language: language, path: path, query: query, provenance: provenance)
        let sheet = InstrumentSheet(instrument, cases: corpus.cases, vocabulary: corpus.vocabulary, language: language)
        return Reply.html(page.document(title: instrument.names.text(in: language) ?? instrument.id,
                                        body: RegimeMarkup(language: language).instrument(sheet)))
    }
}
