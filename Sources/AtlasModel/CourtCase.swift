/// A court or treaty-body case the report cites.
public struct CourtCase: Sendable, Identifiable {
    public var id: String
    public var names: [LocalizedString]
    public var court: String
    public var reference: String?
    public var date: CalendarDate?
    public var instrumentIDs: [String]
    public var holdings: [LocalizedString]
    public var citations: [Citation]
    /// Errors in the report's footnote for the case, each with where it is.
    public var footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]
    public init(id: String, names: [LocalizedString], court: String, reference: String?, date: CalendarDate?,
                instrumentIDs: [String], holdings: [LocalizedString], citations: [Citation],
                footnoteErrors: [(labels: [LocalizedString], citations: [Citation])]) {
        self.id = id
        self.names = names
        self.court = court
        self.reference = reference
        self.date = date
        self.instrumentIDs = instrumentIDs
        self.holdings = holdings
        self.citations = citations
        self.footnoteErrors = footnoteErrors
    }
}
