package app

// Version is the program's version. Release builds set it with
// -ldflags "-X qscert/app.Version=..."; FyneApp.toml carries the same number
// (a test keeps them in step).
var Version = "0.1.0"
