import AtlasEngine
import AtlasModel

/// Human-readable renderings of simulation outcomes: an aligned table or Markdown, each followed by the reasons
/// with their citations.
public enum OutcomeText {
    public enum Style: Sendable { case table, markdown }

    /// The outcome as text. One jurisdiction: a row per mechanism and the full explanation. Several: a row per
    /// jurisdiction sorted by earliest release (the `home` row, `Corpus.home`, marked ▶), then the explanation of
    /// those in `explain` (the home jurisdiction when `nil`).
    public static func render(_ facts: Case, _ outcomes: [JurisdictionOutcome], wording: Wording,
                              style: Style, home: String, explain: [String]? = nil,
                              conformance: [String: [ConformanceVerdict]] = [:], explainOption: String? = nil,
                              wide: Bool = false) -> String {
        let explain = explain ?? [home]
        let w = wording
        var out: [String] = []
        let heading = { (s: String) in style == .markdown ? "## \(s)" : s }
        out.append(heading(w.text(.caseHeading)))
        out.append(caseSummary(facts, w))
        out.append("")
        let single = outcomes.count == 1
        // A terminal gets the compact table unless asked for every column; a document gets every column.
        let table = single ? mechanismTable(outcomes[0], w)
            : summaryTable(outcomes, w, style, home: home, wide: wide || style == .markdown)
        let tableIndex = out.count
        out.append(style == .markdown ? table.markdown() : table.rendered())
        if table.rows.contains(where: { $0.contains { $0.contains("⚠") } }) {
            out.append("")
            out.append("⚠ " + w.text(.discrepancyLegend))
        }
        for o in explained(outcomes, home: home, explain: explain) {
            for m in o.mechanisms {
                out.append("")
                out.append(heading(reasoningHeading(o, m, w)))
                out += explanation(m, style: style, w)
            }
            let verdicts = conformance[o.jurisdiction.id] ?? []
            if !verdicts.isEmpty {
                out.append("")
                out.append(heading("\(o.jurisdiction.id) · " + w.text(.standardsHeading)))
                for v in verdicts {
                    out.append(bullet(style) + "\(verdictWord(v.result, w)): \(instrumentName(v.instrument, w)) "
                        + "\(v.provision.number ?? v.provision.id) — \(w.text(v.explanation))" + cites(v.provision.citations))
                }
            }
        }
        if !single, let option = explainOption, !outcomes.contains(where: { explain.contains($0.jurisdiction.id) }) {
            out.append("")
            out.append(w.text(.explainHint, ["option": option]))
        }
        out.append("")
        out += [w.text(.assumptionTerm), w.text(.assumptionLaw)].map { (style == .markdown ? "- " : w.text(.notePrefix) + " ") + $0 }
        // The table is already fitted; a line of it is never re-broken as prose.
        let text = out.enumerated().map { $0 == tableIndex || style == .markdown ? $1 : TextLayout.wrapped($1) }
        return text.joined(separator: "\n") + "\n"
    }

    /// An instrument's short name in the language (its id when it has none).
    static func instrumentName(_ i: Instrument, _ w: Wording) -> String {
        RegimeWords(vocabulary: w.vocabulary, language: w.language).shortName(i)
    }

    static func verdictWord(_ result: ConformanceVerdict.Result, _ w: Wording) -> String {
        switch result {
        case .complies: w.text(.verdictComplies)
        case .conflicts: w.text(.verdictConflicts)
        case .notAssessable: w.text(.verdictNotAssessable)
        }
    }

    /// A mechanism kind by its vocabulary label in the language (ids are for JSON and CSV, not for readers).
    static func kindName(_ m: MechanismOutcome, _ w: Wording) -> String { kindName(m.mechanism.kind, w) }

    /// A mechanism as a reader tells it apart from the jurisdiction's others: by its kind, or by its own label
    /// where the jurisdiction has two of the same kind (Finland's fixed-term and life parole), so that no two rows
    /// read alike.
    static func mechanismName(_ m: MechanismOutcome, among all: [MechanismOutcome], _ w: Wording) -> String {
        guard all.filter({ $0.mechanism.kind == m.mechanism.kind }).count > 1,
              let own = m.mechanism.labels.text(in: w.language) else { return kindName(m, w) }
        return own
    }

    /// In a table cell, where it repeats on every row, a label ending in its abbreviation gives the abbreviation
    /// ("УДО", "ШМББ").
    static func kindName(_ kind: String, _ w: Wording) -> String {
        RegimeWords(vocabulary: w.vocabulary, language: w.language).shortTermName(kind, in: "mechanism-kind")
    }

    static func releaseWord(_ m: MechanismOutcome, _ w: Wording) -> String {
        guard m.available else { return "—" }
        if m.mandatory { return w.text(.releaseMandatory) }
        switch m.version?.decision {
        case .automatic?: return w.text(.releaseAutomatic)
        case .mandatory?: return w.text(.releaseMandatory)
        default: return w.text(.releaseDiscretionary)
        }
    }

    static func mechanismTable(_ o: JurisdictionOutcome, _ w: Wording) -> TextTable {
        let header = [w.text(.columnJurisdiction), w.text(.columnMechanism), w.text(.columnAvailable),
                      w.text(.columnEarliest), w.text(.columnServed), w.text(.columnShare), w.text(.columnDecidedBy),
                      w.text(.columnRelease)]
        let rows = o.mechanisms.map { m in
            [o.jurisdiction.id, mechanismName(m, among: o.mechanisms, w), availability(m, w), dateCell(m, w),
             m.requiredServed.map(w.numbers.duration) ?? "—", shareCell(m, w), bodyName(m, w), releaseWord(m, w)]
        }
        // Labels in Kazakh and Russian run long: their columns wrap so that the table fits a terminal.
        return TextTable(header: header, rows: rows, columnLimits: [1: 28, 2: 20, 3: 24, 4: 16, 6: 16, 7: 14])
    }

    /// One row per jurisdiction: its earliest available mechanism, or why none is available.
    static func summaryTable(_ outcomes: [JurisdictionOutcome], _ w: Wording, _ style: Style,
                             home: String, wide: Bool = true) -> TextTable {
        let header = ["", w.text(.columnJurisdiction), w.text(.columnMechanism), w.text(.columnEarliest),
                      w.text(.columnServed), w.text(.columnShare), w.text(.columnDecidedBy), w.text(.columnRelease),
                      w.text(.columnOthers)]
        let rows = ranked(outcomes).map { o -> [String] in
            let lead = lead(o)
            let mark = o.jurisdiction.id == home ? "▶" : ""
            let others = o.mechanisms.filter { $0.mechanism.id != lead?.mechanism.id }
                .map { "\(mechanismName($0, among: o.mechanisms, w)) \(availability($0, w))" }.joined(separator: "; ")
            guard let m = lead else { return [mark, o.jurisdiction.id, "—", "—", "—", "—", "—", "—", ""] }
            let id = style == .markdown && mark == "▶" ? "**\(o.jurisdiction.id)**" : o.jurisdiction.id
            let disputed = m.disputedKind.map {
                " (" + w.text(.disputedKind, ["kind": w.text(.term(set: "mechanism-kind", term: $0))]) + ")"
            } ?? ""
            return [mark, id, mechanismName(m, among: o.mechanisms, w) + disputed + (m.available ? "" : " (\(availability(m, w)))"), dateCell(m, w),
                    m.requiredServed.map(w.numbers.duration) ?? "—", shareCell(m, w), bodyName(m, w), releaseWord(m, w),
                    others]
        }
        let table = TextTable(header: header, rows: rows,
                              columnLimits: [1: 12, 2: 26, 3: 24, 4: 16, 5: 8, 6: 16, 7: 14, 8: 30])
        // Compact: who decides and the other mechanisms are in the explanation and in `--wide`.
        return wide ? table : table.keeping(columns: [0, 1, 2, 3, 4, 5, 7])
    }

    /// The mechanism that leads a jurisdiction's row: its earliest available one, else one that depends on a
    /// missing fact. A mechanism a source says may not end custody (temporary leave) leads no row and sets no rank.
    static func lead(_ o: JurisdictionOutcome) -> MechanismOutcome? {
        o.mechanisms.filter { $0.available && $0.endsCustody }.filter { $0.earliestDate != nil }
            .min { $0.earliestDate! < $1.earliestDate! }
            ?? o.mechanisms.first { $0.status == .undetermined && $0.endsCustody }
            ?? o.mechanisms.first { $0.endsCustody } ?? o.mechanisms.first
    }

    /// The date a jurisdiction ranks by: its lead's earliest date, or the earliest a missing fact could give.
    static func rankDate(_ o: JurisdictionOutcome) -> CalendarDate? {
        guard let m = lead(o), m.endsCustody else { return nil }
        return m.earliestDate ?? m.branches.filter(\.isOpenFact).compactMap(\.earliestDate).min()
    }

    /// The jurisdictions by earliest release (those without a date last, each group by id).
    static func ranked(_ outcomes: [JurisdictionOutcome]) -> [JurisdictionOutcome] {
        outcomes.sorted { a, b in
            switch (rankDate(a), rankDate(b)) {
            case let (x?, y?): return x == y ? a.jurisdiction.id < b.jurisdiction.id : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.jurisdiction.id < b.jurisdiction.id
            }
        }
    }

    static func bodyName(_ m: MechanismOutcome, _ w: Wording) -> String {
        m.decidingBody.map { w.vocabulary.label($0.kind, in: "body-kind", language: w.language.rawValue) } ?? "—"
    }

    static func availability(_ m: MechanismOutcome, _ w: Wording) -> String {
        let answer: String = switch m.status.answer {
        case .yes: w.text(.availableYes)
        case .depends: w.text(.availableDepends)
        case .notStated: w.text(.availableSilent, ["status": statusWord(m.status, w)])
        case .no: w.text(.availableNo, ["status": statusWord(m.status, w)])
        }
        let disputed = m.discrepancies.contains { $0.claimDates.isEmpty } || m.branches.contains { $0.reading != nil }
        return answer + (disputed ? " ⚠" : "")
    }

    /// A status in the language (the JSON contract keeps the status names).
    public static func statusWord(_ status: MechanismOutcome.Status, _ w: Wording) -> String {
        let phrase: OutcomePhrase = switch status {
        case .available: .statusAvailable
        case .availableNoThreshold: .statusAvailableNoThreshold
        case .excluded: .statusExcluded
        case .outOfScope: .statusOutOfScope
        case .noThreshold: .statusNoThreshold
        case .conditionsUnmet: .statusConditionsUnmet
        case .termEndsFirst: .statusTermEndsFirst
        case .notInForce: .statusNotInForce
        case .undetermined: .statusUndetermined
        }
        return w.text(phrase)
    }

    static func dateCell(_ m: MechanismOutcome, _ w: Wording) -> String {
        let branchDates = m.branches.filter(\.isOpenFact).compactMap(\.earliestDate)
        let readingDates = m.branches.filter { !$0.isOpenFact }.compactMap(\.earliestDate)
        if m.earliestDate == nil, let lo = branchDates.min(), let hi = branchDates.max() {
            return lo == hi ? "\(lo) (\(w.text(.ifEllipsis)))" : "\(lo)…\(hi) (\(w.text(.availableDepends)))"
        }
        guard let d = m.earliestDate else {
            let none = m.status == .availableNoThreshold ? w.text(.noMinimumStated) : "—"
            guard let lo = readingDates.min(), let hi = readingDates.max() else { return none }
            return none + (lo == hi ? " (\(lo) ⚠)" : " (\(lo)…\(hi) ⚠)")
        }
        let readingRange: String? = readingDates.isEmpty ? nil
            : " (\((readingDates + [d]).min()!)…\((readingDates + [d]).max()!) ⚠)"
        let range = m.discrepancies.compactMap { r -> String? in
            guard let e = r.earliest, let l = r.latest, e != l else { return nil }
            return " (\(e)…\(l) ⚠)"
        }.first ?? readingRange
        let depends = branchDates.isEmpty ? "" : " (\(w.text(.availableDepends)): \(branchDates.min()!)…\(branchDates.max()!))"
        return d.description + (range ?? depends)
    }

    static func shareCell(_ m: MechanismOutcome, _ w: Wording) -> String {
        m.fraction.map { m.fractionBase == .remainder ? w.text(.shareOfRemainder, ["fraction": "\($0)"]) : "\($0)" } ?? "—"
    }

    /// The case in one line: each stated fact by its label in the language, terms by their vocabulary labels.
    static func caseSummary(_ c: Case, _ w: Wording) -> String {
        var parts = [w.text(.summaryTerm, ["term": w.sentence(c.term)])]
        if let cat = c.category {
            parts.append(w.text(.summaryCategory, ["category": w.vocabulary.label(cat, in: "category", language: w.language.rawValue)]))
        }
        parts.append(w.text(.summaryFrom, ["date": c.start.description]))
        if let end = c.termEnd { parts.append(w.text(.summaryEnds, ["date": end.description])) }
        parts.append(w.text(.summaryLawAsOf, ["date": c.asOf.description]))
        if !c.offences.isEmpty {
            parts.append(w.text(.summaryOffences, ["offences": c.offences.sorted().map {
                w.vocabulary.label($0, in: "offence-tag", language: w.language.rawValue)
            }.joined(separator: ", ")]))
        }
        if c.value(named: "cooperation") == true { parts.append(w.text(.summaryCooperation)) }
        if let r = c.priorRevocation {
            parts.append(w.text(.summaryRevoked, ["reason": w.vocabulary.label(r, in: "prior-revocation", language: w.language.rawValue)]))
        }
        return parts.joined(separator: "; ")
    }

    /// The reasoning for one mechanism: outcome line, then each top-level trace step with its citations.
    static func explanation(_ m: MechanismOutcome, style: Style, _ w: Wording) -> [String] {
        reasoning(m, w).map { line in
            let lead = line.depth == 0 ? "" : String(repeating: "    ", count: line.depth - 1) + bullet(style)
            return lead + line.text + cites(line.citations)
        }
    }

    /// One line of a mechanism's reasoning: its text in the language, the citations behind it, and its depth
    /// (0: the outcome's own lines, 1: a step of the trace, 2: a step under it). The text renderings and the web
    /// page lay the same lines out, so that both say the same.
    public struct ReasoningLine: Sendable {
        public let text: String
        public let citations: [Citation]
        public let depth: Int
    }

    /// The reasoning for one mechanism as lines: the earliest date, the reason, the branches, the conditions left
    /// to the hearing, then each trace step with the steps under it.
    public static func reasoning(_ m: MechanismOutcome, _ w: Wording) -> [ReasoningLine] {
        var lines: [ReasoningLine] = []
        func add(_ text: String, _ citations: [Citation] = [], depth: Int = 0) {
            lines.append(ReasoningLine(text: text, citations: citations, depth: depth))
        }
        if let d = m.earliestDate, m.available {
            let served = m.requiredServed.map(w.numbers.fullDuration) ?? "?"
            let share = m.fraction.map {
                " (" + w.text(m.fractionBase == .remainder ? .fractionOfRemainder : .fractionOfTerm, ["fraction": "\($0)"]) + ")"
            } ?? ""
            add(w.text(.earliestLine, ["date": d.description, "served": served]) + share)
        }
        if let r = m.reason {
            add(w.text(.reasonLine, ["reason": w.text(r.phrase)]), r.citations)
        }
        if let kind = m.disputedKind {
            add(w.text(.notRanked, ["kind": w.text(.term(set: "mechanism-kind", term: kind))]))
        }
        for b in m.branches {
            add(branchLine(b, w)
                + (b.earliestDate.map { ", " + w.text(.branchEarliest, ["date": $0.description]) } ?? "")
                + (b.fraction.map { " (\($0))" } ?? ""))
        }
        for p in m.pending {
            add(w.text(.pendingLine, ["condition": w.text(p.phrase), "facts": p.missingFacts.map(w.factName).joined(separator: ", ")]),
                p.citations)
        }
        for step in m.trace {
            add("[\(w.text(OutcomePhrase.kind(step.kind)))] \(w.text(step.phrase))", step.citations, depth: 1)
            for child in step.children {
                add(w.text(child.phrase), child.citations, depth: 2)
            }
        }
        return lines
    }

    /// The heading of a mechanism's reasoning: `fi · Parole`.
    public static func reasoningHeading(_ o: JurisdictionOutcome, _ m: MechanismOutcome, _ w: Wording) -> String {
        "\(o.jurisdiction.id) · \(m.mechanism.labels.text(in: w.language) ?? m.mechanism.id)"
    }

    /// The outcomes whose reasoning is shown in full: the only one, or those named in `explain` (the `home`
    /// jurisdiction when `nil`), in the order of `outcomes`.
    public static func explained(_ outcomes: [JurisdictionOutcome], home: String, explain: [String]?) -> [JurisdictionOutcome] {
        let explain = explain ?? [home]
        return outcomes.filter { outcomes.count == 1 || explain.contains($0.jurisdiction.id) }
    }

    /// Every citation of `lines`, once (by its locator and quotations), in the order the reasoning first cites it.
    public static func citations(of lines: [ReasoningLine]) -> [Citation] {
        var seen = Set<String>()
        return lines.flatMap(\.citations).filter {
            seen.insert($0.description + "\u{1F}" + $0.quotes.map { $0.language + ":" + $0.text }.joined(separator: "\u{1F}")).inserted
        }
    }

    /// What a branch assumes, and its status: values of facts, a range of offence dates, or a claim's reading.
    static func branchLine(_ b: Branch, _ w: Wording) -> String {
        let status = statusWord(b.status, w)
        if let offence = b.offence {
            return offence.from.map {
                w.text(.branchOffence, ["from": $0.description, "through": offence.through.description, "status": status])
            } ?? w.text(.branchOffenceOpen, ["through": offence.through.description, "status": status])
        }
        if let reading = b.reading {
            return w.text(.branchReading, ["claim": reading.statements.text(in: w.language) ?? reading.claim,
                                           "discrepancy": reading.discrepancy, "status": status])
        }
        let assume = b.assumption.map { assumption($0.fact, $0.value, w) }.joined(separator: " ")
        return w.text(.branchLine, ["assumption": assume, "status": status])
    }

    /// An assumed value of a fact: its flag (`--recidivist`, `--no-recidivist`), or its label and yes/no.
    static func assumption(_ fact: String, _ value: Bool, _ w: Wording) -> String {
        switch w.factNaming {
        case .flags: return "--\(value ? "" : "no-")\(fact)"
        case .labels: return w.factName(fact) + " = " + w.text(value ? .wordYes : .wordNo)
        }
    }

    static func bullet(_ style: Style) -> String { style == .markdown ? "- " : "  • " }

    static func cites(_ cs: [Citation]) -> String {
        cs.isEmpty ? "" : " [" + cs.map(\.description).joined(separator: "; ") + "]"
    }
}

extension OutcomeText {
    /// A case warning as one line in the language; `option` names where the person gave the value (a flag, a
    /// form field), which only the caller knows.
    public static func warning(_ warning: CaseWarning, _ w: Wording, option: (CaseWarning) -> String) -> String {
        let place = option(warning)
        return switch warning {
        case .startInFuture(let start, let today):
            w.text(.warningStartInFuture, ["start": start.description, "today": today.description, "option": place])
        case .asOfBeforeStart(let asOf, let start):
            w.text(.warningAsOfBeforeStart, ["asOf": asOf.description, "start": start.description, "option": place])
        case .termBeyondLifetime(let years):
            w.text(.warningTermBeyondLifetime, ["years": String(years), "option": place])
        }
    }
}
