import AtlasModel

/// A jurisdiction's regime as readable text, every rule followed by its citations, in one language: headings and
/// fixed words from the phrase tables, every label from the corpus in that language.
public enum RegimeText {
    public static func render(_ j: Jurisdiction, vocabulary v: Vocabulary, asOf: CalendarDate?,
                              language: Language = .en) -> String {
        let page = RegimePage(jurisdiction: j, words: RegimeWords(vocabulary: v, language: language), asOf: asOf)
        var out = page.heading()
        for m in j.mechanisms { out += page.mechanism(m) }
        out += page.discrepancies() + page.notStated()
        return TextLayout.wrapped(out.joined(separator: "\n")) + "\n"
    }
}

/// The lines of `RegimeText`, part by part: the heading, each mechanism's versions and their rules, then what the
/// sources dispute and what they leave unstated.
private struct RegimePage {
    let jurisdiction: Jurisdiction
    let words: RegimeWords
    let asOf: CalendarDate?

    func phrase(_ key: RegimePhrase, _ values: [String: String] = [:]) -> String { words.phrase(key, values) }

    func text(_ labels: [LocalizedString], _ fallback: String) -> String { words.text(labels, fallback) }

    func cites(_ citations: [Citation]) -> String { OutcomeText.cites(citations) }

    func label(_ term: String, in set: String) -> String { words.label(term, in: set) }

    /// Whether a rule dated `validity` is shown: every rule without a date, those in force on it with one.
    func shown(_ validity: Validity) -> Bool { asOf.map(validity.contains) ?? true }

    /// " from 2014-07-03 (date of the law)", with its leading space; empty for a rule without dates.
    func dated(_ validity: Validity) -> String {
        var parts: [String] = []
        switch (validity.from, validity.to) {
        case let (from?, to?): parts.append(phrase(.regimePeriodFromTo, ["from": from.description, "to": to.description]))
        case let (from?, nil): parts.append(phrase(.regimePeriodFrom, ["from": from.description]))
        case let (nil, to?): parts.append(phrase(.regimePeriodTo, ["to": to.description]))
        case (nil, nil): break
        }
        switch validity.basis {
        case .lawDate?: parts.append(phrase(.regimeBasisLawDate))
        case .yearOnly?: parts.append(phrase(.regimeBasisYearOnly))
        case .planned?: parts.append(phrase(.regimeBasisPlanned))
        case .notStated?: parts.append(phrase(.regimeBasisNotStated))
        default: break
        }
        return parts.map { " " + $0 }.joined()
    }

    func notStated(_ items: [NotStated]) -> [String] {
        items.map {
            "  " + phrase(.regimeNotStatedItem, ["aspect": words.termName($0.aspect, in: "aspect"),
                                                 "text": $0.notes.text(in: words.language) ?? ""]) + cites($0.citations)
        }
    }

    /// Name, legal family, the date asked for, and the defined groups of convicts.
    func heading() -> [String] {
        let j = jurisdiction
        var out = ["\(text(j.names, j.id)) [\(j.id)]",
                   phrase(.regimeLegalFamily, ["family": label(j.legalFamily, in: "legal-family")])
                       + cites(j.legalFamilyCitations)]
        if let asOf { out.append(phrase(.regimeLawInForce, ["date": asOf.description])) }
        for set in j.conditionSets {
            out += ["", phrase(.regimeDefinedGroup, ["id": set.id, "text": text(set.labels, set.id)]) + cites(set.citations)]
        }
        return out
    }

    func mechanism(_ m: ReleaseMechanism) -> [String] {
        let versions = asOf.map { d in m.versions.filter { $0.validity.contains(d) } } ?? m.versions
        var out = ["", "== \(text(m.labels, m.id)) (\(words.termName(m.kind, in: "mechanism-kind")))"]
        if let asOf, versions.isEmpty { out.append("  " + phrase(.regimeNoVersion, ["date": asOf.description])) }
        for version in versions { out += self.version(version) }
        return out
    }

    func decision(_ d: Decision) -> String {
        switch d {
        case .discretionary: phrase(.regimeDecisionDiscretionary)
        case .mandatory: phrase(.regimeDecisionMandatory)
        case .automatic: phrase(.regimeDecisionAutomatic)
        }
    }

    /// A rule line: "  Threshold ID: label [citations]".
    func rule(_ key: RegimePhrase, _ id: String, _ labels: [LocalizedString], _ citations: [Citation]) -> String {
        "  " + phrase(key, ["id": id, "text": text(labels, id)]) + cites(citations)
    }

    func version(_ ver: MechanismVersion) -> [String] {
        var out = ["  " + phrase(.regimeVersion, ["id": ver.id, "dated": dated(ver.validity),
                                                  "decision": decision(ver.decision)]) + cites(ver.citations),
                   "  " + phrase(.regimeScope, ["text": text(ver.scope.labels, "—")]) + cites(ver.scope.citations)]
        for th in ver.thresholds where shown(th.validity) { out.append(rule(.regimeThreshold, th.id, th.labels, th.citations)) }
        out += exclusions(ver.exclusions)
        for g in ver.grantConditions { out.append(rule(.regimeCondition, g.id, g.labels, g.citations)) }
        for g in ver.mandatoryRelease { out.append(rule(.regimeMandatory, g.id, g.labels, g.citations)) }
        if let p = ver.procedure { out += procedure(p) }
        if let s = ver.supervision {
            out.append("  " + phrase(.regimeSupervision, ["by": label(s.by, in: "supervisor"), "text": text(s.labels, "—")])
                + cites(s.citations))
            out += notStated(s.notStated)
        }
        if let r = ver.revocation { out += revocation(r) }
        for c in ver.conversions { out.append(conversion(c)) }
        return out + notStated(ver.notStated)
    }

    /// "4 days of custody = 1 monthly calculation index (MCI) of fine": counts of days agree with their number in
    /// each language; another unit is its label after the amount.
    func conversion(_ c: Conversion) -> String {
        let amount = c.unit == "day" ? words.numbers.count(c.amount, .day) : "\(c.amount) " + label(c.unit, in: "unit")
        return "  " + phrase(.regimeConversion, ["id": c.id, "custody": words.numbers.count(c.daysOfCustody, .day),
                                                 "amount": amount, "into": label(c.into, in: "punishment")])
            + cites(c.citations)
    }

    /// The exclusions in force with their exceptions, then, on a date, those not yet in force.
    func exclusions(_ exclusions: [Exclusion]) -> [String] {
        var out: [String] = []
        for x in exclusions where shown(x.validity) {
            out.append("  " + phrase(.regimeExclusion, ["id": x.id, "dated": dated(x.validity), "text": text(x.labels, x.id)])
                + cites(x.citations))
            for e in x.exceptions { out.append("  " + rule(.regimeException, e.id, e.labels, e.citations)) }
        }
        if let asOf {
            for x in exclusions where !x.validity.contains(asOf) {
                out.append("  " + phrase(.regimeNotYetInForce, ["date": asOf.description, "id": x.id,
                                                                "dated": dated(x.validity), "text": text(x.labels, x.id)]))
            }
        }
        return out
    }

    func procedure(_ p: Procedure) -> [String] {
        var out: [String] = []
        for b in p.bodies {
            out.append("  " + phrase(.regimeDecidedBy, ["kind": label(b.kind, in: "body-kind"), "text": text(b.labels, b.id)])
                + cites(b.citations))
        }
        if !p.initiators.isEmpty {
            out.append("  " + phrase(.regimeInitiatedBy, [
                "actors": p.initiators.map { label($0.who, in: "actor") }.joined(separator: ", "),
            ]) + cites(p.initiators.flatMap(\.citations)))
        }
        if !p.participants.isEmpty {
            let actors = p.participants.map {
                phrase($0.required == true ? .regimeParticipantRequired : .regimeParticipantMayAttend,
                       ["actor": label($0.who, in: "actor")])
            }
            out.append("  " + phrase(.regimeParticipants, ["actors": actors.joined(separator: ", ")])
                + cites(p.participants.first?.citations ?? []))
        }
        for h in p.hearing { out.append("  " + phrase(.regimeHearing, ["text": text(h.labels, "—")]) + cites(h.citations)) }
        for a in p.appeals { out.append("  " + phrase(.regimeAppeal, ["text": text(a.labels, "—")]) + cites(a.citations)) }
        if let wait = p.reapplicationWait {
            out.append("  " + phrase(.regimeReapplication, ["wait": words.duration(wait)]) + cites(p.reapplicationCitations))
        }
        for a in p.arrangements {
            out.append("  " + phrase(.regimeArrangement, ["dated": dated(a.validity), "text": text(a.labels, "—")])
                + cites(a.citations))
        }
        return out + notStated(p.notStated)
    }

    func revocation(_ r: Revocation) -> [String] {
        let timeOnRelease: String = switch r.timeOnRelease {
        case .countsAsServed: phrase(.regimeTimeCounts)
        case .doesNotCount: phrase(.regimeTimeDoesNotCount)
        case .notStated: phrase(.regimeTimeNotStated)
        }
        return r.grounds.map { g in
            let mode: String = switch g.mode {
            case .discretionary: phrase(.regimeModeDiscretionary)
            case .mandatory: phrase(.regimeModeMandatory)
            case .courtDecides: phrase(.regimeModeCourtDecides)
            }
            return "  " + phrase(.regimeRevocation, [
                "id": g.id, "mode": mode, "consequence": label(g.consequence, in: "revocation-consequence"),
                "text": text(g.labels, g.id),
            ]) + cites(g.citations)
        } + ["  " + phrase(.regimeTimeOnRelease, ["value": timeOnRelease])]
    }

    func discrepancies() -> [String] {
        guard !jurisdiction.discrepancies.isEmpty else { return [] }
        var out = ["", phrase(.regimeDiscrepancies)]
        for d in jurisdiction.discrepancies {
            out.append("  " + phrase(.regimeDiscrepancy, ["id": d.id, "text": text(d.labels, d.id),
                                                          "ids": d.about.joined(separator: ", ")]))
            for c in d.claims {
                let encoded = c.id == d.encodedClaim ? " " + phrase(.regimeEncoded) : ""
                out.append("    - \(c.statements.text(in: words.language) ?? c.id)\(encoded)" + cites(c.citations))
            }
        }
        return out
    }

    func notStated() -> [String] {
        guard !jurisdiction.notStated.isEmpty else { return [] }
        return ["", phrase(.regimeNotStatedHeading)] + jurisdiction.notStated.map {
            "  \(words.termName($0.aspect, in: "aspect")): \($0.notes.text(in: words.language) ?? "")" + cites($0.citations)
        }
    }
}
