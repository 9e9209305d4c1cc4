import Foundation

/// The check stage: finds every problem of a loaded product that the loader's type checks
/// cannot see, such as a minimum above its maximum or a rule naming an undocumented error code.
public enum SpecChecker {
    /// Members that every generated request or response already has, which a parameter or
    /// field must not shadow.
    static let reservedMembers: Set<String> = [
        "action", "methods", "validate", "wireParameters", "description", "debugDescription",
        "customMirror", "xmlRoot", "reportsFailure", "hashValue", "self", "init", "Type",
        "Protocol",
    ]

    /// Type names that generated code uses unqualified inside an action's request and response
    /// types, from the runtime and the standard library, which a nested object type must not
    /// shadow.
    static let reservedNestedTypeNames: Set<String> = [
        "ASCIICharacterSet", "ActionRequest", "ActionResponse", "Any", "Array", "Bool",
        "Dictionary", "Double", "Error", "ErrorCode", "HTTPMethod", "Int", "Int32", "Int64",
        "Never", "Optional", "PatternRule", "PayloadDecodable", "PayloadField", "PayloadObject",
        "PayloadScalar", "PayloadValue", "Request", "Response", "ResponseDecodingError", "Rules",
        "Secret", "Self", "Sendable", "ServiceErrorCode", "String", "Swift", "ValidationError",
        "ValidationIssue", "WireEncoding", "WireParameter", "WireParameters", "WireValue",
        "APIGenRuntime",
    ]

    /// Type names that an action must not take: the nested ones, and the runtime types that the
    /// product's client uses at the top level of the module.
    static let reservedTypeNames: Set<String> = reservedNestedTypeNames.union([
        "CallError", "Credentials", "HTTPTransport", "ProductDescriptor", "RPCClient",
        "RPCClientOptions", "URLSessionTransport",
    ])

    /// Returns every diagnostic of the product, errors and warnings, in file order.
    public static func check(_ product: ProductSpec) -> [Diagnostic] {
        var checker = Checker()
        checker.checkProduct(product)
        for action in product.actions {
            checker.checkAction(action, product: product)
        }
        var seenActions: [String: ActionSpec] = [:]
        for action in product.actions {
            let typeName = SwiftNaming.upperCamelCase(action.name)
            if reservedTypeNames.contains(typeName) || typeName == product.module
                || typeName == product.module + "Client"
            {
                checker.error(
                    action.location(of: "action"), "$.action",
                    "the action \"\(action.name)\" becomes the Swift type \(typeName), which the runtime, the"
                        + " standard library or the product's module already uses; the generator cannot"
                        + " name it")
            }
            if let first = seenActions[typeName] {
                checker.error(
                    action.location(of: "action"), "$.action",
                    "the action \"\(action.name)\" becomes the Swift type \(typeName), as \"\(first.name)\" in \(first.sourceFile) does; rename one of them"
                )
            }
            seenActions[typeName] = action
        }
        return checker.diagnostics.sorted { $0.location < $1.location }
    }

    /// Checks the product and throws when any diagnostic is an error.
    public static func validate(_ product: ProductSpec) throws(SpecError) -> [Diagnostic] {
        let diagnostics = check(product)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw SpecError(diagnostics)
        }
        return diagnostics
    }
}

struct Checker {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ location: SourceLocation, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, path: path, message))
    }

    mutating func warning(_ location: SourceLocation, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, path: path, message))
    }

    // MARK: - Product

    mutating func checkProduct(_ product: ProductSpec) {
        if product.style != "RPC" {
            error(
                product.location(of: "style"), "$.style",
                "unsupported style \"\(product.style)\"; this generator supports \"RPC\" only")
        }
        if !SwiftNaming.isPlainIdentifier(product.module) {
            error(
                product.location(of: "module"), "$.module",
                "invalid module name \"\(product.module)\"; use letters, digits and underscores, starting with a letter"
            )
        }
        let regions = Set(product.endpoints.map(\.region))
        if product.endpoints.isEmpty {
            error(
                product.location(of: "endpoints"), "$.endpoints",
                "no endpoint; add at least one, such as \"cn-hangzhou\": \"dm.aliyuncs.com\"")
        }
        if !regions.contains(product.defaultRegion) {
            error(
                product.location(of: "defaultRegion"), "$.defaultRegion",
                "the default region \"\(product.defaultRegion)\" has no endpoint; add it to \"endpoints\" or choose one of \(regions.sorted().joined(separator: ", "))"
            )
        }
        for endpoint in product.endpoints where !isValidHost(endpoint.host) {
            error(
                endpoint.location, JSONPath.member(endpoint.region, of: "$.endpoints"),
                "invalid host \"\(endpoint.host)\"; write a host name such as dm.aliyuncs.com, without scheme or path"
            )
        }
        for override in product.apiVersionOverrides where !regions.contains(override.region) {
            error(
                override.location, JSONPath.member(override.region, of: "$.apiVersionOverrides"),
                "the region \"\(override.region)\" has no endpoint; add it to \"endpoints\" or remove the override"
            )
        }
    }

    private func isValidHost(_ host: String) -> Bool {
        !host.isEmpty
            && host.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "." || $0 == "-"
            }
    }

    // MARK: - Action

    mutating func checkAction(_ action: ActionSpec, product: ProductSpec) {
        let file = action.location
        if !SwiftNaming.isPlainIdentifier(action.name) {
            error(
                action.location(of: "action"), "$.action",
                "invalid action name \"\(action.name)\"; use letters and digits, starting with a letter"
            )
        }
        if action.methods.isEmpty {
            error(
                action.location(of: "methods"), "$.methods",
                "no HTTP method; list \"POST\", \"GET\" or both")
        }
        for (index, method) in action.methods.enumerated() {
            if !["GET", "POST"].contains(method) {
                error(
                    action.location(of: "methods"), "$.methods[\(index)]",
                    "unsupported HTTP method \"\(method)\"; use \"POST\" or \"GET\" in upper case")
            } else if action.methods.firstIndex(of: method) != index {
                error(
                    action.location(of: "methods"), "$.methods[\(index)]",
                    "the method \"\(method)\" is listed twice; remove one")
            }
        }
        let errorCodes = checkErrors(action.errors)
        var parameterNames: [String: Int] = [:]
        var identifiers: [String: String] = [:]
        for (index, parameter) in action.parameters.enumerated() {
            let path = "$.parameters[\(index)]"
            if let first = parameterNames[parameter.name] {
                error(
                    parameter.sourceLocation, "\(path).name",
                    "duplicate parameter \"\(parameter.name)\", first at $.parameters[\(first)]; remove or rename one"
                )
                continue
            }
            parameterNames[parameter.name] = index
            if parameter.name == "Action" {
                error(
                    parameter.sourceLocation, "\(path).name",
                    "the parameter \"Action\" is added by the generator; remove it")
            }
            checkIdentifier(
                parameter.name, swiftName: parameter.swiftName, location: parameter.sourceLocation,
                path: "\(path).name", seen: &identifiers)
            checkParameter(parameter, path: path, errorCodes: errorCodes)
        }
        checkFields(
            action.response.fields, path: "$.response.fields", location: file,
            enclosing: [SwiftNaming.upperCamelCase(action.name), "Response"])
        if let flag = action.response.successFlag {
            let field = action.response.fields.first { $0.name == flag }
            if field?.type != .boolean {
                error(
                    action.location(of: "response"), "$.response.successFlag",
                    "the success flag \"\(flag)\" must name a boolean field of the response; add the field"
                        + " or fix the name")
            }
        }
        SampleChecker.check(action, into: &self)
    }

    mutating func checkIdentifier(
        _ name: String,
        swiftName: String?,
        location: SourceLocation,
        path: String,
        seen: inout [String: String]
    ) {
        if let swiftName, !SwiftNaming.isPlainIdentifier(swiftName) {
            error(
                location, path,
                "invalid Swift name \"\(swiftName)\"; use letters, digits and underscores, starting with a letter"
            )
        }
        let identifier = SwiftNaming.bare(SwiftNaming.lowerCamelCase(swiftName ?? name))
        if !SwiftNaming.isValidWireName(name) {
            error(
                location, path,
                "invalid name \"\(name)\"; use ASCII letters, digits, '.', '-' and '_', with at least one"
                    + " letter")
            return
        }
        if let other = seen[identifier] {
            error(
                location, path,
                "\"\(name)\" and \"\(other)\" both become the Swift name \(identifier); rename one of them"
            )
        } else if SpecChecker.reservedMembers.contains(identifier) {
            error(
                location, path,
                "\"\(name)\" becomes \(identifier), which the generated type or Swift itself already uses; rename it"
            )
        }
        seen[identifier] = name
    }

    private mutating func checkErrors(_ errors: [ErrorSpec]) -> Set<String> {
        var codes: [String: Int] = [:]
        var identifiers: [String: String] = [:]
        for (index, entry) in errors.enumerated() {
            let path = "$.errors[\(index)].code"
            if let first = codes[entry.code] {
                error(
                    entry.location, path,
                    "duplicate error code \"\(entry.code)\", first at $.errors[\(first)]; keep one entry"
                )
                continue
            }
            codes[entry.code] = index
            // Codes are matched as sent and only need an ASCII letter or digit for a case name:
            // vendors send codes such as `404` and `ExclusiveParam.%sAnd%s`.
            if !entry.code.unicodeScalars.contains(where: {
                $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0)
            }) {
                error(
                    entry.location, path,
                    "invalid error code \"\(entry.code)\"; a code needs at least one ASCII letter or digit"
                )
                continue
            }
            let identifier = SwiftNaming.errorCaseName(entry.code)
            if let other = identifiers[identifier] {
                error(
                    entry.location, path,
                    "\"\(entry.code)\" and \"\(other)\" both become the Swift case \(identifier); they cannot both be documented"
                )
            }
            identifiers[identifier] = entry.code
        }
        return Set(codes.keys)
    }

    // MARK: - Parameters

    private mutating func checkParameter(
        _ parameter: ParameterSpec, path: String, errorCodes: Set<String>
    ) {
        let location = parameter.sourceLocation
        if parameter.isSecret && parameter.type != .string {
            error(
                location, "\(path).secret",
                "only string parameters can be secret; \"\(parameter.name)\" is \(parameter.type.kindName)"
            )
        }
        switch parameter.type {
        case .array(let element):
            if case .array = element {
                error(
                    location, "\(path).items",
                    "lists of lists are not supported as parameters; wrap the inner list in an object"
                )
            }
            if case .object(let object) = element {
                checkFields(
                    object.fields, path: "\(path).items.fields", location: location,
                    enclosing: ["Request", SwiftNaming.upperCamelCase(object.typeName)])
            }
            if parameter.style == nil {
                error(
                    location, "\(path).style",
                    "a list parameter needs a \"style\": \"repeatList\", \"flat\", \"json\" or \"simple\""
                )
            } else if parameter.style == .simple && !element.isScalar {
                error(
                    location, "\(path).style",
                    "the \"simple\" style joins scalars with commas; use \"repeatList\", \"flat\" or \"json\" for a list of \(element.kindName)s"
                )
            }
        case .object(let object):
            checkFields(
                object.fields, path: "\(path).fields", location: location,
                enclosing: ["Request", SwiftNaming.upperCamelCase(object.typeName)])
            if parameter.style != .flat && parameter.style != .json {
                error(
                    location, "\(path).style",
                    "an object parameter needs a \"style\": \"flat\" or \"json\"")
            }
        case .freeform:
            if parameter.style != .flat && parameter.style != .json {
                error(
                    location, "\(path).style",
                    "a freeform object parameter needs a \"style\": \"flat\" or \"json\"")
            }
        default:
            if let style = parameter.style {
                error(
                    location, "\(path).style",
                    "\"style\": \"\(style.rawValue)\" applies to list and object parameters only; remove it"
                )
            }
        }
        if ![.query, .formData, .body].contains(parameter.location) {
            error(
                location, "\(path).in",
                "parameters in \"\(parameter.location.rawValue)\" are not supported for RPC actions; use \"query\", \"formData\" or \"body\""
            )
        }
        for (index, rule) in parameter.rules.enumerated() {
            let rulePath = "\(path).rules[\(index)]"
            if let code = rule.errorCode, !errorCodes.contains(code) {
                error(
                    rule.location, "\(rulePath).errorCode",
                    "the error code \"\(code)\" is not in the action's error table; add it to \"errors\" or fix the code"
                )
            }
            checkRule(rule, of: parameter, path: rulePath)
        }
    }
}
