import APIGenRuntime

/// A test-only stand-in for the generated `ModifyPWByDomain` request.
struct SetDomainPassword: ActionRequest {
    typealias Response = SetDomainPasswordResponse
    typealias ErrorCode = SetDomainPasswordErrorCode

    static let action = "ModifyPWByDomain"
    static let methods: [HTTPMethod] = [.post, .get]

    var domainName: String
    var password: Secret

    func validate() throws(ValidationError) {
        var issues: [ValidationIssue] = []
        if domainName.isEmpty || domainName.count > 50 {
            issues.append(
                ValidationIssue(
                    parameter: "DomainName", rule: "length",
                    errorCode: "InvalidDomainName.Malformed",
                    message: "must be 1 to 50 characters, got \(domainName.count)"))
        }
        if !(10...20).contains(password.count) {
            issues.append(
                ValidationIssue(
                    parameter: "Password", rule: "length",
                    errorCode: "InvalidDomainPassword.Malformed",
                    message: "must be 10 to 20 characters, got \(password.count)"))
        }
        if !issues.isEmpty {
            throw ValidationError(issues: issues)
        }
    }

    var wireParameters: WireParameters {
        WireParameters([
            WireParameter(name: "Action", value: Self.action),
            WireParameter(name: "DomainName", value: domainName),
            WireParameter(name: "Password", value: password.revealed(), isSecret: true),
        ])
    }

    var description: String {
        "ModifyPWByDomain(DomainName: \(domainName), Password: \(password))"
    }
}

struct SetDomainPasswordResponse: ActionResponse, Equatable {
    static let xmlRoot = "ModifyPWByDomainResponse"

    var requestId: String
    var code: String?
    var message: String?
    var success: Bool?

    init(from payload: PayloadObject) throws(ResponseDecodingError) {
        requestId = try payload.decode(String.self, forKey: "RequestId")
        code = try payload.decodeIfPresent(String.self, forKey: "Code")
        message = try payload.decodeIfPresent(String.self, forKey: "Message")
        success = try payload.decodeIfPresent(Bool.self, forKey: "Success")
    }

    var reportsFailure: Bool {
        success == false
    }
}

struct SetDomainPasswordErrorCode: ServiceErrorCode {
    var wireValue: String

    init(wireValue: String) {
        self.wireValue = wireValue
    }

    static let documented: [String: (status: Int, meaning: String)] = [
        "InvalidDomainPassword.Malformed": (400, "The password format is invalid."),
        "InvalidDomainPassword.equalcurrent": (
            400, "The new password is the same as the current one."
        ),
        "InvalidDomainName.Malformed": (400, "The domain name format is invalid."),
        "InvalidDomain.NotFound": (404, "The domain name does not exist."),
    ]

    var httpStatus: Int? { Self.documented[wireValue]?.status }
    var meaning: String? { Self.documented[wireValue]?.meaning }
}

/// Values that a test checks never appear in any message.
enum TestSecrets {
    static let accessKeyId = "LTAI-test-key-id"
    static let accessKeySecret = "test/Secret+With=Specials*"
    static let securityToken = "sts-token/with+specials"
    static let password = "Pw12 AB*cd+xy"

    static let credentials = Credentials(
        accessKeyId: accessKeyId, accessKeySecret: Secret(accessKeySecret))

    static let temporaryCredentials = Credentials(
        accessKeyId: accessKeyId, accessKeySecret: Secret(accessKeySecret),
        securityToken: Secret(securityToken))

    static let product = ProductDescriptor(
        product: "Dm", apiVersion: "2015-11-23", defaultRegion: "cn-hangzhou",
        endpoints: [
            "cn-hangzhou": "dm.aliyuncs.com", "ap-southeast-1": "dm.ap-southeast-1.aliyuncs.com",
        ],
        apiVersionOverrides: ["ap-southeast-1": "2017-06-22"])

    /// Returns the names of the secrets found in `text`, plain or percent-encoded, and never
    /// the values, so that a failing check does not print them. `signatures` are checked too.
    static func leaks(in text: String, signatures: [String] = []) -> [String] {
        var named = [
            ("access key secret", accessKeySecret), ("security token", securityToken),
            ("password", password),
        ]
        named += signatures.map { ("signature", $0) }
        var found: [String] = []
        for (name, value) in named where !value.isEmpty {
            if text.contains(value) || text.contains(PercentEncoding.encode(value)) {
                found.append(name)
            }
        }
        return found
    }
}
