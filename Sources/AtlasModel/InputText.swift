/// Input text quoted in a message: a long value is cut, so that one bad field of ten megabytes gives one short
/// line, not the field.
public enum InputText {
    /// Characters of a value shown in a message before it is cut.
    public static let quotedLimit = 60

    /// `"value"`, or `"first 60 characters…" (N characters)` for a longer one.
    public static func quoted(_ value: some StringProtocol) -> String {
        guard value.count > quotedLimit else { return "\"\(value)\"" }
        return "\"\(value.prefix(quotedLimit))…\" (\(value.count) characters)"
    }
}
