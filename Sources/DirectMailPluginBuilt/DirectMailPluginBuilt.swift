// The DirectMail client of this target is generated during the build by APIGenBuildPlugin from
// Specs/DirectMail, as apigen-config.json configures. The target tests the plugin: its types
// must behave as the checked-in DirectMail target's do. Nothing else belongs here.
