/// Where a fact comes from: a source and a place in it, optionally with a short verbatim quotation.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    /// Id of a `<source>` in `corpus/sources.xml`.
    public var sourceID: String
    /// Seed line range, e.g. `L3677-3685`.
    public var lines: String?
    public var footnote: Int?
    /// Statute article as the source states it, e.g. `72(3)`.
    public var article: String?
    /// Paragraph of a standard or resolution.
    public var paragraph: String?
    public var page: String?
    /// Verbatim quotations by language code.
    public var quotes: [LocalizedString]
    public var notes: [LocalizedString]
    /// Where the citation itself is written (file and line), for diagnostics.
    public var origin: SourceLocation?

    public init(sourceID: String, lines: String? = nil, footnote: Int? = nil, article: String? = nil,
                paragraph: String? = nil, page: String? = nil, quotes: [LocalizedString] = [],
                notes: [LocalizedString] = [], origin: SourceLocation? = nil) {
        self.sourceID = sourceID
        self.lines = lines
        self.footnote = footnote
        self.article = article
        self.paragraph = paragraph
        self.page = page
        self.quotes = quotes
        self.notes = notes
        self.origin = origin
    }

    /// The locator in short form, e.g. `seed L3683`, `kz-cc-2014 art. 72(3)`, `seed fn 60`.
    public var description: String {
        var parts = [sourceID]
        if let article { parts.append("art. \(article)") }
        if let paragraph { parts.append("para \(paragraph)") }
        if let lines { parts.append(lines) }
        if let footnote { parts.append("fn \(footnote)") }
        if let page { parts.append("p. \(page)") }
        return parts.joined(separator: " ")
    }
}

/// A file position in the corpus, carried by model values so that later checks can name the place.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A text in one language (`kk`, `ru`, `en`).
public struct LocalizedString: Hashable, Sendable {
    public var language: String
    public var text: String
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}

extension Array where Element == LocalizedString {
    /// The text in `language`, else English, else the first one; `nil` when empty.
    public func text(in language: String) -> String? {
        first { $0.language == language }?.text ?? first { $0.language == "en" }?.text ?? first?.text
    }
}
