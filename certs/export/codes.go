package export

import (
	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Codes is the table of what reading an export can report, each code with
// its default severity. Each has a sentence under "code.<code>" in
// assets/translations/certs.<lang>.json and a broken export in
// certs/certstest that produces it.
var Codes = &coded.Registry{}

// Findings about the files of an export.
var (
	CodeFileMissing      = Codes.Error("file-missing")
	CodeFileUnreadable   = boundedfile.CodeUnreadable // declared there, with file-not-regular
	CodeFileTooLarge     = boundedfile.CodeTooLarge
	CodeFileCorrupt      = Codes.Error("file-corrupt")
	CodeFileNameNotUTF8  = Codes.Warning("file-name-not-utf8")
	CodeUnknownFormat    = Codes.Error("unknown-format")
	CodeNoCertificates   = Codes.Error("no-certificates")
	CodePasswordRequired = Codes.Error("password-required")
	CodeWrongPassword    = Codes.Error("wrong-password")
	CodeNoPrivateKey     = Codes.Error("no-private-key")
	CodeKeyMismatch      = Codes.Error("key-mismatch")
	CodeSwappedFiles     = Codes.Warning("swapped-files")
	CodeDuplicateFiles   = Codes.Info("duplicate-files")
	CodeConflictingFiles = Codes.Error("conflicting-files")
	CodePartialExport    = Codes.Warning("partial-export")

	// CodeConflictingInFile: one file holds two different certificates of
	// one role (a root.pem with an old and a new root).
	CodeConflictingInFile = Codes.Error("conflicting-in-file")
	// CodePasswordUnsupported: the password has characters (an emoji) that
	// the PFX reader cannot turn into a PKCS#12 key.
	CodePasswordUnsupported = Codes.Error("password-unsupported")
	// CodePFXNoMAC: a PFX without an integrity check (openssl -nomac),
	// which go-pkcs12 opens only when it has no password.
	CodePFXNoMAC = Codes.Error("pfx-no-mac")
	// CodeKeyEncryptionUnsupported: a PKCS#8 key encrypted with an older
	// scheme (PBES1, PKCS#12 PBE) that no library here decrypts.
	CodeKeyEncryptionUnsupported = Codes.Error("key-encryption-unsupported")
)

// Findings about a zipped export, each about the zip as a whole: a zip is
// refused before anything in it is inflated (see zip.go for the limits).
var (
	CodeZipTooLarge          = Codes.Error("zip-too-large")
	CodeZipTooManyEntries    = Codes.Error("zip-too-many-entries")
	CodeZipCompressionRatio  = Codes.Error("zip-compression-ratio")
	CodeZipEncrypted         = Codes.Error("zip-encrypted")
	CodeZipUnsupportedMethod = Codes.Error("zip-unsupported-method")
	CodeZipCorrupt           = Codes.Error("zip-corrupt")
	CodeZipSeveralExports    = Codes.Error("zip-several-exports")
	CodeZipFolderNotFound    = Codes.Error("zip-folder-not-found")
)

// The export as a whole asks for more than any real export: too many files
// or bytes, too many certificates and keys, too much key derivation.
var (
	CodeExportTooLarge    = Codes.Error("export-too-large")
	CodeExportTooMuchWork = Codes.Error("export-too-much-work")
)

// Errors of the operation itself: the folder cannot be used at all.
// LoadExport returns them as errors rather than findings, and the CLI
// exits with 2.
var (
	CodeFolderNotFound   = Codes.Error("folder-not-found")
	CodeFolderUnreadable = Codes.Error("folder-unreadable")
)

func newFinding(code coded.Code, role qlik.Role, file string, params ...string) finding.Finding {
	return finding.New(Codes, code, role, file, params...)
}
