/// A named fact a case may state that stands for several facts of the shared conditions (corpus/vocabulary.xml
/// `<fact-composition>`): the single father is male, has a young child and raises it alone.
public struct FactComposition: Sendable, Equatable {
    /// The name the case uses (`single-father`).
    public var name: String
    /// The sex the composition implies, if any.
    public var sex: Sex?
    /// The yes/no facts it sets, in corpus order.
    public var facts: [FactValue]
    public var labels: [LocalizedString]
    public var citations: [Citation]

    public init(name: String, sex: Sex? = nil, facts: [FactValue], labels: [LocalizedString] = [],
                citations: [Citation] = []) {
        self.name = name
        self.sex = sex
        self.facts = facts
        self.labels = labels
        self.citations = citations
    }
}

/// A yes/no fact with the value it takes.
public struct FactValue: Hashable, Sendable {
    public var fact: CaseFact
    public var value: Bool
    public init(_ fact: CaseFact, _ value: Bool) {
        self.fact = fact
        self.value = value
    }
}
