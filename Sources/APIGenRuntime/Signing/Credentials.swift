import Foundation

/// An access key pair, and a security token when the key is temporary (from STS).
///
/// `description`, `debugDescription` and `dump` show the access key ID only, never the
/// secret or the token.
public struct Credentials: Sendable, Hashable {
    /// The environment variable that ``fromEnvironment(_:)`` reads the access key ID from.
    public static let accessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID"

    /// The environment variable that ``fromEnvironment(_:)`` reads the access key secret from.
    public static let accessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"

    /// The optional environment variable that ``fromEnvironment(_:)`` reads the token from.
    public static let securityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN"

    public var accessKeyId: String
    public var accessKeySecret: Secret
    /// The STS security token, sent as `SecurityToken` (V2) or `x-acs-security-token` (V3).
    public var securityToken: Secret?

    public init(accessKeyId: String, accessKeySecret: Secret, securityToken: Secret? = nil) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
    }

    /// Reads the credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`,
    /// `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and, when set and not empty,
    /// `ALIBABA_CLOUD_SECURITY_TOKEN`.
    ///
    /// - Parameter environment: The variables to read, the process environment by default.
    /// - Throws: ``CredentialsError`` naming the first required variable that is unset or empty.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CredentialsError) -> Credentials {
        guard let accessKeyId = environment[accessKeyIdVariable] else {
            throw .missingVariable(accessKeyIdVariable)
        }
        guard !accessKeyId.isEmpty else {
            throw .emptyVariable(accessKeyIdVariable)
        }
        guard let secret = environment[accessKeySecretVariable] else {
            throw .missingVariable(accessKeySecretVariable)
        }
        guard !secret.isEmpty else {
            throw .emptyVariable(accessKeySecretVariable)
        }
        let token = environment[securityTokenVariable].flatMap { $0.isEmpty ? nil : Secret($0) }
        return Credentials(
            accessKeyId: accessKeyId, accessKeySecret: Secret(secret), securityToken: token)
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let token = securityToken == nil ? "none" : Secret.redactedText
        return "Credentials(accessKeyId: \(accessKeyId), accessKeySecret: \(Secret.redactedText),"
            + " securityToken: \(token))"
    }

    public var debugDescription: String {
        description
    }
}

extension Credentials: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}

/// Credentials that could not be read from the environment. Messages name the variable,
/// never a value.
public enum CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The variable is not set.
    case missingVariable(String)

    /// The variable is set to the empty string.
    case emptyVariable(String)

    public var description: String {
        switch self {
        case .missingVariable(let name):
            "the environment variable \(name) is not set; export it or pass Credentials directly"
        case .emptyVariable(let name):
            "the environment variable \(name) is empty; set it or pass Credentials directly"
        }
    }
}
