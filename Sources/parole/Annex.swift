import ArgumentParser
import AtlasReport
import Foundation

extension Parole {
    struct Annex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annex",
            abstract: "Regenerate an annex table of the report from the corpus (Annex 1: foreign practice of parole).",
            discussion: """
                Cells are composed from the encoded rules and the annex's phrase table, not copied from the report; \
                where the corpus differs from the report's cell, `parole compare` and `parole show` show the \
                recorded discrepancy.

                Examples:
                  parole annex 1
                  parole annex 1 --lang kk --format html --output annex1.html
                  parole annex 1 --format csv --output annex1.csv
                """)

        @Argument(help: "Annex number.") var number: Int
        @Option(help: "Language: kk, ru or en.") var lang: Language = .en
        @Option(help: "Output: markdown, csv, html or json.") var format: AnnexFormat = .markdown
        @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let atlas = try corpus.load()
            guard let annex = atlas.annex(number) else {
                let known = atlas.annexes.map { String($0.number) }.joined(separator: ", ")
                throw CLIFailure.usage("no annex \(number) in the corpus (known: \(known.isEmpty ? "none" : known))")
            }
            let table = AnnexTable(annex: annex, corpus: atlas, language: lang.rawValue)
            let text: String
            switch format {
            case .markdown: text = table.markdown
            case .csv: text = table.csv
            case .html: text = table.html
            case .json: text = table.json
            }
            guard let output else { print(text, terminator: ""); return }
            try OutputFile.write(text, to: output)
        }
    }

    enum AnnexFormat: String, ExpressibleByArgument, CaseIterable { case markdown, csv, html, json }
}

/// Writes a whole file or nothing: a temporary file beside the target, then a rename.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure(message: "\(path): cannot write the output file (\(error.localizedDescription)); "
                + "check the folder exists and is writable", status: .cantCreate)
        }
    }
}
