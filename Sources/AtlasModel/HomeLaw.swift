/// The jurisdiction whose law every case is stated in, and how that law reads the case's facts in years
/// (corpus/vocabulary.xml `<home>`).
///
/// The engine reads the home jurisdiction's categories without a crosswalk, and reads the case's `juvenile` flag
/// against `ageOfMajority`: both were constants of the program before they were corpus values.
public struct HomeLaw: Sendable, Equatable {
    /// The home jurisdiction's id (`kz`).
    public var jurisdiction: String
    /// The age below which a person is a minor; `nil` when the corpus does not state it, and then no rule on the
    /// age at the offence can be decided (the flag says nothing in years).
    public var ageOfMajority: AgeOfMajority?
    public var labels: [LocalizedString]
    public var citations: [Citation]

    public init(jurisdiction: String, ageOfMajority: AgeOfMajority? = nil, labels: [LocalizedString] = [],
                citations: [Citation] = []) {
        self.jurisdiction = jurisdiction
        self.ageOfMajority = ageOfMajority
        self.labels = labels
        self.citations = citations
    }
}

/// The age of majority of the home law: a case whose `juvenile` flag is set was under `years` at the offence,
/// and one whose flag is not set was `years` or older.
public struct AgeOfMajority: Sendable, Equatable {
    /// At least 1 (the schema's `MajorityAge`), so that a minor has an age.
    public var years: Int
    /// When the age applies, as far as the sources date it (the bundled corpus: not stated).
    public var validity: Validity
    public var labels: [LocalizedString]
    public var citations: [Citation]

    public init(years: Int, validity: Validity = .always, labels: [LocalizedString] = [], citations: [Citation] = []) {
        self.years = years
        self.validity = validity
        self.labels = labels
        self.citations = citations
    }
}
