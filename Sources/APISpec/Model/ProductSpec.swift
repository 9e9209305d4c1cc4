/// A product, such as DirectMail: where its API is served and the actions it offers.
public struct ProductSpec: Sendable, Hashable, KeyLocated {
    /// The vendor's product code, such as `Dm`.
    public var product: String

    /// The Swift module the generated client belongs to, such as `DirectMail`.
    public var module: String

    /// A one-line description of the product for doc comments.
    public var title: String

    /// The API version the spec describes, such as `2015-11-23`.
    public var apiVersion: String

    /// The protocol style. Only `RPC` is supported.
    public var style: String

    /// The region used when a caller names none.
    public var defaultRegion: String

    /// Each region's endpoint host, in spec order.
    public var endpoints: [Endpoint]

    /// Regions whose endpoint speaks another API version.
    public var apiVersionOverrides: [APIVersionOverride]

    /// Decisions and corrections recorded in the spec.
    public var notes: [String]

    /// The actions, sorted by name once loaded.
    public var actions: [ActionSpec]

    /// The spec file of the product itself, relative to the specs folder.
    public var sourceFile: String

    public var location: SourceLocation

    /// Whether the actions come from vendor metadata, all from one file, rather than from one
    /// spec file each.
    public var isImported = false

    /// The vendor metadata's actions that the importer left out, each with a warning, such as
    /// one with a parameter in a header. The build plugin still expects a file for each.
    public var omittedActions: [String] = []

    /// Where each top-level key of the spec file starts, so that a diagnostic about a whole
    /// value, such as `methods`, points at its key.
    public var keyLocations: [String: SourceLocation] = [:]

    public init(
        product: String, module: String, title: String, apiVersion: String, style: String,
        defaultRegion: String, endpoints: [Endpoint], apiVersionOverrides: [APIVersionOverride],
        notes: [String], actions: [ActionSpec], sourceFile: String, location: SourceLocation
    ) {
        self.product = product
        self.module = module
        self.title = title
        self.apiVersion = apiVersion
        self.style = style
        self.defaultRegion = defaultRegion
        self.endpoints = endpoints
        self.apiVersionOverrides = apiVersionOverrides
        self.notes = notes
        self.actions = actions
        self.sourceFile = sourceFile
        self.location = location
    }
}

/// A region's endpoint host.
public struct Endpoint: Sendable, Hashable {
    public var region: String
    public var host: String
    public var location: SourceLocation

    public init(region: String, host: String, location: SourceLocation) {
        self.region = region
        self.host = host
        self.location = location
    }
}

/// A region whose endpoint speaks another API version than the product's.
public struct APIVersionOverride: Sendable, Hashable {
    public var region: String
    public var apiVersion: String
    public var location: SourceLocation

    public init(region: String, apiVersion: String, location: SourceLocation) {
        self.region = region
        self.apiVersion = apiVersion
        self.location = location
    }
}
