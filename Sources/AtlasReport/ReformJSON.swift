import AtlasEngine
import AtlasModel

/// The JSON of reforms: the list of `parole reforms`, the reforms a run applied, and the document of `parole
/// whatif`, whose `before` and `after` are `simulate` documents (docs/whatif.schema.json).
public enum ReformJSON {
    /// One reform: what it is and where it comes from; its words in the wording's language.
    public static func reform(_ r: Reform, package: ReformPackage?, _ w: Wording) -> JSONValue {
        .object([
            ("id", .string(r.id)),
            ("package", package.map { .string($0.id) } ?? .null),
            ("jurisdiction", .string(r.jurisdiction)),
            ("row", r.row.map(JSONValue.int) ?? .null),
            ("kind", .string(r.kind)),
            ("kindLabel", .string(w.vocabulary.label(r.kind, in: "reform-kind", language: w.language.rawValue))),
            ("variantSet", r.variantSet.map(JSONValue.string) ?? .null),
            ("variant", r.variant.map(JSONValue.int) ?? .null),
            ("computable", .bool(r.isComputable)),
            ("label", .string(r.labels.text(in: w.language) ?? r.id)),
            ("changes", .array(r.changes.map { .object([("rule", .string($0.ruleID)), ("change", .string(changeName($0)))]) })),
            ("citations", .array((r.proposed?.citations ?? []).map(OutcomeJSON.citation) + r.citations.map(OutcomeJSON.citation))),
            ("notes", .array(r.notes.filter { $0.language == w.language.rawValue }.map { .string($0.text) })),
        ])
    }

    /// The kind of a change, as the reform file's element names it.
    static func changeName(_ c: ReformChange) -> String {
        switch c.action {
        case .setThreshold: "set-threshold"
        case .setCondition: "set-condition"
        case .addAlternative: "add-alternative"
        case .addThreshold: "add-threshold"
        case .addExclusion: "add-exclusion"
        case .addException: "add-exception"
        case .addGrantCondition: "add-grant-condition"
        case .addMandatoryRelease: "add-mandatory-release"
        case .addRevocationGround: "add-revocation-ground"
        case .remove: "remove"
        case .setDecidingBody: "set-deciding-body"
        case .setReapplicationWait: "set-reapplication-wait"
        }
    }

    /// The reforms a run applied and their entry into force (the `reforms` field of a `simulate` document).
    public static func applied(_ stack: ReformStack, effective: CalendarDate, corpus: Corpus, _ w: Wording) -> JSONValue {
        .object([
            ("effective", .string(effective.description)),
            ("reforms", .array(stack.reforms.map { reform($0, package: corpus.reform($0.id)?.package, w) })),
        ])
    }

    /// The document of `parole whatif`.
    public static func whatIf(_ c: ReformComparison, facts: Case, stack: ReformStack, effective: CalendarDate,
                              corpus: Corpus, _ w: Wording, conformanceBefore: [String: [ConformanceVerdict]],
                              conformanceAfter: [String: [ConformanceVerdict]], provenance: Provenance) -> JSONValue {
        let applied = applied(stack, effective: effective, corpus: corpus, w)
        return .object([
            ("schemaVersion", .int(OutcomeJSON.schemaVersion)),
            ("provenance", provenance.json),
            ("language", .string(w.language.rawValue)),
            ("effective", .string(effective.description)),
            ("reforms", applied),
            ("before", OutcomeJSON.document(for: facts, outcomes: c.before, wording: w, conformance: conformanceBefore,
                                            provenance: provenance)),
            ("after", OutcomeJSON.document(for: facts, outcomes: c.after, wording: w, conformance: conformanceAfter,
                                           provenance: provenance, reforms: applied)),
            ("differences", .array(c.differences.map { difference($0, w) })),
        ])
    }

    static func difference(_ d: OutcomeDifference, _ w: Wording) -> JSONValue {
        func side(_ m: MechanismOutcome) -> JSONValue {
            .object([("status", .string(m.status.rawValue)), ("answer", .string(m.status.answer.rawValue)),
                     ("available", .bool(m.available)),
                     ("earliestDate", m.earliestDate.map { .string($0.description) } ?? .null),
                     ("mandatory", .bool(m.mandatory)),
                     ("missingFacts", .array(m.missingFacts.map(JSONValue.string)))])
        }
        return .object([
            ("jurisdiction", .string(d.jurisdiction)),
            ("mechanism", .string(d.mechanism)),
            ("kind", .string(d.after.mechanism.kind)),
            ("before", side(d.before)),
            ("after", side(d.after)),
            ("days", d.days.map(JSONValue.int) ?? .null),
            ("text", .string(ReformText.difference(d, w))),
            ("reforms", .array(d.reforms.map(JSONValue.string))),
            ("rules", .array(d.rules.map(JSONValue.string))),
        ])
    }

    /// The list of `parole reforms`.
    public static func list(_ packages: [ReformPackage], _ w: Wording, provenance: Provenance) -> JSONValue {
        .object([
            ("provenance", provenance.json),
            ("language", .string(w.language.rawValue)),
            ("packages", .array(packages.map { p in
                .object([("id", .string(p.id)), ("jurisdiction", .string(p.jurisdiction)),
                         ("annex", p.table.map { .int($0.annex) } ?? .null),
                         ("label", .string(p.labels.text(in: w.language) ?? p.id)),
                         ("reforms", .array(p.reforms.map { reform($0, package: p, w) }))])
            })),
        ])
    }
}

extension ReformJSON {
    /// The document of `parole conformance ID --reform …`: the verdicts that change, and both full lists.
    public static func conformance(_ changes: [ConformanceChange], before: [ConformanceVerdict],
                                   after: [ConformanceVerdict], stack: ReformStack, effective: CalendarDate,
                                   corpus: Corpus, _ w: Wording, provenance: Provenance) -> JSONValue {
        .object([
            ("provenance", provenance.json),
            ("language", .string(w.language.rawValue)),
            ("effective", .string(effective.description)),
            ("reforms", applied(stack, effective: effective, corpus: corpus, w)),
            ("changes", .array(changes.map { c in
                .object([("instrument", .string(c.after.instrument.id)), ("provision", .string(c.after.provision.id)),
                         ("check", .string(c.after.check.id)), ("feature", .string(c.after.check.feature)),
                         ("before", .string(c.before.result.rawValue)), ("after", .string(c.after.result.rawValue)),
                         ("direction", .string(c.direction.rawValue)),
                         ("added", .array(c.added.map(JSONValue.string))),
                         ("removed", .array(c.removed.map(JSONValue.string))),
                         ("reforms", .array(c.reforms.map(JSONValue.string)))])
            })),
            ("before", .array(before.map { ConformanceJSON.verdict($0, wording: w) })),
            ("after", .array(after.map { ConformanceJSON.verdict($0, wording: w) })),
        ])
    }
}
