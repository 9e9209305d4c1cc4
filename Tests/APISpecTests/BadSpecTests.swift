import Foundation
import Testing

@testable import APISpec

@Suite("Spec checks")
struct BadSpecTests {
    @Test("valid fixture has no diagnostics")
    func validFixture() {
        #expect(diagnostics() == [])
    }

    @Test("invalid JSON points at the position")
    func invalidJSON() {
        let found = diagnostics(
            action: action(
                replacing: #""summary": "Sets a name.","#, with: #""summary": "Sets a name.""#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:4:3: error: $.summary: invalid JSON: expected ',' or '}' after the value of \"summary\""
            ])
    }

    @Test("unknown key suggests the closest known key")
    func unknownKey() {
        let found = diagnostics(
            action: action(replacing: #""required": true,"#, with: #""requird": true,"#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:9:7: error: $.parameters[0].requird: unknown key \"requird\"; did you mean \"required\"?"
            ])
    }

    @Test("wrong type names the value")
    func wrongType() {
        let found = diagnostics(
            action: action(replacing: #""required": true,"#, with: #""required": "yes","#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:9:19: error: $.parameters[0].required: expected true or false, found a string \"yes\""
            ])
    }

    @Test("min above max is rejected")
    func minAboveMax() {
        let found = diagnostics(
            action: action(replacing: #""min": 1, "max": 8"#, with: #""min": 9, "max": 8"#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:12:9: error: $.parameters[0].rules[0].min: the min 9 is above the max 8; swap them"
            ])
    }

    @Test("duplicate JSON key is rejected")
    func duplicateKey() {
        let found = diagnostics(
            action: action(
                replacing: #""summary": "Sets a name.","#, with: #""summary": "a", "summary": "b","#
            ))
        #expect(found.count == 1)
        #expect(
            found.first?.contains(
                "error: $.summary: duplicate key \"summary\", first given at line 3") == true)
    }

    @Test("duplicate parameter is rejected")
    func duplicateParameter() {
        let parameter = #"{ "name": "Name", "type": "string", "description": "Again." }"#
        let found = diagnostics(
            action: action(replacing: #""parameters": ["#, with: #""parameters": [\#(parameter),"#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains(
                "$.parameters[1].name: duplicate parameter \"Name\", first at $.parameters[0]")
                == true)
    }

    @Test("duplicate error code is rejected")
    func duplicateErrorCode() {
        let entry = #"{ "code": "InvalidName", "httpStatus": 400, "meaning": "Again." },"#
        let found = diagnostics(
            action: action(replacing: #""errors": ["#, with: #""errors": [\#(entry)"#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains("$.errors[1].code: duplicate error code \"InvalidName\"") == true)
    }

    @Test("rule naming an unknown error code is rejected")
    func unknownErrorCode() {
        let found = diagnostics(
            action: action(
                replacing: #""errorCode": "InvalidName""#, with: #""errorCode": "InvalidNme""#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:12:9: error: $.parameters[0].rules[0].errorCode: the error code \"InvalidNme\" is not in the action's error table; add it to \"errors\" or fix the code"
            ])
    }

    @Test("names colliding as Swift identifiers are rejected")
    func identifierCollision() {
        let parameter = #"{ "name": "name", "type": "string", "description": "Lower case." },"#
        let found = diagnostics(
            action: action(replacing: #""parameters": ["#, with: #""parameters": [\#(parameter)"#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains(
                "\"Name\" and \"name\" both become the Swift name name; rename one of them") == true
        )
    }

    @Test("sample that does not decode is rejected")
    func sampleDoesNotDecode() {
        let found = diagnostics(
            action: action(replacing: #"\"Success\": \"true\""#, with: #"\"Success\": \"yes\""#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains(
                "$.samples[0].body: the sample \"ok\" does not decode: the field 'Success' has the value \"yes\", which is not a valid boolean"
            ) == true)
    }

    @Test("sample missing a required field is rejected")
    func sampleMissingField() {
        let found = diagnostics(action: action(replacing: #"\"RequestId\": \"r\", "#, with: ""))
        #expect(found.first?.contains("the required field 'RequestId' is missing") == true)
    }

    @Test("unknown rule kind suggests the closest kind")
    func unknownRuleKind() {
        let found = diagnostics(
            action: action(replacing: #""kind": "length""#, with: #""kind": "lenght""#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains("unknown rule kind \"lenght\"; did you mean \"length\"?") == true)
    }

    @Test("rule on the wrong type is rejected")
    func ruleOnWrongType() {
        let found = diagnostics(
            action: action(
                replacing: #""type": "string",\#n      "required": true"#,
                with: #""type": "integer",\#n      "required": true"#))
        #expect(
            found.first?.contains("a \"length\" rule applies to strings; \"Name\" is integer")
                == true)
    }

    @Test("unsupported style is rejected")
    func unsupportedStyle() {
        let found = diagnostics(
            product: productJSON.replacingOccurrences(of: #""RPC""#, with: #""ROA""#))
        #expect(
            found == [
                "Specs/Demo/product.json:1:1: error: $.style: unsupported style \"ROA\"; this generator supports \"RPC\" only"
            ])
    }

    @Test("every problem of a file is reported at once")
    func everyProblemAtOnce() {
        var broken = action(replacing: #""required": true,"#, with: #""requird": true,"#)
        broken = broken.replacingOccurrences(
            of: #""summary": "Sets a name.""#, with: #""summary": 5"#)
        #expect(diagnostics(action: broken).count == 2)
    }

    @Test(
        "hostile inputs never crash the loader",
        arguments: [
            "", "{", "[", "\"", "{\"a\":", String(repeating: "[", count: 10_000),
            "{\"action\": 1e999999}",
            "\u{FEFF}{}", "{\"a\":\"\\ud800\"}", "nul", "{\"a\":01}", "{} {}",
        ])
    func hostileInputs(text: String) {
        #expect(!diagnostics(action: text).isEmpty)
    }
}
