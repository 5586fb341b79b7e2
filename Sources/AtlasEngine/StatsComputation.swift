import AtlasModel

/// An exact ratio of whole numbers (the denominator positive): a rate is computed and compared as one, never as a
/// floating-point number, so that "36,4" against 1 922 / 5 269 is decided digit for digit.
public struct StatsRatio: Hashable, Sendable {
    public let numerator: Int
    public let denominator: Int

    /// `nil` when `denominator` is zero: a rate of nothing is not a number.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator.magnitude > 0 ? Int(denominator.magnitude) : 1
    }

    /// The ratio times 100 (a share as a percentage).
    public var percent: StatsRatio { StatsRatio(numerator * 100, denominator)! }

    /// The value rounded half away from zero to `digits` decimals.
    public func rounded(digits: Int) -> StatsNumber {
        let scaled = numerator.magnitude * Self.power(digits)
        let units = Int((scaled * 2 + UInt(denominator)) / (2 * UInt(denominator)))
        return StatsNumber(units: numerator < 0 ? -units : units, scale: digits)
    }

    /// The value cut (towards zero) to `digits` decimals: how a report that truncates prints it.
    public func truncated(digits: Int) -> StatsNumber {
        let units = Int(numerator.magnitude * Self.power(digits) / UInt(denominator))
        return StatsNumber(units: numerator < 0 ? -units : units, scale: digits)
    }

    /// `number` minus this ratio, exactly.
    public func subtracted(from number: StatsNumber) -> StatsRatio {
        let scale = Int(Self.power(number.scale))
        return StatsRatio(number.units * denominator - numerator * scale, denominator * scale)!
    }

    static func power(_ digits: Int) -> UInt { (0..<max(digits, 0)).reduce(1) { value, _ in value * 10 } }
}

/// How a printed value stands to the one computed from the counts.
public enum StatsVerdict: String, Sendable {
    /// The printed value is the computed one (rounded to the digits the report prints).
    case agrees
    /// The printed value is the computed one cut, not rounded, to the digits the report prints: the report is not
    /// consistent about rounding, so this is shown, not counted as a mismatch.
    case truncated
    /// Neither rounding nor truncation gives the printed value.
    case mismatch
    /// The report prints no value to compare (only the computed one is shown).
    case notPrinted = "not-printed"
    /// A count the computation needs is not printed, or the denominator is zero.
    case notComputable = "not-computable"
}

/// A count of a row: as printed, or computed from an identity's parts when the report does not print it.
public struct StatsCount: Sendable, Equatable {
    public var value: Int
    /// Computed by the atlas (the sum of an identity's parts), not printed.
    public var computed: Bool
    /// The seed lines of the printed cells it comes from.
    public var lines: [String]

    public init(value: Int, computed: Bool, lines: [String]) {
        self.value = value
        self.computed = computed
        self.lines = lines
    }
}

/// One rate computed for one row, beside the report's own percentage.
public struct StatsRateResult: Sendable {
    public var row: String
    public var rate: String
    /// The counts it was computed from; `nil` when one is missing.
    public var numerator: StatsCount?
    public var denominator: StatsCount?
    /// The exact rate as a percentage; `nil` when not computable.
    public var percent: StatsRatio?
    /// The report's own percentage, when it prints one for this row.
    public var printed: StatsTable.Cell?
    public var verdict: StatsVerdict
}

/// One arithmetic check of a printed value against the value computed from other printed cells.
public struct StatsCheck: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A printed total against the sum of the data rows of its group (`nil`: every data row).
        case total(group: String?)
        /// A whole against the sum of its parts (the identity's index in the table).
        case identity(Int)
        /// An opening balance against the previous period's balance carried over (the carry-over's index; the row
        /// it is carried from).
        case carryOver(Int, from: String)
        /// A printed percentage against the rate computed from the counts.
        case percent(rate: String)
    }
    public var kind: Kind
    public var row: String
    public var column: String
    public var printed: StatsNumber
    /// The exact computed value (a sum is n/1; a percentage is the rate times 100).
    public var computed: StatsRatio
    /// Printed minus computed, exactly.
    public var difference: StatsRatio
    public var verdict: StatsVerdict
    /// Whether the relation checked is the report's (a total it prints, a percentage, an "of which") or the atlas's
    /// assumption (a carry-over, an identity the report does not state).
    public var basis: StatsTable.Identity.Basis
    /// The seed lines of the printed value.
    public var lines: String
    /// The seed lines of the printed values it was computed from, in row order.
    public var from: [String]
}

/// What the atlas computes from a statistical table: each rate for each row, beside the report's percentage, and
/// every arithmetic check the table allows (printed totals against sums, identities, carried balances, printed
/// percentages against the rates), each with the seed lines of the cells involved.
public struct StatsComputation: Sendable {
    public let table: StatsTable
    public private(set) var rates: [StatsRateResult] = []
    public private(set) var checks: [StatsCheck] = []

    /// Computes every rate of every row of `table` and makes every check it declares or implies.
    public init(_ table: StatsTable) {
        self.table = table
        for row in table.rows {
            for (index, identity) in table.identities.enumerated() { checkIdentity(identity, index, row) }
            if row.role == .total { checkTotal(row) }
            for rate in table.rates { compute(rate, row) }
        }
        for (index, carry) in table.carryOvers.enumerated() { checkCarryOver(carry, index) }
    }

    /// The checks whose printed value neither rounding nor truncation explains.
    public var mismatches: [StatsCheck] { checks.filter { $0.verdict == .mismatch } }
    /// The printed percentages that are the computed ones cut instead of rounded.
    public var truncations: [StatsCheck] { checks.filter { $0.verdict == .truncated } }

    /// The count in `column` of `row`: printed, else the sum of an identity's printed parts.
    public func count(_ row: StatsTable.Row, _ column: String) -> StatsCount? {
        if let cell = row.cell(column), let number = cell.number, number.isWhole {
            return StatsCount(value: number.units, computed: false, lines: [cell.lines])
        }
        for identity in table.identities where identity.whole == column {
            let parts = identity.parts.compactMap { part -> StatsTable.Cell? in
                guard let cell = row.cell(part), cell.number?.isWhole == true else { return nil }
                return cell
            }
            guard parts.count == identity.parts.count else { continue }
            return StatsCount(value: parts.reduce(0) { $0 + ($1.number?.units ?? 0) }, computed: true,
                              lines: parts.map(\.lines))
        }
        return nil
    }

    /// The sum of `columns` in `row`; `nil` when one is missing.
    func sum(_ row: StatsTable.Row, _ columns: [String]) -> StatsCount? {
        var total = StatsCount(value: 0, computed: false, lines: [])
        for column in columns {
            guard let count = count(row, column) else { return nil }
            total.value += count.value
            total.computed = total.computed || count.computed
            total.lines += count.lines
        }
        return total
    }

    /// The rate of `rate` in the row called `row`, if computed.
    public func rate(_ rate: String, row: String) -> StatsRateResult? {
        rates.first { $0.rate == rate && $0.row == row }
    }

    // MARK: computing

    private mutating func compute(_ rate: StatsTable.Rate, _ row: StatsTable.Row) {
        let numerator = sum(row, rate.numerator), denominator = sum(row, rate.denominator)
        let printed = rate.printed.flatMap { row.cell($0) }
        var percent: StatsRatio?
        if let numerator, let denominator {
            switch rate.kind {
            case .share: percent = StatsRatio(numerator.value, denominator.value)?.percent
            case .growth: percent = StatsRatio(numerator.value - denominator.value, denominator.value)?.percent
            }
        }
        // A row that has none of the rate's counts and no printed value (a total row of other columns) has no rate.
        if numerator == nil, denominator == nil, printed == nil { return }
        var verdict: StatsVerdict = percent == nil ? .notComputable : .notPrinted
        if let percent, let printed, let number = printed.number {
            verdict = Self.verdict(number, percent)
            let lines = (numerator?.lines ?? []) + (denominator?.lines ?? [])
            checks.append(StatsCheck(kind: .percent(rate: rate.key), row: row.key, column: printed.column,
                                     printed: number, computed: percent, difference: percent.subtracted(from: number),
                                     verdict: verdict, basis: .stated, lines: printed.lines, from: lines))
        }
        rates.append(StatsRateResult(row: row.key, rate: rate.key, numerator: numerator, denominator: denominator,
                                     percent: percent, printed: printed, verdict: verdict))
    }

    /// Agreement of a printed value with an exact one, at the printed number of decimals.
    static func verdict(_ printed: StatsNumber, _ exact: StatsRatio) -> StatsVerdict {
        if exact.rounded(digits: printed.scale) == printed { return .agrees }
        if exact.truncated(digits: printed.scale) == printed { return .truncated }
        return .mismatch
    }

    private mutating func checkIdentity(_ identity: StatsTable.Identity, _ index: Int, _ row: StatsTable.Row) {
        guard let whole = row.cell(identity.whole), let number = whole.number else { return }
        let parts = identity.parts.compactMap { row.cell($0) }
        guard parts.count == identity.parts.count else { return }
        let sum = parts.reduce(0) { $0 + ($1.number?.units ?? 0) }
        append(.identity(index), row: row.key, whole, number, sum: sum, basis: identity.basis, from: parts.map(\.lines))
    }

    private mutating func checkTotal(_ row: StatsTable.Row) {
        let members = table.rows.filter { $0.role == .data && (row.group == nil || $0.group == row.group) }
        for cell in row.cells {
            guard table.column(cell.column)?.kind == .count, let number = cell.number else { continue }
            let parts = members.compactMap { $0.cell(cell.column) }
            // A column some data rows leave blank has no sum to compare.
            guard parts.count == members.count, !parts.isEmpty else { continue }
            let sum = parts.reduce(0) { $0 + ($1.number?.units ?? 0) }
            append(.total(group: row.group), row: row.key, cell, number, sum: sum, basis: .stated,
                   from: parts.map(\.lines))
        }
    }

    private mutating func checkCarryOver(_ carry: StatsTable.CarryOver, _ index: Int) {
        let others = table.dimensions.map(\.key).filter { $0 != carry.dimension }
        let data = table.dataRows
        for earlier in data where earlier.cell(carry.dimension)?.value == carry.from {
            let key = others.map { earlier.cell($0)?.value }
            guard let later = data.first(where: { r in
                      r.cell(carry.dimension)?.value == carry.to && others.map { r.cell($0)?.value } == key
                  }),
                  let opening = later.cell(carry.opening), let number = opening.number,
                  let startCell = earlier.cell(carry.opening), let start = startCell.number,
                  let inflow = sum(earlier, carry.inflow), let outflow = sum(earlier, carry.outflow),
                  // Only printed counts: a balance computed from computed counts would check the atlas against itself.
                  !inflow.computed, !outflow.computed
            else { continue }
            let lines = [startCell.lines] + inflow.lines + outflow.lines
            append(.carryOver(index, from: earlier.key), row: later.key, opening, number,
                   sum: start.units + inflow.value - outflow.value, basis: .assumed, from: lines)
        }
    }

    private mutating func append(_ kind: StatsCheck.Kind, row: String, _ cell: StatsTable.Cell, _ printed: StatsNumber,
                                 sum: Int, basis: StatsTable.Identity.Basis, from: [String]) {
        let computed = StatsRatio(sum, 1)!
        checks.append(StatsCheck(kind: kind, row: row, column: cell.column, printed: printed, computed: computed,
                                 difference: computed.subtracted(from: printed),
                                 verdict: printed.units == sum ? .agrees : .mismatch, basis: basis, lines: cell.lines,
                                 from: from))
    }
}
