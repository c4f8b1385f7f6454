package store_test

import (
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// The lock's sentences read right with and without a known holder.
func TestLockSentencesInEveryLanguage(t *testing.T) {
	known := store.Holder{PID: 4242, Host: "QS-CENTRAL", Command: "qscert install", Since: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, h := range []store.Holder{known, {}} {
			p := h.Params()
			p["store"], p["seconds"], p["detail"] = "windows", "60", "Access is denied."
			for _, key := range []string{"code.store-busy", "code.store-lock-failed", "store.waiting"} {
				if !tr.Has(key) {
					t.Errorf("%s: %s is missing", lang, key)
					continue
				}
				s := tr.T(key, p)
				if strings.Contains(s, "<no value>") || strings.Contains(s, "{{") || strings.Contains(s, "()") {
					t.Errorf("%s: %s renders as %q", lang, key, s)
				}
				if strings.HasPrefix(key, "code.store-busy") && h.PID != 0 && !strings.Contains(s, "4242") {
					t.Errorf("%s: %s does not name the holder: %q", lang, key, s)
				}
			}
		}
		for _, c := range []coded.Code{store.CodeStoreBusy, store.CodeStoreLockFailed} {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: code.%s is missing", lang, c)
			}
		}
	}
}
