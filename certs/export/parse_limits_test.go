package export

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
		if got := KDFWithinLimit(der); got != c.want {
			t.Errorf("%d iterations: bounded = %v, want %v", c.iterations, got, c.want)
		}
		// Nested inside an OCTET STRING, as in a PFX's content.
		wrapped, _ := asn1.Marshal(struct{ Inner []byte }{der})
		if got := KDFWithinLimit(wrapped); got != c.want {
			t.Errorf("%d iterations, wrapped: bounded = %v, want %v", c.iterations, got, c.want)
		}
	}
}

// encryptedContent is the shape of PKCS#7 EncryptedContentInfo: a content
// type, an algorithm and the ciphertext as [0] IMPLICIT OCTET STRING.
type encryptedContent struct {
	ContentType asn1.ObjectIdentifier
	Algorithm   asn1.RawValue
	Ciphertext  []byte `asn1:"tag:0"`
}

// Ciphertext and digests are random: whatever they happen to contain must
// not count. lookalike reads as an OCTET STRING and a count of 2^31 - 1.
func TestKDFWorkBoundedIgnoresCiphertextAndDigests(t *testing.T) {
	lookalike := []byte{0x30, 0x09, 0x04, 0x01, 0x00, 0x02, 0x04, 0x7f, 0xff, 0xff, 0xff}
	digest := append([]byte{0xa7, 0x31, 0x00}, lookalike...) // not DER as a whole
	params, _ := asn1.Marshal(struct {
		Digest     []byte
		Salt       []byte
		Iterations int
	}{digest, []byte("saltsalt"), 2048})
	der, err := asn1.Marshal(encryptedContent{
		ContentType: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1},
		Algorithm:   asn1.RawValue{FullBytes: params},
		Ciphertext:  append(append([]byte{0x9c, 0x11}, lookalike...), 0x42, 0x17),
	})
	if err != nil {
		t.Fatal(err)
	}
	if !KDFWithinLimit(der) {
		t.Fatal("bytes inside ciphertext or a salt were taken for an iteration count")
	}
}

func TestParsePFXRefusesHugeIterationCountsBeforeDecoding(t *testing.T) {
	der, _ := asn1.Marshal(kdfParams{Salt: []byte("saltsalt"), Iterations: 1 << 30})
	_, err := parsePFX(der, "pw", newWorkBudget())
	if !errors.Is(err, ErrTooMuchWork) || coded.CodeOf(err) != CodeFileCorrupt {
		t.Fatalf("a PFX asking for 2^30 iterations gave %v, want file-corrupt (too much work)", err)
	}
}

func FuzzKDFWorkBounded(f *testing.F) {
	der, _ := asn1.Marshal(kdfParams{Salt: []byte("saltsalt"), Iterations: 2048})
	f.Add(der)
	f.Fuzz(func(t *testing.T, data []byte) {
		KDFWithinLimit(data) // must return, whatever the bytes
	})
}
