import AtlasModel

/// A jurisdiction's law as one claim of a discrepancy reads it, compiled on its own: the case is decided under it
/// by the same walk, and the answer is shown beside the encoded one where it differs.
struct ReadingLaw {
    let claim: Branch.ClaimRef
    let law: CompiledLaw

    /// Every reading of `jurisdiction`'s discrepancies that changes a rule the walk reads.
    static func all(of jurisdiction: Jurisdiction, crosswalk: [CrosswalkMapping], home: HomeLaw) -> [ReadingLaw] {
        jurisdiction.readings.compactMap { r in
            guard r.claim.id != r.discrepancy.encodedClaim, let read = jurisdiction.read(r.reading) else { return nil }
            return ReadingLaw(claim: Branch.ClaimRef(discrepancy: r.discrepancy.id, claim: r.claim.id,
                                                     statements: r.claim.statements),
                              law: CompiledLaw(jurisdictions: [read], crosswalk: crosswalk, home: home))
        }
    }

    /// The outcome of the mechanism at `index` under this reading, when it differs from `outcome`.
    func branch(_ facts: Case, mechanism index: Int, against outcome: MechanismOutcome) -> Branch? {
        let j = law.jurisdictions[0]
        guard index < j.mechanisms.count else { return nil }
        let m = j.mechanisms[index]
        let (d, lawDate) = j.decideQuietly(m, law.facts(facts))
        guard d.result.status != outcome.status || d.result.earliestDate != outcome.earliestDate
                || d.result.mandatory != outcome.mandatory else { return nil }
        return Branch(d, of: m, lawDate: lawDate, reading: claim)
    }
}
