import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks that each sample payload of an action decodes with the action's response fields.
///
/// The rules are those of the generated decoders. XML scalars are trimmed text. JSON Booleans
/// and numbers may also be strings that hold the same text. Null is the same as absent, and
/// unknown fields are skipped.
enum SampleChecker {
    /// A parsed sample, reduced to what the rules look at.
    indirect enum Node {
        case object([(String, Node)])
        case array([Node])
        case scalar(String, isJSONString: Bool)
        case bool(Bool)
        case null
    }

    static func check(_ action: ActionSpec, into checker: inout Checker) {
        for (index, sample) in action.samples.enumerated() {
            let path = "$.samples[\(index)].body"
            let node: Node
            switch parse(sample) {
            case .success(let parsed):
                node = parsed
            case .failure(let reason):
                checker.error(
                    sample.location, path,
                    "the sample \"\(sample.name)\" is not valid \(sample.format.rawValue.uppercased()): \(reason)"
                )
                continue
            }
            if (200..<300).contains(sample.httpStatus) {
                if sample.format == .xml, case .object(let members) = node,
                    let root = members.first?.0, root != action.response.xmlRoot
                {
                    checker.error(
                        sample.location, path,
                        "the sample \"\(sample.name)\" has the root element <\(root)>, expected <\(action.response.xmlRoot)>; fix the sample or \"xmlRoot\""
                    )
                }
                let content = sample.format == .xml ? rootContent(node) : node
                for problem in problems(in: content, fields: action.response.fields, path: "") {
                    checker.error(
                        sample.location, path,
                        "the sample \"\(sample.name)\" does not decode: \(problem)")
                }
            } else {
                checkErrorSample(sample, node: node, action: action, path: path, into: &checker)
            }
        }
    }

    private static func checkErrorSample(
        _ sample: SamplePayload,
        node: Node,
        action: ActionSpec,
        path: String,
        into checker: inout Checker
    ) {
        let content = sample.format == .xml ? rootContent(node) : node
        guard case .object(let members) = content,
            let codeNode = members.first(where: { $0.0 == "Code" })?.1,
            case .scalar(let code, _) = codeNode
        else {
            checker.error(
                sample.location, path,
                "the error sample \"\(sample.name)\" has no \"Code\" field; add one")
            return
        }
        guard let documented = action.errors.first(where: { $0.code == code }) else {
            checker.warning(
                sample.location, path,
                "the error sample \"\(sample.name)\" has the undocumented code \"\(code)\"; add it to \"errors\""
            )
            return
        }
        if documented.httpStatus != sample.httpStatus {
            checker.error(
                sample.location, "$.samples",
                "the error sample \"\(sample.name)\" is answered with HTTP \(sample.httpStatus), but \"\(code)\" is documented with \(documented.httpStatus); make them agree"
            )
        }
    }

    private static func rootContent(_ node: Node) -> Node {
        if case .object(let members) = node, let root = members.first {
            return root.1
        }
        return node
    }

    private static func problems(in node: Node, fields: [FieldSpec], path: String) -> [String] {
        let members: [(String, Node)]
        switch node {
        case .object(let values):
            members = values
        case .scalar("", false):
            members = []
        default:
            return ["'\(path.isEmpty ? "the body" : path)' is not an object"]
        }
        var result: [String] = []
        for field in fields {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            let values = members.filter { $0.0 == field.name }.map(\.1).filter {
                if case .null = $0 { return false }
                return true
            }
            if values.isEmpty {
                if field.isRequired {
                    result.append("the required field '\(fieldPath)' is missing")
                }
                continue
            }
            if case .array(let element) = field.type {
                result += listProblems(values, element: element, field: field, path: fieldPath)
                continue
            }
            if values.count > 1 {
                result.append("the field '\(fieldPath)' appears more than once")
                continue
            }
            result += valueProblems(values[0], type: field.type, path: fieldPath)
        }
        return result
    }

    private static func listProblems(
        _ values: [Node], element: TypeSpec, field: FieldSpec, path: String
    ) -> [String] {
        var items: [Node] = values
        if values.count == 1 {
            switch values[0] {
            case .array(let elements):
                items = elements
            case .object(let wrapper) where field.itemName != nil:
                items = wrapper.filter { $0.0 == field.itemName }.map(\.1)
                if items.count == 1, case .array(let elements) = items[0] {
                    items = elements
                }
            case .scalar("", false) where field.itemName != nil:
                items = []
            default:
                break
            }
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            result += valueProblems(item, type: element, path: "\(path)[\(index)]")
        }
        return result
    }

    private static func valueProblems(_ node: Node, type: TypeSpec, path: String) -> [String] {
        switch (type, node) {
        case (.object(let object), _):
            return problems(in: node, fields: object.fields, path: path)
        case (.freeform, _):
            return []
        case (.string, .scalar(_, _)):
            return []
        case (.boolean, .bool):
            return []
        case (.boolean, .scalar(let text, _)) where text == "true" || text == "false":
            return []
        case (.integer(.int32), .scalar(let text, _)) where Int32(text) != nil:
            return []
        case (.integer(.int64), .scalar(let text, _)) where Int64(text) != nil:
            return []
        case (.number, .scalar(let text, _)) where Double(text) != nil:
            return []
        case (_, .scalar(let text, _)):
            return [
                "the field '\(path)' has the value \"\(text)\", which is not a valid \(type.kindName)"
            ]
        case (_, .bool(let flag)):
            return ["the field '\(path)' is the Boolean \(flag), expected a \(type.kindName)"]
        default:
            return ["the field '\(path)' does not hold a \(type.kindName)"]
        }
    }

    // MARK: - Parsing

    private static func parse(_ sample: SamplePayload) -> Result<Node, SampleParseError> {
        switch sample.format {
        case .json:
            do {
                let json = try LocatedJSONParser.parse(sample.body, file: "sample")
                return .success(node(from: json))
            } catch {
                let first = error.diagnostics.first
                let position =
                    first.map {
                        "line \($0.location.line), column \($0.location.column) of the body: "
                    } ?? ""
                return .failure(
                    SampleParseError(description: position + (first?.message ?? "invalid JSON")))
            }
        case .xml:
            return XMLSampleParser.parse(sample.body)
        }
    }

    private static func node(from json: LocatedJSON) -> Node {
        switch json.value {
        case .object(let members): .object(members.map { ($0.key, node(from: $0.value)) })
        case .array(let items): .array(items.map(node(from:)))
        case .string(let text): .scalar(text, isJSONString: true)
        case .number(let text): .scalar(text, isJSONString: false)
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }
}

struct SampleParseError: Error, CustomStringConvertible {
    var description: String
}

/// Reads an XML sample into ``SampleChecker/Node`` with Foundation's `XMLParser`, refusing
/// document type declarations as the runtime does.
private final class XMLSampleParser: NSObject, XMLParserDelegate {
    private var stack: [(name: String, children: [(String, SampleChecker.Node)], text: String)] = [
        ("", [], "")
    ]
    private var failure: String?

    static func parse(_ body: String) -> Result<SampleChecker.Node, SampleParseError> {
        if body.contains("<!DOCTYPE") {
            return .failure(
                SampleParseError(description: "document type declarations are not accepted"))
        }
        let delegate = XMLSampleParser()
        let parser = XMLParser(data: Data(body.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() || delegate.failure != nil {
            let reason =
                delegate.failure ?? parser.parserError.map { "\($0.localizedDescription)" }
                ?? "not well-formed"
            return .failure(SampleParseError(description: "line \(parser.lineNumber): \(reason)"))
        }
        return .success(.object(delegate.stack[0].children))
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        stack.append((elementName, [], ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        stack[stack.count - 1].text += String(decoding: block, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        let frame = stack.removeLast()
        let node: SampleChecker.Node =
            frame.children.isEmpty
            ? .scalar(
                frame.text.trimmingCharacters(in: .whitespacesAndNewlines), isJSONString: false)
            : .object(frame.children)
        stack[stack.count - 1].children.append((frame.name, node))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failure = failure ?? parseError.localizedDescription
    }
}
