import DigitalOcean
import FakeDigitalOcean
import Testing

/// A listing-shift fault serves its page untouched, then changes the world before the next page.
@Suite struct FakeListingShiftTests {
    private func page(_ fake: FakeDigitalOcean, _ number: Int) throws -> (names: [String], total: Int?) {
        let body = try fake.get("/v2/droplets", [QueryItem("page", String(number)), QueryItem("per_page", "3")]).json()
        let names = (body["droplets"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        return (names, (body["meta"] as? [String: Any])?["total"] as? Int)
    }

    @Test func aDropletVanishingAfterPageOneHidesTheFirstOfPageTwo() throws {
        let fake = try fakeWithDroplets(6)
        fake.injectFault(path: "/v2/droplets", page: 1, action: .shiftAfterServing(.destroyDroplet(name: "web-002")), times: 1)
        let first = try page(fake, 1)
        #expect(first.names == ["web-001", "web-002", "web-003"] && first.total == 6, "the page itself is served as it was")
        let second = try page(fake, 2)
        #expect(second.names == ["web-005", "web-006"] && second.total == 5, "web-004 moved onto page 1 and is never shown")
        #expect(try page(fake, 1).names == ["web-001", "web-003", "web-004"], "the fault is used up")
    }

    @Test func aDropletAppearingAfterPageOneLandsAtTheEnd() throws {
        let fake = try fakeWithDroplets(4)
        fake.injectFault(path: "/v2/droplets", page: 1, action: .shiftAfterServing(.createDroplet(name: "late", size: "s-1vcpu-1gb", region: "nyc3")), times: 1)
        #expect(try page(fake, 1).total == 4)
        let second = try page(fake, 2)
        #expect(second.names == ["web-004", "late"] && second.total == 5)
    }

    @Test func theClientRefusesAShiftedListingEitherWay() async throws {
        for shift in [ListingShift.destroyDroplet(name: "web-001"), .createDroplet(name: "late", size: "s-1vcpu-1gb", region: "nyc3")] {
            let fake = try fakeWithDroplets(5)
            fake.injectFault(path: "/v2/droplets", page: 1, action: .shiftAfterServing(shift), times: 1)
            let client = DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken, perPage: 3)
            do {
                _ = try await client.droplets()
                Issue.record("a listing whose total moved between pages must be refused (\(shift))")
            } catch {
                guard case .inconsistentListing(_, let detail) = error as? DigitalOceanError else {
                    Issue.record("expected an inconsistent listing, got \(error)")
                    continue
                }
                #expect(detail.hasPrefix("meta.total was 5 on page 1 but "))
            }
            do {
                _ = try await client.droplets()
            } catch {
                Issue.record("the shift is used up, so the next listing is complete: \(error)")
            }
        }
    }
}
