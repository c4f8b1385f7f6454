package wizard

import "qscert/assets/i18n"

// Preference keys. The password is deliberately absent: it is never
// stored, and a test checks that no preference holds it after a run.
const (
	prefLastFolder = "lastFolder" // the export folder chosen last time
	prefHost       = "host"       // the Qlik Sense server typed last time
	prefLanguage   = "language"   // "en" or "fr", once the user chose
)

// loadPrefs fills the state from what was remembered. Demo mode starts
// from its own export and simulated server instead.
func (w *Wizard) loadPrefs() {
	if d := w.deps.Demo; d != nil {
		w.st.host = d.Host
		w.st.folder = d.Folder
		return
	}
	if p := w.deps.Prefs; p != nil {
		w.st.host = p.String(prefHost)
		w.st.folder = p.String(prefLastFolder)
	}
}

// language picks the pages' language: forced by the caller, else the
// user's last choice, else the OS locale.
func (w *Wizard) language() string {
	if w.deps.Lang != "" {
		return i18n.Match(w.deps.Lang)
	}
	if p := w.deps.Prefs; p != nil {
		if l := p.String(prefLanguage); l != "" {
			return i18n.Match(l)
		}
	}
	return i18n.SystemLanguage()
}

// savePref remembers one value, except in demo mode, whose folder and
// server vanish on exit.
func (w *Wizard) savePref(key, value string) {
	if w.deps.Prefs == nil || (w.deps.Demo != nil && key != prefLanguage) {
		return
	}
	w.deps.Prefs.SetString(key, value)
}
