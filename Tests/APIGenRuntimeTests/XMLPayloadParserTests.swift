import APIGenRuntime
import Foundation
import Testing

private let root = "ModifyPWByDomainResponse"

private func parseXML(
    _ text: String,
    limits: DecodingLimits = .default
) throws(ResponseDecodingError) -> PayloadObject {
    try XMLPayloadParser.parse(Array(text.utf8), limits: limits)
}

private func xmlError(_ text: String, limits: DecodingLimits = .default) -> ResponseDecodingError? {
    do {
        _ = try parseXML(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func xmlErrorBytes(_ body: [UInt8]) -> ResponseDecodingError? {
    do {
        _ = try XMLPayloadParser.parse(body)
        return nil
    } catch {
        return error
    }
}

/// Returns the peak resident set size of this process so far, in bytes.
private func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

@Suite struct XMLPayloadParserTests {
    @Test func externalEntityNeverReadsFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("apigen-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "XXE-MARKER-\(UUID().uuidString)"
        let file = directory.appendingPathComponent("secret.txt")
        try Data(marker.utf8).write(to: file)

        let payloads = [
            """
            <?xml version="1.0"?>
            <!DOCTYPE \(root) [<!ENTITY xxe SYSTEM "\(file.absoluteString)">]>
            <\(root)><RequestId>&xxe;</RequestId></\(root)>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE \(root) [<!ENTITY xxe SYSTEM "\(file.path)">]>
            <\(root)><RequestId>&xxe;</RequestId></\(root)>
            """,
            """
            <!DOCTYPE \(root) SYSTEM "\(file.absoluteString)">
            <\(root)><RequestId>x</RequestId></\(root)>
            """,
        ]
        for payload in payloads {
            let error = try #require(xmlError(payload))
            guard case .documentTypeDeclaration(let line, let column) = error else {
                Issue.record("expected documentTypeDeclaration, got \(error)")
                continue
            }
            #expect(line > 0)
            #expect(column > 0)
            #expect(!error.description.contains(marker))
        }
    }

    @Test func billionLaughsFailsFastInBoundedMemory() throws {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...12 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">"
        }
        let payload = "<!DOCTYPE r [\(declarations)]><r><RequestId>&lol12;</RequestId></r>"
        let peakBefore = peakResidentBytes()
        let clock = ContinuousClock()
        let start = clock.now

        let error = xmlError(payload)

        #expect(clock.now - start < .milliseconds(500))
        #expect(peakResidentBytes() - peakBefore < 64 * 1024 * 1024)
        #expect(error == .documentTypeDeclaration(line: 1, column: 13))
    }

    @Test func undeclaredEntityIsMalformed() {
        let error = xmlError("<\(root)><RequestId>&xxe;</RequestId></\(root)>")
        guard case .malformed(.xml, 1, let column, let reason) = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(column > 0)
        #expect(reason.contains("xxe"))
    }

    @Test func bodyOverSizeLimitNamesLimit() {
        let filler = String(repeating: "a", count: 2048)
        let payload = "<\(root)><Message>\(filler)</Message></\(root)>"
        let limits = DecodingLimits(maxBodyBytes: 1024)

        let error = xmlError(payload, limits: limits)

        #expect(error == .limitExceeded(limit: "maxBodyBytes", value: 1024))
        #expect(error?.description.contains("maxBodyBytes limit of 1024") == true)
    }

    @Test func defaultSizeLimitRejectsNineMebibytes() {
        var body = Array("<\(root)><Message>".utf8)
        body += [UInt8](repeating: UInt8(ascii: "a"), count: 9 * 1024 * 1024)
        body += Array("</Message></\(root)>".utf8)
        #expect(throws: ResponseDecodingError.limitExceeded(limit: "maxBodyBytes", value: 8 << 20))
        {
            try XMLPayloadParser.parse(body)
        }
    }

    @Test func deepDocumentFailsAtDepthLimit() {
        let depth = 100_000
        let payload =
            String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(xmlError(payload) == .limitExceeded(limit: "maxDepth", value: 64))
        let custom = DecodingLimits(maxDepth: 3)
        #expect(xmlError("<a><b><c>x</c></b></a>", limits: custom) == nil)
        #expect(
            xmlError("<a><b><c><d/></c></b></a>", limits: custom)
                == .limitExceeded(limit: "maxDepth", value: 3))
    }

    @Test func depthLimitAboveSupportedIsCapped() {
        let depth = 300
        let payload =
            String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let limits = DecodingLimits(maxDepth: 1_000_000)
        #expect(xmlError(payload, limits: limits) == .limitExceeded(limit: "maxDepth", value: 256))
    }

    @Test func textJoinsEverySectionBeforeTrimming() throws {
        let payload = """
            <\(root)><Message>
              first <![CDATA[ <second> ]]><!-- gap -->third&#x20;&amp;<?pi x?>&#x4E2D; 
            </Message></\(root)>
            """
        let object = try parseXML(payload)
        let message = try object.decode(String.self, forKey: "Message")
        #expect(message == "first  <second> third &中")
    }

    @Test func textKeepsNonASCIIIntact() throws {
        let text = "密码已修改 — Ünïcödé 😀 e\u{301}"
        let object = try parseXML("<\(root)><Message>\(text)</Message></\(root)>")
        let message = try object.decode(String.self, forKey: "Message")
        #expect(Array(message.utf8) == Array(text.utf8))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let body = [0xEF, 0xBB, 0xBF] + Array("<\(root)><RequestId>r</RequestId></\(root)>".utf8)
        let object = try XMLPayloadParser.parse(body)
        #expect(try object.decode(String.self, forKey: "RequestId") == "r")
        #expect(object.path == root)
    }

    @Test func controlCharacterReportsPosition() {
        let payload = "<\(root)>\n<Message>a\u{1}b</Message>\n</\(root)>"
        guard case .malformed(.xml, let line, let column, _) = xmlError(payload) else {
            Issue.record("expected malformed")
            return
        }
        #expect(line == 2)
        #expect(column == 11)
    }

    @Test func truncatedDocumentNeverDecodesPartially() {
        let complete = "<\(root)>\n<RequestId>r</RequestId>\n<Message>done</Message>\n</\(root)>"
        // Every proper prefix must fail, including those that end right after an end tag.
        for length in 1..<complete.utf8.count {
            let prefix = String(decoding: Array(complete.utf8).prefix(length), as: UTF8.self)
            guard case .malformed(.xml, let line, let column, _) = xmlError(prefix) else {
                Issue.record("prefix of \(length) bytes did not fail as malformed")
                continue
            }
            #expect(line > 0, "prefix of \(length) bytes")
            #expect(column > 0, "prefix of \(length) bytes")
        }
        #expect(xmlError(complete) == nil)
    }

    @Test func truncatedDocumentNamesOpenElement() {
        let error = xmlError("<\(root)>\n<Message>cut")
        #expect(
            error
                == .malformed(
                    format: .xml, line: 2, column: 13,
                    reason: "the body ends inside the element 'Message'"))
    }

    @Test func truncationAfterWarningNamesOpenElement() {
        // An unsupported version and an undeclared prefix are only a warning and a namespace
        // error in libxml2, so the truncation stays the reported cause.
        let error = xmlError("<?xml version=\"1.1\"?>\n<p:\(root)>\n<Message>cut")
        #expect(
            error
                == .malformed(
                    format: .xml, line: 3, column: 13,
                    reason: "the body ends inside the element 'Message'"))
    }

    @Test func undeclaredPrefixIsAccepted() throws {
        let object = try parseXML("<p:\(root)><p:RequestId>r</p:RequestId></p:\(root)>")
        #expect(object.path == root)
        #expect(try object.decode(String.self, forKey: "RequestId") == "r")
    }

    @Test func presenceRulesFollowDocumentation() throws {
        let payload = """
            <\(root)>
              <Message/>
              <Code>  </Code>
              <Unknown><Deeper><Deepest>x</Deepest></Deeper></Unknown>
              <RequestId>r</RequestId>
            </\(root)>
            """
        let object = try parseXML(payload)
        #expect(try object.decode(String.self, forKey: "Message") == "")
        #expect(try object.decode(String.self, forKey: "Code") == "")
        #expect(try object.decodeIfPresent(String.self, forKey: "HostId") == nil)
        #expect(throws: ResponseDecodingError.missingField(path: "\(root).HostId")) {
            try object.decode(String.self, forKey: "HostId")
        }
        #expect(try object.decode(String.self, forKey: "RequestId") == "r")
    }

    @Test func repeatedScalarIsRejected() throws {
        let object = try parseXML("<\(root)><Code>a</Code><Code>b</Code></\(root)>")
        #expect(throws: ResponseDecodingError.repeatedField(path: "\(root).Code")) {
            try object.decodeIfPresent(String.self, forKey: "Code")
        }
    }

    @Test func mixedContentIsObject() throws {
        let object = try parseXML("<\(root)><Message>Hello <b>world</b>!</Message></\(root)>")
        let expected = ResponseDecodingError.typeMismatch(
            path: "\(root).Message", expected: "a string", found: "an object")
        #expect(throws: expected) {
            try object.decode(String.self, forKey: "Message")
        }
        let message = try #require(try object.singleValue(named: "Message"))
        let inner = PayloadObject(
            format: .xml, path: "", fields: [PayloadField(name: "b", value: .string("world"))])
        #expect(message == .object(inner))
    }

    @Test func rootTextIsDiscarded() throws {
        let object = try parseXML("<\(root)>text only</\(root)>")
        #expect(object.fields.isEmpty)
        #expect(object.path == root)
    }

    @Test func trailingContentIsMalformed() {
        let error = xmlError("<\(root)><RequestId>r</RequestId></\(root)><extra/>")
        guard case .malformed(.xml, 1, let column, _) = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(column > 0)
    }

    @Test func messagesAreOneLine() {
        var body = Array("<\(root)><Message>".utf8)
        body += [0xC3, 0x28]
        body += Array("</Message></\(root)>".utf8)
        do {
            _ = try XMLPayloadParser.parse(body)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.caseName == "malformed")
        }
    }

    @Test func encodingErrorPrintsNothing() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("apigen-stderr-\(UUID().uuidString).txt")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let capture = open(file.path, O_WRONLY)
        let savedStandardError = dup(STDERR_FILENO)
        dup2(capture, STDERR_FILENO)

        // The first four bytes make libxml2 pick EBCDIC, and 0xBC then fails to convert.
        let error = xmlErrorBytes([0x4C, 0x6F, 0xA7, 0x94, 0xBC, 0x3C, 0x61, 0x3E])

        dup2(savedStandardError, STDERR_FILENO)
        close(savedStandardError)
        close(capture)
        let printed = try String(contentsOf: file, encoding: .utf8)
        #expect(printed == "")
        guard case .malformed(.xml, _, _, let reason) = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("input conversion failed"))
    }

    @Test func nonContiguousBodyParses() throws {
        let body = "<\(root)><RequestId>r</RequestId></\(root)>".utf8.lazy.map { $0 }
        let object = try XMLPayloadParser.parse(body)
        #expect(try object.decode(String.self, forKey: "RequestId") == "r")
    }
}
