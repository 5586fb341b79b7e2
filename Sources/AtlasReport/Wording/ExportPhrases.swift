/// The fixed words of exported documents: section headings and the titles of each command's document
/// (export-phrases.json).
public enum ExportPhrase: String, PhraseName {
    case notes = "export.notes"
    case sources = "export.sources"
    case titleAnnexFour = "export.title.annex-4"
    case titleCohort = "export.title.cohort"
    case titleCompare = "export.title.compare"
    case titleConformance = "export.title.conformance"
    case titleCountries = "export.title.countries"
    case titleInstruments = "export.title.instruments"
    case titleSearch = "export.title.search"
    case titleReforms = "export.title.reforms"
    case titleRoster = "export.title.roster"
    case titleSimulate = "export.title.simulate"
    case titleWhatIf = "export.title.whatif"
}
