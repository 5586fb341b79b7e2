import AtlasCorpus
import AtlasEngine
import AtlasInput
import AtlasModel
import PropertyBased
import Testing

/// Reforms as law → law overlays: what a stack refuses, and what a reform can and cannot do to an answer.
@Suite struct ReformTests {
    static let corpus = InvariantTests.corpus
    static let effective = CalendarDate(iso: "2020-01-01")!

    static func reform(_ id: String) throws -> Reform { try #require(corpus.reform(id)?.reform, "no reform \(id)") }

    /// Every threshold of every jurisdiction with a share, halved: a reform that only lowers thresholds.
    static let halvedShares: ReformStack = {
        var reforms: [Reform] = []
        for j in corpus.jurisdictions {
            var changes: [ReformChange] = []
            var seen = Set<String>()
            for m in j.mechanisms {
                for t in m.version(inForceOn: effective)?.thresholds ?? [] where t.fraction != nil && seen.insert(t.id).inserted {
                    let f = t.fraction!
                    changes.append(ReformChange(.setThreshold(rule: t.id, fraction: Rational(f.numerator, f.denominator * 2),
                                                              base: nil, minimum: nil, fixed: nil), place: "test"))
                }
            }
            if !changes.isEmpty {
                reforms.append(Reform(id: "halve-\(j.id)", jurisdiction: j.id, kind: "threshold",
                                      labels: [LocalizedString(language: "en", text: "halved")], changes: changes))
            }
        }
        return try! ReformStack(reforms)
    }()

    @Test func aReformThatOnlyLowersThresholdsNeverMakesADateLater() async throws {
        let before = Simulator(corpus: Self.corpus, explains: false)
        var reformed = Self.corpus
        reformed.jurisdictions = try Self.halvedShares.apply(to: Self.corpus.jurisdictions, effective: Self.effective)
        let after = Simulator(corpus: reformed, explains: false)
        await propertyCheck(count: 150, input: InvariantTests.cases) { c in
            guard c.asOf >= Self.effective else { return }
            for (b, a) in zip(before.simulate(c, in: Self.corpus.jurisdictions), after.simulate(c, in: reformed.jurisdictions)) {
                for (mb, ma) in zip(b.mechanisms, a.mechanisms) {
                    // Lowering a share can only bring a date forward, or leave it where another rule sets it.
                    if mb.available, ma.available, let db = mb.earliestDate, let da = ma.earliestDate {
                        #expect(da <= db, "\(ma.mechanism.id): \(db) → \(da)")
                    }
                }
            }
        }
    }

    @Test func aStackMixingTheReportsVariantsIsRefused() throws {
        let v1 = try Self.reform("kz-a3-4-v1a-commitment")
        let v2 = try Self.reform("kz-a3-6-v2-revocation")
        #expect(v1.variantSet == v2.variantSet && v1.variant != v2.variant)
        let error = #expect(throws: ReformError.self) { try ReformStack([v1, v2]) }
        #expect(error?.message.contains("variant") == true)
        // The same variant stacks.
        _ = try ReformStack([v1, try Self.reform("kz-a3-6-v1-revocation")])
    }

    @Test func aStackThatSetsOneValueTwiceIsRefused() throws {
        let kz = Self.corpus.jurisdictions
        let a = try ReformAssignment.reform("kz-cc-72-3-grave=1/3", index: 1, jurisdictions: kz)
        let b = try ReformAssignment.reform("kz-parole.threshold[category=grave]=1/4", index: 2, jurisdictions: kz)
        let error = #expect(throws: ReformError.self) { try ReformStack([a, b]) }
        #expect(error?.place == "--set kz-parole.threshold[category=grave]=1/4")
        #expect(error?.message.contains("set-1") == true)
        #expect(throws: ReformError.self) { try ReformStack([a, a]) }
    }

    @Test func assignmentsNameTheirErrors() {
        let kz = Self.corpus.jurisdictions
        let unknown = #expect(throws: ReformError.self) { try ReformAssignment.reform("kz-cc-72-3-grav=1/3", index: 1, jurisdictions: kz) }
        #expect(unknown?.message.contains("kz-cc-72-3-grave") == true, "the nearest id is offered")
        for bad in ["kz-cc-72-3-grave=4/3", "kz-cc-72-3-grave=0/3", "kz-cc-72-3-grave=x", "kz-cc-72-3-grave",
                    "kz-cc-72-3-grave.colour=1/3", "kz-parole.threshold[category=grave=1/3",
                    "kz-parole.threshold[category=life]=1/3", "kz-cc-72-5-life=1/3", "kz-cc-72-8-corruption=1/3"] {
            #expect(throws: ReformError.self, "\(bad)") { try ReformAssignment.reform(bad, index: 1, jurisdictions: kz) }
        }
    }

    @Test func aSelectorFindsTheThresholdThatTestsExactlyIt() throws {
        let kz = Self.corpus.jurisdictions
        let r = try ReformAssignment.reform("kz-parole.threshold[category=grave,fact=cooperation]=1/4", index: 1, jurisdictions: kz)
        #expect(r.changes.first?.ruleID == "kz-cc-72-3-cooperation-grave")
        let life = try ReformAssignment.reform("kz-cc-72-5-life.fixed=20y", index: 1, jurisdictions: kz)
        guard case .setThreshold(_, nil, nil, nil, let fixed?) = life.changes.first?.action else {
            Issue.record("not a fixed time: \(String(describing: life.changes.first?.action))")
            return
        }
        #expect(fixed == CalendarDuration(years: 20))
    }

    @Test func aChangeNamingAMissingRuleIsRefusedWithTheNearestIDs() throws {
        let change = ReformChange(.remove(rule: "kz-cc-72-8-corruptio"), place: "here")
        let reform = Reform(id: "t", jurisdiction: "kz", kind: "exclusion", labels: [], changes: [change])
        let error = #expect(throws: ReformError.self) {
            try ReformStack([reform]).apply(to: Self.corpus.jurisdictions, effective: Self.effective)
        }
        #expect(error?.message.contains("kz-cc-72-8-corruption") == true)
        #expect(error?.place == "here")
    }

    /// The law before the entry into force is untouched: the version is split there, not rewritten.
    @Test func theLawBeforeTheEntryIntoForceIsKept() throws {
        let torture = try Self.reform("kz-a3-8-torture")
        let effective = CalendarDate(iso: "2027-01-01")!
        let reformed = try ReformStack([torture]).apply(to: Self.corpus.jurisdictions, effective: effective)
        let before = try #require(Self.corpus.jurisdiction("kz")?.mechanisms.first { $0.id == "kz-parole" })
        let after = try #require(reformed.first { $0.id == "kz" }?.mechanisms.first { $0.id == "kz-parole" })
        #expect(after.versions.count == before.versions.count + 1)
        #expect(after.version(inForceOn: effective.adding(days: -1))?.exclusions.map(\.id)
                == before.version(inForceOn: effective.adding(days: -1))?.exclusions.map(\.id))
        #expect(after.version(inForceOn: effective)?.exclusions.contains { $0.id == "kz-a3-8-torture-exclusion" } == true)
        // Other jurisdictions are the same values.
        #expect(reformed.map(\.id) == Self.corpus.jurisdictions.map(\.id))
    }

    @Test func everyReformOfTheCorpusAppliesOnItsOwnAndIsListedWithItsKind() throws {
        let kinds = Set(Self.corpus.vocabulary.terms(of: "reform-kind"))
        var count = 0
        for p in Self.corpus.reformPackages {
            for r in p.reforms {
                count += 1
                #expect(kinds.contains(r.kind), "\(r.id): \(r.kind)")
                #expect(r.labels.map(\.language).sorted() == ["en", "kk", "ru"], "\(r.id)")
                _ = try ReformStack([r]).apply(to: Self.corpus.jurisdictions, effective: Self.effective)
            }
        }
        // Annex 2 (18 entries), Annex 3 (20) and the recommendations.
        #expect(count >= 38)
        #expect(Self.corpus.reformPackages.compactMap { $0.table?.annex }.sorted() == [2, 3])
    }
}
