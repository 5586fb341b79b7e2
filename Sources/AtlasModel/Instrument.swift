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
