import AtlasModel
@testable import AtlasReport
import Foundation
import Testing

/// The phrase tables are complete: every declared phrase in kk, ru and en, the same placeholders in each, and no
/// phrase in the files that the program does not declare.
@Suite struct PhrasebookTests {
    static let book = Phrasebook.standard

    @Test func everyDeclaredPhraseIsInEveryLanguage() {
        for key in Phrasebook.declared {
            for language in Language.allCases {
                let text = Self.book.template(key, language)
                #expect(text?.isEmpty == false, "\(key) has no \(language.rawValue) text")
            }
        }
        #expect(Self.book.keys == Set(Phrasebook.declared), "undeclared: \(Self.book.keys.subtracting(Phrasebook.declared))")
    }

    @Test func placeholdersAreTheSameInEveryLanguage() throws {
        let placeholder = try Regex(#"\{[a-zA-Z]+\}"#)
        for key in Phrasebook.declared {
            let sets = Language.allCases.map { language in
                Set((Self.book.template(key, language) ?? "").matches(of: placeholder).map { String($0.output[0].substring ?? "") })
            }
            #expect(Set(sets).count == 1, "\(key): \(sets)")
        }
    }

    /// Kazakh and Russian phrases are written in Cyrillic: a Latin word in them is English left behind.
    @Test func kazakhAndRussianPhrasesHaveNoLatinWords() throws {
        let placeholder = try Regex(#"\{[a-zA-Z]+\}"#)
        let latinWord = try Regex(#"[A-Za-z]{2,}"#)
        for key in Phrasebook.declared {
            for language in [Language.kk, .ru] {
                // "ID" is the placeholder of a command-line value (`--explain ID`), written as the help writes it.
                let text = (Self.book.template(key, language) ?? "").replacing(placeholder, with: "")
                    .replacingOccurrences(of: " ID", with: "")
                let words = text.matches(of: latinWord).map { String(text[$0.range]) }
                #expect(words.isEmpty, "\(key) [\(language.rawValue)]: \(words)")
            }
        }
    }
}

/// Numbers and durations as each language writes them (hand-written golden wording).
@Suite struct LanguageNumbersTests {
    @Test func durationsAgreeWithTheirNumbers() {
        let d = CalendarDuration(years: 4, months: 6, days: 0)
        #expect(LanguageNumbers(.kk).duration(d) == "4 жыл 6 ай")
        #expect(LanguageNumbers(.ru).duration(d) == "4 года 6 месяцев")
        #expect(LanguageNumbers(.en).duration(d) == "4 years 6 months")
        #expect(LanguageNumbers(.en).duration(CalendarDuration(years: 1)) == "1 year")
        #expect(LanguageNumbers(.ru).duration(CalendarDuration(years: 21, months: 11, days: 22)) == "21 год 11 месяцев 22 дня")
        #expect(LanguageNumbers(.ru).duration(CalendarDuration(years: 5, months: 1, days: 14)) == "5 лет 1 месяц 14 дней")
        #expect(LanguageNumbers(.ru).duration(CalendarDuration()) == "0 дней")
        #expect(LanguageNumbers(.kk).fullDuration(CalendarDuration(years: 2)) == "2 жыл 0 ай 0 күн")
    }

    @Test func amountsUseTheLanguagesDecimalSign() {
        #expect(LanguageNumbers(.en).amount(Rational(2191, 4)) == "547.75")
        #expect(LanguageNumbers(.ru).amount(Rational(2191, 4)) == "547,75")
        #expect(LanguageNumbers(.kk).amount(Rational(2191, 1)) == "2191")
        #expect(LanguageNumbers(.kk).amount(Rational(1, 20)) == "0,05")
        #expect(LanguageNumbers(.en).amount(Rational(5, 2)) == "2.5")
    }
}
