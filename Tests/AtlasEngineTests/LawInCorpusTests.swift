import AtlasCorpus
import AtlasEngine
import AtlasModel
import AtlasReport
import Foundation
import Testing

/// The legal values and judgements that were constants in Swift, now read from the corpus (issue 10, section 3).
/// Each test lists the corpus value that replaced a constant, with its citation, and then changes that value in the
/// loaded corpus and shows that the answer changes: a constant that came back would answer the changed corpus as
/// before, and fail here.
@Suite struct LawInCorpusTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    /// A 9-year grave case served since 10 January 2022, decided on 1 December 2026, with `configure` applied.
    func draft(_ configure: (inout CaseDraft) -> Void = { _ in }) -> CaseDraft {
        var d = CaseDraft()
        d["term"] = "9y"
        d["category"] = "grave"
        d["start"] = "2022-01-10"
        d["as-of"] = "2026-12-01"
        configure(&d)
        return d
    }

    func build(_ d: CaseDraft, _ vocabulary: Vocabulary = corpus.vocabulary) throws -> Case {
        try d.build(vocabulary: vocabulary, today: Self.today)
    }

    func outcome(_ c: Case, _ corpus: Corpus, _ jurisdiction: String, _ mechanism: String) throws -> MechanismOutcome {
        let j = try #require(corpus.jurisdiction(jurisdiction))
        return try #require(Simulator(corpus: corpus).simulate(c, in: j).mechanisms.first { $0.mechanism.id == mechanism })
    }

    /// Whether `citations` cite the seed at exactly `lines` with a quotation (which `parole validate` checks).
    func quotesSeed(_ citations: [Citation], _ lines: String) -> Bool {
        citations.contains { $0.sourceID == "seed" && $0.lines == lines && !$0.quotes.isEmpty }
    }

    // MARK: the home jurisdiction ("kz" in the engine, the report and the CLI)

    @Test func theHomeJurisdictionIsTheCorpusValue() throws {
        let home = Self.corpus.home
        #expect(home.jurisdiction == "kz")
        #expect(Self.corpus.jurisdiction(home.jurisdiction) != nil)
        #expect(quotesSeed(home.citations, "L207-211"))
        // The home's categories are read as they are; under another home the Kazakh rules need a crosswalk step
        // that the corpus does not have, so the category can no longer decide them.
        let c = try build(draft())
        #expect(try outcome(c, Self.corpus, "kz", "kz-parole").status == .available)
        var elsewhere = Self.corpus
        elsewhere.home.jurisdiction = "zz"
        let foreign = try outcome(c, elsewhere, "kz", "kz-parole")
        #expect(foreign.status == .undetermined)
        #expect(foreign.missingFacts.contains("category-crosswalk"))
        // The summary marks the home row, whichever jurisdiction that is.
        let outcomes = Simulator(corpus: Self.corpus).simulate(c, in: Self.corpus.jurisdictions)
        func marked(_ home: String) -> [String] {
            OutcomeText.render(c, outcomes, wording: Wording(.en, vocabulary: Self.corpus.vocabulary), style: .table, home: home)
                .split(separator: "\n").filter { $0.hasPrefix("▶") }
                .map { String($0.dropFirst().split(separator: " ").first ?? "") }
        }
        #expect(marked(home.jurisdiction) == ["kz"])
        #expect(marked("ru") == ["ru"])
    }

    // MARK: the age of majority (juvenile = under 18 at the offence)

    @Test func theAgeOfMajorityIsTheCorpusValue() throws {
        let age = try #require(Self.corpus.home.ageOfMajority)
        #expect(age.years == 18)
        #expect(age.validity.basis == .notStated)
        #expect(quotesSeed(age.citations, "L3867-3871"))
        #expect(age.citations.contains { $0.sourceID == "kz-cc-2014" && $0.article == "72(8)" })
        // Finland's young-offender third (under 21 at the offence): a juvenile, under 18, is under 21; an adult of
        // 18 or more may or may not be, so the age decides.
        let adult = try build(draft { $0["recidivist"] = false })
        let juvenile = try build(draft { $0["recidivist"] = false; $0["juvenile"] = true })
        #expect(try outcome(juvenile, Self.corpus, "fi", "fi-parole").threshold?.id == "fi-young-one-third")
        let open = try outcome(adult, Self.corpus, "fi", "fi-parole")
        #expect(open.status == .undetermined)
        #expect(open.missingFacts.contains("age"))
        // With majority at 21, an adult is 21 or older: the third cannot apply and the half does.
        var at21 = Self.corpus
        at21.home.ageOfMajority?.years = 21
        let decided = try outcome(adult, at21, "fi", "fi-parole")
        #expect(decided.missingFacts.isEmpty)
        #expect(decided.threshold?.id == "fi-half")
        // With majority at 25, a juvenile may have been 21 to 24: the third is no longer certain for one.
        var at25 = Self.corpus
        at25.home.ageOfMajority?.years = 25
        #expect(try outcome(juvenile, at25, "fi", "fi-parole").missingFacts.contains("age"))
        // Without an age of majority the flag says nothing in years: the age stays open even for a juvenile.
        var unstated = Self.corpus
        unstated.home.ageOfMajority = nil
        #expect(try outcome(juvenile, unstated, "fi", "fi-parole").missingFacts.contains("age"))
    }

    // MARK: the conformance features (the string switch, "police", "convict", "serve-remainder", parole kinds, <= 21)

    @Test func everyCheckedFeatureIsDefinedInTheCorpus() throws {
        let features = Self.corpus.vocabulary.features
        let checked = Set(Self.corpus.instruments.flatMap { $0.provisions.flatMap { $0.checks.map(\.feature) } })
        #expect(checked.subtracting(features.keys).isEmpty)
        let paroleKinds: Set<String> = ["parole", "release-on-licence", "automatic-release"]
        for feature in ["category-excluded", "life-parole-possible"] {
            let d = try #require(features[feature])
            #expect(d.present.map(\.mechanismKinds) == [paroleKinds], "\(feature)")
            #expect(quotesSeed(d.citations, "L1302-1308"), "\(feature)")
        }
        #expect(features["supervision-by-police"]?.present.map(\.supervisor) == ["police"])
        #expect(features["supervision-by-police"]?.described.map(\.supervisorOtherThan) == ["unspecified"])
        #expect(features["hearing-with-convict"]?.present.map(\.participant) == ["convict"])
        let revocation = try #require(features["mandatory-revocation-for-breach"])
        #expect(revocation.present.map(\.revocationConsequence) == ["serve-remainder"])
        #expect(revocation.present.map(\.revocationMode) == [.mandatory])
        #expect(quotesSeed(revocation.citations, "L12941-12953"))
    }

    @Test func theYoungOffenderAgeIsTheCorpusValue() throws {
        let d = try #require(Self.corpus.vocabulary.features["juvenile-earlier-threshold"])
        let leaves = d.present.flatMap(\.mentions)
        #expect(leaves.contains(.ageBelow(.offence, atMost: 21)))
        #expect(leaves.contains(.fact(.juvenile, true)))
        #expect(quotesSeed(d.citations, "L2081-2083"))
        let fi = try #require(Self.corpus.jurisdiction("fi"))
        #expect(ConformanceEvaluator(corpus: Self.corpus).state(of: "juvenile-earlier-threshold", in: fi)
            == .present(evidence: ["fi-young-one-third", "fi-life-young-ten-years"]))
        // A ceiling of 20 no longer reaches Finland's under-21 rules.
        var features = Self.corpus.vocabulary.features
        features["juvenile-earlier-threshold"]?.present = d.present.map { query in
            var q = query
            q.mentions = q.mentions.map { $0 == .ageBelow(.offence, atMost: 21) ? .ageBelow(.offence, atMost: 20) : $0 }
            return q
        }
        let stricter = ConformanceEvaluator(instruments: Self.corpus.instruments, features: features)
        if case .present = stricter.state(of: "juvenile-earlier-threshold", in: fi) {
            Issue.record("an under-21 rule still counts as a juvenile threshold with a ceiling of 20")
        }
    }

    @Test func aChangedFeatureDefinitionChangesTheVerdict() throws {
        let kz = try #require(Self.corpus.jurisdiction("kz"))
        // Kazakhstan's probation service supervises: named, not the police, so the feature is absent.
        #expect(ConformanceEvaluator(corpus: Self.corpus).state(of: "supervision-by-police", in: kz) == .absent)
        var features = Self.corpus.vocabulary.features
        features["supervision-by-police"]?.present[0].supervisor = "probation-service"
        let misread = ConformanceEvaluator(instruments: Self.corpus.instruments, features: features)
        #expect(misread.state(of: "supervision-by-police", in: kz) == .present(evidence: ["kz-parole-2014"]))
        // Without a definition the feature is not assessable: the program has no reading of its own.
        features["supervision-by-police"] = nil
        let undefined = ConformanceEvaluator(instruments: Self.corpus.instruments, features: features)
        guard case .unknown = undefined.state(of: "supervision-by-police", in: kz) else {
            Issue.record("a feature without a corpus definition was decided")
            return
        }
    }

    @Test func theFeaturesACaseTouchesAreTheCorpusValues() throws {
        let juvenile = try build(draft { $0["juvenile"] = true })
        let kz = try #require(Self.corpus.jurisdiction("kz"))
        let outcome = Simulator(corpus: Self.corpus).simulate(juvenile, in: kz)
        func touched(_ evaluator: ConformanceEvaluator) -> Set<String> {
            Set(evaluator.verdicts(for: outcome, facts: juvenile).map(\.check.feature))
        }
        #expect(touched(ConformanceEvaluator(corpus: Self.corpus)) == ["juvenile-earlier-threshold"])
        var features = Self.corpus.vocabulary.features
        features["juvenile-earlier-threshold"]?.touchedBy = []
        #expect(touched(ConformanceEvaluator(instruments: Self.corpus.instruments, features: features)).isEmpty)
    }

    // MARK: disability groups (1...3)

    @Test func theDisabilityGroupsAreTheCorpusVocabulary() throws {
        let v = Self.corpus.vocabulary
        #expect(v.disabilityGroups == [1, 2, 3])
        for group in ["1", "2"] { #expect(quotesSeed(v.citations["disability-group"]?[group] ?? [], "L3435-3437")) }
        // The report names no group III: the term has no citation, and its note says the report does not state it.
        #expect(v.citations["disability-group"]?["3"] == nil)
        #expect(try build(draft { $0["disability"] = 3 }).disabilityGroup == 3)
        #expect(throws: CaseInputError(field: "disability", message: "4 is not a disability group (1, 2 or 3)")) {
            try build(draft { $0["disability"] = 4 })
        }
        var wider = v
        wider.sets["disability-group"]?["4"] = [LocalizedString(language: "en", text: "disability group IV")]
        #expect(try build(draft { $0["disability"] = 4 }, wider).disabilityGroup == 4)
        var narrower = v
        narrower.sets["disability-group"]?["3"] = nil
        #expect(throws: CaseInputError(field: "disability", message: "3 is not a disability group (1 or 2)")) {
            try build(draft { $0["disability"] = 3 }, narrower)
        }
    }

    // MARK: the default punishment ("imprisonment"), and the punishment a life sentence is

    @Test func theDefaultPunishmentIsTheCorpusValue() throws {
        let v = Self.corpus.vocabulary
        #expect(v.defaultTerm(of: "punishment") == "imprisonment")
        #expect(v.lifeSentenceTerm(of: "punishment") == "imprisonment")
        let cited = v.citations["punishment"]?["imprisonment"] ?? []
        #expect(quotesSeed(cited, "L3659-3661"))
        #expect(quotesSeed(cited, "L3701"))
        #expect(try build(draft()).punishment == "imprisonment")
        // Another default changes the case, and with it the decision: Finland's parole reaches imprisonment only.
        var other = v
        other.defaults["punishment"] = "restriction-of-liberty"
        let restricted = try build(draft(), other)
        #expect(restricted.punishment == "restriction-of-liberty")
        #expect(try outcome(restricted, Self.corpus, "fi", "fi-parole").status == .outOfScope)
        var none = v
        none.defaults["punishment"] = nil
        #expect(throws: CaseInputError.self) { try build(draft(), none) }
        #expect(throws: CaseInputError(field: "punishment", message: "a life sentence is imprisonment, not fine")) {
            try build(draft { $0["term"] = "life"; $0["punishment"] = "fine" })
        }
        var lifeFine = v
        lifeFine.lifeSentence["punishment"] = "fine"
        #expect(try build(draft { $0["term"] = "life"; $0["punishment"] = "fine" }, lifeFine).term == .life)
    }

    // MARK: the single father (male + young child + single parent)

    @Test func theSingleFatherIsTheCorpusComposition() throws {
        let v = Self.corpus.vocabulary
        let father = try #require(v.compositions["single-father"])
        #expect(father.sex == .male)
        let youngChild = try #require(CaseFact(rawValue: "young-child"))
        let singleParent = try #require(CaseFact(rawValue: "single-parent"))
        #expect(father.facts == [FactValue(youngChild, true), FactValue(singleParent, true)])
        #expect(quotesSeed(father.citations, "L3431-3435"))
        #expect(quotesSeed(father.citations, "L12957-12961"))
        // Grave corruption: Kazakhstan's ban on parole is lifted for the vulnerable categories, single fathers
        // among them (art. 72(1) para 4). Born in 1980, he is no man of 63, the one other way in.
        let corrupt = draft { $0["term"] = "6y"; $0["start"] = "2021-01-10"; $0["as-of"] = "2024-01-01"; $0["offence"] = ["corruption"]
            $0["offence-date"] = "2020-12-25"  // after the ban of 2020-12-19: the law at the offence has it
            $0["birth-date"] = "1980-01-01"; $0["single-father"] = true }
        let c = try build(corrupt)
        #expect(c.sex == .male && c.value(of: youngChild) == true && c.value(of: singleParent) == true)
        #expect(try outcome(c, Self.corpus, "kz", "kz-parole").status == .available)
        // A composition without "raising it alone" is a father, not a single father: the ban applies.
        var married = v
        married.compositions["single-father"]?.facts.removeAll { $0.fact == singleParent }
        let notSingle = try build(corrupt, married)
        #expect(notSingle.value(of: singleParent) == false)
        #expect(try outcome(notSingle, Self.corpus, "kz", "kz-parole").status == .excluded)
        #expect(throws: CaseInputError(field: "single-father", message: "contradicts --sex female")) {
            try build(draft { $0["single-father"] = true; $0["sex"] = "female" })
        }
        var undefined = v
        undefined.compositions["single-father"] = nil
        #expect(throws: CaseInputError.self) { try build(draft { $0["single-father"] = true }, undefined) }
    }

    // MARK: Instrument.kazakhstan → relations between instruments and jurisdictions

    @Test func instrumentsRelateToJurisdictionsAsTheCorpusSays() throws {
        let home = Self.corpus.home.jurisdiction
        func relation(_ instrument: String) throws -> InstrumentRelation {
            let i = try #require(Self.corpus.instrument(instrument))
            return try #require(i.relations(of: home).first)
        }
        let crc = try relation("crc")
        #expect(crc.kind == "party")
        #expect(crc.validity.from == CalendarDate(year: 1994, month: 6, day: 8))
        #expect(crc.citations.contains { $0.footnote == 23 })
        let iccpr = try relation("iccpr")
        #expect(iccpr.kind == "party")
        #expect(iccpr.validity.from == CalendarDate(year: 2005, month: 11, day: 28))
        #expect(try relation("echr").kind == "not-party")
        // Every instrument says how the home stands to it, if only that the report does not say.
        for i in Self.corpus.instruments {
            #expect(!i.relations(of: home).isEmpty, "\(i.id)")
            for r in i.relations { #expect(Self.corpus.vocabulary.contains(r.kind, in: "instrument-relation")) }
        }
    }

    // MARK: no constant is back

    /// The literals the corpus replaced do not reappear in the program (a cheap guard beside the tests above).
    @Test func noReplacedConstantIsBackInTheSources() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let literals = ["\"kz\"", "\"imprisonment\"", "\"police\"", "\"convict\"", "\"serve-remainder\"",
                        "\"release-on-licence\"", "\"automatic-release\"", "\"unspecified\"", "0...17", "<= 21", "1...3"]
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for literal in literals where text.contains(literal) {
                Issue.record("Sources/\(file) contains \(literal), a value that corpus/vocabulary.xml holds")
            }
        }
    }
}
