/// A document as a Word file (WordprocessingML in a ZIP container).
///
/// Each table has a caption paragraph above it, a header row marked `<w:tblHeader/>` (Word repeats it on every
/// page) and not split across pages, column widths in proportion to their content (`PageLayout`), and notes under
/// it. The citations follow in a sources section (a heading and a numbered list), so the file stands on its own.
/// The page is A4, landscape when any table is wide (`PageLayout.landscape`).
struct DOCXExport {
    let document: ExportDocument

    /// A4 in twips, and the margins (2 cm).
    static let shortSide = 11_906, longSide = 16_838, margin = 1_134

    var landscape: Bool { document.tables.contains { PageLayout(table: $0).landscape } }

    func bytes() throws(ExportError) -> [UInt8] {
        var package = ZIPPackage()
        package.add("[Content_Types].xml", ZIPPackage.xmlDeclaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """)
        package.add("_rels/.rels", ZIPPackage.xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            </Relationships>
            """)
        package.add("docProps/core.xml", OfficeProperties.core(title: document.title, language: document.language))
        package.add("word/_rels/document.xml.rels", ZIPPackage.xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        package.add("word/styles.xml", styles)
        package.add("word/document.xml", body)
        return try package.bytes()
    }

    var styles: String {
        let lang = MarkupText.escaped(document.language)
        func paragraphStyle(_ id: String, _ name: String, size: Int, bold: Bool, after: Int, keepNext: Bool) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:qFormat/><w:pPr>" + (keepNext ? "<w:keepNext/>" : "") + "<w:spacing w:before=\"240\" w:after=\"\(after)\"/></w:pPr>"
                + "<w:rPr>" + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        return ZIPPackage.xmlDeclaration
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
            + "<w:sz w:val=\"18\"/><w:lang w:val=\"\(lang)\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + paragraphStyle("Title", "Title", size: 32, bold: true, after: 120, keepNext: true)
            + paragraphStyle("Heading1", "heading 1", size: 24, bold: true, after: 120, keepNext: true)
            + paragraphStyle("Caption", "caption", size: 20, bold: true, after: 60, keepNext: true)
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
            + "<w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"]
                .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
            + "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
            + "</w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    var body: String {
        let (width, height) = landscape ? (Self.longSide, Self.shortSide) : (Self.shortSide, Self.longSide)
        let textWidth = width - 2 * Self.margin
        var out = ZIPPackage.xmlDeclaration
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + paragraph(document.title, style: "Title")
        for table in document.tables {
            out += paragraph(table.caption, style: "Caption") + self.table(table, width: textWidth)
            for note in table.notes { out += paragraph(note) }
        }
        if !document.sources.isEmpty {
            out += paragraph(document.labels.sources, style: "Heading1")
            for (index, source) in document.sources.enumerated() { out += paragraph("\(index + 1). " + source) }
        }
        let orientation = landscape ? " w:orient=\"landscape\"" : ""
        out += "<w:sectPr><w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(orientation)/>"
            + "<w:pgMar w:top=\"\(Self.margin)\" w:right=\"\(Self.margin)\" w:bottom=\"\(Self.margin)\" "
            + "w:left=\"\(Self.margin)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        return out + "</w:body></w:document>"
    }

    func table(_ table: ExportTable, width: Int) -> String {
        let widths = PageLayout(table: table).twips(sharing: width)
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // The header row repeats on every page and is never split.
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (column, cellWidth) in zip(table.columns, widths) {
            out += cell(column.header, width: cellWidth, bold: true, shaded: true, alignRight: false)
        }
        out += "</w:tr>"
        for row in table.rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, cellWidth) in widths.enumerated() {
                let value = table.cell(row, index)
                out += cell(value.text, width: cellWidth, bold: false, shaded: false,
                            alignRight: value.kind != .text && value.kind != .date)
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    func cell(_ text: String, width: Int, bold: Bool, shaded: Bool, alignRight: Bool) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + (shaded ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" : "") + "</w:tcPr>"
            + "<w:p>" + (alignRight ? "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" : "") + runs(text, bold: bold) + "</w:p></w:tc>"
    }

    func paragraph(_ text: String, style: String? = nil) -> String {
        "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + runs(text, bold: false) + "</w:p>"
    }

    /// The text as one run, its line breaks as `<w:br/>`.
    func runs(_ text: String, bold: Bool) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "")
            + lines.map { "<w:t xml:space=\"preserve\">\(MarkupText.escaped(String($0)))</w:t>" }.joined(separator: "<w:br/>")
            + "</w:r>"
    }
}

/// The package's core properties: the title and language, and no dates, so that the bytes stay the same.
enum OfficeProperties {
    static func core(title: String, language: String) -> String {
        ZIPPackage.xmlDeclaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(MarkupText.escaped(title))</dc:title><dc:language>\(MarkupText.escaped(language))</dc:language>"
            + "<dc:creator>ParoleAtlas</dc:creator></cp:coreProperties>"
    }
}
