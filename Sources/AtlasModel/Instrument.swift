/// An international instrument (treaty, rules, recommendation) and the provisions the report relies on.
public struct Instrument: Sendable, Identifiable {
    public enum Binding: String, Sendable { case treaty, softLaw = "soft-law", interpretation
        case treatyBodyPractice = "treaty-body-practice" }
    public var id: String
    public var names: [LocalizedString]
    public var shortName: String
    /// The issuing body (or what the report says of it) in kk, ru and en: the atlas's translations.
    public var bodies: [LocalizedString]
    public var year: Int?
    public var binding: Binding
    /// Whether the report itself classifies the instrument (`false`: the classification is the corpus's).
    public var bindingStated: Bool
    /// How jurisdictions stand to the instrument (party, not a party…), as the report records it.
    public var relations: [InstrumentRelation]
    public var citations: [Citation]
    public var provisions: [Provision]
    public var discrepancies: [Discrepancy]
    public var notes: [LocalizedString]
    public init(id: String, names: [LocalizedString], shortName: String, bodies: [LocalizedString], year: Int?,
                binding: Binding,
                bindingStated: Bool, relations: [InstrumentRelation], citations: [Citation], provisions: [Provision],
                discrepancies: [Discrepancy], notes: [LocalizedString]) {
        self.id = id
        self.names = names
        self.shortName = shortName
        self.bodies = bodies
        self.year = year
        self.binding = binding
        self.bindingStated = bindingStated
        self.relations = relations
        self.citations = citations
        self.provisions = provisions
        self.discrepancies = discrepancies
        self.notes = notes
    }
}

extension Instrument {
    /// The relations recorded for `jurisdiction`, in corpus order.
    public func relations(of jurisdiction: String) -> [InstrumentRelation] {
        relations.filter { $0.jurisdictionIDs.contains(jurisdiction) }
    }
}

/// How one or more jurisdictions stand to an instrument (`<relation>`): `kind` is an `instrument-relation` term
/// (party, not-party, signatory, member, not-stated), dated where the report dates it (a ratification law).
public struct InstrumentRelation: Sendable {
    public var jurisdictionIDs: [String]
    public var kind: String
    public var validity: Validity
    public var labels: [LocalizedString]
    public var citations: [Citation]
    public init(jurisdictionIDs: [String], kind: String, validity: Validity = .always, labels: [LocalizedString],
                citations: [Citation]) {
        self.jurisdictionIDs = jurisdictionIDs
        self.kind = kind
        self.validity = validity
        self.labels = labels
        self.citations = citations
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
