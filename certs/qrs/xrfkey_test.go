package qrs_test

import (
	"strings"
	"testing"

	"qscert/certs/qrs"
)

func TestXrfkeyIsSixteenFreshAlphanumerics(t *testing.T) {
	seen := map[string]bool{}
	chars := map[rune]bool{}
	for range 1000 {
		k := qrs.NewXrfkey()
		if len(k) != qrs.XrfkeyLength {
			t.Fatalf("%q has %d characters", k, len(k))
		}
		if strings.Trim(k, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Fatalf("%q has a character outside [0-9a-zA-Z]", k)
		}
		if seen[k] {
			t.Fatalf("%q came twice", k)
		}
		seen[k] = true
		for _, r := range k {
			chars[r] = true
		}
	}
	// 16,000 draws from 62 characters leave none out unless the generator
	// is biased or broken.
	if len(chars) != 62 {
		t.Errorf("only %d distinct characters used", len(chars))
	}
}
