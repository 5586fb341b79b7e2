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
