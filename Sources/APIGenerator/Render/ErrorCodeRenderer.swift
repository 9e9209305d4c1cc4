import APISpec

/// Renders an action's error table as an enum whose unknown codes are kept, not lost.
struct ErrorCodeRenderer {
    let action: ActionSpec
    let typeName: String

    func render(into writer: inout SwiftWriter) {
        let cases = action.errors.map { (entry: $0, name: SwiftNaming.errorCaseName($0.code)) }
        writer.block("extension \(typeName)") { writer in
            writer.doc(
                summary: "The error codes that `\(action.name)` documents.",
                [
                    "A code the spec does not list decodes as `undocumented` with the code as sent."
                ])
            writer.block("public enum ErrorCode: ServiceErrorCode") { writer in
                for item in cases {
                    writer.doc(
                        summary: SwiftLiteral.docText(item.entry.meaning),
                        [
                            "Wire code `\(item.entry.code)`, HTTP status \(item.entry.httpStatus)."
                        ])
                    writer.line("case \(item.name)")
                    writer.blank()
                }
                writer.doc(
                    summary: "A code that the spec does not document, as the server sent it.")
                writer.line("case undocumented(String)")
                writer.blank()
                writer.doc(summary: "The documented codes, in the spec's order.")
                writer.arrayLiteral(
                    prefix: "public static let documented: [ErrorCode] = ",
                    elements: cases.map { ".\(SwiftNaming.bare($0.name))" })
                writer.blank()
                writer.block("public init(wireValue: String)") { writer in
                    writer.switchBlock("wireValue") { writer in
                        for item in cases {
                            let label = "case \(SwiftLiteral.string(item.entry.code)):"
                            let assignment = "self = .\(SwiftNaming.bare(item.name))"
                            let line = label + " " + assignment
                            if writer.indentation.count + line.count <= SwiftWriter.lineLength {
                                writer.line(line)
                            } else {
                                writer.line(label)
                                writer.line(SwiftWriter.indentUnit + assignment)
                            }
                        }
                        writer.line("default: self = .undocumented(wireValue)")
                    }
                }
                writer.blank()
                renderSwitch("public var wireValue: String", cases: cases, into: &writer) {
                    SwiftLiteral.string($0.code)
                } undocumented: {
                    "case .undocumented(let code): code"
                }
                writer.blank()
                renderSwitch("public var httpStatus: Int?", cases: cases, into: &writer) {
                    String($0.httpStatus)
                } undocumented: {
                    "case .undocumented: nil"
                }
                writer.blank()
                renderSwitch("public var meaning: String?", cases: cases, into: &writer) {
                    SwiftLiteral.string($0.meaning)
                } undocumented: {
                    "case .undocumented: nil"
                }
            }
        }
    }

    private func renderSwitch(
        _ signature: String,
        cases: [(entry: ErrorSpec, name: String)],
        into writer: inout SwiftWriter,
        value: (ErrorSpec) -> String,
        undocumented: () -> String
    ) {
        writer.block(signature) { writer in
            writer.switchBlock("self") { writer in
                for item in cases {
                    let line = "case .\(SwiftNaming.bare(item.name)): \(value(item.entry))"
                    if writer.indentation.count + line.count <= SwiftWriter.lineLength {
                        writer.line(line)
                    } else {
                        writer.line("case .\(SwiftNaming.bare(item.name)):")
                        writer.indented { writer in
                            writer.expression(value(item.entry))
                        }
                    }
                }
                writer.line(undocumented())
            }
        }
    }
}
