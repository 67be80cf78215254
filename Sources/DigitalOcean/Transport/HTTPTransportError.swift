/// No answer at all came back (refused connection, timeout, DNS, TLS). The client reports it as
/// `DigitalOceanError.transport`; `RetryingTransport` retries it. Its text never holds headers.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var detail: String
    public init(detail: String) { self.detail = detail }
    public var description: String { detail }
}
