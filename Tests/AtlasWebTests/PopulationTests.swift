import AtlasModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import AtlasReport
@testable import AtlasWeb

/// Uploads to `/cohort` and `/roster`, sent as a browser's form sends them.
enum TestUpload {
    static let boundary = "----AtlasBoundary7MA4YWxkTrZu0gW"

    static let people = """
        id,term,category,start
        p-1,9y,grave,2022-01-10
        p-2,4y,medium,2023-05-01

        """

    /// A `multipart/form-data` body with `fields` and, unless nil, `file` as the chosen file.
    static func form(_ fields: [(String, String)], file: String?) -> ByteBuffer {
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file ?? "")\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    /// POSTs `body` to `uri` through the router.
    static func post(_ uri: String, body: ByteBuffer, contentType: String = "multipart/form-data; boundary=\(boundary)")
        async throws -> Fetched
    {
        let application = Application(router: TestSite.site.router())
        return try await application.test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: [.contentType: contentType], body: body) { response in
                Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
            }
        }
    }
}

@Suite struct PopulationPageTests {
    @Test("A population uploaded in kk, ru or en is answered in that language with the result's table",
          arguments: ["/cohort", "/roster"], Language.allCases)
    func upload(path: String, language: Language) async throws {
        let fetched = try await TestUpload.post(path + "?lang=" + language.rawValue,
                                                body: TestUpload.form([("as-of", "2026-01-01")], file: TestUpload.people))
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(fetched.body.contains("<table>"))
        #expect(fetched.body.contains(WebPhrase.uploadPeople.text(language, ["count": "2"])))
        // The form comes back with the file's lines, so that it can be sent again.
        #expect(fetched.body.contains("p-2,4y,medium,2023-05-01"))
        #expect(fetched.body.contains("name=\"as-of\" value=\"2026-01-01\""))
    }

    @Test("The empty form states the size limit and posts the file as multipart/form-data",
          arguments: ["/cohort", "/roster"])
    func form(path: String) async throws {
        let fetched = try await TestSite.get(path + "?lang=ru")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("enctype=\"multipart/form-data\""))
        #expect(fetched.body.contains("не более 2 МБ"))
        #expect(fetched.body.contains("type=\"file\""))
    }

    @Test("A bad row is refused with its row number and column, in the page's language, the form kept filled",
          arguments: [(Language.en, "Row 3, column &quot;start&quot;: Start"),
                      (.ru, "Строка 3, столбец &quot;start&quot;: "), (.kk, "3-жол, &quot;start&quot; бағаны: ")])
    func badRow(language: Language, expected: String) async throws {
        let csv = "id,term,category,start\np-1,9y,grave,2022-01-10\np-2,4y,medium,2023-02-30\n"
        let fetched = try await TestUpload.post("/cohort?lang=" + language.rawValue,
                                                body: TestUpload.form([("horizon", "3y")], file: csv))
        #expect(fetched.status == .badRequest)
        #expect(fetched.body.contains(expected))
        // The reason is the simulation form's, in the page's language.
        #expect(fetched.body.contains(HTMLText.escaped(WebPhrase.errorNotADate.text(language, [
            "field": CaseFactCatalogue.named("start")!.label.text(in: language.rawValue),
            "value": InputText.quoted("2023-02-30"),
        ]))))
        #expect(fetched.body.contains("class=\"error\""))
        #expect(!fetched.body.contains("<table>"))
        #expect(fetched.body.contains("p-2,4y,medium,2023-02-30"))
        #expect(fetched.body.contains("name=\"horizon\" value=\"3y\""))
    }

    @Test("A row with a value the reader cannot take names its row (not the person's data)")
    func unreadableRow() async throws {
        let csv = "id,term,category,start,age\np-1,9y,grave,2022-01-10,forty\n"
        let en = try await TestUpload.post("/roster", body: TestUpload.form([], file: csv))
        #expect(en.status == .badRequest)
        #expect(en.body.contains("Row 2, column &quot;age&quot;: &quot;forty&quot; is not a whole number"))
        let ru = try await TestUpload.post("/roster?lang=ru", body: TestUpload.form([], file: csv))
        #expect(ru.body.contains("Строка 2, столбец &quot;age&quot;: значение нельзя прочитать"))
    }

    @Test("An upload over the limit is refused with 413 and one line in the page's language")
    func oversized() async throws {
        let big = "id,term,category,start\n" + String(repeating: "p,9y,grave,2022-01-10\n",
                                                    count: RequestLimits.uploadBytes / 20)
        let fetched = try await TestUpload.post("/cohort?lang=kk", body: TestUpload.form([], file: big))
        #expect(fetched.status == .contentTooLarge)
        #expect(fetched.body.contains("2 МБ-тан үлкен"))
        // A raw CSV body too.
        let raw = try await TestUpload.post("/roster?lang=ru", body: ByteBuffer(string: big), contentType: "text/csv")
        #expect(raw.status == .contentTooLarge)
        #expect(raw.body.contains("больше 2 МБ"))
    }

    @Test("The limit holds while the body is read, whatever Content-Length said (or without one)")
    func limitWhileReading() async throws {
        let request = Request(head: .init(method: .post, scheme: "http", authority: "localhost", path: "/cohort"),
                              body: .init(buffer: ByteBuffer(string: TestUpload.people)))
        await #expect(throws: SiteError.self) { try await Upload.read(request, limit: 10, language: .en) }
        let within = Request(head: .init(method: .post, scheme: "http", authority: "localhost", path: "/cohort"),
                             body: .init(buffer: ByteBuffer(string: TestUpload.people)))
        #expect(try await Upload.read(within, limit: 1_000, language: .en).file == Array(TestUpload.people.utf8))
    }

    @Test("Markup in a CSV cell comes back escaped, in the table and in the form")
    func markupIsEscaped() async throws {
        let csv = "id,term,category,start\n<script>alert(1)</script>,9y,grave,2022-01-10\n"
        let fetched = try await TestUpload.post("/roster", body: TestUpload.form([("as-of", "2026-01-01")], file: csv))
        #expect(fetched.status == .ok)
        #expect(!fetched.body.contains("<script"))
        #expect(fetched.body.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        let bad = try await TestUpload.post("/cohort", body: TestUpload.form([], file: csv + "x,<b>9y</b>,grave,2022-01-10\n"))
        #expect(bad.status == .badRequest)
        #expect(!bad.body.contains("<b>9y") && !bad.body.contains("<script"))
    }

    @Test("The downloads are the command line's formats: CSV and JSON, and iCalendar for the roster")
    func downloads() async throws {
        let ics = try await TestUpload.post("/roster", body: TestUpload.form(
            [("as-of", "2026-01-01"), ("format", "ics")], file: TestUpload.people))
        #expect(ics.status == .ok)
        #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8")
        #expect(ics.headers[.contentDisposition] == "attachment; filename=\"roster.ics\"")
        #expect(ics.body.hasPrefix("BEGIN:VCALENDAR"))
        // The pasted lines serve as the file (the form sent again from an answered page).
        let json = try await TestUpload.post("/cohort", body: TestUpload.form(
            [("csv", TestUpload.people), ("as-of", "2026-01-01"), ("format", "json")], file: nil))
        #expect(json.status == .ok)
        let document = try #require(try json.json as? [String: Any])
        #expect(document["provenance"] != nil)
        // A script may send the CSV as the body, the fields in the query string.
        let csv = try await TestUpload.post("/cohort?format=csv&as-of=2026-01-01", body: ByteBuffer(string: TestUpload.people),
                                            contentType: "text/csv")
        #expect(csv.status == .ok)
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(try await TestUpload.post("/cohort?format=ics", body: ByteBuffer(string: TestUpload.people),
                                          contentType: "text/csv").status == .badRequest)
    }

    @Test("No file is a 400 naming the fix; a body anywhere else is still refused")
    func noFileAndOtherRoutes() async throws {
        let empty = try await TestUpload.post("/cohort?lang=ru", body: TestUpload.form([], file: nil))
        #expect(empty.status == .badRequest)
        #expect(empty.body.contains("Выберите файл"))
        #expect(try await TestUpload.post("/simulate", body: TestUpload.form([], file: TestUpload.people)).status
            == .contentTooLarge)
    }
}
