/// Renders the difference between two texts in the unified diff format, with three lines of
/// context, as `diff -u` and `git diff` print it.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String) -> String
    {
        let a = lines(old)
        let b = lines(new)
        let edits = editScript(a, b)
        guard edits.contains(where: { $0.kind != .same }) else {
            return ""
        }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        let context = 3
        let changed = edits.indices.filter { edits[$0].kind != .same }
        // Changes closer than twice the context share one hunk.
        var groups: [[Int]] = []
        for index in changed {
            if let last = groups.last?.last, index - last <= 2 * context {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        for group in groups {
            let hunk = edits[
                max(0, group[0] - context)..<min(edits.count, group[group.count - 1] + context + 1)]
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            let oldStart = (hunk.first?.oldIndex ?? 0) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first?.newIndex ?? 0) + (newCount == 0 ? 0 : 1)
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " \(a[edit.oldIndex])\n"
                case .deleted: output += "-\(a[edit.oldIndex])\n"
                case .inserted: output += "+\(b[edit.newIndex])\n"
                }
            }
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" {
            result.removeLast()
        }
        return result
    }

    private struct Edit {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        /// For `inserted`, the old index the insertion comes before.
        var oldIndex: Int
        /// For `deleted`, the new index the deletion comes before.
        var newIndex: Int
    }

    /// Returns a shortest edit script from the longest common subsequence, after trimming the
    /// common prefix and suffix so that large, mostly equal files stay cheap.
    private static func editScript(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] {
            prefix += 1
        }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        let n = middleA.count
        let m = middleB.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] =
                        middleA[i] == middleB[j]
                        ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, oldIndex: $0, newIndex: $0) }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && middleA[i] == middleB[j] {
                edits.append(Edit(kind: .same, oldIndex: prefix + i, newIndex: prefix + j))
                i += 1
                j += 1
            } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
                edits.append(Edit(kind: .inserted, oldIndex: prefix + i, newIndex: prefix + j))
                j += 1
            } else {
                edits.append(Edit(kind: .deleted, oldIndex: prefix + i, newIndex: prefix + j))
                i += 1
            }
        }
        for offset in 0..<suffix {
            edits.append(
                Edit(
                    kind: .same, oldIndex: a.count - suffix + offset,
                    newIndex: b.count - suffix + offset))
        }
        return edits
    }
}
