import AtlasModel
import AtlasReport
import Foundation
import Hummingbird

/// What an upload page was sent: its form fields and the file, read in memory (the server writes nothing to
/// disk). A browser's form sends `multipart/form-data`; a script may instead send the CSV itself as the body, with
/// the fields in the query string (`curl --data-binary @people.csv '/cohort?as-of=2026-01-01&format=json'`).
struct Upload {
    /// The form's fields (the query string's too: the language is there so that a refusal before the body is
    /// read is still in the page's language).
    var fields: QueryParameters
    /// The file's bytes, if one was chosen.
    var file: [UInt8]?

    /// The field that carries the file.
    static let fileField = "file"

    /// Reads `request`'s body, refusing it as soon as it passes `limit` bytes.
    static func read(_ request: Request, limit: Int, language: Language) async throws -> Upload {
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw SiteError.uploadTooLarge(language) }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        var fields = QueryParameters(query: request.uri.query)
        let type = request.headers[.contentType] ?? ""
        guard let boundary = MultipartForm.boundary(contentType: type) else {
            return Upload(fields: fields, file: bytes.isEmpty ? nil : bytes)
        }
        guard let parts = MultipartForm.parts(of: bytes, boundary: boundary) else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorBadUpload.text(language), field: fileField)
        }
        var file: [UInt8]?
        for part in parts {
            if part.name == fileField, part.fileName != nil {
                // A form sent with no file chosen still has the part, empty.
                if !part.content.isEmpty { file = part.content }
            } else {
                fields = fields.appending(part.name, String(decoding: part.content, as: UTF8.self))
            }
        }
        return Upload(fields: fields, file: file)
    }
}

/// `multipart/form-data` (RFC 7578) as browsers send it: parts between boundary lines, each with its
/// `Content-Disposition` naming the field (and the file).
enum MultipartForm {
    struct Part {
        var name: String
        var fileName: String?
        var content: [UInt8]
    }

    /// At most this many parts: a form of a dozen fields, not a way to make the server split a body into
    /// millions of pieces.
    static let maximumParts = 256

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let items = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard items.first?.lowercased() == "multipart/form-data" else { return nil }
        for item in items.dropFirst() where item.lowercased().hasPrefix("boundary=") {
            var value = item.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// The parts of `body`, or nil when it is not a well-formed multipart body.
    static func parts(of body: [UInt8], boundary: String) -> [Part]? {
        let opening = Array(("--" + boundary).utf8)
        let delimiter = Array(("\r\n--" + boundary).utf8)
        guard body.starts(with: opening) else { return nil }
        var parts: [Part] = []
        var position = opening.count
        while true {
            // After a boundary: `--` ends the body, a line break starts a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { return parts }
            guard body[position...].starts(with: [0x0D, 0x0A]), parts.count < maximumParts else { return nil }
            position += 2
            guard let headersEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position),
                  let end = find(delimiter, in: body, from: headersEnd + 4) else { return nil }
            let headers = String(decoding: body[position..<headersEnd], as: UTF8.self)
            guard let part = part(headers: headers, content: Array(body[(headersEnd + 4)..<end])) else { return nil }
            parts.append(part)
            position = end + delimiter.count
        }
    }

    private static func part(headers: String, content: [UInt8]) -> Part? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            let parameters = disposition(String(pair[1]))
            guard let name = parameters["name"] else { return nil }
            return Part(name: name, fileName: parameters["filename"], content: content)
        }
        return nil
    }

    /// `form-data; name="file"; filename="people.csv"` → ["name": "file", "filename": "people.csv"]. Browsers
    /// escape a quote in a file name as `%22`, so a quoted value ends at the next quote.
    private static func disposition(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].split(separator: ";").last?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            rest = rest[rest.index(after: equals)...]
            let value: Substring
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let close = body.firstIndex(of: "\"") ?? body.endIndex
                value = body[..<close]
                rest = close < body.endIndex ? body[body.index(after: close)...] : ""
            } else {
                let close = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<close]
                rest = rest[close...]
            }
            result[key] = String(value)
        }
        return result
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
