#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import NIOCore

/// The service could not listen on its address: `cannot listen on 127.0.0.1:4005: address already
/// in use`, instead of NIO's system-call wording (`bind(descriptor:ptr:bytes:): …`), which names
/// neither the address nor what to change.
public struct ListenError: Error, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var reason: String

    public var description: String {
        "cannot listen on \(host.contains(":") ? "[\(host)]" : host):\(port): \(reason)"
    }

    /// The error `error` is when it is a failure to resolve or bind the address; nil otherwise.
    /// Binding fails only with these errnos, which a server already listening never reports.
    init?(_ error: any Error, host: String, port: Int) {
        switch error {
        case let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode):
            let text = String(cString: strerror(error.errnoCode))
            reason = text.prefix(1).lowercased() + text.dropFirst()
        case is SocketAddressError, is SocketAddressError.UnknownHost:
            reason = "no such address"
        default:
            return nil
        }
        (self.host, self.port) = (host, port)
    }
}
