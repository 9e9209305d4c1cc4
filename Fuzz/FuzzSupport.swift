// Shared by the payload fuzz targets. Scripts/fuzz.sh compiles this file, one target's entry
// file and the runtime sources into one module, so nothing here imports APIGenRuntime.

/// Decodes the ModifyPWByDomain response fields that generated code reads, to exercise the
/// field APIs on every payload that parses.
func decodeResponseFields(_ payload: PayloadObject) {
    _ = try? payload.decode(String.self, forKey: "RequestId")
    _ = try? payload.decodeIfPresent(String.self, forKey: "Code")
    _ = try? payload.decodeIfPresent(String.self, forKey: "Message")
    _ = try? payload.decodeIfPresent(Bool.self, forKey: "Success")
    _ = try? payload.decodeIfPresent(Int64.self, forKey: "Count")
    _ = try? payload.decodeIfPresent(Double.self, forKey: "Ratio")
    _ = try? payload.decodeListIfPresent(of: String.self, forKey: "Tags", itemName: "Tag")
    _ = try? ServiceErrorBody(from: payload)
}

/// Stops the fuzzer with a message when an invariant breaks.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError(message())
    }
}
