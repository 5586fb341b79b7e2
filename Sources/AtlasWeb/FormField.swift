import AtlasModel
import AtlasReport
import Foundation
import Hummingbird

/// The fields of the pages' forms, labelled and filled with what the query stated, so that a refused request comes
/// back as it was typed. Every text is escaped here.
enum FormField {
    /// A labelled one-line text field.
    static func text(_ name: String, label: String, value: String, placeholder: String? = nil) -> String {
        let esc = HTMLText.escaped
        return "<div class=\"fact\"><label for=\"field-\(esc(name))\">" + esc(label) + "</label>"
            + "<input type=\"text\" id=\"field-\(esc(name))\" name=\"\(esc(name))\" value=\"\(esc(value))\""
            + (placeholder.map { " placeholder=\"\(esc($0))\"" } ?? "") + "></div>\n"
    }

    /// A labelled text area of `lines` (one value per line).
    static func lines(_ name: String, label: String, lines: [String]) -> String {
        let esc = HTMLText.escaped
        return "<div class=\"fact\"><label for=\"field-\(esc(name))\">" + esc(label) + "</label>"
            + "<textarea id=\"field-\(esc(name))\" name=\"\(esc(name))\" rows=\"3\">" + esc(lines.joined(separator: "\n"))
            + "</textarea></div>\n"
    }

    /// A labelled select of `options` (value, label) with those in `chosen` selected; `groups` puts options under
    /// headings (`<optgroup>`), one per group.
    static func select(_ name: String, label: String, groups: [(heading: String?, options: [(value: String, label: String)])],
                       chosen: [String], multiple: Bool) -> String {
        let esc = HTMLText.escaped
        let picked = Set(chosen.map { $0.lowercased() })
        func option(_ item: (value: String, label: String)) -> String {
            let selected = picked.contains(item.value.lowercased()) || (item.value.isEmpty && picked.isEmpty)
            return "<option value=\"\(esc(item.value))\"" + (selected ? " selected" : "") + ">" + esc(item.label) + "</option>"
        }
        let options = groups.map { group in
            let inner = group.options.map(option).joined()
            return group.heading.map { "<optgroup label=\"\(esc($0))\">" + inner + "</optgroup>" } ?? inner
        }.joined()
        return "<div class=\"fact\"><label for=\"field-\(esc(name))\">" + esc(label) + "</label>"
            + "<select id=\"field-\(esc(name))\" name=\"\(esc(name))\"" + (multiple ? " multiple size=\"8\"" : "") + ">"
            + options + "</select></div>\n"
    }

    /// The form around `fields`, sent by GET to `action` in the page's language, so that its answer has an address;
    /// `submit` words its button.
    static func form(_ action: String, language: Language, fields: String, submit: WebPhrase = .formSubmit) -> String {
        "<form method=\"get\" action=\"\(HTMLText.escaped(action))\">\n"
            + "<input type=\"hidden\" name=\"\(PageLanguage.parameter)\" value=\"\(language.rawValue)\">\n" + fields
            + "<p><button type=\"submit\">" + HTMLText.escaped(submit.text(language)) + "</button></p>\n</form>\n"
    }
}

extension AtlasSite {
    /// The corpus's jurisdictions as options (id, "id — name").
    func jurisdictionOptions(_ language: Language) -> [(value: String, label: String)] {
        corpus.jurisdictions.map { ($0.id, $0.id + " — " + ($0.names.text(in: language) ?? $0.id)) }
    }

    /// The page of the record with `id` (a jurisdiction or an instrument), in `language`; nil for another id.
    func recordPage(_ id: String, _ language: Language) -> String? {
        if corpus.jurisdiction(id) != nil { return "/jurisdictions/" + id + "?lang=" + language.rawValue }
        if corpus.instrument(id) != nil { return "/instruments/" + id + "?lang=" + language.rawValue }
        return nil
    }

    /// The page of the jurisdiction or instrument whose id `text` is, or of the jurisdiction named so in `language`
    /// (a table's country column); nil for any other text.
    func recordPage(naming text: String, _ language: Language) -> String? {
        if let page = recordPage(text, language) { return page }
        return corpus.jurisdictions.first { $0.names.text(in: language) == text }.flatMap { recordPage($0.id, language) }
    }

    /// The path segment `name` of the route, percent-decoded (Hummingbird hands it over as sent).
    func pathParameter(_ context: BasicRequestContext, _ name: String) -> String {
        let raw = context.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// A one-line refusal of a query value, in the page's language.
    func invalid(_ field: String, label: String, value: String, _ language: Language) -> SiteError {
        SiteError(kind: .badInput, message: WebPhrase.errorInvalidValue.text(language, [
            "field": label, "value": InputText.quoted(value)]), field: field)
    }

    /// The date of the parameter `name` (`YYYY-MM-DD`), nil when empty.
    func date(_ query: QueryParameters, _ name: String, label: String, _ language: Language) throws(SiteError)
        -> CalendarDate?
    {
        guard let text = query.first(name), !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorNotADate.text(language, [
                "field": label, "value": InputText.quoted(text)]), field: name)
        }
        return date
    }
}
