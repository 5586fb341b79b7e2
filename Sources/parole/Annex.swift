import ArgumentParser
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation

extension Parole {
    struct Annex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annex",
            abstract: "Regenerate an annex table of the report from the corpus (1: foreign practice; 2, 3: amendments).",
            discussion: """
                Annex 1 (foreign practice of parole): cells are composed from the encoded rules and the annex's \
                phrase table, not copied from the report; where the corpus differs from the report's cell, `parole \
                compare` and `parole show` show the recorded discrepancy.

                Annexes 2 and 3 (the proposed amendments, for convicted women and women with children, and on \
                parole and replacement): current wording | proposed wording | justification, in the report's row \
                order, from the reform packages in corpus/reforms. In Kazakh the wording is the report's own, quoted \
                and checked against it by `parole validate`; in Russian and English it is a translation, and the \
                table says so.

                Examples:
                  parole annex 1
                  parole annex 1 --lang kk --format html --output annex1.html
                  parole annex 1 --format csv --output annex1.csv
                  parole annex 3 --lang kk
                  parole annex 2 --lang ru --format html --output annex2.html
                """)

        @Argument(help: "Annex number.") var number: Int
        @Option(help: "Output: markdown, csv, html or json.") var format: OutputFormat = .markdown
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.markdown, .csv, .html, .json]

        func validate() throws { try format.require(Self.formats, by: "annex") }

        func run() throws {
            let channel = try output.open()
            let atlas = try corpus.load()
            let provenance = Provenance(corpus: atlas)
            if atlas.annex(number) == nil, let package = atlas.reformPackages.first(where: { $0.table?.annex == number }) {
                let table = AmendmentAnnexTable(package: package, corpus: atlas, language: language.language)
                let text: String = switch format {
                case .markdown: table.markdown + provenance.footer(language: language.language) + "\n"
                case .csv: table.csv
                case .html: table.html(provenance: provenance)
                case .json: table.json(provenance: provenance)
                case .table: throw format.refused(by: "annex", writes: Self.formats)
                }
                try channel.write(text)
                try channel.finish()
                return
            }
            guard let annex = atlas.annex(number) else {
                let known = (atlas.annexes.map(\.number) + atlas.reformPackages.compactMap { $0.table?.annex })
                    .sorted().map(String.init).joined(separator: ", ")
                throw CLIFailure.usage("no annex \(number) in the corpus (known: \(known.isEmpty ? "none" : known))")
            }
            let table = AnnexTable(annex: annex, corpus: atlas, language: language.language)
            let text: String
            switch format {
            case .markdown: text = table.markdown + "\n" + provenance.footer(language: language.language) + "\n"
            // A CSV file is records only: a provenance row would be read as one more country.
            case .csv: text = table.csv
            case .html: text = table.html(provenance: provenance)
            case .json: text = table.json(provenance: provenance)
            case .table: throw format.refused(by: "annex", writes: Self.formats)
            }
            try channel.write(text)
            try channel.finish()
        }
    }

}
