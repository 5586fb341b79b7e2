import AtlasModel

/// `show --quotes`: each record's verbatim quotations beside the citation they come from, so that a reader can
/// check every figure against the source's own words without opening it.
public enum QuotationText {
    /// The quotations of `records` (ids with their citations, as `RecordCitations.records(in:)` gives them): one
    /// line per quotation, under its record's id. A quotation is printed in every language the corpus holds it in
    /// (the report is Kazakh: its quotations are mostly kk), `language` first; a citation without one is skipped.
    public static func render(_ records: [(id: String, citations: [Citation])], language: Language) -> String {
        var out = [FindPhrase.showQuotesHeading.text(language)]
        for (id, citations) in records {
            let lines = citations.flatMap { quotations(of: $0, language: language).map { "    " + $0.text } }
            guard !lines.isEmpty else { continue }
            out.append("  \(id)")
            out += lines
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The verbatim quotations of one citation, each worded as `show --quotes` prints it (the quotation in marks,
    /// then its locator), `language` first; the language code is the quotation's own, for a page to mark it.
    public static func quotations(of citation: Citation, language: Language) -> [(language: String, text: String)] {
        citation.quotes.sorted { ($0.language == language.rawValue ? 0 : 1) < ($1.language == language.rawValue ? 0 : 1) }
            .map { ($0.language, FindPhrase.showQuote.text(language, ["quote": $0.text, "citation": citation.description])) }
    }
}
