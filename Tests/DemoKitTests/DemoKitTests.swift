import APIGenRuntime
import DemoKit
import Testing

@Suite("Reference output behaviour")
struct DemoKitTests {
    @Test("nested list decodes from XML wrapper elements")
    func nestedListFromXML() throws {
        let xml = """
            <ListThingsResponse><RequestId>r1</RequestId><TotalCount>2</TotalCount><Things>\
            <Thing><Name>a</Name><Weight>1.5</Weight><Owner><Id>7</Id></Owner></Thing>\
            <Thing><Name>b</Name></Thing></Things></ListThingsResponse>
            """
        let response = try ListThings.Response(xml: Array(xml.utf8))
        #expect(response.totalCount == 2)
        #expect(response.things?.count == 2)
        #expect(response.things?.first?.owner?.id == 7)
        #expect(response.things?.first?.weight == 1.5)
        #expect(response.things?.last?.name == "b")
    }

    @Test("nested list decodes from the JSON wrapper object")
    func nestedListFromJSON() throws {
        let json =
            #"{"RequestId":"r1","TotalCount":"2","Things":{"Thing":[{"Name":"a","Owner":{"Id":7}},{"Name":"b"}]}}"#
        let response = try ListThings.Response(json: Array(json.utf8))
        #expect(response.totalCount == 2)
        #expect(response.things?.map(\.name) == ["a", "b"])
    }

    @Test("empty XML list wrapper is an empty list")
    func emptyListWrapper() throws {
        let response = try ListThings.Response(
            xml: Array(
                "<ListThingsResponse><RequestId>r</RequestId><Things/></ListThingsResponse>".utf8))
        #expect(response.things == [])
    }

    @Test("nested required field is reported with its path")
    func nestedRequiredField() {
        let json = #"{"RequestId":"r","Things":[{"Weight":1}]}"#
        #expect(throws: ResponseDecodingError.missingField(path: "Things[0].Name")) {
            try ListThings.Response(json: Array(json.utf8))
        }
    }

    @Test("integer out of range is an invalid value")
    func integerOutOfRange() {
        let json = #"{"RequestId":"r","TotalCount":99999999999999999999}"#
        #expect(
            throws: ResponseDecodingError.invalidValue(
                path: "TotalCount", expected: Int64.expectedDescription,
                value: "99999999999999999999")
        ) {
            try ListThings.Response(json: Array(json.utf8))
        }
    }

    @Test("list, range and enum rules report every issue")
    func listRangeAndEnumRules() {
        let request = ListThings.Request(
            pageSize: 0, status: "gone", tag: ["ok", "Bad", "x", "y"], ratio: 2)
        do {
            try request.validate()
            Issue.record("the request passed validation")
        } catch {
            #expect(error.issues.map(\.rule) == ["range", "enum", "itemCount", "pattern", "range"])
            #expect(
                error.issues.map(\.errorCode) == [
                    "InvalidPageSize", "InvalidStatus", "InvalidTag", "InvalidTag", "InvalidRatio",
                ])
            #expect(error.issues[0].message == "must be from 1 to 100, got 0")
        }
    }

    @Test("valid list request passes and repeats its list parameter")
    func listWireParameters() throws {
        let request = ListThings.Request(
            pageSize: 100, status: "active", tag: ["a", "b"], ratio: 1.5, includeDeleted: true)
        try request.validate()
        let names = request.wireParameters.entries.map(\.description)
        #expect(
            names == [
                "Action=ListThings", "PageSize=100", "Status=active", "Tag.1=a", "Tag.2=b",
                "Ratio=1.5", "IncludeDeleted=true",
            ])
    }

    @Test("absent optional parameters are not sent")
    func absentOptionalParameters() throws {
        let request = ListThings.Request()
        try request.validate()
        #expect(request.wireParameters.description == "Action=ListThings")
    }

    @Test("secret value rules run without showing the value")
    func secretValueRules() throws {
        try SetSecret.Request(key: "db-password", value: Secret("abcdefg12")).validate()
        let repeated = SetSecret.Request(key: "Bad Key", value: Secret("abcdefg11"))
        do {
            try repeated.validate()
            Issue.record("the request passed validation")
        } catch {
            #expect(error.issues.map(\.rule) == ["characters", "noClassOfOneRepeatedCharacter"])
            #expect(!error.description.contains("abcdefg11"))
        }
    }
}

@Suite("Names that collide with Swift and generated code")
struct EdgeNamesTests {
    @Test("keyword and local names round-trip through the wire")
    func keywordNamesOnTheWire() throws {
        let request = EdgeNames.Request(
            default: "ab", parameters: "a\"b", issues: 5, fields: true, value: Secret("s3cret"),
            in: [1, 2])
        try request.validate()
        let wire = request.wireParameters
        #expect(wire.value(named: "Default") == "ab")
        #expect(wire.value(named: "Parameters") == "a\"b")
        #expect(wire.value(named: "Issues") == "5")
        #expect(wire.value(named: "Fields") == "true")
        #expect(wire.value(named: "Value") == "s3cret")
        #expect(wire.value(named: "in") == "1,2")
        #expect(!request.description.contains("s3cret"))
        #expect(request.description.contains("value: <redacted>"))
    }

    @Test("keyword-named rules report their taken-name error codes")
    func keywordRules() {
        let request = EdgeNames.Request(
            default: "toolong", parameters: "x", issues: 9, value: Secret("a\"b"))
        do {
            try request.validate()
            Issue.record("the request passed validation")
        } catch {
            #expect(
                error.issues.map(\.errorCode) == ["Default", "Init", "Documented", "Documented"])
        }
        #expect(EdgeNames.ErrorCode(wireValue: "Default") == .defaultCode)
        #expect(EdgeNames.ErrorCode(wireValue: "Init") == .initCode)
        #expect(EdgeNames.ErrorCode(wireValue: "Documented") == .documentedCode)
        #expect(EdgeNames.ErrorCode.documented.count == 3)
    }

    @Test("success flag of false reports a failure")
    func successFlagReportsFailure() throws {
        let json = #"{"RequestId": "r", "Payload": "p", "Is": "false", "Item": {"Default": 3}}"#
        let response = try EdgeNames.Response(json: Array(json.utf8))
        #expect(response.payload == "p")
        #expect(response.is == false)
        #expect(response.item?.default == 3)
        #expect(response.reportsFailure)
        let succeeded = try EdgeNames.Response(json: Array(#"{"RequestId": "r", "Is": true}"#.utf8))
        #expect(!succeeded.reportsFailure)
    }

    @Test("XML root element is checked")
    func xmlRootChecked() {
        #expect(
            throws: ResponseDecodingError.unexpectedRoot(
                expected: "EdgeNamesResponse", found: "Foo")
        ) {
            try EdgeNames.Response(xml: Array("<Foo><RequestId>r</RequestId></Foo>".utf8))
        }
    }
}
