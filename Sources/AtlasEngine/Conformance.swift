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
    /// Why: the rules that make the feature present, or what the corpus lacks.
    public var explanation: String
    /// The rules of the regime the verdict rests on.
    public var evidence: [String]
}

/// Whether a regime has a feature, as far as its encoding tells.
public enum FeatureState: Sendable, Equatable {
    case present(evidence: [String])
    case absent
    /// The sources do not state the aspect the feature belongs to.
    case unknown(reason: String)
}

/// Evaluates the instruments' declarative checks against a regime, and against one case's outcome.
///
/// A feature found in the encoding is present. When it is not found, it is absent only if the report describes the
/// aspect it belongs to (the jurisdiction's coverage of that aspect is stated); otherwise the verdict is "not
/// assessable", because silence in the report is not absence in the law.
public struct ConformanceEvaluator: Sendable {
    public let instruments: [Instrument]

    public init(instruments: [Instrument]) { self.instruments = instruments }

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

    /// The checks the case's outcome touches: an exclusion that applied, a life sentence, a juvenile, a carer.
    public func verdicts(for outcome: JurisdictionOutcome, facts: Case) -> [ConformanceVerdict] {
        var features: Set<String> = []
        if outcome.mechanisms.contains(where: { $0.status == .excluded }) { features.insert("category-excluded") }
        if facts.term.isLife { features.insert("life-parole-possible") }
        if facts.juvenile { features.insert("juvenile-earlier-threshold") }
        if facts.pregnant || facts.youngChild || facts.singleParent { features.insert("caretaking-considered") }
        guard !features.isEmpty else { return [] }
        return verdicts(for: outcome.jurisdiction, features: features)
    }

    func verdict(_ i: Instrument, _ p: Provision, _ c: ConformanceCheck, _ state: FeatureState) -> ConformanceVerdict {
        switch state {
        case .present(let evidence):
            return ConformanceVerdict(instrument: i, provision: p, check: c,
                                      result: c.conflictWhenPresent ? .conflicts : .complies,
                                      explanation: "\(c.feature) is present (\(evidence.joined(separator: ", ")))",
                                      evidence: evidence)
        case .absent:
            return ConformanceVerdict(instrument: i, provision: p, check: c,
                                      result: c.conflictWhenPresent ? .complies : .conflicts,
                                      explanation: "\(c.feature) is absent although the sources describe this aspect",
                                      evidence: [])
        case .unknown(let reason):
            return ConformanceVerdict(instrument: i, provision: p, check: c, result: .notAssessable,
                                      explanation: reason, evidence: [])
        }
    }

    /// The coverage aspect a feature belongs to, and the `not-stated` terms that mark it unknown.
    static let aspects: [String: Set<String>] = [
        "category-excluded": ["exclusions"],
        "juvenile-earlier-threshold": ["juvenile-thresholds", "juveniles"],
        "caretaking-considered": ["criteria", "grant-criteria"],
        "supervision-after-release": ["supervision", "supervision-duties"],
        "supervision-by-police": ["supervision"],
        "life-parole-possible": ["life-thresholds", "life-threshold", "life"],
        "appeal-available": ["procedure", "appeal"],
        "hearing-with-convict": ["procedure", "hearing"],
        "reapplication-after-refusal": ["reapplication-wait", "procedure"],
        "release-criteria-stated": ["criteria", "grant-criteria"],
        "mandatory-revocation-for-breach": ["revocation", "time-on-release"],
    ]

    public func state(of feature: String, in j: Jurisdiction) -> FeatureState {
        let versions = j.mechanisms.flatMap { m in m.versions.map { (m, $0) } }
        let paroleLike = versions.filter { ["parole", "release-on-licence", "automatic-release"].contains($0.0.kind) }
        var evidence: [String] = []
        switch feature {
        case "category-excluded":
            evidence = paroleLike.flatMap { $0.1.exclusions.map(\.id) }
        case "juvenile-earlier-threshold":
            evidence = versions.flatMap { $0.1.thresholds.filter { Self.mentionsJuvenile($0.condition) }.map(\.id) }
        case "caretaking-considered":
            let all = versions.flatMap { v in
                v.1.thresholds.compactMap { t in t.condition.map { (t.id, $0) } }
                    + v.1.exclusions.flatMap { x in x.exceptions.map { ($0.id, $0.condition) } }
                    + (v.1.grantConditions + v.1.mandatoryRelease).map { ($0.id, $0.condition) }
            } + j.conditionSets.map { ($0.id, $0.condition) }
            evidence = all.filter { Self.mentionsCaretaking($0.1) }.map(\.0)
        case "supervision-after-release":
            evidence = versions.filter { $0.1.supervision != nil }.map { $0.1.id }
        case "supervision-by-police":
            evidence = versions.filter { $0.1.supervision?.by == "police" }.map { $0.1.id }
            if evidence.isEmpty, versions.contains(where: { $0.1.supervision.map { $0.by != "unspecified" } ?? false }) {
                return .absent
            }
        case "life-parole-possible":
            evidence = paroleLike.flatMap { $0.1.thresholds.filter { Self.mentionsLife($0.condition) }.map(\.id) }
        case "appeal-available":
            evidence = versions.filter { !($0.1.procedure?.appeals.isEmpty ?? true) }.map { $0.1.id }
        case "hearing-with-convict":
            evidence = versions.filter { $0.1.procedure?.participants.contains { $0.who == "convict" && $0.required == true } ?? false }
                .map { $0.1.id }
        case "reapplication-after-refusal":
            evidence = versions.filter { $0.1.procedure?.reapplicationWait != nil }.map { $0.1.id }
        case "release-criteria-stated":
            evidence = versions.flatMap { ($0.1.grantConditions + $0.1.mandatoryRelease).map(\.id) }
        case "mandatory-revocation-for-breach":
            evidence = versions.flatMap { $0.1.revocation?.grounds.filter { $0.mode == .mandatory && $0.consequence == "serve-remainder" }
                .map(\.id) ?? [] }
        default:
            return .unknown(reason: "the engine has no definition for the feature \(feature)")
        }
        if !evidence.isEmpty { return .present(evidence: evidence) }
        let notStated = j.notStatedAspects
        let aspect = Self.aspects[feature] ?? []
        if !notStated.isDisjoint(with: aspect) {
            return .unknown(reason: "the sources do not state \(aspect.sorted().joined(separator: " / ")) for \(j.id)")
        }
        if describes(feature, versions) { return .absent }
        return .unknown(reason: "the corpus records nothing on this aspect for \(j.id)")
    }

    /// Whether the encoding describes the aspect at all, so that not finding the feature means it is absent.
    private func describes(_ feature: String, _ versions: [(ReleaseMechanism, MechanismVersion)]) -> Bool {
        switch feature {
        case "category-excluded": return versions.contains { !$0.1.exclusions.isEmpty } || versions.contains { !$0.1.thresholds.isEmpty }
        case "juvenile-earlier-threshold": return false
        case "caretaking-considered", "release-criteria-stated":
            return versions.contains { !$0.1.grantConditions.isEmpty || !$0.1.mandatoryRelease.isEmpty }
        case "supervision-after-release": return false
        case "life-parole-possible": return versions.contains { v in v.1.thresholds.contains { $0.fixed != nil } }
        case "appeal-available", "hearing-with-convict", "reapplication-after-refusal":
            return versions.contains { v in
                guard let p = v.1.procedure else { return false }
                return !p.hearing.isEmpty || !p.participants.isEmpty || !p.appeals.isEmpty
            }
        case "mandatory-revocation-for-breach": return versions.contains { $0.1.revocation != nil }
        default: return false
        }
    }

    /// A condition that requires a life sentence.
    public static func mentionsLife(_ c: Condition?) -> Bool {
        c?.containsLeaf(throughNegation: false) { $0 == .life(true) } ?? false
    }

    /// A condition that favours young offenders (a juvenile, or under 21 at the offence).
    static func mentionsJuvenile(_ c: Condition?) -> Bool {
        c?.containsLeaf(throughNegation: false) { leaf in
            switch leaf {
            case .fact(.juvenile, true): return true
            case .age(.offence, _, let below): return below.map { $0 <= 21 } ?? false
            default: return false
            }
        } ?? false
    }

    static func mentionsCaretaking(_ c: Condition) -> Bool {
        c.containsLeaf(throughNegation: false) {
            $0 == .fact(.pregnant, true) || $0 == .fact(.youngChild, true) || $0 == .fact(.singleParent, true)
        }
    }
}
