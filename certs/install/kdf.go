package install

import (
	"os"
	"testing"
)

// KDFIterations is the PBKDF2-SHA256 count that protects backups: the key
// of each backup PFX file and the manifest's MAC key. 600,000 is OWASP's
// 2023 count for PBKDF2-HMAC-SHA256; a manifest asking for fewer is
// refused as a downgrade.
const KDFIterations = 600_000

// FastKDFEnv, set to 1 in a test binary or a crash-test build (tag
// qscert_killtest), lowers the count to 2,048: tests make hundreds of
// backups, and 600,000 iterations cost most of a second each. In a
// release program it is ignored, so no setting can weaken a real backup.
// One test checks the real count.
const FastKDFEnv = "QSCERT_TEST_FAST_KDF"

func kdfIterations() int {
	if (testing.Testing() || killTestBuild) && os.Getenv(FastKDFEnv) == "1" {
		return 2048
	}
	return KDFIterations
}
