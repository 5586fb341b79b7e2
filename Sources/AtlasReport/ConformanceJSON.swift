import AtlasEngine
import AtlasModel

/// Renders conformance verdicts as JSON objects or a table.
public enum ConformanceJSON {
    /// One verdict as the object of docs/simulate-json.md ("conformance"). `parole conformance` gives each verdict
    /// its `provenance`, last, since its output is an array with no object around it; the verdicts inside a
    /// simulation leave it to the document's.
    public static func verdict(_ v: ConformanceVerdict, provenance: Provenance? = nil,
                               wording: Wording = .plainEnglish) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("instrument", .string(v.instrument.id)),
            ("instrumentName", .string(RegimeWords(vocabulary: wording.vocabulary, language: wording.language)
                .shortName(v.instrument))),
            ("provision", .string(v.provision.id)),
            ("number", .string(v.provision.number)),
            ("check", .string(v.check.id)),
            ("feature", .string(v.check.feature)),
            ("verdict", .string(v.result.rawValue)),
            ("explanation", .string(wording.text(v.explanation))),
            ("explanationPhrase", OutcomeJSON.phrase(v.explanation)),
            ("evidence", .array(v.evidence.map { .string($0) })),
            ("citations", OutcomeJSON.citations(v.provision.citations + v.check.citations)),
        ]
        if let provenance { fields.append(("provenance", provenance.json)) }
        return .object(fields)
    }

    /// The verdicts as a table: instrument, provision, verdict, feature, and why, with the provision's citations,
    /// in the wording's language (instrument names, provision numbers and features as `RegimeWords` gives them).
    public static func table(_ verdicts: [ConformanceVerdict], wording: Wording = .plainEnglish) -> TextTableData {
        let words = RegimeWords(vocabulary: wording.vocabulary, language: wording.language)
        let header = [RegimePhrase.conformanceColumnInstrument, .conformanceColumnProvision, .conformanceColumnVerdict,
                      .conformanceColumnFeature, .conformanceColumnWhy].map { words.phrase($0) }
        return TextTableData(header: header, rows: verdicts.map { v in
            [words.shortName(v.instrument), v.provision.number.map(words.provisionNumber) ?? words.phrase(.conformanceProvisionUnnumbered),
             result(v.result, words), words.termName(v.check.feature, in: "regime-feature"),
             wording.text(v.explanation) + OutcomeText.cites(v.provision.citations)]
        })
    }

    static func result(_ r: ConformanceVerdict.Result, _ words: RegimeWords) -> String {
        switch r {
        case .complies: words.phrase(.conformanceComplies)
        case .conflicts: words.phrase(.conformanceConflicts)
        case .notAssessable: words.phrase(.conformanceNotAssessable)
        }
    }
}
