import AtlasModel

/// What a trace step, a reason, a pending condition or a conformance verdict says, as data: a kind of statement
/// (`key`) and its typed values. The engine writes no sentence; the report layer words a phrase in kk, ru or en
/// from its phrase tables, formatting each value for the language, and names missing facts as its reader needs
/// them (flags on the command line, form fields on the web).
public struct Phrase: Sendable, Hashable {
    public var key: PhraseKind
    /// The values by placeholder name, in the order the statement gives them.
    public var values: [PhraseSlot]

    public init(_ key: PhraseKind, _ values: [PhraseSlot] = []) {
        self.key = key
        self.values = values
    }

    /// The value called `name`, if the phrase has one.
    public func value(_ name: String) -> PhraseValue? { values.first { $0.name == name }?.value }
}

/// A named value of a phrase.
public struct PhraseSlot: Sendable, Hashable {
    public var name: String
    public var value: PhraseValue

    public init(_ name: String, _ value: PhraseValue) {
        self.name = name
        self.value = value
    }
}

/// A value a phrase carries, typed so that each language can write it its own way.
public indirect enum PhraseValue: Sendable, Hashable {
    case date(CalendarDate)
    case duration(CalendarDuration)
    /// A share of the term (written 1/3 in every language).
    case fraction(Rational)
    /// An amount (a fine, days of restriction), written with the language's decimal sign.
    case amount(Rational)
    case count(Int)
    /// A corpus label, read in the output language; `fallback` (an id) when it has none.
    case label([LocalizedString], fallback: String)
    /// A vocabulary term, read through its label in the output language.
    case term(set: String, term: String)
    /// Several terms of one vocabulary set.
    case terms(set: String, terms: [String])
    /// Case facts by their `CaseFactCatalogue` names; the reader names them (flags, form fields, labels).
    case facts([String])
    /// Corpus ids, printed as they are.
    case ids([String])
    case sentence(SentenceTerm)
    /// An outcome's status (`MechanismOutcome.Status` raw value), in the reader's words.
    case status(String)
    /// A part of the statement that is itself a statement (a date note, a version's period).
    case phrase(Phrase)
    /// A part left out (an optional note that does not apply).
    case nothing
}

/// Every kind of statement the engine makes. The raw value is the phrase's key in the report's phrase tables.
public enum PhraseKind: String, Sendable, CaseIterable {
    // The law in force and how the case is read.
    case lawInForce = "trace.law-in-force"
    case versionFrom = "trace.version-from"
    case versionUndated = "trace.version-undated"
    case versionUntil = "trace.version-until"
    case basisLawDate = "trace.basis-law-date"
    case basisYearOnly = "trace.basis-year-only"
    case notInForce = "reason.not-in-force"
    case notInForceFirstStarts = "reason.not-in-force-first-starts"
    case crosswalk = "trace.crosswalk"
    // Which date's law applies (the intertemporal rule).
    case intertemporalNotStated = "trace.intertemporal-not-stated"
    case intertemporalAtDecision = "trace.intertemporal-at-decision"
    case intertemporalMilder = "trace.intertemporal-milder"
    case intertemporalAtOffence = "trace.intertemporal-at-offence"
    case intertemporalDependsOnOffence = "trace.intertemporal-depends-on-offence"
    case intertemporalAnyOffence = "trace.intertemporal-any-offence"
    case lawCompared = "trace.law-compared"
    /// A rule's date falls before the version of the law it belongs to came into force.
    case notBeforeLawInForce = "trace.not-before-law-in-force"
    /// The law in force before a change already had the time served: its date stands.
    case servedUnderPreviousLaw = "trace.served-under-previous-law"
    case lawOfOffenceNote = "trace.law-of-offence-note"
    case lawAppliedNote = "trace.law-applied-note"
    case earliestNote = "trace.earliest-note"
    case offenceRange = "trace.offence-range"
    case offenceRangeOpen = "trace.offence-range-open"
    case noCrosswalk = "trace.no-crosswalk"
    case termAsImposed = "trace.term-as-imposed"
    // Scope.
    case outOfScope = "reason.out-of-scope"
    case scopeDepends = "trace.scope-depends"
    case withinScope = "trace.within-scope"
    // Thresholds.
    case noThresholdStated = "trace.no-threshold-stated"
    /// What the source notes about the missing threshold, as the corpus words it.
    case notStatedNote = "trace.not-stated-note"
    case thresholdNotForLife = "trace.threshold-not-for-life"
    case thresholdDisplaced = "trace.threshold-displaced"
    case threshold = "trace.threshold"
    case shareOfTerm = "trace.share-of-term"
    case shareOfRemainder = "trace.share-of-remainder"
    case remainderRead = "trace.remainder-read"
    case minimumTime = "trace.minimum-time"
    case fixedTime = "trace.fixed-time"
    case relativeTime = "trace.relative-time"
    case latestOfDates = "trace.latest-of-dates"
    case earliestOfDates = "trace.earliest-of-dates"
    case thresholdMayApply = "trace.threshold-may-apply"
    case thresholdMayApplyNoChange = "trace.threshold-may-apply-no-change"
    case severalThresholds = "trace.several-thresholds"
    // Discrepancies.
    case sourcesDisagree = "trace.sources-disagree"
    case sourcesDisagreeDates = "trace.sources-disagree-dates"
    case claim = "trace.claim"
    case claimEncoded = "trace.claim-encoded"
    // Exclusions and exceptions.
    case exclusionNotInForce = "trace.exclusion-not-in-force"
    case exclusionNotInForceFrom = "trace.exclusion-not-in-force-from"
    case exceptionApplies = "trace.exception-applies"
    case exceptionDoesNotApply = "trace.exception-does-not-apply"
    case exceptionDepends = "trace.exception-depends"
    case exclusionLifted = "trace.exclusion-lifted"
    case excluded = "reason.excluded"
    case mayExclude = "trace.may-exclude"
    case inForceFrom = "trace.in-force-from"
    case inForceFromLawDate = "trace.in-force-from-law-date"
    // Conditions of grant and mandatory release.
    case conditionMet = "trace.condition-met"
    case conditionNotMet = "reason.condition-not-met"
    case conditionAtHearing = "trace.condition-at-hearing"
    case releaseByLaw = "trace.release-by-law"
    case releaseAutomatic = "trace.release-automatic"
    case releaseOwed = "trace.release-owed"
    case releaseDiscretionary = "trace.release-discretionary"
    case discretionaryUnless = "trace.discretionary-unless"
    case pendingCondition = "pending.condition"
    case pendingMandatory = "pending.mandatory"
    // Reasons.
    case noThresholdApplies = "reason.no-threshold-applies"
    case termEndsFirst = "reason.term-ends-first"
    case mayBeExcluded = "reason.may-be-excluded"
    case dependsOnFacts = "reason.depends-on-facts"
    // After deciding: procedure, supervision, revocation, conversions.
    case decidedBy = "trace.decided-by"
    case arrangement = "trace.arrangement"
    case plannedArrangement = "trace.planned-arrangement"
    case newPetitionAfter = "trace.new-petition-after"
    case supervision = "trace.supervision"
    case supervisionUntil = "trace.supervision-until"
    case revocation = "trace.revocation"
    case revocationGround = "trace.revocation-ground"
    case groundMandatory = "trace.ground-mandatory"
    case groundDiscretionary = "trace.ground-discretionary"
    case groundCourtDecides = "trace.ground-court-decides"
    case timeCountsAsServed = "trace.time-counts-as-served"
    case timeDoesNotCount = "trace.time-does-not-count"
    case timeNotStated = "trace.time-not-stated"
    case conversion = "trace.conversion"
    case conversionNotAllowed = "trace.conversion-not-allowed"
    case conversionIfAllowed = "trace.conversion-if-allowed"
    // Conformance verdicts.
    case featurePresent = "conformance.feature-present"
    case featureAbsent = "conformance.feature-absent"
    case featureUndefined = "conformance.feature-undefined"
    case aspectNotStated = "conformance.aspect-not-stated"
    case aspectNotRecorded = "conformance.aspect-not-recorded"
}

extension Phrase {
    /// A label of the corpus as a phrase value.
    static func label(_ labels: [LocalizedString], _ fallback: String) -> PhraseValue { .label(labels, fallback: fallback) }

    /// The missing facts as a phrase value.
    static func facts(_ missing: MissingFacts) -> PhraseValue { .facts(missing.sortedNames) }

    /// When a rule entered into force, as a note after its label (nothing when it is undated).
    static func inForceNote(_ validity: Validity) -> PhraseValue {
        guard let from = validity.from else { return .nothing }
        return .phrase(Phrase(validity.basis == .lawDate ? .inForceFromLawDate : .inForceFrom, [PhraseSlot("from", .date(from))]))
    }
}
