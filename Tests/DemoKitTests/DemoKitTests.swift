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
