import APIGenerator
import Foundation
import Testing

/// A fresh temporary folder, removed when the test's value goes away.
private final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "apigen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }
}

private let header = OutputWriter.generatedHeaderPrefix + "Specs/X/product.json.\n"

@Suite("Output writer")
struct OutputWriterTests {
    @Test("writes only changed files and reports each")
    func writesChangedFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("Kit/A.swift", header + "old\n")
        try folder.write("Kit/B.swift", header + "same\n")
        let reports = try OutputWriter(outputDirectory: folder.url).write([
            GeneratedFile(path: "Kit/A.swift", contents: header + "new\n"),
            GeneratedFile(path: "Kit/B.swift", contents: header + "same\n"),
            GeneratedFile(path: "Kit/C.swift", contents: header + "created\n"),
        ])
        #expect(reports.map(\.change) == [.updated, .unchanged, .created])
        #expect(folder.read("Kit/A.swift") == header + "new\n")
        #expect(folder.read("Kit/C.swift") == header + "created\n")
    }

    @Test("removes stale generated files, also of removed products")
    func removesStaleFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("Kit/Old.swift", header)
        try folder.write("Gone/GoneClient.swift", header)
        try folder.write("Gone/HandWritten.swift", "// Written by hand.\n")
        let reports = try OutputWriter(outputDirectory: folder.url).write([
            GeneratedFile(path: "Kit/New.swift", contents: header)
        ])
        #expect(
            reports.filter { $0.change == .removed }.map(\.path) == [
                "Gone/GoneClient.swift", "Kit/Old.swift",
            ])
        #expect(folder.read("Kit/Old.swift") == nil)
        #expect(folder.read("Gone/GoneClient.swift") == nil)
        #expect(folder.read("Gone/HandWritten.swift") == "// Written by hand.\n")
    }

    @Test("failed write leaves every file as it was")
    func failedWriteChangesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("Kit/A.swift", header + "old A\n")
        try folder.write("Kit/Old.swift", header + "stale\n")
        // A folder where a generated file belongs makes that file's write fail.
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("Kit/Z.swift"), withIntermediateDirectories: true)
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter(outputDirectory: folder.url).write([
                GeneratedFile(path: "Kit/A.swift", contents: header + "new A\n"),
                GeneratedFile(path: "Kit/Z.swift", contents: header + "z\n"),
            ])
        }
        #expect(folder.read("Kit/A.swift") == header + "old A\n")
        #expect(folder.read("Kit/Old.swift") == header + "stale\n")
        let names = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("Kit").path)
        #expect(names.sorted() == ["A.swift", "Old.swift", "Z.swift"])
    }

    @Test("write error names the file and the fix")
    func writeErrorMessage() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("Kit/Z.swift"), withIntermediateDirectories: true)
        do {
            _ = try OutputWriter(outputDirectory: folder.url).write([
                GeneratedFile(path: "Kit/Z.swift", contents: header)
            ])
            Issue.record("the write succeeded")
        } catch {
            #expect(
                error.description.hasPrefix(
                    folder.url.appendingPathComponent("Kit/Z.swift").path + ": error:"))
            #expect(error.description.contains("a folder has the file's name; move it away"))
        }
    }
}
