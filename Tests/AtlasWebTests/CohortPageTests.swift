import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import Testing
@testable import AtlasWeb

/// `/cohort` with reforms picked and a grant rate: the reform's scenario and its change against the law equal what
/// the library's `CohortTally` counts for the same file, the chart draws one series per scenario with the tally's
/// counts, and a bad grant rate or reform is refused in the page's language with the form kept filled.
@Suite struct CohortPageTests {
    static let reform = "kz-rec-juvenile-one-third"
    static let asOf = CalendarDate(iso: "2026-01-01")!
    static let horizon = 3
    /// Juveniles, whose earliest date the reform moves, and an adult, whose date it does not.
    static let people = """
        id,term,category,start,juvenile
        j-1,9y,grave,2022-01-10,true
        j-2,6y,medium,2023-05-01,true
        j-3,4y,grave,2024-03-01,true
        a-1,9y,grave,2022-01-10,false

        """

    /// The file counted directly through the library: the home jurisdiction's law, and the reform from the as-of date.
    static func tally() throws -> CohortTally {
        let corpus = TestSite.corpus
        let law = corpus.jurisdictions.filter { $0.id == corpus.home.jurisdiction }
        let chosen = try #require(try ReformChoice.reforms(named: reform, in: corpus))
        let laws = [law, try ReformStack(chosen).apply(to: law, effective: asOf)].map {
            CompiledLaw(jurisdictions: $0, crosswalk: corpus.crosswalk, home: corpus.home)
        }
        var tally = CohortTally(mechanisms: laws[0].mechanismKeys, scenarios: 2, asOf: asOf, horizonYears: horizon)
        var file = try PopulationFile(bytes: Array(people.utf8), name: "test")
        let layout = file.layout
        while let person = try file.next() {
            let facts = try layout.facts(of: person, asOf: asOf, vocabulary: corpus.vocabulary)
            tally.add(laws.map { law in
                var decisions: [CohortDecision] = []
                law.decide(facts, into: &decisions)
                return decisions
            }, termEnd: facts.termEnd)
        }
        return tally
    }

    static func fields(_ extra: [(String, String)] = []) -> [(String, String)] {
        [("as-of", asOf.description), ("horizon", "\(horizon)y"), ("reform", reform), ("grant-rate", "0.5")] + extra
    }

    final class Bars: NSObject, XMLParserDelegate {
        var root: String?
        var bars: [[String: String]] = []
        var legend: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "rect", attributes["class"] == "bar" { bars.append(attributes) }
            if attributes["class"] == "legend-item", let s = attributes["data-scenario"] { legend.append(s) }
        }
    }

    func parsed(_ svg: String) throws -> Bars {
        let parser = XMLParser(data: Data(svg.utf8))
        let bars = Bars()
        parser.delegate = bars
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return bars
    }

    @Test("The reform's scenario is shown with the change the library counts, the grant rate labelled")
    func reformScenario() async throws {
        let tally = try Self.tally()
        let m = try #require(tally.mechanisms.firstIndex { $0.mechanism == "kz-parole" })
        let change = tally.changes[0][m]
        // The file is made so that the reform moves some dates: a test of nothing moved could not fail.
        #expect(change.earlier > 0)
        let page = try await TestUpload.post("/cohort?lang=en", body: TestUpload.form(Self.fields(), file: Self.people))
        #expect(page.status == .ok)
        #expect(page.body.contains(HTMLText.escaped(CohortPhrase.cohortChangesHeading.text(.en, ["scenario": Self.reform]))))
        #expect(page.body.contains("<td>\(change.earlier)</td><td>\(change.later)</td><td>\(change.same)</td>"
            + "<td>\(change.nowAvailable)</td><td>\(change.noLongerAvailable)</td><td>\(change.nowMandatory)</td>"))
        let median = try #require(change.quantile(0.5))
        #expect(page.body.contains("<td>\(median) (\(change.quantile(0.1)!)…\(change.quantile(0.9)!))</td>"))
        let years = Double(change.daysSaved) / 365.25
        let numbers = LanguageNumbers(.en)
        #expect(page.body.contains("<td>" + numbers.decimal(years, digits: 1) + " / " + numbers.decimal(years * 0.5, digits: 1)
            + "</td>"))
        #expect(page.body.contains(HTMLText.escaped(CohortPhrase.cohortRateNote.text(.en, [
            "rate": numbers.percent(0.5), "option": InputText.quoted(WebPhrase.formGrantRate.text(.en))]))))
        // The choice comes back in the form.
        #expect(page.body.contains("<option value=\"\(Self.reform)\" selected>"))
        #expect(page.body.contains("name=\"grant-rate\" value=\"0.5\""))

        // The downloads carry the same scenarios and grant rate.
        let json = try await TestUpload.post("/cohort", body: TestUpload.form(Self.fields([("format", "json")]), file: Self.people))
        let document = try #require(try json.json as? [String: Any])
        #expect(document["grantRate"] as? Double == 0.5)
        #expect(document["effective"] as? String == Self.asOf.description)
        let scenarios = try #require(document["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["name"] as? String } == ["law", Self.reform])
        let parole = try #require((scenarios[1]["mechanisms"] as? [[String: Any]])?.first { $0["mechanism"] as? String == "kz-parole" })
        let changed = try #require(parole["change"] as? [String: Any])
        #expect(changed["earlier"] as? Int == change.earlier)
        #expect(changed["later"] as? Int == change.later)
        #expect(changed["daysSaved"] as? Int == change.daysSaved)
        #expect((changed["shiftDays"] as? [String: Any])?["p50"] as? Int == median)
        let csv = try await TestUpload.post("/cohort", body: TestUpload.form(Self.fields([("format", "csv")]), file: Self.people))
        #expect(csv.body.contains("\n\(Self.reform),kz,kz-parole,earlier,\(change.earlier)\n"))
        #expect(csv.body.contains("\n\(Self.reform),kz,kz-parole,days-saved,\(change.daysSaved)\n"))
    }

    @Test("The chart has one series per scenario, each bar the tally's count, inline and as a download",
          arguments: Language.allCases)
    func chart(language: Language) async throws {
        let tally = try Self.tally()
        let page = try await TestUpload.post("/cohort?lang=" + language.rawValue,
                                             body: TestUpload.form(Self.fields(), file: Self.people))
        #expect(page.status == .ok)
        let start = try #require(page.body.range(of: "<svg "))
        let end = try #require(page.body.range(of: "</svg>"))
        let inline = String(page.body[start.lowerBound..<end.upperBound])
        #expect(!inline.contains("style="))
        let download = try await TestUpload.post("/cohort?lang=" + language.rawValue,
                                                 body: TestUpload.form(Self.fields([("format", "svg")]), file: Self.people))
        #expect(download.status == .ok)
        #expect(download.headers[.contentType] == "image/svg+xml; charset=utf-8")
        #expect(download.body.hasPrefix("<?xml"))
        #expect(download.body.contains("xml:lang=\"\(language.rawValue)\""))
        for svg in [inline, download.body] {
            let shapes = try parsed(svg)
            #expect(shapes.root == "svg")
            #expect(shapes.legend == ["law", Self.reform])
            #expect(Set(shapes.bars.compactMap { $0["data-scenario"] }) == ["law", Self.reform])
            #expect(shapes.bars.count == 2 * tally.mechanisms.count * (Self.horizon + 1))
            let dates = (0...Self.horizon).map { Self.asOf.adding(months: 12 * $0).description }
            for (s, name) in ["law", Self.reform].enumerated() {
                for (m, key) in tally.mechanisms.enumerated() {
                    let drawn = shapes.bars.filter {
                        $0["data-scenario"] == name && $0["data-mechanism"] == key.jurisdiction + "/" + key.mechanism
                    }
                    #expect(drawn.map { $0["data-date"] ?? "" } == dates)
                    let counts = tally.counts[s][m]
                    #expect(drawn.map { Int($0["data-value"] ?? "") ?? -1 } == [counts.eligibleNow] + counts.eligibleBy,
                            "\(name) \(key.mechanism)")
                }
            }
        }
        #expect(inline.contains(CohortPhrase.cohortChartAxisPeople.text(language)))
    }

    @Test("A grant rate that is not a share from 0 to 1 is a 400 naming the field, in the page's language, the form kept",
          arguments: Language.allCases)
    func badGrantRate(language: Language) async throws {
        let fields = Self.fields().filter { $0.0 != "grant-rate" } + [("grant-rate", "1.5")]
        let page = try await TestUpload.post("/cohort?lang=" + language.rawValue, body: TestUpload.form(fields, file: Self.people))
        #expect(page.status == .badRequest)
        #expect(page.body.contains("class=\"error\""))
        #expect(page.body.contains(HTMLText.escaped(WebPhrase.errorGrantRate.text(language, [
            "field": WebPhrase.formGrantRate.text(language), "value": InputText.quoted("1.5")]))))
        #expect(!page.body.contains("<table>"))
        #expect(page.body.contains("name=\"grant-rate\" value=\"1.5\""))
        #expect(page.body.contains("<option value=\"\(Self.reform)\" selected>"))
        #expect(page.body.contains("j-2,6y,medium,2023-05-01,true"))
    }

    @Test("An unknown reform is a 400 with the nearest id, in the page's language")
    func unknownReform() async throws {
        let fields = Self.fields().filter { $0.0 != "reform" } + [("reform", "kz-rec-juvenile-one-thrid")]
        let page = try await TestUpload.post("/cohort?lang=ru", body: TestUpload.form(fields, file: Self.people))
        #expect(page.status == .badRequest)
        #expect(page.body.contains(HTMLText.escaped(WebPhrase.errorUnknownReform.text(.ru, [
            "value": InputText.quoted("kz-rec-juvenile-one-thrid")]))))
        #expect(page.body.contains(Self.reform))
    }
}
