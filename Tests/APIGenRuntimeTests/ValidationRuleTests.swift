import APIGenRuntime
import Testing

@Suite("Validation rules")
struct ValidationRuleTests {
    @Test("length counts Unicode scalars")
    func lengthCountsScalars() {
        #expect(Rules.hasLength("ab", min: 2, max: 2))
        #expect(Rules.hasLength("中文", min: 2, max: 2))
        #expect(!Rules.hasLength("a", min: 2, max: nil))
        #expect(!Rules.hasLength("abc", min: nil, max: 2))
    }

    @Test("character set from ranges")
    func characterSetFromRanges() {
        let set = ASCIICharacterSet(ranges: ["0-9", "A-Z", "a-z", ".", "-"])
        #expect(Rules.containsOnly("Mail-1.example", set))
        #expect(!Rules.containsOnly("mail_1", set))
        #expect(!Rules.containsOnly("é", set))
        #expect(Rules.containsOnly("", set))
    }

    @Test("minimum count of a class")
    func minimumCount() {
        #expect(Rules.containsAtLeast(2, of: .digits, in: "a1b2"))
        #expect(!Rules.containsAtLeast(2, of: .digits, in: "a1b"))
        #expect(Rules.containsAtLeast(0, of: .digits, in: ""))
    }

    @Test("pattern is unanchored unless anchored")
    func patternAnchoring() {
        #expect(PatternRule("[0-9]").matches("ab1"))
        #expect(!PatternRule("^[0-9]+$").matches("ab1"))
        #expect(!PatternRule("(").matches("("))
    }

    @Test("range and enum checks")
    func rangeAndEnum() {
        #expect(Rules.isInRange(Int32(5), minimum: 1, maximum: 5))
        #expect(!Rules.isInRange(6.5, minimum: nil, maximum: 6.0))
        #expect(Rules.isOneOf("a", ["a", "b"]))
        #expect(!Rules.isOneOf(3, [1, 2]))
    }

    @Test("secret renders redacted everywhere")
    func secretRendering() {
        let secret = Secret("hunter2hunter2")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(secret.description == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(!dumped.contains("hunter2"))
        #expect(secret.revealed() == "hunter2hunter2")
    }

    @Test("JSON array wire encoding escapes strings")
    func jsonArrayEncoding() {
        #expect(WireEncoding.jsonArray(["a\"b", "c\\d", "\n"]) == #"["a\"b","c\\d","\n"]"#)
        #expect(WireEncoding.jsonArray([1, 2]) == "[1,2]")
    }
}
