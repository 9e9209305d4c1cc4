import Testing

@testable import APISpec

@Suite("Swift naming")
struct NamingTests {
    @Test(
        "wire names become lower camel case",
        arguments: [
            ("DomainName", "domainName"),
            ("RequestId", "requestId"),
            ("SMTPPassword", "smtpPassword"),
            ("InvalidDomainPassword.Malformed", "invalidDomainPasswordMalformed"),
            ("InvalidDomainPassword.equalcurrent", "invalidDomainPasswordEqualcurrent"),
            ("ModifyPWByDomain", "modifyPWByDomain"),
            ("Tag.1.Key", "tag1Key"),
            ("default", "`default`"),
            ("3rdParty", "_3rdParty"),
            ("URL", "url"),
        ])
    func lowerCamelCase(name: String, expected: String) {
        #expect(SwiftNaming.lowerCamelCase(name) == expected)
    }

    @Test(
        "type names become upper camel case",
        arguments: [
            ("ModifyPWByDomain", "ModifyPWByDomain"),
            ("data", "Data"),
            ("mail-address", "MailAddress"),
            ("Type", "TypeValue"),
        ])
    func upperCamelCase(name: String, expected: String) {
        #expect(SwiftNaming.upperCamelCase(name) == expected)
    }
}

@Suite("JSON number grammar")
struct JSONNumberGrammarTests {
    @Test(
        "valid numbers are accepted",
        arguments: ["0", "-0", "12", "-3.25", "1e9", "1E+9", "2.5e-3"])
    func validNumbers(text: String) {
        #expect(LocatedJSONParser.isJSONNumber(Array(text.utf8)))
    }

    @Test(
        "invalid numbers are rejected",
        arguments: ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "1-2", "0x1", "1.2.3"])
    func invalidNumbers(text: String) {
        #expect(!LocatedJSONParser.isJSONNumber(Array(text.utf8)))
    }
}
