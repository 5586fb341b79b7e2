import AtlasModel
import AtlasReport
import AtlasSearch

/// One address of the JSON API as `/api/v1/openapi.json` describes it: its parameters and the JSON Schema of its
/// answer. The same list decides which query parameters a route accepts, so the document and the routes cannot
/// disagree on a parameter's name.
struct APIEndpoint: Sendable {
    /// The OpenAPI path (`/api/v1/conformance/{id}`).
    let path: String
    /// What it answers, and the command whose document it is.
    let summary: String
    let parameters: [APIParameter]
    /// The schema of a 200 answer: a `$ref` into the document's components.
    let response: JSONValue

    /// The query parameters the endpoint accepts.
    var queryNames: Set<String> { Set(parameters.filter { $0.location == .query }.map(\.name)) }
}

/// A parameter of an endpoint.
struct APIParameter: Sendable {
    enum Location: String, Sendable { case query, path }

    let name: String
    let location: Location
    let required: Bool
    let description: String
    /// The JSON Schema of its value; an array for a parameter that may be repeated (`offence=a&offence=b`).
    let schema: JSONValue

    init(_ name: String, in location: Location = .query, required: Bool = false, _ description: String,
         _ schema: JSONValue) {
        self.name = name
        self.location = location
        self.required = required || location == .path
        self.description = description
        self.schema = schema
    }

    /// `lang`: the language of messages and labels.
    static let language = APIParameter(PageLanguage.parameter, "Language of labels and messages (default en).",
                                       .enumeration(Language.allCases.map(\.rawValue)))
}

extension APIEndpoint {
    /// Every endpoint of `/api/v1`, with the values `corpus` allows where a parameter names a corpus term or id.
    static func all(corpus: Corpus) -> [APIEndpoint] {
        let jurisdictionIDs = corpus.jurisdictions.map(\.id)
        let reference = { (name: String) in JSONValue.object([("$ref", .string("#/components/schemas/" + name))]) }
        return [
            APIEndpoint(path: "/api/v1/simulate",
                        summary: "One case in every jurisdiction (or those named): `parole simulate --format json`, "
                            + "or with detail=summary `--detail summary` (the batch line).",
                        parameters: caseParameters(corpus) + [
                            APIParameter(CaseQuery.jurisdictionParameter,
                                         "Simulate in this jurisdiction only (repeatable; none: every one).",
                                         .array(of: .enumeration(jurisdictionIDs))),
                            APIParameter(CaseQuery.detailParameter,
                                         "full (default): outcomes with traces and citations; summary: the batch line.",
                                         .enumeration(["full", "summary"])),
                            APIParameter(CaseQuery.explainParameter,
                                         "The page's choice of reasoning to show; the JSON document explains every "
                                             + "jurisdiction anyway (accepted so that a page's JSON link works).",
                                         .array(of: .enumeration(jurisdictionIDs))),
                            .language,
                        ],
                        response: .object([("anyOf", .array([reference("simulate"),
                                                             reference("simulate.batchLine")]))])),
            APIEndpoint(path: "/api/v1/countries", summary: "`parole countries [--family id] --format json`.",
                        parameters: [
                            APIParameter("family", "Only this legal family.",
                                         .enumeration(Array(Set(corpus.jurisdictions.map(\.legalFamily))).sorted())),
                            .language,
                        ], response: reference("countries")),
            APIEndpoint(path: "/api/v1/conformance/{id}", summary: "`parole conformance ID --format json`.",
                        parameters: [APIParameter("id", in: .path, "A jurisdiction id.", .enumeration(jurisdictionIDs)),
                                     .language],
                        response: reference("conformance")),
            APIEndpoint(path: "/api/v1/instruments", summary: "`parole instruments --format json`.",
                        parameters: [.language], response: reference("instruments")),
            APIEndpoint(path: "/api/v1/search", summary: "`parole search QUERY --format json`.",
                        parameters: [
                            APIParameter("q", required: true, "Words to find, in any language.",
                                         .object([("type", .string("string")), ("minLength", .int(1))])),
                            APIParameter("kind", "Only records of this kind (repeatable).",
                                         .array(of: .enumeration(SearchKind.allCases.map(\.rawValue)))),
                            APIParameter("jurisdiction", "Only texts about this jurisdiction (an id).",
                                         .enumeration(jurisdictionIDs)),
                            APIParameter("limit", "At most this many records (default 20).", .object([
                                ("type", .string("integer")), ("minimum", .int(SearchQuery.limits.lowerBound)),
                                ("maximum", .int(SearchQuery.limits.upperBound)),
                            ])),
                            APIParameter("text-lang", "Only texts written in this language.",
                                         .enumeration(Language.allCases.map(\.rawValue))),
                            .language,
                        ], response: reference("search")),
            APIEndpoint(path: "/api/v1/stats", summary: "`parole stats --format json`: every table.",
                        parameters: [.language], response: reference("stats")),
            APIEndpoint(path: "/api/v1/stats/{table}", summary: "`parole stats --table ID --format json`.",
                        parameters: [APIParameter("table", in: .path, "A table id (`/api/v1/stats` lists them).",
                                                  .enumeration(corpus.stats.map(\.id))),
                                     .language],
                        response: reference("stats")),
            APIEndpoint(path: "/api/v1/openapi.json", summary: "This document (OpenAPI 3.1).", parameters: [],
                        response: .object([("type", .string("object"))])),
        ]
    }

    /// One parameter per fact of `CaseFactCatalogue`, named as its flag, its values as the corpus allows.
    static func caseParameters(_ corpus: Corpus) -> [APIParameter] {
        CaseFactCatalogue.all.map { fact in
            APIParameter(fact.name, required: fact.required, fact.help, factSchema(fact, corpus.vocabulary))
        }
    }

    private static func factSchema(_ fact: CaseFactDeclaration, _ vocabulary: Vocabulary) -> JSONValue {
        switch fact.kind {
        case .term:
            // The written form of a term (`SentenceTerm`); whether it is usable is the case's check.
            .object([("type", .string("string")), ("pattern", .string("^(life|([0-9]+y)?([0-9]+m)?([0-9]+d)?)$")),
                     ("minLength", .int(2))])
        case .date, .defaultedDate, .optionalDate:
            .object([("type", .string("string")), ("format", .string("date"))])
        case .age, .disabilityGroup: .object([("type", .string("integer"))])
        case .vocabularyTerm(_, let set), .defaultedTerm(_, let set): .enumeration(vocabulary.terms(of: set))
        case .vocabularyTerms(_, let set): .array(of: .enumeration(vocabulary.terms(of: set)))
        case .sex: .enumeration(Sex.allCases.map(\.rawValue))
        case .damage: .enumeration(DamageStatus.allCases.map(\.rawValue))
        case .yesNo, .composition: .enumeration(fact.inputShape == .yesOrNo ? ["yes", "no"] : ["yes"])
        }
    }
}

extension JSONValue {
    /// `{"type": "string", "enum": [...]}`.
    static func enumeration(_ values: [String]) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map { .string($0) }))])
    }

    /// `{"type": "array", "items": …}`: a parameter that may be repeated.
    static func array(of items: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("items", items)])
    }
}
