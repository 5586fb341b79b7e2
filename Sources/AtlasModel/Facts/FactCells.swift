/// Reads cases straight from the cells of a table whose columns name catalogue facts (a population file of a
/// million people), without the text values of a `CaseDraft`. Each column's conversion is chosen once, from its
/// fact's declared kind.
///
/// Only the common, well-formed cell is read here: a term, a date, a number or a vocabulary term written exactly
/// as the vocabulary writes it. For anything else (spaces, capitals, an unknown term, a composition that says yes,
/// a missing required fact) `read` answers `nil`, and the caller reads the row through `CaseDraft`, which accepts
/// the same values and more and explains what is wrong. Both end in the same checks of the facts against each
/// other (`FactReader.checkTogether`), so the two ways cannot disagree on a case they both read.
public final class FactCells: Sendable {
    /// How one column's cell becomes a fact: what its cell is parsed as, and where in a case the value goes. Plain
    /// values (the key paths and vocabularies they need sit in side tables): read for a dozen cells of a million
    /// rows on every core, a column holding references would count them on shared objects each time.
    struct Column: Sendable {
        enum Parse: Sendable {
            case sentence, date, optionalDate, age, group, vocabularyTerm, defaultedTerm, terms, sex, damage, answer
            /// Only a cell saying no is read here: a composition that applies goes through the draft.
            case composition
        }

        let parse: Parse
        /// The fact's catalogue position.
        let position: Int
        /// The byte offset in `Case` of the stored property the fact's declared key path names; -1 when it names
        /// none (the key path at `paths[position]` is then applied).
        let offset: Int
        /// The vocabulary set of a term (into `terms.sets`), or the allowed disability groups (into `groups`); -1
        /// for other facts.
        let table: Int
    }

    /// Every vocabulary term a column reads, as bytes in one buffer, to match a cell without making a string of
    /// it: term `t` is `termBytes[termBounds[t]]`, written in a case as `termStrings[t]`; a column's set is the
    /// range `termSets[column.table]` of term positions.
    struct TermTable: Sendable {
        var bytes: [UInt8] = []
        var bounds: [Range<Int>] = []
        var strings: [String] = []
        var sets: [Range<Int>] = []

        /// Adds a vocabulary set's terms; returns the set's position.
        mutating func add(_ terms: [String]) -> Int {
            let first = strings.count
            for term in terms {
                bounds.append(bytes.count..<bytes.count + term.utf8.count)
                bytes += term.utf8
                // A string of this reader's own: readers on other cores write the same terms into their cases,
                // and each write counts a reference on the string's storage.
                strings.append(String(decoding: Array(term.utf8), as: UTF8.self))
            }
            sets.append(first..<strings.count)
            return sets.count - 1
        }

        /// The position of the term of set `set` written exactly as `cell`.
        func term(_ cell: UnsafeBufferPointer<UInt8>, in set: Int) -> Int? {
            bytes.withUnsafeBufferPointer { bytes in
                bounds.withUnsafeBufferPointer { bounds in
                    for term in sets[set] where bounds[term].count == cell.count
                        && UnsafeBufferPointer(rebasing: bytes[bounds[term]]).elementsEqual(cell) {
                        return term
                    }
                    return nil
                }
            }
        }
    }

    /// Per column of the table (`nil`: not a fact).
    let columns: [Column?]
    /// Per catalogue position: the declared key path (applied only where it names no stored property).
    let paths: [(PartialKeyPath<Case> & Sendable)?]
    let terms: TermTable
    let groups: [Set<Int>]
    /// Every fact unstated, at its default: each row starts from it.
    let unstated: Case
    /// The catalogue positions of the required facts that some column gives, as bits; a row must state them all.
    let required: UInt64
    let vocabulary: Vocabulary
    let yesWords: [[UInt8]]
    let noWords: [[UInt8]]

    /// Reads rows whose column `i` holds the fact at catalogue position `positions[i]` (`nil`: not a fact), on
    /// `asOf`, which no row gives; `yes` and `no` are the words a yes/no cell may hold (in lower case). `nil`
    /// when the table cannot be read this way at all (every row then goes through `CaseDraft`).
    public init?(positions: [Int?], vocabulary: Vocabulary, asOf: CalendarDate, yes: [String], no: [String]) {
        guard CaseFactCatalogue.all.count <= 64,
              let unstated = try? FactReader.unstatedCase(vocabulary: vocabulary, today: asOf) else { return nil }
        self.unstated = unstated
        self.vocabulary = vocabulary
        yesWords = yes.map { Array($0.utf8) }
        noWords = no.map { Array($0.utf8) }
        var required: UInt64 = 0
        for (position, fact) in CaseFactCatalogue.all.enumerated() where fact.required {
            // A required fact no column gives fails every row, in the draft, with the message that names it.
            guard positions.contains(position) else { return nil }
            required |= 1 << UInt64(position)
        }
        self.required = required
        var paths = [(PartialKeyPath<Case> & Sendable)?](repeating: nil, count: CaseFactCatalogue.all.count)
        var terms = TermTable()
        var groups: [Set<Int>] = []
        columns = positions.map { position in
            position.map { position in
                let fact = CaseFactCatalogue.all[position]
                let (parse, path, table) = Self.reading(fact, vocabulary, &terms, &groups)
                paths[position] = path
                return Column(parse: parse, position: position,
                              offset: path.flatMap { MemoryLayout<Case>.offset(of: $0) } ?? -1, table: table)
            }
        }
        self.paths = paths
        self.terms = terms
        self.groups = groups
    }

    /// What a fact's cell is parsed as, the key path its value is written through (`nil`: none, a yes/no
    /// answer), and its table (a vocabulary or the allowed groups, appended to the side tables; -1: none).
    private static func reading(_ fact: CaseFactDeclaration, _ vocabulary: Vocabulary,
                                _ terms: inout TermTable, _ groups: inout [Set<Int>])
        -> (Column.Parse, (PartialKeyPath<Case> & Sendable)?, Int)
    {
        switch fact.kind {
        case .term(let slot): return (.sentence, slot, -1)
        case .date(let slot), .defaultedDate(let slot): return (.date, slot, -1)
        case .optionalDate(let slot): return (.optionalDate, slot, -1)
        case .age(let slot): return (.age, slot, -1)
        case .disabilityGroup(let slot, let set):
            groups.append(Set(vocabulary.terms(of: set).compactMap { Int($0) }))
            return (.group, slot, groups.count - 1)
        case .vocabularyTerm(let slot, let set): return (.vocabularyTerm, slot, terms.add(vocabulary.terms(of: set)))
        case .defaultedTerm(let slot, let set): return (.defaultedTerm, slot, terms.add(vocabulary.terms(of: set)))
        case .vocabularyTerms(let slot, let set): return (.terms, slot, terms.add(vocabulary.terms(of: set)))
        case .sex(let slot): return (.sex, slot, -1)
        case .damage(let slot): return (.damage, slot, -1)
        case .yesNo: return (.answer, nil, -1)
        case .composition: return (.composition, nil, -1)
        }
    }

    /// The case a row states, its cells given as ranges of `row` (one per column); `nil` when some cell is not
    /// one this reader reads, or the facts do not pass the checks together (the draft then says why).
    public func read(_ row: UnsafeBufferPointer<UInt8>, cells: [Range<Int>]) -> Case? {
        var built = unstated
        return read(row, cells: cells, into: &built) ? built : nil
    }

    /// `read(_:cells:)` into a case the caller keeps from row to row (a case is a few hundred bytes, and a
    /// million of them returned would each be copied on the way out); `false` where that answers `nil`, with
    /// `built` then holding no row's facts.
    public func read(_ row: UnsafeBufferPointer<UInt8>, cells: [Range<Int>], into built: inout Case) -> Bool {
        guard cells.count == columns.count else { return false }
        built = unstated
        var stated: UInt64 = 0
        let readable = columns.withUnsafeBufferPointer { columns in
            cells.withUnsafeBufferPointer { cells in
                for index in columns.indices {
                    guard let column = columns[index] else { continue }
                    let cell = UnsafeBufferPointer(rebasing: row[cells[index]])
                    if cell.isEmpty { continue }
                    guard read(cell, column, into: &built) else { return false }
                    stated |= 1 << UInt64(column.position)
                }
                return true
            }
        }
        guard readable, stated & required == required else { return false }
        do {
            try CaseLimits.check(term: built.term, start: built.start)
            try FactReader.checkTogether(&built, [], vocabulary: vocabulary)
        } catch {
            return false
        }
        return true
    }

    /// Reads one cell into `built`. The value written must be of the declared key path's type: a fact stored as
    /// an optional is written as one.
    private func read(_ cell: UnsafeBufferPointer<UInt8>, _ column: Column, into built: inout Case) -> Bool {
        switch column.parse {
        case .sentence:
            guard let term = SentenceTerm(bytes: cell) else { return false }
            write(term, column, into: &built)
        case .date:
            guard let date = CalendarDate(isoBytes: cell) else { return false }
            write(date, column, into: &built)
        case .optionalDate:
            guard let date = CalendarDate(isoBytes: cell) else { return false }
            write(Optional(date), column, into: &built)
        case .age:
            guard let number = Self.number(cell), CaseLimits.ages.contains(number) else { return false }
            write(Optional(number), column, into: &built)
        case .group:
            guard let number = Self.number(cell), groups[column.table].contains(number) else { return false }
            write(Optional(number), column, into: &built)
        case .vocabularyTerm:
            guard let term = terms.term(cell, in: column.table) else { return false }
            write(Optional(terms.strings[term]), column, into: &built)
        case .defaultedTerm:
            guard let term = terms.term(cell, in: column.table) else { return false }
            write(terms.strings[term], column, into: &built)
        case .terms:
            var found: Set<String> = []
            var from = 0
            for end in 0...cell.count where end == cell.count || cell[end] == UInt8(ascii: ";") {
                defer { from = end + 1 }
                if end == from { continue }
                guard let term = terms.term(UnsafeBufferPointer(rebasing: cell[from..<end]), in: column.table) else { return false }
                found.insert(terms.strings[term])
            }
            write(found, column, into: &built)
        case .sex:
            guard let sex = Self.sexes.first(where: { $0.bytes.elementsEqual(cell) })?.value else { return false }
            write(Optional(sex), column, into: &built)
        case .damage:
            guard let status = Self.damages.first(where: { $0.bytes.elementsEqual(cell) })?.value else { return false }
            write(Optional(status), column, into: &built)
        case .answer:
            guard let answer = answer(cell) else { return false }
            built.answers[column.position] = answer
        case .composition:
            guard answer(cell) == false else { return false }
        }
        return true
    }

    private static let sexes = Sex.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }
    private static let damages = DamageStatus.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }

    /// Writes a fact's value: at the byte offset of the stored property its key path names (a key path applied
    /// at run time costs a few hundred instructions, a store at an offset a few: for a million people's dozen
    /// cells, most of reading them), or through the key path where it names none.
    @inline(__always)
    private func write<Value>(_ value: Value, _ column: Column, into built: inout Case) {
        assert(paths[column.position] is WritableKeyPath<Case, Value>, "a value of another type than the fact's")
        guard column.offset >= 0 else {
            if let path = paths[column.position] as? WritableKeyPath<Case, Value> { built[keyPath: path] = value }
            return
        }
        // The bytes at the offset are the stored property the key path names, of type `Value`: assigning through
        // a typed pointer releases the old value and keeps the new one, as the key path would.
        withUnsafeMutableBytes(of: &built) { bytes in
            bytes.baseAddress!.advanced(by: column.offset).assumingMemoryBound(to: Value.self).pointee = value
        }
    }

    private func answer(_ cell: UnsafeBufferPointer<UInt8>) -> Bool? {
        if yesWords.contains(where: { $0.elementsEqual(cell) }) { return true }
        if noWords.contains(where: { $0.elementsEqual(cell) }) { return false }
        return nil
    }

    /// A whole number written in digits alone (a sign or a space is left to the draft).
    private static func number(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !cell.isEmpty, cell.count <= 9 else { return nil }
        var value = 0
        for byte in cell {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
