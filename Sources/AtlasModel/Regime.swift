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
    public func contains(_ date: CalendarDate) -> Bool {
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
    public var id: String
    public var names: [LocalizedString]
    public var legalFamily: String
    public var legalFamilyCitations: [Citation]
    public var sourceIDs: [String]
    public var conditionSets: [ConditionSet]
    public var mechanisms: [ReleaseMechanism]
    public var discrepancies: [Discrepancy]
    public var notStated: [NotStated]
    public var origin: SourceLocation?

    public init(id: String, names: [LocalizedString], legalFamily: String, legalFamilyCitations: [Citation],
                sourceIDs: [String], conditionSets: [ConditionSet], mechanisms: [ReleaseMechanism],
                discrepancies: [Discrepancy], notStated: [NotStated], origin: SourceLocation?) {
        self.id = id
        self.names = names
        self.legalFamily = legalFamily
        self.legalFamilyCitations = legalFamilyCitations
        self.sourceIDs = sourceIDs
        self.conditionSets = conditionSets
        self.mechanisms = mechanisms
        self.discrepancies = discrepancies
        self.notStated = notStated
        self.origin = origin
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
    public var id: String
    /// Vocabulary term of the `mechanism-kind` set, e.g. `parole`.
    public var kind: String
    public var labels: [LocalizedString]
    public var versions: [MechanismVersion]
    public init(id: String, kind: String, labels: [LocalizedString], versions: [MechanismVersion]) {
        self.id = id
        self.kind = kind
        self.labels = labels
        self.versions = versions
    }

    /// The version in force on `date`, if any.
    public func version(inForceOn date: CalendarDate) -> MechanismVersion? {
        versions.first { $0.validity.contains(date) }
    }
}

/// The text of a mechanism as in force over one period.
public struct MechanismVersion: Sendable, Identifiable {
    public var id: String
    public var validity: Validity
    public var decision: Decision
    public var citations: [Citation]
    public var scope: Scope
    public var thresholds: [Threshold]
    public var exclusions: [Exclusion]
    public var grantConditions: [RuleCondition]
    public var mandatoryRelease: [RuleCondition]
    public var procedure: Procedure?
    public var supervision: Supervision?
    public var revocation: Revocation?
    public var conversions: [Conversion]
    public var notStated: [NotStated]
    public var notes: [LocalizedString]
    public var origin: SourceLocation?

    public init(id: String, validity: Validity, decision: Decision, citations: [Citation], scope: Scope,
                thresholds: [Threshold] = [], exclusions: [Exclusion] = [], grantConditions: [RuleCondition] = [],
                mandatoryRelease: [RuleCondition] = [], procedure: Procedure? = nil, supervision: Supervision? = nil,
                revocation: Revocation? = nil, conversions: [Conversion] = [], notStated: [NotStated] = [],
                notes: [LocalizedString] = [], origin: SourceLocation? = nil) {
        self.id = id
        self.validity = validity
        self.decision = decision
        self.citations = citations
        self.scope = scope
        self.thresholds = thresholds
        self.exclusions = exclusions
        self.grantConditions = grantConditions
        self.mandatoryRelease = mandatoryRelease
        self.procedure = procedure
        self.supervision = supervision
        self.revocation = revocation
        self.conversions = conversions
        self.notStated = notStated
        self.notes = notes
        self.origin = origin
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
    public enum Base: String, Sendable { case term, remainder }
    public enum Combination: String, Sendable { case laterOf = "later-of", earlierOf = "earlier-of" }

    public var id: String
    public var labels: [LocalizedString]
    public var condition: Condition?
    public var fraction: Rational?
    public var fractionBase: Base
    public var minimum: CalendarDuration?
    public var fixed: CalendarDuration?
    public var combination: Combination
    public var overrides: [String]
    public var validity: Validity
    public var citations: [Citation]
    public var notes: [LocalizedString]

    public init(id: String, labels: [LocalizedString] = [], condition: Condition? = nil, fraction: Rational? = nil,
                fractionBase: Base = .term, minimum: CalendarDuration? = nil, fixed: CalendarDuration? = nil,
                combination: Combination = .laterOf, overrides: [String] = [], validity: Validity = .always,
                citations: [Citation], notes: [LocalizedString] = []) {
        self.id = id
        self.labels = labels
        self.condition = condition
        self.fraction = fraction
        self.fractionBase = fractionBase
        self.minimum = minimum
        self.fixed = fixed
        self.combination = combination
        self.overrides = overrides
        self.validity = validity
        self.citations = citations
        self.notes = notes
    }
}

/// A category of convicts the mechanism does not reach, with the exceptions that bring some back.
public struct Exclusion: Sendable, Identifiable {
    public var id: String
    public var labels: [LocalizedString]
    public var condition: Condition
    public var exceptions: [RuleCondition]
    public var validity: Validity
    public var citations: [Citation]
    public var notes: [LocalizedString]
    public init(id: String, labels: [LocalizedString], condition: Condition, exceptions: [RuleCondition],
                validity: Validity, citations: [Citation], notes: [LocalizedString] = []) {
        self.id = id
        self.labels = labels
        self.condition = condition
        self.exceptions = exceptions
        self.validity = validity
        self.citations = citations
        self.notes = notes
    }
}

/// A labelled, cited condition: an exception, a condition of grant, or a mandatory-release rule.
public struct RuleCondition: Sendable, Identifiable {
    public var id: String
    public var labels: [LocalizedString]
    public var condition: Condition
    public var validity: Validity
    public var citations: [Citation]
    public init(id: String, labels: [LocalizedString], condition: Condition, validity: Validity = .always,
                citations: [Citation]) {
        self.id = id
        self.labels = labels
        self.condition = condition
        self.validity = validity
        self.citations = citations
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
