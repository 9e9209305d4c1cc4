import APIGenRuntime
import DirectMail
import Foundation

/// The response bodies that the decoding and call cases use, copied byte for byte from
/// `Tests/DirectMailTests/Payloads`.
enum BenchmarkPayloads {
    /// `page-success.xml`: the XML response sample of the vendor's reference page.
    static let pageXML = Data(
        """
        <ModifyPWByDomainResponse>
              <RequestId>02B2A890-CBD8-4806-9BCA-C93190CE7EF6</RequestId>
              <Code>OK</Code>
              <Message>xxx</Message>
              <Success>true</Success>
        </ModifyPWByDomainResponse>

        """.utf8)

    /// `metadata-success.json`: the vendor metadata's sample, with `Success` as a JSON Boolean.
    static let metadataJSON = Data(
        """
        {
          "Code": "OK",
          "Message": "请求成功",
          "RequestId": "02B2A890-CBD8-4806-9BCA-C93190CE7EF6",
          "Success": true
        }

        """.utf8)

    /// Checks that the copies still equal the test payloads under `root`, when they exist, so
    /// that the benchmark never times a sample the tests no longer use.
    static func verifyCopies(root: URL) throws {
        let folder = root.appendingPathComponent("Tests/DirectMailTests/Payloads")
        let copies = [("page-success.xml", pageXML), ("metadata-success.json", metadataJSON)]
        for (name, copy) in copies {
            let url = folder.appendingPathComponent(name)
            guard let original = FileManager.default.contents(atPath: url.path) else {
                continue
            }
            try require(
                original == copy,
                "the copy of \(name) in Payloads.swift differs from \(url.path); copy the file again"
            )
        }
    }

    /// Returns the response that both samples decode to, given the sample's `Message`.
    static func expectedResponse(message: String) -> ModifyPWByDomain.Response {
        ModifyPWByDomain.Response(
            code: "OK",
            message: message,
            requestId: "02B2A890-CBD8-4806-9BCA-C93190CE7EF6",
            success: true)
    }
}

/// A check that stops the benchmark when an implementation computes a wrong result, since a
/// timing of wrong code means nothing.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition {
        throw BenchmarkFailure(message())
    }
}
