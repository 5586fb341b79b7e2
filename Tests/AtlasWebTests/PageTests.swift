import AtlasModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AtlasReport
@testable import AtlasWeb

@Suite struct PageTests {
    static let pages = ["/", "/jurisdictions/kz", "/jurisdictions/kz?as-of=2021-01-01", "/jurisdictions/fi",
                        "/instruments/coe-rec-2003-22", "/simulate", "/cohort", "/roster",
                        "/simulate?term=9y&category=grave&start=2022-01-10", "/no-such-page"]

    @Test("Pages, API answers, the stylesheet and errors all carry the security headers",
          arguments: pages + ["/api/v1/countries", "/api/v1/conformance/zz", "/static/atlas.css",
                              "/simulate/chart.svg?term=9y&category=grave&start=2022-01-10"])
    func securityHeaders(uri: String) async throws {
        let fetched = try await TestSite.get(uri)
        let policy = try #require(fetched.headers[.contentSecurityPolicy])
        #expect(policy.contains("default-src 'self'") && policy.contains("style-src 'self'")
            && policy.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(fetched.headers[.xContentTypeOptions] == "nosniff")
        #expect(fetched.headers[SecurityHeaders<BasicRequestContext>.referrerPolicy] == "no-referrer")
    }

    @Test("Every page in kk, ru and en is in that language, with no phrase key left untranslated",
          arguments: pages, Language.allCases)
    func translated(uri: String, language: Language) async throws {
        let fetched = try await TestSite.get(uri + (uri.contains("?") ? "&" : "?") + "lang=" + language.rawValue)
        #expect(fetched.body.contains("<html lang=\"\(language.rawValue)\">"))
        let leftOver = Phrasebook.declared.filter { fetched.body.contains($0) }
        #expect(leftOver.isEmpty, "\(uri) [\(language.rawValue)]: \(leftOver)")
        // The switch links to the same state in every language.
        for other in Language.allCases { #expect(fetched.body.contains("lang=\(other.rawValue)\"")) }
    }

    @Test("Markup in a query parameter comes back escaped, in the form and in the message")
    func markupIsEscaped() async throws {
        let fetched = try await TestSite.get(
            "/simulate?term=%3Cscript%3Ealert(1)%3C/script%3E&category=grave&start=2022-01-10")
        #expect(fetched.status == .badRequest)
        #expect(!fetched.body.contains("<script"))
        #expect(fetched.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("A malformed date on the page: 400, the reason in the page's language, the form kept as typed")
    func formKeptFilled() async throws {
        let fetched = try await TestSite.get("/simulate?term=9y&category=grave&start=2022-02-30&cooperation=yes&lang=ru")
        #expect(fetched.status == .badRequest)
        #expect(fetched.body.contains("не календарная дата"))
        #expect(fetched.body.contains("name=\"start\" value=\"2022-02-30\""))
        #expect(fetched.body.contains("name=\"term\" value=\"9y\""))
    }

    @Test("An unknown jurisdiction's page is a 404 in the page's language")
    func unknownJurisdiction() async throws {
        let fetched = try await TestSite.get("/jurisdictions/zz?lang=kk")
        #expect(fetched.status == .notFound)
        #expect(fetched.body.contains("юрисдикциясы немесе құжаты жоқ"))
    }

    @Test("The countries page groups jurisdictions by family and links each to its regime page")
    func countries() async throws {
        let fetched = try await TestSite.get("/")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<h2>"))
        #expect(fetched.body.contains("href=\"/jurisdictions/kz?lang=en\""))
        #expect(fetched.body.contains("<link rel=\"stylesheet\" href=\"/static/atlas.css\">"))
    }

    @Test("A stated case answers with the outcome and the home jurisdiction's reasoning under the form")
    func simulation() async throws {
        let fetched = try await TestSite.get("/simulate?term=9y&category=grave&start=2022-01-10&jurisdiction=kz")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<table>") && fetched.body.contains("<section class=\"trace\" id=\"explain-kz\">"))
        #expect(fetched.body.contains("<h3>kz · "))
        #expect(fetched.body.contains("<option value=\"kz\" selected>"))
        #expect(fetched.body.contains("<li><a href=\"/jurisdictions/kz?lang=en\">"))
    }
}

/// The states a page can be in, each with its own address.
@Suite struct PageStateTests {
    @Test("family= lists one legal family, as --family does; an unknown family is a 400")
    func familyFilter() async throws {
        let filtered = try await TestSite.get("/?family=post-soviet")
        #expect(filtered.status == .ok)
        #expect(filtered.body.contains("href=\"/jurisdictions/kz?lang=en\""))
        #expect(!filtered.body.contains("href=\"/jurisdictions/fi?lang=en\""))
        let api = try await TestSite.get("/api/v1/countries?family=post-soviet")
        let rows = try #require(try api.json as? [[String: Any]])
        #expect(rows.allSatisfy { ($0["id"] as? String) != "fi" } && !rows.isEmpty)
        #expect(try await TestSite.get("/?family=nowhere").status == .badRequest)
    }

    @Test("explain= shows the reasoning of the jurisdictions named, as --explain does")
    func explain() async throws {
        let fetched = try await TestSite.get("/simulate?term=9y&category=grave&start=2022-01-10&explain=fi")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<h3>fi · "))
        #expect(fetched.body.contains("name=\"explain\" value=\"fi\""))
        #expect(try await TestSite.get("/simulate?term=9y&category=grave&start=2022-01-10&explain=zz").status
            == .notFound)
    }

    @Test("An instrument's id shows its provisions, as parole show does")
    func instrument() async throws {
        let fetched = try await TestSite.get("/jurisdictions/coe-rec-2003-22?lang=ru")
        #expect(fetched.status == .ok)
        #expect(fetched.body.contains("<section class=\"provision\""))
    }

    @Test("as-of= shows the law in force on that date; a malformed one is a 400 in the page's language")
    func regimeAsOf() async throws {
        #expect(try await TestSite.get("/jurisdictions/kz?as-of=2016-01-01").status == .ok)
        let bad = try await TestSite.get("/jurisdictions/kz?as-of=2016-02-30&lang=ru")
        #expect(bad.status == .badRequest)
        #expect(bad.body.contains("не календарная дата"))
    }

    @Test("HEAD is answered for every page, with the headers and no body")
    func head() async throws {
        let application = Application(router: TestSite.site.router())
        try await application.test(.router) { client in
            try await client.execute(uri: "/jurisdictions/kz", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy] != nil)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}

@Suite struct SuggestionTests {
    @Test("A mistyped id is answered with the nearest one, in the page's language")
    func didYouMean() async throws {
        let fetched = try await TestSite.get("/api/v1/conformance/kzz?lang=ru")
        #expect(fetched.status == .notFound)
        let message = ((try fetched.json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String
        #expect(message?.contains("возможно, имелось в виду kz?") == true)
    }
}
