import APIGenRuntime
import Foundation
import Testing

private func parseJSON(
    _ bytes: [UInt8],
    limits: DecodingLimits = .default
) throws(ResponseDecodingError) -> PayloadObject {
    try JSONPayloadParser.parse(bytes, limits: limits)
}

private func jsonError(_ bytes: [UInt8], limits: DecodingLimits = .default)
    -> ResponseDecodingError?
{
    do {
        _ = try parseJSON(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func jsonError(_ text: String, limits: DecodingLimits = .default) -> ResponseDecodingError?
{
    jsonError(Array(text.utf8), limits: limits)
}

@Suite struct JSONPayloadParserTests {
    @Test func millionOpenBracketsFailWithoutOverflow() {
        let brackets = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(jsonError(brackets) == .topLevelNotObject(found: "an array"))
        let nested = Array(#"{"RequestId":"#.utf8) + brackets
        #expect(jsonError(nested) == .limitExceeded(limit: "maxDepth", value: 64))
        let unbounded = DecodingLimits(maxDepth: .max)
        #expect(
            jsonError(nested, limits: unbounded) == .limitExceeded(limit: "maxDepth", value: 256))
    }

    @Test func supportedDepthFitsSmallThreadStack() async {
        let depth = DecodingLimits.maxSupportedDepth
        let body =
            Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("1".utf8)
            + Array(String(repeating: "}", count: depth).utf8)
        let limits = DecodingLimits(maxDepth: depth)
        // 512 KiB is the default stack of a secondary thread on macOS. A recursive parser
        // overflowed it at this depth in a debug build.
        let succeeded = await withCheckedContinuation { continuation in
            let thread = Thread {
                let parsed = (try? JSONPayloadParser.parse(body, limits: limits)) != nil
                continuation.resume(returning: parsed)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(succeeded)
    }

    @Test func depthLimitCountsRootAsOne() {
        let limits = DecodingLimits(maxDepth: 2)
        #expect(jsonError(#"{"a":[1]}"#, limits: limits) == nil)
        #expect(
            jsonError(#"{"a":[[1]]}"#, limits: limits)
                == .limitExceeded(limit: "maxDepth", value: 2))
    }

    @Test func duplicateKeyReportsFullPath() {
        let cases: [(body: String, path: String)] = [
            (#"{"A":1,"A":2}"#, "A"),
            (#"{"Data":{"Item":[{"Name":"a","Name":"b"}]}}"#, "Data.Item[0].Name"),
            (#"{"Data":{"Item":[{},{"X":{"Name":1,"Name":2}}]}}"#, "Data.Item[1].X.Name"),
            (#"{"Data":[[0],[1,{"B":1,"B":2}]]}"#, "Data[1][1].B"),
            (#"{"A\u0042":1,"AB":2}"#, "AB"),
        ]
        for (body, path) in cases {
            #expect(jsonError(body) == .duplicateKey(path: path), "\(body)")
        }
    }

    @Test func duplicateKeyFoundInLargeObject() {
        let keys = (0..<1000).map { #""K\#($0)":\#($0)"# }
        let unique = "{" + keys.joined(separator: ",") + "}"
        #expect(jsonError(unique) == nil)
        let repeated = "{" + keys.joined(separator: ",") + #","K999":0}"#
        #expect(jsonError(repeated) == .duplicateKey(path: "K999"))
        let early = "{" + keys.joined(separator: ",") + #","K3":0}"#
        #expect(jsonError(early) == .duplicateKey(path: "K3"))
    }

    @Test func invalidUTF8IsMalformed() {
        let cases: [[UInt8]] = [
            [0xFF],  // never valid
            [0xC0, 0xAF],  // overlong '/'
            [0xE0, 0x80, 0xAF],  // overlong '/'
            [0xED, 0xA0, 0x80],  // UTF-8 encoded surrogate U+D800
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xC3],  // truncated sequence
            [0x80],  // lone continuation byte
        ]
        for bytes in cases {
            let inValue = Array(#"{"Message":""#.utf8) + bytes + Array(#""}"#.utf8)
            let inKey = Array(#"{""#.utf8) + bytes + Array(#"":1}"#.utf8)
            for body in [inValue, inKey] {
                guard case .malformed(.json, 1, _, let reason) = jsonError(body) else {
                    Issue.record("\(bytes) was not rejected as malformed")
                    continue
                }
                #expect(reason == "a string is not valid UTF-8")
            }
        }
    }

    @Test func loneSurrogateEscapesAreMalformed() {
        for escape in [#"\uD800"#, #"\uDBFF\u0041"#, #"\uDC00"#, #"\uDFFF\uD800"#, #"\uD800\n"#] {
            let body = #"{"Message":""# + escape + #""}"#
            guard case .malformed(.json, _, _, _) = jsonError(body) else {
                Issue.record("\(escape) was not rejected as malformed")
                continue
            }
        }
    }

    @Test func surrogatePairEscapeDecodes() throws {
        let object = try parseJSON(Array(#"{"Message":"\uD83D\uDE00\u00E9\u4E2D"}"#.utf8))
        #expect(try object.decode(String.self, forKey: "Message") == "😀é中")
    }

    @Test func nullIsAbsent() throws {
        let object = try parseJSON(Array(#"{"RequestId":null,"Code":null}"#.utf8))
        #expect(try object.decodeIfPresent(String.self, forKey: "Code") == nil)
        #expect(throws: ResponseDecodingError.missingField(path: "RequestId")) {
            try object.decode(String.self, forKey: "RequestId")
        }
    }

    @Test func wrongTypeIsTypeMismatch() throws {
        let object = try parseJSON(Array(#"{"A":1,"B":true,"C":{},"D":[],"E":"1"}"#.utf8))
        for key in ["A", "B", "C", "D"] {
            #expect(throws: ResponseDecodingError.self) {
                try object.decode(String.self, forKey: key)
            }
        }
        #expect(
            throws: ResponseDecodingError.typeMismatch(
                path: "B", expected: "a string", found: "a Boolean")
        ) {
            try object.decode(String.self, forKey: "B")
        }
        #expect(
            throws: ResponseDecodingError.typeMismatch(
                path: "C", expected: "a 64-bit integer", found: "an object")
        ) {
            try object.decode(Int64.self, forKey: "C")
        }
        #expect(try object.decode(Int64.self, forKey: "E") == 1)
    }

    @Test func booleansAcceptOnlyTrueAndFalse() throws {
        let object = try parseJSON(
            Array(
                #"{"T":true,"F":false,"ST":"true","SF":"false","N1":1,"N0":0,"Up":"TRUE","Y":"yes"}"#
                    .utf8))
        #expect(try object.decode(Bool.self, forKey: "T") == true)
        #expect(try object.decode(Bool.self, forKey: "F") == false)
        #expect(try object.decode(Bool.self, forKey: "ST") == true)
        #expect(try object.decode(Bool.self, forKey: "SF") == false)
        for key in ["N1", "N0", "Up", "Y"] {
            #expect(throws: ResponseDecodingError.self, "\(key)") {
                try object.decode(Bool.self, forKey: key)
            }
        }
        #expect(
            throws: ResponseDecodingError.invalidValue(
                path: "N1", expected: "a Boolean (true or false)", value: "1")
        ) {
            try object.decode(Bool.self, forKey: "N1")
        }
    }

    @Test func hugeNumbersFailTyped() throws {
        let long = String(repeating: "9", count: 65)
        #expect(
            jsonError(#"{"N":\#(long)}"#) == .limitExceeded(limit: "maxNumberLength", value: 64))
        let object = try parseJSON(Array(#"{"Big":1e400,"Wide":99999999999999999999}"#.utf8))
        #expect(
            throws: ResponseDecodingError.invalidValue(
                path: "Big", expected: "a number", value: "1e400")
        ) {
            try object.decode(Double.self, forKey: "Big")
        }
        #expect(
            throws: ResponseDecodingError.invalidValue(
                path: "Wide", expected: "a 64-bit integer", value: "99999999999999999999")
        ) {
            try object.decode(Int64.self, forKey: "Wide")
        }
    }

    @Test func topLevelOtherThanObjectIsRejected() {
        let cases: [(body: String, found: String)] = [
            ("[]", "an array"),
            (#""text""#, "a string"),
            ("42", "a number"),
            ("true", "a Boolean"),
            ("null", "null"),
        ]
        for (body, found) in cases {
            #expect(jsonError(body) == .topLevelNotObject(found: found), "\(body)")
        }
    }

    @Test func malformedReportsLineAndColumn() {
        let body = "{\n  \"RequestId\": \"r\",\n  \"Message\": tru\n}"
        #expect(
            jsonError(body)
                == .malformed(
                    format: .json, line: 3, column: 14, reason: "invalid literal, expected true"))
    }

    @Test func bodyOverSizeLimitNamesLimit() {
        let body = #"{"Message":"\#(String(repeating: "a", count: 100))"}"#
        #expect(
            jsonError(body, limits: DecodingLimits(maxBodyBytes: 64))
                == .limitExceeded(limit: "maxBodyBytes", value: 64))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let object = try parseJSON([0xEF, 0xBB, 0xBF] + Array(#" {"RequestId":"r"}"#.utf8))
        #expect(try object.decode(String.self, forKey: "RequestId") == "r")
    }
}
