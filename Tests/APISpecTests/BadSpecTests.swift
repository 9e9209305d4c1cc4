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
                "Specs/Demo/product.json:7:3: error: $.style: unsupported style \"ROA\"; this generator supports \"RPC\" only"
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

@Suite("Name checks")
struct NameCheckTests {
    @Test("non-ASCII parameter name is rejected")
    func nonASCIIName() {
        let found = diagnostics(
            action: action(replacing: #""name": "Name""#, with: #""name": "名前""#))
        #expect(found.count == 1)
        #expect(found.first?.contains("invalid name \"名前\"; use ASCII letters, digits") == true)
    }

    @Test("parameter named self is rejected")
    func selfName() {
        let found = diagnostics(
            action: action(replacing: #""name": "Name""#, with: #""name": "Self""#))
        #expect(
            found.first?.contains(
                "\"Self\" becomes self, which the generated type or Swift itself already uses")
                == true)
    }

    @Test("action named like a runtime type is rejected")
    func actionNamedLikeRuntimeType() {
        let found = diagnostics(
            action: action(replacing: #""action": "SetName""#, with: #""action": "Rules""#))
        #expect(found.count == 1)
        #expect(found.first?.contains("becomes the Swift type Rules") == true)
    }

    @Test("action named like the client is rejected")
    func actionNamedLikeClient() {
        let found = diagnostics(
            action: action(replacing: #""action": "SetName""#, with: #""action": "DemoKitClient""#))
        #expect(found.first?.contains("becomes the Swift type DemoKitClient") == true)
    }

    @Test("nested types with one name are rejected")
    func duplicateNestedTypes() {
        let objects = """
            { "name": "A", "type": "object", "typeName": "Item", "description": "a", "fields": [] },
            { "name": "B", "type": "object", "typeName": "Item", "description": "b", "fields": [] },
            """
        let found = diagnostics(
            action: action(replacing: #""fields": ["#, with: #""fields": [\#(objects)"#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains("the fields \"A\" and \"B\" both declare the type Item") == true)
    }

    @Test("nested type named like a standard type is rejected")
    func nestedTypeNamedInt64() {
        let object =
            #"{ "name": "Count", "type": "object", "typeName": "Int64", "description": "c", "fields": [] },"#
        let found = diagnostics(
            action: action(replacing: #""fields": ["#, with: #""fields": [\#(object)"#))
        #expect(found.first?.contains("the type name \"Int64\" is already used") == true)
    }

    @Test("success flag must name a boolean field")
    func successFlagType() {
        let found = diagnostics(
            action: action(
                replacing: #""response": {"#, with: #""response": { "successFlag": "RequestId","#))
        #expect(found.count == 1)
        #expect(
            found.first?.contains("the success flag \"RequestId\" must name a boolean field")
                == true)
    }

    @Test("error code without letters is rejected")
    func errorCodeWithoutLetters() {
        let found = diagnostics(
            action: action(replacing: #""code": "InvalidName""#, with: #""code": "错误""#))
        #expect(found.contains { $0.contains("invalid error code \"错误\"") })
    }

    @Test("methods error points at its key")
    func methodsErrorLocation() {
        let found = diagnostics(
            action: action(replacing: #""methods": ["POST"]"#, with: #""methods": []"#))
        #expect(
            found == [
                "Specs/Demo/SetName.json:4:3: error: $.methods: no HTTP method; list \"POST\", \"GET\" or both"
            ])
    }

    @Test("huge integer is out of range")
    func hugeInteger() {
        let found = diagnostics(
            action: action(replacing: #""min": 1"#, with: #""min": 99999999999999999999"#))
        #expect(found.first?.contains("the integer 99999999999999999999 is out of range") == true)
    }

    @Test("file ending after a comma says so")
    func truncatedAfterComma() {
        let found = diagnostics(action: #"{"action": "SetName","#)
        #expect(
            found.first?.hasSuffix(
                "invalid JSON: the file ends inside an object; close it with '}'") == true)
    }
}
