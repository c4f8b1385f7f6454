package qrs

import "crypto/rand"

// xrfkeyAlphabet is what Qlik accepts in an xrfkey: [0-9a-zA-Z].
const xrfkeyAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// XrfkeyLength is the length Qlik requires.
const XrfkeyLength = 16

// NewXrfkey returns a fresh random xrfkey. The QRS compares it with the
// X-Qlik-Xrfkey header to block cross-site request forgery; a predictable
// key would defeat that, so it comes from crypto/rand.
func NewXrfkey() string {
	return randomString(XrfkeyLength)
}

func randomString(n int) string {
	// Rejection sampling keeps every character equally likely: 62 does not
	// divide 256, so bytes of 248 and above are drawn again.
	const limit = 256 - 256%len(xrfkeyAlphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(out) < n {
		_, _ = rand.Read(buf) // crypto/rand.Read never fails (Go 1.24+)
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, xrfkeyAlphabet[int(b)%len(xrfkeyAlphabet)])
			}
		}
	}
	return string(out)
}
