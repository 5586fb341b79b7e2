import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML file (DOCX, XLSX), built in memory.
///
/// Deterministic: parts are stored in the order given, every entry carries the same modification time (1980-01-01
/// 00:00, the first instant a ZIP entry can name; ZIPFoundation writes it in UTC) and the same permissions, so the
/// same document gives the same bytes on every run and machine.
struct ZIPPackage {
    /// A part's path inside the package and its bytes.
    var parts: [(path: String, content: String)] = []

    static let fixedTime = Date(timeIntervalSince1970: 315_532_800)

    mutating func add(_ path: String, _ content: String) { parts.append((path, content)) }

    func bytes() throws(ExportError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.content.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Self.fixedTime, permissions: 0o644,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExportError("the ZIP container was not made") }
            return [UInt8](data)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("cannot make the ZIP container (\(error))")
        }
    }

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
