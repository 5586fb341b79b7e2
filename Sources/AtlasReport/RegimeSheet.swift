import AtlasModel

/// One stated thing of a regime or instrument page: its words in one language (without its citations), the
/// citations it rests on, and the record it states, so that a page can open each citation's quotation and mark a
/// record the sources dispute. `RegimeText` lays the same items out as text.
public struct RegimeItem: Sendable {
    /// The part of a mechanism's version an item belongs to; a page groups the items under these parts.
    public enum Part: String, Sendable, CaseIterable {
        case scope, thresholds, exclusions, conditions, mandatory, procedure, supervision, revocation, conversions
        case notStated = "not-stated"
    }

    public var part: Part?
    /// The words, without the citations.
    public var text: String
    public var citations: [Citation]
    /// The id of the record the item states (a threshold, an exclusion, a version…), when it states one.
    public var subject: String?
    /// Whether the item hangs under the one before it (an exception under its exclusion).
    public var nested = false
    /// False for a rule of the version that is not yet in force on the date asked for.
    public var inForce = true

    public init(part: Part? = nil, text: String, citations: [Citation] = [], subject: String? = nil,
                nested: Bool = false, inForce: Bool = true) {
        self.part = part
        self.text = text
        self.citations = citations
        self.subject = subject
        self.nested = nested
        self.inForce = inForce
    }
}

/// One reading of a disputed record, as one source states it.
public struct RegimeClaim: Sendable {
    public var id: String
    /// The claim's statement in the page's language.
    public var statement: String
    /// Whether the atlas's encoded rule follows this claim.
    public var encoded: Bool
    public var citations: [Citation]
}

/// A discrepancy between sources, worded: the line that names it and the claims of each side.
public struct RegimeDispute: Sendable {
    public var id: String
    /// "⚠ id: text (about ids)".
    public var line: String
    /// The records it is about.
    public var about: [String]
    public var claims: [RegimeClaim]

    /// The claims the encoded rule does not follow (every claim when the corpus takes no side): the other
    /// sources' values, shown beside a disputed figure.
    public var otherClaims: [RegimeClaim] {
        claims.contains(where: \.encoded) ? claims.filter { !$0.encoded } : claims
    }
}

/// A mechanism of a regime: its title and the versions shown.
public struct RegimeMechanismSheet: Sendable {
    public var id: String
    /// "label (kind)".
    public var title: String
    /// "no version in force on DATE", when a date was asked for and none is.
    public var absent: String?
    public var versions: [RegimeVersionSheet]
}

/// A version of a mechanism: the line naming it (dates, decision) and its rules in the order of the page.
public struct RegimeVersionSheet: Sendable {
    public var heading: RegimeItem
    public var items: [RegimeItem]
}

/// A jurisdiction's regime in one language, part by part, as a page shows it: the heading, each mechanism's
/// versions with their rules, the discrepancies between sources and what the sources leave unstated. Every item
/// keeps its citations apart from its words; `RegimeText` joins them into the text of `parole show`.
public struct RegimeSheet: Sendable {
    public var id: String
    /// "Name [id]".
    public var title: String
    /// The legal family and, with a date, the law in force on it.
    public var facts: [RegimeItem]
    /// The defined groups of convicts.
    public var groups: [RegimeItem]
    public var mechanisms: [RegimeMechanismSheet]
    /// The heading of the discrepancies, without the text layout's marker.
    public var disputesHeading: String
    public var disputes: [RegimeDispute]
    /// The word that marks the claim the encoded rule follows ("[encoded]").
    public var encodedMark: String
    /// The heading of what the sources leave unstated, without the text layout's marker.
    public var notStatedHeading: String
    public var notStated: [RegimeItem]

    /// `j` in `language`: with `asOf`, only the versions and rules in force on that date (and the exclusions not
    /// yet in force, marked so); without, every version.
    public init(_ j: Jurisdiction, vocabulary: Vocabulary, asOf: CalendarDate?, language: Language = .en) {
        let page = RegimePage(jurisdiction: j, words: RegimeWords(vocabulary: vocabulary, language: language), asOf: asOf)
        id = j.id
        title = "\(page.text(j.names, j.id)) [\(j.id)]"
        facts = page.facts()
        groups = page.groups()
        mechanisms = j.mechanisms.map(page.mechanism)
        disputesHeading = RegimeSheet.unmarked(page.phrase(.regimeDiscrepancies))
        disputes = page.disputes()
        encodedMark = page.phrase(.regimeEncoded)
        notStatedHeading = RegimeSheet.unmarked(page.phrase(.regimeNotStatedHeading))
        notStated = page.notStated()
    }

    /// The discrepancies about `subject`.
    public func disputes(about subject: String?) -> [RegimeDispute] {
        guard let subject else { return [] }
        return disputes.filter { $0.about.contains(subject) }
    }

    /// The text layout marks headings with "== "; a page marks them with its own elements.
    static let headingMarker = "== "

    static func unmarked(_ heading: String) -> String {
        heading.hasPrefix(headingMarker) ? String(heading.dropFirst(headingMarker.count)) : heading
    }
}

/// The items of `RegimeSheet`, part by part, worded from the phrase tables and the corpus's labels.
struct RegimePage {
    let jurisdiction: Jurisdiction
    let words: RegimeWords
    let asOf: CalendarDate?

    func phrase(_ key: RegimePhrase, _ values: [String: String] = [:]) -> String { words.phrase(key, values) }

    func text(_ labels: [LocalizedString], _ fallback: String) -> String { words.text(labels, fallback) }

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

    func notStated(_ items: [NotStated]) -> [RegimeItem] {
        items.map {
            RegimeItem(part: .notStated, text: phrase(.regimeNotStatedItem, [
                "aspect": words.termName($0.aspect, in: "aspect"), "text": $0.notes.text(in: words.language) ?? "",
            ]), citations: $0.citations)
        }
    }

    /// The legal family and the date asked for.
    func facts() -> [RegimeItem] {
        let j = jurisdiction
        var out = [RegimeItem(text: phrase(.regimeLegalFamily, ["family": label(j.legalFamily, in: "legal-family")]),
                              citations: j.legalFamilyCitations)]
        if let asOf { out.append(RegimeItem(text: phrase(.regimeLawInForce, ["date": asOf.description]))) }
        return out
    }

    /// The defined groups of convicts.
    func groups() -> [RegimeItem] {
        jurisdiction.conditionSets.map { set in
            RegimeItem(text: phrase(.regimeDefinedGroup, ["id": set.id, "text": text(set.labels, set.id)]),
                       citations: set.citations, subject: set.id)
        }
    }

    func mechanism(_ m: ReleaseMechanism) -> RegimeMechanismSheet {
        let versions = asOf.map { d in m.versions.filter { $0.validity.contains(d) } } ?? m.versions
        let absent = asOf.flatMap { versions.isEmpty ? phrase(.regimeNoVersion, ["date": $0.description]) : nil }
        return RegimeMechanismSheet(id: m.id, title: "\(text(m.labels, m.id)) (\(words.termName(m.kind, in: "mechanism-kind")))",
                                    absent: absent, versions: versions.map(version))
    }

    func decision(_ d: Decision) -> String {
        switch d {
        case .discretionary: phrase(.regimeDecisionDiscretionary)
        case .mandatory: phrase(.regimeDecisionMandatory)
        case .automatic: phrase(.regimeDecisionAutomatic)
        }
    }

    /// A rule: "Threshold ID: label".
    func rule(_ part: RegimeItem.Part, _ key: RegimePhrase, _ id: String, _ labels: [LocalizedString],
              _ citations: [Citation]) -> RegimeItem {
        RegimeItem(part: part, text: phrase(key, ["id": id, "text": text(labels, id)]), citations: citations, subject: id)
    }

    func version(_ ver: MechanismVersion) -> RegimeVersionSheet {
        let heading = RegimeItem(text: phrase(.regimeVersion, ["id": ver.id, "dated": dated(ver.validity),
                                                               "decision": decision(ver.decision)]),
                                 citations: ver.citations, subject: ver.id)
        var out = [RegimeItem(part: .scope, text: phrase(.regimeScope, ["text": text(ver.scope.labels, "—")]),
                              citations: ver.scope.citations)]
        for th in ver.thresholds where shown(th.validity) {
            out.append(rule(.thresholds, .regimeThreshold, th.id, th.labels, th.citations))
        }
        out += exclusions(ver.exclusions)
        for g in ver.grantConditions { out.append(rule(.conditions, .regimeCondition, g.id, g.labels, g.citations)) }
        for g in ver.mandatoryRelease { out.append(rule(.mandatory, .regimeMandatory, g.id, g.labels, g.citations)) }
        if let p = ver.procedure { out += procedure(p) }
        if let s = ver.supervision {
            out.append(RegimeItem(part: .supervision, text: phrase(.regimeSupervision, [
                "by": label(s.by, in: "supervisor"), "text": text(s.labels, "—"),
            ]), citations: s.citations))
            out += notStated(s.notStated).map { var item = $0; item.part = .supervision; return item }
        }
        if let r = ver.revocation { out += revocation(r) }
        for c in ver.conversions { out.append(conversion(c)) }
        return RegimeVersionSheet(heading: heading, items: out + notStated(ver.notStated))
    }

    /// "4 days of custody = 1 monthly calculation index (MCI) of fine": counts of days agree with their number in
    /// each language; another unit is its label after the amount.
    func conversion(_ c: Conversion) -> RegimeItem {
        let amount = c.unit == "day" ? words.numbers.count(c.amount, .day) : "\(c.amount) " + label(c.unit, in: "unit")
        return RegimeItem(part: .conversions, text: phrase(.regimeConversion, [
            "id": c.id, "custody": words.numbers.count(c.daysOfCustody, .day), "amount": amount,
            "into": label(c.into, in: "punishment"),
        ]), citations: c.citations, subject: c.id)
    }

    /// The exclusions in force with their exceptions, then, on a date, those not yet in force.
    func exclusions(_ exclusions: [Exclusion]) -> [RegimeItem] {
        var out: [RegimeItem] = []
        for x in exclusions where shown(x.validity) {
            out.append(RegimeItem(part: .exclusions, text: phrase(.regimeExclusion, [
                "id": x.id, "dated": dated(x.validity), "text": text(x.labels, x.id),
            ]), citations: x.citations, subject: x.id))
            for e in x.exceptions {
                var item = rule(.exclusions, .regimeException, e.id, e.labels, e.citations)
                item.nested = true
                out.append(item)
            }
        }
        if let asOf {
            // Named without their citations, as the text always has: they are not the law on that date.
            for x in exclusions where !x.validity.contains(asOf) {
                out.append(RegimeItem(part: .exclusions, text: phrase(.regimeNotYetInForce, [
                    "date": asOf.description, "id": x.id, "dated": dated(x.validity), "text": text(x.labels, x.id),
                ]), subject: x.id, inForce: false))
            }
        }
        return out
    }

    func procedure(_ p: Procedure) -> [RegimeItem] {
        func item(_ text: String, _ citations: [Citation], _ subject: String? = nil) -> RegimeItem {
            RegimeItem(part: .procedure, text: text, citations: citations, subject: subject)
        }
        var out: [RegimeItem] = []
        for b in p.bodies {
            out.append(item(phrase(.regimeDecidedBy, ["kind": label(b.kind, in: "body-kind"), "text": text(b.labels, b.id)]),
                            b.citations, b.id))
        }
        if !p.initiators.isEmpty {
            out.append(item(phrase(.regimeInitiatedBy, [
                "actors": p.initiators.map { label($0.who, in: "actor") }.joined(separator: ", "),
            ]), p.initiators.flatMap(\.citations)))
        }
        if !p.participants.isEmpty {
            let actors = p.participants.map {
                phrase($0.required == true ? .regimeParticipantRequired : .regimeParticipantMayAttend,
                       ["actor": label($0.who, in: "actor")])
            }
            out.append(item(phrase(.regimeParticipants, ["actors": actors.joined(separator: ", ")]),
                            p.participants.first?.citations ?? []))
        }
        for h in p.hearing { out.append(item(phrase(.regimeHearing, ["text": text(h.labels, "—")]), h.citations)) }
        for a in p.appeals { out.append(item(phrase(.regimeAppeal, ["text": text(a.labels, "—")]), a.citations)) }
        if let wait = p.reapplicationWait {
            out.append(item(phrase(.regimeReapplication, ["wait": words.duration(wait)]), p.reapplicationCitations))
        }
        for a in p.arrangements {
            out.append(item(phrase(.regimeArrangement, ["dated": dated(a.validity), "text": text(a.labels, "—")]),
                            a.citations, a.id))
        }
        return out + notStated(p.notStated).map { var item = $0; item.part = .procedure; return item }
    }

    func revocation(_ r: Revocation) -> [RegimeItem] {
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
            return RegimeItem(part: .revocation, text: phrase(.regimeRevocation, [
                "id": g.id, "mode": mode, "consequence": label(g.consequence, in: "revocation-consequence"),
                "text": text(g.labels, g.id),
            ]), citations: g.citations, subject: g.id)
        } + [RegimeItem(part: .revocation, text: phrase(.regimeTimeOnRelease, ["value": timeOnRelease]))]
    }

    func disputes() -> [RegimeDispute] {
        jurisdiction.discrepancies.map { d in
            RegimeDispute(id: d.id, line: phrase(.regimeDiscrepancy, [
                "id": d.id, "text": text(d.labels, d.id), "ids": d.about.joined(separator: ", "),
            ]), about: d.about, claims: d.claims.map { c in
                RegimeClaim(id: c.id, statement: c.statements.text(in: words.language) ?? c.id,
                            encoded: c.id == d.encodedClaim, citations: c.citations)
            })
        }
    }

    func notStated() -> [RegimeItem] {
        jurisdiction.notStated.map {
            RegimeItem(text: "\(words.termName($0.aspect, in: "aspect")): \($0.notes.text(in: words.language) ?? "")",
                       citations: $0.citations)
        }
    }
}
