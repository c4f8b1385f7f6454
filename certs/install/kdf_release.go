//go:build !qscert_killtest

package install

// killTestBuild is true only in a crash-test build (kdf_killtest.go).
const killTestBuild = false
