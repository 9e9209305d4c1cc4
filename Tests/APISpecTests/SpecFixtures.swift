import Foundation

@testable import APISpec

/// A valid product file, the base that bad-spec tests break one key at a time.
let productJSON = """
    {
      "specFormat": 1,
      "product": "Demo",
      "module": "DemoKit",
      "title": "A demo product.",
      "apiVersion": "2020-01-01",
      "style": "RPC",
      "defaultRegion": "cn-hangzhou",
      "endpoints": { "cn-hangzhou": "demo.example.com" }
    }
    """

/// A valid action file with one rule, one error and one sample.
let actionJSON = """
    {
      "action": "SetName",
      "summary": "Sets a name.",
      "methods": ["POST"],
      "parameters": [
        {
          "name": "Name",
          "type": "string",
          "required": true,
          "description": "The name.",
          "rules": [
            { "kind": "length", "min": 1, "max": 8, "errorCode": "InvalidName" }
          ]
        }
      ],
      "response": {
        "fields": [
          { "name": "RequestId", "type": "string", "required": true, "description": "The request ID." },
          { "name": "Success", "type": "boolean", "description": "Whether it worked." }
        ]
      },
      "errors": [
        { "code": "InvalidName", "httpStatus": 400, "meaning": "The name is invalid." }
      ],
      "samples": [
        { "name": "ok", "format": "json", "body": "{\\"RequestId\\": \\"r\\", \\"Success\\": \\"true\\"}" }
      ]
    }
    """

/// Loads and checks a product made of `product` and `action`, returning every diagnostic as
/// the CLI prints it.
func diagnostics(product: String = productJSON, action: String = actionJSON) -> [String] {
    do {
        let spec = try SpecLoader.loadProduct(texts: [
            (text: action, display: "Specs/Demo/SetName.json"),
            (text: product, display: "Specs/Demo/product.json"),
        ])
        return SpecChecker.check(spec).map(\.description)
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Returns `actionJSON` with the first occurrence of a substring replaced, failing loudly
/// when it is not there.
func action(replacing target: String, with replacement: String) -> String {
    guard let range = actionJSON.range(of: target) else {
        preconditionFailure("the fixture does not contain \(target)")
    }
    return actionJSON.replacingCharacters(in: range, with: replacement)
}
