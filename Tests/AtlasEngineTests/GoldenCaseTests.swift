import AtlasCorpus
import AtlasEngine
import AtlasInput
import AtlasModel
import Foundation
import Testing

/// One golden case: a case worked out by hand from the cited law, and the outcome it must produce.
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
    /// The case, read as a case file is read (`CaseFile.parse`), so a golden case states facts by the same keys
    /// a user does and takes every fact of the catalogue without a line here.
    struct Input: Sendable {
        var draft = CaseDraft()
    }

    /// Expected values; a key absent from the file is not checked, an explicit `null` is.
    struct Expected: Decodable, Sendable {
        var status: String?
        var earliestDate: Field<String>
        var requiredServed: Field<String>
        var fraction: Field<String>
        var mandatory: Bool?
        var reasonRule: Field<String>
        var missingFacts: [String]?
        /// Branches the outcome must show (others may be shown too), each found by what it assumes.
        var branches: [ExpectedBranch]?

        enum CodingKeys: String, CodingKey {
            case status, earliestDate, requiredServed, fraction, mandatory, reasonRule, missingFacts, branches
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decodeIfPresent(String.self, forKey: .status)
            earliestDate = try Field(c, .earliestDate)
            requiredServed = try Field(c, .requiredServed)
            fraction = try Field(c, .fraction)
            mandatory = try c.decodeIfPresent(Bool.self, forKey: .mandatory)
            reasonRule = try Field(c, .reasonRule)
            missingFacts = try c.decodeIfPresent([String].self, forKey: .missingFacts)
            branches = try c.decodeIfPresent([ExpectedBranch].self, forKey: .branches)
        }
    }

    /// A branch by what it assumes: values of facts (`assume`), the last offence date of a range
    /// (`offenceThrough`), or the claim whose reading it follows (`reading`).
    struct ExpectedBranch: Decodable, Sendable {
        var assume: [String: Bool]?
        var offenceThrough: String?
        var reading: String?
        var status: String
        var earliestDate: String?

        func matches(_ b: Branch) -> Bool {
            if let assume, Dictionary(uniqueKeysWithValues: b.assumption.map { ($0.fact, $0.value) }) != assume { return false }
            if let offenceThrough, b.offence?.through.description != offenceThrough { return false }
            if let reading, b.reading?.claim != reading { return false }
            return assume != nil || offenceThrough != nil || reading != nil
        }
    }

    var file: String = ""
    /// The jurisdiction the case is run under: the name of the folder the file is in (Golden/kz/…).
    var jurisdiction: String = "kz"
    var name: String
    var citation: String
    var input: Input
    var expected: [String: Expected]
    /// Reforms (ids of corpus/reforms) applied on top of the law, in order, from `effective` on: the case is then
    /// decided under the reformed law, by the same simulator.
    var reforms: [String] = []
    var effective: String?

    enum CodingKeys: String, CodingKey { case name, citation, expected, reforms, effective }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        citation = try c.decode(String.self, forKey: .citation)
        expected = try c.decode([String: Expected].self, forKey: .expected)
        reforms = try c.decodeIfPresent([String].self, forKey: .reforms) ?? []
        effective = try c.decodeIfPresent(String.self, forKey: .effective)
        input = Input()
    }

    init(file: String, name: String, citation: String, input: Input, expected: [String: Expected]) {
        self.file = file
        self.name = name
        self.citation = citation
        self.input = input
        self.expected = expected
    }

    /// The `input` object of a golden file, read by the case-file reader.
    static func input(of file: Data, place: String) throws -> Input {
        let object = try JSONSerialization.jsonObject(with: file) as? [String: Any]
        let input = try JSONSerialization.data(withJSONObject: object?["input"] ?? [String: Any]())
        return Input(draft: try CaseFile.parse(input, place: place))
    }

    var testDescription: String { "\(file): \(name)" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Every golden file under `Golden/`, sorted by path.
    static func all() -> [GoldenCase] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        let files = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
        return files.map { url in
            do {
                let data = try Data(contentsOf: url)
                var g = try JSONDecoder().decode(GoldenCase.self, from: data)
                g.input = try input(of: data, place: url.lastPathComponent)
                g.file = url.deletingPathExtension().lastPathComponent
                g.jurisdiction = url.deletingLastPathComponent().lastPathComponent
                return g
            } catch {
                return GoldenCase(file: url.lastPathComponent, name: "UNREADABLE: \(error)", citation: "",
                                  input: Input(), expected: [:])
            }
        }
    }
}

/// A JSON field that is either absent (not checked), `null`, or a value.
enum Field<T: Decodable & Sendable & Equatable>: Sendable {
    case unchecked
    case value(T?)

    init<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws {
        if !c.contains(key) { self = .unchecked; return }
        self = .value(try c.decodeNil(forKey: key) ? nil : c.decode(T.self, forKey: key))
    }
}

@Suite struct GoldenCaseTests {
    static let corpus: Corpus? = try? CorpusLoader(location: CorpusLocation.bundled).load()
    static let today = CalendarDate(iso: "2026-11-25")!

    @Test func thereAreEnoughGoldenCases() {
        let cases = GoldenCase.all()
        #expect(cases.count >= 15)
        #expect(!cases.contains { $0.name.hasPrefix("UNREADABLE") })
    }

    @Test(arguments: GoldenCase.all())
    func goldenCase(_ g: GoldenCase) throws {
        var corpus = try #require(Self.corpus)
        #expect(!g.citation.isEmpty, "each golden case names its legal basis")
        let facts = try g.input.draft.build(vocabulary: corpus.vocabulary, today: Self.today)
        if !g.reforms.isEmpty {
            let reforms = try g.reforms.map { id in try #require(corpus.reform(id)?.reform, "no reform \(id)") }
            let effective = try #require(g.effective.flatMap(CalendarDate.init(iso:)), "a reform case states its effective date")
            corpus.jurisdictions = try ReformStack(reforms).apply(to: corpus.jurisdictions, effective: effective)
        }
        let jurisdiction = try #require(corpus.jurisdiction(g.jurisdiction), "no jurisdiction \(g.jurisdiction)")
        let outcome = Simulator(corpus: corpus).simulate(facts, in: jurisdiction)
        #expect(!g.expected.isEmpty)
        for (mechanismID, want) in g.expected.sorted(by: { $0.key < $1.key }) {
            let got = try #require(outcome.mechanisms.first { $0.mechanism.id == mechanismID }, "no \(mechanismID)")
            let context = "\(g.file) \(mechanismID)"
            if let status = want.status { #expect(got.status.rawValue == status, "\(context)") }
            if case .value(let v) = want.earliestDate { #expect(got.earliestDate?.description == v, "\(context)") }
            if case .value(let v) = want.requiredServed { #expect(got.requiredServed?.iso8601 == v, "\(context)") }
            if case .value(let v) = want.fraction { #expect(got.fraction?.description == v, "\(context)") }
            if let m = want.mandatory { #expect(got.mandatory == m, "\(context)") }
            if case .value(let v) = want.reasonRule { #expect(got.reason?.ruleID == v, "\(context)") }
            if let missing = want.missingFacts { #expect(got.missingFacts == missing, "\(context)") }
            for branch in want.branches ?? [] {
                let found = got.branches.first(where: branch.matches)
                #expect(found?.status.rawValue == branch.status, "\(context): branch \(branch)")
                if let date = branch.earliestDate { #expect(found?.earliestDate?.description == date, "\(context): branch \(branch)") }
            }
            // Every outcome explains itself: a trace, and a cited reason when unavailable.
            #expect(!got.trace.isEmpty)
            if !got.available, got.status != .undetermined {
                #expect(got.reason?.citations.isEmpty == false, "\(context): unavailable without a cited reason")
            }
        }
    }
}
