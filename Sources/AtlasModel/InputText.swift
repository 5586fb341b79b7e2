/// Input text quoted in a message: a long value is cut, so that one bad field of ten megabytes gives one short
/// line, not the field.
public enum InputText {
    /// Characters of a value shown in a message before it is cut.
    public static let quotedLimit = 60

    /// `"value"`, or `"first 60 characters…" (N characters)` for a longer one; a line break or other control
    /// character is shown as an escape (`\n`, `\u{1}`), so that the message stays one line.
    public static func quoted(_ value: some StringProtocol) -> String {
        let shown = value.count > quotedLimit ? value.prefix(quotedLimit) + "…" : String(value)
        let escaped = shown.unicodeScalars.map { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator:
                "\\u{\(String(scalar.value, radix: 16))}"
            default: String(scalar)
            }
        }.joined()
        return value.count > quotedLimit ? "\"\(escaped)\" (\(value.count) characters)" : "\"\(escaped)\""
    }
}
