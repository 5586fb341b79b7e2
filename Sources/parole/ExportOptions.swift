import ArgumentParser
import AtlasExport
import AtlasModel
import AtlasOutput
import AtlasReport

/// `--excel`, shared by every tabular command, and the writing of an export document (CSV, HTML, DOCX, XLSX,
/// Markdown or JSON of the export model) to `--output`.
///
/// The byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one, and garbles Cyrillic
/// otherwise; other readers (a pipe, `cut`, a data frame) take the mark for part of the first header. So a CSV file
/// written with `--output FILE.csv` under `--lang kk` or `--lang ru` gets one (such a file is mostly opened in
/// Excel, and its headers are Cyrillic), standard output and English never do, and `--excel` asks for it anywhere.
struct ExportOptions: ParsableArguments {
    @Flag(name: .customLong("excel"), help: ArgumentHelp(
        "CSV for Excel: start with a UTF-8 byte order mark (the default for --output FILE.csv under --lang kk or ru; "
            + "never otherwise)."))
    var excel = false

    /// Whether a CSV gets a byte order mark (see the type's comment).
    func byteOrderMark(output: String?, language: Language) -> Bool {
        if excel { return true }
        guard let output, output != "-", OutputFormat(fileName: output) == .csv else { return false }
        return language == .kk || language == .ru
    }

    /// `text` as a CSV file: with the byte order mark when the rule above asks for one (the CSV outputs that are
    /// not made from the export model: the stable-key records of `roster` and `cohort`).
    func csvBytes(_ text: String, output: String?, language: Language) -> [UInt8] {
        (byteOrderMark(output: output, language: language) ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// Refuses `--excel` with any format but CSV.
    func check(_ format: OutputFormat) throws {
        if excel, format != .csv { throw ValidationError("--excel is for CSV; drop it, or use --format csv") }
    }

    /// Writes `document` in `format` to `output`, whole or not at all. A DOCX or XLSX file is refused for a terminal.
    func write(_ document: ExportDocument, as format: OutputFormat, to output: OutputOptions, language: Language) throws {
        try write(document, as: format, into: try output.open(), path: output.path, language: language)
    }

    /// Writes `document` into a channel the command opened before its work (`path` is where it goes, for the
    /// byte order mark rule), and completes it.
    func write(_ document: ExportDocument, as format: OutputFormat, into channel: OutputChannel, path: String?,
               language: Language) throws {
        guard let exportFormat = format.export else { throw CLIFailure.usage("--format \(format.rawValue) is not a document") }
        if exportFormat.isBinary, channel.isTerminal {
            channel.abandon()
            throw CLIFailure.usage("--format \(format.rawValue): a \(format.rawValue) file is not for a terminal; "
                + "write it with --output FILE.\(format.fileExtension)")
        }
        let bytes: [UInt8]
        do {
            bytes = try document.rendered(as: exportFormat, byteOrderMark: byteOrderMark(output: path, language: language))
        } catch {
            throw CLIFailure(message: error.description, status: .software)
        }
        try channel.write(bytes)
        try channel.finish()
    }
}
