import AtlasModel
import AtlasReport

/// The simulation form: one field per fact of `CaseFactCatalogue`, labelled in the page's language and filled
/// with what the query stated, so that a refused case comes back as it was typed. Sent by GET, so the address
/// of an answer is its permalink.
struct CaseForm {
    let query: QueryParameters
    let language: Language
    /// The jurisdictions offered, as (id, name).
    let jurisdictions: [(id: String, name: String)]

    var html: String {
        let esc = HTMLText.escaped
        var out = "<form method=\"get\" action=\"/simulate\">\n"
        out += "<input type=\"hidden\" name=\"\(PageLanguage.parameter)\" value=\"\(language.rawValue)\">\n"
        out += "<fieldset><legend>" + esc(WebPhrase.formFacts.text(language)) + "</legend>\n"
        for fact in CaseFactCatalogue.all { out += field(fact) }
        out += "</fieldset>\n" + jurisdictionField
        out += "<p><button type=\"submit\">" + esc(WebPhrase.formSubmit.text(language)) + "</button></p>\n</form>\n"
        return out
    }

    private func field(_ fact: CaseFactDeclaration) -> String {
        let esc = HTMLText.escaped
        let id = "fact-" + fact.name
        let label = "<label for=\"\(id)\">" + esc(fact.label.text(in: language.rawValue)) + "</label>"
        let value = query.first(fact.name) ?? ""
        let control: String
        switch fact.inputShape {
        case .text, .number:
            control = "<input type=\"text\" id=\"\(id)\" name=\"\(fact.name)\" value=\"\(esc(value))\""
                + (fact.valueName.map { " placeholder=\"\(esc($0))\"" } ?? "")
                + (fact.required ? " required" : "") + ">"
        case .list:
            // The values given, comma-free as typed; one more can be added in the empty field.
            let given = query.all(fact.name).filter { !$0.isEmpty }
            control = (given + [""]).enumerated().map { index, item in
                "<input type=\"text\" \(index == 0 ? "id=\"\(id)\" " : "")name=\"\(fact.name)\" value=\"\(esc(item))\""
                    + (fact.valueName.map { " placeholder=\"\(esc($0))\"" } ?? "") + ">"
            }.joined(separator: " ")
        case .yes:
            let checked = ["yes", "true", "on", "1"].contains(value.lowercased()) ? " checked" : ""
            control = "<input type=\"checkbox\" id=\"\(id)\" name=\"\(fact.name)\" value=\"yes\"\(checked)>"
        case .yesOrNo:
            let options: [(String, WebPhrase)] = [("", .answerUnknown), ("yes", .answerYes), ("no", .answerNo)]
            control = "<select id=\"\(id)\" name=\"\(fact.name)\">" + options.map { code, phrase in
                let selected = code == value.lowercased() ? " selected" : ""
                return "<option value=\"\(code)\"\(selected)>" + esc(phrase.text(language)) + "</option>"
            }.joined() + "</select>"
        }
        return "<div class=\"fact\">" + label + control + "</div>\n"
    }

    private var jurisdictionField: String {
        let esc = HTMLText.escaped
        let chosen = Set(query.all(CaseQuery.jurisdictionParameter).map { $0.lowercased() })
        let options = jurisdictions.map { item in
            "<option value=\"\(esc(item.id))\"\(chosen.contains(item.id) ? " selected" : "")>"
                + esc(item.id + " — " + item.name) + "</option>"
        }.joined()
        return "<div class=\"fact\"><label for=\"jurisdiction\">" + esc(WebPhrase.formJurisdictions.text(language))
            + "</label><select id=\"jurisdiction\" name=\"\(CaseQuery.jurisdictionParameter)\" multiple size=\"8\">"
            + options + "</select></div>\n"
    }
}
