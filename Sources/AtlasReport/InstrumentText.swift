import AtlasModel

/// An international instrument as readable text: status, provisions, checks, each with its citations.
public enum InstrumentText {
    public static func render(_ i: Instrument, cases: [CourtCase], language: String = "en") -> String {
        func cites(_ cs: [Citation]) -> String { OutcomeText.cites(cs) }
        var out: [String] = []
        out.append("\(i.names.text(in: language) ?? i.id) [\(i.id)] — \(i.shortName)")
        out.append("Body: \(i.body)" + (i.year.map { ", \($0)" } ?? ""))
        out.append("Status: \(i.binding.rawValue)" + (i.bindingStated ? "" : " (classification not stated by the report)")
            + i.relations.map { r in
                "; \(r.jurisdictionIDs.joined(separator: ", ")) \(r.kind)"
                    + (r.validity.from.map { " from \($0)" } ?? "") + ": " + (r.labels.text(in: language) ?? r.kind)
            }.joined())
        out.append("Sources:" + cites(i.citations))
        for p in i.provisions {
            out.append("")
            out.append("\(p.number.map { "[\($0)] " } ?? "")\(p.statements.text(in: language) ?? p.id)" + cites(p.citations))
            if !p.tags.isEmpty { out.append("  tags: " + p.tags.joined(separator: ", ")) }
            for c in p.checks {
                out.append("  check \(c.id): conflict when \(c.feature) is \(c.conflictWhenPresent ? "present" : "absent") — "
                    + (c.labels.text(in: language) ?? "") + cites(c.citations))
            }
            for n in p.notes { out.append("  note: \(n.text)") }
        }
        for d in i.discrepancies {
            out.append("")
            out.append("⚠ \(d.id): \(d.labels.text(in: language) ?? d.id)")
            for c in d.claims { out.append("  - \(c.statements.text(in: language) ?? c.id)" + cites(c.citations)) }
        }
        let related = cases.filter { $0.instrumentIDs.contains(i.id) }
        if !related.isEmpty {
            out.append("")
            out.append("Cases:")
            for c in related {
                out.append("  \(c.names.text(in: language) ?? c.id) (\(c.court)\(c.reference.map { ", \($0)" } ?? ""))"
                    + cites(c.citations))
                for e in c.footnoteErrors {
                    out.append("    footnote error: \(e.labels.text(in: language) ?? "")" + cites(e.citations))
                }
            }
        }
        for n in i.notes { out.append("Note: \(n.text)") }
        return out.joined(separator: "\n") + "\n"
    }
}
