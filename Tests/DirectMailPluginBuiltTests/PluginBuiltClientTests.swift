import APIGenRuntime
import Testing

/// The client that the build plugin generates must behave as the checked-in one does, because
/// both come from `Specs/DirectMail`.
@Suite struct PluginBuiltClientTests {
    let samples: [ResponseSample]
    let checkedIn: ClientBehavior
    let pluginBuilt: ClientBehavior

    init() throws {
        samples = try ResponseSample.loadFromSpec()
        checkedIn = CheckedInClient.behavior(samples: samples)
        pluginBuilt = PluginBuiltClient.behavior(samples: samples)
    }

    @Test func specHasResponseSamples() {
        #expect(samples.map(\.name).sorted() == ["metadata-json", "page-json", "page-xml"])
    }

    @Test func productAndActionMatch() {
        #expect(pluginBuilt.product == checkedIn.product)
        #expect(pluginBuilt.actions == checkedIn.actions)
        #expect(pluginBuilt.action == "ModifyPWByDomain")
        #expect(pluginBuilt.methods == checkedIn.methods)
    }

    @Test func samplesDecodeAlike() {
        #expect(pluginBuilt.samples == checkedIn.samples)
        for sample in samples {
            guard
                case .decoded(let code, _, let requestId, let success) = pluginBuilt.samples[
                    sample.name]
            else {
                Issue.record(
                    "sample \(sample.name) did not decode: \(String(describing: pluginBuilt.samples[sample.name]))"
                )
                continue
            }
            #expect(code == "OK", "sample \(sample.name)")
            #expect(requestId == "02B2A890-CBD8-4806-9BCA-C93190CE7EF6", "sample \(sample.name)")
            #expect(success == true, "sample \(sample.name)")
        }
    }

    @Test func validationMatches() {
        #expect(pluginBuilt.validations.count == ValidationCase.all.count)
        for (index, validationCase) in ValidationCase.all.enumerated() {
            #expect(
                pluginBuilt.validations[index] == checkedIn.validations[index],
                "domain \(validationCase.domainName), password \(validationCase.password)")
        }
    }

    @Test func pagePasswordPwdFails() throws {
        let index = try #require(ValidationCase.all.firstIndex { $0.password == "pwd" })
        guard case .invalid(let error) = pluginBuilt.validations[index] else {
            Issue.record("password pwd passed validation")
            return
        }
        #expect(!error.issues.isEmpty)
        for issue in error.issues {
            #expect(issue.parameter == "Password")
            #expect(issue.errorCode == "InvalidDomainPassword.Malformed")
        }
        #expect(error.issues.map(\.rule).contains("length"))
    }

    @Test func examplePasswordPasses() throws {
        let index = try #require(ValidationCase.all.firstIndex { $0.password == "DM1mail1234" })
        #expect(pluginBuilt.validations[index] == .valid)
    }

    @Test func wireParametersAndErrorCodesMatch() {
        #expect(pluginBuilt.wireParameters == checkedIn.wireParameters)
        #expect(pluginBuilt.errorCodes == checkedIn.errorCodes)
        #expect(pluginBuilt.errorCodes.last?.httpStatus == nil)
        #expect(pluginBuilt.errorCodes.first?.httpStatus == 400)
    }
}
