import AtlasEngine
import AtlasModel

/// Human-readable renderings of simulation outcomes: an aligned table or Markdown, each followed by the reasons
/// with their citations.
public enum OutcomeText {
    public enum Style: Sendable { case table, markdown }

    public static func render(_ facts: Case, _ outcomes: [JurisdictionOutcome], vocabulary: Vocabulary,
                              style: Style) -> String {
        let header = ["Jurisdiction", "Mechanism", "Available", "Earliest date", "Required served", "Share",
                      "Decided by", "Release"]
        var rows: [[String]] = []
        for o in outcomes {
            for m in o.mechanisms {
                rows.append([
                    o.jurisdiction.id,
                    m.mechanism.kind,
                    (m.available ? "yes" : (m.status == .undetermined ? "depends" : "no (\(m.status.rawValue))"))
                        + (m.discrepancies.contains { $0.claimDates.isEmpty } ? " ⚠" : ""),
                    m.earliestDate.map { d in
                        let range = m.discrepancies.compactMap { r -> String? in
                            guard let e = r.earliest, let l = r.latest, e != l else { return nil }
                            return " (\(e)…\(l) ⚠)"
                        }.first
                        return d.description + (range ?? "")
                    } ?? "—",
                    m.requiredServed?.compact ?? "—",
                    m.fraction.map { "\($0)" + (m.fractionBase == .remainder ? " of remainder" : "") } ?? "—",
                    m.decidingBody.map { vocabulary.label($0.kind, in: "body-kind") } ?? "—",
                    m.available ? (m.mandatory ? "mandatory" : "discretionary") : "—",
                ])
            }
        }
        let table = TextTable(header: header, rows: rows)
        var out: [String] = []
        let heading = { (s: String) in style == .markdown ? "## \(s)" : s }
        out.append(heading("Case"))
        out.append(caseSummary(facts))
        out.append("")
        out.append(style == .markdown ? table.markdown() : table.rendered())
        if rows.contains(where: { $0.contains { $0.contains("⚠") } }) {
            out.append("")
            out.append("⚠ sources disagree about a rule used; a date range shows each source's date. Details below.")
        }
        for o in outcomes {
            for m in o.mechanisms {
                out.append("")
                out.append(heading("\(o.jurisdiction.id) · \(m.mechanism.labels.text(in: "en") ?? m.mechanism.id)"))
                out += explanation(m, style: style)
            }
        }
        out.append("")
        out += OutcomeJSON.assumptions.map { (style == .markdown ? "- " : "Note: ") + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    static func caseSummary(_ c: Case) -> String {
        var parts = ["term \(c.term)"]
        if let cat = c.category { parts.append("category \(cat)") }
        parts.append("from \(c.start)")
        if let end = c.termEnd { parts.append("ends \(end)") }
        parts.append("law as of \(c.asOf)")
        if !c.offences.isEmpty { parts.append("offences: " + c.offences.sorted().joined(separator: ", ")) }
        if c.cooperation { parts.append("cooperation agreement") }
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
