import AtlasExport
import SafeXML
import Testing

@Suite struct XLSXExportTests {
    let package: OfficePackage

    init() throws {
        package = try OfficePackage(try Samples.document([Samples.narrow, Samples.wide]).rendered(as: .xlsx))
    }

    /// The cells of a sheet by reference (A1…), with their type attribute, style and value or inline text.
    func cells(_ sheet: Int) throws -> [String: (type: String?, style: String?, value: String)] {
        let root = try package.xml("xl/worksheets/sheet\(sheet).xml").root
        var cells: [String: (String?, String?, String)] = [:]
        for cell in root.descendants("c") {
            let value = cell.child(named: "v")?.text ?? cell.child(named: "is")?.text ?? ""
            cells[cell.attribute("r") ?? "?"] = (cell.attribute("t"), cell.attribute("s"), value)
        }
        return cells
    }

    @Test func everyPartIsWellFormedAndThereIsASheetPerTableAndASourcesSheet() throws {
        for path in package.paths { _ = try package.xml(path) }
        let sheets = try package.xml("xl/workbook.xml").root.descendants("sheet").compactMap { $0.attribute("name") }
        #expect(sheets == ["Решения", "Широкая", "Источники"])
        let sources = try cells(3).values.map(\.value)
        #expect(sources.contains("seed L14971"))
        #expect(sources.contains("Решения по УДО, 2024"))
        #expect(sources.contains("Σ: сумма строк"))
        #expect(try Samples.document([Samples.narrow, Samples.wide]).rendered(as: .xlsx)
            == Samples.document([Samples.narrow, Samples.wide]).rendered(as: .xlsx))
    }

    @Test func numbersAreNumbersAndTextIsText() throws {
        let cells = try cells(1)
        #expect(cells["A1"]?.value == "Регион")
        #expect(cells["A2"]?.type == "inlineStr")
        #expect(cells["B2"]?.type == "n")
        #expect(cells["B2"]?.value == "1234")
        #expect(cells["C2"]?.type == "n")
        #expect(Double(cells["C2"]?.value ?? "") == 0.255)
        #expect(cells["D2"]?.type == "n")
        #expect(Double(cells["D2"]?.value ?? "") == 4.5)
        // A dash in a number column stays text; an empty cell is left out.
        #expect(cells["C3"]?.type == "inlineStr")
        #expect(cells["E3"] == nil)
        #expect(cells["A3"]?.value == "<script>alert(\"x\")</script> & \"кавычки\"")
    }

    @Test func datesAreSerialNumbersWithADateFormat() throws {
        let date = try #require(try cells(1)["E2"])
        #expect(date.type == "n")
        #expect(date.value == "44571")
        let styles = try package.xml("xl/styles.xml").root
        let formats = Dictionary(uniqueKeysWithValues: styles.descendants("numFmt").map {
            ($0.attribute("numFmtId") ?? "", $0.attribute("formatCode") ?? "")
        })
        let xfs = try #require(styles.child(named: "cellXfs")).children(named: "xf")
        let xf = xfs[Int(date.style ?? "") ?? 0]
        let format = try #require(formats[xf.attribute("numFmtId") ?? ""])
        #expect(format.contains("yyyy") && format.contains("dd"))
        // The percent cell carries a built-in percent format (10: 0.00%).
        let percent = xfs[Int(try cells(1)["C2"]?.style ?? "") ?? 0]
        #expect(percent.attribute("numFmtId") == "10")
    }

    @Test func theHeaderRowIsFrozenAndFiltered() throws {
        let root = try package.xml("xl/worksheets/sheet1.xml").root
        let pane = try #require(root.descendants("pane").first)
        #expect(pane.attribute("ySplit") == "1")
        #expect(pane.attribute("topLeftCell") == "A2")
        #expect(pane.attribute("state") == "frozen")
        #expect(root.child(named: "autoFilter")?.attribute("ref") == "A1:E4")
        #expect(root.descendants("col").count == 5)
    }

    @Test(arguments: [(1899, 12, 31, 1), (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2022, 1, 10, 44_571),
                      (2024, 2, 29, 45_351)])
    func spreadsheetSerials(_ year: Int, _ month: Int, _ day: Int, _ serial: Int) {
        #expect(ExportDate(year: year, month: month, day: day).spreadsheetSerial == serial)
    }

    @Test func onlyRealDaysAreDates() {
        #expect(ExportDate(iso: "2024-02-29") != nil)
        #expect(ExportDate(iso: "2023-02-29") == nil)
        #expect(ExportDate(iso: "2024-13-01") == nil)
        #expect(ExportDate(iso: "24-01-01") == nil)
    }
}
