import AtlasModel

/// A provision's verdict on a regime: complies, conflicts, or cannot be assessed from the corpus.
public struct ConformanceVerdict: Sendable {
    public enum Result: String, Sendable {
        case complies, conflicts
        case notAssessable = "not-assessable"
    }
    public var instrument: Instrument
    public var provision: Provision
    public var check: ConformanceCheck
    public var result: Result
    /// Why: the rules that make the feature present, or what the corpus lacks (data; the report words it).
    public var explanation: Phrase
    /// The rules of the regime the verdict rests on.
    public var evidence: [String]
}

/// Whether a regime has a feature, as far as its encoding tells.
public enum FeatureState: Sendable, Equatable {
    case present(evidence: [String])
    case absent
    /// The sources do not state the aspect the feature belongs to.
    case unknown(reason: Phrase)
}

/// Evaluates the instruments' declarative checks against a regime, and against one case's outcome.
///
/// What makes each feature present, absent or unknown is the corpus's (`RegimeFeatureDefinition`, read from
/// corpus/vocabulary.xml): a feature found in the encoding is present; when it is not found, it is absent only if
/// the report describes the aspect it belongs to; otherwise the verdict is "not assessable", because silence in the
/// report is not absence in the law.
public struct ConformanceEvaluator: Sendable {
    public let instruments: [Instrument]
    /// How each regime feature is read, by feature term.
    public let features: [String: RegimeFeatureDefinition]

    public init(instruments: [Instrument], features: [String: RegimeFeatureDefinition]) {
        self.instruments = instruments
        self.features = features
    }

    /// The corpus's instruments, checked with its feature definitions.
    public init(corpus: Corpus) {
        self.init(instruments: corpus.instruments, features: corpus.vocabulary.features)
    }

    /// Every check of every instrument against `jurisdiction`.
    public func verdicts(for jurisdiction: Jurisdiction) -> [ConformanceVerdict] {
        verdicts(for: jurisdiction, features: nil)
    }

    /// The verdicts of the checks on `features` (all checks when `nil`), in instrument and provision order; each
    /// feature's state is worked out once.
    func verdicts(for jurisdiction: Jurisdiction, features: Set<String>?) -> [ConformanceVerdict] {
        var states: [String: FeatureState] = [:]
        return instruments.flatMap { i in
            i.provisions.flatMap { p in
                p.checks.filter { features?.contains($0.feature) ?? true }.map { c in
                    let s = states[c.feature] ?? state(of: c.feature, in: jurisdiction)
                    states[c.feature] = s
                    return verdict(i, p, c, s)
                }
            }
        }
    }

    /// The checks the case's outcome touches: those on every feature with a `touched-by` that holds for the case
    /// or its outcome (an exclusion that applied, a life sentence, a juvenile, a carer, in the bundled corpus).
    public func verdicts(for outcome: JurisdictionOutcome, facts: Case) -> [ConformanceVerdict] {
        let touched = Set(features.values.filter { d in d.touchedBy.contains { Self.touches($0, outcome, facts) } }
            .map(\.feature))
        guard !touched.isEmpty else { return [] }
        return verdicts(for: outcome.jurisdiction, features: touched)
    }

    static func touches(_ touch: CaseTouch, _ outcome: JurisdictionOutcome, _ facts: Case) -> Bool {
        switch touch {
        case .outcome(let status): return outcome.mechanisms.contains { $0.status.rawValue == status }
        case .life(let wanted): return facts.term.isLife == wanted
        case .fact(let fact, let wanted): return facts.value(of: fact) == wanted
        }
    }

    func verdict(_ i: Instrument, _ p: Provision, _ c: ConformanceCheck, _ state: FeatureState) -> ConformanceVerdict {
        switch state {
        case .present(let evidence):
            return ConformanceVerdict(instrument: i, provision: p, check: c,
                                      result: c.conflictWhenPresent ? .conflicts : .complies,
                                      explanation: Phrase(.featurePresent, [
                                          PhraseSlot("feature", .term(set: "regime-feature", term: c.feature)),
                                          PhraseSlot("rules", .ids(evidence)),
                                      ]),
                                      evidence: evidence)
        case .absent:
            return ConformanceVerdict(instrument: i, provision: p, check: c,
                                      result: c.conflictWhenPresent ? .complies : .conflicts,
                                      explanation: Phrase(.featureAbsent, [
                                          PhraseSlot("feature", .term(set: "regime-feature", term: c.feature)),
                                      ]),
                                      evidence: [])
        case .unknown(let reason):
            return ConformanceVerdict(instrument: i, provision: p, check: c, result: .notAssessable,
                                      explanation: reason, evidence: [])
        }
    }

    /// The feature's state in `j`, as its corpus definition reads it (see the type's comment for the order).
    public func state(of feature: String, in j: Jurisdiction) -> FeatureState {
        guard let definition = features[feature] else {
            return .unknown(reason: Phrase(.featureUndefined, [PhraseSlot("feature", .ids([feature]))]))
        }
        let evidence = definition.present.flatMap { Self.find($0, in: j) }
        if !evidence.isEmpty { return .present(evidence: evidence) }
        let described = definition.described.contains { !Self.find($0, in: j).isEmpty }
        // A definition may count its description as stronger than a not-stated aspect (a named supervisor says who
        // supervises, even when other supervision aspects are not stated).
        if described, definition.describedDespiteNotStated { return .absent }
        let aspects = Set(definition.notStatedAspects)
        if !j.notStatedAspects.isDisjoint(with: aspects) {
            return .unknown(reason: Phrase(.aspectNotStated, [
                PhraseSlot("aspects", .terms(set: "aspect", terms: aspects.sorted())),
                PhraseSlot("jurisdiction", .label(j.names, fallback: j.id)),
            ]))
        }
        if described { return .absent }
        return .unknown(reason: Phrase(.aspectNotRecorded, [PhraseSlot("jurisdiction", .label(j.names, fallback: j.id))]))
    }

    /// The ids `query` finds in `j`: per mechanism (of the query's kinds) and version, each part in the query's
    /// order; the jurisdiction's condition sets after every version.
    static func find(_ query: RegimeQuery, in j: Jurisdiction) -> [String] {
        var found: [String] = []
        for m in j.mechanisms where query.mechanismKinds?.contains(m.kind) ?? true {
            for v in m.versions {
                for part in query.parts { found += find(part, query, in: v) }
            }
        }
        if query.parts.contains(.conditionSet) {
            found += j.conditionSets.filter { query.admits($0.condition) }.map(\.id)
        }
        return found
    }

    private static func find(_ part: RegimeQuery.Part, _ q: RegimeQuery, in v: MechanismVersion) -> [String] {
        // A version part gives the version's id once, however many of the part it has.
        func version(_ has: Bool) -> [String] { has ? [v.id] : [] }
        switch part {
        case .exclusion: return v.exclusions.filter { q.admits($0.condition) }.map(\.id)
        case .threshold:
            return v.thresholds.filter { t in
                guard q.admits(t.condition) else { return false }
                switch q.thresholdWith {
                case nil: return true
                case .fraction: return t.fraction != nil
                case .minimum: return t.minimum != nil
                case .fixed: return t.fixed != nil
                }
            }.map(\.id)
        case .exception: return v.exclusions.flatMap(\.exceptions).filter { q.admits($0.condition) }.map(\.id)
        case .grantCondition: return v.grantConditions.filter { q.admits($0.condition) }.map(\.id)
        case .mandatoryRelease: return v.mandatoryRelease.filter { q.admits($0.condition) }.map(\.id)
        case .conditionSet: return []
        case .supervision:
            guard let s = v.supervision else { return [] }
            return version((q.supervisor.map { s.by == $0 } ?? true) && (q.supervisorOtherThan.map { s.by != $0 } ?? true))
        case .appeal: return version(!(v.procedure?.appeals.isEmpty ?? true))
        case .participant:
            return version(v.procedure?.participants.contains { p in
                (q.participant.map { p.who == $0 } ?? true) && (q.participantRequired.map { p.required == $0 } ?? true)
            } ?? false)
        case .hearing: return version(!(v.procedure?.hearing.isEmpty ?? true))
        case .reapplicationWait: return version(v.procedure?.reapplicationWait != nil)
        case .revocation: return version(v.revocation != nil)
        case .revocationGround:
            return (v.revocation?.grounds ?? []).filter { g in
                (q.revocationMode.map { g.mode == $0 } ?? true)
                    && (q.revocationConsequence.map { g.consequence == $0 } ?? true)
            }.map(\.id)
        }
    }

    /// A condition that requires a life sentence.
    public static func mentionsLife(_ c: Condition?) -> Bool {
        c?.containsLeaf(throughNegation: false) { $0 == .life(true) } ?? false
    }
}

extension RegimeQuery {
    /// Whether a rule with `condition` passes the query's `mentions` filter: it requires one of the leaves (not
    /// through a negation, which mentions the fact without establishing it); no filter passes every rule.
    func admits(_ condition: Condition?) -> Bool {
        guard !mentions.isEmpty else { return true }
        return condition?.containsLeaf(throughNegation: false) { leaf in mentions.contains { $0.matches(leaf) } } ?? false
    }
}
