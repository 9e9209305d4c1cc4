import APIGenerator
import Foundation
import Testing

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("equal texts give no diff")
    func equalTexts() {
        #expect(UnifiedDiff.render(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b") == "")
    }

    @Test("one changed line shows context and both sides")
    func oneChangedLine() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let expected = """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """
        #expect(UnifiedDiff.render(old: old, new: new, oldName: "a/f", newName: "b/f") == expected)
    }

    @Test("new file diffs against nothing")
    func newFile() {
        let diff = UnifiedDiff.render(old: "", new: "x\n", oldName: "/dev/null", newName: "b/f")
        #expect(diff == "--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n")
    }

    @Test("distant changes get separate hunks")
    func separateHunks() {
        let old = (1...30).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(
            of: "\n28\n", with: "\ntwenty-eight\n")
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.hasPrefix("--- a\n+++ b\n@@ -1,5 +1,5 @@\n"))
    }
}
