import AtlasEngine
import AtlasModel

/// Renders conformance verdicts as JSON objects or a table.
public enum ConformanceJSON {
    /// One verdict as the object of docs/simulate-json.md ("conformance"). `parole conformance` gives each verdict
    /// its `provenance`, last, since its output is an array with no object around it; the verdicts inside a
    /// simulation leave it to the document's.
    public static func verdict(_ v: ConformanceVerdict, provenance: Provenance? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("instrument", .string(v.instrument.id)),
            ("instrumentName", .string(v.instrument.shortName)),
            ("provision", .string(v.provision.id)),
            ("number", .string(v.provision.number)),
            ("check", .string(v.check.id)),
            ("feature", .string(v.check.feature)),
            ("verdict", .string(v.result.rawValue)),
            ("explanation", .string(v.explanation)),
            ("evidence", .array(v.evidence.map { .string($0) })),
            ("citations", OutcomeJSON.citations(v.provision.citations + v.check.citations)),
        ]
        if let provenance { fields.append(("provenance", provenance.json)) }
        return .object(fields)
    }

    /// The verdicts as a table: instrument, provision, verdict, feature, and why, with the provision's citations.
    public static func table(_ verdicts: [ConformanceVerdict]) -> TextTableData {
        TextTableData(header: ["Instrument", "Provision", "Verdict", "Feature", "Why"], rows: verdicts.map { v in
            [v.instrument.shortName, v.provision.number ?? v.provision.id, v.result.rawValue, v.check.feature,
             v.explanation + OutcomeText.cites(v.provision.citations)]
        })
    }
}
