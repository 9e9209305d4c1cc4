// The Greeting client is generated during the build by APIGenBuildPlugin from the specs in
// Specs/Greeting. The spec file Hello.json becomes Hello.swift, which declares `SayHello`.
