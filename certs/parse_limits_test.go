package certs

import (
	"encoding/asn1"
	"errors"
	"testing"

	"qscert/certs/coded"
)

// kdfParams is the shape of PBE and PBKDF2 parameters: a salt, then an
// iteration count.
type kdfParams struct {
	Salt       []byte
	Iterations int
}

func TestKDFWorkBoundedRefusesHugeIterationCounts(t *testing.T) {
	for _, c := range []struct {
		iterations int
		want       bool
	}{{1, true}, {2048, true}, {600000, true}, {maxKDFIterations, true}, {maxKDFIterations + 1, false}, {1 << 30, false}} {
		der, err := asn1.Marshal(kdfParams{Salt: []byte("saltsalt"), Iterations: c.iterations})
		if err != nil {
			t.Fatal(err)
		}
		if got := kdfWorkBounded(der); got != c.want {
			t.Errorf("%d iterations: bounded = %v, want %v", c.iterations, got, c.want)
		}
		// Nested inside an OCTET STRING, as in a PFX's content.
		wrapped, _ := asn1.Marshal(struct{ Inner []byte }{der})
		if got := kdfWorkBounded(wrapped); got != c.want {
			t.Errorf("%d iterations, wrapped: bounded = %v, want %v", c.iterations, got, c.want)
		}
	}
}

func TestParsePFXRefusesHugeIterationCountsBeforeDecoding(t *testing.T) {
	der, _ := asn1.Marshal(kdfParams{Salt: []byte("saltsalt"), Iterations: 1 << 30})
	_, err := parsePFX(der, "pw")
	if !errors.Is(err, errTooMuchWork) || coded.CodeOf(err) != CodeFileCorrupt {
		t.Fatalf("a PFX asking for 2^30 iterations gave %v, want file-corrupt (too much work)", err)
	}
}

func FuzzKDFWorkBounded(f *testing.F) {
	der, _ := asn1.Marshal(kdfParams{Salt: []byte("saltsalt"), Iterations: 2048})
	f.Add(der)
	f.Fuzz(func(t *testing.T, data []byte) {
		kdfWorkBounded(data) // must return, whatever the bytes
	})
}
