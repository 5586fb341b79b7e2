import AtlasModel
import AtlasReport

/// A case stated in a query string: one parameter per fact of `CaseFactCatalogue`, named as its flag is
/// (`term=9y&category=grave&start=2022-01-10&cooperation=yes&offence=a&offence=b`), and `jurisdiction` (repeatable).
/// A fact added to the catalogue is a parameter, and a field of the form, without a line here.
struct CaseQuery {
    /// The parameter naming a jurisdiction to simulate in (repeatable; none: all).
    static let jurisdictionParameter = "jurisdiction"
    /// The parameter naming a jurisdiction whose reasoning the page shows in full (repeatable; none: the home
    /// jurisdiction), as `--explain` does.
    static let explainParameter = "explain"
    /// The API's detail level: `full` (the default) or `summary` (the batch line's fields), as `--detail` does.
    static let detailParameter = "detail"
    /// Parameters that are not facts.
    static let otherParameters: Set<String> = [jurisdictionParameter, explainParameter, detailParameter,
                                               PageLanguage.parameter]

    let query: QueryParameters
    let language: Language
    /// Parameters of the page that are neither facts nor `otherParameters` (the what-if page's reforms).
    var pageParameters: Set<String> = []

    /// Whether the query states any fact: the simulation page shows an empty form until it does.
    var statesAnyFact: Bool {
        query.pairs.contains { CaseFactCatalogue.named($0.name) != nil && !$0.value.isEmpty }
    }

    /// The draft the query states; an empty value states nothing (an empty field of the form).
    func draft() throws(SiteError) -> CaseDraft {
        var draft = CaseDraft()
        for (name, _) in query.pairs where CaseFactCatalogue.named(name) == nil && !Self.otherParameters.contains(name)
            && !pageParameters.contains(name) {
            throw SiteError(kind: .badInput, message: WebPhrase.errorUnknownParameter.text(language, [
                "value": InputText.quoted(name)]), field: name)
        }
        for fact in CaseFactCatalogue.all {
            let values = query.all(fact.name).filter { !$0.isEmpty }
            guard let first = values.first else { continue }
            draft[fact.name] = try value(values, first: first, of: fact)
        }
        draft.jurisdictions = query.all(Self.jurisdictionParameter).filter { !$0.isEmpty }
        return draft
    }

    private func value(_ values: [String], first: String, of fact: CaseFactDeclaration) throws(SiteError) -> DraftValue {
        switch fact.inputShape {
        case .text: return .text(first)
        case .list: return .list(values)
        case .number:
            guard let number = Int(first) else { throw problem(.errorNotANumber, fact, first) }
            return .number(number)
        case .yes, .yesOrNo:
            // A checkbox sends `on`; the select of a yes/no fact sends `yes` or `no`.
            let answer: Bool? = switch first.lowercased() {
            case "yes", "true", "on", "1": true
            case "no", "false", "off", "0": false
            default: nil
            }
            guard let answer, answer || fact.inputShape == .yesOrNo else {
                throw problem(.errorInvalidValue, fact, first)
            }
            return .yesNo(answer)
        }
    }

    /// The case, or the first problem with it, in the page's language.
    func build(vocabulary: Vocabulary, today: CalendarDate) throws(SiteError) -> (draft: CaseDraft, facts: Case) {
        let draft = try draft()
        do {
            return (draft, try draft.build(vocabulary: vocabulary, today: today))
        } catch {
            throw explained(error, draft: draft)
        }
    }

    /// The library's problem with a field, said in the page's language: the library speaks English, so the kinds
    /// of problem a form runs into (missing, not a date, not a term) have phrases of their own; any other is
    /// given in English as the library says it, or named without detail in another language.
    func explained(_ error: CaseInputError, draft: CaseDraft) -> SiteError {
        guard let fact = CaseFactCatalogue.named(error.field) else {
            return SiteError(kind: .badInput, message: error.description, field: error.field)
        }
        let stated = draft[fact.name]
        guard let stated else { return problem(.errorMissing, fact, "") }
        let text: String
        switch stated {
        case .text(let t): text = t
        case .number(let n): text = String(n)
        case .yesNo(let answer): text = String(answer)
        case .list(let items): text = items.joined(separator: ", ")
        }
        if fact.takesDate, CalendarDate(iso: text) == nil { return problem(.errorNotADate, fact, text) }
        if case .term = fact.kind, SentenceTerm(parsing: text) == nil { return problem(.errorNotATerm, fact, text) }
        if language == .en {
            return SiteError(kind: .badInput, message: fact.label.en + ": " + error.message, field: fact.name)
        }
        return problem(.errorInvalidValue, fact, text)
    }

    /// The problem `phrase` names with the value of the fact called `name`, said in the page's language.
    func problem(_ phrase: WebPhrase, _ name: String, _ value: String) -> SiteError {
        guard let fact = CaseFactCatalogue.named(name) else {
            preconditionFailure("\(name) is not a fact of CaseFactCatalogue")
        }
        return problem(phrase, fact, value)
    }

    private func problem(_ phrase: WebPhrase, _ fact: CaseFactDeclaration, _ value: String) -> SiteError {
        SiteError(kind: .badInput, message: phrase.text(language, [
            "field": fact.label.text(in: language.rawValue), "value": InputText.quoted(value),
            "examples": "9y, 7y6m, 2y3m15d, life",
        ]), field: fact.name)
    }
}

extension CaseFactDeclaration {
    /// Whether the fact's value is a calendar date.
    var takesDate: Bool {
        switch kind {
        case .date, .defaultedDate, .optionalDate: true
        default: false
        }
    }
}
