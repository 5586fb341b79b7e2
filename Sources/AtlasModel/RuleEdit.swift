/// Changing one rule of a version of the law, wherever the rule sits: what a reading of a disputed source and a
/// reform both do to the law before it is compiled.
extension MechanismVersion {
    /// Gives the rule `id` (a threshold, exclusion, exception, grant condition, mandatory release, or the version's
    /// scope when `id` is the version's own) the condition `condition`; `citations` go first in its citations and
    /// `labels`, when given, replace its labels (a threshold keeps its own: they say what it requires). Returns
    /// whether the version has such a rule.
    public mutating func replaceCondition(of id: String, with condition: Condition, citing citations: [Citation] = [],
                                          labels: [LocalizedString]? = nil) -> Bool {
        var found = false
        thresholds = thresholds.map { t in
            guard t.id == id else { return t }
            found = true
            var t = t
            t.condition = condition
            t.citations = citations + t.citations
            return t
        }
        func edit(_ rules: [RuleCondition]) -> [RuleCondition] {
            rules.map { r in
                guard r.id == id else { return r }
                found = true
                var r = r
                r.condition = condition
                if let labels { r.labels = labels }
                r.citations = citations + r.citations
                return r
            }
        }
        exclusions = exclusions.map { x in
            var x = x
            if x.id == id {
                found = true
                x.condition = condition
                if let labels { x.labels = labels }
                x.citations = citations + x.citations
            }
            x.exceptions = edit(x.exceptions)
            return x
        }
        grantConditions = edit(grantConditions)
        mandatoryRelease = edit(mandatoryRelease)
        // A version split by a reform keeps its id with the reform's appended.
        if !found, self.id == id || self.id.hasPrefix(id + "+") {
            scope.condition = condition
            found = true
        }
        return found
    }
}
