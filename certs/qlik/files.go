package qlik

import "strings"

// The file names the QMC's "Export certificates" writes. PEM format:
// client.pem client_key.pem server.pem server_key.pem root.pem; Windows
// format: client.pfx server.pfx root.cer.
const (
	FileClientPEM    = "client.pem"
	FileClientKeyPEM = "client_key.pem"
	FileServerPEM    = "server.pem"
	FileServerKeyPEM = "server_key.pem"
	FileRootPEM      = "root.pem"
	FileClientPFX    = "client.pfx"
	FileServerPFX    = "server.pfx"
	FileRootCER      = "root.cer"
)

var qmcFileNames = map[string]bool{
	FileClientPEM: true, FileClientKeyPEM: true, FileServerPEM: true, FileServerKeyPEM: true, FileRootPEM: true,
	FileClientPFX: true, FileServerPFX: true, FileRootCER: true,
}

// IsQMCFileName reports whether name (any case) is one the QMC writes.
func IsQMCFileName(name string) bool { return qmcFileNames[strings.ToLower(name)] }

// CertificateFile is the file that holds a role's certificate in an export
// of that format: the name a message should give when it is missing.
func CertificateFile(r Role, f Format) string {
	pem := f == FormatPEM
	switch r {
	case RoleRoot:
		return pick(pem, FileRootPEM, FileRootCER)
	case RoleClient:
		return pick(pem, FileClientPEM, FileClientPFX)
	case RoleServer:
		return pick(pem, FileServerPEM, FileServerPFX)
	}
	return ""
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// ExportExtensions are the file name endings an export's files have, in
// either format and as other tools name them. A folder's other files (a
// README, a copy of the password) are not read.
var ExportExtensions = []string{".pem", ".cer", ".crt", ".der", ".pfx", ".p12", ".key"}

// ArchiveExtensions are the endings of files that hold a whole export:
// people copy the export folder as a .zip. They are not files of an
// export: a folder's .zip is not read along with its files.
var ArchiveExtensions = []string{".zip"}

// PickerExtensions are what a file picker offers: an export's files, or a
// zip of the export.
var PickerExtensions = append(append([]string(nil), ExportExtensions...), ArchiveExtensions...)

// IsExportFileName reports whether a file of that name may be part of an
// export.
func IsExportFileName(name string) bool { return hasExtension(name, ExportExtensions) }

// IsPickableFileName reports whether a file of that name may be chosen as
// an export or a part of one: an export file or a zip of the export.
func IsPickableFileName(name string) bool { return hasExtension(name, PickerExtensions) }

func hasExtension(name string, exts []string) bool {
	lower := strings.ToLower(name)
	for _, ext := range exts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}
