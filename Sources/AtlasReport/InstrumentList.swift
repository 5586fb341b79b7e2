import AtlasModel

/// `parole instruments`: one row per international instrument, each value as the corpus records it and "not
/// stated" where it records none (a year, a body), never a guess.
public struct InstrumentList: Sendable {
    public let instruments: [Instrument]
    public let vocabulary: Vocabulary
    public let language: Language

    public init(corpus: Corpus, language: Language) {
        instruments = corpus.instruments.sorted { ($0.year ?? Int.max, $0.id) < ($1.year ?? Int.max, $1.id) }
        vocabulary = corpus.vocabulary
        self.language = language
    }

    var words: RegimeWords { RegimeWords(vocabulary: vocabulary, language: language) }

    /// The column names in `language`.
    public var header: [String] {
        [FindPhrase.instrumentsColumnID, .instrumentsColumnShortName, .instrumentsColumnName, .instrumentsColumnBody,
         .instrumentsColumnYear, .instrumentsColumnBinding, .instrumentsColumnBindingBasis].map { $0.text(language) }
    }

    /// The table, oldest first (an instrument without a year last).
    public var table: TextTableData {
        let unknown = FindPhrase.instrumentsUnknown.text(language)
        return TextTableData(header: header, rows: instruments.map { i in
            [i.id, i.shortName, words.text(i.names, i.id), i.bodies.text(in: language.rawValue) ?? unknown,
             i.year.map(String.init) ?? unknown, InstrumentText.binding(i.binding, words), basis(i)]
        })
    }

    func basis(_ i: Instrument) -> String {
        (i.bindingStated ? FindPhrase.instrumentsBasisStated : .instrumentsBasisNotStated).text(language)
    }

    /// `instruments --format json`: an array of `{id, shortName, name, body, year, binding, bindingStated,
    /// bindingText, sources}`, `year` a number or null, `binding` the corpus term, `sources` the cited source ids.
    public func json(provenance: Provenance) -> JSONValue {
        .object([("instruments", .array(instruments.map { i in
            .object([
                ("id", .string(i.id)), ("shortName", .string(i.shortName)), ("name", .string(words.text(i.names, i.id))),
                ("body", .string(i.bodies.text(in: language.rawValue))), ("year", i.year.map { .int($0) } ?? .null),
                ("binding", .string(i.binding.rawValue)), ("bindingStated", .bool(i.bindingStated)),
                ("bindingText", .string(InstrumentText.binding(i.binding, words))),
                ("sources", .array(Array(Set(i.citations.map(\.sourceID))).sorted().map { .string($0) })),
            ])
        }))] + provenance.fields)
    }
}
