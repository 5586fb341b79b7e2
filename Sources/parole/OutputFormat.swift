import ArgumentParser
import AtlasExport

/// The one output-format type of every command. Each command writes some of them and says which: asking another
/// is a usage error naming the ones it writes. Not `CaseIterable`, so that `--help` lists each command's own
/// formats (from its help text), not every format of the program.
enum OutputFormat: String, ExpressibleByArgument {
    case table, json, markdown, csv, html, docx, xlsx

    /// Refuses a format `command` does not write.
    func require(_ written: [OutputFormat], by command: String) throws {
        guard written.contains(self) else { throw refused(by: command, writes: written) }
    }

    /// The usage error for a format `command` does not write.
    func refused(by command: String, writes written: [OutputFormat]) -> ValidationError {
        ValidationError("--format \(rawValue): \(command) writes " + written.map(\.rawValue).joined(separator: ", "))
    }

    /// The format the file name's extension names (`.md`, `.csv`, `.html`, `.docx`, `.xlsx`, `.json`), if any.
    init?(fileName: String) {
        guard let format = ExportFormat(fileName: fileName) else { return nil }
        self.init(rawValue: format.rawValue)
    }

    /// The format of the export model, for every format but the aligned text table.
    var export: ExportFormat? { ExportFormat(rawValue: rawValue) }

    /// The format to write: `--format` when given, else the one `--output`'s extension names, else `fallback`.
    static func chosen(_ explicit: OutputFormat?, output: String?, fallback: OutputFormat) -> OutputFormat {
        explicit ?? output.flatMap { OutputFormat(fileName: $0) } ?? fallback
    }

    /// Refuses a `--format` that contradicts `--output`'s extension, and a chosen format `command` does not write.
    static func check(_ explicit: OutputFormat?, output: String?, fallback: OutputFormat, writes written: [OutputFormat],
                      by command: String) throws
    {
        let named = output.flatMap { OutputFormat(fileName: $0) }
        if let explicit, let named, explicit != named {
            throw ValidationError("--format \(explicit.rawValue) contradicts --output \(output!), whose extension names "
                + "\(named.rawValue): drop --format to write \(named.rawValue), or name the file .\(explicit.fileExtension)")
        }
        let format = chosen(explicit, output: output, fallback: fallback)
        guard written.contains(format) else {
            if explicit == nil, let output {
                throw ValidationError("--output \(output): \(command) writes " + written.map(\.rawValue).joined(separator: ", ")
                    + "; name the format with --format")
            }
            throw format.refused(by: command, writes: written)
        }
    }

    /// The usual extension of a file in this format.
    var fileExtension: String {
        switch self {
        case .table: "txt"
        case .markdown: "md"
        default: rawValue
        }
    }

    /// The formats every tabular command writes through the export model.
    static let documents: [OutputFormat] = [.csv, .html, .docx, .xlsx]
}
