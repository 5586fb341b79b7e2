import AtlasCorpus
import AtlasModel
import Foundation
import Testing
@testable import AtlasSearch

/// The bundled corpus, loaded once for every suite here.
enum Bundled {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()
    static let index = try! SearchIndex.inMemory(SearchCorpusReader.documents(of: corpus), corpusDigest: corpus.digest)
    static let directory = RecordDirectory(corpus: corpus)

    static func ids(_ text: String, kinds: Set<SearchKind> = [], jurisdiction: String? = nil) throws -> [String] {
        try index.search(SearchQuery(text: text, kinds: kinds, jurisdiction: jurisdiction)).map(\.document.recordID)
    }
}

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі"), ("ҚАЗАҚСТАН", "қазақстан"), ("Қазақстан", "қазақстан"),
        ("ГЕРМАНИЯ", "германия"), ("Ёлка", "елка"), ("Tokyo Rules", "tokyo rules"),
    ])
    func foldsCaseOfEveryKazakhAndRussianLetter(_ pair: (String, String)) {
        #expect(TextFolding.fold(pair.0) == pair.1)
    }

    @Test func composesDecomposedLetters() {
        // «й» typed as и + combining breve is the same word as the precomposed «й».
        #expect(TextFolding.fold("и\u{306}") == TextFolding.fold("й"))
    }

    @Test func splitsWordsOnPunctuationLikeTheIndex() {
        #expect(TextFolding.words("Условно-досрочное освобождение (УДО)") == ["условно", "досрочное", "освобождение", "удо"])
    }

    @Test(arguments: [
        ("германии", "герман"), ("германияда", "германия"), ("ережелерінің", "ереже"),
        ("ережелері", "ереже"), ("освобождения", "освобожден"), ("қазақстанның", "қазақстан"), ("rules", "rule"), ("удо", "удо"),
    ])
    func stemsCommonEndings(_ pair: (String, String)) {
        #expect(LightStemmer.stem(pair.0) == pair.1)
    }
}

@Suite struct RecordDirectoryTests {
    @Test(arguments: [
        ("de", "de"), ("DE", "de"), ("Germany", "de"), ("germany", "de"), ("Германия", "de"), ("ГЕРМАНИЯ", "de"),
        ("Германии", "de"), ("Германия Федеративтік Республикасы", "de"), ("Federal Republic of Germany", "de"),
        ("Tokyo Rules", "tokyo-rules"), ("tokyo", "tokyo-rules"), ("TOKYO-RULES", "tokyo-rules"),
        ("Токио", "tokyo-rules"), ("Kazakhstan", "kz"), ("Қазақстан", "kz"), ("ҚАЗАҚСТАН", "kz"),
        ("Казахстан", "kz"), ("Ресей", "ru"), ("Российская Федерация", "ru"),
    ])
    func resolvesIdsNamesAndShortNames(_ pair: (String, String)) {
        guard case .found(let record) = Bundled.directory.resolve(pair.0) else {
            Issue.record("\(pair.0) did not resolve")
            return
        }
        #expect(record.id == pair.1)
    }

    @Test func severalRecordsSharingTheWordsAreAmbiguous() {
        guard case .ambiguous(let records) = Bundled.directory.resolve("United Kingdom") else {
            Issue.record("United Kingdom resolved to one record")
            return
        }
        #expect(Set(records.map(\.id)).isSuperset(of: ["gb-eaw", "gb-sct", "gb-nir"]))
    }

    @Test func gbSuggestsTheBritishJurisdictionsNotAnotherTwoLetterCode() {
        guard case .unknown(let near) = Bundled.directory.resolve("gb") else {
            Issue.record("gb resolved")
            return
        }
        #expect(near.map(\.id) == ["gb-eaw", "gb-nir", "gb-sct"])
    }

    @Test func aTypoOfAnIdSuggestsThatId() {
        guard case .unknown(let near) = Bundled.directory.resolve("fra") else {
            Issue.record("fra resolved")
            return
        }
        #expect(near.first?.id == "fr")
    }

    @Test func aTypoOfANameSuggestsItsRecord() {
        guard case .unknown(let near) = Bundled.directory.resolve("Germny") else {
            Issue.record("Germny resolved")
            return
        }
        #expect(near.map(\.id).contains("de"))
    }

    @Test func nothingCloseSuggestsNothing() {
        guard case .unknown(let near) = Bundled.directory.resolve("zzzzqqq") else {
            Issue.record("resolved")
            return
        }
        #expect(near.isEmpty)
    }

    @Test func modelSuggestionNoLongerOffersAnyTwoLetterCode() {
        #expect(Suggestion.nearest(to: "gb", among: ["ae", "at", "kz"]) == nil)
        #expect(Suggestion.nearest(to: "kzz", among: ["ae", "kz"]) == "kz")
    }
}

@Suite struct SearchIndexTests {
    @Test(arguments: ["Германия", "ГЕРМАНИЯ", "германия", "Германии", "Germany"])
    func findsGermanyInRussianAnyCaseAndInflected(_ query: String) throws {
        #expect(try Bundled.ids(query, kinds: [.jurisdiction]).contains("de"))
    }

    @Test(arguments: ["Қазақстан", "ҚАЗАҚСТАН", "қазақстан", "Қазақстанның", "Kazakhstan", "Казахстан"])
    func findsKazakhstanInKazakhWithItsOwnLetters(_ query: String) throws {
        #expect(try Bundled.ids(query, kinds: [.jurisdiction]).first == "kz")
    }

    @Test func findsAKazakhQuotationWhateverTheCaseOfItsLetters() throws {
        // A verbatim quotation of the Tokyo Rules (seed L649-653).
        let lower = try Bundled.ids("жан-жақты бағалауға", kinds: [.citation])
        let upper = try Bundled.ids("ЖАН-ЖАҚТЫ БАҒАЛАУҒА", kinds: [.citation])
        #expect(lower.contains("tokyo-rules-3-2"))
        #expect(lower == upper)
    }

    @Test func findsRussianRuleTextsThroughInflection() throws {
        let ids = try Bundled.ids("условно-досрочного освобождения", kinds: [.rule], jurisdiction: "kz")
        #expect(ids.contains("kz-parole"))
    }

    @Test func filtersByKindAndJurisdiction() throws {
        let hits = try Bundled.index.search(SearchQuery(text: "parole", kinds: [.discrepancy], jurisdiction: "kz"))
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.document.kind == .discrepancy && $0.document.jurisdiction == "kz" })
    }

    @Test func marksTheMatchedWordsAsWritten() throws {
        let hits = try Bundled.index.search(SearchQuery(text: "ҚАЗАҚСТАН", kinds: [.jurisdiction]))
        let hit = try #require(hits.first)
        #expect(hit.snippet.matches == ["Қазақстан"])
        #expect(hit.snippet.marked("**", "**").contains("**Қазақстан**"))
    }

    @Test func indexesEveryKindOfRecord() {
        let kinds = Set(SearchCorpusReader.documents(of: Bundled.corpus).map(\.kind))
        #expect(kinds == Set(SearchKind.allCases))
    }

    @Test func aWordNowhereInTheCorpusFindsNothing() throws {
        #expect(try Bundled.ids("xyzzyplugh").isEmpty)
    }
}

@Suite struct SearchIndexStoreTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parole-search-\(UUID().uuidString)").path
    }

    @Test func buildsOnFirstUseThenOpensTheSameFile() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchIndexStore(directory: dir)
        let first = try store.index(for: Bundled.corpus)
        let path = try #require(store.path(forDigest: Bundled.corpus.digest ?? ""))
        #expect(FileManager.default.fileExists(atPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let second = try store.index(for: Bundled.corpus)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        #expect(try first.documentCount() == second.documentCount())
        // Nothing but the index is left in the folder: the temporary file was renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [(path as NSString).lastPathComponent])
    }

    @Test func aChangedCorpusGetsANewIndex() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchIndexStore(directory: dir)
        _ = try store.index(for: Bundled.corpus)
        var changed = Bundled.corpus
        changed.digest = String(repeating: "0", count: 64)
        changed.jurisdictions = Array(changed.jurisdictions.prefix(1))
        // A file of someone else's naming is left alone.
        _ = FileManager.default.createFile(atPath: dir + "/notes.txt", contents: Data("mine".utf8))
        let index = try store.index(for: changed)
        #expect(try index.documentCount() < SearchCorpusReader.documents(of: Bundled.corpus).count)
        // The index of the old corpus is gone: only the new one and the other file are left.
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: dir))
            == ["notes.txt", "search-\(SearchIndex.format)-\(String(repeating: "0", count: 64)).sqlite"])
    }

    @Test func anIndexOthersCanWriteIsRebuiltNotTrusted() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchIndexStore(directory: dir)
        _ = try store.index(for: Bundled.corpus)
        let path = try #require(store.path(forDigest: Bundled.corpus.digest ?? ""))
        #expect(chmod(path, 0o666) == 0)
        #expect(SearchIndexStore.open(path, digest: Bundled.corpus.digest!) == nil)
        _ = try store.index(for: Bundled.corpus)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func aGarbageFileIsRebuilt() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchIndexStore(directory: dir)
        let path = try #require(store.path(forDigest: Bundled.corpus.digest ?? ""))
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data("not sqlite".utf8), attributes: [.posixPermissions: 0o600])
        #expect(try store.index(for: Bundled.corpus).search(SearchQuery(text: "Germany")).isEmpty == false)
    }

    @Test func offKeepsTheIndexInMemory() {
        #expect(SearchIndexStore.standard(explicit: nil, environment: ["PAROLE_CACHE": "off"]).directory == nil)
        #expect(SearchIndexStore.standard(explicit: nil, environment: ["XDG_CACHE_HOME": "/c"]).directory == "/c/parole-atlas")
        #expect(SearchIndexStore.standard(explicit: "/x", environment: ["PAROLE_CACHE": "/y"]).directory == "/x")
    }
}

@Suite struct RecordCitationsTests {
    @Test func aRuleHasItsOwnCitationsAndTheJurisdictionAllOfThem() throws {
        let records = RecordCitations(corpus: Bundled.corpus)
        let kz = try #require(records.citations(of: "kz"))
        let parole = try #require(records.citations(of: "kz-parole"))
        #expect(!parole.isEmpty)
        #expect(Set(parole).isSubset(of: Set(kz)))
        #expect(records.citations(of: "no-such-record") == nil)
    }

    @Test func quotationsOfAnInstrumentAreListedByProvision() {
        let records = RecordCitations(corpus: Bundled.corpus).records(in: "tokyo-rules")
        #expect(records.first?.id == "tokyo-rules")
        #expect(records.contains { $0.id == "tokyo-rules-3-2" && $0.citations.contains { !$0.quotes.isEmpty } })
    }
}
