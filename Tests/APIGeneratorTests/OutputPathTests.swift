import APIGenerator
import Foundation
import Testing

@Suite struct OutputPathTests {
    static let directMail = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Specs/DirectMail", isDirectory: true)

    @Test func importedProductListsEveryAction() throws {
        let paths = try Generator.outputPaths(productFolder: Self.directMail)
        #expect(paths.count == 42)
        #expect(paths.contains("DirectMail/DirectMailClient.swift"))
        #expect(paths.contains("DirectMail/ModifyPWByDomain.swift"))
        #expect(paths == paths.sorted())
    }

    @Test func pathsMatchGeneratedFiles() throws {
        let output = try Generator.generate(
            specsDirectory: Self.directMail.deletingLastPathComponent(), displayPrefix: "Specs")
        let paths = try Generator.outputPaths(productFolder: Self.directMail)
        #expect(output.files.map(\.path) == paths)
    }
}
