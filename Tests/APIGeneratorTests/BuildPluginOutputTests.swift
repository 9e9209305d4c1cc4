import APIGenerator
import APISpec
import Foundation
import Testing

/// `renderForBuildPlugin` must name action files after their spec files, which is what
/// APIGenBuildPlugin declares as its outputs, and otherwise render what `render` does.
@Suite struct BuildPluginOutputTests {
    /// The consumer fixture's Greeting product, whose action file `Hello.json` declares the
    /// action `SayHello`.
    static let greetingFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/PluginConsumer/Sources/Greeting/Specs/Greeting")
        .standardizedFileURL

    static func loadGreeting() throws -> ProductSpec {
        let files = ["Hello.json", "product.json"].map { name in
            (url: greetingFolder.appendingPathComponent(name), display: "Greeting/\(name)")
        }
        return try SpecLoader.loadProduct(files: files)
    }

    @Test func actionFileNamedAfterSpecFile() throws {
        let product = try Self.loadGreeting()
        let paths = Generator.renderForBuildPlugin(product).map(\.path)
        #expect(paths == ["Greeting/GreetingClient.swift", "Greeting/Hello.swift"])
    }

    @Test func contentsMatchRender() throws {
        let product = try Self.loadGreeting()
        let pluginFiles = Generator.renderForBuildPlugin(product)
        let files = Generator.render(product)
        #expect(files.map(\.path) == ["Greeting/GreetingClient.swift", "Greeting/SayHello.swift"])
        #expect(pluginFiles.map(\.contents) == files.map(\.contents))
    }

    @Test func buildPluginPathUsesFileName() throws {
        let product = try Self.loadGreeting()
        let action = try #require(product.actions.first)
        #expect(action.name == "SayHello")
        #expect(Generator.buildPluginPath(of: action, in: product) == "Greeting/Hello.swift")
    }

    @Test func buildPluginPathOfImportedActionUsesWireName() throws {
        var product = try Self.loadGreeting()
        product.isImported = true
        let action = try #require(product.actions.first)
        #expect(Generator.buildPluginPath(of: action, in: product) == "Greeting/SayHello.swift")
    }

    @Test func omittedImportedActionGetsEmptyFile() throws {
        var product = try Self.loadGreeting()
        product.isImported = true
        product.omittedActions = ["SayGoodbye"]
        let files = Generator.renderForBuildPlugin(product)
        #expect(
            files.map(\.path) == [
                "Greeting/GreetingClient.swift", "Greeting/SayHello.swift",
                "Greeting/SayGoodbye.swift",
            ])
        let placeholder = try #require(files.last)
        #expect(placeholder.contents.hasPrefix(OutputWriter.generatedHeaderPrefix))
        #expect(placeholder.contents.contains("The action SayGoodbye could not be imported"))
        #expect(!placeholder.contents.contains("struct"))
    }
}
