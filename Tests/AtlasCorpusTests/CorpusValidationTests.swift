import AtlasCorpus
import AtlasModel
import Foundation
import SafeXML
import Testing

/// A copy of the bundled corpus in a temporary directory, to break on purpose.
struct ScratchCorpus {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parole-corpus-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CorpusLocation.bundledCorpus), to: directory)
    }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Replaces the first occurrence of `old` with `new` in `file`; returns the 1-based line of the change.
    @discardableResult
    func replace(_ old: String, with new: String, in file: String) throws -> Int {
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "fixture text not found: \(old)")
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    func write(_ text: String, to file: String) throws {
        try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    func validate() throws -> ValidationReport {
        try CorpusLoader(location: CorpusLocation(corpusDirectory: directory.path), checkQuotations: true).validate()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite struct CorpusValidationTests {
    @Test func bundledCorpusIsClean() throws {
        let report = try CorpusLoader(location: CorpusLocation.bundled,
                                      checkQuotations: true).validate()
        #expect(report.diagnostics.map(\.description) == [])
        // The seed sits beside the repository in development and in CI (../shared/seed); where it does, every
        // quotation is checked.
        if CorpusLocation.defaultSeedDirectory() != nil { #expect(report.quotationCount >= 80) }
        #expect(report.documentCount >= 3)
        #expect(report.citationCount > 100)
    }

    @Test func bundledCorpusLoadsKazakhstan() throws {
        let corpus = try CorpusLoader(location: CorpusLocation.bundled).load()
        let kz = try #require(corpus.jurisdiction("kz"))
        #expect(kz.mechanisms.map(\.kind) == ["parole", "replacement", "term-reduction"])
        #expect(kz.names.text(in: "kk") == "Қазақстан Республикасы")
        let parole = try #require(kz.mechanisms.first)
        let version = try #require(parole.versions.first)
        #expect(version.thresholds.first { $0.id == "kz-cc-72-3-grave" }?.fraction == Rational(1, 2))
        #expect(version.exclusions.first { $0.id == "kz-cc-72-8-corruption" }?.validity.from?.description == "2020-12-19")
        #expect(version.procedure?.reapplicationWait == CalendarDuration(months: 6))
        // Every threshold, exclusion, exception and body carries a citation.
        for v in kz.mechanisms.flatMap(\.versions) {
            for t in v.thresholds { #expect(!t.citations.isEmpty, "\(t.id)") }
            for x in v.exclusions {
                #expect(!x.citations.isEmpty, "\(x.id)")
                for e in x.exceptions { #expect(!e.citations.isEmpty, "\(e.id)") }
            }
            for b in v.procedure?.bodies ?? [] { #expect(!b.citations.isEmpty, "\(b.id)") }
        }
        #expect(kz.discrepancies.count >= 8)
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        let label: String
        let file: String
        let old: String
        let new: String
        let expected: String
        var testDescription: String { label }
    }

    static let breakages: [Breakage] = [
        Breakage(label: "dangling citation", file: "jurisdictions/kz.xml", old: #"<cite source="kz-cpc-2014""#,
                 new: #"<cite source="kz-cpc-1997""#, expected: #"unknown source "kz-cpc-1997""#),
        Breakage(label: "unknown offence tag", file: "jurisdictions/kz.xml", old: #"<offence any="corruption"/>"#,
                 new: #"<offence any="bribery"/>"#, expected: #"unknown offence-tag term "bribery""#),
        Breakage(label: "unknown category", file: "jurisdictions/kz.xml", old: #"<category in="grave"/>"#,
                 new: #"<category in="serious"/>"#, expected: #"unknown category term "serious""#),
        Breakage(label: "duplicate id in one file", file: "jurisdictions/kz.xml", old: #"<threshold id="kz-cc-72-3-grave">"#,
                 new: #"<threshold id="kz-cc-72-3-minor-medium">"#, expected: "kz-cc-72-3-minor-medium"),
        Breakage(label: "schema violation (fraction of zero)", file: "jurisdictions/kz.xml", old: "<fraction>1/2</fraction>",
                 new: "<fraction>0/2</fraction>", expected: "fraction"),
        Breakage(label: "missing required attribute", file: "jurisdictions/kz.xml",
                 old: #"<version id="kz-parole-2014" from="2014-07-03""#, new: #"<version id="kz-parole-2014""#,
                 expected: "from"),
        Breakage(label: "citation without locator", file: "jurisdictions/kz.xml", old: #"<cite source="kz-cc-2014" article="72"/>"#,
                 new: #"<cite source="kz-cc-2014"/>"#, expected: "has no locator"),
        Breakage(label: "reference to an unknown condition set", file: "jurisdictions/kz.xml",
                 old: #"<ref set="kz-vulnerable"/>"#, new: #"<ref set="kz-vulnerables"/>"#, expected: "names no condition-set"),
        Breakage(label: "override of an unknown threshold", file: "jurisdictions/kz.xml",
                 old: #"overrides="kz-cc-72-5-life""#, new: #"overrides="kz-cc-72-5-lifer""#, expected: "overrides \"kz-cc-72-5-lifer\""),
        Breakage(label: "malformed XML", file: "jurisdictions/kz.xml", old: "</scope>", new: "</scop>", expected: "mismatch"),
        Breakage(label: "external entity", file: "sources.xml", old: #"<?xml version="1.0" encoding="UTF-8"?>"#,
                 new: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                 expected: "DOCTYPE"),
        Breakage(label: "quotation not in the cited lines", file: "jurisdictions/kz.xml",
                 old: "мерзімінің кемінде 1/2 - ауыр қылмыс үшін", new: "мерзімінің кемінде 1/4 - ауыр қылмыс үшін",
                 expected: "quotation not found in seed lines"),
        Breakage(label: "impossible date", file: "jurisdictions/kz.xml", old: #"from="2016-04-09""#, new: #"from="2016-02-30""#,
                 expected: "2016-02-30"),
        // The values that were constants of the program are checked like every other corpus value.
        Breakage(label: "home naming no jurisdiction", file: "vocabulary.xml", old: #"<home jurisdiction="kz">"#,
                 new: #"<home jurisdiction="zz">"#, expected: "names no jurisdiction of the corpus"),
        Breakage(label: "two default punishments", file: "vocabulary.xml", old: #"<term id="fine">"#,
                 new: #"<term id="fine" default="true">"#, expected: "already the default of punishment"),
        Breakage(label: "unknown disability group", file: "jurisdictions/kz.xml", old: #"<disability in="1 2"/>"#,
                 new: #"<disability in="1 4"/>"#, expected: #"unknown disability-group term "4""#),
        Breakage(label: "feature filter on a part it does not concern", file: "vocabulary.xml",
                 old: #"<find parts="supervision" by="police"/>"#, new: #"<find parts="supervision appeal" by="police"/>"#,
                 expected: #"by= applies only to parts="supervision""#),
        Breakage(label: "unknown instrument relation", file: "instruments/crc.xml", old: #"kind="party""#,
                 new: #"kind="ally""#, expected: #"unknown instrument-relation term "ally""#),
        Breakage(label: "relation naming no jurisdiction", file: "instruments/crc.xml", old: #"jurisdictions="kz""#,
                 new: #"jurisdictions="kz zz""#, expected: #"names jurisdiction "zz""#),
        Breakage(label: "vocabulary quotation not in the cited lines", file: "vocabulary.xml",
                 old: "кәмелетке толмаған адамның өзі (18 жасқа", new: "кәмелетке толмаған адамның өзі (17 жасқа",
                 expected: "quotation not found in seed lines"),
    ]

    @Test(arguments: breakages)
    func eachBreakageIsReportedAtItsPlace(_ b: Breakage) throws {
        if b.expected.hasPrefix("quotation"), CorpusLocation.defaultSeedDirectory() == nil { return }
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let line = try scratch.replace(b.old, with: b.new, in: b.file)
        let report = try scratch.validate()
        #expect(!report.isClean)
        let hit = report.diagnostics.first { $0.message.contains(b.expected) }
        let d = try #require(hit, "no diagnostic mentioning \(b.expected): \(report.diagnostics)")
        #expect(d.file.hasSuffix(b.file))
        #expect(d.line == line || d.line == line + 1 || d.line == line - 1, "\(d) expected near line \(line)")
        #expect((d.column ?? 0) >= 1)
        #expect(!d.description.contains("\n"))
        #expect(throws: CorpusError.self) {
            try CorpusLoader(location: CorpusLocation(corpusDirectory: scratch.directory.path), checkQuotations: true)
                .load()
        }
    }

    @Test func duplicateIdAcrossFilesNamesTheFirstDefinition() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let kz = try String(contentsOfFile: scratch.path("jurisdictions/kz.xml"), encoding: .utf8)
        try kz.replacingOccurrences(of: #"<jurisdiction xmlns="urn:parole-atlas:corpus:1" id="kz">"#,
                                    with: #"<jurisdiction xmlns="urn:parole-atlas:corpus:1" id="kg">"#)
            .write(toFile: scratch.path("jurisdictions/kg.xml"), atomically: true, encoding: .utf8)
        let report = try scratch.validate()
        let dup = try #require(report.diagnostics.first { $0.message.contains("duplicate id \"kz-parole\"") })
        #expect(dup.file.hasSuffix("kz.xml") || dup.file.hasSuffix("kg.xml"))
        #expect(dup.message.contains("first defined at"))
    }

    @Test func overlappingVersionsAreReported() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let kz = try String(contentsOfFile: scratch.path("jurisdictions/kz.xml"), encoding: .utf8)
        // A second copy of the term-reduction version starting 2020: it overlaps the open-ended 2014 version.
        let start = try #require(kz.range(of: #"<version id="kz-term-reduction-2014""#))
        let end = try #require(kz.range(of: "</version>", range: start.upperBound..<kz.endIndex))
        var copy = String(kz[start.lowerBound..<end.upperBound])
        copy = copy.replacingOccurrences(of: "kz-term-reduction-2014", with: "kz-term-reduction-2020")
            .replacingOccurrences(of: #"from="2014-07-03""#, with: #"from="2020-01-01""#)
            .replacingOccurrences(of: #"id="kz-cc-73-4"#, with: #"id="kz-cc-73-4-2020"#)
            .replacingOccurrences(of: #"id="kz-term-reduction-court""#, with: #"id="kz-term-reduction-court-2020""#)
        var text = kz
        text.insert(contentsOf: "\n" + copy, at: end.upperBound)
        try scratch.write(text, to: "jurisdictions/kz.xml")
        let report = try scratch.validate()
        let d = try #require(report.diagnostics.first { $0.message.contains("overlaps") })
        #expect(d.message.contains("kz-term-reduction-2020"))
        #expect(d.file.hasSuffix("kz.xml"))
    }

    @Test func fileNameMustMatchTheJurisdictionId() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        try FileManager.default.moveItem(atPath: scratch.path("jurisdictions/kz.xml"),
                                         toPath: scratch.path("jurisdictions/kaz.xml"))
        let report = try scratch.validate()
        #expect(report.diagnostics.contains { $0.message.contains("does not match its file name") })
    }

    @Test func missingCorpusDirectoryIsOneClearError() throws {
        let error = try #require(throws: CorpusError.self) {
            try CorpusLoader(location: CorpusLocation(corpusDirectory: "/nonexistent/corpus")).validate()
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.description.contains("corpus directory not found"))
    }
}

@Suite struct InstrumentCorpusTests {
    static let corpus = try? CorpusLoader(location: CorpusLocation.bundled).load()

    @Test func everyInstrumentOfChapterOneIsEncoded() throws {
        let corpus = try #require(Self.corpus)
        let ids = Set(corpus.instruments.map(\.id))
        for id in ["udhr", "iccpr", "hrc-gc-35", "echr", "crc", "achr", "tokyo-rules", "beijing-rules", "bangkok-rules",
                   "mandela-rules", "smr-1955", "european-prison-rules", "coe-res-76-2", "coe-rec-2003-22", "ets-51",
                   "coe-rec-r-92-16", "coe-rec-2010-1", "oas-overcrowding-2012", "cat-terminally-ill"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        for i in corpus.instruments {
            #expect(!i.citations.isEmpty, "\(i.id)")
            for p in i.provisions { #expect(!p.citations.isEmpty, "\(p.id)") }
        }
    }

    /// The checks the issue names, each stated over a regime feature the engine can evaluate.
    @Test(arguments: [("coe-rec-2003-22", "category-excluded", true), ("beijing-rules", "juvenile-earlier-threshold", false),
                      ("bangkok-rules", "caretaking-considered", false), ("mandela-rules", "supervision-by-police", true)])
    func conformanceCheckIsDeclared(_ instrument: String, _ feature: String, _ conflictWhenPresent: Bool) throws {
        let corpus = try #require(Self.corpus)
        let i = try #require(corpus.instrument(instrument))
        let checks = i.provisions.flatMap(\.checks).filter { $0.feature == feature }
        #expect(checks.contains { $0.conflictWhenPresent == conflictWhenPresent })
        #expect(corpus.vocabulary.contains(feature, in: "regime-feature"))
    }

    @Test func citedCasesKeepTheReportsFootnoteErrors() throws {
        let corpus = try #require(Self.corpus)
        #expect(corpus.cases.count >= 10)
        #expect(corpus.cases.contains { !$0.footnoteErrors.isEmpty })
        for c in corpus.cases { #expect(!c.citations.isEmpty, "\(c.id)") }
    }
}
