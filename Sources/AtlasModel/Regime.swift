/// A period of validity: the rule applies on dates `from ... to` (both inclusive); `nil` bounds are open.
public struct Validity: Hashable, Sendable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var basis: DateBasis?
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, basis: DateBasis? = nil) {
        self.from = from
        self.to = to
        self.basis = basis
    }
    @inlinable public func contains(_ date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
    }
    public static let always = Validity()
}

/// How the start date of a dated rule is known.
public enum DateBasis: String, Hashable, Sendable {
    case inForce = "in-force"
    case lawDate = "law-date"
    /// The source gives only the year; the first of January is used.
    case yearOnly = "year-only"
    case planned
    case notStated = "not-stated"
}

/// Whether the deciding body may, must, or need not be asked to release.
public enum Decision: String, Hashable, Sendable {
    case discretionary, mandatory, automatic
}

/// A jurisdiction's regime of early release: its names, family, mechanisms and recorded disagreements.
public struct Jurisdiction: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var names: [LocalizedString]
        var legalFamily: String
        var legalFamilyCitations: [Citation]
        var sourceIDs: [String]
        var conditionSets: [ConditionSet]
        var mechanisms: [ReleaseMechanism]
        var discrepancies: [Discrepancy]
        var notStated: [NotStated]
        var origin: SourceLocation?
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var names: [LocalizedString] { get { stored.fields.names } set { stored = stored.with { $0.names = newValue } } }
    public var legalFamily: String { get { stored.fields.legalFamily } set { stored = stored.with { $0.legalFamily = newValue } } }
    public var legalFamilyCitations: [Citation] { get { stored.fields.legalFamilyCitations } set { stored = stored.with { $0.legalFamilyCitations = newValue } } }
    public var sourceIDs: [String] { get { stored.fields.sourceIDs } set { stored = stored.with { $0.sourceIDs = newValue } } }
    public var conditionSets: [ConditionSet] { get { stored.fields.conditionSets } set { stored = stored.with { $0.conditionSets = newValue } } }
    public var mechanisms: [ReleaseMechanism] { get { stored.fields.mechanisms } set { stored = stored.with { $0.mechanisms = newValue } } }
    public var discrepancies: [Discrepancy] { get { stored.fields.discrepancies } set { stored = stored.with { $0.discrepancies = newValue } } }
    public var notStated: [NotStated] { get { stored.fields.notStated } set { stored = stored.with { $0.notStated = newValue } } }
    public var origin: SourceLocation? { get { stored.fields.origin } set { stored = stored.with { $0.origin = newValue } } }

    /// Whether `other` is this very record, unchanged since it was copied (a compiled form of one serves both).
    public func isSameRules(as other: Jurisdiction) -> Bool { stored === other.stored }

    public init(id: String, names: [LocalizedString], legalFamily: String, legalFamilyCitations: [Citation],
                sourceIDs: [String], conditionSets: [ConditionSet], mechanisms: [ReleaseMechanism],
                discrepancies: [Discrepancy], notStated: [NotStated], origin: SourceLocation?) {
        stored = Frozen(Stored(id: id, names: names, legalFamily: legalFamily, legalFamilyCitations: legalFamilyCitations, sourceIDs: sourceIDs, conditionSets: conditionSets, mechanisms: mechanisms, discrepancies: discrepancies, notStated: notStated, origin: origin))
    }

    public func conditionSet(_ id: String) -> ConditionSet? { conditionSets.first { $0.id == id } }

    /// Every aspect recorded as not stated, at any level (jurisdiction, version, procedure, supervision).
    public var notStatedAspects: Set<String> {
        let versions = mechanisms.flatMap(\.versions)
        return Set(notStated.map(\.aspect) + versions.flatMap(\.notStated).map(\.aspect)
            + versions.flatMap { ($0.procedure?.notStated ?? []) + ($0.supervision?.notStated ?? []) }.map(\.aspect))
    }

    /// The discrepancies recorded about any of `ruleIDs`.
    public func discrepancies(about ruleIDs: [String]) -> [Discrepancy] {
        guard !discrepancies.isEmpty else { return [] }
        return discrepancies.filter { d in d.about.contains(where: ruleIDs.contains) }
    }
}

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

/// The time that must actually be served: a fraction of the term, a minimum, and/or a fixed time (life).
public struct Threshold: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var labels: [LocalizedString]
        var condition: Condition?
        var fraction: Rational?
        var fractionBase: Base
        var minimum: CalendarDuration?
        var fixed: CalendarDuration?
        var combination: Combination
        var overrides: [String]
        var validity: Validity
        var citations: [Citation]
        var notes: [LocalizedString]
    }

    public enum Base: String, Sendable { case term, remainder }
    public enum Combination: String, Sendable { case laterOf = "later-of", earlierOf = "earlier-of" }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var labels: [LocalizedString] { get { stored.fields.labels } set { stored = stored.with { $0.labels = newValue } } }
    public var condition: Condition? { get { stored.fields.condition } set { stored = stored.with { $0.condition = newValue } } }
    public var fraction: Rational? { get { stored.fields.fraction } set { stored = stored.with { $0.fraction = newValue } } }
    public var fractionBase: Base { get { stored.fields.fractionBase } set { stored = stored.with { $0.fractionBase = newValue } } }
    public var minimum: CalendarDuration? { get { stored.fields.minimum } set { stored = stored.with { $0.minimum = newValue } } }
    public var fixed: CalendarDuration? { get { stored.fields.fixed } set { stored = stored.with { $0.fixed = newValue } } }
    public var combination: Combination { get { stored.fields.combination } set { stored = stored.with { $0.combination = newValue } } }
    public var overrides: [String] { get { stored.fields.overrides } set { stored = stored.with { $0.overrides = newValue } } }
    public var validity: Validity { get { stored.fields.validity } set { stored = stored.with { $0.validity = newValue } } }
    public var citations: [Citation] { get { stored.fields.citations } set { stored = stored.with { $0.citations = newValue } } }
    public var notes: [LocalizedString] { get { stored.fields.notes } set { stored = stored.with { $0.notes = newValue } } }

    public init(id: String, labels: [LocalizedString] = [], condition: Condition? = nil, fraction: Rational? = nil,
                fractionBase: Base = .term, minimum: CalendarDuration? = nil, fixed: CalendarDuration? = nil,
                combination: Combination = .laterOf, overrides: [String] = [], validity: Validity = .always,
                citations: [Citation], notes: [LocalizedString] = []) {
        stored = Frozen(Stored(id: id, labels: labels, condition: condition, fraction: fraction, fractionBase: fractionBase, minimum: minimum, fixed: fixed, combination: combination, overrides: overrides, validity: validity, citations: citations, notes: notes))
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

/// An aspect the sources leave unknown, recorded so the program can say so instead of guessing.
public struct NotStated: Sendable {
    /// Vocabulary term of the `aspect` set.
    public var aspect: String
    public var notes: [LocalizedString]
    public var citations: [Citation]
    public init(aspect: String, notes: [LocalizedString], citations: [Citation]) {
        self.aspect = aspect
        self.notes = notes
        self.citations = citations
    }
}

/// Two or more sourced values for the same fact that disagree, kept side by side.
public struct Discrepancy: Sendable, Identifiable {
    public struct Claim: Sendable, Identifiable {
        public var id: String
        public var statements: [LocalizedString]
        public var fraction: Rational?
        public var fractionBase: Threshold.Base?
        public var duration: CalendarDuration?
        public var citations: [Citation]
        public init(id: String, statements: [LocalizedString], fraction: Rational? = nil,
                    fractionBase: Threshold.Base? = nil, duration: CalendarDuration? = nil, citations: [Citation]) {
            self.id = id
            self.statements = statements
            self.fraction = fraction
            self.fractionBase = fractionBase
            self.duration = duration
            self.citations = citations
        }
    }
    public var id: String
    public var about: [String]
    public var labels: [LocalizedString]
    public var claims: [Claim]
    /// The claim the encoded rule follows, if the corpus takes a side, and why.
    public var encodedClaim: String?
    public var encodedWhy: [LocalizedString]
    public init(id: String, about: [String], labels: [LocalizedString], claims: [Claim], encodedClaim: String?,
                encodedWhy: [LocalizedString]) {
        self.id = id
        self.about = about
        self.labels = labels
        self.claims = claims
        self.encodedClaim = encodedClaim
        self.encodedWhy = encodedWhy
    }
}

/// A source a citation may name.
public struct Source: Sendable, Identifiable {
    public var id: String
    public var kind: String
    public var titles: [LocalizedString]
    public var date: CalendarDate?
    public var number: String?
    public var url: String?
    public var file: String?
    public init(id: String, kind: String, titles: [LocalizedString], date: CalendarDate?, number: String?,
                url: String?, file: String?) {
        self.id = id
        self.kind = kind
        self.titles = titles
        self.date = date
        self.number = number
        self.url = url
        self.file = file
    }
}

/// The shared vocabulary: term sets by name, each term with its labels.
public struct Vocabulary: Sendable {
    public var sets: [String: [String: [LocalizedString]]]
    public init(sets: [String: [String: [LocalizedString]]]) { self.sets = sets }

    public func contains(_ term: String, in set: String) -> Bool { sets[set]?[term] != nil }

    /// The label of `term` in `language`, or the term itself when there is none.
    public func label(_ term: String, in set: String, language: String = "en") -> String {
        sets[set]?[term]?.text(in: language) ?? term
    }

    /// The terms of a set, sorted.
    public func terms(of set: String) -> [String] { (sets[set]?.keys).map { $0.sorted() } ?? [] }
}

/// Everything loaded from a corpus directory.
public struct Corpus: Sendable {
    public var jurisdictions: [Jurisdiction]
    public var instruments: [Instrument]
    public var cases: [CourtCase]
    public var annexes: [AnnexDefinition]
    public var crosswalk: [CrosswalkMapping] = []
    public var sources: [Source]
    public var vocabulary: Vocabulary
    public init(jurisdictions: [Jurisdiction], instruments: [Instrument] = [], cases: [CourtCase] = [],
                annexes: [AnnexDefinition] = [], sources: [Source], vocabulary: Vocabulary) {
        self.jurisdictions = jurisdictions
        self.instruments = instruments
        self.cases = cases
        self.annexes = annexes
        self.sources = sources
        self.vocabulary = vocabulary
    }
    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
    public func annex(_ number: Int) -> AnnexDefinition? { annexes.first { $0.number == number } }
    public func jurisdiction(_ id: String) -> Jurisdiction? { jurisdictions.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

/// An international instrument (treaty, rules, recommendation) and the provisions the report relies on.
public struct Instrument: Sendable, Identifiable {
    public enum Binding: String, Sendable { case treaty, softLaw = "soft-law", interpretation
        case treatyBodyPractice = "treaty-body-practice" }
    public var id: String
    public var names: [LocalizedString]
    public var shortName: String
    public var body: String
    public var year: Int?
    public var binding: Binding
    /// Whether the report itself classifies the instrument (`false`: the classification is the corpus's).
    public var bindingStated: Bool
    public var kazakhstan: String?
    public var citations: [Citation]
    public var provisions: [Provision]
    public var discrepancies: [Discrepancy]
    public var notes: [LocalizedString]
    public init(id: String, names: [LocalizedString], shortName: String, body: String, year: Int?, binding: Binding,
                bindingStated: Bool, kazakhstan: String?, citations: [Citation], provisions: [Provision],
                discrepancies: [Discrepancy], notes: [LocalizedString]) {
        self.id = id
        self.names = names
        self.shortName = shortName
        self.body = body
        self.year = year
        self.binding = binding
        self.bindingStated = bindingStated
        self.kazakhstan = kazakhstan
        self.citations = citations
        self.provisions = provisions
        self.discrepancies = discrepancies
        self.notes = notes
    }
}

/// One provision of an instrument, with the checks a regime can be held to.
public struct Provision: Sendable, Identifiable {
    public var id: String
    public var number: String?
    public var tags: [String]
    public var statements: [LocalizedString]
    public var citations: [Citation]
    public var checks: [ConformanceCheck]
    public var notes: [LocalizedString]
    public init(id: String, number: String?, tags: [String], statements: [LocalizedString], citations: [Citation],
                checks: [ConformanceCheck], notes: [LocalizedString]) {
        self.id = id
        self.number = number
        self.tags = tags
        self.statements = statements
        self.citations = citations
        self.checks = checks
        self.notes = notes
    }
}

/// A declarative test of a regime: it conflicts with the provision when `feature` is present (or absent).
public struct ConformanceCheck: Sendable, Identifiable {
    public var id: String
    /// Vocabulary term of the `regime-feature` set.
    public var feature: String
    public var conflictWhenPresent: Bool
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public init(id: String, feature: String, conflictWhenPresent: Bool, labels: [LocalizedString],
                citations: [Citation]) {
        self.id = id
        self.feature = feature
        self.conflictWhenPresent = conflictWhenPresent
        self.labels = labels
        self.citations = citations
    }
}

/// A court or treaty-body case the report cites.
public struct CourtCase: Sendable, Identifiable {
    public var id: String
    public var names: [LocalizedString]
    public var court: String
    public var reference: String?
    public var date: CalendarDate?
    public var instrumentIDs: [String]
    public var holdings: [LocalizedString]
    public var citations: [Citation]
    /// Errors in the report's footnote for the case, each with where it is.
    public var footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]
    public init(id: String, names: [LocalizedString], court: String, reference: String?, date: CalendarDate?,
                instrumentIDs: [String], holdings: [LocalizedString], citations: [Citation],
                footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]) {
        self.id = id
        self.names = names
        self.court = court
        self.reference = reference
        self.date = date
        self.instrumentIDs = instrumentIDs
        self.holdings = holdings
        self.citations = citations
        self.footnoteErrors = footnoteErrors
    }
}

/// A table of the report regenerated from the corpus: columns, phrases and the rows in the report's order.
public struct AnnexDefinition: Sendable, Identifiable {
    public struct Row: Sendable {
        public var number: Int
        public var jurisdictionID: String
        public var mechanismID: String
        public var citations: [Citation]
        public init(number: Int, jurisdictionID: String, mechanismID: String, citations: [Citation]) {
            self.number = number
            self.jurisdictionID = jurisdictionID
            self.mechanismID = mechanismID
            self.citations = citations
        }
    }
    public var id: String
    public var number: Int
    public var titles: [LocalizedString]
    public var citations: [Citation]
    /// Column keys in order, with their labels.
    public var columns: [(key: String, labels: [LocalizedString])]
    /// Phrase key → labels, the words cells are composed from.
    public var phrases: [String: [LocalizedString]]
    public var rows: [Row]
    public init(id: String, number: Int, titles: [LocalizedString], citations: [Citation],
                columns: [(key: String, labels: [LocalizedString])], phrases: [String: [LocalizedString]], rows: [Row]) {
        self.id = id
        self.number = number
        self.titles = titles
        self.citations = citations
        self.columns = columns
        self.phrases = phrases
        self.rows = rows
    }
}

/// How one fact of a Kazakh case is read under other jurisdictions' conditions.
public struct CrosswalkMapping: Sendable, Identifiable {
    public var id: String
    /// The case fact mapped (today: `category`).
    public var fact: String
    /// How it maps (today: `same-scale`, read as it is).
    public var kind: String
    public var jurisdictionIDs: [String]
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public init(id: String, fact: String, kind: String, jurisdictionIDs: [String], labels: [LocalizedString],
                citations: [Citation]) {
        self.id = id
        self.fact = fact
        self.kind = kind
        self.jurisdictionIDs = jurisdictionIDs
        self.labels = labels
        self.citations = citations
    }
}

/// Immutable storage shared by copies of a value type. A change makes a new one, so values keep value semantics
/// while a copy costs one reference count instead of one per field.
final class Frozen<Fields: Sendable>: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }

    /// A new storage with `change` applied to a copy of the fields.
    func with(_ change: (inout Fields) -> Void) -> Frozen {
        var copy = fields
        change(&copy)
        return Frozen(copy)
    }
}
