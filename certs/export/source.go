package export

import (
	"path/filepath"

	"qscert/certs/finding"
)

// source is one file of an export, on disk or inside a zip.
type source struct {
	name  string // the file's own name: its role hint, its extension, whether the QMC writes it
	shown string // how findings name it: the name, or its path inside a picked zip
	read  func() ([]byte, *finding.Finding)
}

// fileSource is a file on disk, read with the limits of readBounded.
func fileSource(path string) source {
	name := filepath.Base(path)
	return source{name: name, shown: displayName(name), read: func() ([]byte, *finding.Finding) {
		return readBounded(path, name)
	}}
}
