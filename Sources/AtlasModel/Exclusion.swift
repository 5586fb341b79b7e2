/// A named, reusable condition (e.g. "vulnerable categories").
public struct ConditionSet: Sendable, Identifiable {
    public var id: String
    public var labels: [LocalizedString]
    public var condition: Condition
    public var citations: [Citation]
    public init(id: String, labels: [LocalizedString], condition: Condition, citations: [Citation]) {
        self.id = id
        self.labels = labels
        self.condition = condition
        self.citations = citations
    }
}

/// A category of convicts the mechanism does not reach, with the exceptions that bring some back.
public struct Exclusion: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var labels: [LocalizedString]
        var condition: Condition
        var exceptions: [RuleCondition]
        var validity: Validity
        var citations: [Citation]
        var notes: [LocalizedString]
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var labels: [LocalizedString] { get { stored.fields.labels } set { stored = stored.with { $0.labels = newValue } } }
    public var condition: Condition { get { stored.fields.condition } set { stored = stored.with { $0.condition = newValue } } }
    public var exceptions: [RuleCondition] { get { stored.fields.exceptions } set { stored = stored.with { $0.exceptions = newValue } } }
    public var validity: Validity { get { stored.fields.validity } set { stored = stored.with { $0.validity = newValue } } }
    public var citations: [Citation] { get { stored.fields.citations } set { stored = stored.with { $0.citations = newValue } } }
    public var notes: [LocalizedString] { get { stored.fields.notes } set { stored = stored.with { $0.notes = newValue } } }
    public init(id: String, labels: [LocalizedString], condition: Condition, exceptions: [RuleCondition],
                validity: Validity, citations: [Citation], notes: [LocalizedString] = []) {
        stored = Frozen(Stored(id: id, labels: labels, condition: condition, exceptions: exceptions, validity: validity, citations: citations, notes: notes))
    }
}

/// A labelled, cited condition: an exception, a condition of grant, or a mandatory-release rule.
public struct RuleCondition: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var labels: [LocalizedString]
        var condition: Condition
        var validity: Validity
        var citations: [Citation]
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var labels: [LocalizedString] { get { stored.fields.labels } set { stored = stored.with { $0.labels = newValue } } }
    public var condition: Condition { get { stored.fields.condition } set { stored = stored.with { $0.condition = newValue } } }
    public var validity: Validity { get { stored.fields.validity } set { stored = stored.with { $0.validity = newValue } } }
    public var citations: [Citation] { get { stored.fields.citations } set { stored = stored.with { $0.citations = newValue } } }
    public init(id: String, labels: [LocalizedString], condition: Condition, validity: Validity = .always,
                citations: [Citation]) {
        stored = Frozen(Stored(id: id, labels: labels, condition: condition, validity: validity, citations: citations))
    }
}
