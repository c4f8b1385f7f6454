package store

import (
	"encoding/json"
	"path/filepath"

	"qscert/certs/boundedfile"
	"qscert/certs/durable"
)

// friendly-names.json keeps each location's friendly names by thumbprint,
// beside the bundle rather than in it: a PEM header on a certificate makes
// OpenSSL refuse the bundle ("not proc type"), and a name is free text (a
// newline, "-----BEGIN ") that a header cannot hold. JSON holds any text.
//
// The file is only ever a hint: it is written before the bundle that adds
// a certificate and pruned after the bundle that removes one, so it may
// name certificates that are gone (ignored) and, if it is missing or
// damaged, the certificates list with no name. Nothing else depends on it.

type namesFile struct {
	SchemaVersion int               `json:"schemaVersion"`
	FriendlyNames map[string]string `json:"friendlyNames"`
}

// readNames returns the friendly names of loc; a missing, unreadable or
// damaged file gives none.
func (f *Folder) readNames(loc Location) map[string]string {
	data, err := boundedfile.Read(filepath.Join(f.dir(loc), namesName), maxNamesSize)
	if err != nil {
		return map[string]string{}
	}
	var nf namesFile
	if json.Unmarshal(data, &nf) != nil || nf.FriendlyNames == nil {
		return map[string]string{}
	}
	return nf.FriendlyNames
}

func (f *Folder) writeNames(loc Location, names map[string]string) error {
	data, err := json.MarshalIndent(namesFile{SchemaVersion: 1, FriendlyNames: names}, "", "  ")
	if err != nil {
		return err
	}
	return durable.WriteFile(filepath.Join(f.dir(loc), namesName), append(data, '\n'), 0o644)
}

func sameNames(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
