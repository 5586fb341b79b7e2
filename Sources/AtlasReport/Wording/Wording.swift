import AtlasEngine
import AtlasModel

/// How missing facts are named to the reader: as the command-line flags that give them, or by their labels (JSON,
/// and later the web form, which maps the names to its own fields).
public enum FactNaming: Sendable {
    case flags
    case labels
}

/// Words the engine's typed statements (`Phrase`) in one language: the phrase's template from the phrase tables,
/// each value written for the language (durations with their agreement, amounts with the decimal sign, corpus
/// labels and vocabulary terms in the language, facts as the reader names them).
public struct Wording: Sendable {
    public let language: Language
    public let vocabulary: Vocabulary
    public let factNaming: FactNaming

    public init(_ language: Language, vocabulary: Vocabulary, factNaming: FactNaming = .flags) {
        self.language = language
        self.vocabulary = vocabulary
        self.factNaming = factNaming
    }

    public var numbers: LanguageNumbers { LanguageNumbers(language) }

    /// English, with vocabulary terms by their ids: for callers that have no corpus at hand.
    public static let plainEnglish = Wording(.en, vocabulary: Vocabulary(sets: [:]), factNaming: .labels)

    /// The statement in the language.
    public func text(_ phrase: Phrase) -> String {
        var values: [String: String] = [:]
        for slot in phrase.values { values[slot.name] = text(slot.value) }
        return Phrasebook.standard.text(phrase.key, language, values)
    }

    /// One fixed phrase of the outcome tables.
    public func text(_ phrase: OutcomePhrase, _ values: [String: String] = [:]) -> String {
        Phrasebook.standard.text(phrase, language, values)
    }

    /// One fixed phrase of reforms and what-if comparisons.
    public func text(_ phrase: ReformPhrase, _ values: [String: String] = [:]) -> String {
        Phrasebook.standard.text(phrase, language, values)
    }

    /// One fixed phrase of cohort runs.
    public func text(_ phrase: CohortPhrase, _ values: [String: String] = [:]) -> String {
        Phrasebook.standard.text(phrase, language, values)
    }

    /// A value in the language.
    public func text(_ value: PhraseValue) -> String {
        switch value {
        case .date(let date): return date.description
        case .duration(let duration): return numbers.duration(duration)
        case .fraction(let fraction): return numbers.fraction(fraction)
        case .amount(let amount): return numbers.amount(amount)
        case .count(let count): return "\(count)"
        case .label(let labels, let fallback): return labels.text(in: language) ?? fallback
        case .term(let set, let term): return vocabulary.label(term, in: set, language: language.rawValue)
        case .terms(let set, let terms):
            return terms.map { vocabulary.label($0, in: set, language: language.rawValue) }.joined(separator: " / ")
        case .facts(let names): return names.map(factName).joined(separator: ", ")
        case .ids(let ids): return ids.joined(separator: ", ")
        case .sentence(let term): return sentence(term)
        case .status(let raw):
            return MechanismOutcome.Status(rawValue: raw).map { OutcomeText.statusWord($0, self) } ?? raw
        case .phrase(let phrase): return text(phrase)
        case .nothing: return ""
        }
    }

    /// A sentence: its length in the language, or life imprisonment.
    public func sentence(_ term: SentenceTerm) -> String {
        switch term {
        case .life: return text(.lifeSentence)
        case .fixed(let duration): return numbers.duration(duration)
        }
    }

    /// A case fact as the reader names it: its flag, or its label in the language.
    public func factName(_ name: String) -> String {
        switch factNaming {
        case .flags: return "--" + name
        case .labels:
            if name == "category-crosswalk" { return text(.categoryCrosswalk) }
            return CaseFactCatalogue.named(name)?.label.text(in: language.rawValue) ?? name
        }
    }
}

extension PhraseKind: PhraseName {}
