import AtlasModel

/// What a computation was made with, so that a reader can cite it and anyone can reproduce it: the program's
/// version and the digest of the corpus's exact bytes.
public struct Provenance: Sendable {
    /// This program's version.
    public static let programVersion = "0.2.0"

    public var program: String
    /// `sha256:` and the corpus digest (see `Corpus.digest`), or nil for a corpus built in memory.
    public var corpus: String?

    public init(corpus: Corpus) {
        program = "parole " + Self.programVersion
        self.corpus = corpus.digest.map { "sha256:" + $0 }
    }

    /// `{"program": "parole 0.2.0", "corpus": "sha256:…"}`.
    public var json: JSONValue { .object([("program", .string(program)), ("corpus", .string(corpus))]) }

    /// The footer line of a human-readable output. "корпус"/"corpus" is the one word that differs by language.
    public func footer(language: String = "en") -> String {
        let word = language == "en" ? "corpus" : "корпус"
        return program + " · " + word + " " + (corpus ?? "—")
    }
}
