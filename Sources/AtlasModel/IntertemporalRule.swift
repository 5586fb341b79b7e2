/// Which version of the law a person is judged under, as a jurisdiction's sources state it.
public struct IntertemporalRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The law in force at the offence, or a later version up to the as-of date where it is more favourable.
        case milderRetroactive = "milder-retroactive"
        /// The law in force at the offence only.
        case lawAtOffence = "law-at-offence"
        /// The law in force on the as-of date (the date of the decision).
        case lawAtDecision = "law-at-decision"
    }
    public var id: String
    public var kind: Kind
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public var notes: [LocalizedString]
    public init(id: String, kind: Kind, labels: [LocalizedString] = [], citations: [Citation],
                notes: [LocalizedString] = []) {
        self.id = id
        self.kind = kind
        self.labels = labels
        self.citations = citations
        self.notes = notes
    }
}
