import AtlasModel
import AtlasReport

/// The upload form of `/cohort` and `/roster`: the population file (or its lines pasted), the as-of date, the
/// horizon (cohort) or the days ahead (roster), the jurisdictions, and a button per download format. Sent by
/// POST as `multipart/form-data`, so it works without JavaScript; an answered or refused form comes back with the
/// file's lines in the text area, so that it can be sent again (in another format) without choosing the file again.
struct PopulationForm {
    let page: PopulationPage
    let fields: QueryParameters
    let language: Language
    /// The file's text as last sent, if any.
    let lines: String?
    /// The jurisdictions offered, as (id, name).
    let jurisdictions: [(id: String, name: String)]
    /// The page's own fields after the jurisdictions (the cohort's reforms and grant rate), as HTML.
    var extraFields = ""

    /// The field with the file's lines pasted.
    static let linesField = "csv"
    static let asOfField = "as-of"
    static let formatField = "format"

    var html: String {
        let esc = HTMLText.escaped
        let megabytes = String(RequestLimits.uploadBytes / 1_048_576)
        let action = page.path + "?" + PageLanguage.parameter + "=" + language.rawValue
        var out = "<form method=\"post\" action=\"\(esc(action))\" enctype=\"multipart/form-data\">\n"
        out += "<input type=\"hidden\" name=\"\(PageLanguage.parameter)\" value=\"\(language.rawValue)\">\n"
        out += "<p>" + esc(WebPhrase.uploadColumns.text(language)) + "</p>\n"
        out += "<div class=\"fact\"><label for=\"upload-file\">"
            + esc(WebPhrase.uploadFile.text(language, ["megabytes": megabytes, "format": "CSV"]))
            + "</label><input type=\"file\" id=\"upload-file\" name=\"\(Upload.fileField)\" accept=\".csv,text/csv\"></div>\n"
        out += "<div class=\"fact\"><label for=\"upload-lines\">" + esc(WebPhrase.uploadPaste.text(language))
            + "</label><textarea id=\"upload-lines\" name=\"\(Self.linesField)\" rows=\"8\" cols=\"80\">"
            + esc(lines ?? "") + "</textarea></div>\n"
        let asOf = CaseFactCatalogue.named("as-of")?.label.text(in: language.rawValue) ?? Self.asOfField
        out += textField(Self.asOfField, label: asOf, placeholder: WebPhrase.formDateFormat.text(language))
        switch page {
        case .cohort: out += textField(PopulationPage.horizonField, label: WebPhrase.uploadHorizon.text(language),
                                       placeholder: PopulationPage.defaultHorizon)
        case .roster: out += textField(PopulationPage.withinField, label: WebPhrase.uploadWithin.text(language),
                                       placeholder: "90d")
        }
        out += jurisdictionField
        out += extraFields
        out += "<p><button type=\"submit\">" + esc(WebPhrase.formSubmit.text(language)) + "</button> "
            + esc(WebPhrase.uploadDownload.text(language)) + ": "
            + page.downloads.map { format in
                "<button type=\"submit\" name=\"\(Self.formatField)\" value=\"\(format.rawValue)\">"
                    + format.rawValue.uppercased() + "</button>"
            }.joined(separator: " ") + "</p>\n</form>\n"
        return out
    }

    private func textField(_ name: String, label: String, placeholder: String) -> String {
        let esc = HTMLText.escaped
        let id = "upload-" + name
        return "<div class=\"fact\"><label for=\"\(id)\">" + esc(label) + "</label><input type=\"text\" id=\"\(id)\" "
            + "name=\"\(name)\" value=\"\(esc(fields.first(name) ?? ""))\" placeholder=\"\(esc(placeholder))\"></div>\n"
    }

    private var jurisdictionField: String {
        FormField.select(CaseQuery.jurisdictionParameter, label: WebPhrase.uploadJurisdictions.text(language),
                         groups: [(nil, jurisdictions.map { ($0.id, $0.id + " — " + $0.name) })],
                         chosen: fields.all(CaseQuery.jurisdictionParameter), multiple: true)
    }
}
