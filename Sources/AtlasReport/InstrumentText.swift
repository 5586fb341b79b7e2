import AtlasModel

/// An international instrument as readable text: status, provisions, checks, each with its citations, in one
/// language; the parts are `InstrumentSheet`'s, which the web page lays out as HTML.
public enum InstrumentText {
    public static func render(_ i: Instrument, cases: [CourtCase], vocabulary: Vocabulary,
                              language: Language = .en) -> String {
        render(InstrumentSheet(i, cases: cases, vocabulary: vocabulary, language: language))
    }

    /// `sheet` laid out as lines: citations after the words, what hangs under a provision or a case indented.
    public static func render(_ sheet: InstrumentSheet) -> String {
        func line(_ item: RegimeItem, indent: String = "") -> String {
            indent + (item.nested ? "  " : "") + item.text + OutcomeText.cites(item.citations)
        }
        var out = [sheet.title] + sheet.facts.map { line($0) }
        for p in sheet.provisions { out += ["", line(p.heading)] + p.items.map { line($0, indent: "  ") } }
        for d in sheet.disputes {
            out += ["", d.line] + d.claims.map { "  - " + $0.statement + OutcomeText.cites($0.citations) }
        }
        if !sheet.cases.isEmpty { out += ["", sheet.casesHeading] + sheet.cases.map { line($0, indent: "  ") } }
        out += sheet.notes
        return TextLayout.wrapped(out.joined(separator: "\n")) + "\n"
    }

    static func binding(_ b: Instrument.Binding, _ words: RegimeWords) -> String {
        switch b {
        case .treaty: words.phrase(.instrumentBindingTreaty)
        case .softLaw: words.phrase(.instrumentBindingSoftLaw)
        case .interpretation: words.phrase(.instrumentBindingInterpretation)
        case .treatyBodyPractice: words.phrase(.instrumentBindingTreatyBodyPractice)
        }
    }

    /// The notes in `language`: the corpus keeps each note in kk, ru and en side by side, so a page shows one
    /// language's, or the English ones where the language has none, or all of them where English has none either.
    static func notes(_ notes: [LocalizedString], _ language: Language) -> [String] {
        for code in [language.rawValue, "en"] {
            let chosen = notes.filter { $0.language == code }
            if !chosen.isEmpty { return chosen.map(\.text) }
        }
        return notes.map(\.text)
    }
}
