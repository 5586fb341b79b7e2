/// How a regime feature (a `regime-feature` term) is read from a jurisdiction's encoding: the declarative form of
/// what conformance checks test (corpus/vocabulary.xml `<detection>`; schema/README.md, "Regime features").
///
/// Present: some `present` query finds something, and what it finds is the evidence. Otherwise unknown when the
/// jurisdiction marks one of `notStatedAspects`; absent when some `described` query finds something (the sources
/// describe the aspect); unknown otherwise. With `describedDespiteNotStated`, `described` is asked before the
/// aspects are.
public struct RegimeFeatureDefinition: Sendable, Equatable {
    public var feature: String
    public var present: [RegimeQuery]
    public var described: [RegimeQuery]
    public var describedDespiteNotStated: Bool
    /// `aspect` terms whose `not-stated` makes the feature unknown when nothing is found.
    public var notStatedAspects: [String]
    /// A simulated case touches the feature (its checks are shown with the outcome) when one of these holds.
    public var touchedBy: [CaseTouch]
    /// Where the definition encodes a legal reading (which mechanisms are parole, who is a young offender).
    public var citations: [Citation]

    public init(feature: String, present: [RegimeQuery], described: [RegimeQuery] = [],
                describedDespiteNotStated: Bool = false, notStatedAspects: [String] = [],
                touchedBy: [CaseTouch] = [], citations: [Citation] = []) {
        self.feature = feature
        self.present = present
        self.described = described
        self.describedDespiteNotStated = describedDespiteNotStated
        self.notStatedAspects = notStatedAspects
        self.touchedBy = touchedBy
        self.citations = citations
    }
}

/// One query over a regime (`<find>`): the `parts` of every version of the mechanisms of `mechanismKinds` (all
/// mechanisms when `nil`), in mechanism and version order and, within a version, in the order of `parts`; the
/// jurisdiction's condition sets after every version. Each filter that is set keeps only what it names.
public struct RegimeQuery: Sendable, Equatable {
    public enum Part: String, Sendable, CaseIterable {
        case exclusion, threshold, exception
        case grantCondition = "grant-condition"
        case mandatoryRelease = "mandatory-release"
        case conditionSet = "condition-set"
        case supervision, appeal, participant, hearing
        case reapplicationWait = "reapplication-wait"
        case revocation
        case revocationGround = "revocation-ground"

        /// Parts whose rules carry a condition that `mentions` can look into.
        public var hasCondition: Bool {
            switch self {
            case .exclusion, .threshold, .exception, .grantCondition, .mandatoryRelease, .conditionSet: true
            default: false
            }
        }
    }

    /// Which time a threshold must have (`with=`).
    public enum ThresholdTime: String, Sendable { case fraction, minimum, fixed }

    public var parts: [Part]
    public var mechanismKinds: Set<String>?
    /// Rules whose condition requires one of these leaves (not through a negation); empty: no filter.
    public var mentions: [LeafPattern]
    public var thresholdWith: ThresholdTime?
    public var supervisor: String?
    public var supervisorOtherThan: String?
    public var participant: String?
    public var participantRequired: Bool?
    public var revocationMode: RevocationGround.Mode?
    public var revocationConsequence: String?

    public init(parts: [Part], mechanismKinds: Set<String>? = nil, mentions: [LeafPattern] = [],
                thresholdWith: ThresholdTime? = nil, supervisor: String? = nil, supervisorOtherThan: String? = nil,
                participant: String? = nil, participantRequired: Bool? = nil,
                revocationMode: RevocationGround.Mode? = nil, revocationConsequence: String? = nil) {
        self.parts = parts
        self.mechanismKinds = mechanismKinds
        self.mentions = mentions
        self.thresholdWith = thresholdWith
        self.supervisor = supervisor
        self.supervisorOtherThan = supervisorOtherThan
        self.participant = participant
        self.participantRequired = participantRequired
        self.revocationMode = revocationMode
        self.revocationConsequence = revocationConsequence
    }
}

/// A leaf a rule's condition may require (`<mentions>`).
public enum LeafPattern: Hashable, Sendable {
    case fact(CaseFact, Bool)
    case life(Bool)
    /// An age bound at the moment whose `lt` is at most the age (a rule for those under 21, or younger).
    case ageBelow(AgeMoment, atMost: Int)

    /// Whether `leaf` is such a leaf.
    public func matches(_ leaf: Condition) -> Bool {
        switch (self, leaf) {
        case (.fact(let f, let v), .fact(let g, let w)): return f == g && v == w
        case (.life(let v), .life(let w)): return v == w
        case (.ageBelow(let m, let atMost), .age(let n, _, let below)): return m == n && (below.map { $0 <= atMost } ?? false)
        default: return false
        }
    }
}

/// What in a simulated case touches a feature (`<touched-by>`).
public enum CaseTouch: Hashable, Sendable {
    /// Some mechanism of the outcome has this status (an outcome status name, e.g. `excluded`).
    case outcome(String)
    case life(Bool)
    case fact(CaseFact, Bool)
}
