package app

// Version is the program's version. Plain `go build` keeps FyneApp.toml's
// number (app/metadata_test.go keeps the two in step). The Windows and
// release builds (tools/windows/build.sh, release.sh) set it with
// -ldflags "-X qscert/app.Version=..." to the git tag of the commit when
// there is one, and write the same string into qscert.exe's version
// resource, so that `qscert version`, the wizard (through the Fyne
// metadata, app/metadata.go) and Windows' file properties agree.
var Version = "0.1.0"
