/// A cited statement in words (a hearing rule, an appeal route, a pilot arrangement).
public struct CitedStatement: Sendable {
    public var id: String?
    public var labels: [LocalizedString]
    public var validity: Validity
    public var citations: [Citation]
    public init(id: String? = nil, labels: [LocalizedString], validity: Validity = .always, citations: [Citation]) {
        self.id = id
        self.labels = labels
        self.validity = validity
        self.citations = citations
    }
}

public struct DecidingBody: Sendable, Identifiable {
    public var id: String
    /// Vocabulary term of the `body-kind` set, e.g. `court`.
    public var kind: String
    public var labels: [LocalizedString]
    public var validity: Validity
    public var citations: [Citation]
    public init(id: String, kind: String, labels: [LocalizedString], validity: Validity = .always,
                citations: [Citation]) {
        self.id = id
        self.kind = kind
        self.labels = labels
        self.validity = validity
        self.citations = citations
    }
}

/// Someone who may start the procedure or must (or may) take part in it.
public struct ProceduralActor: Sendable {
    /// Vocabulary term of the `actor` set.
    public var who: String
    public var required: Bool?
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public init(who: String, required: Bool? = nil, labels: [LocalizedString] = [], citations: [Citation]) {
        self.who = who
        self.required = required
        self.labels = labels
        self.citations = citations
    }
}

public struct Procedure: Sendable {
    public var bodies: [DecidingBody]
    public var initiators: [ProceduralActor]
    public var participants: [ProceduralActor]
    public var hearing: [CitedStatement]
    public var appeals: [CitedStatement]
    public var reapplicationWait: CalendarDuration?
    public var reapplicationCitations: [Citation]
    public var arrangements: [CitedStatement]
    public var notStated: [NotStated]
    public init(bodies: [DecidingBody], initiators: [ProceduralActor] = [], participants: [ProceduralActor] = [],
                hearing: [CitedStatement] = [], appeals: [CitedStatement] = [],
                reapplicationWait: CalendarDuration? = nil, reapplicationCitations: [Citation] = [],
                arrangements: [CitedStatement] = [], notStated: [NotStated] = []) {
        self.bodies = bodies
        self.initiators = initiators
        self.participants = participants
        self.hearing = hearing
        self.appeals = appeals
        self.reapplicationWait = reapplicationWait
        self.reapplicationCitations = reapplicationCitations
        self.arrangements = arrangements
        self.notStated = notStated
    }
}

public struct Supervision: Sendable {
    public enum Period: Sendable, Equatable {
        case unservedRemainder
        case fixed(CalendarDuration)
        case notStated
    }
    /// Vocabulary term of the `supervisor` set.
    public var by: String
    public var period: Period
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public var notStated: [NotStated]
    public init(by: String, period: Period, labels: [LocalizedString], citations: [Citation],
                notStated: [NotStated] = []) {
        self.by = by
        self.period = period
        self.labels = labels
        self.citations = citations
        self.notStated = notStated
    }
}

public struct RevocationGround: Sendable, Identifiable {
    public enum Mode: String, Sendable { case discretionary, mandatory, courtDecides = "court-decides" }
    public var id: String
    public var mode: Mode
    public var initiatedBy: String?
    public var labels: [LocalizedString]
    public var condition: Condition?
    /// Vocabulary term of the `revocation-consequence` set.
    public var consequence: String
    public var validity: Validity
    public var citations: [Citation]
    public init(id: String, mode: Mode, initiatedBy: String?, labels: [LocalizedString], condition: Condition?,
                consequence: String, validity: Validity = .always, citations: [Citation]) {
        self.id = id
        self.mode = mode
        self.initiatedBy = initiatedBy
        self.labels = labels
        self.condition = condition
        self.consequence = consequence
        self.validity = validity
        self.citations = citations
    }
}

public struct Revocation: Sendable {
    public enum TimeOnRelease: String, Sendable {
        case countsAsServed = "counts-as-served"
        case doesNotCount = "does-not-count"
        case notStated = "not-stated"
    }
    public var grounds: [RevocationGround]
    public var timeOnRelease: TimeOnRelease
    public var timeOnReleaseCitations: [Citation]
    public init(grounds: [RevocationGround], timeOnRelease: TimeOnRelease, timeOnReleaseCitations: [Citation]) {
        self.grounds = grounds
        self.timeOnRelease = timeOnRelease
        self.timeOnReleaseCitations = timeOnReleaseCitations
    }
}

/// A rate at which days of custody become units of a milder punishment (4 days = 1 MCI fine).
public struct Conversion: Sendable, Identifiable {
    public var id: String
    /// Vocabulary term of the `punishment` set.
    public var into: String
    public var daysOfCustody: Int
    public var amount: Int
    /// Vocabulary term of the `unit` set.
    public var unit: String
    public var requires: Condition?
    public var labels: [LocalizedString]
    public var validity: Validity
    public var citations: [Citation]
    public init(id: String, into: String, daysOfCustody: Int, amount: Int, unit: String, requires: Condition?,
                labels: [LocalizedString], validity: Validity = .always, citations: [Citation]) {
        self.id = id
        self.into = into
        self.daysOfCustody = daysOfCustody
        self.amount = amount
        self.unit = unit
        self.requires = requires
        self.labels = labels
        self.validity = validity
        self.citations = citations
    }
}
