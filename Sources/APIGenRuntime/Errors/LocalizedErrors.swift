import Foundation

// Foundation's `localizedDescription` of an error that is not a `LocalizedError` is a generic
// text such as "The operation could not be completed", so each error of the runtime returns
// its description instead. The descriptions are in English and contain no secret.

extension CallError: LocalizedError {
    public var errorDescription: String? { description }
}

extension ServiceError: LocalizedError {
    public var errorDescription: String? { ControlCharacterEscaping.escape(description) }
}

extension ValidationError: LocalizedError {
    public var errorDescription: String? { description }
}

extension ResponseDecodingError: LocalizedError {
    public var errorDescription: String? { description }
}

extension CredentialsError: LocalizedError {
    public var errorDescription: String? { description }
}

extension HTTPTransportError: LocalizedError {
    public var errorDescription: String? { description }
}

extension ClientConfigurationError: LocalizedError {
    public var errorDescription: String? { description }
}
