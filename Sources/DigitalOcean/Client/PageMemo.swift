import Foundation
import Synchronization

/// Remembers the last decoded page of each listing request together with its exact bytes. When
/// the same request returns byte-identical bytes, the decoded page is reused instead of decoded
/// again: comparing a page's bytes is about a hundred times cheaper than decoding DO's bulky
/// droplet JSON. A sync of a fleet where one droplet changed then decodes only the page that holds
/// it. The result is by construction what decoding would give.
public final class PageMemo: Sendable {
    private struct Entry: @unchecked Sendable {
        // `decoded` holds only values of the Sendable type named in the key it is stored under.
        var body: Data
        var decoded: Any
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    func page<T: Sendable>(for request: APIRequest, body: Data, decode: () throws(DigitalOceanError) -> T) throws(DigitalOceanError) -> T {
        let key = "\(T.self) \(request.summary)"
        let cached = entries.withLock { $0[key] }
        if let cached, cached.body == body, let page = cached.decoded as? T { return page }
        let page = try decode()
        entries.withLock { $0[key] = Entry(body: body, decoded: page) }
        return page
    }
}
