import APIGenRuntime
import DirectMail
import Foundation
import Testing

@Suite("ModifyPWByDomain error codes")
struct ErrorCodeTests {
    @Test(
        "documented codes keep their wire value, status and meaning",
        arguments: [
            ("InvalidDomainPassword.Malformed", 400, "The password format is invalid."),
            (
                "InvalidDomainPassword.equalcurrent", 400,
                "The new password is the same as the current password."
            ),
            ("InvalidDomainName.Malformed", 400, "The domain name format is invalid."),
            ("InvalidDomain.NotFound", 404, "The domain does not exist."),
            (
                "InvalidDomainStatus.Malformed", 400,
                "The domain's status does not allow the change."
            ),
            ("InvalidDomainId.Malformed", 404, "The domain ID is invalid."),
        ])
    func documentedCode(wireValue: String, status: Int, meaning: String) {
        let code = ModifyPWByDomain.ErrorCode(wireValue: wireValue)
        #expect(code.wireValue == wireValue)
        #expect(code.httpStatus == status)
        #expect(code.meaning == meaning)
        #expect(ModifyPWByDomain.ErrorCode.documented.contains(code))
    }

    @Test("page's misaligned rows are corrected")
    func correctedRows() {
        #expect(
            ModifyPWByDomain.ErrorCode.invalidDomainPasswordMalformed.meaning
                == "The password format is invalid.")
        #expect(
            ModifyPWByDomain.ErrorCode.invalidDomainPasswordEqualcurrent.meaning?.contains(
                "current password") == true)
        #expect(
            ModifyPWByDomain.ErrorCode.invalidDomainNameMalformed.meaning?.contains("domain name")
                == true)
    }

    @Test("unknown code is kept as sent")
    func unknownCode() {
        let code = ModifyPWByDomain.ErrorCode(wireValue: "Throttling.User")
        #expect(code == .undocumented("Throttling.User"))
        #expect(code.wireValue == "Throttling.User")
        #expect(code.httpStatus == nil)
        #expect(code.meaning == nil)
    }

    @Test("codes are matched exactly, case included")
    func caseSensitive() {
        #expect(
            ModifyPWByDomain.ErrorCode(wireValue: "InvalidDomainPassword.EqualCurrent")
                == .undocumented("InvalidDomainPassword.EqualCurrent"))
    }

    @Test("XML error body decodes into a typed service error")
    func xmlErrorBody() throws {
        let body = try ServiceErrorBody.decode(payload("error-malformed.xml"), format: .xml)
        let error = ServiceError<ModifyPWByDomain.ErrorCode>(body: body, httpStatus: 400)
        #expect(error.code == .invalidDomainPasswordMalformed)
        #expect(error.requestId == "6EF60BEC-0242-43AF-BB20-270359FB54A7")
        #expect(error.hostId == "dm.aliyuncs.com")
        #expect(error.message == "The password format is invalid.")
        #expect(error.recommend == nil)
        #expect(error.httpStatus == 400)
        #expect(error.description.contains("InvalidDomainPassword.Malformed (HTTP 400)"))
    }

    @Test("JSON error body decodes with Recommend")
    func jsonErrorBody() throws {
        let body = try ServiceErrorBody.decode(payload("error-not-found.json"), format: .json)
        let error = ServiceError<ModifyPWByDomain.ErrorCode>(body: body, httpStatus: 404)
        #expect(error.code == .invalidDomainNotFound)
        #expect(error.code.httpStatus == 404)
        #expect(error.recommend == "https://api.aliyun.com/troubleshoot?q=InvalidDomain.NotFound")
        #expect(error.hostId == "dm.aliyuncs.com")
    }

    @Test("undocumented error body keeps its code")
    func undocumentedErrorBody() throws {
        let body = try ServiceErrorBody.decode(payload("error-undocumented.json"), format: .json)
        let error = ServiceError<ModifyPWByDomain.ErrorCode>(body: body, httpStatus: 400)
        #expect(error.code == .undocumented("Throttling.User"))
        #expect(error.requestId == "0D4B3D7C-7B0C-4F8B-9D3E-1C6D2E6F9A01")
    }

    @Test("RequestID spelling is read too")
    func requestIDSpelling() throws {
        let body = try ServiceErrorBody.decode(
            Array(#"{"RequestID":"abc","Code":"InvalidDomain.NotFound"}"#.utf8), format: .json)
        #expect(body.requestId == "abc")
    }

    @Test("error body without Code is rejected")
    func errorBodyWithoutCode() {
        #expect(throws: ResponseDecodingError.missingField(path: "Error.Code")) {
            try ServiceErrorBody.decode(
                Array("<Error><RequestId>r</RequestId></Error>".utf8), format: .xml)
        }
    }
}
