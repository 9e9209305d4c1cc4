import APISpec
import Foundation

extension Generator {
    /// Renders one checked product the way the build plugin lays it out, where each action file
    /// is named after its spec file instead of after the action's Swift type.
    ///
    /// A build plugin must declare every output file before any spec is parsed, and the spec
    /// file names are all it can see. So `Greet.json` becomes `<Module>/Greet.swift` here even
    /// when its `action` key is `greet-user`. The contents are the same as ``render(_:)``'s.
    public static func renderForBuildPlugin(_ product: ProductSpec) -> [GeneratedFile] {
        // The same steps as `render(_:)`, which names action files after their types.
        var files = [
            GeneratedFile(
                path: "\(product.module)/\(product.module)Client.swift",
                contents: ClientRenderer(product: product).render()
            )
        ]
        for action in product.actions {
            var renderer = ActionRenderer(action: action, product: product)
            files.append(
                GeneratedFile(
                    path: buildPluginPath(of: action, in: product),
                    contents: renderer.render()
                )
            )
        }
        // The plugin names one output per action of the vendor metadata before anything is
        // imported, so an action the importer left out gets a file that declares nothing.
        for name in product.omittedActions {
            files.append(
                GeneratedFile(
                    path: "\(product.module)/\(name).swift",
                    contents: OutputWriter.generatedHeaderPrefix + "\(product.sourceFile).\n"
                        + "// The action \(name) could not be imported; apigen printed a warning with"
                        + " the reason.\n"))
        }
        return files
    }

    /// Returns the build plugin's path for an action's file: the module folder and the spec
    /// file's name with `.swift` in place of `.json`, such as `DirectMail/ModifyPWByDomain.swift`.
    /// An action imported from vendor metadata has no file of its own, so its wire name, the
    /// key under the metadata's `apis`, takes the file name's place.
    public static func buildPluginPath(of action: ActionSpec, in product: ProductSpec) -> String {
        if product.isImported {
            return "\(product.module)/\(action.name).swift"
        }
        let fileName = (action.sourceFile as NSString).lastPathComponent
        let baseName = (fileName as NSString).deletingPathExtension
        return "\(product.module)/\(baseName).swift"
    }
}
