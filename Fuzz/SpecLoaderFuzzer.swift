// libFuzzer entry point for the spec loader and checks. Build and run it with
// `Scripts/fuzz.sh spec 60`.
//
// Each input is tried twice: as an action file beside a valid product file, and as the
// product file beside a valid action file. Loading and checking must never crash, and every
// diagnostic must name the file it is about.

private let validProduct = """
    {"specFormat": 1, "product": "Demo", "module": "DemoKit", "title": "A demo.",
     "apiVersion": "2020-01-01", "style": "RPC", "defaultRegion": "r1",
     "endpoints": {"r1": "demo.example.com"}}
    """

private let validAction = """
    {"action": "Ping", "summary": "Pings.", "methods": ["POST"], "parameters": [],
     "response": {"fields": [{"name": "RequestId", "type": "string", "required": true,
     "description": "The request ID."}]}, "errors": []}
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    check([(validProduct, "Specs/Demo/product.json"), (text, "Specs/Demo/Fuzzed.json")], fuzzed: "Specs/Demo/Fuzzed.json")
    check([(text, "Specs/Demo/product.json"), (validAction, "Specs/Demo/Ping.json")], fuzzed: "Specs/Demo/product.json")
    return 0
}

private func check(_ texts: [(text: String, display: String)], fuzzed: String) {
    let diagnostics: [Diagnostic]
    do {
        let product = try SpecLoader.loadProduct(texts: texts)
        diagnostics = SpecChecker.check(product)
    } catch {
        diagnostics = error.diagnostics
    }
    for diagnostic in diagnostics {
        let files = texts.map(\.display)
        if !files.contains(diagnostic.location.file) {
            fatalError("a diagnostic names an unknown file: \(diagnostic)")
        }
        _ = diagnostic.description
    }
}
