import AtlasInput
import AtlasModel
import AtlasReport
import Foundation

/// The reforms a page applies on top of the law, as `--reform`, `--set` and `--effective` do on the command line:
/// the picker of the corpus's reform packages and reforms, the changes written on the line, the entry into force.
/// Shared by `/whatif` (one case) and `/cohort` (a population), so that both read and refuse a choice alike.
struct ReformPicker {
    let corpus: Corpus

    static let reform = "reform", set = "set", effective = "effective"
    static let names: Set<String> = [reform, set, effective]

    /// The reform and package ids picked, blanks skipped.
    func names(_ query: QueryParameters) -> [String] {
        query.all(Self.reform).filter { !$0.isEmpty }
    }

    /// The changes written on the line: one per line of the field (or per parameter), blank lines skipped.
    func assignments(_ query: QueryParameters) -> [String] {
        query.all(Self.set).flatMap { $0.split(whereSeparator: \.isNewline) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The reforms a reform or package id names (`PACKAGE@2` for variant 2), or the reason it names none.
    func reforms(named name: String, _ language: Language) throws(SiteError) -> [Reform] {
        do {
            if let found = try ReformChoice.reforms(named: name, in: corpus) { return found }
        } catch {
            switch error {
            case .noSuchVariant(_, let package, _, let variants), .alternatives(_, let package, let variants):
                let phrase: WebPhrase = if case .alternatives = error { .errorAlternatives } else { .errorNoVariant }
                throw SiteError(kind: .badInput, message: phrase.text(language, [
                    "value": InputText.quoted(name),
                    "choices": variants.map { package + "@" + String($0) }.joined(separator: ", "),
                ]), field: Self.reform)
            }
        }
        let message = WebPhrase.errorUnknownReform.text(language, ["value": InputText.quoted(name)])
        guard let nearest = Suggestion.nearest(to: name, among: ReformChoice.ids(in: corpus)) else {
            throw SiteError(kind: .badInput, message: message, field: Self.reform)
        }
        throw SiteError(kind: .badInput, message: WebPhrase.errorDidYouMean.text(language, [
            "message": message, "value": nearest]), field: Self.reform)
    }

    /// A library's refusal of the changes chosen: its reason in English, named without detail otherwise (the
    /// library speaks English).
    func refused(_ error: ReformError, value: String, _ language: Language) -> SiteError {
        let label = WebPhrase.formSets.text(language)
        if language == .en {
            return SiteError(kind: .badInput, message: label + ": " + error.description, field: Self.set)
        }
        return SiteError(kind: .badInput, message: WebPhrase.errorInvalidValue.text(language, [
            "field": label, "value": InputText.quoted(value)]), field: Self.set)
    }

    /// The reform picker (every package, whole or by variant, and every reform of it), the changes written on the
    /// line and the entry into force, filled with what `query` chose.
    func fields(_ query: QueryParameters, _ language: Language) -> String {
        let groups = corpus.reformPackages.map { package in
            let variants = Set(package.reforms.compactMap(\.variant)).sorted()
            let label = package.labels.text(in: language) ?? package.id
            let whole: [(value: String, label: String)] = variants.count > 1
                ? variants.map { (package.id + "@" + String($0), package.id + "@" + String($0) + " — " + label) }
                : [(package.id, package.id + " — " + label)]
            return (heading: Optional(package.id), options: whole + package.reforms.map {
                ($0.id, $0.id + " — " + ($0.labels.text(in: language) ?? $0.kind))
            })
        }
        return "<fieldset><legend>" + HTMLText.escaped(WebPhrase.formReforms.text(language)) + "</legend>\n"
            + FormField.select(Self.reform, label: WebPhrase.formReforms.text(language), groups: groups,
                               chosen: query.all(Self.reform), multiple: true)
            + FormField.lines(Self.set, label: WebPhrase.formSets.text(language), lines: assignments(query))
            + FormField.text(Self.effective, label: WebPhrase.formEffective.text(language),
                             value: query.first(Self.effective) ?? "",
                             placeholder: WebPhrase.formDateFormat.text(language))
            + "</fieldset>\n"
    }
}
