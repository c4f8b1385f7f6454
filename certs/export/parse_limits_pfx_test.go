package export_test

import (
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/export"
)

// TestRealPFXFilesAreNeverRefusedForTheirWork guards against the work limit
// mistaking encrypted bytes for parameters: encrypted content is random, so
// many encodings of one certificate must all load.
func TestRealPFXFilesAreNeverRefusedForTheirWork(t *testing.T) {
	exp, err := certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	encodings := []certstest.PFXEncoding{certstest.PFXLegacyDES, certstest.PFXLegacyRC2, certstest.PFXModern}
	for i := 0; i < 600; i++ {
		enc := encodings[i%len(encodings)]
		data, err := certstest.PFX(exp.Server, nil, enc, "Qlik!2026")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, keys, err := export.ParseFile("server.pfx", data, "Qlik!2026"); err != nil || len(keys) != 1 {
			t.Fatalf("encoding %d (%s) refused: %v", i, enc, err)
		}
	}
}
