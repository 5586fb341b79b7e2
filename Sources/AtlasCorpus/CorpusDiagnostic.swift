internal import SafeXML

/// One problem found in a corpus: what kind it is, where it is, and what to do about it.
///
/// `description` is the conventional `file:line:column: message` form that editors and CI logs link to (a part
/// that is not known is left out), always on one line: a line break or other control character in the file name or
/// message is written as an escape (`\\n`), so that one diagnostic is one line whatever text it quotes.
public struct CorpusDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem. The raw values are stable kebab-case names, for tools that sort or count problems.
    public enum Code: String, Sendable, CaseIterable {
        /// No corpus directory where one was expected.
        case corpusNotFound = "corpus-not-found"
        /// A document every corpus needs (sources.xml, vocabulary.xml) is not there.
        case missingDocument = "missing-document"
        /// A document that could not be read as XML: not well-formed, refused by the safe parser (a DOCTYPE, a size
        /// or text limit, text that is not UTF-8) or not readable at all.
        case malformedDocument = "malformed-document"
        /// The schema itself could not be read or compiled.
        case schemaUnreadable = "schema-unreadable"
        /// A document the schema refuses.
        case schemaViolation = "schema-violation"
        /// A root element in a file or folder where it does not belong.
        case misplacedDocument = "misplaced-document"
        /// A value or part the model cannot use: an impossible date, a number past the limits, a mark given twice,
        /// a filter where it does not apply, a required part missing.
        case invalidValue = "invalid-value"
        /// An element, fact or part name the reader does not know.
        case unknownName = "unknown-name"
        /// An id used twice in the corpus.
        case duplicateID = "duplicate-id"
        /// A jurisdiction or instrument whose id is not its file name.
        case fileNameMismatch = "file-name-mismatch"
        /// A source that sources.xml does not define, or that the citing document does not declare.
        case unknownSource = "unknown-source"
        /// A term that the vocabulary does not define.
        case unknownTerm = "unknown-term"
        /// A reference to an id, jurisdiction or mechanism that does not exist where it should.
        case unresolvedReference = "unresolved-reference"
        /// A citation without a locator, or with a line range that runs backwards.
        case invalidCitation = "invalid-citation"
        /// A quotation that is not in the cited lines of the seed text.
        case quotationNotFound = "quotation-not-found"
        /// Dates out of order: overlapping versions, an end before its start, a version without a date.
        case invalidDates = "invalid-dates"
    }

    public var code: Code
    public var file: String
    /// 1-based; `nil` when not known. The loader places a problem with a file and no place in it (a missing
    /// document) at 1:1, the form editors link to.
    public var line: Int?
    /// 1-based; `nil` when not known.
    public var column: Int?
    public var message: String

    public init(code: Code, file: String, line: Int?, column: Int?, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = XMLDiagnostic.escaped(file)
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place + ": " + XMLDiagnostic.escaped(message)
    }
}

extension CorpusDiagnostic {
    /// The SafeXML diagnostic as a corpus diagnostic of kind `code`: the one place where the parser's and the
    /// schema's problems enter the corpus's own vocabulary.
    init(_ diagnostic: XMLDiagnostic, code: Code) {
        self.init(code: code, file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                  message: diagnostic.message)
    }
}

extension XMLElement {
    /// A diagnostic of kind `code` placed at this element's start tag.
    func diagnostic(_ code: CorpusDiagnostic.Code, _ message: String) -> CorpusDiagnostic {
        CorpusDiagnostic(code: code, file: file, line: line, column: column, message: message)
    }
}
