import APIGenerator
import APISpec
import Foundation
import Testing

/// Generates the files of a specs folder, recording the diagnostics as a test issue.
private func generate(specs: String) throws -> [GeneratedFile] {
    do {
        return try Generator.generate(
            specsDirectory: packageRoot.appendingPathComponent(specs), displayPrefix: specs
        ).files
    } catch {
        Issue.record("the specs have errors:\n\(error)")
        throw error
    }
}

/// Compares generated files with checked-in ones, recording a unified diff per difference.
private func expectMatches(_ files: [GeneratedFile], outputFolder: String, fix: String) {
    for file in files {
        let path = "\(outputFolder)/\(file.path)"
        let checkedIn = readRepositoryFile(path) ?? ""
        let diff = UnifiedDiff.render(
            old: checkedIn, new: file.contents, oldName: "a/\(path)", newName: "b/\(path)")
        #expect(diff.isEmpty, "\(path) differs from what the specs produce; run '\(fix)'.\n\(diff)")
    }
    let expected = Set(files.map { "\(outputFolder)/\($0.path)" })
    let modules = Set(files.map { ($0.path as NSString).pathComponents[0] })
    for module in modules {
        let folder = packageRoot.appendingPathComponent("\(outputFolder)/\(module)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".swift") {
            #expect(
                expected.contains("\(outputFolder)/\(module)/\(name)"),
                "\(outputFolder)/\(module)/\(name) is stale; run '\(fix)'")
        }
    }
}

@Suite("Generated output")
struct ReferenceOutputTests {
    @Test("reference specs produce the checked-in reference output")
    func referenceOutput() throws {
        let files = try generate(specs: "Tests/Fixtures/ReferenceSpecs")
        #expect(
            files.map(\.path) == [
                "DemoKit/DemoKitClient.swift", "DemoKit/EdgeNames.swift",
                "DemoKit/ListThings.swift",
                "DemoKit/SetSecret.swift",
            ])
        expectMatches(
            files, outputFolder: "Tests/Fixtures",
            fix:
                "swift run apigen generate --specs Tests/Fixtures/ReferenceSpecs --output Tests/Fixtures"
        )
    }

    @Test("checked-in Generated folder matches the specs")
    func generatedFolderMatchesSpecs() throws {
        let files = try generate(specs: "Specs")
        #expect(files.contains { $0.path == "DirectMail/ModifyPWByDomain.swift" })
        expectMatches(files, outputFolder: "Generated", fix: "swift run apigen generate")
    }

    @Test("same specs give byte-identical output")
    func deterministicOutput() throws {
        let first = try generate(specs: "Specs")
        let second = try generate(specs: "Specs")
        #expect(first == second)
        let reference = try generate(specs: "Tests/Fixtures/ReferenceSpecs")
        #expect(reference == (try generate(specs: "Tests/Fixtures/ReferenceSpecs")))
    }

    @Test("every file starts with the generated header naming its spec")
    func headerNamesSpec() throws {
        for file in try generate(specs: "Specs") {
            let firstLine = file.contents.split(separator: "\n").first.map(String.init) ?? ""
            #expect(firstLine.hasPrefix(OutputWriter.generatedHeaderPrefix + "Specs/DirectMail/"))
            #expect(file.contents.contains("Do not edit"))
        }
    }

    @Test("doc comments state each rule and its server error")
    func docCommentsStateRules() throws {
        let file = try #require(
            try generate(specs: "Specs").first { $0.path == "DirectMail/ModifyPWByDomain.swift" })
        let lines = Set(
            file.contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let expected = [
            "/// - 10 to 20 characters long. Server error `InvalidDomainPassword.Malformed`.",
            "/// Rules that only the server checks:",
            "/// - Different from the domain's current password. Server error",
        ]
        for line in expected {
            // Checking set membership keeps a failure message to the one missing line.
            let found = lines.contains(line)
            #expect(found, "the generated file has no line \(line)")
        }
    }

    @Test("no generated line exceeds the formatter's width")
    func lineWidth() throws {
        for file in try generate(specs: "Specs") + generate(specs: "Tests/Fixtures/ReferenceSpecs")
        {
            for line in file.contents.split(separator: "\n") where line.count > 100 {
                // Only a comment whose text is one word, such as a long example, may be longer,
                // because no break could shorten it.
                let text = line.trimmingCharacters(in: .whitespaces)
                let words = text.drop { $0 == "/" }.split(separator: " ")
                #expect(
                    text.hasPrefix("//") && words.count == 1,
                    "\(file.path) has a line of \(line.count) characters: \(line)")
            }
        }
    }
}

@Suite("Generator checks across products")
struct CrossProductTests {
    @Test("two products with one module are rejected")
    func duplicateModule() throws {
        let first = try SpecLoader.loadProduct(texts: [
            (
                text: try #require(
                    readRepositoryFile("Tests/Fixtures/ReferenceSpecs/Demo/product.json")),
                display: "A/product.json"
            )
        ])
        var second = first
        second.sourceFile = "B/product.json"
        do {
            _ = try Generator.generate(products: [first, second])
            Issue.record("the generator accepted two products with one module")
        } catch {
            #expect(
                error.description.contains(
                    "the module \"DemoKit\" is also the module of A/product.json"))
        }
    }
}
