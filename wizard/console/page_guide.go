package console

import "strconv"

// exportFolderPattern is where the QMC writes an export on the central
// node (the window's guide shows the same, wizard/page_guide.go).
const exportFolderPattern = `C:\ProgramData\Qlik\Sense\Repository\Exported Certificates\`

// guideSteps are the QMC steps of the window's guide, in order.
var guideSteps = []string{
	"wizard.guide.step.open",
	"wizard.guide.step.machine",
	"wizard.guide.step.password",
	"wizard.guide.step.secret",
	"wizard.guide.step.format",
	"wizard.guide.step.export",
	"wizard.guide.step.copy",
}

// guide is the QMC export dialog as a numbered list, with this computer's
// name where the QMC wants it, and where the files appear.
func (w *wizard) guide() error {
	w.header()
	name := w.t("wizard.guide.machine.unknown")
	if m, known := w.f.Machine(); known {
		if m.FQDN != "" {
			name = m.FQDN
		} else if m.Hostname != "" {
			name = m.Hostname
		}
	}
	for i, key := range guideSteps {
		w.out.indented(strconv.Itoa(i+1)+". ", "   ", w.t(key, map[string]string{"machine": name}))
	}
	w.out.blank()
	w.out.heading(w.t("wizard.guide.where"))
	w.out.item(exportFolderPattern + name + `\`)
	w.out.blank()
	_, err := w.navigate("")
	return err
}
