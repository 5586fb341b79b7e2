import Foundation

/// How the atlas compares words in kk, ru and en, the same on the indexed text and on what a reader types.
///
/// The folding is done here, in Swift, and not left to SQLite's tokenizer: whether `unicode61` folds the Kazakh
/// letters (Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І) depends on the Unicode tables of the SQLite it was built with, and a search
/// that finds «Қазақстан» but not «ҚАЗАҚСТАН» on some machines is worse than none.
public enum TextFolding {
    /// `text` lowercased (Unicode's full mapping, which covers every Kazakh letter), composed (NFC, so that a
    /// «й» typed as и + combining breve equals the precomposed one) and with ё read as е, as Russian writers
    /// use the two interchangeably.
    public static func fold(_ text: String) -> String {
        var folded = text.precomposedStringWithCanonicalMapping.lowercased()
        if folded.contains("ё") { folded = folded.replacingOccurrences(of: "ё", with: "е") }
        return folded
    }

    /// The words of `text`, folded: runs of letters and digits (a hyphen or apostrophe inside a word splits it, as
    /// SQLite's tokenizer does, so that both sides agree on what a word is).
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The ranges of the words of `text` in `text` itself, each with its folded form, for highlighting.
    static func wordRanges(_ text: String) -> [(range: Range<String.Index>, folded: String)] {
        var result: [(Range<String.Index>, String)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = text[index].isLetter || text[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                result.append((s..<index, fold(String(text[s..<index]))))
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { result.append((s..<text.endIndex, fold(String(text[s..<text.endIndex])))) }
        return result
    }
}

/// A light stemmer for the query side: strips one common inflectional ending of Russian or Kazakh (and the English
/// plural), so that a prefix query on what is left finds the other forms of the word («Германии», «Германияда»,
/// «ережелері» → «германи», «германия», «ереже»). It never strips a word below four letters, so a short word is
/// matched as typed; it only widens a search, and the ranking puts the exact forms first.
public enum LightStemmer {
    /// Endings, longest first within each language; Kazakh endings come in their vowel-harmony pairs and with the
    /// consonant-assimilated variants (д/т/н, ғ/қ/г/к).
    static let endings: [String] = {
        let kazakh = [
            // Possessive + case, plural + case.
            "ларының", "лерінің", "дарының", "дерінің", "тарының", "терінің",
            "ларына", "леріне", "ларында", "лерінде", "ларынан", "лерінен",
            "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
            "лары", "лері", "дары", "дері", "тары", "тері",
            "ның", "нің", "дың", "дің", "тың", "тің",
            "нда", "нде", "нан", "нен", "дан", "ден", "тан", "тен",
            "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер",
            "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те",
            "ды", "ді", "ты", "ті", "ны", "ні", "сы", "сі",
        ]
        let russian = [
            "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ах", "ях", "ам", "ям",
            "ов", "ев", "ей", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ом", "ем",
            "ии", "ия", "ию", "ью", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь",
        ]
        let english = ["ies", "es", "s"]
        return (kazakh + russian + english).sorted { $0.count > $1.count }
    }()

    /// The shortest stem kept: below this, an ending is more likely part of the root.
    static let shortestStem = 4

    /// `word` (already folded) with one ending stripped, or `word` itself.
    public static func stem(_ word: String) -> String {
        for ending in endings where word.hasSuffix(ending) && word.count - ending.count >= shortestStem {
            return String(word.dropLast(ending.count))
        }
        return word
    }
}
