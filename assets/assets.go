// Package assets embeds what the program ships with: the icon and the
// translations. Translation files are named <area>.<lang>.json (the form
// fyne's lang and go-i18n read), one area per part of the program, so that
// each part's sentences sit together.
package assets

import (
	"embed"
	_ "embed"
)

// Translations holds translations/<area>.<lang>.json.
//
//go:embed translations
var Translations embed.FS

// TranslationsDir is the folder inside Translations.
const TranslationsDir = "translations"

// IconPNG is the program's icon, 512x512, drawn by tools/icon.
//
//go:embed icon.png
var IconPNG []byte

// LogoPNG is the icon at 128x128: the window's icon and the wizard's logo.
//
//go:embed logo.png
var LogoPNG []byte
