import AtlasModel
import Foundation

/// What a computation was made with, so that a reader can cite it and anyone can reproduce it: the program's
/// version and the digest of the corpus's exact bytes.
///
/// Every output carries it in the form its readers expect (docs/outputs-json.md, "Provenance"): a `provenance`
/// object in JSON, a footer line in text, Markdown and HTML. CSV does not carry it: every row of a CSV file is a
/// record to a spreadsheet or a data frame, so a provenance row would be sorted, filtered and counted as data.
public struct Provenance: Sendable, Equatable {
    /// This program's version.
    public static let programVersion = "0.2.0"

    public var program: String
    /// `sha256:` and the corpus digest (see `Corpus.digest`), or nil for a corpus built in memory.
    public var corpus: String?

    public init(corpus: Corpus) {
        self.init(corpusDigest: corpus.digest)
    }

    /// The provenance of this program over a corpus whose digest is `corpusDigest` (hex, without `sha256:`).
    public init(corpusDigest: String?) {
        program = "parole " + Self.programVersion
        corpus = corpusDigest.map { "sha256:" + $0 }
    }

    /// `{"program": "parole 0.2.0", "corpus": "sha256:…"}`.
    public var json: JSONValue { .object(fields) }

    /// `program` and `corpus` as the fields of a flat object: for outputs whose elements are rows of strings
    /// (`countries --format json`), where a nested object would change the type of a row.
    public var fields: [(String, JSONValue)] { [("program", .string(program)), ("corpus", .string(corpus))] }

    /// The footer line of a human-readable output: "parole 0.2.0 · corpus sha256:…"; the word "corpus" is the
    /// language's, the rest is the same in every language.
    public func footer(language: Language = .en) -> String {
        TextLayout.wrapped(line(language: language))
    }

    /// The footer on one line, whatever the terminal.
    func line(language: Language) -> String {
        program + " · " + RegimePhrase.provenanceCorpus.text(language) + " " + (corpus ?? "—")
    }

    /// The footer as the last element of an HTML page's body.
    public func htmlFooter(language: Language = .en) -> String {
        "<footer><p>" + HTMLText.escaped(line(language: language)) + "</p></footer>\n"
    }
}

/// Text made safe to place in HTML content or a quoted attribute value.
public enum HTMLText {
    /// `s` with `&`, `<`, `>` and `"` replaced by character references.
    public static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
