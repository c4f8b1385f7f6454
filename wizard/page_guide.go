package wizard

import (
	"qscert/wizard/flow"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// exportFolderPattern is where the QMC writes an export on the central
// node; <machine name> is the name typed into "Add machine name".
const exportFolderPattern = `C:\ProgramData\Qlik\Sense\Repository\Exported Certificates\`

// guidePage is the QMC export dialog as a checklist the user ticks while
// doing it on the central node. Ticking is optional: it is a memory aid,
// not a gate, since the files page checks what really came out.
type guidePage struct {
	w       *Wizard
	content fyne.CanvasObject
	checks  []*widget.Check
	machine *widget.Label // the step that names this computer
	folder  *widget.Label
}

// guideSteps are the translation keys of the QMC steps, in order.
var guideSteps = []string{
	"wizard.guide.step.open",
	"wizard.guide.step.machine",
	"wizard.guide.step.password",
	"wizard.guide.step.secret",
	"wizard.guide.step.format",
	"wizard.guide.step.export",
	"wizard.guide.step.copy",
}

func newGuidePage(w *Wizard, _ flow.Step) page {
	p := &guidePage{w: w}
	rows := []fyne.CanvasObject{}
	for i, key := range guideSteps {
		check := widget.NewCheck("", nil)
		p.checks = append(p.checks, check)
		text := widget.NewLabel("")
		text.Wrapping = fyne.TextWrapWord
		if key == "wizard.guide.step.machine" {
			p.machine = text
		} else {
			text.SetText(w.t(key))
		}
		num := widget.NewLabelWithStyle(strconv.Itoa(i+1)+".", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(check, num)), nil, text))
	}
	p.folder = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	p.folder.Wrapping = fyne.TextWrapBreak
	p.folder.Selectable = true
	copyFolder := newCopyButton(w, func() string { return p.folder.Text }, copiedShort(w))
	where := box(container.NewVBox(heading(w.t("wizard.guide.where")), container.NewBorder(nil, nil, nil, copyFolder.object(), p.folder)))
	p.showMachine()
	p.content = container.NewVBox(container.NewVBox(rows...), where)
	return p
}

func (p *guidePage) view() fyne.CanvasObject { return p.content }

func (p *guidePage) enter() {}

func (p *guidePage) refresh() { p.showMachine() }

// showMachine puts this computer's name into the steps that need it.
func (p *guidePage) showMachine() {
	name := p.w.t("wizard.guide.machine.unknown")
	if m, known := p.w.flow.Machine(); known {
		if m.FQDN != "" {
			name = m.FQDN
		} else if m.Hostname != "" {
			name = m.Hostname
		}
	}
	p.machine.SetText(p.w.t("wizard.guide.step.machine", map[string]string{"machine": name}))
	p.folder.SetText(exportFolderPattern + name + `\`)
}
