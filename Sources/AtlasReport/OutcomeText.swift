import AtlasEngine
import AtlasModel

/// Human-readable renderings of simulation outcomes: an aligned table or Markdown, each followed by the reasons
/// with their citations.
public enum OutcomeText {
    public enum Style: Sendable { case table, markdown }

    /// The outcome as text. One jurisdiction: a row per mechanism and the full explanation. Several: a row per
    /// jurisdiction sorted by earliest release (the `home` row, `Corpus.home`, marked ▶), then the explanation of
    /// those in `explain` (the home jurisdiction when `nil`).
    public static func render(_ facts: Case, _ outcomes: [JurisdictionOutcome], vocabulary: Vocabulary,
                              style: Style, home: String, explain: [String]? = nil,
                              conformance: [String: [ConformanceVerdict]] = [:]) -> String {
        let explain = explain ?? [home]
        var out: [String] = []
        let heading = { (s: String) in style == .markdown ? "## \(s)" : s }
        out.append(heading("Case"))
        out.append(caseSummary(facts))
        out.append("")
        let single = outcomes.count == 1
        let table = single ? mechanismTable(outcomes[0], vocabulary) : summaryTable(outcomes, vocabulary, style, home: home)
        out.append(style == .markdown ? table.markdown() : table.rendered())
        if table.rows.contains(where: { $0.contains { $0.contains("⚠") } }) {
            out.append("")
            out.append("⚠ sources disagree about a rule used; a date range shows each source's date.")
        }
        for o in outcomes where single || explain.contains(o.jurisdiction.id) {
            for m in o.mechanisms {
                out.append("")
                out.append(heading("\(o.jurisdiction.id) · \(m.mechanism.labels.text(in: "en") ?? m.mechanism.id)"))
                out += explanation(m, style: style)
            }
            let verdicts = conformance[o.jurisdiction.id] ?? []
            if !verdicts.isEmpty {
                out.append("")
                out.append(heading("\(o.jurisdiction.id) · international standards this case touches"))
                for v in verdicts {
                    out.append(bullet(style) + "\(v.result.rawValue): \(v.instrument.shortName) \(v.provision.number ?? v.provision.id)"
                        + " — \(v.explanation)" + cites(v.provision.citations))
                }
            }
        }
        if !single, !outcomes.contains(where: { explain.contains($0.jurisdiction.id) }) {
            out.append("")
            out.append("Use --explain ID for the full reasoning of one jurisdiction, each step with its citation.")
        }
        out.append("")
        out += OutcomeJSON.assumptions.map { (style == .markdown ? "- " : "Note: ") + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    static func mechanismTable(_ o: JurisdictionOutcome, _ vocabulary: Vocabulary) -> TextTable {
        let header = ["Jurisdiction", "Mechanism", "Available", "Earliest date", "Required served", "Share",
                      "Decided by", "Release"]
        let rows = o.mechanisms.map { m in
            [o.jurisdiction.id, m.mechanism.kind, availability(m), dateCell(m), m.requiredServed?.compact ?? "—",
             shareCell(m), m.decidingBody.map { vocabulary.label($0.kind, in: "body-kind") } ?? "—",
             m.available ? (m.mandatory ? "mandatory" : "discretionary") : "—"]
        }
        return TextTable(header: header, rows: rows)
    }

    /// One row per jurisdiction: its earliest available mechanism, or why none is available.
    static func summaryTable(_ outcomes: [JurisdictionOutcome], _ vocabulary: Vocabulary, _ style: Style,
                             home: String) -> TextTable {
        let header = ["", "Jurisdiction", "Mechanism", "Earliest date", "Required served", "Share", "Decided by",
                      "Release", "Other mechanisms"]
        // Each jurisdiction is led by its earliest available mechanism, else by one that depends on a missing fact.
        func lead(_ o: JurisdictionOutcome) -> MechanismOutcome? {
            o.mechanisms.filter(\.available).filter { $0.earliestDate != nil }.min { $0.earliestDate! < $1.earliestDate! }
                ?? o.mechanisms.first { $0.status == .undetermined } ?? o.mechanisms.first
        }
        func key(_ o: JurisdictionOutcome) -> CalendarDate? {
            guard let m = lead(o) else { return nil }
            return m.earliestDate ?? m.branches.compactMap(\.earliestDate).min()
        }
        let sorted = outcomes.sorted { a, b in
            switch (key(a), key(b)) {
            case let (x?, y?): return x == y ? a.jurisdiction.id < b.jurisdiction.id : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.jurisdiction.id < b.jurisdiction.id
            }
        }
        let rows = sorted.map { o -> [String] in
            let lead = lead(o)
            let mark = o.jurisdiction.id == home ? "▶" : ""
            let others = o.mechanisms.filter { $0.mechanism.id != lead?.mechanism.id }
                .map { "\($0.mechanism.kind) \(availability($0))" }.joined(separator: "; ")
            guard let m = lead else { return [mark, o.jurisdiction.id, "—", "—", "—", "—", "—", "—", ""] }
            let id = style == .markdown && mark == "▶" ? "**\(o.jurisdiction.id)**" : o.jurisdiction.id
            return [mark, id, m.mechanism.kind + (m.available ? "" : " (\(availability(m)))"), dateCell(m),
                    m.requiredServed?.compact ?? "—", shareCell(m),
                    m.decidingBody.map { vocabulary.label($0.kind, in: "body-kind") } ?? "—",
                    m.available ? (m.mandatory ? "mandatory" : m.version?.decision.rawValue ?? "discretionary") : "—",
                    others]
        }
        return TextTable(header: header, rows: rows)
    }

    static func availability(_ m: MechanismOutcome) -> String {
        (m.available ? "yes" : (m.status == .undetermined ? "depends" : "no (\(m.status.rawValue))"))
            + (m.discrepancies.contains { $0.claimDates.isEmpty } ? " ⚠" : "")
    }

    static func dateCell(_ m: MechanismOutcome) -> String {
        let branchDates = m.branches.compactMap(\.earliestDate)
        if m.earliestDate == nil, let lo = branchDates.min(), let hi = branchDates.max() {
            return lo == hi ? "\(lo) (if …)" : "\(lo)…\(hi) (depends)"
        }
        guard let d = m.earliestDate else { return m.status == .availableNoThreshold ? "no minimum stated" : "—" }
        let range = m.discrepancies.compactMap { r -> String? in
            guard let e = r.earliest, let l = r.latest, e != l else { return nil }
            return " (\(e)…\(l) ⚠)"
        }.first
        let depends = branchDates.isEmpty ? "" : " (depends: \(branchDates.min()!)…\(branchDates.max()!))"
        return d.description + (range ?? depends)
    }

    static func shareCell(_ m: MechanismOutcome) -> String {
        m.fraction.map { "\($0)" + (m.fractionBase == .remainder ? " of remainder" : "") } ?? "—"
    }

    static func caseSummary(_ c: Case) -> String {
        var parts = ["term \(c.term)"]
        if let cat = c.category { parts.append("category \(cat)") }
        parts.append("from \(c.start)")
        if let end = c.termEnd { parts.append("ends \(end)") }
        parts.append("law as of \(c.asOf)")
        if !c.offences.isEmpty { parts.append("offences: " + c.offences.sorted().joined(separator: ", ")) }
        if c.value(named: "cooperation") == true { parts.append("cooperation agreement") }
        if let r = c.priorRevocation { parts.append("earlier parole revoked (\(r))") }
        return parts.joined(separator: "; ")
    }

    /// The reasoning for one mechanism: outcome line, then each top-level trace step with its citations.
    static func explanation(_ m: MechanismOutcome, style: Style) -> [String] {
        var lines: [String] = []
        if let d = m.earliestDate, m.available {
            lines.append("Earliest: \(d) after \(m.requiredServed?.spelledOut ?? "?")"
                + (m.fraction.map { " (\($0) \(m.fractionBase == .remainder ? "of the remainder" : "of the term"))" } ?? ""))
        }
        if let r = m.reason {
            lines.append("Reason: \(r.text)" + cites(r.citations))
        }
        for b in m.branches {
            let assume = b.assumption.map { "--\($0.value ? "" : "no-")\($0.fact)" }.joined(separator: " ")
            lines.append("If \(assume): \(b.status.rawValue)" + (b.earliestDate.map { ", earliest \($0)" } ?? "")
                + (b.fraction.map { " (\($0))" } ?? ""))
        }
        for p in m.pending {
            lines.append("Pending: \(p.text) — give " + p.missingFacts.map { "--\($0)" }.joined(separator: ", ")
                + cites(p.citations))
        }
        for step in m.trace {
            lines.append(bullet(style) + "[\(step.kind.rawValue)] \(step.message)" + cites(step.citations))
            for child in step.children {
                lines.append("    " + bullet(style) + child.message + cites(child.citations))
            }
        }
        return lines
    }

    static func bullet(_ style: Style) -> String { style == .markdown ? "- " : "  • " }

    static func cites(_ cs: [Citation]) -> String {
        cs.isEmpty ? "" : " [" + cs.map(\.description).joined(separator: "; ") + "]"
    }
}
