package i18n_test

import (
	"encoding/json"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"qscert/assets"
)

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// messages reads every message of one language: its sentences (one per
// plural form for a plural message) by key.
func messages(t *testing.T, lang string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "."+lang+".json") {
			return err
		}
		data, err := assets.Translations.ReadFile(p)
		if err != nil {
			return err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("%s: %v", path.Base(p), err)
			return nil
		}
		for k, raw := range m {
			var one string
			if json.Unmarshal(raw, &one) == nil {
				out[k] = []string{one}
				continue
			}
			var forms map[string]string
			if err := json.Unmarshal(raw, &forms); err != nil {
				t.Errorf("%s: %s is neither a sentence nor plural forms", path.Base(p), k)
				continue
			}
			for _, f := range forms {
				out[k] = append(out[k], f)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func placeholders(sentences []string) string {
	set := map[string]bool{}
	for _, s := range sentences {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	var names []string
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// TestEveryLanguageUsesTheSameParameters: a sentence that names a
// parameter its English one does not (a typo, {{.fichier}}) would print
// nothing there.
func TestEveryLanguageUsesTheSameParameters(t *testing.T) {
	en, fr := messages(t, "en"), messages(t, "fr")
	for k, sentences := range en {
		if other, ok := fr[k]; ok && placeholders(sentences) != placeholders(other) {
			t.Errorf("%s: English uses {%s}, French {%s}", k, placeholders(sentences), placeholders(other))
		}
	}
}

// TestPluralMessagesHaveEveryForm: English needs one and other; French
// one, many and other (CLDR), or a count in the missing form shows the key.
func TestPluralMessagesHaveEveryForm(t *testing.T) {
	forms := map[string][]string{"en": {"one", "other"}, "fr": {"one", "many", "other"}}
	for lang, want := range forms {
		err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, "."+lang+".json") {
				return err
			}
			data, _ := assets.Translations.ReadFile(p)
			var m map[string]json.RawMessage
			_ = json.Unmarshal(data, &m)
			for k, raw := range m {
				var got map[string]string
				if json.Unmarshal(raw, &got) != nil {
					continue
				}
				for _, f := range want {
					if got[f] == "" {
						t.Errorf("%s %s: no %q form", lang, k, f)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
