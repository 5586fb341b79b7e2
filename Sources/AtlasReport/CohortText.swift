import AtlasEngine
import AtlasModel

/// A cohort's counts in words and tables (`parole cohort`): per scenario and mechanism, who is eligible when; per
/// reform scenario, how the dates move and what custody it could save; and what the undetermined lack.
public struct CohortReport: Sendable {
    public let tally: CohortTally
    /// The scenarios' names, the law first.
    public let scenarios: [String]
    /// A grant rate the user assumes (0…1), applied to the custody saved; `nil` when not given.
    public let grantRate: Double?
    public let synthetic: Bool
    /// How the reader gives the grant rate (a flag on the command line, a field on the web).
    public var grantRateOption = "grant-rate"

    public init(tally: CohortTally, scenarios: [String], grantRate: Double?, synthetic: Bool) {
        self.tally = tally
        self.scenarios = scenarios
        self.grantRate = grantRate
        self.synthetic = synthetic
    }

    func mechanismName(_ key: CohortTally.MechanismKey, _ w: Wording) -> String {
        "\(key.jurisdiction) \(OutcomeText.kindName(key.kind, w))"
    }

    func scenarioName(_ index: Int, _ w: Wording) -> String { index == 0 ? w.text(.cohortScenarioLaw) : scenarios[index] }

    /// Person-years from days.
    static func years(_ days: Int) -> Double { Double(days) / 365.25 }

    func horizonDate(_ year: Int) -> CalendarDate { tally.asOf.adding(months: 12 * year) }

    // MARK: text

    public func text(_ w: Wording, markdown: Bool) -> String {
        var out: [String] = []
        let heading = { (s: String) in markdown ? "## " + s : s }
        out.append((markdown ? "# " : "") + w.text(.cohortHeading, ["people": "\(tally.people)", "asOf": tally.asOf.description]))
        if synthetic { out.append(w.text(.cohortSynthetic)) }
        out.append("")
        out.append(render(countsTable(w), markdown))
        for s in 1..<max(1, tally.scenarios) {
            out.append("")
            out.append(heading(w.text(.cohortChangesHeading, ["scenario": scenarios[s]])))
            out.append("")
            out.append(render(changesTable(scenario: s, w), markdown))
        }
        if tally.scenarios > 1 {
            out.append("")
            // Prose is wrapped as the tables are, so that the page fits a terminal.
            out += TextTable.wrap(w.text(.cohortSavedNote), width: 120)
            if let grantRate {
                out += TextTable.wrap(w.text(.cohortRateNote, ["rate": w.numbers.percent(grantRate), "option": grantRateOption]),
                                      width: 120)
            }
        }
        let missing = missingLines(w)
        if !missing.isEmpty {
            out.append("")
            out.append(heading(w.text(.cohortMissingHeading)))
            out += missing.map { (markdown ? "- " : "  • ") + $0 }
        }
        return out.joined(separator: "\n")
    }

    private func render(_ table: TextTable, _ markdown: Bool) -> String { markdown ? table.markdown() : table.rendered() }

    func countsTable(_ w: Wording) -> TextTable {
        let horizon = (1...max(1, tally.horizonYears)).prefix(tally.horizonYears).map {
            w.text(.cohortColumnEligibleBy, ["date": horizonDate($0).description])
        }
        let header = [w.text(.cohortColumnScenario), w.text(.columnMechanism),
                      w.text(.cohortColumnEligibleNow, ["date": tally.asOf.description])] + horizon
            + [w.text(.cohortColumnOwed), w.text(.cohortColumnDepends), w.text(.cohortColumnNotAvailable)]
        var rows: [[String]] = []
        for s in 0..<tally.scenarios {
            for (m, key) in tally.mechanisms.enumerated() {
                let c = tally.counts[s][m]
                let available = c.count(.available) + c.count(.availableNoThreshold)
                let undetermined = c.count(.undetermined)
                rows.append([scenarioName(s, w), mechanismName(key, w), "\(c.eligibleNow)"] + c.eligibleBy.map { "\($0)" }
                    + ["\(c.mandatory)", "\(undetermined)", "\(tally.people - available - undetermined)"])
            }
        }
        // Numbers are short and their headings long: the headings wrap, so the table fits a terminal.
        var limits = [0: 26, 1: 20]
        for column in 2..<header.count { limits[column] = 10 }
        return TextTable(header: header, rows: rows, columnLimits: limits)
    }

    func changesTable(scenario s: Int, _ w: Wording) -> TextTable {
        let savedHeader = w.text(.cohortColumnSaved)
            + (grantRate.map { " / " + w.text(.cohortColumnSavedAtRate, ["rate": w.numbers.percent($0)]) } ?? "")
        let header = [w.text(.columnMechanism), w.text(.cohortColumnEarlier), w.text(.cohortColumnLater),
                      w.text(.cohortColumnSame), w.text(.cohortColumnNowAvailable), w.text(.cohortColumnNoLongerAvailable),
                      w.text(.cohortColumnNowOwed), w.text(.cohortColumnShift), savedHeader]
        let rows = tally.mechanisms.enumerated().map { m, key -> [String] in
            let c = tally.changes[s - 1][m]
            let shift = c.quantile(0.5).map { median in
                "\(median) (\(c.quantile(0.1)!)…\(c.quantile(0.9)!))"
            } ?? "—"
            let years = Self.years(c.daysSaved)
            let saved = w.numbers.decimal(years, digits: 1)
                + (grantRate.map { " / " + w.numbers.decimal(years * $0, digits: 1) } ?? "")
            return [mechanismName(key, w), "\(c.earlier)", "\(c.later)", "\(c.same)", "\(c.nowAvailable)",
                    "\(c.noLongerAvailable)", "\(c.nowMandatory)", shift, saved]
        }
        var limits = [0: 20, 7: 18, 8: 22]
        for column in 1..<7 { limits[column] = 11 }
        return TextTable(header: header, rows: rows, columnLimits: limits)
    }

    func missingLines(_ w: Wording) -> [String] {
        var lines: [String] = []
        for s in 0..<tally.scenarios {
            for (m, key) in tally.mechanisms.enumerated() {
                for (fact, people) in tally.counts[s][m].missingFacts {
                    lines.append(w.text(.cohortMissingLine, ["mechanism": mechanismName(key, w), "scenario": scenarioName(s, w),
                                                             "fact": w.factName(fact), "people": "\(people)"]))
                }
            }
        }
        return lines
    }

    // MARK: CSV and JSON

    /// One record per scenario, mechanism and measure: `scenario,jurisdiction,mechanism,measure,value` (measures
    /// are stable English keys, so a spreadsheet's formulas survive a change of language).
    public func csv() -> String {
        var rows: [[String]] = []
        for s in 0..<tally.scenarios {
            let name = s == 0 ? "law" : scenarios[s]
            for (m, key) in tally.mechanisms.enumerated() {
                let c = tally.counts[s][m]
                func add(_ measure: String, _ value: String) { rows.append([name, key.jurisdiction, key.mechanism, measure, value]) }
                add("people", "\(tally.people)")
                for (i, status) in MechanismOutcome.Status.allCases.enumerated() { add("status.\(status.rawValue)", "\(c.byStatus[i])") }
                add("eligible.\(tally.asOf)", "\(c.eligibleNow)")
                for (k, n) in c.eligibleBy.enumerated() { add("eligible.\(horizonDate(k + 1))", "\(n)") }
                add("mandatory", "\(c.mandatory)")
                for (fact, n) in c.missingFacts { add("missing.\(fact)", "\(n)") }
                if s > 0 {
                    let d = tally.changes[s - 1][m]
                    for (measure, value) in [("earlier", d.earlier), ("later", d.later), ("same", d.same),
                                             ("now-available", d.nowAvailable), ("no-longer-available", d.noLongerAvailable),
                                             ("now-mandatory", d.nowMandatory), ("no-longer-mandatory", d.noLongerMandatory),
                                             ("days-saved", d.daysSaved)] {
                        add(measure, "\(value)")
                    }
                    for q in [10, 25, 50, 75, 90] { add("shift-days.p\(q)", d.quantile(Double(q) / 100).map(String.init) ?? "") }
                }
            }
        }
        return TextTableData(header: ["scenario", "jurisdiction", "mechanism", "measure", "value"], rows: rows).csv + "\n"
    }

    public func json(_ w: Wording, provenance: Provenance, effective: CalendarDate?, ignoredColumns: [String]) -> JSONValue {
        .object([
            ("provenance", provenance.json),
            ("language", .string(w.language.rawValue)),
            ("people", .int(tally.people)),
            ("synthetic", .bool(synthetic)),
            ("asOf", .string(tally.asOf.description)),
            ("effective", effective.map { .string($0.description) } ?? .null),
            ("horizon", .array((0...tally.horizonYears).map { .string(horizonDate($0).description) })),
            ("grantRate", grantRate.map { .decimal($0, digits: 4) } ?? .null),
            ("ignoredColumns", .array(ignoredColumns.map(JSONValue.string))),
            ("scenarios", .array((0..<tally.scenarios).map { s in
                .object([
                    ("name", .string(s == 0 ? "law" : scenarios[s])),
                    ("label", .string(scenarioName(s, w))),
                    ("mechanisms", .array(tally.mechanisms.enumerated().map { m, key in mechanismJSON(s, m, key, w) })),
                ])
            })),
        ])
    }

    private func mechanismJSON(_ s: Int, _ m: Int, _ key: CohortTally.MechanismKey, _ w: Wording) -> JSONValue {
        let c = tally.counts[s][m]
        var fields: [(String, JSONValue)] = [
            ("jurisdiction", .string(key.jurisdiction)), ("mechanism", .string(key.mechanism)), ("kind", .string(key.kind)),
            ("statuses", .object(MechanismOutcome.Status.allCases.enumerated().map { ($1.rawValue, .int(c.byStatus[$0])) })),
            ("eligible", .array([.int(c.eligibleNow)] + c.eligibleBy.map(JSONValue.int))),
            ("mandatory", .int(c.mandatory)),
            ("missingFacts", .array(c.missingFacts.map { .object([("fact", .string($0.fact)), ("label", .string(w.factName($0.fact))),
                                                                  ("people", .int($0.people))]) })),
        ]
        if s > 0 {
            let d = tally.changes[s - 1][m]
            let years = Self.years(d.daysSaved)
            fields.append(("change", .object([
                ("earlier", .int(d.earlier)), ("later", .int(d.later)), ("same", .int(d.same)),
                ("nowAvailable", .int(d.nowAvailable)), ("noLongerAvailable", .int(d.noLongerAvailable)),
                ("nowMandatory", .int(d.nowMandatory)), ("noLongerMandatory", .int(d.noLongerMandatory)),
                ("shiftDays", .object([10, 25, 50, 75, 90].map { q in ("p\(q)", d.quantile(Double(q) / 100).map(JSONValue.int) ?? .null) })),
                ("daysSaved", .int(d.daysSaved)),
                ("personYearsSaved", .decimal(years, digits: 1)),
                ("personYearsSavedAtGrantRate", grantRate.map { .decimal(years * $0, digits: 1) } ?? .null),
            ])))
        }
        return .object(fields)
    }
}
