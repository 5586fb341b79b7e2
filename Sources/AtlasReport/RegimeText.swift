import AtlasModel

/// A jurisdiction's regime as readable text, every rule followed by its citations, in one language: headings and
/// fixed words from the phrase tables, every label from the corpus in that language. The parts are
/// `RegimeSheet`'s, which the web page lays out as HTML.
public enum RegimeText {
    public static func render(_ j: Jurisdiction, vocabulary v: Vocabulary, asOf: CalendarDate?,
                              language: Language = .en) -> String {
        render(RegimeSheet(j, vocabulary: v, asOf: asOf, language: language))
    }

    /// `sheet` laid out as lines: two spaces before a rule, four before a nested one, citations after the words.
    public static func render(_ sheet: RegimeSheet) -> String {
        func line(_ item: RegimeItem, indent: String = "") -> String {
            indent + (item.nested ? "  " : "") + item.text + OutcomeText.cites(item.citations)
        }
        let marker = RegimeSheet.headingMarker
        var out = [sheet.title] + sheet.facts.map { line($0) }
        for group in sheet.groups { out += ["", line(group)] }
        for m in sheet.mechanisms {
            out += ["", marker + m.title]
            if let absent = m.absent { out.append("  " + absent) }
            for v in m.versions { out += [line(v.heading, indent: "  ")] + v.items.map { line($0, indent: "  ") } }
        }
        if !sheet.disputes.isEmpty {
            out += ["", marker + sheet.disputesHeading]
            for d in sheet.disputes {
                out.append("  " + d.line)
                for c in d.claims {
                    out.append("    - " + c.statement + (c.encoded ? " " + sheet.encodedMark : "") + OutcomeText.cites(c.citations))
                }
            }
        }
        if !sheet.notStated.isEmpty {
            out += ["", marker + sheet.notStatedHeading] + sheet.notStated.map { line($0, indent: "  ") }
        }
        return TextLayout.wrapped(out.joined(separator: "\n")) + "\n"
    }
}
