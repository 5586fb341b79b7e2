import Foundation
import Testing

/// A case file may be written as the flags are spelled, and a case that is allowed but probably mistyped is run
/// with a one-line warning.
@Suite struct CaseSpellingTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Kebab-case keys read as their camelCase twins; both spellings at once are refused")
    func kebabKeys() throws {
        let camel = try write(#"{"term":"6y","category":"grave","start":"2023-01-10","youngChild":true,"sex":"female","birthDate":"1990-01-01","offences":["corruption"],"asOf":"2026-01-01"}"#)
        let kebab = try write(#"{"term":"6y","category":"grave","start":"2023-01-10","young-child":true,"sex":"female","birth-date":"1990-01-01","offence":["corruption"],"as-of":"2026-01-01"}"#)
        let a = try CLI.run(["simulate", "--case", camel, "--jurisdiction", "kz", "--format", "json"])
        let b = try CLI.run(["simulate", "--case", kebab, "--jurisdiction", "kz", "--format", "json"])
        #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
        #expect(a.stdout == b.stdout)
        let both = try write(#"{"term":"6y","category":"grave","start":"2023-01-10","youngChild":true,"young-child":false}"#)
        let refused = try CLI.run(["simulate", "--case", both])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\"young-child\" and \"youngChild\" are the same fact"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }

    @Test("A trailing comma in a case file is an error naming the column")
    func trailingComma() throws {
        let path = try write(#"{"term":"9y","category":"grave","start":"2022-01-10","offences":["corruption",]}"#)
        let result = try CLI.run(["simulate", "--case", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("column"))
        #expect(result.stdout.isEmpty)
    }

    @Test("A start after today, an --as-of before the start and a 200-year term each warn once, in the language")
    func warnings() throws {
        let result = try CLI.run(["simulate", "--term", "200y", "--category", "grave", "--start", "2999-01-10",
                                  "--as-of", "2998-01-01", "--jurisdiction", "kz", "--lang", "ru"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("parole: предупреждение:") })
        #expect(result.stderr.contains("2999-01-10") && result.stderr.contains("200"))
        let plain = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                 "--as-of", "2026-01-01", "--jurisdiction", "kz"])
        #expect(plain.stderr.isEmpty)
    }
}
