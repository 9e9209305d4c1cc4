/// A request for one API action, generated from the action's spec.
public protocol ActionRequest: Sendable, CustomStringConvertible {
    /// The decoded body of a successful call.
    associatedtype Response: ActionResponse

    /// The error codes the action's spec documents.
    associatedtype ErrorCode: ServiceErrorCode

    /// The action's wire name, sent as the `Action` parameter.
    static var action: String { get }

    /// The HTTP methods the action accepts, the preferred one first.
    static var methods: [HTTPMethod] { get }

    /// Checks every rule the client can check and throws all broken rules at once.
    func validate() throws(ValidationError)

    /// The action's parameters as they are sent, `Action` included.
    var wireParameters: WireParameters { get }
}

/// A response body of one API action, generated from the action's spec.
public protocol ActionResponse: Sendable {
    /// The root element of the response in XML, such as `ModifyPWByDomainResponse`.
    static var xmlRoot: String { get }

    /// Decodes the response from a parsed payload, whatever its wire format.
    init(from payload: PayloadObject) throws(ResponseDecodingError)

    /// Whether the body itself reports that the call failed, such as `"Success": false`, even
    /// though it was sent with a 2xx status. The spec's `successFlag` names the field.
    var reportsFailure: Bool { get }
}

extension ActionResponse {
    public var reportsFailure: Bool {
        false
    }
}

/// An error code that an action's spec documents, or one it does not.
public protocol ServiceErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// Creates the code for a wire value; unknown values are kept, not rejected.
    init(wireValue: String)

    /// The code as the server sends it, such as `InvalidDomainPassword.Malformed`.
    var wireValue: String { get }

    /// The HTTP status the spec documents for the code, or nil for an undocumented code.
    var httpStatus: Int? { get }

    /// The code's meaning from the spec, or nil for an undocumented code.
    var meaning: String? { get }
}

extension ServiceErrorCode {
    public var description: String {
        wireValue
    }
}

/// An HTTP method that an action accepts.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case post = "POST"
}

/// Where a product's API is served and which API version each region speaks.
public struct ProductDescriptor: Sendable, Hashable {
    /// The vendor's product code, such as `Dm`.
    public var product: String

    /// The API version that the spec was written for, such as `2015-11-23`.
    public var apiVersion: String

    /// The region used when the caller names none.
    public var defaultRegion: String

    /// Each region's endpoint host, such as `dm.aliyuncs.com`.
    public var endpoints: [String: String]

    /// Regions whose endpoint speaks another API version than ``apiVersion``.
    public var apiVersionOverrides: [String: String]

    public init(
        product: String,
        apiVersion: String,
        defaultRegion: String,
        endpoints: [String: String],
        apiVersionOverrides: [String: String] = [:]
    ) {
        self.product = product
        self.apiVersion = apiVersion
        self.defaultRegion = defaultRegion
        self.endpoints = endpoints
        self.apiVersionOverrides = apiVersionOverrides
    }

    /// Returns the API version to send to a region's endpoint.
    public func apiVersion(forRegion region: String) -> String {
        apiVersionOverrides[region] ?? apiVersion
    }
}
