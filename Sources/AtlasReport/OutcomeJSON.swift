import AtlasEngine
import AtlasModel

/// The JSON contract of `parole simulate --format json` (documented in docs/simulate-json.md).
///
/// Fields named by the foundation issue — `case`, `outcomes`, `jurisdiction`, `mechanisms`, `kind`, `available`,
/// `earliestDate`, `requiredServed`, `fraction`, `decidingBody`, `mandatory`, `trace`, `reason` — are never renamed
/// or removed; new fields may be added.
public enum OutcomeJSON {
    public static let schemaVersion = 1

    /// The whole document for one case.
    /// Every text field is in `wording`'s language; every statement also carries its data (`phrase`).
    public static func document(for facts: Case, outcomes: [JurisdictionOutcome], wording: Wording,
                                conformance: [String: [ConformanceVerdict]] = [:],
                                provenance: Provenance? = nil, reforms: JSONValue? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("schemaVersion", .int(schemaVersion)),
            ("provenance", provenance?.json ?? .null),
            ("language", .string(wording.language.rawValue)),
            ("case", caseValue(facts)),
            ("assumptions", .array([wording.text(.assumptionTerm), wording.text(.assumptionLaw)].map { .string($0) })),
            ("outcomes", .array(outcomes.map { jurisdiction($0, wording, conformance[$0.jurisdiction.id] ?? []) })),
        ]
        // Only a run under reforms says which: the law alone is the document without the field.
        if let reforms { fields.append(("reforms", reforms)) }
        return .object(fields)
    }

    /// A statement's data: its kind and typed values (dates and durations in ISO 8601, fractions and amounts as
    /// exact fractions, labels as the ids they belong to, facts by name), so a reader can word it anew.
    public static func phrase(_ p: Phrase) -> JSONValue {
        .object([("key", .string(p.key.rawValue)), ("values", .object(p.values.compactMap { slot in
            phraseValue(slot.value).map { (slot.name, $0) }
        }))])
    }

    static func phraseValue(_ v: PhraseValue) -> JSONValue? {
        switch v {
        case .date(let date): return .string(date.description)
        case .duration(let duration): return .string(duration.iso8601)
        case .fraction(let fraction), .amount(let fraction): return .string(fraction.description)
        case .count(let count): return .int(count)
        case .label(_, let fallback): return .string(fallback)
        case .term(_, let term): return .string(term)
        case .terms(_, let terms), .facts(let terms), .ids(let terms): return .array(terms.map { .string($0) })
        case .sentence(let term): return .string(term.description)
        case .status(let status): return .string(status)
        case .phrase(let inner): return phrase(inner)
        case .nothing: return nil
        }
    }

    /// The case as the engine read it: every fact of `CaseFactCatalogue` under its case-file key (`null` when
    /// unknown), and the end of the term after its start. Compositions are shown by the facts they set.
    static func caseValue(_ c: Case) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        for fact in CaseFactCatalogue.all {
            if case .composition = fact.kind { continue }
            fields.append((fact.jsonKey, json(c.inputValue(of: fact))))
            if fact.name == "start" { fields.append(("termEnd", .string(c.termEnd?.description))) }
        }
        return .object(fields)
    }

    private static func json(_ value: DraftValue?) -> JSONValue {
        switch value {
        case nil: .null
        case .text(let text)?: .string(text)
        case .number(let number)?: .int(number)
        case .yesNo(let answer)?: .bool(answer)
        case .list(let items)?: .array(items.map { .string($0) })
        }
    }

    static func jurisdiction(_ o: JurisdictionOutcome, _ w: Wording, _ verdicts: [ConformanceVerdict]) -> JSONValue {
        .object([
            ("jurisdiction", .string(o.jurisdiction.id)),
            ("name", .string(o.jurisdiction.names.text(in: w.language))),
            ("legalFamily", .string(o.jurisdiction.legalFamily)),
            ("earliestRelease", .string(o.earliestRelease?.description)),
            ("mechanisms", .array(o.mechanisms.map { mechanism($0, w) })),
            ("conformance", .array(verdicts.map { ConformanceJSON.verdict($0, wording: w) })),
        ])
    }

    static func mechanism(_ m: MechanismOutcome, _ w: Wording) -> JSONValue {
        .object(mechanismFields(m, w) + annotationFields(m, w))
    }

    /// What was decided: availability, dates, the governing rule, the reason and what is missing.
    static func mechanismFields(_ m: MechanismOutcome, _ w: Wording) -> [(String, JSONValue)] {
        let version = m.version
        return [
            ("mechanism", .string(m.mechanism.id)),
            ("kind", .string(m.mechanism.kind)),
            ("label", .string(m.mechanism.labels.text(in: w.language))),
            ("version", .string(version?.id)),
            ("available", .bool(m.available)),
            ("answer", .string(m.status.answer.rawValue)),
            ("status", .string(m.status.rawValue)),
            ("lawDate", .string(m.lawDate?.description)),
            ("endsCustody", .bool(m.endsCustody)),
            ("disputedKind", .string(m.disputedKind)),
            ("earliestDate", .string(m.earliestDate?.description)),
            ("requiredServed", .string(m.requiredServed?.iso8601)),
            ("requiredServedText", .string(m.requiredServed.map(w.numbers.fullDuration))),
            ("fraction", .string(m.fraction?.description)),
            ("fractionOf", .string(m.fractionBase?.rawValue)),
            ("threshold", .string(m.threshold?.id)),
            ("termEnd", .string(m.termEnd?.description)),
            ("decidingBody", .string(m.decidingBody.map { $0.labels.text(in: w.language) ?? $0.kind })),
            ("decidingBodyKind", .string(m.decidingBody?.kind)),
            ("decision", .string(version?.decision.rawValue)),
            ("mandatory", .bool(m.mandatory)),
            ("reason", m.reason.map { reason($0, w) } ?? .null),
            ("missingFacts", .array(m.missingFacts.map { .string($0) })),
            ("pending", .array(m.pending.map { p in
                .object([("rule", .string(p.ruleID)), ("text", .string(w.text(p.phrase))), ("phrase", phrase(p.phrase)),
                         ("missingFacts", .array(p.missingFacts.map { .string($0) })),
                         ("citations", citations(p.citations))])
            })),
        ]
    }

    /// What follows from the decision: discrepancies, supervision, revocation, procedure, conversions, branches
    /// and the trace.
    static func annotationFields(_ m: MechanismOutcome, _ w: Wording) -> [(String, JSONValue)] {
        let version = m.version
        return [
            ("discrepancies", .array(m.discrepancies.map { discrepancy($0, w) })),
            ("supervision", supervision(m, version, w)),
            ("revocation", .array((version?.revocation?.grounds ?? []).map { g in
                .object([("rule", .string(g.id)), ("mode", .string(g.mode.rawValue)),
                         ("consequence", .string(g.consequence)), ("text", .string(g.labels.text(in: w.language))),
                         ("citations", citations(g.citations))])
            })),
            ("reapplicationWait", .string(version?.procedure?.reapplicationWait?.iso8601)),
            ("arrangements", .array(m.arrangements.map { a in
                .object([("rule", .string(a.id)), ("planned", .bool(a.validity.basis == .planned)),
                         ("from", .string(a.validity.from?.description)), ("text", .string(a.labels.text(in: w.language))),
                         ("citations", citations(a.citations))])
            })),
            ("conversions", .array(m.conversions.map { c in
                .object([("rule", .string(c.conversion.id)), ("into", .string(c.conversion.into)),
                         ("remainderDays", .int(c.remainderDays)), ("amount", .string(c.amount.description)),
                         ("unit", .string(c.conversion.unit)),
                         ("allowed", c.allowed == .yes ? .bool(true) : c.allowed == .no ? .bool(false) : .null),
                         ("citations", citations(c.conversion.citations))])
            })),
            ("branches", .array(m.branches.map(branch))),
            ("trace", .array(m.trace.map { step($0, w) })),
        ]
    }

    static func branch(_ b: Branch) -> JSONValue {
        .object([
            ("assume", .object(b.assumption.map { ($0.fact, .bool($0.value)) })),
            ("offenceDate", b.offence.map { .object([("from", .string($0.from?.description)),
                                                      ("through", .string($0.through.description))]) } ?? .null),
            ("reading", b.reading.map { .object([("discrepancy", .string($0.discrepancy)), ("claim", .string($0.claim))]) } ?? .null),
            ("lawDate", .string(b.lawDate?.description)),
            ("status", .string(b.status.rawValue)),
            ("earliestDate", .string(b.earliestDate?.description)),
            ("requiredServed", .string(b.requiredServed?.iso8601)),
            ("fraction", .string(b.fraction?.description)),
            ("rule", .string(b.ruleID)),
        ])
    }

    static func supervision(_ m: MechanismOutcome, _ version: MechanismVersion?, _ w: Wording) -> JSONValue {
        guard m.available || m.status == .undetermined, let s = version?.supervision else { return .null }
        return .object([("by", .string(s.by)), ("until", .string(m.supervisionUntil?.description)),
                        ("text", .string(s.labels.text(in: w.language))), ("citations", citations(s.citations))])
    }

    static func reason(_ r: Reason, _ w: Wording) -> JSONValue {
        .object([("rule", .string(r.ruleID)), ("text", .string(w.text(r.phrase))), ("phrase", phrase(r.phrase)),
                 ("citations", citations(r.citations))])
    }

    static func discrepancy(_ d: DiscrepancyRange, _ w: Wording) -> JSONValue {
        .object([
            ("id", .string(d.discrepancy.id)),
            ("label", .string(d.discrepancy.labels.text(in: w.language))),
            ("earliest", .string(d.earliest?.description)),
            ("latest", .string(d.latest?.description)),
            ("encodedClaim", .string(d.discrepancy.encodedClaim)),
            ("claims", .array(d.discrepancy.claims.map { c in
                .object([("id", .string(c.id)), ("statement", .string(c.statements.text(in: w.language))),
                         ("date", .string(d.claimDates.first { $0.claimID == c.id }?.date.description)),
                         ("citations", citations(c.citations))])
            })),
        ])
    }

    static func step(_ s: TraceStep, _ w: Wording) -> JSONValue {
        .object([
            ("kind", .string(s.kind.rawValue)),
            ("rule", .string(s.ruleID)),
            ("message", .string(w.text(s.phrase))),
            ("phrase", phrase(s.phrase)),
            ("value", .string(s.value)),
            ("citations", citations(s.citations)),
            ("children", .array(s.children.map { step($0, w) })),
        ])
    }

    public static func citations(_ cs: [Citation]) -> JSONValue { .array(cs.map(citation)) }

    static func citation(_ c: Citation) -> JSONValue {
        .object([
            ("source", .string(c.sourceID)),
            ("text", .string(c.description)),
            ("lines", .string(c.lines)),
            ("footnote", c.footnote.map { .int($0) } ?? .null),
            ("article", .string(c.article)),
            ("paragraph", .string(c.paragraph)),
            ("quote", .string(c.quotes.first?.text)),
        ])
    }
}
