/// The fixed words of the web pages and of the web API's error messages (web-phrases.json): navigation, the
/// simulation form, and the one-line messages for input a page or the API cannot use.
public enum WebPhrase: String, PhraseName {
    case answerNo = "web.answer.no"
    case answerUnknown = "web.answer.unknown"
    case answerYes = "web.answer.yes"
    case errorBadLanguage = "web.error.bad-language"
    case errorDidYouMean = "web.error.did-you-mean"
    case errorHeading = "web.error.heading"
    case errorInvalidValue = "web.error.invalid-value"
    case errorMissing = "web.error.missing"
    case errorNotADate = "web.error.not-a-date"
    case errorNotANumber = "web.error.not-a-number"
    case errorNotATerm = "web.error.not-a-term"
    case errorNotFound = "web.error.not-found"
    case errorTooLarge = "web.error.too-large"
    case errorUnknownId = "web.error.unknown-id"
    case errorUnknownParameter = "web.error.unknown-parameter"
    case errorUnknownDetail = "web.error.unknown-detail"
    case errorUnknownTable = "web.error.unknown-table"
    case errorNoWords = "web.error.no-words"
    case errorNotOneOf = "web.error.not-one-of"
    case errorOutOfRange = "web.error.out-of-range"
    case errorTooSlow = "web.error.too-slow"
    case formDateFormat = "web.form.date-format"
    case formFacts = "web.form.facts"
    case formJurisdictions = "web.form.jurisdictions"
    case formSubmit = "web.form.submit"
    case navCountries = "web.nav.countries"
    case navLanguage = "web.nav.language"
    case navSimulate = "web.nav.simulate"
    case pageCountries = "web.page.countries"
    case pageOutcome = "web.page.outcome"
    case pageRegimeJSON = "web.page.regime-json"
    case errorUnknownAnnex = "web.error.unknown-annex"
    case errorUnknownFormat = "web.error.unknown-format"
    case errorTwoJurisdictions = "web.error.two-jurisdictions"
    case errorNoReform = "web.error.no-reform"
    case errorUnknownReform = "web.error.unknown-reform"
    case errorNoVariant = "web.error.no-variant"
    case errorAlternatives = "web.error.alternatives"
    case formQuery = "web.form.query"
    case formKind = "web.form.kind"
    case formAny = "web.form.any"
    case formAspects = "web.form.aspects"
    case formAsOf = "web.form.as-of"
    case formReforms = "web.form.reforms"
    case formSets = "web.form.sets"
    case formEffective = "web.form.effective"
    case navSearch = "web.nav.search"
    case navStats = "web.nav.stats"
    case navAnnexes = "web.nav.annexes"
    case navCompare = "web.nav.compare"
    case navWhatIf = "web.nav.whatif"
    case pageSearchResults = "web.page.search-results"
    case pageAnnex = "web.page.annex"
    case pageDownload = "web.page.download"
    case pageChart = "web.page.chart"
    case pageWhatIfChanges = "web.page.whatif-changes"
    // The upload pages (/cohort, /roster).
    case errorBadUpload = "web.error.bad-upload"
    case errorHorizon = "web.error.horizon"
    case errorNoFile = "web.error.no-file"
    case errorRow = "web.error.row"
    case errorRowColumnUnreadable = "web.error.row-column-unreadable"
    case errorRowUnreadable = "web.error.row-unreadable"
    case errorUploadTooLarge = "web.error.upload-too-large"
    case errorWithin = "web.error.within"
    case navCohort = "web.nav.cohort"
    case navRoster = "web.nav.roster"
    case uploadColumns = "web.upload.columns"
    case uploadDownload = "web.upload.download"
    case uploadFile = "web.upload.file"
    case uploadHorizon = "web.upload.horizon"
    case uploadPaste = "web.upload.paste"
    case uploadPeople = "web.upload.people"
    case uploadWithin = "web.upload.within"
    case uploadJurisdictions = "web.upload.jurisdictions"
    case errorRowLine = "web.error.row-line"
    case errorFormat = "web.error.format"
    // The regime and instrument pages: the parts of a version, the disputed mark, the as-of form.
    case pageInstruments = "web.page.instruments"
    case regimeAllVersions = "web.regime.all-versions"
    case regimeDisputed = "web.regime.disputed"
    case regimeOtherReading = "web.regime.other-reading"
    case regimePartScope = "web.regime.part.scope"
    case regimePartThresholds = "web.regime.part.thresholds"
    case regimePartExclusions = "web.regime.part.exclusions"
    case regimePartConditions = "web.regime.part.conditions"
    case regimePartMandatory = "web.regime.part.mandatory"
    case regimePartProcedure = "web.regime.part.procedure"
    case regimePartSupervision = "web.regime.part.supervision"
    case regimePartRevocation = "web.regime.part.revocation"
    case regimePartConversions = "web.regime.part.conversions"
    case regimePartNotStated = "web.regime.part.not-stated"
    case regimeShow = "web.regime.show"

    /// The heading of a part of a mechanism's version on a regime page.
    public static func part(_ part: RegimeItem.Part) -> WebPhrase {
        switch part {
        case .scope: .regimePartScope
        case .thresholds: .regimePartThresholds
        case .exclusions: .regimePartExclusions
        case .conditions: .regimePartConditions
        case .mandatory: .regimePartMandatory
        case .procedure: .regimePartProcedure
        case .supervision: .regimePartSupervision
        case .revocation: .regimePartRevocation
        case .conversions: .regimePartConversions
        case .notStated: .regimePartNotStated
        }
    }
}
