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
        /// The law as this claim reads it, as a change to the encoded law; `nil` when the claim changes no
        /// computed value (or only a fraction or duration, shown as a range).
        public var reading: ClaimReading?
        public init(id: String, statements: [LocalizedString], fraction: Rational? = nil,
                    fractionBase: Threshold.Base? = nil, duration: CalendarDuration? = nil, citations: [Citation],
                    reading: ClaimReading? = nil) {
            self.id = id
            self.reading = reading
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

/// A claim's reading of the law, as one change to the encoded law (the simulator decides the case under it too).
public enum ClaimReading: Sendable {
    /// The condition of the rule with this id (a threshold, exclusion, exception, condition of grant or scope's
    /// version) reads as given.
    case condition(rule: String, Condition)
    /// The jurisdiction's intertemporal rule reads as given.
    case intertemporal(IntertemporalRule.Kind)
    /// The mechanism is an institution of this kind (a vocabulary term of the `mechanism-kind` set).
    case mechanismKind(String)
}
