package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/assets/i18n"
	"qscert/wizard/flow"
)

// recreateVerifyPage is step 5: one root, one server certificate and one
// QlikClient of the site, each with where it is and its thumbprint. When
// the verification found duplicates (or a missing one), it says which
// and offers to redo from step 3, or to restore.
type recreateVerifyPage struct {
	w       *Wizard
	content *fyne.Container
	drawn   bool
}

func newRecreateVerifyPage(w *Wizard, _ flow.Step) page {
	return &recreateVerifyPage{w: w, content: container.NewVBox()}
}

func (p *recreateVerifyPage) view() fyne.CanvasObject { return p.content }

func (p *recreateVerifyPage) enter() { p.drawn = false }

func (p *recreateVerifyPage) refresh() {
	if p.drawn {
		return
	}
	p.drawn = true
	w, r := p.w, p.w.recreate
	p.content.RemoveAll()
	p.content.Add(w.simulatedRow())
	if err := r.Duplicates(); err != nil {
		row, _ := messageRow(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(err), widget.DangerImportance)
		p.content.Add(row)
		p.content.Add(recreateStopButtons(w, w.show))
		return
	}
	res := r.Result()
	if res == nil {
		return
	}
	account := r.AccountName()
	var rows []fyne.CanvasObject
	for _, c := range res.New {
		count := w.t("wizard.recreate.verify.count", map[string]string{"role": i18n.Capitalise(w.t("role." + string(c.Role))), "count": "1"})
		rows = append(rows, iconRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), count, wrapped(flow.RecreateCertText(w.tr, c, account))))
	}
	ok, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.verify.ok"), widget.MediumImportance)
	p.content.Add(ok)
	p.content.Add(box(container.NewVBox(rows...)))
	if err := r.RootKind(); err != nil {
		row, _ := messageRow(theme.InfoIcon(), w.tr.Error(err), widget.MediumImportance)
		p.content.Add(row)
	}
}
