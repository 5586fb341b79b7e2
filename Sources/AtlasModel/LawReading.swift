/// The law as one claim of a discrepancy reads it: a change made to the jurisdiction before it is compiled, so
/// the decision walk never knows a reading from the encoded law (law → law, like a reform).
extension Jurisdiction {
    /// This jurisdiction with `reading` applied; `nil` when the reading changes nothing here (its rule is not a
    /// rule of this jurisdiction).
    public func read(_ reading: ClaimReading) -> Jurisdiction? {
        var copy = self
        switch reading {
        case .intertemporal(let kind):
            let stated = intertemporal
            copy.intertemporal = IntertemporalRule(id: stated?.id ?? id, kind: kind, labels: stated?.labels ?? [],
                                                   citations: stated?.citations ?? [], notes: stated?.notes ?? [])
            return copy
        case .mechanismKind:
            // The kind changes what the institution is, not when it applies: no decision differs.
            return nil
        case .condition(let rule, let condition):
            var found = false
            copy.mechanisms = mechanisms.map { m in
                var m = m
                m.versions = m.versions.map { v in
                    var v = v
                    if v.replaceCondition(of: rule, with: condition) { found = true }
                    return v
                }
                return m
            }
            return found ? copy : nil
        }
    }

    /// The kind of institution a source says mechanism `mechanismID` may be instead, when that kind does not end
    /// custody (`nonCustodial`, the vocabulary's `ends-custody="false"` kinds): its date is then no release date.
    public func disputedKind(of mechanismID: String, nonCustodial: Set<String>) -> String? {
        guard let own = mechanisms.first(where: { $0.id == mechanismID })?.kind else { return nil }
        return readings.lazy.compactMap { r -> String? in
            guard case .mechanismKind(let kind) = r.reading, r.discrepancy.about.contains(mechanismID),
                  kind != own, nonCustodial.contains(kind) else { return nil }
            return kind
        }.first
    }

    /// Every claim of this jurisdiction's discrepancies that reads the law differently, with its discrepancy.
    public var readings: [(discrepancy: Discrepancy, claim: Discrepancy.Claim, reading: ClaimReading)] {
        discrepancies.flatMap { d in
            d.claims.compactMap { c in c.reading.map { (d, c, $0) } }
        }
    }
}
