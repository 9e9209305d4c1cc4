import APIGenRuntime
import DirectMail
import Testing

/// Returns the issues that `validate()` reports, or an empty list when the request is valid.
private func issues(domain: String = "example.com", password: String = "DM1mail1234")
    -> [ValidationIssue]
{
    let request = ModifyPWByDomain.Request(domainName: domain, password: Secret(password))
    do {
        try request.validate()
        return []
    } catch {
        return error.issues
    }
}

private func rules(_ issues: [ValidationIssue]) -> [String] {
    issues.map { "\($0.parameter).\($0.rule)" }
}

@Suite("ModifyPWByDomain request validation")
struct ValidationTests {
    @Test("page example password passes")
    func examplePasswordPasses() {
        #expect(issues(password: "DM1mail1234").isEmpty)
    }

    @Test("page request sample password fails every broken rule at once")
    func requestSamplePasswordFails() {
        let found = issues(password: "pwd")
        #expect(rules(found) == ["Password.length", "Password.minCount", "Password.minCount"])
        #expect(found.allSatisfy { $0.errorCode == "InvalidDomainPassword.Malformed" })
        #expect(
            found.map(\.message) == [
                "must be 10 to 20 characters long",
                "must contain at least 2 digits (0-9)",
                "must contain at least 2 upper-case letters (A-Z)",
            ])
    }

    @Test("both parameters are reported together")
    func bothParametersReported() {
        let found = issues(domain: "", password: "")
        #expect(found.first?.parameter == "DomainName")
        #expect(found.first?.errorCode == "InvalidDomainName.Malformed")
        #expect(
            found.contains { $0.parameter == "Password" && $0.rule == "notOneRepeatedCharacter" })
        #expect(found.filter { $0.parameter == "Password" }.count == 5)
    }

    @Test(
        "password length boundaries",
        arguments: [
            ("AAbb11ccc", false),
            ("AAbb11cccc", true),
            ("AAbb11cccccccccccccc", true),
            ("AAbb11ccccccccccccccc", false),
        ])
    func passwordLength(password: String, valid: Bool) {
        #expect(rules(issues(password: password)) == (valid ? [] : ["Password.length"]))
    }

    @Test(
        "password class counts at their boundaries",
        arguments: [
            ("Abcdefgh12", "Password.minCount"),
            ("ABcdefgh12", nil),
            ("ABCDEFGHi1", "Password.minCount"),
            ("ABCDEFGhi1", "Password.minCount"),
            ("ABCDEFGhi12", nil),
        ])
    func classCounts(password: String, broken: String?) {
        let found = rules(issues(password: password))
        if let broken {
            #expect(found.contains(broken))
        } else {
            #expect(found.isEmpty)
        }
    }

    @Test("non-ASCII letters do not count as letters")
    func nonASCIILetters() {
        let found = issues(password: "ÄÖüäAb12cd")
        #expect(found.map(\.message) == ["must contain at least 2 upper-case letters (A-Z)"])
    }

    @Test("English repeat reading: a single repeated character fails")
    func englishRepeatReading() {
        #expect(Rules.isOneRepeatedCharacter("aaaaaaaaaa"))
        #expect(!Rules.isOneRepeatedCharacter("aaaaaaaaab"))
        #expect(rules(issues(password: "1111111111")).contains("Password.notOneRepeatedCharacter"))
    }

    @Test("Chinese repeat reading is left to the server")
    func chineseRepeatReading() {
        // The metadata's reading rejects the digits 11 of this password; the client does not.
        #expect(issues(password: "AAbb11cccc").isEmpty)
        #expect(Rules.membersAreOneRepeatedCharacter("AAbb11cccc", of: .digits))
        #expect(!Rules.membersAreOneRepeatedCharacter("AAbb12cccc", of: .digits))
        #expect(!Rules.membersAreOneRepeatedCharacter("AAbb12cccc", of: .letters))
        #expect(Rules.membersAreOneRepeatedCharacter("aaaa12aaaa", of: .letters))
        #expect(!Rules.membersAreOneRepeatedCharacter("ABCDEFGH", of: .digits))
        #expect(issues(password: "aaAA12aaAA").isEmpty)
    }

    @Test(
        "domain name length boundaries",
        arguments: [
            (String(repeating: "a", count: 1), true),
            (String(repeating: "a", count: 50), true),
            (String(repeating: "a", count: 51), false),
        ])
    func domainLength(domain: String, valid: Bool) {
        #expect(rules(issues(domain: domain)) == (valid ? [] : ["DomainName.length"]))
    }

    @Test(
        "domain name characters",
        arguments: [
            ("mail-1.example.com", true),
            ("EXAMPLE.COM", true),
            ("exa_mple.com", false),
            ("example.com ", false),
            ("例子.com", false),
            ("example.com/", false),
        ])
    func domainCharacters(domain: String, valid: Bool) {
        #expect(rules(issues(domain: domain)) == (valid ? [] : ["DomainName.characters"]))
    }

    @Test("domain message shows the bad value")
    func domainMessageShowsValue() {
        let found = issues(domain: "exa_mple.com")
        #expect(found.first?.message.hasSuffix("got \"exa_mple.com\"") == true)
    }

    @Test("wire parameters carry Action and both values")
    func wireParameters() {
        let request = ModifyPWByDomain.Request(domainName: "example.com", password: "DM1mail1234")
        let parameters = request.wireParameters
        #expect(parameters.entries.map(\.name) == ["Action", "DomainName", "Password"])
        #expect(parameters.value(named: "Action") == "ModifyPWByDomain")
        #expect(parameters.value(named: "DomainName") == "example.com")
        #expect(parameters.value(named: "Password") == "DM1mail1234")
        #expect(parameters.entries.filter(\.isSecret).map(\.name) == ["Password"])
        #expect(ModifyPWByDomain.Request.methods == [.post, .get])
        #expect(ModifyPWByDomain.Request.action == "ModifyPWByDomain")
    }

    @Test("product descriptor names endpoints and versions")
    func productDescriptor() {
        let product = DirectMailClient.product
        #expect(product.product == "Dm")
        #expect(product.endpoints["cn-hangzhou"] == "dm.aliyuncs.com")
        #expect(product.endpoints["ap-southeast-2"] == "dm.ap-southeast-2.aliyuncs.com")
        #expect(product.apiVersion(forRegion: "cn-hangzhou") == "2015-11-23")
        #expect(product.apiVersion(forRegion: "eu-central-1") == "2017-06-22")
    }
}
