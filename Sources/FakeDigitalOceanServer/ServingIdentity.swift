import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// What the served fake presents over TLS: its certificate chain and key, in PEM. Real clients
/// (pydo's transport refuses a bearer token over plain HTTP) then reach the fake untouched, told
/// only to trust `trustAnchorPEM`.
public struct ServingIdentity: Sendable {
    /// Leaf first, then any intermediates.
    public var certificateChainPEM: [String]
    public var privateKeyPEM: String
    /// The certificate a client adds to its trust store: the generated CA, or nil when the identity
    /// came from the user's files (the user knows its issuer).
    public var trustAnchorPEM: String?

    public init(certificateChainPEM: [String], privateKeyPEM: String, trustAnchorPEM: String?) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
        self.trustAnchorPEM = trustAnchorPEM
    }

    /// A throwaway CA and a server certificate it signs for `localhost`, `127.0.0.1` and `::1`
    /// (plus `host` when it is another name or address), valid from an hour before `now` for 30 days.
    /// Two certificates rather than one self-signed leaf because OpenSSL, under Python's clients,
    /// wants a CA (basic constraints, key usage, key identifiers) as a trust anchor. The keys are
    /// fresh P-256 keys and `now` is the real clock: TLS validity is checked against the client's
    /// real time, never the fake's, and nothing here reaches a ledger or a report.
    public static func generated(host: String, now: Date) throws -> ServingIdentity {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            OrganizationName("arcadia-cloud")
            CommonName("arcadia fake-do throwaway CA")
        }
        let notBefore = now.addingTimeInterval(-3600)
        let notAfter = now.addingTimeInterval(30 * 24 * 3600)
        let caPublic = Certificate.PublicKey(caKey.publicKey)
        let caKeyID = SubjectKeyIdentifier(hash: caPublic)
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublic,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                caKeyID
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        let serverKey = P256.Signing.PrivateKey()
        let serverPublic = Certificate.PublicKey(serverKey.publicKey)
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: serverPublic,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName,
            subject: try DistinguishedName { CommonName("localhost") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectKeyIdentifier(hash: serverPublic)
                AuthorityKeyIdentifier(keyIdentifier: caKeyID.keyIdentifier)
                SubjectAlternativeNames(subjectAlternativeNames(host: host))
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        return ServingIdentity(certificateChainPEM: [try server.serializeAsPEM().pemString],
                               privateKeyPEM: serverKey.pemRepresentation,
                               trustAnchorPEM: try ca.serializeAsPEM().pemString)
    }

    /// The user's own certificate chain and key (`--cert`, `--key`), read as PEM.
    public static func load(certificatePath: String, keyPath: String) throws -> ServingIdentity {
        let chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        guard !chain.isEmpty else { throw ServingIdentityError("\(certificatePath) holds no PEM certificate") }
        let key = try String(contentsOfFile: keyPath, encoding: .utf8)
        _ = try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)
        let pems = try chain.map { certificate in
            let der = try certificate.toDERBytes()
            return PEMDocument(type: "CERTIFICATE", derBytes: der).pemString
        }
        return ServingIdentity(certificateChainPEM: pems, privateKeyPEM: key, trustAnchorPEM: nil)
    }

    /// NIOSSL's server configuration for this identity (TLS 1.2 and up, NIOSSL's defaults).
    func tlsConfiguration() throws -> TLSConfiguration {
        let chain = try certificateChainPEM.map { NIOSSLCertificateSource.certificate(try NIOSSLCertificate(bytes: Array($0.utf8), format: .pem)) }
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
    }

    private static func subjectAlternativeNames(host: String) -> [GeneralName] {
        var names: [GeneralName] = [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                                    .ipAddress(ASN1OctetString(contentBytes: ArraySlice(Array(repeating: 0, count: 15) + [1])))]
        if let address = IPv4Address(host), address.bytes != [127, 0, 0, 1] {
            names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(address.bytes))))
        } else if IPv4Address(host) == nil, host != "localhost", !host.contains(":") {
            names.append(.dnsName(host))
        }
        return names
    }
}

/// A dotted-quad IPv4 address, for the certificate's names.
private struct IPv4Address {
    let bytes: [UInt8]

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }
}

public struct ServingIdentityError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
