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
