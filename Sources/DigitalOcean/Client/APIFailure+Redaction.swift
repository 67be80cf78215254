extension APIFailure {
    /// The failure with every occurrence of `secret` replaced, for a server that echoes the request
    /// (a proxy, a misconfigured gateway) into its error body: the message is kept verbatim as godo
    /// does, and would otherwise carry the token into logs and the ledger. Secrets shorter than 8
    /// characters are left alone: no real token is that short, and blanking every `t` of a test
    /// token would garble the message instead.
    func redacting(_ secret: String) -> APIFailure {
        guard secret.count >= 8 else { return self }
        let hide = { (text: String) in text.replacing(secret, with: "[redacted]") }
        var copy = self
        copy.message = hide(message)
        copy.id = id.map(hide)
        copy.requestID = requestID.map(hide)
        return copy
    }
}
