/// Immutable storage shared by copies of a value type. A change makes a new one, so values keep value semantics
/// while a copy costs one reference count instead of one per field.
final class Frozen<Fields: Sendable>: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }

    /// A new storage with `change` applied to a copy of the fields.
    func with(_ change: (inout Fields) -> Void) -> Frozen {
        var copy = fields
        change(&copy)
        return Frozen(copy)
    }
}
