import AtlasModel

/// One step of the reasoning that led to an outcome, with the law it rests on.
public struct TraceStep: Sendable {
    /// What kind of step this is.
    public enum Kind: String, Sendable {
        /// Which version of the law is in force on the as-of date.
        case lawInForce = "law-in-force"
        /// Which date's law applies to the offence: the intertemporal rule and the versions it compared.
        case intertemporal
        /// Whether the case falls within the mechanism at all.
        case scope
        /// An exclusion was tested (matched or not, in force or not yet).
        case exclusion
        /// An exception to an exclusion was tested.
        case exception
        /// A threshold matched the case.
        case threshold
        /// A matching threshold was displaced by a more specific one.
        case thresholdOverridden = "threshold-overridden"
        /// Arithmetic: a share of the term turned into a date.
        case computation
        /// A condition the court must find met.
        case grantCondition = "grant-condition"
        /// Whether release is owed rather than discretionary.
        case mandatory
        /// Sources disagree about a value used.
        case discrepancy
        /// Who decides, and how.
        case procedure
        case supervision
        case revocation
        case conversion
        /// The source states nothing on this point.
        case notStated = "not-stated"
        /// An assumption made explicit (e.g. how the term is read).
        case assumption
        /// How a fact of the Kazakh case is read under the foreign rule.
        case crosswalk
    }

    public var kind: Kind
    /// The corpus id of the rule applied, if any.
    public var ruleID: String?
    /// What the step says, as data; the report layer words it.
    public var phrase: Phrase
    /// A computed or chosen value, if the step produced one.
    public var value: String?
    public var citations: [Citation]
    public var children: [TraceStep]

    public init(kind: Kind, ruleID: String? = nil, phrase: Phrase, value: String? = nil,
                citations: [Citation] = [], children: [TraceStep] = []) {
        self.kind = kind
        self.ruleID = ruleID
        self.phrase = phrase
        self.value = value
        self.citations = citations
        self.children = children
    }
}
