/// A document as an Excel workbook (SpreadsheetML in a ZIP container): one sheet per table and a sources sheet.
///
/// Cells are typed: integers, decimals and percents are numbers (`t="n"`, a percent as its share with a percent
/// format), dates are serial numbers of the 1900 date system with a `yyyy-mm-dd` format, and text is an inline
/// string. The header row is bold, frozen (it stays in view while scrolling) and carries an autofilter; column
/// widths follow their content. The sources sheet lists the document's title, each table's caption and notes,
/// and the citations.
struct XLSXExport {
    let document: ExportDocument

    /// Style indexes of `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0, header, date, percent, decimal, wrapped
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique (case-insensitively, as Excel compares them).
    var sheetNames: [String] {
        var used = Set<String>()
        let names = document.tables.map(\.name) + [document.labels.sources]
        return names.enumerated().map { index, name in
            var base = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }
                .map(Character.init)).trimmingSpaces
            if base.isEmpty { base = "\(index + 1)" }
            var candidate = String(base.prefix(31)), suffix = 2
            while used.contains(candidate.lowercased()) {
                let tail = " (\(suffix))"
                candidate = String(base.prefix(31 - tail.count)) + tail
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    func bytes() throws(ExportError) -> [UInt8] {
        let names = sheetNames
        var package = ZIPPackage()
        package.add("[Content_Types].xml", ZIPPackage.xmlDeclaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + names.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "<Override PartName=\"/docProps/core.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>")
        package.add("_rels/.rels", ZIPPackage.xmlDeclaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" "
            + "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
            + "Target=\"docProps/core.xml\"/></Relationships>")
        package.add("docProps/core.xml", OfficeProperties.core(title: document.title, language: document.language))
        package.add("xl/workbook.xml", ZIPPackage.xmlDeclaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(MarkupText.escaped($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }
                .joined()
            + "</sheets>" + definedNames(names) + "</workbook>")
        package.add("xl/_rels/workbook.xml.rels", ZIPPackage.xmlDeclaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + names.indices.map { "<Relationship Id=\"rId\($0 + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(names.count + 1)\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>")
        package.add("xl/styles.xml", Self.styles)
        for (index, table) in document.tables.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", sheet(table))
        }
        package.add("xl/worksheets/sheet\(names.count).xml", sourcesSheet)
        return try package.bytes()
    }

    /// The autofilter of each table sheet, as Excel records it (a hidden defined name per sheet).
    func definedNames(_ names: [String]) -> String {
        let filtered = document.tables.enumerated().filter { !$0.element.columns.isEmpty }
        guard !filtered.isEmpty else { return "" }
        return "<definedNames>" + filtered.map { index, table in
            let sheet = "'" + names[index].split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            let range = "$A$1:$\(Self.column(table.columns.count - 1))$\(table.rows.count + 1)"
            return "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + MarkupText.escaped(sheet + "!" + range) + "</definedName>"
        }.joined() + "</definedNames>"
    }

    static let styles = ZIPPackage.xmlDeclaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
        + "applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func sheet(_ table: ExportTable) -> String {
        let widths = PageLayout(table: table).characterWidths
        var out = ZIPPackage.xmlDeclaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            out += "<cols>" + widths.enumerated().map { index, characters in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(characters + 2)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        out += "<sheetData><row r=\"1\">"
            + table.columns.enumerated().map { textCell($1.header, at: "\(Self.column($0))1", style: .header) }.joined()
            + "</row>"
        for (rowIndex, row) in table.rows.enumerated() {
            let number = rowIndex + 2
            out += "<row r=\"\(number)\">"
            for index in table.columns.indices {
                out += cell(table.cell(row, index), at: "\(Self.column(index))\(number)")
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !table.columns.isEmpty {
            out += "<autoFilter ref=\"A1:\(Self.column(table.columns.count - 1))\(table.rows.count + 1)\"/>"
        }
        return out + "<pageSetup orientation=\"" + (PageLayout(table: table).landscape ? "landscape" : "portrait")
            + "\" paperSize=\"9\"/></worksheet>"
    }

    var sourcesSheet: String {
        var lines: [(String, Style)] = [(document.title, .header)]
        for table in document.tables {
            lines.append((table.caption, .plain))
            lines += table.notes.map { ($0, .wrapped) }
        }
        if !document.sources.isEmpty {
            lines.append(("", .plain))
            lines.append((document.labels.sources, .header))
            lines += document.sources.map { ($0, .wrapped) }
        }
        return ZIPPackage.xmlDeclaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<cols><col min=\"1\" max=\"1\" width=\"120\" customWidth=\"1\"/></cols><sheetData>"
            + lines.enumerated().map { index, line in
                "<row r=\"\(index + 1)\">" + (line.0.isEmpty ? "" : textCell(line.0, at: "A\(index + 1)", style: line.1))
                    + "</row>"
            }.joined()
            + "</sheetData></worksheet>"
    }

    func cell(_ cell: ExportCell, at reference: String) -> String {
        switch cell.value {
        case nil: cell.text.isEmpty ? "" : textCell(cell.text, at: reference, style: .wrapped)
        case .integer(let n): "<c r=\"\(reference)\" t=\"n\"><v>\(n)</v></c>"
        case .decimal(let x): number(x, at: reference, style: .decimal)
        case .percent(let share): number(share, at: reference, style: .percent)
        case .date(let date): "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\" t=\"n\"><v>\(date.spreadsheetSerial)</v></c>"
        }
    }

    func number(_ value: Double, at reference: String, style: Style) -> String {
        // A value that is not a finite number cannot be typed; it keeps its text.
        guard value.isFinite else { return textCell(String(value), at: reference, style: .plain) }
        let styled = style == .plain || style == .decimal ? "" : " s=\"\(style.rawValue)\""
        return "<c r=\"\(reference)\"\(styled) t=\"n\"><v>\(value)</v></c>"
    }

    func textCell(_ text: String, at reference: String, style: Style) -> String {
        let styled = style == .plain ? "" : " s=\"\(style.rawValue)\""
        return "<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            + MarkupText.escaped(text) + "</t></is></c>"
    }

    /// The letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
