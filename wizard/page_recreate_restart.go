package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreateRestartPage is step 6: the Qlik Sense services, in the order
// they were started, and the state each is in now (read again on
// arrival, and on request).
type recreateRestartPage struct {
	w          *Wizard
	content    fyne.CanvasObject
	statusIcon *widget.Icon
	status     *widget.Label
	list       *fyne.Container
	again      *button
}

func newRecreateRestartPage(w *Wizard, _ flow.Step) page {
	p := &recreateRestartPage{w: w, list: container.NewVBox()}
	p.statusIcon = widget.NewIcon(theme.SearchIcon())
	p.status = wrapped("")
	p.status.TextStyle.Bold = true
	p.again = newButton(w, w.t("wizard.recreate.restart.again"), theme.ViewRefreshIcon(), func() {
		w.recreate.ReadServicesAgain()
		p.enter()
		w.refresh()
	})
	p.again.Importance = widget.LowImportance
	p.content = container.NewVBox(
		w.simulatedRow(),
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		box(p.list),
		container.NewHBox(p.again),
	)
	return p
}

func (p *recreateRestartPage) view() fyne.CanvasObject { return p.content }

func (p *recreateRestartPage) enter() {
	start(p.w, p.w.recreate.ServicesDue(), p.w.recreate.ApplyServices)
}

func (p *recreateRestartPage) refresh() {
	w := p.w
	services, err := w.recreate.Services()
	p.list.RemoveAll()
	switch {
	case err != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(err), widget.DangerImportance)
	case services == nil:
		p.setStatus(theme.SearchIcon(), w.t("wizard.recreate.restart.reading"), widget.MediumImportance)
		return
	case allRunning(services):
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.restart.all"), widget.MediumImportance)
	default:
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.recreate.restart.some"), widget.MediumImportance)
	}
	for _, s := range services {
		icon := theme.NewWarningThemedResource(theme.WarningIcon())
		if s.State == central.StateRunning {
			icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		}
		state := widget.NewLabelWithStyle(w.t("wizard.recreate.state."+string(s.State)), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		p.list.Add(container.NewBorder(nil, nil, iconBeside(widget.NewIcon(icon)), state, widget.NewLabel(central.DisplayName(s.Name))))
	}
}

func allRunning(services []central.ServiceStatus) bool {
	for _, s := range services {
		if s.State != central.StateRunning && s.Start != central.StartDisabled {
			return false
		}
	}
	return len(services) > 0
}

func (p *recreateRestartPage) setStatus(icon fyne.Resource, text string, imp widget.Importance) {
	p.statusIcon.SetResource(icon)
	p.status.Importance = imp
	p.status.SetText(text)
}
