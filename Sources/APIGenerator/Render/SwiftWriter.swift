/// Builds Swift source text line by line, with indentation, wrapped doc comments and at most
/// one blank line in a row, so that the output already satisfies the project's formatter.
struct SwiftWriter {
    static let indentUnit = "    "
    static let lineLength = 100

    private(set) var lines: [String] = []
    private var depth = 0

    var indentation: String {
        String(repeating: Self.indentUnit, count: depth)
    }

    mutating func line(_ text: String) {
        lines.append(text.isEmpty ? "" : indentation + text)
    }

    /// Adds a blank line unless the previous line is blank or opens a block.
    mutating func blank() {
        guard let last = lines.last, !last.isEmpty, !last.hasSuffix("{") else {
            return
        }
        lines.append("")
    }

    /// Writes `header {`, the body one level deeper, and `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header.isEmpty ? "{" : header + " {")
        depth += 1
        body(&self)
        while lines.last == "" {
            lines.removeLast()
        }
        depth -= 1
        line("}")
    }

    /// Writes the body `levels` levels deeper, without braces.
    mutating func indented(_ levels: Int = 1, _ body: (inout SwiftWriter) -> Void) {
        depth += levels
        body(&self)
        depth -= levels
    }

    /// Writes `target = value` on one line, or broken after `=` when that line is too long, as
    /// the formatter breaks an assignment.
    mutating func assignment(_ target: String, _ value: String) {
        let single = "\(target) = \(value)"
        if indentation.count + single.count <= Self.lineLength {
            line(single)
        } else {
            line("\(target) =")
            line(Self.indentUnit + value)
        }
    }

    /// Writes a function or initializer block whose signature ends in an effect such as
    /// `throws(E)`. When `signature effects {` is too long, the effects move to their own line
    /// and the brace below them, as the formatter lays it out.
    mutating func functionBlock(
        _ signature: String,
        effects: String,
        _ body: (inout SwiftWriter) -> Void
    ) {
        let single = "\(signature) \(effects)"
        if indentation.count + single.count + 2 <= Self.lineLength {
            block(single, body)
            return
        }
        line(signature)
        line(Self.indentUnit + effects)
        block("", body)
    }

    /// Writes `switch subject {`, the cases at the same depth as `switch`, and `}`, as the
    /// formatter indents them.
    mutating func switchBlock(_ subject: String, _ body: (inout SwiftWriter) -> Void) {
        line("switch \(subject) {")
        body(&self)
        line("}")
    }

    /// Writes `prefix` followed by a string literal with the given escaped contents, split
    /// into `+`-joined literals on continuation lines when one line would be too long.
    mutating func stringExpression(prefix: String, contents: String, suffix: String = "") {
        let single = prefix + "\"" + contents + "\"" + suffix
        if indentation.count + single.count <= Self.lineLength {
            line(single)
            return
        }
        let continuation = Self.indentUnit
        let width = Self.lineLength - indentation.count - continuation.count - 4 - suffix.count
        let pieces = Self.literalPieces(contents, width: width)
        line(prefix.hasSuffix(" ") ? String(prefix.dropLast()) : prefix)
        for (index, piece) in pieces.enumerated() {
            let joiner = index == 0 ? "" : "+ "
            let end = index == pieces.count - 1 ? suffix : ""
            line(continuation + joiner + "\"" + piece + "\"" + end)
        }
    }

    /// Writes an expression on its own line, splitting a long string literal into `+`-joined
    /// literals on continuation lines, as ``stringExpression(prefix:contents:suffix:)`` does.
    mutating func expression(_ text: String) {
        guard indentation.count + text.count > Self.lineLength, text.hasPrefix("\""),
            text.hasSuffix("\""),
            text.count > 2
        else {
            line(text)
            return
        }
        let contents = String(text.dropFirst().dropLast())
        let width = Self.lineLength - indentation.count - Self.indentUnit.count - 4
        let pieces = Self.literalPieces(contents, width: width)
        for (index, piece) in pieces.enumerated() {
            line((index == 0 ? "" : Self.indentUnit + "+ ") + "\"" + piece + "\"")
        }
    }

    /// Splits a string literal's contents into pieces of at most `width` characters at spaces,
    /// for `+`-joined literals; a longer word stays whole.
    static func literalPieces(_ contents: String, width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        for word in splitKeepingSpaces(contents) {
            if !current.isEmpty && current.count + word.count > width {
                pieces.append(current)
                current = ""
            }
            current += word
        }
        pieces.append(current)
        return pieces
    }

    /// Splits text into words, each keeping the space before it, so that joining the pieces
    /// gives back the text. An escape such as `\(value)` is never split.
    static func splitKeepingSpaces(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == " " && depth == 0 && !current.isEmpty && current != " " {
                words.append(current)
                current = ""
            }
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            current.append(character)
        }
        if !current.isEmpty {
            words.append(current)
        }
        return words
    }

    /// Writes a call, `head` ending with its opening parenthesis: on one line when it fits,
    /// else with the arguments on one continuation line, else with one argument per line, as
    /// the formatter breaks calls. `tail` closes the call, such as `)` or `) ?? []`.
    mutating func call(_ head: String, arguments: [String], tail: String = ")") {
        let joined = arguments.joined(separator: ", ")
        if indentation.count + head.count + joined.count + tail.count <= Self.lineLength {
            line(head + joined + tail)
            return
        }
        line(head)
        let packed = Self.indentUnit + joined + tail
        if indentation.count + packed.count <= Self.lineLength {
            line(packed)
            return
        }
        for (index, argument) in arguments.enumerated() {
            line(Self.indentUnit + argument + (index == arguments.count - 1 ? tail : ","))
        }
    }

    /// Writes `header {`, or, when that is too long, the header broken after its first
    /// conformance with `{` on its own line, as the formatter breaks type declarations.
    mutating func typeBlock(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        guard indentation.count + header.count + 2 > Self.lineLength,
            let comma = header.firstIndex(of: ",")
        else {
            block(header, body)
            return
        }
        line(String(header[...comma]))
        line(Self.indentUnit + header[header.index(after: comma)...].trimmingPrefix(" "))
        line("{")
        depth += 1
        body(&self)
        while lines.last == "" {
            lines.removeLast()
        }
        depth -= 1
        line("}")
    }

    /// Writes `prefix[elements]suffix` on one line when it fits, or one element per line with
    /// trailing commas, as the formatter lays out collection literals.
    mutating func arrayLiteral(prefix: String, elements: [String], suffix: String = "") {
        let single = prefix + "[" + elements.joined(separator: ", ") + "]" + suffix
        if elements.isEmpty || indentation.count + single.count <= Self.lineLength {
            line(single)
            return
        }
        line(prefix + "[")
        let packed = Self.indentUnit + elements.joined(separator: ", ") + ","
        if indentation.count + packed.count <= Self.lineLength {
            line(packed)
        } else {
            for element in elements {
                line(Self.indentUnit + element + ",")
            }
        }
        line("]" + suffix)
    }

    /// Writes a `///` comment, each paragraph wrapped at the line length. An empty paragraph
    /// is a blank comment line; a paragraph starting with `- ` is wrapped as a list item.
    mutating func doc(_ paragraphs: [String]) {
        let prefix = indentation + "/// "
        var first = true
        for paragraph in paragraphs {
            if paragraph.isEmpty {
                let previousIsDoc = lines.last?.hasPrefix(indentation + "///") ?? false
                if (!first || previousIsDoc) && lines.last != indentation + "///" {
                    lines.append(indentation + "///")
                }
                continue
            }
            first = false
            let leading = String(paragraph.prefix { $0 == " " })
            let body = String(paragraph.dropFirst(leading.count))
            let hanging = leading + (body.hasPrefix("- ") ? "  " : "")
            let width = Self.lineLength - prefix.count - hanging.count
            for (index, wrapped) in Self.wrap(body, width: width).enumerated() {
                lines.append(prefix + (index == 0 ? leading : hanging) + wrapped)
            }
        }
    }

    /// Writes a `///` comment from a summary and further paragraphs, with blank comment lines
    /// between them.
    mutating func doc(summary: String, _ paragraphs: [String] = []) {
        var all = [summary]
        for paragraph in paragraphs where !paragraph.isEmpty {
            all.append("")
            all.append(paragraph)
        }
        doc(all)
    }

    /// Writes a `///` list with one item per entry, each item wrapped with a hanging indent.
    mutating func docList(_ items: [String]) {
        doc(items.map { "- " + $0 })
    }

    /// Splits text into lines of at most `width` characters at spaces; a longer word stays whole.
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty {
            result.append(current)
        }
        return result.isEmpty ? [""] : result
    }

    /// The text, ending with one newline.
    var text: String {
        var copy = lines
        while copy.last == "" {
            copy.removeLast()
        }
        return copy.joined(separator: "\n") + "\n"
    }
}

/// Swift literal syntax for generated code.
enum SwiftLiteral {
    /// Returns a string literal, escaping quotes, backslashes and control characters.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}":
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Returns text safe to put in a `///` comment: newlines become spaces, and runs of
    /// spaces collapse.
    static func docText(_ value: String) -> String {
        // Character's properties, unlike a comparison with "\n", also match "\r\n" and the
        // Unicode line and paragraph separators, any of which would end the comment.
        value.split { $0.isNewline || $0.isWhitespace }.joined(separator: " ")
    }
}
