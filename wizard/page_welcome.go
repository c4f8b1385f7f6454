package wizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"qscert/wizard/flow"
)

// welcomePage shows this computer's names, which go into the QMC's "Add
// machine name" field, the choice of flow and the language switch.
type welcomePage struct {
	w        *Wizard
	content  fyne.CanvasObject
	language *widget.RadioGroup
	flow     *widget.RadioGroup
	// status is where lines about this session go, under the choice of
	// flow: whether the program runs elevated, a recreate that stopped.
	status  *fyne.Container
	machine *fyne.Container // rows of name + copy button, filled once known
	known   bool            // the rows show this computer's names
}

// languageNames are shown in their own language, so anyone finds theirs.
var languageNames = map[string]string{"en": "English", "fr": "Français"}

func newWelcomePage(w *Wizard, _ flow.Step) page {
	p := &welcomePage{w: w}

	p.language = widget.NewRadioGroup([]string{languageNames["en"], languageNames["fr"]}, nil)
	p.language.Horizontal = true
	p.language.Required = true
	p.language.SetSelected(languageNames[w.tr.Lang()])
	p.language.OnChanged = func(name string) {
		for code, n := range languageNames {
			if n == name {
				// Rebuilding replaces this very widget; let its own
				// callback return first.
				fyne.Do(func() { w.SetLanguage(code) })
			}
		}
	}

	install, restore := w.t("wizard.welcome.flow.install"), w.t("wizard.welcome.flow.restore")
	recreate := w.t("wizard.welcome.flow.recreate")
	p.flow = widget.NewRadioGroup([]string{install, restore, recreate}, nil)
	p.flow.Required = true
	switch {
	case w.restoring():
		p.flow.SetSelected(restore)
	case w.recreating():
		p.flow.SetSelected(recreate)
	default:
		p.flow.SetSelected(install)
	}
	p.flow.OnChanged = func(choice string) {
		// Switching rebuilds the frame and this page; let the radio's
		// own callback return first.
		fyne.Do(func() {
			if choice == recreate {
				w.useRecreate()
			} else {
				w.useRestore(choice == restore)
			}
		})
	}
	p.status = container.NewVBox(w.elevationRow(), w.unfinishedRow())

	p.machine = container.NewVBox()
	hint := widget.NewLabel(w.t("wizard.welcome.machine.hint"))
	hint.Wrapping = fyne.TextWrapWord
	_, known := w.flow.Machine()
	p.showMachine(known)

	p.content = container.NewVBox(
		container.NewHBox(heading(w.t("wizard.welcome.language")), p.language),
		heading(w.t("wizard.welcome.flow")),
		p.flow,
		p.status,
		box(container.NewVBox(heading(w.t("wizard.welcome.machine.title")), p.machine, hint)),
	)
	return p
}

func (p *welcomePage) view() fyne.CanvasObject { return p.content }

func (p *welcomePage) enter() {}

// refresh fills the names once the background lookup is done.
func (p *welcomePage) refresh() {
	if _, known := p.w.flow.Machine(); known != p.known {
		p.showMachine(known)
	}
}

// showMachine draws this computer's names, or that they are being looked
// up.
func (p *welcomePage) showMachine(known bool) {
	w := p.w
	p.known = known
	if !known {
		p.machine.Objects = []fyne.CanvasObject{widget.NewLabel(w.t("wizard.welcome.machine.looking"))}
		p.machine.Refresh()
		return
	}
	m, _ := w.flow.Machine()
	rows := []fyne.CanvasObject{
		p.copyRow(w.t("wizard.welcome.machine.name"), m.Hostname),
		p.copyRow(w.t("wizard.welcome.machine.fqdn"), orDash(w, m.FQDN)),
	}
	ipLabel := w.t("wizard.welcome.machine.ips")
	if len(m.IPs) == 0 {
		rows = append(rows, p.copyRow(ipLabel, orDash(w, "")))
	}
	for i, ip := range m.IPs {
		if i == 3 { // more would push the flow choice off an 800x600 window
			break
		}
		rows = append(rows, p.copyRow(ipLabel, ip))
		ipLabel = ""
	}
	p.machine.Objects = rows
	p.machine.Refresh()
}

// copyRow is "label  value  [Copy]".
func (p *welcomePage) copyRow(label, value string) fyne.CanvasObject {
	name := widget.NewLabel(label)
	// Regular type, not monospace: one font less to load before the
	// window can appear.
	val := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	val.Selectable = true
	val.Truncation = fyne.TextTruncateEllipsis
	btn := newCopyButton(p.w, func() string { return value }, copiedShort(p.w))
	if value == "" || value == p.w.t("wizard.none") {
		btn.Disable()
	}
	left := container.NewGridWrap(fyne.NewSize(150, name.MinSize().Height), name)
	return container.NewBorder(nil, nil, left, btn.object(), val)
}

func orDash(w *Wizard, s string) string {
	if strings.TrimSpace(s) == "" {
		return w.t("wizard.none")
	}
	return s
}

// heading is a bold label that introduces a group.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
