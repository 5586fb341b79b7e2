/// Reads cases straight from the cells of a table whose columns name catalogue facts (a population file of a
/// million people), without the text values of a `CaseDraft`. Each column's conversion is chosen once, from its
/// fact's declared kind.
///
/// Only the common, well-formed cell is read here: a term, a date, a number or a vocabulary term written exactly
/// as the vocabulary writes it. For anything else (spaces, capitals, an unknown term, a composition that says yes,
/// a missing required fact) `read` answers `nil`, and the caller reads the row through `CaseDraft`, which accepts
/// the same values and more and explains what is wrong. Both end in the same checks of the facts against each
/// other (`FactReader.checkTogether`), so the two ways cannot disagree on a case they both read.
public struct FactCells: Sendable {
    /// How one column's cell becomes a fact.
    enum Reading: Sendable {
        case sentence(Slot<SentenceTerm>)
        case date(Slot<CalendarDate>)
        case optionalDate(Slot<CalendarDate?>)
        case number(Slot<Int?>, allowed: ClosedRange<Int>)
        case group(Slot<Int?>, allowed: Set<Int>)
        case vocabularyTerm(Slot<String?>, VocabularyBytes)
        case defaultedTerm(Slot<String>, VocabularyBytes)
        case terms(Slot<Set<String>>, VocabularyBytes)
        case sex(Slot<Sex?>)
        case damage(Slot<DamageStatus?>)
        case answer(position: Int)
        /// Only a cell saying no is read here: a composition that applies goes through the draft.
        case composition
    }

    /// Where a fact is written in a case: the declared key path, and the byte offset it names when it names a
    /// stored property. A key path applied at run time costs a few hundred instructions, a store at an offset a
    /// few: for a million people's dozen cells, most of reading them.
    struct Slot<Value>: Sendable {
        let path: WritableKeyPath<Case, Value> & Sendable
        let offset: Int?

        init(_ path: WritableKeyPath<Case, Value> & Sendable) {
            self.path = path
            offset = MemoryLayout<Case>.offset(of: path)
        }

        @inline(__always)
        func write(_ value: Value, into built: inout Case) {
            guard let offset else {
                built[keyPath: path] = value
                return
            }
            // The bytes at `offset` are the stored property the key path names, of type `Value`: assigning
            // through a typed pointer releases the old value and keeps the new one, as the key path would.
            withUnsafeMutableBytes(of: &built) { bytes in
                bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Value.self).pointee = value
            }
        }
    }

    /// A vocabulary set's terms as bytes, to match a cell without making a string of it.
    struct VocabularyBytes: Sendable {
        let terms: [(bytes: [UInt8], term: String)]
        init(_ terms: [String]) { self.terms = terms.map { (Array($0.utf8), $0) } }

        func term(_ cell: UnsafeBufferPointer<UInt8>) -> String? {
            for entry in terms where entry.bytes.count == cell.count && entry.bytes.elementsEqual(cell) {
                return entry.term
            }
            return nil
        }
    }

    /// Per column of the table: how its cell is read and the catalogue position of its fact (`nil`: not a fact).
    let columns: [(reading: Reading, position: Int)?]
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
        columns = positions.map { position in
            position.map { (Self.reading(CaseFactCatalogue.all[$0], $0, vocabulary), $0) }
        }
    }

    private static func reading(_ fact: CaseFactDeclaration, _ position: Int, _ vocabulary: Vocabulary) -> Reading {
        switch fact.kind {
        case .term(let slot): .sentence(Slot(slot))
        case .date(let slot), .defaultedDate(let slot): .date(Slot(slot))
        case .optionalDate(let slot): .optionalDate(Slot(slot))
        case .age(let slot): .number(Slot(slot), allowed: CaseLimits.ages)
        case .disabilityGroup(let slot, let set):
            .group(Slot(slot), allowed: Set(vocabulary.terms(of: set).compactMap { Int($0) }))
        case .vocabularyTerm(let slot, let set): .vocabularyTerm(Slot(slot), VocabularyBytes(vocabulary.terms(of: set)))
        case .defaultedTerm(let slot, let set): .defaultedTerm(Slot(slot), VocabularyBytes(vocabulary.terms(of: set)))
        case .vocabularyTerms(let slot, let set): .terms(Slot(slot), VocabularyBytes(vocabulary.terms(of: set)))
        case .sex(let slot): .sex(Slot(slot))
        case .damage(let slot): .damage(Slot(slot))
        case .yesNo: .answer(position: position)
        case .composition: .composition
        }
    }

    /// The case a row states, its cells given as ranges of `row` (one per column); `nil` when some cell is not
    /// one this reader reads, or the facts do not pass the checks together (the draft then says why).
    public func read(_ row: UnsafeBufferPointer<UInt8>, cells: [Range<Int>]) -> Case? {
        guard cells.count == columns.count else { return nil }
        var built = unstated
        var stated: UInt64 = 0
        for index in columns.indices {
            guard let (reading, position) = columns[index] else { continue }
            let cell = UnsafeBufferPointer(rebasing: row[cells[index]])
            if cell.isEmpty { continue }
            guard read(cell, reading, into: &built) else { return nil }
            stated |= 1 << UInt64(position)
        }
        guard stated & required == required else { return nil }
        do {
            try CaseLimits.check(term: built.term, start: built.start)
            try FactReader.checkTogether(&built, [], vocabulary: vocabulary)
        } catch {
            return nil
        }
        return built
    }

    private func read(_ cell: UnsafeBufferPointer<UInt8>, _ reading: Reading, into built: inout Case) -> Bool {
        switch reading {
        case .sentence(let slot):
            guard let term = SentenceTerm(bytes: cell) else { return false }
            slot.write(term, into: &built)
        case .date(let slot):
            guard let date = CalendarDate(isoBytes: cell) else { return false }
            slot.write(date, into: &built)
        case .optionalDate(let slot):
            guard let date = CalendarDate(isoBytes: cell) else { return false }
            slot.write(date, into: &built)
        case .number(let slot, let allowed):
            guard let number = Self.number(cell), allowed.contains(number) else { return false }
            slot.write(number, into: &built)
        case .group(let slot, let allowed):
            guard let number = Self.number(cell), allowed.contains(number) else { return false }
            slot.write(number, into: &built)
        case .vocabularyTerm(let slot, let terms):
            guard let term = terms.term(cell) else { return false }
            slot.write(term, into: &built)
        case .defaultedTerm(let slot, let terms):
            guard let term = terms.term(cell) else { return false }
            slot.write(term, into: &built)
        case .terms(let slot, let terms):
            var found: Set<String> = []
            var from = 0
            for end in 0...cell.count where end == cell.count || cell[end] == UInt8(ascii: ";") {
                defer { from = end + 1 }
                if end == from { continue }
                guard let term = terms.term(UnsafeBufferPointer(rebasing: cell[from..<end])) else { return false }
                found.insert(term)
            }
            slot.write(found, into: &built)
        case .sex(let slot):
            guard let sex = Sex.allCases.first(where: { $0.rawValue.utf8.elementsEqual(cell) }) else { return false }
            slot.write(sex, into: &built)
        case .damage(let slot):
            guard let status = DamageStatus.allCases.first(where: { $0.rawValue.utf8.elementsEqual(cell) }) else { return false }
            slot.write(status, into: &built)
        case .answer(let position):
            guard let answer = answer(cell) else { return false }
            built.answers[position] = answer
        case .composition:
            guard answer(cell) == false else { return false }
        }
        return true
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
