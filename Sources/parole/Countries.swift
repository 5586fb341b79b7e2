import ArgumentParser
import AtlasOutput
import AtlasModel
import AtlasReport

extension Parole {
    struct Countries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "countries",
            abstract: "List the jurisdictions in the corpus with their family, mechanisms and headline threshold.",
            discussion: """
                Examples:
                  parole countries
                  parole countries --family romano-germanic
                  parole countries --format csv > countries.csv
                  parole countries --lang ru
                  parole countries --mechanism replacement
                  parole countries --min-share 1/2 --format json --typed
                  parole countries --life-review-within 15y
                  parole countries --lang ru --output /tmp/countries.xlsx
                  parole countries --lang kk --output /tmp/countries.docx
                """)

        @Option(help: ArgumentHelp("Only this legal family (e.g. romano-germanic, anglo-saxon, post-soviet).",
                                   valueName: "family"))
        var family: String?

        @Option(name: .customLong("mechanism"), help: ArgumentHelp(
            "Only jurisdictions with a mechanism of this kind (e.g. parole, replacement).", valueName: "kind"))
        var mechanism: String?

        @Option(name: .customLong("min-share"), help: ArgumentHelp(
            "Only jurisdictions whose smallest share of the term to serve is at least this (e.g. 1/2).",
            valueName: "fraction"))
        var minShare: String?

        @Option(name: .customLong("max-share"), help: ArgumentHelp(
            "Only jurisdictions whose smallest share of the term to serve is at most this (e.g. 1/3).",
            valueName: "fraction"))
        var maxShare: String?

        @Option(name: .customLong("life-review-within"), help: ArgumentHelp(
            "Only jurisdictions where a life sentence can be reviewed after at most this time (e.g. 15y).",
            valueName: "duration"))
        var lifeReviewWithin: String?

        @Flag(name: .customLong("typed"), help: ArgumentHelp(
            "With --format json, add typed fields to each row (lists and numbers: mechanismKinds, shares, "
                + "lowestShare, lowestShareValue, earliestLifeReview, discrepancyCount, legalFamilyTerm); without it "
                + "every value stays a string, as docs/countries.schema.json promises."))
        var typed = false

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]


        func validate() throws {
            try checkFormat()
            _ = try shares()
            _ = try lifeReview()
        }

        /// Under a family filter, the jurisdictions the report classifies in no family, so that a reader who
        /// expects one of them in the family sees why it is absent.
        func unclassifiedNote(_ atlas: Corpus, _ language: Language) -> String {
            guard let family, family != "unclassified" else { return "" }
            let ids = atlas.jurisdictions.filter { $0.legalFamily == "unclassified" }.map(\.id).sorted()
            guard !ids.isEmpty else { return "" }
            return FindPhrase.countriesUnclassifiedNote.text(language, [
                "count": String(ids.count), "ids": ids.joined(separator: ", "),
                "command": "`parole countries --family unclassified`",
            ]) + "\n"
        }

        func shares() throws -> (min: Rational?, max: Rational?) {
            func share(_ text: String?, _ flag: String) throws -> Rational? {
                guard let text else { return nil }
                guard let r = Rational(parsing: text), r > Rational(0, 1), r <= Rational(1, 1) else {
                    throw ValidationError("--\(flag) \"\(text)\": give a fraction of the term from 0 to 1, e.g. 1/2")
                }
                return r
            }
            return (try share(minShare, "min-share"), try share(maxShare, "max-share"))
        }

        func lifeReview() throws -> CalendarDuration? {
            guard let text = lifeReviewWithin else { return nil }
            guard let d = CalendarDuration(compact: text.lowercased()), !d.isZero else {
                throw ValidationError("--life-review-within \"\(text)\": give a duration such as 15y or 12y6m")
            }
            return d
        }

        func run() throws {
            let atlas = try corpus.load()
            if let family, !atlas.vocabulary.contains(family, in: "legal-family") {
                let known = atlas.vocabulary.terms(of: "legal-family")
                let hint = Suggestion.nearest(to: family, among: known).map { "did you mean \($0)? " } ?? ""
                throw CLIFailure.usage("unknown legal family \"\(family)\"; \(hint)known: \(known.joined(separator: ", "))")
            }
            let lang = language.language
            let overview = CorpusOverview(corpus: atlas, asOf: nil, language: lang)
            if let mechanism, !atlas.vocabulary.contains(mechanism, in: "mechanism-kind") {
                let known = atlas.vocabulary.terms(of: "mechanism-kind")
                let hint = Suggestion.nearest(to: mechanism, among: known).map { "did you mean \($0)? " } ?? ""
                throw CLIFailure.usage("--mechanism: unknown mechanism kind \"\(mechanism)\"; \(hint)known: \(known.joined(separator: ", "))")
            }
            let bounds = try shares()
            let filter = CountryFilter(family: family, mechanism: mechanism, minShare: bounds.min, maxShare: bounds.max,
                                       lifeReviewWithin: try lifeReview())
            let chosen = overview.countries(filter)
            let rows = overview.countryRows(filter)
            let table = TextTableData(header: CorpusOverview.countryHeader(lang), rows: rows)
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .table: text = table.text + "\n\n" + unclassifiedNote(atlas, lang) + provenance.footer(language: lang)
            case .markdown: text = table.markdown + "\n\n" + unclassifiedNote(atlas, lang) + provenance.footer(language: lang)
            case .json: text = (typed
                ? overview.countriesJSON(chosen, rows: rows, provenance: provenance)
                : CorpusOverview.countriesJSON(rows, provenance: provenance)).serialized(pretty: true)
            // A CSV file is records only: a provenance row would be read as one more country.
            case .csv, .html, .docx, .xlsx:
                let document = TableExport.document(title: ExportPhrase.titleCountries.text(lang), table: table,
                                                    provenance: provenance, language: lang)
                return try export.write(document, as: format, to: output, language: lang)
            }
            try output.write(text + "\n")
        }
    }
}
