/// The file formats a table is exported to.
public enum ExportFormat: String, Sendable, CaseIterable {
    case markdown, csv, html, docx, xlsx, json

    /// The format a file name's extension names (`x.xlsx` → xlsx, `x.md` → markdown), case-insensitively; nil for
    /// an extension that names none, so that the caller can say which it knows.
    public init?(fileName: String) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "html", "htm": self = .html
        case "docx": self = .docx
        case "xlsx": self = .xlsx
        case "json": self = .json
        default: return nil
        }
    }

    /// A ZIP container: never written to a terminal.
    public var isBinary: Bool { self == .docx || self == .xlsx }
}
