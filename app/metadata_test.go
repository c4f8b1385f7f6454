//go:build cgo

package app

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"

	"qscert/assets"
)

// fyneAppTOML is the part of FyneApp.toml this program uses.
type fyneAppTOML struct {
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
	Migrations map[string]bool
}

func TestFyneAppTOMLMatchesTheMetadataSetInCode(t *testing.T) {
	var f fyneAppTOML
	if _, err := toml.DecodeFile(filepath.Join("..", "FyneApp.toml"), &f); err != nil {
		t.Fatal(err)
	}
	m := appMetadata(nil)
	if f.Details.ID != m.ID || f.Details.Name != m.Name || f.Details.Version != m.Version || f.Details.Build != m.Build {
		t.Errorf("FyneApp.toml says %+v; the code sets ID=%q Name=%q Version=%q Build=%d",
			f.Details, m.ID, m.Name, m.Version, m.Build)
	}
	if f.Details.Version != Version {
		t.Errorf("FyneApp.toml Version = %q, app.Version = %q", f.Details.Version, Version)
	}
	if !reflect.DeepEqual(f.Migrations, m.Migrations) || !f.Migrations["fyneDo"] {
		t.Errorf("Migrations: toml %v, code %v; both need fyneDo = true", f.Migrations, m.Migrations)
	}
	if f.Details.Icon != appIconPath {
		t.Errorf("Icon = %q, want %q", f.Details.Icon, appIconPath)
	}
	data, err := os.ReadFile(filepath.Join("..", f.Details.Icon))
	if err != nil {
		t.Fatalf("the icon FyneApp.toml names is missing: %v", err)
	}
	if !bytes.Equal(data, assets.IconPNG) {
		t.Error("the icon FyneApp.toml names is not the one embedded in the program")
	}
}
