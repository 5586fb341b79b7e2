import AtlasModel

/// A jurisdiction's regime as readable text, every rule followed by its citations.
public enum RegimeText {
    public static func render(_ j: Jurisdiction, vocabulary v: Vocabulary, asOf: CalendarDate?,
                              language: String = "en") -> String {
        let page = RegimePage(jurisdiction: j, vocabulary: v, asOf: asOf, language: language)
        var out = page.heading()
        for m in j.mechanisms { out += page.mechanism(m) }
        out += page.discrepancies() + page.notStated()
        return out.joined(separator: "\n") + "\n"
    }
}

/// The lines of `RegimeText`, part by part: the heading, each mechanism's versions and their rules, then what the
/// sources dispute and what they leave unstated.
private struct RegimePage {
    let jurisdiction: Jurisdiction
    let vocabulary: Vocabulary
    let asOf: CalendarDate?
    let language: String

    func text(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: language) ?? fallback }

    func cites(_ citations: [Citation]) -> String { OutcomeText.cites(citations) }

    func label(_ term: String, in set: String) -> String { vocabulary.label(term, in: set, language: language) }

    /// Whether a rule dated `validity` is shown: every rule without a date, those in force on it with one.
    func shown(_ validity: Validity) -> Bool { asOf.map(validity.contains) ?? true }

    func dated(_ validity: Validity) -> String {
        var s = ""
        if let from = validity.from { s += " from \(from)" }
        if let to = validity.to { s += " to \(to)" }
        switch validity.basis {
        case .lawDate?: s += " (date of the law)"
        case .yearOnly?: s += " (year only)"
        case .planned?: s += " (planned)"
        case .notStated?: s += " (date not stated)"
        default: break
        }
        return s
    }

    func notStated(_ items: [NotStated]) -> [String] {
        items.map { "  Not stated (\($0.aspect)): \($0.notes.text(in: language) ?? "")" + cites($0.citations) }
    }

    /// Name, legal family, the date asked for, and the defined groups of convicts.
    func heading() -> [String] {
        let j = jurisdiction
        var out = ["\(text(j.names, j.id)) [\(j.id)]",
                   "Legal family: \(label(j.legalFamily, in: "legal-family"))" + cites(j.legalFamilyCitations)]
        if let asOf { out.append("Law in force on \(asOf)") }
        for set in j.conditionSets {
            out += ["", "Defined group \(set.id): \(text(set.labels, set.id))" + cites(set.citations)]
        }
        return out
    }

    func mechanism(_ m: ReleaseMechanism) -> [String] {
        let versions = asOf.map { d in m.versions.filter { $0.validity.contains(d) } } ?? m.versions
        var out = ["", "== \(text(m.labels, m.id)) (\(m.kind))"]
        if let asOf, versions.isEmpty { out.append("  no version in force on \(asOf)") }
        for version in versions { out += self.version(version) }
        return out
    }

    func version(_ ver: MechanismVersion) -> [String] {
        var out = ["  Version \(ver.id)\(dated(ver.validity)); release \(ver.decision.rawValue)" + cites(ver.citations),
                   "  Scope: \(text(ver.scope.labels, "—"))" + cites(ver.scope.citations)]
        for th in ver.thresholds where shown(th.validity) {
            out.append("  Threshold \(th.id): \(text(th.labels, th.id))" + cites(th.citations))
        }
        out += exclusions(ver.exclusions)
        for g in ver.grantConditions { out.append("  Condition \(g.id): \(text(g.labels, g.id))" + cites(g.citations)) }
        for g in ver.mandatoryRelease { out.append("  Mandatory \(g.id): \(text(g.labels, g.id))" + cites(g.citations)) }
        if let p = ver.procedure { out += procedure(p) }
        if let s = ver.supervision {
            out.append("  Supervision by \(label(s.by, in: "supervisor")): \(text(s.labels, "—"))" + cites(s.citations))
            out += notStated(s.notStated)
        }
        if let r = ver.revocation { out += revocation(r) }
        for c in ver.conversions {
            out.append("  Conversion \(c.id): \(c.daysOfCustody) day(s) of custody = \(c.amount) "
                + label(c.unit, in: "unit") + " of " + label(c.into, in: "punishment") + cites(c.citations))
        }
        return out + notStated(ver.notStated)
    }

    /// The exclusions in force with their exceptions, then, on a date, those not yet in force.
    func exclusions(_ exclusions: [Exclusion]) -> [String] {
        var out: [String] = []
        for x in exclusions where shown(x.validity) {
            out.append("  Exclusion \(x.id)\(dated(x.validity)): \(text(x.labels, x.id))" + cites(x.citations))
            for e in x.exceptions { out.append("    unless \(e.id): \(text(e.labels, e.id))" + cites(e.citations)) }
        }
        if let asOf {
            for x in exclusions where !x.validity.contains(asOf) {
                out.append("  (not yet in force on \(asOf)) \(x.id)\(dated(x.validity)): \(text(x.labels, x.id))")
            }
        }
        return out
    }

    func procedure(_ p: Procedure) -> [String] {
        var out: [String] = []
        for b in p.bodies {
            out.append("  Decided by (\(label(b.kind, in: "body-kind"))): \(text(b.labels, b.id))" + cites(b.citations))
        }
        if !p.initiators.isEmpty {
            out.append("  Initiated by: " + p.initiators.map { label($0.who, in: "actor") }.joined(separator: ", ")
                + cites(p.initiators.flatMap(\.citations)))
        }
        if !p.participants.isEmpty {
            out.append("  Hearing participants: " + p.participants.map {
                label($0.who, in: "actor") + ($0.required == true ? " (required)" : " (may attend)")
            }.joined(separator: ", ") + cites(p.participants.first?.citations ?? []))
        }
        for h in p.hearing { out.append("  Hearing: \(text(h.labels, "—"))" + cites(h.citations)) }
        for a in p.appeals { out.append("  Appeal: \(text(a.labels, "—"))" + cites(a.citations)) }
        if let wait = p.reapplicationWait {
            out.append("  New petition after a refusal: \(wait.naturalText)" + cites(p.reapplicationCitations))
        }
        for a in p.arrangements {
            out.append("  Arrangement\(dated(a.validity)): \(text(a.labels, "—"))" + cites(a.citations))
        }
        return out + notStated(p.notStated)
    }

    func revocation(_ r: Revocation) -> [String] {
        r.grounds.map { g in
            "  Revocation \(g.id) (\(g.mode.rawValue) → \(label(g.consequence, in: "revocation-consequence"))): "
                + text(g.labels, g.id) + cites(g.citations)
        } + ["  Time on release: \(r.timeOnRelease.rawValue)"]
    }

    func discrepancies() -> [String] {
        guard !jurisdiction.discrepancies.isEmpty else { return [] }
        var out = ["", "== Discrepancies between sources"]
        for d in jurisdiction.discrepancies {
            out.append("  ⚠ \(d.id): \(text(d.labels, d.id)) (about \(d.about.joined(separator: ", ")))")
            for c in d.claims {
                out.append("    - \(c.statements.text(in: language) ?? c.id)\(c.id == d.encodedClaim ? " [encoded]" : "")"
                    + cites(c.citations))
            }
        }
        return out
    }

    func notStated() -> [String] {
        guard !jurisdiction.notStated.isEmpty else { return [] }
        return ["", "== Not stated by the sources"] + jurisdiction.notStated.map {
            "  \($0.aspect): \($0.notes.text(in: language) ?? "")" + cites($0.citations)
        }
    }
}
