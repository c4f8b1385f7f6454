//go:build qscert_killtest

package install

// killTestBuild: this is a crash-test build, whose processes the tests
// kill at every write; FastKDFEnv may lower the backups' count there.
const killTestBuild = true
