package certs

import "qscert/certs/coded"

// Finding codes. Each has a sentence in assets/translations/*.json under
// "code.<code>" and a test in the bad-input corpus that produces it.
const (
	CodeFileMissing       coded.Code = "file-missing"
	CodeFileUnreadable    coded.Code = "file-unreadable"
	CodeFileTooLarge      coded.Code = "file-too-large"
	CodeFileCorrupt       coded.Code = "file-corrupt"
	CodeFileNameNotUTF8   coded.Code = "file-name-not-utf8"
	CodeUnknownFormat     coded.Code = "unknown-format"
	CodeNoCertificates    coded.Code = "no-certificates"
	CodePasswordRequired  coded.Code = "password-required"
	CodeWrongPassword     coded.Code = "wrong-password"
	CodeNoPrivateKey      coded.Code = "no-private-key"
	CodeKeyMismatch       coded.Code = "key-mismatch"
	CodeSwappedFiles      coded.Code = "swapped-files"
	CodeDuplicateFiles    coded.Code = "duplicate-files"
	CodeConflictingFiles  coded.Code = "conflicting-files"
	CodeNotSignedByRoot   coded.Code = "not-signed-by-root"
	CodeRootNotSelfSigned coded.Code = "root-not-self-signed"
	CodeMixedCA           coded.Code = "mixed-ca"
	CodeExpired           coded.Code = "expired"
	CodeNotYetValid       coded.Code = "not-yet-valid"
	CodeExpiresSoon       coded.Code = "expires-soon"
	CodeMachineMismatch   coded.Code = "machine-mismatch"
	CodeSiteMismatch      coded.Code = "site-mismatch"
	CodeHostIsIP          coded.Code = "host-is-ip"
	CodeNotQlikClient     coded.Code = "not-qlik-client"
	CodeWeakKey           coded.Code = "weak-key"
	CodePartialExport     coded.Code = "partial-export"
)

// Errors of the operation itself (the folder cannot be used at all). They
// make the CLI exit with 2 rather than produce a report.
const (
	CodeFolderNotFound   coded.Code = "folder-not-found"
	CodeFolderUnreadable coded.Code = "folder-unreadable"
)

// FindingCodes lists every finding code, for the translation and corpus tests.
var FindingCodes = []coded.Code{
	CodeFileMissing, CodeFileUnreadable, CodeFileTooLarge, CodeFileCorrupt, CodeFileNameNotUTF8,
	CodeUnknownFormat, CodeNoCertificates, CodePasswordRequired, CodeWrongPassword, CodeNoPrivateKey,
	CodeKeyMismatch, CodeSwappedFiles, CodeDuplicateFiles, CodeConflictingFiles, CodeNotSignedByRoot,
	CodeRootNotSelfSigned, CodeMixedCA, CodeExpired, CodeNotYetValid, CodeExpiresSoon,
	CodeMachineMismatch, CodeSiteMismatch, CodeHostIsIP, CodeNotQlikClient, CodeWeakKey, CodePartialExport,
}

// ErrorCodes lists the codes LoadExport and LoadFiles return as errors.
var ErrorCodes = []coded.Code{CodeFolderNotFound, CodeFolderUnreadable}
