import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// Domain record writes (`/v2/domains/{name}/records`): DO's statuses and `domain_record` body,
/// DO's rules per record type (each refusal a 422 that changes nothing), and the change each
/// write records, named as the scenario action that makes it.
@Suite struct FakeDomainRecordWriteTests {
    private static let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)", "content-type": "application/json"]

    private func send(_ fake: FakeDigitalOcean, _ method: String, _ path: String, _ json: String? = nil) -> APIResponse {
        fake.respond(to: APIRequest(method: method, path: path, headers: Self.headers, body: json.map { Data($0.utf8) }))
    }

    private func record(_ response: APIResponse) throws -> [String: Any] {
        try #require(try response.json()["domain_record"] as? [String: Any], "\(response.text)")
    }

    private func zone() throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createDomain(name: "example.com", ttl: 600, project: nil)
        return fake
    }

    /// Found by an audit: a domain named "not a domain", an A record of "not-an-ip" were created
    /// (201) and went into recordings, and a domain's `ip_address` was dropped. DO refuses the
    /// first two and makes the apex's A record from the third.
    @Test func aZoneNeedsAHostNameAnAddressRecordAnAddressAndIPAddressMakesTheApexRecord() throws {
        let fake = try zone()
        let revision = fake.revision
        for name in ["not a domain", "localhost", "-bad.example.com", "a..example.com", String(repeating: "x", count: 64) + ".com"] {
            let refused = send(fake, "POST", "/v2/domains", #"{"name":"\#(name)"}"#)
            #expect(refused.status == 422 && refused.text.contains("is not a domain name"), "\(name): \(refused.text)")
        }
        for (type, data) in [("A", "not-an-ip"), ("A", "2001:db8::1"), ("AAAA", "203.0.113.5"), ("A", "256.1.1.1")] {
            let refused = send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"\#(type)","name":"www","data":"\#(data)"}"#)
            #expect(refused.status == 422 && refused.text.contains("address"), "\(type) \(data): \(refused.text)")
        }
        #expect(send(fake, "POST", "/v2/domains", #"{"name":"shop.example.org","ip_address":"nope"}"#).status == 422)
        #expect(fake.revision == revision, "a refused write changes nothing")

        #expect(send(fake, "POST", "/v2/domains", #"{"name":"shop.example.org","ip_address":"203.0.113.9"}"#).status == 201)
        let records = try #require(try fake.get("/v2/domains/shop.example.org/records").json()["domain_records"] as? [[String: Any]])
        #expect(records.last.map { "\($0["type"]!) \($0["name"]!) \($0["data"]!)" } == "A @ 203.0.113.9")
        #expect(fake.recordedChanges.map(\.change).suffix(2) == [
            .createDomain(name: "shop.example.org", ttl: 1800),
            .createDomainRecord(domain: "shop.example.org", record: DomainRecordFields(type: "A", name: "@", data: "203.0.113.9")),
        ])
        #expect(send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"AAAA","name":"v6","data":"2001:db8::1"}"#).status == 201)
    }

    @Test func aRecordIsCreatedUpdatedAndDeletedWithDOsStatusesAndBodies() throws {
        let fake = try zone()
        let created = send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"A","name":"www","data":"203.0.113.5"}"#)
        #expect(created.status == 201)
        let made = try record(created)
        #expect(made["id"] as? Int == 900_000_001 && made["type"] as? String == "A" && made["name"] as? String == "www")
        #expect(made["data"] as? String == "203.0.113.5" && made["ttl"] as? Int == 600, "the domain's TTL when none is given")
        #expect(made["priority"] is NSNull && made["port"] is NSNull && made["weight"] is NSNull && made["flags"] is NSNull && made["tag"] is NSNull)
        let mail = try record(send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"MX","data":"mail.example.com.","priority":10,"ttl":300}"#))
        #expect(mail["id"] as? Int == 900_000_002 && mail["name"] as? String == "@" && mail["priority"] as? Int == 10 && mail["ttl"] as? Int == 300)

        let listed = try #require(try fake.get("/v2/domains/example.com/records").json()["domain_records"] as? [[String: Any]])
        #expect(listed.map { $0["type"] as? String } == ["SOA", "NS", "NS", "NS", "A", "MX"], "DO's own records first, then in creation order")
        let www = try #require(try fake.get("/v2/domains/example.com/records", [QueryItem("name", "www.example.com")]).json()["domain_records"] as? [[String: Any]])
        #expect(www.map { $0["id"] as? Int } == [900_000_001])
        let zoneFile = try #require((try fake.get("/v2/domains/example.com").json()["domain"] as? [String: Any])?["zone_file"] as? String)
        #expect(zoneFile.contains("www.example.com. 600 IN A 203.0.113.5\n") && zoneFile.contains("example.com. 300 IN MX 10 mail.example.com.\n"))

        let patched = send(fake, "PATCH", "/v2/domains/example.com/records/900000001", #"{"data":"203.0.113.9"}"#)
        #expect(patched.status == 200)
        let after = try record(patched)
        #expect(after["data"] as? String == "203.0.113.9" && after["name"] as? String == "www" && after["ttl"] as? Int == 600, "only the given fields change")
        let put = try record(send(fake, "PUT", "/v2/domains/example.com/records/900000001", #"{"name":"api","ttl":60}"#))
        #expect(put["name"] as? String == "api" && put["ttl"] as? Int == 60 && put["data"] as? String == "203.0.113.9")
        #expect(try record(fake.get("/v2/domains/example.com/records/900000001"))["name"] as? String == "api")

        let deleted = send(fake, "DELETE", "/v2/domains/example.com/records/900000001")
        #expect(deleted.status == 204 && deleted.body.isEmpty)
        #expect(fake.get("/v2/domains/example.com/records/900000001").status == 404)
        #expect(send(fake, "DELETE", "/v2/domains/example.com/records/900000001").status == 404)
        #expect(try record(send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"TXT","name":"@","data":"v=spf1 -all"}"#))["id"] as? Int
                    == 900_000_003, "ids are never reused")

        #expect(fake.recordedChanges.map(\.change) == [
            .createDomainRecord(domain: "example.com", record: DomainRecordFields(type: "A", name: "www", data: "203.0.113.5")),
            .createDomainRecord(domain: "example.com", record: DomainRecordFields(type: "MX", data: "mail.example.com.", priority: 10, ttl: 300)),
            .updateDomainRecord(domain: "example.com", id: 900_000_001, record: DomainRecordFields(data: "203.0.113.9")),
            .updateDomainRecord(domain: "example.com", id: 900_000_001, record: DomainRecordFields(name: "api", ttl: 60)),
            .deleteDomainRecord(domain: "example.com", id: 900_000_001),
            .createDomainRecord(domain: "example.com", record: DomainRecordFields(type: "TXT", name: "@", data: "v=spf1 -all")),
        ])
    }

    @Test func eachTypesRequiredFieldsAreCheckedAndARefusalChangesNothing() throws {
        let fake = try zone()
        let id = try #require(try record(send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"A","name":"www","data":"192.0.2.1"}"#))["id"] as? Int)
        let soa = try #require((try fake.get("/v2/domains/example.com/records", [QueryItem("type", "SOA")]).json()["domain_records"] as? [[String: Any]])?
            .first?["id"] as? Int)
        let revision = fake.revision
        let refused: [(String, String, String?, Int, String)] = [
            ("POST", "/v2/domains/example.com/records", #"{"name":"www","data":"192.0.2.1"}"#, 422, "type must be one of"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"PTR","name":"x","data":"y"}"#, 422, "type must be one of"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"A","data":"192.0.2.1"}"#, 422, "name is required for A records"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"CNAME","name":"blog"}"#, 422, "data is required for CNAME records"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"MX","data":"mx.example.com."}"#, 422, "priority is required for MX records"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"SRV","name":"_sip._tcp","data":"sip","priority":1,"weight":5}"#, 422,
             "port is required for SRV records"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"CAA","name":"@","data":"letsencrypt.org","flags":0,"tag":"sign"}"#, 422,
             "tag must be issue, issuewild or iodef"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"CAA","name":"@","data":"letsencrypt.org","flags":256,"tag":"issue"}"#, 422,
             "flags must be between 0 and 255"),
            ("POST", "/v2/domains/example.com/records", #"{"type":"A","name":"www","data":"192.0.2.1","ttl":"soon"}"#, 422, "ttl must be an integer"),
            ("PATCH", "/v2/domains/example.com/records/\(id)", #"{"type":"MX"}"#, 422, "priority is required for MX records"),
            ("PUT", "/v2/domains/example.com/records/\(soa)", #"{"ttl":60}"#, 422, "SOA and NS records"),
            ("POST", "/v2/domains/nope.example/records", #"{"type":"A","name":"www","data":"192.0.2.1"}"#, 404, "could not be found"),
            ("PATCH", "/v2/domains/example.com/records/123", #"{"data":"192.0.2.2"}"#, 404, "could not be found"),
            ("DELETE", "/v2/domains/example.com/records/abc", nil, 404, "could not be found"),
        ]
        for (method, path, body, status, message) in refused {
            let response = send(fake, method, path, body)
            #expect(response.status == status && response.text.contains(message), "\(method) \(path) \(body ?? ""): \(response.status) \(response.text)")
        }
        #expect(fake.revision == revision, "a refused write changes nothing")
        #expect(fake.recordedChanges.count == 1)
        #expect(try record(fake.get("/v2/domains/example.com/records/\(id)"))["type"] as? String == "A")
    }

    @Test func deletingTheDomainTakesItsRecordsAndAnewZoneStartsEmpty() throws {
        let fake = try zone()
        #expect(send(fake, "POST", "/v2/domains/example.com/records", #"{"type":"A","name":"www","data":"192.0.2.1"}"#).status == 201)
        #expect(send(fake, "DELETE", "/v2/domains/example.com").status == 204)
        #expect(send(fake, "POST", "/v2/domains", #"{"name":"example.com"}"#).status == 201)
        let listed = try #require(try fake.get("/v2/domains/example.com/records").json()["domain_records"] as? [[String: Any]])
        #expect(listed.map { $0["type"] as? String } == ["SOA", "NS", "NS", "NS"])
    }
}
