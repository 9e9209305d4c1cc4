/// The checks of response fields and object members: names, Swift identifiers and nested
/// types.
extension Checker {
    /// Checks fields and their nested object types. `enclosing` lists the Swift types the
    /// fields sit in, outermost first, which a nested type must not repeat.
    mutating func checkFields(
        _ fields: [FieldSpec],
        path: String,
        location: SourceLocation,
        enclosing: [String]
    ) {
        var names: [String: Int] = [:]
        var identifiers: [String: String] = [:]
        var nestedTypes: [String: String] = [:]
        for (index, field) in fields.enumerated() {
            let fieldPath = "\(path)[\(index)]"
            if let first = names[field.name] {
                error(
                    field.sourceLocation, "\(fieldPath).name",
                    "duplicate field \"\(field.name)\", first at \(path)[\(first)]; remove or rename one"
                )
                continue
            }
            names[field.name] = index
            checkIdentifier(
                field.name, swiftName: field.swiftName, location: field.sourceLocation,
                path: "\(fieldPath).name", seen: &identifiers)
            var type = field.type
            var typePath = fieldPath
            if case .array(let element) = type {
                type = element
                typePath += ".items"
            }
            if case .object(let object) = type {
                let swiftName = SwiftNaming.upperCamelCase(object.typeName)
                if !SwiftNaming.isPlainIdentifier(object.typeName) {
                    error(
                        field.sourceLocation, "\(typePath).typeName",
                        "invalid type name \"\(object.typeName)\"; use letters and digits, starting with a letter"
                    )
                } else if SpecChecker.reservedNestedTypeNames.contains(swiftName)
                    || enclosing.contains(swiftName)
                {
                    error(
                        field.sourceLocation, "\(typePath).typeName",
                        "the type name \"\(object.typeName)\" is already used by the runtime, the standard"
                            + " library or an enclosing type; set \"typeName\" to another name")
                } else if let other = nestedTypes[swiftName] {
                    error(
                        field.sourceLocation, "\(typePath).typeName",
                        "the fields \"\(other)\" and \"\(field.name)\" both declare the type \(swiftName);"
                            + " give one of them another \"typeName\"")
                }
                nestedTypes[swiftName] = field.name
                checkFields(
                    object.fields, path: "\(typePath).fields", location: field.sourceLocation,
                    enclosing: enclosing + [swiftName])
            }
            if case .array = type {
                error(
                    field.sourceLocation, "\(typePath)",
                    "lists of lists are not supported; wrap the inner list in an object")
            }
            if case .freeform = type {
                if typePath != fieldPath {
                    error(
                        field.sourceLocation, typePath,
                        "lists of freeform objects are not supported; list the object's fields")
                } else if field.isRequired {
                    error(
                        field.sourceLocation, "\(fieldPath).required",
                        "a freeform field cannot be required; remove \"required\"")
                }
            }
        }
    }
}
