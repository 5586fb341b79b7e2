import AtlasModel

/// A jurisdiction's regime as readable text, every rule followed by its citations.
public enum RegimeText {
    public static func render(_ j: Jurisdiction, vocabulary v: Vocabulary, asOf: CalendarDate?,
                              language: String = "en") -> String {
        var out: [String] = []
        func t(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: language) ?? fallback }
        func cites(_ cs: [Citation]) -> String { OutcomeText.cites(cs) }
        func dated(_ v: Validity) -> String {
            var s = ""
            if let f = v.from { s += " from \(f)" }
            if let to = v.to { s += " to \(to)" }
            switch v.basis {
            case .lawDate?: s += " (date of the law)"
            case .yearOnly?: s += " (year only)"
            case .planned?: s += " (planned)"
            case .notStated?: s += " (date not stated)"
            default: break
            }
            return s
        }
        out.append("\(t(j.names, j.id)) [\(j.id)]")
        out.append("Legal family: \(v.label(j.legalFamily, in: "legal-family", language: language))"
            + cites(j.legalFamilyCitations))
        if let asOf { out.append("Law in force on \(asOf)") }
        for set in j.conditionSets {
            out.append("")
            out.append("Defined group \(set.id): \(t(set.labels, set.id))" + cites(set.citations))
        }
        for m in j.mechanisms {
            let versions = asOf.map { d in m.versions.filter { $0.validity.contains(d) } } ?? m.versions
            out.append("")
            out.append("== \(t(m.labels, m.id)) (\(m.kind))")
            if versions.isEmpty { out.append("  no version in force on \(asOf!)") }
            for ver in versions {
                out.append("  Version \(ver.id)\(dated(ver.validity)); release \(ver.decision.rawValue)" + cites(ver.citations))
                out.append("  Scope: \(t(ver.scope.labels, "—"))" + cites(ver.scope.citations))
                for th in ver.thresholds where asOf.map(th.validity.contains) ?? true {
                    out.append("  Threshold \(th.id): \(t(th.labels, th.id))" + cites(th.citations))
                }
                for x in ver.exclusions where asOf.map(x.validity.contains) ?? true {
                    out.append("  Exclusion \(x.id)\(dated(x.validity)): \(t(x.labels, x.id))" + cites(x.citations))
                    for e in x.exceptions {
                        out.append("    unless \(e.id): \(t(e.labels, e.id))" + cites(e.citations))
                    }
                }
                if let asOf {
                    for x in ver.exclusions where !x.validity.contains(asOf) {
                        out.append("  (not yet in force on \(asOf)) \(x.id)\(dated(x.validity)): \(t(x.labels, x.id))")
                    }
                }
                for g in ver.grantConditions { out.append("  Condition \(g.id): \(t(g.labels, g.id))" + cites(g.citations)) }
                for g in ver.mandatoryRelease { out.append("  Mandatory \(g.id): \(t(g.labels, g.id))" + cites(g.citations)) }
                if let p = ver.procedure {
                    for b in p.bodies {
                        out.append("  Decided by (\(v.label(b.kind, in: "body-kind", language: language))): \(t(b.labels, b.id))"
                            + cites(b.citations))
                    }
                    if !p.initiators.isEmpty {
                        out.append("  Initiated by: " + p.initiators.map { v.label($0.who, in: "actor", language: language) }
                            .joined(separator: ", ") + cites(p.initiators.flatMap(\.citations)))
                    }
                    if !p.participants.isEmpty {
                        out.append("  Hearing participants: " + p.participants.map {
                            v.label($0.who, in: "actor", language: language) + ($0.required == true ? " (required)" : " (may attend)")
                        }.joined(separator: ", ") + cites(p.participants.first?.citations ?? []))
                    }
                    for h in p.hearing { out.append("  Hearing: \(t(h.labels, "—"))" + cites(h.citations)) }
                    for a in p.appeals { out.append("  Appeal: \(t(a.labels, "—"))" + cites(a.citations)) }
                    if let w = p.reapplicationWait {
                        out.append("  New petition after a refusal: \(w.naturalText)" + cites(p.reapplicationCitations))
                    }
                    for a in p.arrangements { out.append("  Arrangement\(dated(a.validity)): \(t(a.labels, "—"))" + cites(a.citations)) }
                    for n in p.notStated { out.append("  Not stated (\(n.aspect)): \(n.notes.text(in: language) ?? "")" + cites(n.citations)) }
                }
                if let s = ver.supervision {
                    out.append("  Supervision by \(v.label(s.by, in: "supervisor", language: language)): \(t(s.labels, "—"))"
                        + cites(s.citations))
                    for n in s.notStated { out.append("  Not stated (\(n.aspect)): \(n.notes.text(in: language) ?? "")" + cites(n.citations)) }
                }
                if let r = ver.revocation {
                    for g in r.grounds {
                        out.append("  Revocation \(g.id) (\(g.mode.rawValue) → \(v.label(g.consequence, in: "revocation-consequence", language: language))): "
                            + t(g.labels, g.id) + cites(g.citations))
                    }
                    out.append("  Time on release: \(r.timeOnRelease.rawValue)")
                }
                for c in ver.conversions {
                    out.append("  Conversion \(c.id): \(c.daysOfCustody) day(s) of custody = \(c.amount) "
                        + v.label(c.unit, in: "unit", language: language) + " of " + v.label(c.into, in: "punishment", language: language)
                        + cites(c.citations))
                }
                for n in ver.notStated { out.append("  Not stated (\(n.aspect)): \(n.notes.text(in: language) ?? "")" + cites(n.citations)) }
            }
        }
        if !j.discrepancies.isEmpty {
            out.append("")
            out.append("== Discrepancies between sources")
            for d in j.discrepancies {
                out.append("  ⚠ \(d.id): \(t(d.labels, d.id)) (about \(d.about.joined(separator: ", ")))")
                for c in d.claims {
                    out.append("    - \(c.statements.text(in: language) ?? c.id)\(c.id == d.encodedClaim ? " [encoded]" : "")"
                        + cites(c.citations))
                }
            }
        }
        if !j.notStated.isEmpty {
            out.append("")
            out.append("== Not stated by the sources")
            for n in j.notStated { out.append("  \(n.aspect): \(n.notes.text(in: language) ?? "")" + cites(n.citations)) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
