import AtlasModel

/// An international instrument as readable text: status, provisions, checks, each with its citations, in one
/// language.
public enum InstrumentText {
    public static func render(_ i: Instrument, cases: [CourtCase], vocabulary: Vocabulary,
                              language: Language = .en) -> String {
        let words = RegimeWords(vocabulary: vocabulary, language: language)
        func cites(_ cs: [Citation]) -> String { OutcomeText.cites(cs) }
        func phrase(_ key: RegimePhrase, _ values: [String: String] = [:]) -> String { words.phrase(key, values) }
        var out: [String] = []
        out.append("\(words.text(i.names, i.id)) [\(i.id)] — \(words.shortName(i))")
        if let body = i.bodies.text(in: language) {
            out.append(phrase(.instrumentBody, ["body": body]) + (i.year.map { ", \($0)" } ?? ""))
        } else if let year = i.year {
            out.append(phrase(.instrumentYear, ["year": String(year)]))
        }
        out.append(phrase(.instrumentStatus, ["binding": binding(i.binding, words)])
            + (i.bindingStated ? "" : " " + phrase(.instrumentClassificationNotStated))
            + i.relations.map { r in
                "; \(r.jurisdictionIDs.joined(separator: ", ")) \(words.termName(r.kind, in: "instrument-relation"))"
                    + (r.validity.from.map { " " + phrase(.regimePeriodFrom, ["from": $0.description]) } ?? "")
                    + ": " + words.text(r.labels, r.kind)
            }.joined())
        out.append(phrase(.instrumentSources) + cites(i.citations))
        for p in i.provisions {
            out.append("")
            out.append("\(p.number.map { "[\(words.provisionNumber($0))] " } ?? "")\(words.text(p.statements, p.id))"
                + cites(p.citations))
            if !p.tags.isEmpty {
                out.append("  " + phrase(.instrumentTags, [
                    "tags": p.tags.map { words.termName($0, in: "provision-tag") }.joined(separator: ", "),
                ]))
            }
            for c in p.checks {
                out.append("  " + phrase(c.conflictWhenPresent ? .instrumentCheckPresent : .instrumentCheckAbsent, [
                    "id": c.id, "feature": words.termName(c.feature, in: "regime-feature"), "text": words.text(c.labels, ""),
                ]) + cites(c.citations))
            }
            for n in notes(p.notes, language) { out.append("  " + phrase(.instrumentProvisionNote, ["text": n])) }
        }
        for d in i.discrepancies {
            out.append("")
            out.append("⚠ \(d.id): \(words.text(d.labels, d.id))")
            for c in d.claims { out.append("  - \(words.text(c.statements, c.id))" + cites(c.citations)) }
        }
        let related = cases.filter { $0.instrumentIDs.contains(i.id) }
        if !related.isEmpty {
            out.append("")
            out.append(phrase(.instrumentCases))
            for c in related {
                let about = [c.courts.text(in: language), c.references.text(in: language)].compactMap { $0 }
                    .joined(separator: ", ")
                out.append("  \(words.text(c.names, c.id))" + (about.isEmpty ? "" : " (\(about))") + cites(c.citations))
                for e in c.footnoteErrors {
                    out.append("    " + phrase(.instrumentFootnoteError, ["text": words.text(e.labels, "")])
                        + cites(e.citations))
                }
            }
        }
        for n in notes(i.notes, language) { out.append(phrase(.instrumentNote, ["text": n])) }
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
