//go:build cgo

package app

import "fyne.io/fyne/v2"

// appID and appName are the program's identity for Fyne: preferences are
// kept under the ID. FyneApp.toml (read by `fyne package`) carries the same
// values, and a test keeps the two in step, because plain `go build` does
// not read that file.
const (
	appID   = "com.qscert.wizard"
	appName = "qscert"
	// appIconPath is FyneApp.toml's Icon, relative to the repository.
	appIconPath = "assets/icon.png"
)

// appMetadata is what app/gui.go gives fyneapp.SetMetadata.
func appMetadata(icon fyne.Resource) fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         appID,
		Name:       appName,
		Version:    Version,
		Build:      1,
		Icon:       icon,
		Release:    true,
		Migrations: map[string]bool{"fyneDo": true},
	}
}
