package install

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// ResealManifest changes a backup's manifest the way someone who knows the
// password could: change, then a fresh MAC. Without reseal the change is a
// plain edit, which the MAC must catch.
func ResealManifest(dir, password string, reseal bool, change func(*Manifest)) error {
	path := filepath.Join(dir, ManifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	change(&m)
	if reseal {
		if err := m.seal(password); err != nil {
			return err
		}
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}
