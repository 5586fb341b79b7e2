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
    public static func document(for facts: Case, outcomes: [JurisdictionOutcome], vocabulary: Vocabulary,
                                conformance: [String: [ConformanceVerdict]] = [:],
                                provenance: Provenance? = nil) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("provenance", provenance?.json ?? .null),
            ("case", caseValue(facts)),
            ("assumptions", .array(assumptions.map { .string($0) })),
            ("outcomes", .array(outcomes.map { jurisdiction($0, vocabulary, conformance[$0.jurisdiction.id] ?? []) })),
        ])
    }

    /// Statements that hold for every outcome, printed with each result.
    public static let assumptions = [
        "The sentence is taken as imposed under each jurisdiction's law, term unchanged.",
        "The law applied is the law in force on the as-of date.",
    ]

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

    static func jurisdiction(_ o: JurisdictionOutcome, _ v: Vocabulary, _ verdicts: [ConformanceVerdict]) -> JSONValue {
        .object([
            ("jurisdiction", .string(o.jurisdiction.id)),
            ("name", .string(o.jurisdiction.names.text(in: "en"))),
            ("legalFamily", .string(o.jurisdiction.legalFamily)),
            ("earliestRelease", .string(o.earliestRelease?.description)),
            ("mechanisms", .array(o.mechanisms.map { mechanism($0, v) })),
            ("conformance", .array(verdicts.map { ConformanceJSON.verdict($0) })),
        ])
    }

    static func mechanism(_ m: MechanismOutcome, _ v: Vocabulary) -> JSONValue {
        let version = m.version
        return .object([
            ("mechanism", .string(m.mechanism.id)),
            ("kind", .string(m.mechanism.kind)),
            ("label", .string(m.mechanism.labels.text(in: "en"))),
            ("version", .string(version?.id)),
            ("available", .bool(m.available)),
            ("status", .string(m.status.rawValue)),
            ("earliestDate", .string(m.earliestDate?.description)),
            ("requiredServed", .string(m.requiredServed?.iso8601)),
            ("requiredServedText", .string(m.requiredServed?.spelledOut)),
            ("fraction", .string(m.fraction?.description)),
            ("fractionOf", .string(m.fractionBase?.rawValue)),
            ("threshold", .string(m.threshold?.id)),
            ("termEnd", .string(m.termEnd?.description)),
            ("decidingBody", .string(m.decidingBody.map { $0.labels.text(in: "en") ?? $0.kind })),
            ("decidingBodyKind", .string(m.decidingBody?.kind)),
            ("decision", .string(version?.decision.rawValue)),
            ("mandatory", .bool(m.mandatory)),
            ("reason", m.reason.map(reason) ?? .null),
            ("missingFacts", .array(m.missingFacts.map { .string($0) })),
            ("pending", .array(m.pending.map { p in
                .object([("rule", .string(p.ruleID)), ("text", .string(p.text)),
                         ("missingFacts", .array(p.missingFacts.map { .string($0) })),
                         ("citations", citations(p.citations))])
            })),
            ("discrepancies", .array(m.discrepancies.map(discrepancy))),
            ("supervision", supervision(m, version, v)),
            ("revocation", .array((version?.revocation?.grounds ?? []).map { g in
                .object([("rule", .string(g.id)), ("mode", .string(g.mode.rawValue)),
                         ("consequence", .string(g.consequence)), ("text", .string(g.labels.text(in: "en"))),
                         ("citations", citations(g.citations))])
            })),
            ("reapplicationWait", .string(version?.procedure?.reapplicationWait?.iso8601)),
            ("arrangements", .array(m.arrangements.map { a in
                .object([("rule", .string(a.id)), ("planned", .bool(a.validity.basis == .planned)),
                         ("from", .string(a.validity.from?.description)), ("text", .string(a.labels.text(in: "en"))),
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
            ("trace", .array(m.trace.map(step))),
        ])
    }

    static func branch(_ b: Branch) -> JSONValue {
        .object([
            ("assume", .object(b.assumption.map { ($0.fact, .bool($0.value)) })),
            ("status", .string(b.status.rawValue)),
            ("earliestDate", .string(b.earliestDate?.description)),
            ("requiredServed", .string(b.requiredServed?.iso8601)),
            ("fraction", .string(b.fraction?.description)),
            ("rule", .string(b.ruleID)),
        ])
    }

    static func supervision(_ m: MechanismOutcome, _ version: MechanismVersion?, _ v: Vocabulary) -> JSONValue {
        guard m.available || m.status == .undetermined, let s = version?.supervision else { return .null }
        return .object([("by", .string(s.by)), ("until", .string(m.supervisionUntil?.description)),
                        ("text", .string(s.labels.text(in: "en"))), ("citations", citations(s.citations))])
    }

    static func reason(_ r: Reason) -> JSONValue {
        .object([("rule", .string(r.ruleID)), ("text", .string(r.text)), ("citations", citations(r.citations))])
    }

    static func discrepancy(_ d: DiscrepancyRange) -> JSONValue {
        .object([
            ("id", .string(d.discrepancy.id)),
            ("label", .string(d.discrepancy.labels.text(in: "en"))),
            ("earliest", .string(d.earliest?.description)),
            ("latest", .string(d.latest?.description)),
            ("encodedClaim", .string(d.discrepancy.encodedClaim)),
            ("claims", .array(d.discrepancy.claims.map { c in
                .object([("id", .string(c.id)), ("statement", .string(c.statements.text(in: "en"))),
                         ("date", .string(d.claimDates.first { $0.claimID == c.id }?.date.description)),
                         ("citations", citations(c.citations))])
            })),
        ])
    }

    static func step(_ s: TraceStep) -> JSONValue {
        .object([
            ("kind", .string(s.kind.rawValue)),
            ("rule", .string(s.ruleID)),
            ("message", .string(s.message)),
            ("value", .string(s.value)),
            ("citations", citations(s.citations)),
            ("children", .array(s.children.map(step))),
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
