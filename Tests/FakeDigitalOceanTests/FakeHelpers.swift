import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime

let start = Timestamp(year: 2026, month: 3, day: 1)

/// A fake with `count` droplets `web-001`, `web-002`, ... created one minute apart up to `start`;
/// even-numbered ones are tagged `even`. `keepsResponses: false` makes every response anew.
func fakeWithDroplets(_ count: Int, seed: UInt64 = 42, keepsResponses: Bool = true) throws -> FakeDigitalOcean {
    let fake = FakeDigitalOcean(seed: seed, start: start, keepsResponses: keepsResponses)
    for index in 1...count {
        let name = "web-" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
        try fake.createDroplet(name: name, size: "s-1vcpu-1gb", region: "nyc3", tags: index.isMultiple(of: 2) ? ["even"] : [],
                               poweredOn: true, createdAt: start - Int64(count - index) * 60, project: nil)
    }
    return fake
}

extension FakeDigitalOcean {
    /// A raw GET as the real client would send it (or with another token).
    func get(_ path: String, _ query: [QueryItem] = [], token: String = FakeDigitalOcean.defaultToken) -> APIResponse {
        respond(to: APIRequest(path: path, query: query, headers: ["authorization": "Bearer \(token)", "accept": "application/json"]))
    }

    var client: DigitalOceanClient {
        DigitalOceanClient(transport: transport, token: FakeDigitalOcean.defaultToken)
    }
}

extension APIResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw NotAnObject(text: text)
        }
        return object
    }
}

struct NotAnObject: Error {
    var text: String
}
