/// A number as the report prints it, kept exactly: `units` / 10^`scale` ("24 774" is 24774 at scale 0, "45,7" is
/// 457 at scale 1). Never a floating-point number, so that a printed "36,4" is compared with a computed 36.48…% digit
/// for digit.
public struct StatsNumber: Hashable, Sendable, CustomStringConvertible {
    public var units: Int
    /// Digits after the decimal sign, as printed.
    public var scale: Int

    /// `units` / 10^`scale`.
    public init(units: Int, scale: Int = 0) {
        self.units = units
        self.scale = scale
    }

    /// The report's way of writing a number: digits grouped by spaces, a decimal comma ("11 414", "36,4"); `nil`
    /// for anything else (a sign, a decimal point, more than 9 whole digits or 3 decimals).
    public init?(printed text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first else { return nil }
        let groups = wholeText.split(separator: " ", omittingEmptySubsequences: false)
        // Grouped: a first group of 1-3 digits, then groups of exactly 3; ungrouped: up to 9 digits.
        let grouped = groups.count > 1
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              !grouped || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else { return nil }
        let whole = groups.joined()
        guard whole.count <= 9, let wholeValue = Int(whole) else { return nil }
        var decimals = ""
        if parts.count == 2 {
            decimals = String(parts[1])
            guard !decimals.isEmpty, decimals.count <= Self.maximumDecimals, decimals.allSatisfy(\.isASCIIDigit)
            else { return nil }
        }
        var units = wholeValue
        for digit in decimals { units = units * 10 + Int(String(digit))! }
        self.init(units: units, scale: decimals.count)
    }

    /// The most decimals a printed number has (the schema's limit: the report prints at most one).
    public static let maximumDecimals = 3

    /// Whether the number has no decimals (a count).
    public var isWhole: Bool { scale == 0 }

    /// With a decimal point, for machines ("36.4", "24774", "-0.25"). A computed number may be negative (a fall);
    /// a printed one never is.
    public var description: String {
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return String(units) }
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        return sign + String(digits.dropLast(scale)) + "." + String(digits.suffix(scale))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// A statistical table of the report (corpus/stats): its columns, its rows as printed with the seed lines of every
/// cell, and what the program computes from it (rates, identities, carried balances). Totals and percentages stay as
/// the report prints them; the program's own values are computed beside them (AtlasEngine `StatsComputation`).
public struct StatsTable: Sendable, Identifiable {
    public enum ColumnKind: String, Sendable {
        /// What a row is about (a period, a region); its cells name a value of the column.
        case dimension
        /// A whole number of people, petitions or materials.
        case count
        /// A percentage the report prints.
        case percent
    }

    /// One value of a dimension column, with its labels and whether the atlas inferred which rows it belongs to.
    public struct DimensionValue: Sendable {
        public var key: String
        public var labels: [LocalizedString]
        public var lines: String?
        public var inferred: Bool
        public var notes: [LocalizedString]
        public init(key: String, labels: [LocalizedString], lines: String? = nil, inferred: Bool = false,
                    notes: [LocalizedString] = []) {
            self.key = key
            self.labels = labels
            self.lines = lines
            self.inferred = inferred
            self.notes = notes
        }
    }

    public struct Column: Sendable {
        public var key: String
        public var kind: ColumnKind
        public var labels: [LocalizedString]
        /// Where the header is printed.
        public var lines: String?
        public var notes: [LocalizedString]
        /// The values of a dimension column, in the order to show them.
        public var values: [DimensionValue]
        public init(key: String, kind: ColumnKind, labels: [LocalizedString], lines: String? = nil,
                    notes: [LocalizedString] = [], values: [DimensionValue] = []) {
            self.key = key
            self.kind = kind
            self.labels = labels
            self.lines = lines
            self.notes = notes
            self.values = values
        }
        /// The value called `key`, if the column declares it.
        public func value(_ key: String) -> DimensionValue? { values.first { $0.key == key } }
    }

    /// One cell: a printed number, or the dimension value it names; always the seed lines it is printed on.
    public struct Cell: Sendable {
        public var column: String
        public var lines: String
        /// The number as printed ("24 774"), for count and percent cells.
        public var printed: String?
        public var number: StatsNumber?
        /// The value key, for dimension cells.
        public var value: String?
        /// The report says "about" (шамамен).
        public var approximate: Bool
        public init(column: String, lines: String, printed: String? = nil, number: StatsNumber? = nil,
                    value: String? = nil, approximate: Bool = false) {
            self.column = column
            self.lines = lines
            self.printed = printed
            self.number = number
            self.value = value
            self.approximate = approximate
        }
    }

    public enum RowRole: String, Sendable {
        case data
        /// A total the report prints: compared with the sum of the data rows of its group.
        case total
    }

    public struct Row: Sendable {
        public var key: String
        public var role: RowRole
        /// The data rows a total adds up (a total without a group adds every data row).
        public var group: String?
        public var cells: [Cell]
        public var notes: [LocalizedString]
        public init(key: String, role: RowRole = .data, group: String? = nil, cells: [Cell],
                    notes: [LocalizedString] = []) {
            self.key = key
            self.role = role
            self.group = group
            self.cells = cells
            self.notes = notes
        }
        /// The row's cell in `column`; `nil` where the report prints nothing.
        public func cell(_ column: String) -> Cell? { cells.first { $0.column == column } }
    }

    /// A rate computed from counts of the same row.
    public struct Rate: Sendable {
        public enum Kind: String, Sendable {
            /// The sum of the numerator columns over the sum of the denominator columns.
            case share
            /// The change from the denominator to the numerator, over the denominator.
            case growth
        }
        public var key: String
        public var labels: [LocalizedString]
        public var numerator: [String]
        public var denominator: [String]
        /// The percent column in which the report prints its own value.
        public var printed: String?
        public var kind: Kind
        public init(key: String, labels: [LocalizedString], numerator: [String], denominator: [String],
                    printed: String? = nil, kind: Kind = .share) {
            self.key = key
            self.labels = labels
            self.numerator = numerator
            self.denominator = denominator
            self.printed = printed
            self.kind = kind
        }
    }

    /// In every row, `whole` equals the sum of `parts`.
    public struct Identity: Sendable {
        public enum Basis: String, Sendable {
            /// The report says so ("of which").
            case stated
            /// The atlas assumes it.
            case assumed
        }
        public var whole: String
        public var parts: [String]
        public var basis: Basis
        public var labels: [LocalizedString]
        public init(whole: String, parts: [String], basis: Basis, labels: [LocalizedString]) {
            self.whole = whole
            self.parts = parts
            self.basis = basis
            self.labels = labels
        }
    }

    /// A balance carried from one period to the next (assumed by the atlas, never stated by the report).
    public struct CarryOver: Sendable {
        public var dimension: String
        public var from: String
        public var to: String
        public var opening: String
        public var inflow: [String]
        public var outflow: [String]
        public var labels: [LocalizedString]
        public init(dimension: String, from: String, to: String, opening: String, inflow: [String], outflow: [String],
                    labels: [LocalizedString]) {
            self.dimension = dimension
            self.from = from
            self.to = to
            self.opening = opening
            self.inflow = inflow
            self.outflow = outflow
            self.labels = labels
        }
    }

    /// What a chart of the table draws.
    public struct ChartPlan: Sendable {
        /// Rate keys or count column keys.
        public var series: [String]
        public var rows: RowRole
        public init(series: [String], rows: RowRole = .data) {
            self.series = series
            self.rows = rows
        }
    }

    public var id: String
    public var titles: [LocalizedString]
    public var citations: [Citation]
    public var notes: [LocalizedString]
    public var columns: [Column]
    public var rows: [Row]
    public var rates: [Rate]
    public var identities: [Identity]
    public var carryOvers: [CarryOver]
    public var chart: ChartPlan?
    /// Where the table is written, for diagnostics.
    public var origin: SourceLocation?

    public init(id: String, titles: [LocalizedString], citations: [Citation], notes: [LocalizedString] = [],
                columns: [Column], rows: [Row], rates: [Rate] = [], identities: [Identity] = [],
                carryOvers: [CarryOver] = [], chart: ChartPlan? = nil, origin: SourceLocation? = nil) {
        self.id = id
        self.titles = titles
        self.citations = citations
        self.notes = notes
        self.columns = columns
        self.rows = rows
        self.rates = rates
        self.identities = identities
        self.carryOvers = carryOvers
        self.chart = chart
        self.origin = origin
    }

    /// The column, row or rate called `key`.
    public func column(_ key: String) -> Column? { columns.first { $0.key == key } }
    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
    public func rate(_ key: String) -> Rate? { rates.first { $0.key == key } }
    /// The dimension columns, in order.
    public var dimensions: [Column] { columns.filter { $0.kind == .dimension } }
    /// The rows that are not printed totals.
    public var dataRows: [Row] { rows.filter { $0.role == .data } }
}
