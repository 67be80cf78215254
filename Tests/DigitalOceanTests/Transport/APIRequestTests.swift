import DigitalOcean
import Testing

/// A request's summary names it in errors and logs, and the fake caches responses under it.
@Suite struct APIRequestTests {
    @Test func summaryIsTheMethodPathAndQueryInOrder() {
        #expect(APIRequest(path: "/v2/account").summary == "GET /v2/account")
        #expect(APIRequest(method: "POST", path: "/v2/droplets", query: [QueryItem("page", "2")]).summary == "POST /v2/droplets?page=2")
        let listing = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "1"), QueryItem("per_page", "200"), QueryItem("tag_name", "é")],
                                 headers: ["authorization": "Bearer secret"])
        #expect(listing.summary == "GET /v2/droplets?page=1&per_page=200&tag_name=é")
    }
}
