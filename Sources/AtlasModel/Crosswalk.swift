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
