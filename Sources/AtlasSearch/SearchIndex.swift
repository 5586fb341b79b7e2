import AtlasModel
import Foundation
import GRDB

/// What a reader asks `search` for.
public struct SearchQuery: Sendable {
    /// The words typed, in any language.
    public var text: String
    /// Only these kinds of record; empty means every kind.
    public var kinds: Set<SearchKind>
    /// Only texts about this jurisdiction (an id).
    public var jurisdiction: String?
    /// At most this many records.
    public var limit: Int
    /// The limits a reader may ask for (the command line's `--limit`, the API's `limit`).
    public static let limits = 1...1000
    /// Only texts in this language (kk, ru, en), and names written the same in all; `nil` means every language.
    public var language: String?

    public init(text: String, kinds: Set<SearchKind> = [], jurisdiction: String? = nil, limit: Int = 20,
                language: String? = nil) {
        self.text = text
        self.kinds = kinds
        self.jurisdiction = jurisdiction
        self.limit = limit
        self.language = language
    }

    /// The folded words typed.
    var words: [String] { TextFolding.words(text) }

    /// The forms a word of the text must start with to match: each typed word and its stem.
    var prefixes: [String] {
        Array(Set(words.flatMap { [$0, LightStemmer.stem($0)] }))
    }

    /// The FTS5 expression: every word (as its stem, matched as a prefix) when `all`, else any of them.
    func match(all: Bool) -> String {
        let terms = words.map { "\"" + LightStemmer.stem($0).replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
        return terms.joined(separator: all ? " AND " : " OR ")
    }
}

/// One record found: the best of its matching texts, with the words that matched marked.
public struct SearchHit: Sendable {
    public var document: SearchDocument
    public var snippet: SearchSnippet
    /// Higher is better; only the order means anything.
    public var score: Double
}

/// The full-text index of one corpus: an SQLite FTS5 table of every `SearchDocument`, its words folded by
/// `TextFolding` and split by SQLite's `ascii` tokenizer, which splits on ASCII spaces and punctuation only and
/// so keeps every Cyrillic word exactly as the folding left it.
public struct SearchIndex: Sendable {
    /// Raised when the layout of the index file changes, so that an index written by an older program is rebuilt.
    public static let format = 1

    let database: DatabaseQueue

    /// The digest of the corpus the index was built from (`nil` for a corpus not read from files).
    public let corpusDigest: String?

    init(database: DatabaseQueue, corpusDigest: String?) {
        self.database = database
        self.corpusDigest = corpusDigest
    }

    /// An index of `documents` in memory.
    public static func inMemory(_ documents: [SearchDocument], corpusDigest: String? = nil) throws -> SearchIndex {
        let queue = try DatabaseQueue()
        try fill(queue, with: documents, corpusDigest: corpusDigest)
        return SearchIndex(database: queue, corpusDigest: corpusDigest)
    }

    static func fill(_ queue: DatabaseQueue, with documents: [SearchDocument], corpusDigest: String?) throws {
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
            try db.execute(sql: """
                CREATE VIRTUAL TABLE entry USING fts5(
                    words, record UNINDEXED, kind UNINDEXED, jurisdiction UNINDEXED, show UNINDEXED,
                    language UNINDEXED, text UNINDEXED, weight UNINDEXED, tokenize = 'ascii')
                """)
            for d in documents {
                try db.execute(sql: """
                    INSERT INTO entry (words, record, kind, jurisdiction, show, language, text, weight)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [TextFolding.words(d.text).joined(separator: " "), d.recordID, d.kind.rawValue,
                                     d.jurisdiction, d.showID, d.language, d.text, d.weight])
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?), ('digest', ?), ('documents', ?)",
                           arguments: [String(format), corpusDigest ?? "", String(documents.count)])
        }
    }

    /// The number of texts indexed.
    public func documentCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0 }
    }

    /// The records matching `query`, best first, one hit per record. Every typed word must match (as itself or
    /// its stem, as the start of a word); when no text has them all, texts with any of them are ranked instead.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        guard !query.words.isEmpty else { return [] }
        var hits = try rows(query, all: true)
        if hits.isEmpty && query.words.count > 1 { hits = try rows(query, all: false) }
        var best: [String: SearchHit] = [:]
        var order: [String] = []
        for hit in hits {
            let key = hit.document.kind.rawValue + " " + hit.document.recordID + " " + hit.document.showID
            if let seen = best[key] {
                if hit.score > seen.score { best[key] = hit }
            } else {
                best[key] = hit
                order.append(key)
            }
        }
        return order.compactMap { best[$0] }
            .sorted { ($1.score, $0.document.recordID) < ($0.score, $1.document.recordID) }
            .prefix(query.limit).map { $0 }
    }

    /// The matching texts, scored: SQLite's bm25 (negated, so higher is better) times the text's weight, and half
    /// as much again when the text holds every typed word as typed, so that the exact form ranks above an
    /// inflected one.
    func rows(_ query: SearchQuery, all: Bool) throws -> [SearchHit] {
        var sql = "SELECT record, kind, jurisdiction, show, language, text, weight, bm25(entry) AS rank FROM entry "
            + "WHERE entry MATCH ?"
        var arguments: StatementArguments = [query.match(all: all)]
        if !query.kinds.isEmpty {
            sql += " AND kind IN (" + query.kinds.map { _ in "?" }.joined(separator: ", ") + ")"
            for kind in query.kinds.sorted(by: { $0.rawValue < $1.rawValue }) { _ = arguments.append(contentsOf: [kind.rawValue]) }
        }
        if let jurisdiction = query.jurisdiction {
            sql += " AND jurisdiction = ?"
            _ = arguments.append(contentsOf: [jurisdiction])
        }
        if let language = query.language {
            sql += " AND (language = ? OR language = '')"
            _ = arguments.append(contentsOf: [language])
        }
        // Enough texts that the best of every record is among them, bounded so a one-letter query stays quick.
        sql += " ORDER BY rank LIMIT 2000"
        let prefixes = query.prefixes
        let typed = Set(query.words)
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> SearchHit? in
                guard let kind = SearchKind(rawValue: row["kind"]) else { return nil }
                let text: String = row["text"]
                let document = SearchDocument(recordID: row["record"], kind: kind, jurisdiction: row["jurisdiction"],
                                              showID: row["show"], language: row["language"], text: text,
                                              weight: row["weight"])
                let rank: Double = row["rank"]
                let exact = typed.isSubset(of: Set(TextFolding.words(text)))
                let score = -rank * document.weight * (exact ? 1.5 : 1)
                return SearchHit(document: document, snippet: SearchSnippet(text: text, prefixes: prefixes),
                                 score: score)
            }
        }
    }
}
