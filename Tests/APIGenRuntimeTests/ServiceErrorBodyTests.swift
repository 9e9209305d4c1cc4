import APIGenRuntime
import Testing

@Suite struct ServiceErrorBodyTests {
    @Test func xmlErrorBodyDecodes() throws {
        let body = """
            <?xml version='1.0' encoding='UTF-8'?>
            <Error>
              <RequestId>5A1C3E2B-0000-4F00-8000-000000000001</RequestId>
              <HostId>dm.aliyuncs.com</HostId>
              <Code>InvalidDomainPassword.Malformed</Code>
              <Message>The password is invalid &amp; rejected.</Message>
            </Error>
            """
        let error = try ServiceErrorBody.decode(Array(body.utf8), format: .xml)
        #expect(error.code == "InvalidDomainPassword.Malformed")
        #expect(error.message == "The password is invalid & rejected.")
        #expect(error.requestId == "5A1C3E2B-0000-4F00-8000-000000000001")
        #expect(error.hostId == "dm.aliyuncs.com")
        #expect(error.recommend == nil)
    }

    @Test func jsonErrorBodyDecodes() throws {
        let body = """
            {"RequestID":"r-1","HostId":"dm.aliyuncs.com","Code":"Throttling",\
            "Message":"Request was denied.","Recommend":"https://example.invalid/diagnose?r=1"}
            """
        let error = try ServiceErrorBody.decode(Array(body.utf8), format: .json)
        #expect(error.code == "Throttling")
        #expect(error.requestId == "r-1")
        #expect(error.recommend == "https://example.invalid/diagnose?r=1")
    }

    @Test func requestIdSpellingWinsOverUpperCase() throws {
        let body = #"{"RequestId":"lower","RequestID":"upper","Code":"X"}"#
        let error = try ServiceErrorBody.decode(Array(body.utf8), format: .json)
        #expect(error.requestId == "lower")
    }

    @Test func missingCodeIsRejected() {
        #expect(throws: ResponseDecodingError.missingField(path: "Error.Code")) {
            try ServiceErrorBody.decode(
                Array("<Error><Message>m</Message></Error>".utf8), format: .xml)
        }
        #expect(throws: ResponseDecodingError.missingField(path: "Code")) {
            try ServiceErrorBody.decode(Array(#"{"Code":null}"#.utf8), format: .json)
        }
    }

    @Test func emptyCodeIsRejected() {
        let expected = ResponseDecodingError.invalidValue(
            path: "Error.Code", expected: "a non-empty error code", value: "")
        #expect(throws: expected) {
            try ServiceErrorBody.decode(Array("<Error><Code/></Error>".utf8), format: .xml)
        }
    }

    @Test func gatewayPageIsRejected() {
        let page = "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"
        #expect(throws: ResponseDecodingError.documentTypeDeclaration(line: 1, column: 15)) {
            try ServiceErrorBody.decode(Array(page.utf8), format: .xml)
        }
    }
}
