// Package i18n turns message keys and coded errors into English or French
// sentences, from the translation files embedded by package assets. The CLI
// and the wizard both use it, so a code reads the same everywhere.
//
// The files have the form Fyne's lang package reads (<area>.<lang>.json,
// go-i18n messages with {{.param}} templates), and they are read with
// go-i18n, the library lang is built on. Going through lang itself is not
// possible: Fyne 2.7's lang follows the OS locale only and has no way to
// choose a language at run time, which the welcome page's switch and the
// command line's --lang need.
package i18n

import (
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/jeandeaual/go-locale"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"qscert/assets"
	"qscert/certs/coded"
)

// Languages are the languages qscert speaks; the first is the fallback.
var Languages = []string{"en", "fr"}

// bundles holds one go-i18n bundle per language, each made from that
// language's files only, on first use: parsing every language's files costs
// a command line start a few milliseconds for nothing. No fallback language
// is needed, since a test makes sure every key exists in every language.
var bundles sync.Map // lang -> func() (*goi18n.Bundle, error)

func loadBundle(lang string) (*goi18n.Bundle, error) {
	load, _ := bundles.LoadOrStore(lang, sync.OnceValues(func() (*goi18n.Bundle, error) {
		b := goi18n.NewBundle(language.Make(lang))
		b.RegisterUnmarshalFunc("json", json.Unmarshal)
		err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, "."+lang+".json") {
				return err
			}
			data, err := assets.Translations.ReadFile(p)
			if err != nil {
				return err
			}
			_, err = b.ParseMessageFileBytes(data, path.Base(p))
			return err
		})
		return b, err
	}))
	return load.(func() (*goi18n.Bundle, error))()
}

// SystemLanguage returns the supported language closest to the OS locale.
// It asks go-locale directly rather than lang.SystemLocale, which logs an
// error for the "C" locale of servers and CI machines.
func SystemLanguage() string {
	loc, err := locale.GetLocale()
	if err != nil {
		return Languages[0]
	}
	return Match(loc)
}

// Match returns the supported language closest to a locale name such as
// "fr_FR.UTF-8", "fr-CA" or "en"; English when nothing is close.
func Match(locale string) string {
	lang, _ := match(locale)
	return lang
}

// Resolve returns the language to speak for a --lang value, and whether
// the value names a language qscert speaks ("de" does not: English is
// spoken, and the caller should say so). An empty value asks for the
// system's language.
func Resolve(name string) (string, bool) {
	if strings.TrimSpace(name) == "" {
		return SystemLanguage(), true
	}
	return match(name)
}

func match(locale string) (string, bool) {
	locale = strings.ReplaceAll(strings.SplitN(locale, ".", 2)[0], "_", "-")
	tag, err := language.Parse(locale)
	if err != nil {
		return Languages[0], false
	}
	base, _ := tag.Base()
	for _, l := range Languages {
		if base.String() == l {
			return l, true
		}
	}
	return Languages[0], false
}

// Translator gives sentences in one language.
type Translator struct {
	lang      string
	localizer *goi18n.Localizer
	// commandLine: a code's sentence is looked up under "cli.code.<code>"
	// first (see CommandLine).
	commandLine bool
}

// templates fill a missing parameter with nothing rather than Go's
// "<no value>", so that an optional part of a sentence can never leak
// into what people read. Sentences are written with every parameter they
// need; the tests check that each language uses the same ones.
var templates = &template.TextParser{Option: "missingkey=zero"}

// New returns a translator for lang ("en" or "fr"); an empty or unknown
// lang follows the OS locale.
func New(lang string) *Translator {
	if lang == "" {
		lang = SystemLanguage()
	} else {
		lang = Match(lang)
	}
	b, err := loadBundle(lang)
	if err != nil {
		// The files are embedded and checked by tests; a broken build still
		// shows keys rather than crashing.
		b = goi18n.NewBundle(language.English)
	}
	return &Translator{lang: lang, localizer: goi18n.NewLocalizer(b, lang)}
}

// CommandLine returns a translator in the same language that prefers the
// command line's own wording of a code, "cli.code.<code>", where the
// sentence shared with the wizard speaks of the window ("leave the field
// empty", "tick it"): on the command line the answer is a flag.
func (t *Translator) CommandLine() *Translator {
	c := *t
	c.commandLine = true
	return &c
}

// Lang is the translator's language.
func (t *Translator) Lang() string { return t.lang }

// T returns the sentence for key with params filled in. A missing key gives
// the key itself, so a gap shows rather than an empty label; tests make
// sure there is none.
func (t *Translator) T(key string, params ...map[string]string) string {
	var data map[string]string
	if len(params) > 0 {
		data = params[0]
	}
	out, err := t.localizer.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data, TemplateParser: templates})
	if err != nil || out == "" {
		return key
	}
	return out
}

// N returns the sentence for key in the plural form that count takes in
// this language, by the CLDR rules go-i18n applies: in English 1 is
// singular and 0 plural ("0 errors", "1 error"), in French 0 and 1 are
// singular ("0 erreur", "1 erreur", "2 erreurs"). The message has one
// sentence per form ("one", "other"; French also "many", for millions).
// {{.count}} is the count.
func (t *Translator) N(key string, count int, params ...map[string]string) string {
	data := map[string]string{}
	if len(params) > 0 {
		for k, v := range params[0] {
			data[k] = v
		}
	}
	data["count"] = strconv.Itoa(count)
	out, err := t.localizer.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data, PluralCount: count, TemplateParser: templates})
	if err != nil || out == "" {
		return key
	}
	return out
}

// Has reports whether key has a sentence in this language.
func (t *Translator) Has(key string) bool {
	_, tag, err := t.localizer.LocalizeWithTag(&goi18n.LocalizeConfig{MessageID: key})
	return err == nil && tag.String() == t.lang
}

// Code returns the sentence for a code, with params. A "role" parameter is
// itself translated ("client" becomes "client certificate"), a "step" the
// name of a plan's step ("add" becomes "ajouter"), and so is a
// "reason": the sentence "reason.<reason>", filled with the same params,
// which lets one code say precisely what went wrong (the connection test's
// tls-untrusted-server has several reasons).
func (t *Translator) Code(code coded.Code, params map[string]string) string {
	shown := make(map[string]string, len(params))
	for k, v := range params {
		shown[k] = v
	}
	if r, ok := shown["role"]; ok && r != "" {
		shown["role"] = t.T("role." + r)
	}
	if st, ok := shown["step"]; ok && st != "" && t.Has("step."+st) {
		shown["step"] = t.T("step." + st)
	}
	if r, ok := shown["reason"]; ok && r != "" {
		if key := "reason." + r; t.Has(key) {
			shown["reason"] = t.T(key, shown)
		}
	}
	if t.commandLine {
		if key := "cli.code." + string(code); t.Has(key) {
			return t.T(key, shown)
		}
	}
	return t.T("code."+string(code), shown)
}

// Error returns the sentence for an error: its code's sentence when it is
// coded, otherwise a generic sentence followed by the error's own text.
func (t *Translator) Error(err error) string {
	if err == nil {
		return ""
	}
	if e := coded.As(err); e != nil {
		return t.Code(e.Code, e.Params)
	}
	return t.T("code.internal-error", map[string]string{"detail": err.Error()})
}

// Keys lists the message keys of one language, for the completeness tests.
func Keys(lang string) ([]string, error) {
	var keys []string
	err := fs.WalkDir(assets.Translations, assets.TranslationsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "."+lang+".json") {
			return err
		}
		data, err := assets.Translations.ReadFile(p)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return err
		}
		for k := range m {
			keys = append(keys, k)
		}
		return nil
	})
	sort.Strings(keys)
	return keys, err
}
