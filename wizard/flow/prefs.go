package flow

import "qscert/assets/i18n"

// Preference keys. The passwords are deliberately absent: they are never
// stored, and a test checks that no preference holds one after a run.
const (
	prefLastFolder = "lastFolder" // the export folder chosen last time
	prefHost       = "host"       // the Qlik Sense server typed last time
	prefLanguage   = "language"   // "en" or "fr", once the user chose
)

// loadPrefs fills the state from what was remembered. Demo mode starts
// from its own export and simulated server instead.
func (f *Install) loadPrefs() {
	f.lang = f.language()
	if d := f.deps.Demo; d != nil {
		f.host, f.folder = d.Host, d.Folder
		return
	}
	if p := f.deps.Prefs; p != nil {
		f.host = p.String(prefHost)
		f.folder = p.String(prefLastFolder)
	}
	if f.deps.Folder != "" {
		f.folder = f.deps.Folder
	}
	if f.deps.Host != "" {
		f.host = f.deps.Host
	}
}

// language picks the language: forced by the caller, else the user's last
// choice, else the OS locale.
func (f *Install) language() string {
	if f.deps.Lang != "" {
		return i18n.Match(f.deps.Lang)
	}
	if p := f.deps.Prefs; p != nil {
		if l := p.String(prefLanguage); l != "" {
			return i18n.Match(l)
		}
	}
	return i18n.SystemLanguage()
}

// savePref remembers one value, except in demo mode, whose folder and
// server vanish on exit.
func (f *Install) savePref(key, value string) {
	if f.deps.Prefs == nil || (f.deps.Demo != nil && key != prefLanguage) {
		return
	}
	f.deps.Prefs.SetString(key, value)
}
