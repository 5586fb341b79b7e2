import Foundation
import AtlasModel

/// Conditions in short words, composed from the vocabulary's labels and the phrase tables (for tables, not for
/// legal text), in one language.
public struct ConditionText: Sendable {
    public let vocabulary: Vocabulary
    public let language: Language

    public init(vocabulary: Vocabulary, language: Language = .en) {
        self.vocabulary = vocabulary
        self.language = language
    }

    var words: RegimeWords { RegimeWords(vocabulary: vocabulary, language: language) }

    /// The condition in short words: "grave, not life"; "тяжкое, не пожизненное"; "ауыр, өмір бойына емес".
    public func describe(_ c: Condition) -> String {
        let words = self.words
        switch c {
        case .category(let s): return words.alternatives(labels(s, "category"))
        case .offence(let s): return words.alternatives(labels(s, "offence-tag"))
        case .consequence(let s): return words.alternatives(labels(s, "consequence"))
        case .punishment(let s): return words.alternatives(labels(s, "punishment"))
        case .term(let t):
            let bounds: [(String, CalendarDuration?)] = [(">", t.greaterThan), ("≥", t.atLeast), ("<", t.lessThan),
                                                        ("≤", t.atMost)]
            return bounds.compactMap { relation, duration in
                duration.map { words.phrase(.conditionTerm, ["relation": relation, "duration": words.shortDuration($0)]) }
            }.joined(separator: ", ")
        case .life(let b): return words.phrase(b ? .conditionLife : .conditionNotLife)
        case .fact(let f, let b):
            let fact = words.factName(f)
            return b ? fact : words.phrase(.conditionNoFact, ["fact": fact])
        case .sex(let s): return words.phrase(s == .female ? .conditionFemale : .conditionMale)
        case .age(let at, let ge, let lt):
            return words.phrase(at == .offence ? .conditionAgeAtOffence : .conditionAgeAtDecision,
                                ["range": Self.range(ge, lt)])
        case .victimAge(let ge, let lt): return words.phrase(.conditionVictimAge, ["range": Self.range(ge, lt)])
        case .childAge(let ge, let lt): return words.phrase(.conditionChildAge, ["range": Self.range(ge, lt)])
        case .behaviourPoints(let ge, let lt): return words.phrase(.conditionBehaviourPoints, ["range": Self.range(ge, lt)])
        case .disability(let g):
            return words.phrase(.conditionDisability, ["groups": g.sorted().map(String.init).joined(separator: "/")])
        case .priorRevocation(let s):
            return words.phrase(.conditionPriorRevocation, ["reasons": labels(s, "prior-revocation").joined(separator: ", ")])
        case .reference(let id): return id
        case .all(let parts): return parts.map(describe).joined(separator: ", ")
        case .any(let parts): return words.alternatives(parts.map(describe))
        case .not(let parts): return words.phrase(.conditionNot, ["parts": parts.map(describe).joined(separator: ", ")])
        }
    }

    /// "≥ 14, < 18": the same signs in every language, so no number is inflected.
    static func range(_ atLeast: Int?, _ below: Int?) -> String {
        [atLeast.map { "≥ \($0)" }, below.map { "< \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    private func labels(_ terms: Set<String>, _ set: String) -> [String] {
        terms.sorted().map { vocabulary.label($0, in: set, language: language.rawValue) }
    }
}

extension Threshold {
    /// The required time in short form: "1/2", "life 25y", "2/3, at least 2m" in English; durations in words in
    /// Kazakh and Russian ("2/3, не менее 2 месяцев").
    public func requirement(_ language: Language) -> String {
        let words = RegimeWords(vocabulary: Vocabulary(sets: [:]), language: language)
        var parts: [String] = []
        if let f = fraction {
            parts.append(fractionBase == .remainder ? words.phrase(.conditionOfRemainder, ["fraction": f.description])
                                                    : f.description)
        }
        if let m = minimum { parts.append(words.phrase(.conditionAtLeast, ["duration": words.shortDuration(m)])) }
        if let x = fixed { parts.append(words.shortDuration(x)) }
        return parts.joined(separator: combination == .laterOf ? ", " : " \(words.phrase(.conditionOr)) ")
    }
}

/// How the regime outputs (show, countries, compare, conformance, annex, coverage) name things in one language: the
/// phrase tables, corpus labels in the language, durations and instrument names.
struct RegimeWords: Sendable {
    let vocabulary: Vocabulary
    let language: Language

    var numbers: LanguageNumbers { LanguageNumbers(language) }

    func phrase(_ key: RegimePhrase, _ values: [String: String] = [:]) -> String { key.text(language, values) }

    /// A corpus text in the language (English, then any, when the corpus lacks it; the corpus has all three).
    func text(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: language) ?? fallback }

    /// The vocabulary label of `term`.
    func label(_ term: String, in set: String) -> String { vocabulary.label(term, in: set, language: language.rawValue) }

    /// A vocabulary term where a page names a kind of thing (a mechanism kind, an aspect, a feature): its label in
    /// every language. Ids are for flags, JSON and CSV; a reader is given words, not hyphenated ids.
    func termName(_ term: String, in set: String) -> String { label(term, in: set) }

    /// A vocabulary term in a table cell, where it repeats on every line: like `termName`, but a label that ends
    /// with its abbreviation in brackets ("условно-досрочное освобождение (УДО)") gives the abbreviation alone,
    /// and one that ends with a gloss in brackets ("parole (conditional early release)") gives the name before it.
    func shortTermName(_ term: String, in set: String) -> String {
        let name = termName(term, in: set)
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        if !inside.isEmpty && inside.allSatisfy(\.isUppercase) { return String(inside) }
        let before = name[..<open].trimmingCharacters(in: .whitespaces)
        return before.isEmpty ? name : before
    }

    /// Alternatives joined with the language's "or".
    func alternatives(_ items: [String]) -> String { items.joined(separator: " \(phrase(.conditionOr)) ") }

    /// A duration in a table cell: compact in English ("25y", as the flags write it and the tables always have),
    /// in words in Kazakh and Russian ("25 жыл", "25 лет"), whose readers have no such abbreviation.
    func shortDuration(_ d: CalendarDuration) -> String { language == .en ? d.compact : numbers.duration(d) }

    /// A duration in running text, in words in every language ("6 months", "6 месяцев", "6 ай").
    func duration(_ d: CalendarDuration) -> String { numbers.duration(d) }

    /// A case fact in a condition: its name in English ("cooperation", "first custodial", as before); its
    /// catalogue label, lower-cased as a part of a phrase, in Kazakh and Russian.
    func factName(_ fact: CaseFact) -> String {
        guard language != .en else { return fact.rawValue.replacingOccurrences(of: "-", with: " ") }
        return Self.lowercasingFirst(fact.declaration.label.text(in: language.rawValue))
    }

    /// `text` with its first letter in lower case, unless the first word is an abbreviation ("ШМББ", "УДО").
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The instrument's short name for a reader of the language. The corpus keeps one short name, English with the
    /// report's Kazakh abbreviation in brackets where it has one ("ECHR (АҚЕК)"): English readers get the English
    /// part, Kazakh readers the Kazakh abbreviation; a document code ("Rec(2003)22") is kept in every language;
    /// any other short name ("Bangkok Rules") gives way to the instrument's name in Kazakh or Russian, or to the
    /// short form that name ends with in brackets ("… (Бангкокские правила)"; a year or a code there is not one).
    func shortName(_ instrument: Instrument) -> String {
        let (latin, local) = Self.splitBilingual(instrument.shortName)
        switch language {
        case .en: return latin
        case .kk: if let local { return local }
        case .ru: break
        }
        if Self.isDocumentCode(latin) { return latin }
        let name = text(instrument.names, latin)
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), name.index(after: open) < name.endIndex
        else { return name }
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return inside.contains(where: \.isNumber) || !inside.contains(" ") ? name : String(inside)
    }

    /// A provision number as the language writes it: "art. 3", "ст. 3", "3-бап"; other numbers ("4(b)", "107.1")
    /// are the same in every language.
    func provisionNumber(_ number: String) -> String {
        for (prefix, key) in [("art. ", RegimePhrase.instrumentArticle), ("para. ", .instrumentParagraph)]
        where number.hasPrefix(prefix) {
            return phrase(key, ["number": String(number.dropFirst(prefix.count))])
        }
        return number
    }

    /// "ECHR (АҚЕК)" → ("ECHR", "АҚЕК"): the text without its bracketed parts in Cyrillic, and the first of them.
    static func splitBilingual(_ text: String) -> (latin: String, local: String?) {
        var latin = "", local: String?
        var rest = Substring(text)
        while let open = rest.range(of: " ("), let close = rest[open.upperBound...].firstIndex(of: ")") {
            let inside = rest[open.upperBound..<close]
            latin += rest[..<open.lowerBound]
            if inside.contains(where: isCyrillic) {
                if local == nil { local = String(inside) }
            } else {
                latin += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return (latin + rest, local)
    }

    /// Whether every word of `text` holds a digit (a document code such as "Rec(2003)22" or "R(92)16").
    static func isDocumentCode(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy { $0.contains(where: \.isNumber) }
    }

    static func isCyrillic(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }
}
