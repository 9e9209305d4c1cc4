import Foundation

/// Loads a product folder whose `product.json` names vendor metadata instead of listing the
/// actions in spec files, such as
/// `{"specFormat": 1, "module": "DirectMail", "vendorMetadata": "Vendor/dm.json", "overlay": "overlay.json"}`.
enum ImportedProductLoader {
    /// Returns whether a parsed `product.json` names vendor metadata.
    static func namesVendorMetadata(_ json: LocatedJSON) -> Bool {
        json["vendorMetadata"] != nil
    }

    /// Reads `vendorMetadata` and `overlay` from `product.json`, imports the metadata and
    /// merges the overlay. Paths in `product.json` are relative to its folder.
    static func load(
        productJSON: LocatedJSON,
        folder: URL,
        folderDisplay: String,
        otherSpecFiles: [String]
    ) -> (product: ProductSpec?, diagnostics: [Diagnostic]) {
        let productDisplay = join(folderDisplay, SpecLoader.productFileName)
        var diagnostics: [Diagnostic] = []
        guard var reader = ObjectReader(productJSON, path: "$", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        if let version = reader.integer("specFormat", required: true), version != 1 {
            reader.error(
                "unsupported specFormat \(version); this generator reads specFormat 1",
                at: reader.location, path: "$.specFormat")
        }
        let module = reader.string("module", required: true)
        let vendorPath = reader.string("vendorMetadata", required: true)
        let overlayPath = reader.string("overlay", required: false)
        reader.finish()
        diagnostics += reader.diagnostics
        for name in otherSpecFiles where name != overlayPath && name != vendorPath {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: join(folderDisplay, name)), path: "$",
                    "a product that names \"vendorMetadata\" takes no action spec files; move the file's corrections into the overlay"
                ))
        }
        guard let module, let vendorPath, diagnostics.allSatisfy({ $0.severity != .error }) else {
            return (nil, diagnostics)
        }
        let vendorDisplay = join(folderDisplay, vendorPath)
        guard
            let vendorText = readText(
                folder.appendingPathComponent(vendorPath), display: vendorDisplay,
                into: &diagnostics)
        else {
            return (nil, diagnostics)
        }
        let imported = VendorMetadataImporter.importProduct(
            text: vendorText, file: vendorDisplay, module: module)
        diagnostics += imported.diagnostics
        guard var product = imported.product else {
            return (nil, diagnostics)
        }
        product.sourceFile = productDisplay
        product.location = productJSON.location
        product.isImported = true
        if let overlayPath {
            let overlayDisplay = join(folderDisplay, overlayPath)
            guard
                let overlayText = readText(
                    folder.appendingPathComponent(overlayPath), display: overlayDisplay,
                    into: &diagnostics)
            else {
                return (nil, diagnostics)
            }
            var decoder = SpecDecoder()
            let overlay: ProductOverlay?
            do {
                overlay = decoder.decodeOverlay(
                    try LocatedJSONParser.parse(overlayText, file: overlayDisplay))
            } catch {
                diagnostics += error.diagnostics
                return (nil, diagnostics)
            }
            diagnostics += decoder.diagnostics
            if let overlay {
                var applier = OverlayApplier()
                applier.apply(
                    overlay, to: &product, sourceFile: "\(vendorDisplay) and \(overlayDisplay)")
                diagnostics += applier.diagnostics
            }
        }
        diagnostics += VendorMetadataImporter.removeUndecodableSamples(
            from: &product, file: vendorDisplay)
        return (product, diagnostics)
    }

    private static func readText(_ url: URL, display: String, into diagnostics: inout [Diagnostic])
        -> String?
    {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: display), path: "$",
                    "the file cannot be read; check the path in product.json and that the file exists"
                ))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: display), path: "$",
                    "the file is not valid UTF-8; save it as UTF-8"))
            return nil
        }
        return text
    }

    private static func join(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "/")
    }
}
