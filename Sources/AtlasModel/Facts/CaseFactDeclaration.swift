/// One fact a case may state: its name (the command-line flag and the name a missing fact is reported by), its
/// shape and where a `Case` keeps it, its case-file key, its labels, and whether the simulator may answer for each
/// of its values instead of guessing. Declared once, in `CaseFactCatalogue.all`.
///
/// A class, not a struct: the catalogue is read for every field of every case of a batch, and a reference costs one
/// count where a copy of the declaration's strings and key paths costs a dozen.
public final class CaseFactDeclaration: Sendable {
    /// Kebab-case name: `young-child`. The flag is `--young-child`; a missing fact is reported by this name.
    public let name: String
    public let kind: CaseFactKind
    /// The key in a case file, a batch line and the JSON echo of a case: the name in camelCase unless declared.
    public let jsonKey: String
    /// The name corpus conditions test the fact by, when it is a yes/no fact (`<fact name="…"/>`).
    public let conditionName: String?
    /// A case cannot be simulated without it.
    public let required: Bool
    /// When a rule needs this fact and the case does not give it, the simulator gives the answer for each value.
    public let branchable: Bool
    /// The placeholder of the value in help (`YYYY-MM-DD`); `nil` for a fact given by a flag alone.
    public let valueName: String?
    /// One line of command-line help, in English like the rest of `--help`.
    public let help: String
    public let label: FactLabel

    init(_ name: String, _ kind: CaseFactKind, jsonKey: String? = nil, conditionName: String? = nil,
         required: Bool = false, branchable: Bool = false, valueName: String? = nil, help: String, label: FactLabel) {
        self.name = name
        self.kind = kind
        self.jsonKey = jsonKey ?? Self.camelCase(name)
        let testable: Bool
        switch kind {
        case .yesNo: testable = true
        case .damage: testable = conditionName != nil
        default: testable = false
        }
        self.conditionName = testable ? (conditionName ?? name) : nil
        self.required = required
        self.branchable = branchable
        self.valueName = valueName
        self.help = help
        self.label = label
    }

    /// How the fact is written in input: a value, a number, a list (a repeatable flag), or a yes/no flag.
    public var inputShape: FactInputShape {
        switch kind {
        case .term, .date, .defaultedDate, .optionalDate, .vocabularyTerm, .defaultedTerm, .sex, .damage: .text
        case .age, .disabilityGroup: .number
        case .vocabularyTerms: .list
        case .yesNo(let unstated): unstated == nil ? .yesOrNo : .yes
        case .composition: .yes
        }
    }

    static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "-")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }
}

/// The shape of a fact and where a `Case` keeps it. The key paths are the one link between the declaration and the
/// typed case the engine computes with; yes/no facts need none (a case keeps them by catalogue position).
public enum CaseFactKind: Sendable {
    /// A sentence: `9y`, `7y6m`, `2y3m15d` or `life`.
    case term(WritableKeyPath<Case, SentenceTerm> & Sendable)
    /// A calendar date the case cannot do without.
    case date(WritableKeyPath<Case, CalendarDate> & Sendable)
    /// A calendar date that is today when not stated.
    case defaultedDate(WritableKeyPath<Case, CalendarDate> & Sendable)
    case optionalDate(WritableKeyPath<Case, CalendarDate?> & Sendable)
    /// An age in whole years, 0 to 130 (a limit of the calculator, not of any law).
    case age(WritableKeyPath<Case, Int?> & Sendable)
    /// A number that must be a term of a vocabulary set.
    case disabilityGroup(WritableKeyPath<Case, Int?> & Sendable, set: String)
    /// One term of a vocabulary set.
    case vocabularyTerm(WritableKeyPath<Case, String?> & Sendable, set: String)
    /// One term of a vocabulary set, the set's default term when not stated.
    case defaultedTerm(WritableKeyPath<Case, String> & Sendable, set: String)
    /// Any number of terms of a vocabulary set.
    case vocabularyTerms(WritableKeyPath<Case, Set<String>> & Sendable, set: String)
    case sex(WritableKeyPath<Case, Sex?> & Sendable)
    /// How the damage stands; read as the yes/no fact `damage-compensated` by conditions.
    case damage(WritableKeyPath<Case, DamageStatus?> & Sendable)
    /// A yes/no fact; `unstated` is its value when the case does not give it (`nil`: unknown).
    case yesNo(unstated: Bool?)
    /// A name for several facts at once, defined by the corpus (`<fact-composition>`).
    case composition
}

/// How a fact is written on the command line and in a case file.
public enum FactInputShape: Sendable, Equatable {
    /// `--start 2020-01-01`; a JSON string.
    case text
    /// `--age 40`; a JSON whole number.
    case number
    /// `--offence a --offence b`; a JSON list of strings.
    case list
    /// `--juvenile`; JSON true or false.
    case yes
    /// `--recidivist` or `--no-recidivist`; JSON true or false.
    case yesOrNo

    /// The value the shape takes, for messages ("must be a whole number").
    public var expectation: String {
        switch self {
        case .text: "a string"
        case .number: "a whole number"
        case .list: "a list of strings"
        case .yes, .yesOrNo: "true or false"
        }
    }
}

/// A fact's label in the three languages of the atlas (the atlas's translation, not a legal value).
public struct FactLabel: Sendable, Equatable {
    public let kk: String
    public let ru: String
    public let en: String

    public init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }

    /// The label in `language` (`kk`, `ru` or `en`); English for any other.
    public func text(in language: String) -> String {
        switch language {
        case "kk": kk
        case "ru": ru
        default: en
        }
    }
}
