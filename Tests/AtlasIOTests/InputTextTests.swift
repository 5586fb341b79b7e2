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
