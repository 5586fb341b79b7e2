import AtlasModel
import AtlasReport

/// The simulation form: one field per fact of `CaseFactCatalogue`, labelled in the page's language and filled
/// with what the query stated, so that a refused case comes back as it was typed. Sent by GET, so the address
/// of an answer is its permalink.
struct CaseForm {
    let query: QueryParameters
    let language: Language
    /// The vocabulary whose terms a fact of a vocabulary set is chosen from.
    let vocabulary: Vocabulary
    /// The jurisdictions offered, as (id, name).
    let jurisdictions: [(id: String, name: String)]
    /// The page the form is sent to: the simulation, or a page that decides the case otherwise (what-if).
    var action = "/simulate"
    /// Fields of that page (HTML, already escaped), placed after the case's own.
    var extraFields = ""

    var html: String {
        let esc = HTMLText.escaped
        var out = "<form method=\"get\" action=\"\(esc(action))\">\n"
        out += "<input type=\"hidden\" name=\"\(PageLanguage.parameter)\" value=\"\(language.rawValue)\">\n"
        // The reasoning asked for by address stays asked for when the form is sent again.
        for id in query.all(CaseQuery.explainParameter) {
            out += "<input type=\"hidden\" name=\"\(CaseQuery.explainParameter)\" value=\"\(esc(id))\">\n"
        }
        out += "<fieldset><legend>" + esc(WebPhrase.formFacts.text(language)) + "</legend>\n"
        for fact in CaseFactCatalogue.all { out += field(fact) }
        out += "</fieldset>\n" + jurisdictionField + extraFields
        out += "<p><button type=\"submit\">" + esc(WebPhrase.formSubmit.text(language)) + "</button></p>\n</form>\n"
        return out
    }

    private func field(_ fact: CaseFactDeclaration) -> String {
        let esc = HTMLText.escaped
        let id = "fact-" + fact.name
        let label = "<label for=\"\(id)\">" + esc(fact.label.text(in: language.rawValue)) + "</label>"
        let value = query.first(fact.name) ?? ""
        let control: String
        if let set = fact.vocabularySet {
            control = choice(fact, id: id, terms: vocabulary.terms(of: set).map {
                ($0, vocabulary.label($0, in: set, language: language.rawValue))
            })
        } else {
            switch fact.inputShape {
            case .text, .number, .list:
                control = "<input type=\"text\" id=\"\(id)\" name=\"\(fact.name)\" value=\"\(esc(value))\""
                    + (placeholder(fact).map { " placeholder=\"\(esc($0))\"" } ?? "") + (fact.required ? " required" : "") + ">"
            case .yes:
                let checked = ["yes", "true", "on", "1"].contains(value.lowercased()) ? " checked" : ""
                control = "<input type=\"checkbox\" id=\"\(id)\" name=\"\(fact.name)\" value=\"yes\"\(checked)>"
            case .yesOrNo:
                let answers: [(String, WebPhrase)] = [("yes", .answerYes), ("no", .answerNo)]
                control = choice(fact, id: id, terms: answers.map { ($0, $1.text(language)) })
            }
        }
        return "<div class=\"fact\">" + label + control + "</div>\n"
    }

    /// A select of `terms` (value, label), after a first "not stated" option; several may be chosen for a list.
    private func choice(_ fact: CaseFactDeclaration, id: String, terms: [(value: String, label: String)]) -> String {
        let esc = HTMLText.escaped
        let chosen = Set(query.all(fact.name).map { $0.lowercased() })
        let multiple = fact.inputShape == .list
        let unstated = multiple ? [] : [("", WebPhrase.answerUnknown.text(language))]
        return "<select id=\"\(id)\" name=\"\(fact.name)\"" + (multiple ? " multiple" : "")
            + (fact.required ? " required" : "") + ">"
            + (unstated + terms).map { value, label in
                let selected = chosen.contains(value.lowercased()) || (value.isEmpty && chosen.isEmpty) ? " selected" : ""
                return "<option value=\"\(esc(value))\"\(selected)>" + esc(label) + "</option>"
            }.joined() + "</select>"
    }

    /// The shape of a typed value, in the page's language or as the value itself is written (codes, terms).
    private func placeholder(_ fact: CaseFactDeclaration) -> String? {
        if fact.takesDate { return WebPhrase.formDateFormat.text(language) }
        switch fact.kind {
        case .term: return "9y, 7y6m, life"
        case .sex: return Sex.allCases.map(\.rawValue).joined(separator: " | ")
        case .damage: return DamageStatus.allCases.map(\.rawValue).joined(separator: " | ")
        default: return nil
        }
    }

    private var jurisdictionField: String {
        FormField.select(CaseQuery.jurisdictionParameter, label: WebPhrase.formJurisdictions.text(language),
                         groups: [(nil, jurisdictions.map { ($0.id, $0.id + " — " + $0.name) })],
                         chosen: query.all(CaseQuery.jurisdictionParameter), multiple: true)
    }
}

extension CaseFactDeclaration {
    /// The vocabulary set the fact's values are terms of, if any.
    var vocabularySet: String? {
        switch kind {
        case .vocabularyTerm(_, let set), .defaultedTerm(_, let set), .vocabularyTerms(_, let set),
             .disabilityGroup(_, let set): set
        default: nil
        }
    }
}
