import AtlasExport
import Foundation
import SafeXML
import Testing
import ZIPFoundation

/// An exported DOCX or XLSX read back: each part unzipped by ZIPFoundation and parsed by SafeXML (libxml2), so
/// a part that is not well-formed fails the test that reads it.
struct OfficePackage {
    let archive: Archive

    init(_ bytes: [UInt8]) throws {
        archive = try Archive(data: Data(bytes), accessMode: .read)
    }

    var paths: [String] { archive.map(\.path) }

    func bytes(_ path: String) throws -> [UInt8] {
        let entry = try #require(archive[path], "no part \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return [UInt8](data)
    }

    /// The part parsed; throws (failing the test) when it is not well-formed XML.
    func xml(_ path: String) throws -> SafeXML.XMLDocument {
        try SafeXML.XMLDocument.parse(bytes: try bytes(path), name: path)
    }
}

extension XMLElement {
    /// Every descendant element with the local name `name`, in document order.
    func descendants(_ name: String) -> [XMLElement] {
        children.flatMap { child in (child.name == name ? [child] : []) + child.descendants(name) }
    }
}

/// The namespaces the tests read attributes in.
enum Namespace {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}

/// Documents built to exercise every rule: typed cells, text that needs escaping and quoting, a wide table.
enum Samples {
    static let labels = ExportLabels(sources: "Источники", notes: "Примечания")

    /// A narrow table of every cell kind, and text that must be escaped or quoted.
    static let narrow = ExportTable(
        name: "Решения", caption: "Решения по УДО, 2024",
        columns: [ExportColumn("Регион"), ExportColumn("Рассмотрено", kind: .integer),
                  ExportColumn("Доля", kind: .percent), ExportColumn("Средний срок", kind: .decimal),
                  ExportColumn("Дата", kind: .date)],
        rows: [
            [ExportCell("Алматы, город"), ExportCell("1 234", value: .integer(1234)),
             ExportCell("25,5 %", value: .percent(0.255)), ExportCell("4,5", value: .decimal(4.5)),
             ExportCell("2022-01-10", value: .date(ExportDate(year: 2022, month: 1, day: 10)))],
            [ExportCell("<script>alert(\"x\")</script> & \"кавычки\""), ExportCell("7", value: .integer(7)),
             ExportCell("—"), ExportCell("—"), ExportCell("")],
            [ExportCell("строка 1\nстрока 2"), ExportCell("0", value: .integer(0))],
        ],
        notes: ["Σ: сумма строк"])

    /// Eight columns: wider than a portrait page holds.
    static let wide = ExportTable(
        name: "Широкая", caption: "Широкая таблица",
        columns: (1...8).map { ExportColumn("Столбец \($0)") },
        rows: [(1...8).map { ExportCell("значение \($0)") }])

    static func document(_ tables: [ExportTable]) -> ExportDocument {
        ExportDocument(title: "Проверка экспорта", language: "ru", tables: tables,
                       sources: ["seed L14971", "parole 0.2.0 · корпус sha256:00"], labels: labels,
                       provenance: ExportProvenance(program: "parole 0.2.0", corpus: nil))
    }
}
