import AtlasExport
import AtlasModel
import AtlasReport
import Hummingbird

/// A table offered as a file (`…/download?format=xlsx`): the export document in the format asked for, with its
/// content type and a `Content-Disposition` naming the file, so that a browser saves it.
struct Download {
    /// The query parameter naming the format.
    static let parameter = "format"

    /// The formats a page offers, in the order its links show them.
    let formats: [ExportFormat]
    /// The file's name without extension, made of ids (ASCII) so that every browser saves it as named.
    let name: String

    /// The format `query` asks for, refused unless it is one of `formats`.
    func format(_ query: QueryParameters, _ language: Language) throws(SiteError) -> ExportFormat {
        let asked = query.first(Self.parameter) ?? ""
        guard let format = ExportFormat(rawValue: asked.lowercased()), formats.contains(format) else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorUnknownFormat.text(language, [
                "value": InputText.quoted(asked), "choices": formats.map(\.rawValue).joined(separator: ", "),
            ]), field: Self.parameter)
        }
        return format
    }

    /// `document` as the file. A CSV file in Kazakh or Russian starts with a byte order mark, as the command
    /// line writes one to a `.csv` file in those languages: such a file is mostly opened in Excel.
    func reply(_ document: ExportDocument, as format: ExportFormat, language: Language) throws -> Response {
        let bytes = try document.rendered(as: format, byteOrderMark: format == .csv && language != .en)
        let file = Self.safeName(name) + "." + Self.fileExtension(format)
        return Response(status: .ok, headers: [
            .contentType: Self.contentType(format),
            .contentDisposition: "attachment; filename=\"\(file)\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `Download: DOCX XLSX CSV`, each a link to `path` with the page's parameters and the format.
    func links(path: String, query: QueryParameters, language: Language) -> String {
        let links = formats.map { format in
            let href = path + "?" + query.replacing(Self.parameter, with: format.rawValue).encoded
            return "<a href=\"" + HTMLText.escaped(href) + "\">" + format.rawValue.uppercased() + "</a>"
        }
        return "<p class=\"downloads\">" + HTMLText.escaped(WebPhrase.pageDownload.text(language)) + ": "
            + links.joined(separator: " ") + "</p>\n"
    }

    static func contentType(_ format: ExportFormat) -> String {
        switch format {
        case .markdown: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    static func fileExtension(_ format: ExportFormat) -> String { format == .markdown ? "md" : format.rawValue }

    /// Letters, digits, `-`, `_` and `.` of `name` (ASCII); anything else a `-`.
    static func safeName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    }
}
