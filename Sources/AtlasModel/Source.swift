/// A source a citation may name.
public struct Source: Sendable, Identifiable {
    public var id: String
    public var kind: String
    public var titles: [LocalizedString]
    public var date: CalendarDate?
    public var number: String?
    public var url: String?
    public var file: String?
    public init(id: String, kind: String, titles: [LocalizedString], date: CalendarDate?, number: String?,
                url: String?, file: String?) {
        self.id = id
        self.kind = kind
        self.titles = titles
        self.date = date
        self.number = number
        self.url = url
        self.file = file
    }
}
