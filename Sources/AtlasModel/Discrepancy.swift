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
