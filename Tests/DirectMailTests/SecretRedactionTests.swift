import APIGenRuntime
import DirectMail
import Testing

@Suite("Secret redaction")
struct SecretRedactionTests {
    static let password = "Zq7Secret9Xy"

    /// Every way a request and its errors can be turned into text.
    private func renderings() -> [String] {
        let request = ModifyPWByDomain.Request(
            domainName: "bad_domain", password: Secret(Self.password + "!"))
        var dumped = ""
        dump(request, to: &dumped)
        var dumpedParameters = ""
        dump(request.wireParameters, to: &dumpedParameters)
        var texts = [
            request.description,
            request.debugDescription,
            String(describing: request),
            String(reflecting: request),
            "\(request)",
            dumped,
            request.wireParameters.description,
            String(reflecting: request.wireParameters),
            dumpedParameters,
            String(describing: request.password),
            String(reflecting: request.password),
        ]
        do {
            try request.validate()
        } catch {
            texts.append(error.description)
            texts.append(String(reflecting: error))
            texts += error.issues.map(\.description)
            var dumpedError = ""
            dump(error, to: &dumpedError)
            texts.append(dumpedError)
        }
        return texts
    }

    @Test("password never appears in any rendering")
    func passwordNeverAppears() {
        let texts = renderings()
        #expect(texts.count > 12)
        for text in texts {
            #expect(!text.contains(Self.password), "a rendering shows the password")
        }
    }

    @Test("renderings show the redaction marker")
    func redactionMarkerShown() {
        let request = ModifyPWByDomain.Request(
            domainName: "example.com", password: Secret(Self.password))
        #expect(
            request.description
                == #"ModifyPWByDomain.Request(domainName: "example.com", password: <redacted>)"#)
        #expect(
            request.wireParameters.description
                == "Action=ModifyPWByDomain&DomainName=example.com&Password=<redacted>")
    }

    @Test("validation still sees the real password")
    func validationSeesPassword() {
        let request = ModifyPWByDomain.Request(
            domainName: "example.com", password: Secret(Self.password))
        #expect(throws: Never.self) { try request.validate() }
    }
}
