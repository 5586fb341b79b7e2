/// Whether the deciding body may, must, or need not be asked to release.
public enum Decision: String, Hashable, Sendable {
    case discretionary, mandatory, automatic
}

/// One way out of prison early (parole, replacement, …), as a sequence of dated versions of the law.
public struct ReleaseMechanism: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var kind: String
        var labels: [LocalizedString]
        var versions: [MechanismVersion]
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    /// Vocabulary term of the `mechanism-kind` set, e.g. `parole`.
    public var kind: String { get { stored.fields.kind } set { stored = stored.with { $0.kind = newValue } } }
    public var labels: [LocalizedString] { get { stored.fields.labels } set { stored = stored.with { $0.labels = newValue } } }
    /// Whether some threshold of the mechanism is laid from another mechanism's date.
    public var hasRelativeThreshold: Bool { versions.contains { $0.thresholds.contains { $0.relativeTo != nil } } }
    public var versions: [MechanismVersion] { get { stored.fields.versions } set { stored = stored.with { $0.versions = newValue } } }
    public init(id: String, kind: String, labels: [LocalizedString], versions: [MechanismVersion]) {
        stored = Frozen(Stored(id: id, kind: kind, labels: labels, versions: versions))
    }

    /// The version in force on `date`, if any.
    public func version(inForceOn date: CalendarDate) -> MechanismVersion? {
        versions.first { $0.validity.contains(date) }
    }
}

/// The text of a mechanism as in force over one period.
public struct MechanismVersion: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var validity: Validity
        var decision: Decision
        var citations: [Citation]
        var scope: Scope
        var thresholds: [Threshold]
        var exclusions: [Exclusion]
        var grantConditions: [RuleCondition]
        var mandatoryRelease: [RuleCondition]
        var procedure: Procedure?
        var supervision: Supervision?
        var revocation: Revocation?
        var conversions: [Conversion]
        var notStated: [NotStated]
        var notes: [LocalizedString]
        var origin: SourceLocation?
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var validity: Validity { get { stored.fields.validity } set { stored = stored.with { $0.validity = newValue } } }
    public var decision: Decision { get { stored.fields.decision } set { stored = stored.with { $0.decision = newValue } } }
    public var citations: [Citation] { get { stored.fields.citations } set { stored = stored.with { $0.citations = newValue } } }
    public var scope: Scope { get { stored.fields.scope } set { stored = stored.with { $0.scope = newValue } } }
    public var thresholds: [Threshold] { get { stored.fields.thresholds } set { stored = stored.with { $0.thresholds = newValue } } }
    public var exclusions: [Exclusion] { get { stored.fields.exclusions } set { stored = stored.with { $0.exclusions = newValue } } }
    public var grantConditions: [RuleCondition] { get { stored.fields.grantConditions } set { stored = stored.with { $0.grantConditions = newValue } } }
    public var mandatoryRelease: [RuleCondition] { get { stored.fields.mandatoryRelease } set { stored = stored.with { $0.mandatoryRelease = newValue } } }
    public var procedure: Procedure? { get { stored.fields.procedure } set { stored = stored.with { $0.procedure = newValue } } }
    public var supervision: Supervision? { get { stored.fields.supervision } set { stored = stored.with { $0.supervision = newValue } } }
    public var revocation: Revocation? { get { stored.fields.revocation } set { stored = stored.with { $0.revocation = newValue } } }
    public var conversions: [Conversion] { get { stored.fields.conversions } set { stored = stored.with { $0.conversions = newValue } } }
    public var notStated: [NotStated] { get { stored.fields.notStated } set { stored = stored.with { $0.notStated = newValue } } }
    public var notes: [LocalizedString] { get { stored.fields.notes } set { stored = stored.with { $0.notes = newValue } } }
    public var origin: SourceLocation? { get { stored.fields.origin } set { stored = stored.with { $0.origin = newValue } } }

    public init(id: String, validity: Validity, decision: Decision, citations: [Citation], scope: Scope,
                thresholds: [Threshold] = [], exclusions: [Exclusion] = [], grantConditions: [RuleCondition] = [],
                mandatoryRelease: [RuleCondition] = [], procedure: Procedure? = nil, supervision: Supervision? = nil,
                revocation: Revocation? = nil, conversions: [Conversion] = [], notStated: [NotStated] = [],
                notes: [LocalizedString] = [], origin: SourceLocation? = nil) {
        stored = Frozen(Stored(id: id, validity: validity, decision: decision, citations: citations, scope: scope, thresholds: thresholds, exclusions: exclusions, grantConditions: grantConditions, mandatoryRelease: mandatoryRelease, procedure: procedure, supervision: supervision, revocation: revocation, conversions: conversions, notStated: notStated, notes: notes, origin: origin))
    }
}

/// Who the mechanism can apply to at all.
public struct Scope: Sendable {
    public var labels: [LocalizedString]
    public var condition: Condition
    public var citations: [Citation]
    public init(labels: [LocalizedString], condition: Condition, citations: [Citation]) {
        self.labels = labels
        self.condition = condition
        self.citations = citations
    }
}
