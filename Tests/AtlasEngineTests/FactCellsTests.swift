import AtlasCorpus
import AtlasInput
import AtlasModel
import Foundation
import Testing

/// `FactCells`, the population file's fast reader, against `CaseDraft`, the reader every other input goes through:
/// over random rows whose cells are well formed, oddly written (spaces, capitals, quotes) or wrong, a record reads
/// to the same case, or fails with the same message, whichever way it is read. Here because the vocabulary is the
/// bundled corpus's.
@Suite struct FactCellsTests {
    static let corpus = try! CorpusLoader(location: .bundled).load()
    static let asOf = CalendarDate(iso: "2026-12-05")!

    /// Per column, the cells a row may hold: mostly good ones, and every way a cell can go wrong.
    static let pools: [(column: String, cells: [String])] = [
        ("id", ["p1", "", "\"p,2\""]),
        ("term", ["9y", "7y6m", "2y3m15d", "18m", "life", "LIFE", " 9y", "0y", "-3y", "9x", "", "1000y"]),
        ("category", ["minor", "medium", "grave", "especially-grave", "Grave", "grave ", "serious", ""]),
        ("start", ["2020-03-23", "2019-02-28", "2016-02-29", "2015-02-29", "2020-3-23", "", "9999-01-01"]),
        ("offenceDate", ["2019-05-01", "2014-01-01", "2021-01-01", "", "2019-13-01"]),
        ("offences", ["", "corruption", "murder;drug-trafficking", "corruption; terrorism", "Corruption", "nope", ";"]),
        ("consequences", ["", "caused-death", "caused-death;combined-with-especially-grave", "death"]),
        ("sex", ["male", "female", "", "Female", "x"]),
        ("birthDate", ["1986-07-16", "2010-01-01", "", "2030-01-01", "1986-02-30"]),
        ("juvenile", ["false", "true", "", "yes", "0", "TRUE", " no", "maybe"]),
        ("pregnant", ["false", "", "true", "1"]),
        ("singleFather", ["", "false", "true", "no"]),
        ("disability", ["", "1", "2", "4", "x", " 2"]),
        ("victimAge", ["", "15", "0", "131", "-1", "+5"]),
        ("damage", ["", "full", "unpaid", "none-claimed", "Full"]),
        ("cooperation", ["", "false", "true"]),
        ("maliciousViolations", ["", "false", "true", "no"]),
        ("punishment", ["", "imprisonment", "life-imprisonment", "jail"]),
    ]

    /// A population file of `count` random rows, deterministic for `seed`.
    static func file(rows count: Int, seed: UInt64) -> String {
        var random = AtlasInput.SplitMix64(seed: seed)
        var lines = [pools.map(\.column).joined(separator: ",")]
        for _ in 0..<count {
            // Three rows in four keep every cell well formed, so that both readers' common path is exercised.
            let clean = random.below(4) != 0
            lines.append(pools.map { pool in
                let cells = clean ? pool.cells.filter(Self.wellFormed) : pool.cells
                return cells[random.below(cells.count)]
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func wellFormed(_ cell: String) -> Bool {
        ["9y", "7y6m", "2y3m15d", "18m", "minor", "medium", "grave", "especially-grave", "2020-03-23", "2019-02-28",
         "2016-02-29", "2019-05-01", "2014-01-01", "", "corruption", "murder;drug-trafficking", "caused-death", "male",
         "female", "1986-07-16", "false", "true", "1", "2", "15", "full", "unpaid", "none-claimed"].contains(cell)
    }

    /// How one record reads: the case, or the message of the first problem.
    enum Outcome: Equatable {
        case read(Case)
        case refused(String)
    }

    static func outcome(_ read: () throws -> Case) -> Outcome {
        do { return .read(try read()) } catch { return .refused("\(error)") }
    }

    @Test("a record reads the same through the cells as through the draft", arguments: [1, 2, 3] as [UInt64])
    func sameCase(seed: UInt64) throws {
        let path = NSTemporaryDirectory() + "fact-cells-\(seed)-\(getpid()).csv"
        try Self.file(rows: 3_000, seed: seed).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try PopulationFile(path: path)
        let reader = file.layout.cases(asOf: Self.asOf, vocabulary: Self.corpus.vocabulary)
        var cells: [Range<Int>] = []
        var read = 0, refused = 0
        while true {
            let record: PopulationFile.Record
            do {
                guard let next = try file.nextRecord() else { break }
                record = next
            } catch { continue }
            let fast = Self.outcome { try reader.read(record, cells: &cells) }
            let draft = Self.outcome {
                try file.layout.facts(of: file.layout.person(record), asOf: Self.asOf, vocabulary: Self.corpus.vocabulary)
            }
            #expect(fast == draft, "line \(record.line)")
            if case .refused = draft { refused += 1 } else { read += 1 }
        }
        // Both kinds of row were met: the comparison is not of refusals alone, nor of clean rows alone.
        #expect(read > 300)
        #expect(refused > 100)
    }

    @Test("the cells reader takes the well-formed record itself and leaves the rest to the draft")
    func fastPathTaken() throws {
        let positions = ["term", "category", "start", "offences", "juvenile"].map { key in
            CaseFactCatalogue.all.firstIndex { $0.jsonKey == key }
        }
        let cells = try #require(FactCells(positions: positions, vocabulary: Self.corpus.vocabulary, asOf: Self.asOf,
                                           yes: ["true"], no: ["false"]))
        func reading(_ row: String) -> Case? {
            let bytes = Array(row.utf8)
            var bounds: [Range<Int>] = []
            var from = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") {
                bounds.append(from..<index)
                from = index + 1
            }
            bounds.append(from..<bytes.count)
            return bytes.withUnsafeBufferPointer { cells.read($0, cells: bounds) }
        }
        let read = try #require(reading("7y6m,grave,2020-03-23,corruption;murder,true"))
        #expect(read.term == .fixed(CalendarDuration(years: 7, months: 6)))
        #expect(read.category == "grave")
        #expect(read.start == CalendarDate(iso: "2020-03-23"))
        #expect(read.offences == ["corruption", "murder"])
        #expect(read.value(named: "juvenile") == true)
        #expect(read.asOf == Self.asOf)
        #expect(read.punishment == Self.corpus.vocabulary.defaultTerm(of: "punishment"))
        for odd in ["7y6m,Grave,2020-03-23,,true", " 7y6m,grave,2020-03-23,,true", "7y6m,grave,2020-3-23,,true",
                    "7y6m,grave,2020-03-23,,yes", ",grave,2020-03-23,,true", "7y6m,grave,2020-03-23,fraud,true"] {
            #expect(reading(odd) == nil, "\(odd)")
        }
    }
}
