package console

import (
	"strings"

	"qscert/assets/i18n"
)

// languageNames are shown in their own language, so anyone finds theirs.
var languageNames = map[string]string{"en": "English", "fr": "Français"}

// welcome shows this computer's names, which go into the QMC's "Add
// machine name" field, and the choice of flow; its menu also switches the
// language, as the window's welcome page does.
func (w *wizard) welcome() error {
	if w.f.Demo() != nil {
		w.out.blank()
		w.out.marked(markNote, w.t("wizard.demo.banner"))
	}
	w.header()
	m, _ := w.f.Machine()
	w.out.heading(w.t("wizard.welcome.machine.title"))
	w.out.field(w.t("wizard.welcome.machine.name"), w.orNone(m.Hostname))
	w.out.field(w.t("wizard.welcome.machine.fqdn"), w.orNone(m.FQDN))
	w.out.field(w.t("wizard.welcome.machine.ips"), w.orNone(strings.Join(m.IPs, ", ")))
	w.out.para(w.t("wizard.welcome.machine.hint"))
	w.out.blank()
	w.out.heading(w.t("wizard.welcome.flow"))
	w.out.bullet(w.t("wizard.welcome.flow.install"))
	w.out.bullet(w.t("wizard.welcome.flow.recreate"))
	if rd := w.deps.Recreate; rd != nil && rd.Unfinished != nil {
		w.out.marked(markWarning, w.t("wizard.recreate.unfinished.welcome", rd.Unfinished.Params()))
	}
	w.out.blank()

	switchTo := []choice{{"recreate", w.t("wizard.welcome.flow.recreate")}}
	for _, lang := range i18n.Languages {
		if lang != w.f.Lang() {
			switchTo = append(switchTo, choice{"lang:" + lang, w.t("wizard.welcome.language") + w.out.colon + languageNames[lang]})
		}
	}
	a, err := w.navigate("", switchTo...)
	if a == "recreate" && err == nil {
		w.startRecreate("")
		w.rec.r.Next()
		return nil
	}
	if lang, ok := strings.CutPrefix(a, "lang:"); ok && err == nil {
		w.f.SetLang(lang)
		w.setUp()
	}
	return err
}
