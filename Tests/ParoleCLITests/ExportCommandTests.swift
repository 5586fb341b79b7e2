import Foundation
import SafeXML
import Testing
import ZIPFoundation

/// `--format docx|xlsx|html|csv|json`, `--output` with the format read from its extension, `--excel`, and the
/// language of every header, from the command line.
@Suite struct ExportCommandTests {
    /// A fresh folder, removed by the caller.
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The part `path` of the ZIP file at `url`, parsed (a part that is not well-formed fails the test).
    func part(_ path: String, of url: URL) throws -> SafeXML.XMLDocument {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive[path], "no \(path) in \(url.lastPathComponent)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return try SafeXML.XMLDocument.parse(bytes: [UInt8](data), name: path)
    }

    func descendants(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.children.flatMap { ($0.name == name ? [$0] : []) + descendants($0, name) }
    }

    /// Text with no Latin letter: what a Russian or Kazakh header must be.
    func hasNoLatin(_ text: String) -> Bool { !text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }

    @Test func countriesInRussianAsAWorkbook() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("countries.xlsx")
        let r = try CLI.run(["countries", "--lang", "ru", "--output", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let sheets = descendants(try part("xl/workbook.xml", of: file).root, "sheet").compactMap { $0.attribute("name") }
        #expect(sheets.count == 2)
        #expect(sheets.last == "Источники")
        let sheet = try part("xl/worksheets/sheet1.xml", of: file).root
        let rows = descendants(sheet, "row")
        #expect(rows.count > 40)
        let header = descendants(rows[0], "c").map(\.text)
        #expect(header.count == 6)
        #expect(header.allSatisfy(hasNoLatin), "\(header)")
        #expect(descendants(sheet, "pane").first?.attribute("state") == "frozen")
        // The sources sheet names the corpus the table was made from.
        let sources = try part("xl/worksheets/sheet2.xml", of: file).root.text
        #expect(sources.contains("sha256:"))
    }

    @Test func annexOneAsAWordDocument() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("annex1.docx")
        let r = try CLI.run(["annex", "1", "--format", "docx", "--output", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let body = try #require(try part("word/document.xml", of: file).root.child(named: "body"))
        let table = try #require(body.child(named: "tbl"))
        let rows = table.children(named: "tr")
        #expect(rows.count == 19)
        #expect(rows[0].child(named: "trPr")?.child(named: "tblHeader") != nil)
        #expect(rows[1].text.hasPrefix("1Republic of Kazakhstan"))
        // Annex 1 is wide: the page turns.
        let size = try #require(body.child(named: "sectPr")?.child(named: "pgSz"))
        #expect(size.attribute("orient", namespace: "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == "landscape")
        #expect(body.children(named: "p").contains { $0.text == "Sources" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["annex1.docx"])
    }

    /// Without --format, the extension decides; an extension that names no format leaves the default.
    @Test func theFormatIsReadFromTheFileName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("annex.xlsx"), html = dir.appendingPathComponent("c.html")
        let text = dir.appendingPathComponent("c.txt")
        #expect(try CLI.run(["annex", "1", "--output", xlsx.path]).status == 0)
        _ = try part("xl/workbook.xml", of: xlsx)
        #expect(try CLI.run(["countries", "--lang", "kk", "--output", html.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"kk\">"))
        #expect(page.contains("@media print"))
        #expect(try CLI.run(["countries", "--output", text.path]).status == 0)
        #expect(try String(contentsOf: text, encoding: .utf8) == (try CLI.run(["countries"])).stdout)
    }

    @Test(arguments: [
        ["countries", "--format", "docx", "--output", "x.xlsx"],
        ["annex", "1", "--format", "csv", "--output", "annex.docx"],
        ["roster", "--input", "people.csv", "--format", "csv", "--output", "dates.ics"],
    ])
    func aFormatThatContradictsTheFileNameIsRefused(_ args: [String]) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(args, in: dir)
        #expect(r.status == 64)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("--format \(args[args.count - 3])") && r.stderr.contains(args.last!))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A Word or Excel file is not sent to a terminal (a pseudo-terminal made by `script`); to a pipe it is, as
    /// `> file.docx` would want.
    @Test func aBinaryFileIsNotWrittenToATerminal() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "needs util-linux's script")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "'\(CLI.executable.path)' annex 1 --format docx --corpus '\(CLI.root.path)/corpus'",
                             "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64, "\(text)")
        #expect(text.contains("--output FILE.docx"))
        #expect(!text.contains("PK"))

        let piped = try CLI.run(["annex", "1", "--format", "xlsx"])
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("PK"))
    }

    @Test func russianCSVHasRussianHeadersAndAByteOrderMarkInAFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("countries.csv")
        #expect(try CLI.run(["countries", "--lang", "ru", "--output", file.path]).status == 0)
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let header = try #require(text.components(separatedBy: "\r\n").first)
        #expect(header.split(separator: ",").count == 6)
        #expect(hasNoLatin(header), "\(header)")
        // Standard output gets no mark unless --excel asks; English never by default.
        let piped = try CLI.run(["countries", "--lang", "ru", "--format", "csv"])
        #expect(!piped.stdout.hasPrefix("\u{FEFF}"))
        #expect(piped.stdout == text)
        #expect(try CLI.run(["countries", "--lang", "ru", "--format", "csv", "--excel"]).stdout.hasPrefix("\u{FEFF}"))
        let english = dir.appendingPathComponent("en.csv")
        #expect(try CLI.run(["countries", "--output", english.path]).status == 0)
        #expect(try Data(contentsOf: english).prefix(3) != Data([0xEF, 0xBB, 0xBF]))
        let misuse = try CLI.run(["countries", "--excel", "--format", "json"])
        #expect(misuse.status == 64 && misuse.stderr.contains("--excel"))
    }

    /// Every tabular command writes each document format, in Kazakh too, with no Latin header.
    @Test(arguments: [["countries"], ["compare", "kz", "ru"], ["annex", "2"], ["annex", "3"], ["annex", "4"],
                      ["conformance", "kz"], ["reforms"], ["stats"], ["stats", "--table", "annex4-table2"],
                      ["instruments"], ["search", "шартты", "--index-dir", "off"],
                      ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of", "2026-01-01"],
                      ["whatif", "--reform", "kz-rec-juvenile-one-third", "--term", "9y", "--category", "grave",
                       "--start", "2024-01-10", "--juvenile", "--as-of", "2026-01-01"]])
    func everyTabularCommandExports(_ args: [String]) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["docx", "xlsx", "html", "csv"] {
            let file = dir.appendingPathComponent("out.\(format)")
            let r = try CLI.run(args + ["--lang", "kk", "--output", file.path])
            #expect(r.status == 0, "\(args) \(format): \(r.stderr)")
            guard r.status == 0 else { continue }
            switch format {
            case "xlsx":
                let sheet = try part("xl/worksheets/sheet1.xml", of: file).root
                let header = descendants(descendants(sheet, "row")[0], "c").map(\.text)
                #expect(!header.isEmpty)
                #expect(header.filter { !$0.isEmpty && !hasNoLatin($0) && $0 != "kz" && $0 != "ru" && $0 != "id" }.isEmpty,
                        "\(args): \(header)")
            case "docx":
                let body = try #require(try part("word/document.xml", of: file).root.child(named: "body"))
                #expect(body.child(named: "tbl") != nil, "\(args)")
            default:
                #expect(try Data(contentsOf: file).count > 100)
            }
        }
    }

    /// The report's counts reach a spreadsheet as numbers, its dimension labels as text.
    @Test func statsCountsAreNumbersInTheWorkbook() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("petitions.xlsx")
        let r = try CLI.run(["stats", "--table", "ch4-petitions", "--lang", "ru", "--output", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let cells = descendants(try part("xl/worksheets/sheet1.xml", of: file).root, "c")
        let considered = try #require(cells.first { $0.attribute("r") == "B2" })
        #expect(considered.attribute("t") == "n")
        #expect(considered.text == "24774")
        #expect(cells.first { $0.attribute("r") == "A2" }?.attribute("t") == "inlineStr")
    }

    /// The JSON of the export model (compare has no JSON of its own) against docs/export.schema.json.
    @Test(arguments: ["en", "kk"])
    func compareJSONValidatesAgainstTheExportSchema(_ language: String) throws {
        let r = try CLI.run(["compare", "kz", "ru", "de", "--format", "json", "--lang", language])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try JSONSchemaTests.validator("export.schema.json")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let problems = v.validate(doc, against: v.root)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let object = try #require(doc as? [String: Any])
        #expect(object["language"] as? String == language)
    }
}
