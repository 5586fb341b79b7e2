import AtlasCorpus
import AtlasEngine
import AtlasModel
import AtlasReport
import Foundation
import Testing

/// Every command other than `simulate` answers wholly in the language asked for: Kazakh and Russian output holds
/// no English word outside ids, codes, citations and the corpus's own texts in that language (which quote proper
/// names and the sources verbatim), and English output holds no Cyrillic outside quotations and case numbers.
@Suite struct LanguageCommandTests {
    /// One shared stamp cache for the runs of this suite, so that only the first checks the schema.
    static let cache = FileManager.default.temporaryDirectory
        .appendingPathComponent("parole-language-cache-\(UUID().uuidString)").path

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments, environment: ["PAROLE_CACHE": cache].merging(environment) { _, given in given })
    }

    /// The commands of this suite, each with the arguments that print the most words; tables as Markdown, whose
    /// cells are not wrapped, so that a corpus text is found whole.
    static let commands: [[String]] = [
        ["show", "kz"], ["show", "kz", "--as-of", "2016-01-01"], ["show", "echr"], ["show", "coe-rec-2003-22"],
        ["countries", "--format", "markdown"], ["compare", "kz", "ru", "by", "de", "fr", "--format", "markdown"],
        ["conformance", "kz", "--format", "markdown"], ["annex", "1"], ["validate", "--coverage"],
    ]

    @Test(arguments: commands)
    func everyCommandAnswersInEachLanguage(_ command: [String]) throws {
        for language in Language.allCases {
            let r = try Self.run(command + ["--lang", language.rawValue])
            #expect(r.status == 0, "\(command) --lang \(language.rawValue): \(r.stderr)")
            let foreign = LanguageCheck.shared.foreignWords(in: r.stdout, language: language)
            #expect(foreign.isEmpty, "\(command) --lang \(language.rawValue): \(foreign.prefix(20))")
            if language != .en { #expect(r.stdout.contains("· корпус sha256:"), "\(command): footer") }
        }
    }

    /// The renderers themselves, over the whole corpus: every jurisdiction's page, every instrument, every
    /// regime's conformance, the country list, a comparison of all jurisdictions, Annex 1 and the coverage table.
    @Test(arguments: Language.allCases)
    func everyRegimeOutputOverTheWholeCorpusIsInTheLanguage(_ language: Language) throws {
        let corpus = try CorpusLoader(location: .bundled).load()
        var pages: [(String, String)] = []
        for j in corpus.jurisdictions {
            pages.append(("show \(j.id)", RegimeText.render(j, vocabulary: corpus.vocabulary, asOf: nil, language: language)))
            let verdicts = ConformanceEvaluator(corpus: corpus).verdicts(for: j)
            pages.append(("conformance \(j.id)", ConformanceJSON.table(verdicts, wording: Wording(
                language, vocabulary: corpus.vocabulary, factNaming: .labels)).markdown))
        }
        for i in corpus.instruments {
            pages.append(("show \(i.id)", InstrumentText.render(i, cases: corpus.cases, vocabulary: corpus.vocabulary,
                                                                language: language)))
        }
        let overview = CorpusOverview(corpus: corpus, asOf: nil, language: language)
        pages.append(("countries", TextTableData(header: CorpusOverview.countryHeader(language),
                                                 rows: overview.countryRows(family: nil)).markdown))
        let compared = overview.compareRows(corpus.jurisdictions, aspects: CorpusOverview.Aspect.allCases)
        pages.append(("compare", TextTableData(header: compared.header, rows: compared.rows).markdown))
        pages.append(("coverage", overview.coverageTable().markdown + "\n" + CorpusOverview.coverageLegend(language)))
        for annex in corpus.annexes {
            pages.append(("annex \(annex.number)", AnnexTable(annex: annex, corpus: corpus, language: language).markdown))
        }
        for (name, page) in pages {
            let foreign = LanguageCheck.shared.foreignWords(in: page, language: language)
            #expect(foreign.isEmpty, "\(name) [\(language.rawValue)]: \(foreign.prefix(20))")
        }
    }

    /// Every instrument's ids, from the corpus's file names (the loader holds each file name to its id).
    static let instruments: [String] = ((try? FileManager.default.contentsOfDirectory(
        atPath: CLI.root.appendingPathComponent("corpus/instruments").path)) ?? [])
        .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()

    /// `show` for every instrument, in every language: the issuing body, the court cases with their courts and
    /// references, the provisions and checks.
    @Test(arguments: instruments)
    func everyInstrumentIsShownInEachLanguage(_ id: String) throws {
        for language in Language.allCases {
            let r = try Self.run(["show", id, "--lang", language.rawValue])
            #expect(r.status == 0, "show \(id) --lang \(language.rawValue): \(r.stderr)")
            let foreign = LanguageCheck.shared.foreignWords(in: r.stdout, language: language)
            #expect(foreign.isEmpty, "show \(id) --lang \(language.rawValue): \(foreign.prefix(20))")
        }
    }

    @Test func theEnvironmentChoosesTheLanguageAndTheFlagWins() throws {
        let ru = try Self.run(["show", "kz"], environment: ["PAROLE_LANG": "ru"])
        #expect(ru.status == 0)
        #expect(ru.stdout.contains("Правовая семья: постсоветская (СНГ) правовая система"))
        let kk = try Self.run(["show", "kz", "--lang", "kk"], environment: ["PAROLE_LANG": "ru"])
        #expect(kk.stdout.contains("Құқықтық жүйе: посткеңестік (ТМД) құқықтық жүйе"))
        let en = try Self.run(["countries"], environment: ["PAROLE_LANG": ""])
        #expect(en.status == 0)
        #expect(en.stdout.contains("Legal family"))
        let upper = try Self.run(["annex", "1", "--lang", "RU"])
        #expect(upper.stdout.contains("1/3 срока"))
    }

    static let everyCommand: [[String]] = [
        ["show", "kz"], ["countries"], ["compare", "kz", "ru"], ["conformance", "kz"], ["annex", "1"],
        ["validate", "--coverage"],
    ]

    @Test(arguments: everyCommand)
    func aLanguageTheAtlasDoesNotSpeakIsOneLineAndExit64(_ command: [String]) throws {
        let flag = try Self.run(command + ["--lang", "de"])
        #expect(flag.status == 64)
        #expect(flag.stdout.isEmpty)
        #expect(flag.stderr.split(separator: "\n").count == 1, "\(flag.stderr)")
        #expect(flag.stderr.contains("--lang: \"de\" is not kk, ru or en"), "\(flag.stderr)")
        let environment = try Self.run(command, environment: ["PAROLE_LANG": "kz"])
        #expect(environment.status == 64)
        #expect(environment.stderr.split(separator: "\n").count == 1, "\(environment.stderr)")
        #expect(environment.stderr.contains("PAROLE_LANG: \"kz\" is not kk, ru or en"), "\(environment.stderr)")
        // The flag wins over a bad environment, as it wins over a good one.
        let both = try Self.run(command + ["--lang", "en"], environment: ["PAROLE_LANG": "kz"])
        #expect(both.status == 0, "\(both.stderr)")
    }
}

/// Hand-written wording, one or two lines per language and command: word order, agreement, and the words chosen.
@Suite struct LanguageGoldenWordingTests {
    static func output(_ arguments: [String]) throws -> String {
        try LanguageCommandTests.run(arguments).stdout
    }

    @Test func annexCellsReadInEachLanguage() throws {
        let ru = try Self.output(["annex", "1", "--lang", "ru"])
        #expect(ru.contains("| 1/3 срока (средней тяжести или небольшой тяжести); 1/2 срока (тяжкое);"))
        #expect(ru.contains("1/3 срока (тяжкое, исполнено процессуальное соглашение о сотрудничестве)"))
        #expect(ru.contains("1/3 срока, минимум 6 месяцев (средней тяжести, не пожизненное)"))
        #expect(ru.contains("25 лет (пожизненное)"))
        #expect(ru.contains("| минимум 1 год (не пожизненное) |"))
        #expect(!ru.contains("срока 1/3"))
        let kk = try Self.output(["annex", "1", "--lang", "kk"])
        #expect(kk.contains("| мерзімнің 1/3 (ауырлығы орташа немесе онша ауыр емес); мерзімнің 1/2 (ауыр);"))
        #expect(kk.contains("мерзімнің 1/3 (ауыр, ынтымақтастық туралы процестік келісім орындалған)"))
        #expect(kk.contains("мерзімнің 1/3, кемінде 6 ай (ауырлығы орташа, өмір бойына емес)"))
        #expect(kk.contains("қалған мерзімнің 3/4 (ШМББ-ның күші жойылғаннан кейін (жаңа қасақана қылмыс үшін))"))
        let en = try Self.output(["annex", "1", "--lang", "en"])
        #expect(en.contains("| 1/3 of the term (medium gravity or minor gravity); 1/2 of the term (grave);"))
        #expect(en.contains("| at least 1 year (not life) |"))
        #expect(en.contains("no time to serve stated (not life, age ≥ 70 at decision)"))
    }

    @Test func regimePagesReadInEachLanguage() throws {
        let kk = try Self.output(["show", "kz", "--lang", "kk"])
        #expect(kk.contains("\nҚұқықтық жүйе: посткеңестік (ТМД) құқықтық жүйе [seed L3048-3050]\n"))
        #expect(kk.contains("  Нұсқа kz-parole-2014 күшіне енуі: 2014-07-03 (заңның күні); босату: қалау бойынша ["))
        #expect(kk.contains("  Бас тартылғаннан кейін жаңа өтініш: 6 ай өткен соң ["))
        #expect(kk.contains("  Қайта есептеу kz-cc-73-3-fine: қамаудағы 4 күн = айыппұл: 1 айлық есептік көрсеткіш (АЕК) ["))
        #expect(kk.contains("\n== Дереккөздер арасындағы алшақтықтар\n"))
        let ru = try Self.output(["show", "kz", "--lang", "ru", "--as-of", "2016-01-01"])
        #expect(ru.contains("\nПраво, действующее на 2016-01-01\n"))
        #expect(ru.contains("  Новое ходатайство после отказа: через 6 месяцев ["))
        #expect(ru.contains("  Пересчёт kz-cc-73-3-fine: 4 дня под стражей = штраф: 1 месячный расчётный показатель (МРП) ["))
        #expect(ru.contains("  (ещё не действует на 2016-01-01) kz-cc-72-8-sexual-offence-against-minor с 2016-04-09 (дата закона): "))
        let en = try Self.output(["show", "kz"])
        #expect(en.contains("  Conversion kz-cc-73-3-fine: 4 days of custody = 1 monthly calculation index (MCI) of fine ["))
        #expect(en.contains("  Conversion kz-cc-73-3-restriction-of-liberty: 1 day of custody = 1 day of restriction of liberty ["))
        #expect(en.contains("  New petition after a refusal: 6 months ["))
    }

    @Test func instrumentsAreNamedInTheLanguage() throws {
        let en = try Self.output(["show", "echr"])
        #expect(en.hasPrefix("Convention for the Protection of Human Rights and Fundamental Freedoms (European Convention on "
            + "Human Rights) [echr] — ECHR\n"))
        let kk = try Self.output(["show", "echr", "--lang", "kk"])
        #expect(kk.contains("[echr] — АҚЕК\n"))
        #expect(kk.contains("\n[3-бап] "))
        let ru = try Self.output(["show", "echr", "--lang", "ru"])
        #expect(ru.contains("[echr] — Европейская конвенция о защите прав человека\n"))
        #expect(ru.contains("\n[ст. 3] "))
        #expect(ru.contains("\nСтатус: международный договор"))
        let conformance = try Self.output(["conformance", "kz", "--lang", "kk", "--format", "markdown"])
        #expect(conformance.hasPrefix("| Құжат | Ереже | Қорытынды | Белгі | Себебі |"))
        #expect(conformance.contains("| АҚЕК | 3-бап | сәйкес келеді |"))
    }

    @Test func bodiesCourtsAndReferencesReadInEachLanguage() throws {
        let en = try Self.output(["show", "echr"])
        #expect(en.contains("\nBody: Council of Europe (among the Council of Europe's regional standards, seed L1258-1268)"))
        #expect(en.contains(" (European Court of Human Rights, Nos. 25119/09, 57715/09 and 57877/09) ["))
        #expect(en.contains(" (UN Human Rights Committee, No. 2502/2014) ["))
        let kk = try Self.output(["show", "echr", "--lang", "kk"])
        #expect(kk.contains("\nОрганы: Еуропа Кеңесі ("))
        #expect(kk.contains(" (Адам құқықтары жөніндегі Еуропалық сот (АҚЕС), №№25119/09, 57715/09 және 57877/09) ["))
        let ru = try Self.output(["show", "echr", "--lang", "ru"])
        #expect(ru.contains("\nОрган: Совет Европы ("))
        #expect(ru.contains(" (Европейский суд по правам человека (ЕСПЧ), №№ 25119/09, 57715/09 и 57877/09) ["))
        let tokyo = try Self.output(["show", "tokyo-rules", "--lang", "ru"])
        #expect(tokyo.contains("\nОрган: Генеральная Ассамблея ООН (резолюция 45/110 от 14 декабря 1990 г., сноска 21), 1990\n"))
    }

    @Test func tablesReadInEachLanguage() throws {
        let compare = try Self.output(["compare", "kz", "ru", "--lang", "ru", "--format", "markdown"])
        #expect(compare.hasPrefix("| Аспект | kz | ru |"))
        #expect(compare.contains("УДО 1/2, минимум 6 месяцев / 1/3 ⚠ (тяжкое, не пожизненное)"))
        #expect(compare.contains("| надзор | УДО: служба пробации, на неотбытую часть срока |"))
        let countries = try Self.output(["countries", "--lang", "kk", "--format", "markdown"])
        #expect(countries.hasPrefix("| Код | Атауы | Құқықтық жүйе | Тетіктер | Негізгі мерзім | Алшақтықтар |"))
        #expect(countries.contains("| at | Австрия Республикасы | роман-герман құқықтық жүйесі | ШМББ | ШМББ: 1/2, тіркелген мерзім 15 жыл, кемінде 3 ай |"))
        let coverage = try Self.output(["validate", "--coverage", "--lang", "ru"])
        #expect(coverage.contains("✓ указано · ✓ ⚠ указано, источники расходятся"))
        #expect(coverage.contains("ошибок нет: документов: "))
        #expect(coverage.contains(", проблем: 0\n"))
    }
}

/// Finds the words of another language in an output, once the corpus's own texts in the language (which name
/// people, courts and statutes as their sources do, and gloss the report's Kazakh terms in brackets), citations in
/// brackets, the provenance footer and quotations are set aside: what is left is the program's own words. In Kazakh
/// and Russian: Latin words, where ids of the corpus, codes (a digit in the word) and abbreviations (no lower-case
/// letter) are not words. In English: Cyrillic letters. An English corpus text with Cyrillic outside quotation
/// marks is not set aside, so that a Kazakh word in an English label is found on the page that shows it.
final class LanguageCheck: Sendable {
    static let shared = LanguageCheck()

    /// The corpus's texts in each language, by a key of their first scalars (see `key`).
    let texts: [Language: [UInt64: [[Unicode.Scalar]]]]
    /// Every id the corpus gives an element, other than vocabulary terms (which output must word).
    let ids: Set<String>

    static let keyLength = 6

    init() {
        let corpus = CLI.root.appendingPathComponent("corpus")
        let files = (FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "xml" }
        let element = try! Regex(#"<([a-z][a-z-]*)\b[^>]*xml:lang="(kk|ru|en)"[^>]*>(.*?)</\1>"#).dotMatchesNewlines()
        let idAttribute = try! Regex(#"<([a-z][a-z-]*)\b[^>]*\sid="([^"]+)""#)
        var texts: [Language: [UInt64: [[Unicode.Scalar]]]] = [:]
        var ids: Set<String> = []
        for file in files {
            let xml = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for match in xml.matches(of: element) {
                guard let language = Language(code: String(match.output[2].substring ?? "")) else { continue }
                let text = Self.unescaped(String(match.output[3].substring ?? ""))
                let scalars = Array(Self.collapsed(text).unicodeScalars)
                guard scalars.count >= Self.keyLength, language != .en || Self.isEnglish(text) else { continue }
                texts[language, default: [:]][Self.key(scalars[...]), default: []].append(scalars)
            }
            for match in xml.matches(of: idAttribute) where match.output[1].substring != "term" {
                ids.insert(String(match.output[2].substring ?? ""))
            }
        }
        // The longest text first, so that a text is removed whole before a shorter one that starts it.
        self.texts = texts.mapValues { $0.mapValues { $0.sorted { $0.count > $1.count } } }
        self.ids = ids
    }

    /// Whether an English corpus text holds no Cyrillic outside quotation marks.
    static func isEnglish(_ text: String) -> Bool {
        !setAside(text, [#"«[^»]*»"#, #""[^"]*""#, #"“[^”]*”"#]).unicodeScalars
            .contains { (0x0400...0x04FF).contains($0.value) }
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        scalars.prefix(keyLength).reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1.value)) &* 1099511628211 }
    }

    /// `output` without the corpus's texts in `language`.
    func withoutCorpusTexts(_ output: String, _ language: Language) -> String {
        let table = texts[language] ?? [:]
        let scalars = Array(Self.collapsed(output).unicodeScalars)
        var kept = String.UnicodeScalarView()
        var index = 0
        scan: while index < scalars.count {
            if index + Self.keyLength <= scalars.count,
               let candidates = table[Self.key(scalars[index..<index + Self.keyLength])] {
                for text in candidates where index + text.count <= scalars.count
                    && scalars[index..<index + text.count].elementsEqual(text) {
                    kept.append(" ")
                    index += text.count
                    continue scan
                }
            }
            kept.append(scalars[index])
            index += 1
        }
        return String(kept)
    }

    /// The words of another language left in `output`.
    func foreignWords(in output: String, language: Language) -> [String] {
        var text = Self.setAside(output, [#"\[[^\]\n]*\]"#, #"parole \d+\.\d+\.\d+"#, #"sha256:[0-9a-f]+"#])
        text = withoutCorpusTexts(text, language)
        text = Self.setAside(text, [#"«[^»]*»"#, #""[^"]*""#, #"“[^”]*”"#])
        if language == .en {
            let cyrillic = try! Regex(#"\S*[\u0400-\u04FF]+\S*"#)
            return text.matches(of: cyrillic).map { String(text[$0.range]) }
        }
        let word = try! Regex(#"[A-Za-z0-9][A-Za-z0-9_./()'-]*"#)
        return text.matches(of: word).map { String(text[$0.range]) }.filter(isForeign)
    }

    /// Whether `token` is an English word: it has a lower-case Latin letter, no digit, and is not a corpus id.
    func isForeign(_ token: String) -> Bool {
        var word = Substring(token)
        while let last = word.last, ".)'-".contains(last), !(last == ")" && word.contains("(")) { word = word.dropLast() }
        while let first = word.first, first == "(" { word = word.dropFirst() }
        guard word.contains(where: { $0.isASCII && $0.isLowercase }) else { return false }
        if word.contains(where: \.isNumber) { return false }
        return !ids.contains(String(word))
    }

    static func setAside(_ text: String, _ patterns: [String]) -> String {
        patterns.reduce(text) { text, pattern in text.replacing(try! Regex(pattern), with: " ") }
    }
}
