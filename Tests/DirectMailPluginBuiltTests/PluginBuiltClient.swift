import APIGenRuntime
import DirectMailPluginBuilt

/// The behavior of the client that APIGenBuildPlugin generated from `Specs/DirectMail`.
///
/// This file imports only `DirectMailPluginBuilt`, so its type names are unambiguous here.
enum PluginBuiltClient {
    static func behavior(samples: [ResponseSample]) -> ClientBehavior {
        ClientBehavior.observe(
            ModifyPWByDomain.Request.self,
            product: DirectMailClient.product,
            actions: DirectMailClient.actions,
            samples: samples,
            makeRequest: { ModifyPWByDomain.Request(domainName: $0, password: Secret($1)) },
            summarize: { sample in
                do throws(ResponseDecodingError) {
                    let response = try ModifyPWByDomain.Response(
                        body: Array(sample.body.utf8), format: sample.format)
                    return .decoded(
                        code: response.code, message: response.message,
                        requestId: response.requestId,
                        success: response.success)
                } catch {
                    return .failed(error)
                }
            }
        )
    }
}
