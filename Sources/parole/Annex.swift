import ArgumentParser
import AtlasEngine
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
                  parole annex 1 --lang ru --output /tmp/annex1.docx
                  parole annex 3 --lang kk --output /tmp/annex3.xlsx
                  parole annex 4 --lang ru --output /tmp/annex4.xlsx

                Annex 4 (the report's statistical tables) is the tables of `parole stats` whose id starts with \
                annex4-: each as printed, the rates computed from it and the checks that do not agree.
                """)

        @Argument(help: "Annex number.") var number: Int
        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: markdown, csv, html, json, docx or xlsx (default: what --output's extension names, else markdown).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.markdown, .csv, .html, .json, .docx, .xlsx]


        /// The prefix of the ids of the stats tables that are the report's Annex 4.
        static let statsAnnexPrefix = "annex4-"

        func validate() throws {
            try checkFormat()
        }

        func run() throws {
            // A destination that cannot be written stops the command before any work.
            try Stats.probe(output.path)
            let atlas = try corpus.load()
            let provenance = Provenance(corpus: atlas)
            let lang = language.language
            if atlas.annex(number) == nil, let package = atlas.reformPackages.first(where: { $0.table?.annex == number }) {
                let table = AmendmentAnnexTable(package: package, corpus: atlas, language: lang)
                let text: String
                switch format {
                case .markdown: text = table.markdown + provenance.footer(language: lang) + "\n"
                case .html: text = table.html(provenance: provenance)
                case .json: text = table.json(provenance: provenance)
                case .csv, .docx, .xlsx:
                    let document = table.exportDocument(provenance: format == .csv ? nil : provenance,
                                                        asRecords: format == .csv)
                    return try export.write(document, as: format, to: output, language: lang)
                case .table: throw format.refused(by: "annex", writes: Self.formats)
                }
                let channel = try output.open()
                try channel.write(text)
                try channel.finish()
                return
            }
            let statsTables = atlas.stats.filter { $0.id.hasPrefix(Self.statsAnnexPrefix) }
            if atlas.annex(number) == nil, number == 4, !statsTables.isEmpty {
                return try writeStats(statsTables, atlas: atlas, provenance: provenance)
            }
            guard let annex = atlas.annex(number) else {
                let known = (atlas.annexes.map(\.number) + atlas.reformPackages.compactMap { $0.table?.annex }
                    + (statsTables.isEmpty ? [] : [4]))
                    .sorted().map(String.init).joined(separator: ", ")
                throw CLIFailure.usage("no annex \(number) in the corpus (known: \(known.isEmpty ? "none" : known))")
            }
            let table = AnnexTable(annex: annex, corpus: atlas, language: lang)
            let text: String
            switch format {
            case .markdown: text = table.markdown + "\n" + provenance.footer(language: lang) + "\n"
            case .html: text = table.html(provenance: provenance)
            case .json: text = table.json(provenance: provenance)
            // A CSV file is records only: a provenance row would be read as one more country.
            case .csv, .docx, .xlsx:
                return try export.write(table.exportDocument(provenance: provenance), as: format, to: output, language: lang)
            case .table: throw format.refused(by: "annex", writes: Self.formats)
            }
            try output.write(text)
        }

        /// Annex 4: the stats tables of the annex, through the same code as `parole stats`.
        private func writeStats(_ tables: [StatsTable], atlas: Corpus, provenance: Provenance) throws {
            let lang = language.language
            let computations = tables.map(StatsComputation.init)
            let title = ExportPhrase.titleAnnexFour.text(lang)
            switch format {
            case .json:
                try output.write(StatsJSON.document(computations, language: lang, provenance: provenance)
                    .serialized(pretty: true) + "\n")
            case .markdown:
                let body = computations.map { StatsText($0, language: lang).render(markdown: true) }
                try output.write("# \(title)\n\n" + body.joined(separator: "\n\n") + "\n\n" + provenance.footer(language: lang) + "\n")
            case .csv, .html, .docx, .xlsx:
                let document = StatsText.exportDocument(computations, title: title, language: lang,
                                                        provenance: format == .csv ? nil : provenance,
                                                        asRecords: format == .csv)
                try export.write(document, as: format, to: output, language: lang)
            case .table: throw format.refused(by: "annex", writes: Self.formats)
            }
        }
    }

}
