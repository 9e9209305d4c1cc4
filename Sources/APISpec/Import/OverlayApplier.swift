/// Merges an overlay into an imported product. An overlay entry that names an action,
/// parameter or field the metadata does not have is an error at the entry's key, because it
/// would otherwise silently correct nothing.
struct OverlayApplier {
    var diagnostics: [Diagnostic] = []

    private mutating func error(_ location: SourceLocation, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, path: path, message))
    }

    /// Applies the overlay; `sourceFile` names the metadata and the overlay in the header of
    /// every generated file that the overlay changes.
    mutating func apply(
        _ overlay: ProductOverlay, to product: inout ProductSpec, sourceFile: String
    ) {
        if let title = overlay.title {
            product.title = title
        }
        for entry in overlay.endpoints {
            let endpoint = Endpoint(region: entry.key, host: entry.value, location: entry.location)
            if let index = product.endpoints.firstIndex(where: { $0.region == entry.key }) {
                product.endpoints[index] = endpoint
            } else {
                product.endpoints.append(endpoint)
            }
        }
        if let defaultRegion = overlay.defaultRegion {
            product.defaultRegion = defaultRegion
        }
        product.apiVersionOverrides = overlay.apiVersionOverrides.map {
            APIVersionOverride(region: $0.key, apiVersion: $0.value, location: $0.location)
        }
        product.notes += overlay.notes
        for entry in overlay.actions {
            guard let index = product.actions.firstIndex(where: { $0.name == entry.name }) else {
                error(
                    entry.location, entry.path,
                    "the action \"\(entry.name)\" is not in the vendor metadata; fix the name or remove the entry"
                        + suggestion(entry.name, among: product.actions.map(\.name)))
                continue
            }
            apply(entry, to: &product.actions[index])
            product.actions[index].sourceFile = sourceFile
        }
    }

    private mutating func apply(_ entry: ProductOverlay.Action, to action: inout ActionSpec) {
        action.summary = entry.summary ?? action.summary
        action.description = entry.description ?? action.description
        action.isWrite = entry.isWrite ?? action.isWrite
        action.deprecated = entry.deprecated ?? action.deprecated
        action.methods = entry.methods ?? action.methods
        action.notes += entry.notes ?? []
        action.response.xmlRoot = entry.xmlRoot ?? action.response.xmlRoot
        action.response.successFlag = entry.successFlag ?? action.response.successFlag
        for parameterEntry in entry.parameters {
            guard
                let index = action.parameters.firstIndex(where: { $0.name == parameterEntry.name })
            else {
                error(
                    parameterEntry.location, parameterEntry.path,
                    "the action \"\(action.name)\" has no parameter \"\(parameterEntry.name)\" in the vendor metadata; fix the name or remove the entry"
                        + suggestion(parameterEntry.name, among: action.parameters.map(\.name)))
                continue
            }
            apply(parameterEntry, to: &action.parameters[index])
        }
        for fieldEntry in entry.fields {
            if !modifyField(fieldEntry.names[...], in: &action.response.fields, entry: fieldEntry) {
                error(
                    fieldEntry.location, fieldEntry.path,
                    "the response of \"\(action.name)\" has no field \"\(fieldEntry.names.joined(separator: "."))\" in the vendor metadata; fix the path, such as Data.Items, or remove the entry"
                )
            }
        }
        for errorEntry in entry.errors {
            if let index = action.errors.firstIndex(where: { $0.code == errorEntry.code }) {
                action.errors[index].httpStatus =
                    errorEntry.httpStatus ?? action.errors[index].httpStatus
                action.errors[index].meaning = errorEntry.meaning ?? action.errors[index].meaning
                action.errors[index].notes += errorEntry.notes ?? []
                action.errors[index].location = errorEntry.location
            } else if let status = errorEntry.httpStatus, let meaning = errorEntry.meaning {
                action.errors.append(
                    ErrorSpec(
                        code: errorEntry.code, httpStatus: status, meaning: meaning,
                        notes: errorEntry.notes ?? [], location: errorEntry.location))
            } else {
                error(
                    errorEntry.location, errorEntry.path,
                    "the error code \"\(errorEntry.code)\" is not in the vendor metadata, so the entry adds it and needs both \"httpStatus\" and \"meaning\""
                )
            }
        }
        // A sample named like a vendor sample, such as `metadata-xml`, corrects that sample.
        for sample in entry.samples {
            if let index = action.samples.firstIndex(where: { $0.name == sample.name }) {
                action.samples[index] = sample
            } else {
                action.samples.append(sample)
            }
        }
    }

    private func apply(_ entry: ProductOverlay.Parameter, to parameter: inout ParameterSpec) {
        parameter.description = entry.description ?? parameter.description
        parameter.example = entry.example ?? parameter.example
        parameter.swiftName = entry.swiftName ?? parameter.swiftName
        parameter.isRequired = entry.isRequired ?? parameter.isRequired
        parameter.isSecret = entry.isSecret ?? parameter.isSecret
        parameter.deprecated = entry.deprecated ?? parameter.deprecated
        parameter.rules = entry.rules ?? parameter.rules
        parameter.notes += entry.notes ?? []
        parameter.sourceLocation = entry.location
    }

    /// Applies a field entry to the field at `names`, descending into object fields and into
    /// the elements of lists of objects; returns false when no field has the path.
    private func modifyField(
        _ names: ArraySlice<String>, in fields: inout [FieldSpec], entry: ProductOverlay.Field
    ) -> Bool {
        guard let first = names.first, let index = fields.firstIndex(where: { $0.name == first })
        else {
            return false
        }
        let rest = names.dropFirst()
        if rest.isEmpty {
            var field = fields[index]
            field.description = entry.description ?? field.description
            field.example = entry.example ?? field.example
            field.swiftName = entry.swiftName ?? field.swiftName
            field.itemName = entry.itemName ?? field.itemName
            field.isRequired = entry.isRequired ?? field.isRequired
            field.sourceLocation = entry.location
            fields[index] = field
            return true
        }
        switch fields[index].type {
        case .object(var object):
            let found = modifyField(rest, in: &object.fields, entry: entry)
            fields[index].type = .object(object)
            return found
        case .array(.object(var object)):
            let found = modifyField(rest, in: &object.fields, entry: entry)
            fields[index].type = .array(.object(object))
            return found
        default:
            return false
        }
    }

    private func suggestion(_ name: String, among names: [String]) -> String {
        guard let best = names.min(by: { editDistance($0, name) < editDistance($1, name) }),
            editDistance(best, name) <= max(2, name.count / 3)
        else {
            return ""
        }
        return "; did you mean \"\(best)\"?"
    }
}
