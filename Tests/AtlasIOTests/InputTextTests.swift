import AtlasModel
import Testing

@Suite struct InputTextTests {
    @Test func aLongValueIsCutInMessages() {
        let long = String(repeating: "x", count: 10_000_000)
        let quoted = InputText.quoted(long)
        #expect(quoted.count < 120)
        #expect(quoted.contains("10000000 characters"))
        #expect(InputText.quoted("short") == "\"short\"")
    }
}

@Suite struct QuotedInputTests {
    @Test func aLineBreakInAValueIsShownAsAnEscape() {
        #expect(InputText.quoted("9y\n7y") == #""9y\n7y""#)
        #expect(InputText.quoted("a\u{1}b\u{2028}c") == #""a\u{1}b\u{2028}c""#)
        #expect(!InputText.quoted(String(repeating: "\n", count: 500)).contains("\n"))
    }
}
