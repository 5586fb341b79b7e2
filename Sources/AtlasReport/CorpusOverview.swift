import Foundation
import AtlasEngine
import AtlasModel

/// Summaries across the corpus: the country list, side-by-side comparisons and the coverage report.
public struct CorpusOverview: Sendable {
    public let corpus: Corpus
    public let asOf: CalendarDate?
    public let language: Language

    public init(corpus: Corpus, asOf: CalendarDate?, language: Language = .en) {
        self.corpus = corpus
        self.asOf = asOf
        self.language = language
    }

    var conditions: ConditionText { ConditionText(vocabulary: corpus.vocabulary, language: language) }

    var words: RegimeWords { RegimeWords(vocabulary: corpus.vocabulary, language: language) }

    /// The versions shown: the one in force on `asOf`, or the latest when no date is given.
    func versions(_ j: Jurisdiction) -> [(ReleaseMechanism, MechanismVersion)] {
        j.mechanisms.compactMap { m in
            let v = asOf.map { m.version(inForceOn: $0) } ?? m.versions.last
            return v.map { (m, $0) }
        }
    }

    func inForce(_ v: Validity) -> Bool { asOf.map(v.contains) ?? true }

    /// A mechanism kind as a cell names it (see `RegimeWords.shortTermName`).
    func kind(_ m: ReleaseMechanism) -> String { words.shortTermName(m.kind, in: "mechanism-kind") }

    // MARK: countries

    /// One line per jurisdiction: id, name, family, mechanisms, headline threshold.
    public func countryRows(family: String?) -> [[String]] {
        countryRows(CountryFilter(family: family))
    }

    /// The jurisdictions `filter` admits, sorted by id.
    public func countries(_ filter: CountryFilter) -> [Jurisdiction] {
        corpus.jurisdictions.filter { filter.admits($0, in: self) }.sorted { $0.id < $1.id }
    }

    /// One line per jurisdiction `filter` admits, as `countryRows(family:)`.
    public func countryRows(_ filter: CountryFilter) -> [[String]] {
        countries(filter).map { j in
            [j.id, words.text(j.names, j.id),
             words.label(j.legalFamily, in: "legal-family"),
             Self.distinct(versions(j).map { kind($0.0) }).joined(separator: ", "),
             headline(j),
             j.discrepancies.isEmpty ? "" : "\(j.discrepancies.count) ⚠"]
        }
    }

    /// `names` without repeats, in their first order: two mechanisms of one kind (Canada's full and day parole)
    /// are one kind in a list of kinds.
    static func distinct(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// The column names of `countryRows` in `language`.
    public static func countryHeader(_ language: Language) -> [String] {
        [RegimePhrase.overviewColumnId, .overviewColumnName, .overviewColumnLegalFamily, .overviewColumnMechanisms,
         .overviewColumnHeadline, .overviewColumnDisputes].map { $0.text(language) }
    }

    /// The JSON keys of `countryHeader`'s columns.
    public static let countryKeys = ["id", "name", "legalFamily", "mechanisms", "headline", "discrepancies"]

    /// `countries --format json`: an array of rows, every value a string. Each row ends with the provenance's
    /// `program` and `corpus` as two more strings, so that the output stays an array and its rows stay maps of
    /// strings (a nested object would break a reader that takes a row as string to string).
    public static func countriesJSON(_ rows: [[String]], provenance: Provenance?) -> JSONValue {
        .array(rows.map { row in
            .object(zip(countryKeys, row).map { ($0, .string($1)) } + (provenance?.fields ?? []))
        })
    }

    /// `countriesJSON` with each row's typed values (`CountryFacts.jsonFields`: kinds and shares as lists, counts
    /// as numbers) after the string columns, which keep their names and meaning.
    public func countriesJSON(_ jurisdictions: [Jurisdiction], rows: [[String]], provenance: Provenance?) -> JSONValue {
        .array(zip(jurisdictions, rows).map { j, row in
            .object(zip(Self.countryKeys, row).map { ($0, .string($1)) } + CountryFacts(j, self).jsonFields
                + (provenance?.fields ?? []))
        })
    }

    /// The shares and fixed times of the first mechanism with thresholds, e.g. "parole: 1/3, 1/2, 2/3, fixed 25y".
    public func headline(_ j: Jurisdiction) -> String {
        for (m, v) in versions(j) {
            let ts = v.thresholds.filter { inForce($0.validity) }
            guard !ts.isEmpty else { continue }
            let fractions = Array(Set(ts.compactMap { t in t.fraction.map { ($0, t.fractionBase) } }
                .filter { $0.1 == .term }.map(\.0))).sorted()
            var parts = fractions.map(\.description)
            // Sorted by length before they are written, so that the order does not depend on the language.
            let fixed = Array(Set(ts.compactMap(\.fixed))).sorted(by: Self.shorter).map(words.shortDuration)
            if !fixed.isEmpty { parts.append(words.phrase(.overviewFixed, ["durations": fixed.joined(separator: "/")])) }
            let minimums = Array(Set(ts.compactMap(\.minimum))).sorted(by: Self.shorter).map(words.shortDuration)
            if !minimums.isEmpty {
                parts.append(words.phrase(.overviewMinimum, ["durations": minimums.joined(separator: "/")]))
            }
            return "\(kind(m)): " + parts.joined(separator: ", ")
        }
        return words.phrase(.overviewNotStated)
    }

    static func shorter(_ a: CalendarDuration, _ b: CalendarDuration) -> Bool {
        (a.years, a.months, a.days) < (b.years, b.months, b.days)
    }

    // MARK: compare

    public enum Aspect: String, CaseIterable, Sendable {
        case thresholds, body, revocation, exclusions, supervision

        /// The aspect's name in `language`: its flag value in English.
        public func name(_ language: Language) -> String {
            switch self {
            case .thresholds: RegimePhrase.overviewAspectThresholds.text(language)
            case .body: RegimePhrase.overviewAspectBody.text(language)
            case .revocation: RegimePhrase.overviewAspectRevocation.text(language)
            case .exclusions: RegimePhrase.overviewAspectExclusions.text(language)
            case .supervision: RegimePhrase.overviewAspectSupervision.text(language)
            }
        }
    }

    /// One cell per aspect and jurisdiction; a cell whose value is in dispute ends with ⚠ and shows each claim.
    public func compareRows(_ ids: [Jurisdiction], aspects: [Aspect]) -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        for aspect in aspects {
            rows.append([aspect.name(language)] + ids.map { cell(aspect, $0) })
        }
        return ([words.phrase(.overviewColumnAspect)] + ids.map(\.id), rows)
    }

    func cell(_ aspect: Aspect, _ j: Jurisdiction) -> String {
        var lines: [String] = []
        for (m, v) in versions(j) {
            switch aspect {
            case .thresholds:
                for t in v.thresholds where inForce(t.validity) {
                    let when = t.condition.map { conditions.describe($0) }.map { " (\($0))" } ?? ""
                    let requirement = t.requirement(language)
                    let shown = requirement.isEmpty ? words.phrase(.regimeNoTimeToServe) : requirement
                    lines.append("\(kind(m)) \(disputed(shown, ids: [t.id], in: j))\(when)")
                }
            case .body:
                for b in v.procedure?.bodies ?? [] where inForce(b.validity) {
                    lines.append("\(kind(m)): " + disputed(words.label(b.kind, in: "body-kind"), ids: [b.id], in: j))
                }
            case .revocation:
                for g in v.revocation?.grounds ?? [] where inForce(g.validity) {
                    let mode: String = switch g.mode {
                    case .discretionary: words.phrase(.regimeModeDiscretionary)
                    case .mandatory: words.phrase(.regimeModeMandatory)
                    case .courtDecides: words.phrase(.regimeModeCourtDecides)
                    }
                    lines.append("\(kind(m)) \(mode): " + words.text(g.labels, g.id))
                }
            case .exclusions:
                for x in v.exclusions where inForce(x.validity) {
                    let unless = x.exceptions.isEmpty ? "" : " " + words.phrase(.overviewUnless, [
                        "exceptions": x.exceptions.map { words.text($0.labels, $0.id) }.joined(separator: "; "),
                    ])
                    lines.append("\(kind(m)): " + disputed(words.text(x.labels, x.id), ids: [x.id], in: j) + unless)
                }
            case .supervision:
                if let s = v.supervision {
                    let period: String
                    switch s.period {
                    case .unservedRemainder: period = words.phrase(.overviewForRemainder)
                    case .fixed(let d): period = words.phrase(.overviewForPeriod, ["duration": words.shortDuration(d)])
                    case .notStated: period = words.phrase(.overviewPeriodNotStated)
                    }
                    lines.append("\(kind(m)): " + words.label(s.by, in: "supervisor") + ", " + period)
                }
            }
        }
        return lines.isEmpty ? words.phrase(.overviewNotStated) : lines.joined(separator: "; ")
    }

    /// `value`, or `value / other claims ⚠` when a discrepancy concerns `ids`.
    func disputed(_ value: String, ids: [String], in j: Jurisdiction) -> String {
        let ds = j.discrepancies(about: ids)
        guard !ds.isEmpty else { return value }
        let others = ds.flatMap { d in
            d.claims.filter { $0.id != d.encodedClaim }.compactMap { c in
                c.fraction?.description ?? c.duration.map(words.shortDuration)
            }
        }
        let alternatives = Array(Set(others)).sorted().filter { $0 != value }
        return ([value] + alternatives).joined(separator: " / ") + " ⚠"
    }

    // MARK: coverage

    public enum CoverageState: String, Sendable { case stated, notStated = "not stated", disputed = "disputed", absent = "—" }

    /// The columns of a coverage report, and the `not-stated` aspects that account for each. An aspect is a term
    /// of the corpus's `aspect` term set (corpus/vocabulary.xml; the schema types `not-stated/@aspect` as a
    /// vocabulary term and the loader refuses any other), so the corpus says which names exist; which column each
    /// falls under is this report's grouping. `CoverageAspectTests` holds the two equal: every name here is an
    /// aspect term, and every aspect term is under some column.
    public static let coverageAspects: [(name: String, notStatedTerms: Set<String>)] = [
        ("mechanisms", []),
        // Every aspect about the time to serve, for whichever mechanism or group it is stated.
        ("thresholds", ["eligibility-threshold", "minimum-time", "cooperation-minor-medium",
                        "replacement-threshold-repeat", "term-reduction-threshold", "good-conduct-credit"]),
        ("life", ["life-threshold"]), ("juveniles", ["juvenile-thresholds"]),
        ("deciding-body", ["deciding-body", "decision-kind"]),
        ("procedure", ["hearing-time-limit", "reapplication-wait"]),
        ("criteria", ["grant-criteria"]), ("supervision", ["supervision", "supervision-duties"]),
        ("revocation", ["revocation", "time-on-release"]), ("exclusions", ["exclusions"]),
    ]

    /// Per jurisdiction and aspect: stated, not stated, in dispute, or absent from the encoding.
    public func coverage(_ j: Jurisdiction) -> [(aspect: String, state: CoverageState)] {
        let vs = j.mechanisms.flatMap(\.versions)
        let notStated = j.notStatedAspects
        let disputedIDs = Set(j.discrepancies.flatMap(\.about))
        func state(_ ids: [String], present: Bool, terms: Set<String>) -> CoverageState {
            if present { return ids.contains(where: disputedIDs.contains) ? .disputed : .stated }
            return notStated.isDisjoint(with: terms) ? .absent : .notStated
        }
        // Coverage counts any mention of the offender's youth, for or against.
        func mentionsJuvenile(_ c: Condition?) -> Bool {
            c?.containsLeaf(throughNegation: true) { leaf in
                switch leaf {
                case .fact(.juvenile, _), .age(.offence, _, _): return true
                default: return false
                }
            } ?? false
        }
        let thresholds = vs.flatMap(\.thresholds)
        let bodies = vs.flatMap { $0.procedure?.bodies ?? [] }
        let life = thresholds.filter { ConformanceEvaluator.mentionsLife($0.condition) }
        let juvenile = thresholds.filter { mentionsJuvenile($0.condition) }
        let criteria = vs.flatMap { $0.grantConditions + $0.mandatoryRelease }
        let exclusions = vs.flatMap(\.exclusions)
        let hasProcedure = vs.contains { ($0.procedure.map { !$0.initiators.isEmpty || !$0.hearing.isEmpty || !$0.appeals.isEmpty || $0.reapplicationWait != nil }) ?? false }
        let terms = Dictionary(uniqueKeysWithValues: Self.coverageAspects.map { ($0.name, $0.notStatedTerms) })
        return [
            ("mechanisms", j.mechanisms.isEmpty ? .absent : .stated),
            ("thresholds", state(thresholds.map(\.id), present: !thresholds.isEmpty, terms: terms["thresholds"]!)),
            ("life", state(life.map(\.id), present: !life.isEmpty, terms: terms["life"]!)),
            ("juveniles", state(juvenile.map(\.id), present: !juvenile.isEmpty, terms: terms["juveniles"]!)),
            ("deciding-body", state(bodies.map(\.id), present: !bodies.isEmpty, terms: terms["deciding-body"]!)),
            ("procedure", state([], present: hasProcedure, terms: terms["procedure"]!)),
            ("criteria", state(criteria.map(\.id), present: !criteria.isEmpty, terms: terms["criteria"]!)),
            ("supervision", state([], present: vs.contains { $0.supervision != nil }, terms: terms["supervision"]!)),
            ("revocation", state(vs.flatMap { $0.revocation?.grounds ?? [] }.map(\.id),
                                 present: vs.contains { $0.revocation != nil }, terms: terms["revocation"]!)),
            ("exclusions", state(exclusions.map(\.id), present: !exclusions.isEmpty, terms: terms["exclusions"]!)),
        ]
    }

    /// The coverage report: a row per jurisdiction, a column per aspect of `coverageAspects`.
    public func coverageTable() -> TextTableData {
        let js = corpus.jurisdictions.sorted { $0.id < $1.id }
        let header = [words.phrase(.overviewColumnId)] + Self.coverageAspects.map { Self.coverageName($0.name, language) }
        let rows = js.map { j in [j.id] + coverage(j).map { c -> String in
            switch c.state {
            case .stated: return "✓"
            case .notStated: return words.phrase(.overviewNotStated)
            case .disputed: return "✓ ⚠"
            case .absent: return "—"
            }
        } }
        return TextTableData(header: header, rows: rows)
    }

    /// What the marks of the coverage table mean, in `language`.
    public static func coverageLegend(_ language: Language) -> String { RegimePhrase.coverageLegend.text(language) }

    /// A column of the coverage table in `language` (its name itself in English).
    static func coverageName(_ name: String, _ language: Language) -> String {
        let phrases: [String: RegimePhrase] = [
            "mechanisms": .coverageMechanisms, "thresholds": .coverageThresholds, "life": .coverageLife,
            "juveniles": .coverageJuveniles, "deciding-body": .coverageDecidingBody, "procedure": .coverageProcedure,
            "criteria": .coverageCriteria, "supervision": .coverageSupervision, "revocation": .coverageRevocation,
            "exclusions": .coverageExclusions,
        ]
        return phrases[name]?.text(language) ?? name
    }
}

/// A header and rows, renderable as aligned text, Markdown or CSV.
public struct TextTableData: Sendable {
    public var header: [String]
    public var rows: [[String]]
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
    public var text: String { TextTable(header: header, rows: rows).rendered() }
    public var markdown: String { TextTable(header: header, rows: rows).markdown() }
    public var csv: String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
    }
}
