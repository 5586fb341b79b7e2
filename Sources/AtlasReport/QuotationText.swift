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
            let lines = citations.flatMap { c in
                c.quotes.sorted { ($0.language == language.rawValue ? 0 : 1) < ($1.language == language.rawValue ? 0 : 1) }
                    .map { "    " + FindPhrase.showQuote.text(language, ["quote": $0.text, "citation": c.description]) }
            }
            guard !lines.isEmpty else { continue }
            out.append("  \(id)")
            out += lines
        }
        return out.joined(separator: "\n") + "\n"
    }
}
