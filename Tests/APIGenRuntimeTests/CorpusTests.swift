import APIGenRuntime
import Foundation
import Testing

/// The expected outcome of one corpus file, as `Corpus/expectations.json` states it.
struct CorpusExpectation: Decodable, Sendable {
    struct Fields: Decodable, Sendable {
        var requestId: String
        var code: String?
        var message: String?
        var success: Bool?

        enum CodingKeys: String, CodingKey {
            case requestId = "RequestId"
            case code = "Code"
            case message = "Message"
            case success = "Success"
        }
    }

    /// The expected error case, or nil when the file must decode.
    var error: String?
    var path: String?
    var limit: String?
    var value: Int?
    var found: String?
    var line: Int?
    var column: Int?
    /// The expected fields when the file decodes.
    var fields: Fields?
}

/// Loads the corpus and substitutes the marker file's URL into every payload that names it.
enum Corpus {
    /// The string that the marker file contains, which no decoded value or error may contain.
    static let marker = "CORPUS-MARKER-7d1f0c9e"

    /// A file under the temporary directory whose content is ``marker``, for payloads that
    /// try to read a local file through an external entity or DTD.
    static let markerFileURL: URL = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("apigen-corpus-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("marker.txt")
        try! Data(marker.utf8).write(to: file)
        return file
    }()

    static let root = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    static let expectations: [String: CorpusExpectation] = {
        let data = try! Data(contentsOf: root.appendingPathComponent("expectations.json"))
        return try! JSONDecoder().decode([String: CorpusExpectation].self, from: data)
    }()

    /// Returns every payload file's path relative to the corpus folder, such as `xml/empty.xml`.
    static func payloadNames() -> [String] {
        var names: [String] = []
        for folder in ["xml", "json"] {
            let directory = root.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            names += files.map { "\(folder)/\($0)" }
        }
        return names.sorted()
    }

    static func payload(named name: String) throws -> [UInt8] {
        let data = try Data(contentsOf: root.appendingPathComponent(name))
        let placeholder = Data("@MARKER_FILE_URL@".utf8)
        guard data.range(of: placeholder) != nil else {
            return Array(data)
        }
        let text = String(decoding: data, as: UTF8.self)
        return Array(
            text.replacingOccurrences(of: "@MARKER_FILE_URL@", with: markerFileURL.absoluteString)
                .utf8)
    }
}

@Suite struct CorpusTests {
    @Test func everyPayloadHasExpectation() {
        let names = Set(Corpus.payloadNames())
        let expected = Set(Corpus.expectations.keys)
        #expect(names.subtracting(expected).sorted() == [], "payload files without an expectation")
        #expect(expected.subtracting(names).sorted() == [], "expectations without a payload file")
        #expect(names.count >= 60)
    }

    @Test(arguments: Corpus.payloadNames())
    func payloadDecodesAsExpected(name: String) throws {
        let expectation = try #require(Corpus.expectations[name])
        let format: PayloadFormat = name.hasPrefix("xml/") ? .xml : .json
        let body = try Corpus.payload(named: name)
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result { () throws(ResponseDecodingError) in
            try DomainPasswordResponse.decode(body, format: format)
        }
        #expect(clock.now - start < .seconds(1), "decoding took too long")

        switch result {
        case .success(let response):
            #expect(!String(describing: response).contains(Corpus.marker))
            let fields = try #require(
                expectation.fields, "decoded, but expected \(expectation.error ?? "?")")
            #expect(response.requestId == fields.requestId)
            #expect(response.code == fields.code)
            #expect(response.message == fields.message)
            #expect(response.success == fields.success)
        case .failure(let error):
            #expect(!error.description.contains(Corpus.marker))
            #expect(expectation.fields == nil, "failed with \(error)")
            #expect(error.caseName == expectation.error, "\(error)")
            if let path = expectation.path {
                #expect(error.path == path, "\(error)")
            }
            if let line = expectation.line {
                #expect(error.position?.line == line, "\(error)")
            }
            if let column = expectation.column {
                #expect(error.position?.column == column, "\(error)")
            }
            if let limit = expectation.limit {
                #expect(error == .limitExceeded(limit: limit, value: expectation.value ?? -1))
            }
            if let found = expectation.found {
                #expect(error == .topLevelNotObject(found: found))
            }
        }
    }
}
