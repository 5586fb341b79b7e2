import AtlasEngine
import AtlasModel

/// The eligibility roster (the report's recommendation of automatic notification of the onset of the right to
/// parole, L7534-7540): for each person and mechanism, the date the right begins, those already past it first,
/// with the rule and citation the date rests on and what is still to be shown at the hearing.
public struct Roster: Sendable {
    /// One person's date under one mechanism.
    public struct Entry: Sendable {
        public var id: String
        public var jurisdiction: String
        public var mechanism: MechanismOutcome
        public var date: CalendarDate?
        /// The rule the date rests on (the governing threshold, else the rule that decided), with its citations.
        public var basis: String?
        public var citations: [Citation]
        /// What the hearing must still establish: the conditions left open, worded.
        public var pending: [Phrase]
    }

    public let asOf: CalendarDate
    public private(set) var entries: [Entry] = []

    public init(asOf: CalendarDate) { self.asOf = asOf }

    /// Adds a person's outcomes: one entry per mechanism whose right begins on a known date, or that depends on a
    /// fact (with no date, listed last).
    public mutating func add(id: String, outcomes: [JurisdictionOutcome]) {
        for o in outcomes {
            for m in o.mechanisms where m.available || m.status == .undetermined {
                let basis = m.threshold?.id ?? m.reason?.ruleID
                let citations = m.threshold?.citations ?? m.reason?.citations ?? []
                entries.append(Entry(id: id, jurisdiction: o.jurisdiction.id, mechanism: m, date: m.earliestDate,
                                     basis: basis, citations: citations, pending: m.pending.map(\.phrase)))
            }
        }
    }

    /// The entries in the order an institution works through them: dates already past first (oldest first),
    /// then the coming ones by date, then those without a date; ties by person id and mechanism. `within` keeps
    /// only dates up to that day (and those already past).
    public func sorted(within limit: CalendarDate?) -> [Entry] {
        entries.filter { e in limit.map { l in e.date.map { $0 <= l } ?? false } ?? true }
            .sorted { a, b in
                switch (a.date, b.date) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return (a.id, a.mechanism.mechanism.id) < (b.id, b.mechanism.mechanism.id)
                }
            }
    }

    // MARK: formats

    func row(_ e: Entry, _ w: Wording) -> [String] {
        let days = e.date.map { asOf.days(until: $0) }
        return [e.id, e.jurisdiction, OutcomeText.kindName(e.mechanism, w), e.date?.description ?? "—",
                days.map(String.init) ?? "—", OutcomeText.availability(e.mechanism, w), OutcomeText.releaseWord(e.mechanism, w),
                (e.basis ?? "—") + OutcomeText.cites(e.citations),
                e.pending.map { w.text($0) }.joined(separator: "; ")]
    }

    func header(_ w: Wording) -> [String] {
        [w.text(.rosterColumnId), w.text(.columnJurisdiction), w.text(.columnMechanism), w.text(.columnEarliest),
         w.text(.rosterColumnDays), w.text(.columnAvailable), w.text(.columnRelease), w.text(.rosterColumnBasis),
         w.text(.rosterColumnPending)]
    }

    public func text(within limit: CalendarDate?, _ w: Wording, markdown: Bool) -> String {
        let rows = sorted(within: limit).map { row($0, w) }
        let heading = w.text(.rosterHeading, ["asOf": asOf.description, "count": "\(rows.count)"])
        let table = TextTable(header: header(w), rows: rows, columnLimits: [0: 20, 2: 18, 5: 14, 6: 14, 7: 36, 8: 48])
        return (markdown ? "# " : "") + heading + "\n\n" + (markdown ? table.markdown() : table.rendered())
    }

    /// CSV with stable English column keys, one record per entry.
    public func csv(within limit: CalendarDate?, _ w: Wording) -> String {
        let rows = sorted(within: limit).map { e -> [String] in
            [e.id, e.jurisdiction, e.mechanism.mechanism.id, e.date?.description ?? "",
             e.date.map { String(asOf.days(until: $0)) } ?? "", e.mechanism.status.rawValue,
             e.mechanism.status.answer.rawValue, e.mechanism.mandatory ? "true" : "false", e.basis ?? "",
             e.citations.map(\.description).joined(separator: "; "), e.pending.map { w.text($0) }.joined(separator: "; ")]
        }
        return TextTableData(header: ["id", "jurisdiction", "mechanism", "date", "days", "status", "answer", "mandatory",
                                      "basis", "citations", "pending"], rows: rows).csv + "\n"
    }

    public func json(within limit: CalendarDate?, _ w: Wording, provenance: Provenance) -> JSONValue {
        .object([
            ("provenance", provenance.json),
            ("language", .string(w.language.rawValue)),
            ("asOf", .string(asOf.description)),
            ("within", limit.map { .string($0.description) } ?? .null),
            ("entries", .array(sorted(within: limit).map { e in
                .object([
                    ("id", .string(e.id)), ("jurisdiction", .string(e.jurisdiction)),
                    ("mechanism", .string(e.mechanism.mechanism.id)), ("kind", .string(e.mechanism.mechanism.kind)),
                    ("date", e.date.map { .string($0.description) } ?? .null),
                    ("days", e.date.map { .int(asOf.days(until: $0)) } ?? .null),
                    ("status", .string(e.mechanism.status.rawValue)), ("answer", .string(e.mechanism.status.answer.rawValue)),
                    ("mandatory", .bool(e.mechanism.mandatory)), ("basis", .string(e.basis)),
                    ("citations", OutcomeJSON.citations(e.citations)),
                    ("pending", .array(e.pending.map { .string(w.text($0)) })),
                ])
            })),
        ])
    }

    /// iCalendar (RFC 5545): one all-day event per person and date, for the calendar the staff already use.
    /// Stable: the stamp is the as-of date and each event's UID is the person's id and the mechanism.
    public func iCalendar(within limit: CalendarDate?, _ w: Wording) -> String {
        func compact(_ d: CalendarDate) -> String { d.description.replacingOccurrences(of: "-", with: "") }
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
                .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ParoleAtlas//parole roster//\(w.language.rawValue.uppercased())",
                     "CALSCALE:GREGORIAN"]
        for e in sorted(within: limit) {
            guard let date = e.date else { continue }
            let summary = w.text(.rosterEvent, ["id": e.id, "mechanism": OutcomeText.kindName(e.mechanism, w)])
            let description = [(e.basis ?? "") + OutcomeText.cites(e.citations)] + e.pending.map { w.text($0) }
            lines += ["BEGIN:VEVENT", "UID:\(escaped(e.id))-\(e.mechanism.mechanism.id)@parole-atlas",
                      "DTSTAMP:\(compact(asOf))T000000Z", "DTSTART;VALUE=DATE:\(compact(date))",
                      "DTEND;VALUE=DATE:\(compact(date.adding(days: 1)))", "SUMMARY:\(escaped(summary))",
                      "DESCRIPTION:\(escaped(description.joined(separator: "\n")))", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// A content line folded at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character.
    static func folded(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (out.isEmpty ? 75 : 74) {
                out.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }
}
