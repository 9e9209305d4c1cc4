import APIGenRuntime
import Testing

@Suite struct WireValueTests {
    static let disks = WireValue.list([
        .object([WireMember("Size", .literal("40")), WireMember("Category", .string("cloud_ssd"))]),
        .object([WireMember("Tags", .list([.string("a"), .string("b")]))]),
    ])

    @Test func flatNamesNumberListsFromOne() {
        var parameters = WireParameters()
        parameters.set("DataDisk", flattening: Self.disks)
        let names = parameters.entries.map(\.name)
        #expect(
            names == [
                "DataDisk.1.Size", "DataDisk.1.Category", "DataDisk.2.Tags.1", "DataDisk.2.Tags.2",
            ])
        #expect(parameters.value(named: "DataDisk.1.Category") == "cloud_ssd")
    }

    @Test func jsonQuotesOnlyStrings() {
        #expect(Self.disks.jsonText == #"[{"Size":40,"Category":"cloud_ssd"},{"Tags":["a","b"]}]"#)
    }

    @Test func jsonEscapesStrings() {
        #expect(WireValue.string("a\"b\n").jsonText == #""a\"b\n""#)
    }

    @Test func mapSortsKeys() {
        let value = WireValue.map(["b": "2", "a": "1"])
        #expect(value.jsonText == #"{"a":"1","b":"2"}"#)
        #expect(value.flattened(named: "Tag").map(\.name) == ["Tag.a", "Tag.b"])
    }
}
