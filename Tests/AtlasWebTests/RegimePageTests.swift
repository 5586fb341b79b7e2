import AtlasModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AtlasReport
@testable import AtlasWeb

/// The jurisdiction and instrument pages: citations that open their quotations, disputed records marked in place,
/// the date of the law switchable.
@Suite struct RegimePageTests {
    static let kz = TestSite.corpus.jurisdiction("kz")!

    /// The parts of `body` between each `open` and the next `close`.
    static func pieces(_ body: String, from open: String, to close: String) -> [String] {
        body.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
    }

    /// Every citation the page words: the items', the versions', the claims'.
    static func citations(_ sheet: RegimeSheet) -> [Citation] {
        let items = sheet.facts + sheet.groups + sheet.notStated
            + sheet.mechanisms.flatMap { $0.versions.flatMap { [$0.heading] + $0.items } }
        return items.flatMap(\.citations) + sheet.disputes.flatMap { $0.claims.flatMap(\.citations) }
    }

    @Test("Every citation on the kz page that has a quotation opens it in a <details>, none empty; the others are locators")
    func citationsOpenTheirQuotations() async throws {
        // Kazakh: the report is Kazakh, so most of its quotations are.
        let fetched = try await TestSite.get("/jurisdictions/kz?lang=kk")
        #expect(fetched.status == .ok)
        let details = Self.pieces(fetched.body, from: "<details class=\"cite\">", to: "</details>")
        #expect(!details.isEmpty)
        for detail in details {
            let quotes = Self.pieces(detail, from: "<blockquote lang=", to: "</blockquote>")
                .map { $0.drop { $0 != ">" }.dropFirst() }
            #expect(detail.contains("<summary>") && detail.contains("<blockquote lang=\""), "\(detail)")
            #expect(!quotes.isEmpty && quotes.allSatisfy { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty },
                    "\(detail)")
        }
        let sheet = RegimeSheet(Self.kz, vocabulary: TestSite.corpus.vocabulary, asOf: nil, language: .kk)
        let all = Self.citations(sheet)
        let quoted = all.filter { !$0.quotes.isEmpty }
        let summaries = Set(details.map { Self.pieces($0, from: "<summary>", to: "</summary>")[0] })
        for c in quoted {
            #expect(summaries.contains(HTMLText.escaped(c.description)), "\(c.description)")
        }
        // A quotation in a language of its own, the page's first.
        let first = try #require(quoted.first { c in c.quotes.contains { $0.language == "kk" } })
        #expect(fetched.body.contains("<summary>" + HTMLText.escaped(first.description) + "</summary><blockquote lang=\"kk\">"))
        // A bare locator only for a citation the corpus holds no quotation for.
        let bare = Set(all.filter(\.quotes.isEmpty).map { HTMLText.escaped($0.description) })
        for locator in Self.pieces(fetched.body, from: "<span class=\"cite\">", to: "</span>") {
            #expect(bare.contains(locator), "\(locator)")
        }
        // Every citation of the page is in one of the two forms: one per citation of every item and claim, and
        // one more per other reading shown beside a disputed record.
        let marks = Self.pieces(fetched.body, from: "<span class=\"other-reading\">", to: "</span></span>").count
        #expect(details.count + Self.pieces(fetched.body, from: "<span class=\"cite\">", to: "</span>").count
            >= all.count + marks)
    }

    @Test("A disputed record is marked where it stands, with the other source's value and citation; the list at the end has both")
    func disputedRecordsMarked() async throws {
        let sheet = RegimeSheet(Self.kz, vocabulary: TestSite.corpus.vocabulary, asOf: nil, language: .en)
        let shown = Set(sheet.mechanisms.flatMap { $0.versions.flatMap { ([$0.heading] + $0.items).compactMap(\.subject) } })
        let dispute = try #require(sheet.disputes.first { d in
            d.claims.contains(where: \.encoded) && d.about.contains(where: shown.contains)
        })
        let subject = try #require(dispute.about.first(where: shown.contains))
        let encoded = try #require(dispute.claims.first { $0.encoded })
        let other = try #require(dispute.otherClaims.first)
        let fetched = try await TestSite.get("/jurisdictions/kz")
        let body = fetched.body
        // The record carries the mark: its class, the worded label linking to the discrepancy, the other value.
        let record = try #require(Self.pieces(body, from: "id=\"r-\(subject)\"", to: "</li>\n").first
            ?? Self.pieces(body, from: "id=\"r-\(subject)\"", to: "</section>").first)
        #expect(record.contains("disputed") || body.contains("<section class=\"version\" id=\"r-\(subject)\""))
        #expect(record.contains("<a class=\"disputed-mark\" href=\"#d-\(dispute.id)\">"
            + HTMLText.escaped(WebPhrase.regimeDisputed.text(.en)) + "</a>"))
        #expect(record.contains(HTMLText.escaped(other.statement)))
        if let cited = other.citations.first { #expect(record.contains(HTMLText.escaped(cited.description))) }
        // The list at the end: the discrepancy under its anchor, both values, the encoded one marked.
        let listed = try #require(Self.pieces(body, from: "<li id=\"d-\(dispute.id)\">", to: "</ul>").first)
        #expect(listed.contains(HTMLText.escaped(encoded.statement) + " " + HTMLText.escaped(sheet.encodedMark)))
        #expect(listed.contains(HTMLText.escaped(other.statement)))
        #expect(Self.pieces(body, from: "<li id=\"d-", to: "\"").count == Self.kz.discrepancies.count)
    }

    @Test("as-of= switches the law shown: a rule that came into force later is in force after its date, not before")
    func asOfSwitchesTheLaw() async throws {
        // A rule of Kazakhstan's law with a date of its own after its version's, from the corpus.
        let exclusion = try #require(Self.kz.mechanisms.flatMap { m in
            m.versions.flatMap { v in v.exclusions.filter { x in
                guard let from = x.validity.from, let since = v.validity.from else { return false }
                return from > since
            } }
        }.first)
        let from = try #require(exclusion.validity.from)
        let before = try await TestSite.get("/jurisdictions/kz?as-of=\(from.adding(days: -1))")
        let after = try await TestSite.get("/jurisdictions/kz?as-of=\(from)")
        #expect(before.status == .ok && after.status == .ok)
        let anchor = "<li id=\"r-\(exclusion.id)\""
        #expect(before.body.contains(anchor + " class=\"not-in-force"))
        #expect(after.body.contains(anchor + ">") || after.body.contains(anchor + " class=\"disputed\">"))
        #expect(!after.body.contains(anchor + " class=\"not-in-force"))
        // The form keeps the date, and the permalink is the form's answer.
        #expect(after.body.contains("name=\"as-of\" value=\"\(from)\""))
        #expect(after.body.contains("<form method=\"get\" action=\"/jurisdictions/kz\">"))
        #expect(after.body.contains("href=\"/jurisdictions/kz?lang=en\">" + WebPhrase.regimeAllVersions.text(.en)))
    }

    @Test("A malformed as-of is a 400 with one line in the page's language, the form kept as typed",
          arguments: Language.allCases)
    func badDate(language: Language) async throws {
        let fetched = try await TestSite.get("/jurisdictions/kz?as-of=2016-02-30&lang=\(language.rawValue)")
        #expect(fetched.status == .badRequest)
        let line = try #require(Self.pieces(fetched.body, from: "<p class=\"error\" role=\"alert\">", to: "</p>").first)
        #expect(line.contains("2016-02-30") && !line.contains("\n"))
        #expect(line.contains(HTMLText.escaped(WebPhrase.formAsOf.text(language))))
        #expect(fetched.body.contains("name=\"as-of\" value=\"2016-02-30\""))
    }

    /// The words of `body`'s main part in Latin letters that are not ids, citations' locators, quotations in
    /// another language or the program's name.
    static func englishWords(_ body: String, language: Language) -> [String] {
        var text = body.components(separatedBy: "<main>").dropFirst().first?.components(separatedBy: "</main>")[0] ?? ""
        // Locators and quotations are the same in every language (README, "Languages").
        for (open, close) in [("<summary>", "</summary>"), ("<span class=\"cite\">", "</span>"), ("<blockquote", "</blockquote>"),
                              ("<", ">")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        let corpus = TestSite.corpus
        // The corpus's own texts name facts by their flags ("recidivist") and instruments by their designations
        // ("Rec(2003)22"); those are names, not words of the page.
        var ids = Set(corpus.jurisdictions.map(\.id) + corpus.instruments.map(\.id) + corpus.sources.map(\.id)
            + CaseFactCatalogue.all.map(\.name))
        for i in corpus.instruments {
            ids.formUnion(i.provisions.flatMap { [$0.id] + $0.checks.map(\.id) })
            ids.formUnion(i.shortName.components(separatedBy: CharacterSet.letters.inverted))
        }
        for j in corpus.jurisdictions {
            ids.formUnion(j.discrepancies.flatMap { [$0.id] + $0.about })
            ids.formUnion(j.conditionSets.map(\.id))
            for m in j.mechanisms {
                ids.insert(m.id)
                for v in m.versions {
                    ids.insert(v.id)
                    ids.formUnion(v.thresholds.map(\.id) + v.exclusions.flatMap { [$0.id] + $0.exceptions.map(\.id) })
                    ids.formUnion((v.grantConditions + v.mandatoryRelease).map(\.id) + v.conversions.map(\.id))
                    ids.formUnion(v.revocation?.grounds.map(\.id) ?? [])
                    ids.formUnion(v.procedure.map { $0.bodies.map(\.id) + $0.arrangements.compactMap(\.id) } ?? [])
                }
            }
        }
        for (entity, character) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        let tokens = text.components(separatedBy: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:()[]")))
        return tokens.filter { token in
            let word = token.trimmingCharacters(in: .punctuationCharacters)
            guard word.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
            // Numbers with letters (seed lines "L3433", laws "384-VI"), Roman numerals, list letters "(a)", and the
            // corpus's attribute syntax (binding="soft-law") are not words of a language.
            if word.count == 1 || word.contains(where: \.isNumber) || word.contains("=") { return false }
            if word.allSatisfy({ "IVXLCDM".contains($0) }) { return false }
            return !ids.contains(word) && word != "JSON"
        }
    }

    @Test("The kk and ru pages carry no English words beyond ids, locators and quotations", arguments: [Language.kk, .ru],
          ["/jurisdictions/kz", "/jurisdictions/kz?as-of=2021-01-01", "/jurisdictions/fi", "/instruments/coe-rec-2003-22"])
    func noEnglish(language: Language, path: String) async throws {
        let fetched = try await TestSite.get(path + (path.contains("?") ? "&" : "?") + "lang=" + language.rawValue)
        #expect(fetched.status == .ok)
        #expect(Self.englishWords(fetched.body, language: language).isEmpty, "\(path)")
    }

    @Test("An instrument has its own page: provisions with their citations and quotations; the countries page links it")
    func instrumentPage() async throws {
        let instrument = try #require(TestSite.corpus.instrument("coe-rec-2003-22"))
        let fetched = try await TestSite.get("/instruments/coe-rec-2003-22?lang=kk")
        #expect(fetched.status == .ok)
        for p in instrument.provisions {
            #expect(fetched.body.contains("<section class=\"provision\" id=\"r-\(p.id)\">"))
        }
        let quoted = instrument.provisions.flatMap(\.citations).filter { !$0.quotes.isEmpty }
        for c in quoted { #expect(fetched.body.contains("<summary>" + HTMLText.escaped(c.description) + "</summary>")) }
        #expect(try await TestSite.get("/jurisdictions/coe-rec-2003-22").status == .ok)
        #expect(try await TestSite.get("/instruments/kz").status == .notFound)
        let countries = try await TestSite.get("/?lang=kk")
        #expect(countries.body.contains("<a href=\"/instruments/coe-rec-2003-22?lang=kk\">"))
    }

    @Test("The text of parole show is the regime's parts laid out: every item's words and citations in it")
    func textFromTheSameParts() throws {
        let sheet = RegimeSheet(Self.kz, vocabulary: TestSite.corpus.vocabulary, asOf: nil, language: .kk)
        let text = RegimeText.render(sheet).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        for item in sheet.mechanisms.flatMap({ $0.versions.flatMap(\.items) }) {
            let words = (item.text + OutcomeText.cites(item.citations))
                .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
            #expect(text.contains(words), "\(item.text)")
        }
    }

    @Test("Markup in a corpus label, quotation or claim comes back escaped on the regime and instrument pages")
    func corpusMarkupEscaped() async throws {
        let markup = "<script>x</script>"
        var corpus = TestSite.corpus
        let index = try #require(corpus.jurisdictions.firstIndex { $0.id == "kz" })
        var kz = corpus.jurisdictions[index]
        kz.names = Language.allCases.map { LocalizedString(language: $0.rawValue, text: markup) }
        kz.legalFamilyCitations = [Citation(sourceID: "seed", lines: "L1", quotes: [LocalizedString(language: "en", text: markup)])]
        var mechanisms = kz.mechanisms
        var version = mechanisms[0].versions[0]
        var thresholds = version.thresholds
        thresholds[0].labels = [LocalizedString(language: "en", text: markup)]
        version.thresholds = thresholds
        mechanisms[0].versions[0] = version
        kz.mechanisms = mechanisms
        var discrepancies = kz.discrepancies
        discrepancies[0].claims[0].statements = [LocalizedString(language: "en", text: markup)]
        kz.discrepancies = discrepancies
        corpus.jurisdictions[index] = kz
        let instrumentIndex = try #require(corpus.instruments.firstIndex { $0.id == "coe-rec-2003-22" })
        corpus.instruments[instrumentIndex].provisions[0].statements = [LocalizedString(language: "en", text: markup)]
        let application = Application(router: AtlasSite(corpus: corpus, today: { TestSite.today }).router())
        for uri in ["/jurisdictions/kz", "/jurisdictions/kz?as-of=2021-01-01", "/instruments/coe-rec-2003-22", "/"] {
            let body = try await application.test(.router) { client in
                try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            }
            #expect(!body.contains("<script"), "\(uri)")
            #expect(body.contains("&lt;script&gt;x&lt;/script&gt;"), "\(uri)")
        }
    }
}
