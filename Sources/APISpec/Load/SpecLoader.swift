import Foundation

/// The load stage: reads a folder of specs into products.
///
/// Each product is a subfolder of the specs folder holding `product.json` and either one JSON
/// file per action, such as `Specs/Greeting/SayHello.json`, or the vendor metadata and the
/// overlay that `product.json` names. Files are read in name order so that every run sees the
/// same model. Nothing is written.
public enum SpecLoader {
    /// The name of a product's own spec file inside its folder.
    public static let productFileName = "product.json"

    /// The largest spec file read, in bytes: 64 MiB, far above the largest vendor metadata
    /// file seen (2.7 MB), so that a runaway file fails fast instead of using gigabytes of
    /// memory. Pass `maxFileBytes` to the loading functions to change it.
    public static let defaultMaxFileBytes = 64 * 1024 * 1024

    /// Loads every product under `directory`, throwing all diagnostics of all files at once.
    ///
    /// File names in diagnostics are `displayPrefix` joined with the path relative to
    /// `directory`, so that they can be clicked from where the command ran.
    public static func loadProducts(
        in directory: URL,
        displayPrefix: String,
        maxFileBytes: Int = defaultMaxFileBytes
    ) throws(SpecError) -> [ProductSpec] {
        var warnings: [Diagnostic] = []
        return try loadProducts(
            in: directory, displayPrefix: displayPrefix, maxFileBytes: maxFileBytes,
            warnings: &warnings)
    }

    /// Loads every product under `directory` as above, adding the warnings of products
    /// imported from vendor metadata to `warnings`.
    public static func loadProducts(
        in directory: URL,
        displayPrefix: String,
        maxFileBytes: Int = defaultMaxFileBytes,
        warnings: inout [Diagnostic]
    ) throws(SpecError) -> [ProductSpec] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw SpecError([
                Diagnostic(
                    .error, at: SourceLocation(file: displayPrefix), path: "$",
                    "the specs folder does not exist; create it or pass the folder that holds the specs"
                )
            ])
        }
        let folders = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .sorted()
        var products: [ProductSpec] = []
        var diagnostics: [Diagnostic] = []
        for folder in folders {
            let folderURL = directory.appendingPathComponent(folder)
            guard
                fileManager.fileExists(
                    atPath: folderURL.appendingPathComponent(productFileName).path)
            else {
                let names = (try? fileManager.contentsOfDirectory(atPath: folderURL.path)) ?? []
                if names.contains(where: { $0.hasSuffix(".json") }) {
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            at: SourceLocation(file: join(displayPrefix, folder, productFileName)),
                            path: "$",
                            "the product file is missing, so the folder's specs cannot be read; add it"
                        ))
                }
                continue
            }
            let folderDisplay = join(displayPrefix, folder)
            if isImported(folderURL, display: folderDisplay) {
                do {
                    products.append(
                        try loadImportedProduct(
                            folderURL, display: folderDisplay, warnings: &warnings))
                } catch {
                    diagnostics += error.diagnostics
                }
                continue
            }
            let files = ((try? fileManager.contentsOfDirectory(atPath: folderURL.path)) ?? [])
                .filter { $0.hasSuffix(".json") }
                .sorted()
                .map {
                    (
                        url: folderURL.appendingPathComponent($0),
                        display: join(displayPrefix, folder, $0)
                    )
                }
            do {
                products.append(try loadProduct(files: files, maxFileBytes: maxFileBytes))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty {
            throw SpecError(diagnostics)
        }
        if products.isEmpty {
            throw SpecError([
                Diagnostic(
                    .error, at: SourceLocation(file: displayPrefix), path: "$",
                    "no product found; add a folder with a \(productFileName) file, such as DirectMail/\(productFileName)"
                )
            ])
        }
        return products
    }

    /// Loads one product from its files: its `product.json` and its action files.
    public static func loadProduct(
        files: [(url: URL, display: String)],
        maxFileBytes: Int = defaultMaxFileBytes
    ) throws(SpecError) -> ProductSpec {
        var texts: [(text: String, display: String)] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.url.path)
            if let size = attributes?[.size] as? Int, size > maxFileBytes {
                diagnostics.append(
                    Diagnostic(
                        .error, at: SourceLocation(file: file.display), path: "$",
                        "the file has \(size) bytes, more than the limit of \(maxFileBytes); split it or raise"
                            + " the limit"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: SourceLocation(file: file.display), path: "$",
                        "the file cannot be read; check that it exists and is readable"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let position = invalidUTF8Position(in: data)
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: SourceLocation(
                            file: file.display, line: position.line, column: position.column),
                        path: "$", "the file is not valid UTF-8 here; save it as UTF-8"))
                continue
            }
            texts.append((text, file.display))
        }
        if !diagnostics.isEmpty {
            throw SpecError(diagnostics)
        }
        return try loadProduct(texts: texts)
    }

    /// Loads one product from the texts of its files, `product.json` among them, as the tests
    /// and the fuzzer do.
    public static func loadProduct(texts: [(text: String, display: String)]) throws(SpecError)
        -> ProductSpec
    {
        var decoder = SpecDecoder()
        var product: ProductSpec?
        var actions: [ActionSpec] = []
        var diagnostics: [Diagnostic] = []
        for file in texts {
            let json: LocatedJSON
            do {
                json = try LocatedJSONParser.parse(file.text, file: file.display)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            if file.display.hasSuffix("/" + productFileName) || file.display == productFileName {
                product = decoder.decodeProduct(json, file: file.display)
            } else if let action = decoder.decodeAction(json, file: file.display) {
                actions.append(action)
            }
        }
        diagnostics += decoder.diagnostics
        if product == nil && diagnostics.isEmpty {
            let folder =
                texts.first.map { ($0.display as NSString).deletingLastPathComponent } ?? ""
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: join(folder, productFileName)), path: "$",
                    "the product file is missing; add it"))
        }
        guard diagnostics.isEmpty, var product else {
            throw SpecError(diagnostics.sorted { $0.location < $1.location })
        }
        product.actions = actions.sorted { $0.name < $1.name }
        return product
    }

    /// Returns whether the folder's `product.json` names vendor metadata, so that the folder is
    /// imported rather than read as spec files.
    public static func isImported(_ folder: URL, display: String) -> Bool {
        vendorProductJSON(folder, display: display) != nil
    }

    /// Loads a product folder whose `product.json` names vendor metadata and an overlay,
    /// adding the import's warnings to `warnings`.
    public static func loadImportedProduct(
        _ folder: URL,
        display: String,
        warnings: inout [Diagnostic]
    ) throws(SpecError) -> ProductSpec {
        guard let productJSON = vendorProductJSON(folder, display: display) else {
            throw SpecError([
                Diagnostic(
                    .error, at: SourceLocation(file: join(display, productFileName)),
                    path: "$.vendorMetadata",
                    "the product file does not name vendor metadata; add \"vendorMetadata\": \"Vendor/<file>.api-docs.json\""
                )
            ])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != productFileName }
            .sorted()
        let result = ImportedProductLoader.load(
            productJSON: productJSON, folder: folder, folderDisplay: display, otherSpecFiles: names)
        warnings += result.diagnostics.filter { $0.severity == .warning }
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let product = result.product, errors.isEmpty else {
            throw SpecError(errors.sorted { $0.location < $1.location })
        }
        return product
    }

    /// Returns the parsed `product.json` of a folder when it names vendor metadata.
    private static func vendorProductJSON(_ folder: URL, display: String) -> LocatedJSON? {
        guard
            let data = FileManager.default.contents(
                atPath: folder.appendingPathComponent(productFileName).path),
            let text = String(data: data, encoding: .utf8),
            let json = try? LocatedJSONParser.parse(text, file: join(display, productFileName)),
            ImportedProductLoader.namesVendorMetadata(json)
        else {
            return nil
        }
        return json
    }

    private static func join(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// Returns the line and column of the first byte that is not valid UTF-8.
    static func invalidUTF8Position(in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = data.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
