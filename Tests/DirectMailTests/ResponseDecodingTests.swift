import APIGenRuntime
import DirectMail
import Foundation
import Testing

@Suite("ModifyPWByDomain response decoding")
struct ResponseDecodingTests {
    @Test("page XML sample decodes to its documented values")
    func pageXMLSample() throws {
        let response = try ModifyPWByDomain.Response(xml: payload("page-success.xml"))
        #expect(response.requestId == "02B2A890-CBD8-4806-9BCA-C93190CE7EF6")
        #expect(response.code == "OK")
        #expect(response.message == "xxx")
        #expect(response.success == true)
    }

    @Test("page JSON sample with a string Boolean decodes")
    func pageJSONSample() throws {
        let response = try ModifyPWByDomain.Response(json: payload("page-success.json"))
        #expect(response.requestId == "02B2A890-CBD8-4806-9BCA-C93190CE7EF6")
        #expect(response.code == "OK")
        #expect(response.message == "xxx")
        #expect(response.success == true)
    }

    @Test("metadata JSON sample with a JSON Boolean decodes")
    func metadataJSONSample() throws {
        let response = try ModifyPWByDomain.Response(json: payload("metadata-success.json"))
        #expect(response.message == "请求成功")
        #expect(response.success == true)
    }

    @Test(
        "Success accepts the documented Boolean spellings",
        arguments: [
            (#"{"RequestId":"r","Success":true}"#, true),
            (#"{"RequestId":"r","Success":false}"#, false),
            (#"{"RequestId":"r","Success":"true"}"#, true),
            (#"{"RequestId":"r","Success":"false"}"#, false),
        ])
    func successSpellings(body: String, expected: Bool) throws {
        let response = try ModifyPWByDomain.Response(json: Array(body.utf8))
        #expect(response.success == expected)
    }

    @Test(
        "Success rejects other values, naming the field and value",
        arguments: [
            (#"{"RequestId":"r","Success":"yes"}"#, "yes"),
            (#"{"RequestId":"r","Success":"True"}"#, "True"),
            (#"{"RequestId":"r","Success":1}"#, "1"),
            (#"{"RequestId":"r","Success":0}"#, "0"),
        ])
    func successRejectsOtherValues(body: String, value: String) {
        #expect(
            throws: ResponseDecodingError.invalidValue(
                path: "Success", expected: Bool.expectedDescription, value: value)
        ) {
            try ModifyPWByDomain.Response(json: Array(body.utf8))
        }
        let xml =
            "<ModifyPWByDomainResponse><RequestId>r</RequestId><Success>\(value)</Success></ModifyPWByDomainResponse>"
        do {
            _ = try ModifyPWByDomain.Response(xml: Array(xml.utf8))
            Issue.record("the XML value \(value) decoded")
        } catch {
            #expect(error.description.contains("'ModifyPWByDomainResponse.Success'"))
            #expect(error.description.contains("\"\(value)\""))
        }
    }

    @Test("Success of the wrong kind is a type mismatch")
    func successWrongKind() {
        let body = #"{"RequestId":"r","Success":{"value":true}}"#
        #expect(
            throws: ResponseDecodingError.typeMismatch(
                path: "Success", expected: Bool.expectedDescription, found: "an object")
        ) {
            try ModifyPWByDomain.Response(json: Array(body.utf8))
        }
    }

    @Test("missing RequestId is an error naming the field")
    func missingRequestId() {
        #expect(throws: ResponseDecodingError.missingField(path: "RequestId")) {
            try ModifyPWByDomain.Response(json: Array(#"{"Code":"OK","Success":true}"#.utf8))
        }
        #expect(
            throws: ResponseDecodingError.missingField(path: "ModifyPWByDomainResponse.RequestId")
        ) {
            try ModifyPWByDomain.Response(
                xml: Array(
                    "<ModifyPWByDomainResponse><Code>OK</Code></ModifyPWByDomainResponse>".utf8))
        }
    }

    @Test("null RequestId counts as missing")
    func nullRequestId() {
        #expect(throws: ResponseDecodingError.missingField(path: "RequestId")) {
            try ModifyPWByDomain.Response(json: Array(#"{"RequestId":null}"#.utf8))
        }
    }

    @Test("unknown fields are skipped in both formats")
    func unknownFieldsSkipped() throws {
        let json = #"{"RequestId":"r","Extra":{"Nested":[1,2,{"Deep":null}]},"Success":"true"}"#
        let fromJSON = try ModifyPWByDomain.Response(json: Array(json.utf8))
        #expect(fromJSON == ModifyPWByDomain.Response(requestId: "r", success: true))

        let xml = """
            <ModifyPWByDomainResponse>
              <Extra><Nested><Deep>1</Deep></Nested></Extra>
              <Success>false</Success>
              <RequestId>r</RequestId>
            </ModifyPWByDomainResponse>
            """
        let fromXML = try ModifyPWByDomain.Response(xml: Array(xml.utf8))
        #expect(fromXML == ModifyPWByDomain.Response(requestId: "r", success: false))
    }

    @Test("empty XML element decodes to the empty string")
    func emptyElement() throws {
        let xml =
            "<ModifyPWByDomainResponse><RequestId>r</RequestId><Message/></ModifyPWByDomainResponse>"
        let response = try ModifyPWByDomain.Response(xml: Array(xml.utf8))
        #expect(response.message == "")
        #expect(response.code == nil)
    }

    @Test("memberwise initializer matches the decoded sample")
    func memberwiseInitializer() throws {
        let decoded = try ModifyPWByDomain.Response(xml: payload("page-success.xml"))
        let built = ModifyPWByDomain.Response(
            code: "OK", message: "xxx", requestId: "02B2A890-CBD8-4806-9BCA-C93190CE7EF6",
            success: true)
        #expect(decoded == built)
    }
}
