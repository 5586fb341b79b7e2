/// The compiled rules of one kind in one version (its thresholds, exclusions, …), in a buffer the walk reads in
/// place. An array hands out a copy of the element it is asked for, and a compiled rule's copy counts references
/// on its source rule and its id: for a million people's dozens of rules, a share of a cohort run worth saving.
///
/// The version that holds the table frees it (`free()`), as it frees its conditions' nodes: a rule is reached
/// only through its version, so nothing reads the table after that.
struct RuleTable<Rule: Sendable>: RandomAccessCollection, @unchecked Sendable {
    // @unchecked: written once, in `init`, and only read afterwards.
    private let base: UnsafeMutablePointer<Rule>
    let count: Int

    init(_ rules: [Rule]) {
        // Never empty, so that there is memory to give back.
        base = UnsafeMutablePointer<Rule>.allocate(capacity: Swift.max(1, rules.count))
        base.initialize(from: rules, count: rules.count)
        count = rules.count
    }

    /// Gives the rules and their memory back; called once, by the owner, when it goes.
    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Rule {
        unsafeAddress {
            precondition(position >= 0 && position < count, "a rule past the end of its table")
            return UnsafePointer(base + position)
        }
    }
}
