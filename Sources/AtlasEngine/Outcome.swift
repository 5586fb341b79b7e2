import AtlasModel

/// Why a mechanism does not (or may not) apply, with the law that says so.
public struct Reason: Sendable {
    public var ruleID: String?
    /// What the reason says, as data; the report layer words it.
    public var phrase: Phrase
    public var citations: [Citation]
    public init(ruleID: String?, phrase: Phrase, citations: [Citation]) {
        self.ruleID = ruleID
        self.phrase = phrase
        self.citations = citations
    }
}

/// A condition that the case does not settle, and the facts that would.
public struct PendingCondition: Sendable {
    public var ruleID: String
    /// The condition, as data (`pending.condition` or `pending.mandatory` with the rule's label).
    public var phrase: Phrase
    public var missingFacts: [String]
    public var citations: [Citation]
}

/// The date range that follows when sources disagree about a value used.
public struct DiscrepancyRange: Sendable {
    public var discrepancy: Discrepancy
    /// Each claim's date, where the claim gives a computable value.
    public var claimDates: [(claimID: String, date: CalendarDate)]
    public var earliest: CalendarDate?
    public var latest: CalendarDate?
}

/// A milder punishment the unserved remainder could be replaced with, at the earliest date.
public struct ConversionOutcome: Sendable {
    public var conversion: Conversion
    public var remainderDays: Int
    /// `remainderDays × amount / daysOfCustody`, exact.
    public var amount: Rational
    public var allowed: Truth
}

/// How one mechanism of one jurisdiction treats the case.
public struct MechanismOutcome: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Available; the earliest date is known.
        case available
        /// Available, but the sources state no minimum time to serve.
        case availableNoThreshold = "available-no-threshold"
        /// The case falls in an exclusion with no applicable exception.
        case excluded
        /// The mechanism does not reach this kind of sentence or crime.
        case outOfScope = "out-of-scope"
        /// No threshold applies to this case (e.g. a life sentence under a fractions-only rule).
        case noThreshold = "no-threshold"
        /// A condition of grant is not met on the facts given.
        case conditionsUnmet = "conditions-unmet"
        /// The term ends before the threshold is reached.
        case termEndsFirst = "term-ends-first"
        /// No version of the law is in force on the as-of date.
        case notInForce = "not-in-force"
        /// The answer depends on facts the case does not give.
        case undetermined

        /// What the status answers to "is it available?": the sources' silence (no threshold stated for the
        /// case, no version of the law recorded for the date) is its own answer, never "no".
        public var answer: Answer {
            switch self {
            case .available, .availableNoThreshold: .yes
            case .undetermined: .depends
            case .noThreshold, .notInForce: .notStated
            case .excluded, .outOfScope, .conditionsUnmet, .termEndsFirst: .no
            }
        }
    }

    /// The answer a status gives: yes, no, depends on a fact, or the sources do not say.
    public enum Answer: String, Sendable, CaseIterable {
        case yes, no, depends
        case notStated = "not-stated"
    }

    public var mechanism: ReleaseMechanism
    public var version: MechanismVersion?
    public var status: Status
    public var available: Bool { status == .available || status == .availableNoThreshold }
    public var earliestDate: CalendarDate?
    public var requiredServed: CalendarDuration?
    public var fraction: Rational?
    public var fractionBase: Threshold.Base?
    public var threshold: Threshold?
    public var termEnd: CalendarDate?
    public var decidingBody: DecidingBody?
    public var mandatory: Bool
    public var reason: Reason?
    public var missingFacts: [String]
    public var pending: [PendingCondition]
    public var discrepancies: [DiscrepancyRange]
    public var supervisionUntil: CalendarDate?
    public var conversions: [ConversionOutcome]
    /// Arrangements (e.g. pilots) of the procedure in force on the as-of date.
    public var arrangements: [CitedStatement]
    public var trace: [TraceStep]
    /// When the outcome depends on yes/no facts the case does not give, the outcome under each answer; where the
    /// law applied turns on the offence date, the outcome for each range of dates; and where a claim of a
    /// discrepancy reads the law so that the answer differs, the outcome under that reading.
    public var branches: [Branch] = []
    /// The date whose law decided the outcome (the as-of date unless the intertemporal rule chose another).
    public var lawDate: CalendarDate?
    /// A kind of institution that does not end custody (temporary leave) which a source says this mechanism
    /// may be: its date is then not ranked as a release.
    public var disputedKind: String?
    /// Whether the outcome's date may be ranked as a release from custody.
    public var endsCustody: Bool { disputedKind == nil }
}

/// The outcome under one assumption the answer turns on: a value of a yes/no fact the case does not give (e.g.
/// "--recidivist" true or false), a range of offence dates when the law applied turns on it, or a claim's reading
/// of the law where the sources disagree.
public struct Branch: Sendable {
    /// Flag name → assumed value (empty for the other kinds of branch).
    public var assumption: [(fact: String, value: Bool)]
    public var status: MechanismOutcome.Status
    public var earliestDate: CalendarDate?
    public var requiredServed: CalendarDuration?
    public var fraction: Rational?
    public var ruleID: String?
    /// Offences committed in this range (`from` nil: any earlier date), when the law applied turns on it.
    public var offence: OffenceDates?
    /// The date whose law decided the branch, where the intertemporal rule chose one.
    public var lawDate: CalendarDate?
    /// The discrepancy and the claim whose reading of the law the branch follows.
    public var reading: ClaimRef?

    public struct OffenceDates: Sendable, Equatable {
        public var from: CalendarDate?
        public var through: CalendarDate
    }

    public struct ClaimRef: Sendable, Equatable {
        public var discrepancy: String
        public var claim: String
        public var statements: [LocalizedString]
    }

    /// Whether the branch is one of the answers the case leaves open (a fact or the offence date), not a
    /// reading of disputed sources.
    public var isOpenFact: Bool { reading == nil }

    /// The decision `d` of mechanism `m` under the law of `lawDate`; its rule is the governing threshold, else the
    /// rule that decided.
    init(assumption: [(fact: String, value: Bool)] = [], _ d: Decided, of m: CompiledMechanism, lawDate: CalendarDate,
         offence: OffenceDates? = nil, reading: ClaimRef? = nil) {
        self.assumption = assumption
        status = d.result.status
        earliestDate = d.result.earliestDate
        requiredServed = d.result.requiredServed
        fraction = d.result.fraction
        ruleID = d.governing.flatMap { m.version(inForceOn: lawDate)?.thresholds[$0].source.id } ?? d.result.reasonRuleID
        self.offence = offence
        self.lawDate = lawDate
        self.reading = reading
    }
}

/// How every mechanism of one jurisdiction treats the case.
public struct JurisdictionOutcome: Sendable {
    public var jurisdiction: Jurisdiction
    public var mechanisms: [MechanismOutcome]

    /// The earliest date of any available mechanism that ends custody with a date (nil when none has one).
    public var earliestRelease: CalendarDate? {
        // Through the buffer: iterating the array would copy each (large) outcome.
        mechanisms.withUnsafeBufferPointer { outcomes in
            var earliest: CalendarDate?
            for i in outcomes.indices where outcomes[i].available && outcomes[i].endsCustody {
                if let d = outcomes[i].earliestDate, earliest.map({ d < $0 }) ?? true { earliest = d }
            }
            return earliest
        }
    }
}
