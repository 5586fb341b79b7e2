import AtlasEngine
import AtlasModel
import Foundation

/// Every fixed sentence and heading the atlas prints, in kk, ru and en, read from data files embedded in the
/// program (Wording/*-phrases.json: one per family of outputs, so that each can be edited on its own). A phrase may
/// hold `{placeholders}`, filled with values already written in the language (`LanguageNumbers`, labels in the
/// language, fact names as the caller names them).
///
/// The keys are cases of `PhraseName` enums, so code can only ask for a phrase that is declared; `PhrasebookTests`
/// checks that the files hold every declared key in the three languages, with the same placeholders in each, and
/// nothing undeclared.
public struct Phrasebook: Sendable {
    /// The phrases of the program, parsed once.
    public static let standard = Phrasebook(files: [
        Data(PackageResources.outcome_phrases_json), Data(PackageResources.regime_phrases_json),
        Data(PackageResources.reform_phrases_json), Data(PackageResources.cohort_phrases_json),
        Data(PackageResources.stats_phrases_json), Data(PackageResources.find_phrases_json),
        Data(PackageResources.export_phrases_json), Data(PackageResources.web_phrases_json),
    ])

    let entries: [String: [String: String]]

    init(files: [Data]) {
        var entries: [String: [String: String]] = [:]
        for file in files {
            let parsed = (try? JSONSerialization.jsonObject(with: file)) as? [String: [String: String]]
            entries.merge(parsed ?? [:]) { first, _ in first }
        }
        self.entries = entries
    }

    /// The phrase `key` in `language` with its placeholders filled from `values`; the English phrase when the
    /// language lacks it, and the key itself when the files lack the phrase (neither happens while the tests pass).
    public func text<Key: PhraseName>(_ key: Key, _ language: Language, _ values: [String: String] = [:]) -> String {
        let entry = entries[key.rawValue]
        var text = entry?[language.rawValue] ?? entry?["en"] ?? key.rawValue
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The keys of the files, for the completeness test.
    var keys: Set<String> { Set(entries.keys) }

    /// The phrase as written in the file, placeholders unfilled.
    func template(_ key: String, _ language: Language) -> String? { entries[key]?[language.rawValue] }

    /// Every phrase name the program declares.
    static let declared: [String] = {
        // In parts: one expression of many sums is more than the type checker will take.
        let reports: [String] = OutcomePhrase.allCases.map(\.rawValue) + PhraseKind.allCases.map(\.rawValue)
            + RegimePhrase.allCases.map(\.rawValue) + ReformPhrase.allCases.map(\.rawValue)
        let others: [String] = CohortPhrase.allCases.map(\.rawValue) + StatsPhrase.allCases.map(\.rawValue)
            + FindPhrase.allCases.map(\.rawValue) + ExportPhrase.allCases.map(\.rawValue)
        return reports + others + WebPhrase.allCases.map(\.rawValue)
    }()
}

/// A family of phrase keys (an enum whose raw values are the keys of a phrases file).
public protocol PhraseName: RawRepresentable<String>, CaseIterable, Sendable {}

extension PhraseName {
    /// This phrase in `language`, from the standard phrasebook.
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        Phrasebook.standard.text(self, language, values)
    }
}
