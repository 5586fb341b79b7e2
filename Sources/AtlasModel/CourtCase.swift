/// A court or treaty-body case the report cites.
public struct CourtCase: Sendable, Identifiable {
    public var id: String
    public var names: [LocalizedString]
    /// The court or treaty body in kk, ru and en: the atlas's translations.
    public var courts: [LocalizedString]
    /// The case or communication numbers in kk, ru and en (the numbers are the same; the words joining them,
    /// "№№ … және …", "Nos. … and …", are the language's); empty when the report gives none.
    public var references: [LocalizedString]
    public var date: CalendarDate?
    public var instrumentIDs: [String]
    public var holdings: [LocalizedString]
    public var citations: [Citation]
    /// Errors in the report's footnote for the case, each with where it is.
    public var footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]
    public init(id: String, names: [LocalizedString], courts: [LocalizedString], references: [LocalizedString],
                date: CalendarDate?, instrumentIDs: [String], holdings: [LocalizedString], citations: [Citation],
                footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]) {
        self.id = id
        self.names = names
        self.courts = courts
        self.references = references
        self.date = date
        self.instrumentIDs = instrumentIDs
        self.holdings = holdings
        self.citations = citations
        self.footnoteErrors = footnoteErrors
    }
}
