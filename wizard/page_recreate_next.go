package wizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreateNextPage is step 7: the rim nodes, which get the new
// certificates by redistribution (each password Qlik Sense returns is
// shown once, masked, with Show and Copy), and the third-party machines,
// for which the QMC's "Export certificates" is done from here.
type recreateNextPage struct {
	w       *Wizard
	content fyne.CanvasObject
	secrets []*secretRow

	rim          *fyne.Container
	redistribute *button
	distributed  *fyne.Container
	drawnDist    bool

	machines *fyne.Container
	export   fyne.CanvasObject
	exportGo *button
	pem      *widget.RadioGroup
	entries  map[flow.FieldID]*entry
	outcome  *fyne.Container
	drawnOut string
}

func newRecreateNextPage(w *Wizard, s flow.Step) page {
	r := w.recreate
	p := &recreateNextPage{w: w, rim: container.NewVBox(), distributed: container.NewVBox(), machines: container.NewVBox(),
		outcome: container.NewVBox(), entries: map[flow.FieldID]*entry{}}
	p.redistribute = newButton(w, w.t("wizard.recreate.next.redistribute"), theme.MailSendIcon(), func() {
		if r.AskRedistribute() {
			start(w, r.RedistributeDue(), r.ApplyRedistributed)
			w.refresh()
		}
	})
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := recreateEntry(w, f, p.changed)
		e.onEnter = p.exportNow
		p.entries[f.ID] = e
		items = append(items, recreateItem(w, f, e))
	}
	windows, pem := w.t("wizard.recreate.export.format.windows"), w.t("wizard.recreate.export.format.pem")
	p.pem = widget.NewRadioGroup([]string{windows, pem}, func(choice string) { r.SetExportPEM(choice == pem) })
	p.pem.Required = true
	p.pem.SetSelected(windows)
	if r.ExportPEM() {
		p.pem.SetSelected(pem)
	}
	items = append(items, widget.NewFormItem(w.t("wizard.recreate.export.format"), p.pem))
	formats := wrapped(w.t("wizard.recreate.export.format.hint"))
	formats.SizeName = theme.SizeNameCaptionText
	p.exportGo = newButton(w, w.t("wizard.recreate.export.go"), theme.DocumentSaveIcon(), p.exportNow)
	p.export = box(container.NewVBox(heading(w.t("wizard.recreate.export.title")), widget.NewForm(items...),
		formats, container.NewHBox(p.exportGo), p.outcome))

	hint := wrapped(w.t("wizard.recreate.next.redistribute.hint"))
	hint.SizeName = theme.SizeNameCaptionText
	p.content = container.NewVBox(
		w.simulatedRow(),
		box(container.NewVBox(heading(w.t("wizard.recreate.next.rim")), p.rim, container.NewHBox(p.redistribute), hint, p.distributed)),
		box(container.NewVBox(heading(w.t("wizard.recreate.next.machines")), p.machines)),
		p.export,
	)
	p.showLists()
	return p
}

func (p *recreateNextPage) view() fyne.CanvasObject { return p.content }

func (p *recreateNextPage) enter() {}

func (p *recreateNextPage) changed() {
	if e := p.entries[flow.FieldExportRetype]; e != nil && e.Text != "" {
		_ = e.Validate()
	}
	p.w.refresh()
}

// showLists draws the rim nodes and the machines step 7 listed.
func (p *recreateNextPage) showLists() {
	w, r := p.w, p.w.recreate
	nx := r.NextSteps()
	if nx == nil {
		return
	}
	if nx.Err != nil {
		row, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()), w.tr.Error(nx.Err), widget.MediumImportance)
		p.rim.Add(row)
	}
	for _, n := range nx.RimNodes {
		p.rim.Add(widget.NewLabel("• " + w.t("wizard.recreate.next.rim.node", map[string]string{"name": n.Name, "host": n.HostName})))
	}
	if len(nx.RimNodes) == 0 && nx.Err == nil {
		p.rim.Add(wrapped(w.t("wizard.recreate.next.rim.none")))
	}
	for _, m := range nx.Machines {
		p.machines.Add(widget.NewLabel("• " + m))
	}
	if len(nx.Machines) == 0 {
		p.machines.Add(wrapped(w.t("wizard.recreate.next.machines.none")))
	} else {
		p.machines.Add(wrapped(w.t("wizard.recreate.next.machines.hint")))
	}
}

func (p *recreateNextPage) refresh() {
	w, r := p.w, p.w.recreate
	setEnabled(p.redistribute, r.CanRedistribute())
	if nx := r.NextSteps(); nx == nil || len(nx.RimNodes) == 0 {
		p.redistribute.Hide()
	}
	if ds, err := r.Distributed(); (ds != nil || err != nil) && !p.drawnDist {
		p.drawnDist = true
		p.showDistributed(ds, err)
	} else if r.Distributing() {
		p.distributed.Objects = []fyne.CanvasObject{widget.NewLabel(w.t("wizard.recreate.next.distributing"))}
		p.distributed.Refresh()
	}
	if !r.CanExport() {
		p.export.Hide()
		return
	}
	setEnabled(p.exportGo, r.ExportProblem() == "" && !r.Exporting())
	p.showExported()
}

// showDistributed shows each rim node's password, masked, with Show and
// Copy, or why the node could not be redistributed to.
func (p *recreateNextPage) showDistributed(ds []central.Distribution, err error) {
	w := p.w
	p.distributed.RemoveAll()
	if err != nil {
		row, _ := messageRow(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(err), widget.DangerImportance)
		p.distributed.Add(row)
		return
	}
	for _, d := range ds {
		name := w.t("wizard.recreate.next.password", map[string]string{"name": d.Node.Name})
		if d.Err != nil {
			row, _ := messageRow(theme.NewErrorThemedResource(theme.ErrorIcon()), name+": "+w.tr.Error(d.Err), widget.DangerImportance)
			p.distributed.Add(row)
			continue
		}
		row := newSecretRow(w, name, d.Password)
		p.secrets = append(p.secrets, row)
		p.distributed.Add(row.content)
	}
}

// exportNow asks for the export, when what was typed allows it.
func (p *recreateNextPage) exportNow() {
	w, r := p.w, p.w.recreate
	if r.AskExport() {
		start(w, r.ExportDue(), r.ApplyExport)
		w.refresh()
	}
}

// showExported says where the exports went, or why they were not made.
func (p *recreateNextPage) showExported() {
	w, r := p.w, p.w.recreate
	folder, machines, err := r.Exported()
	key := folder
	switch {
	case r.Exporting():
		key = "…"
	case err != nil:
		key = err.Error()
	}
	if key == p.drawnOut {
		return
	}
	p.drawnOut = key
	p.outcome.RemoveAll()
	switch {
	case r.Exporting():
		p.outcome.Add(widget.NewLabel(w.t("wizard.recreate.export.exporting")))
	case err != nil:
		row, _ := messageRow(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(err), widget.DangerImportance)
		p.outcome.Add(row)
	case folder != "":
		row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()),
			w.t("wizard.recreate.export.done", map[string]string{"machines": strings.Join(machines, ", ")}), widget.MediumImportance)
		p.outcome.Add(row)
		p.outcome.Add(pathRow(w, folder, true))
	}
}

// secretRow is a password shown once: masked, with Show / Hide and Copy
// beside it. It is drawn from memory and never written anywhere.
type secretRow struct {
	content fyne.CanvasObject
	value   *widget.Label
	toggle  *button
	shown   bool
}

func newSecretRow(w *Wizard, label, secret string) *secretRow {
	s := &secretRow{value: widget.NewLabelWithStyle(mask(secret), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})}
	s.value.Selectable = true
	s.toggle = newButton(w, w.t("wizard.recreate.next.show"), theme.VisibilityIcon(), nil)
	s.toggle.Importance = widget.LowImportance
	s.toggle.OnTapped = func() {
		s.shown = !s.shown
		if s.shown {
			s.value.SetText(secret)
			s.toggle.SetText(w.t("wizard.recreate.next.hide"))
			s.toggle.SetIcon(theme.VisibilityOffIcon())
		} else {
			s.value.SetText(mask(secret))
			s.toggle.SetText(w.t("wizard.recreate.next.show"))
			s.toggle.SetIcon(theme.VisibilityIcon())
		}
	}
	cp := newCopyButton(w, func() string { return secret }, copiedShort(w))
	s.content = container.NewVBox(widget.NewLabel(label),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.toggle, cp.object()), s.value))
	return s
}

// mask hides a password's characters, not its length: the length helps
// to check one read aloud.
func mask(s string) string { return strings.Repeat("•", len([]rune(s))) }

// reveal shows the first password (the screenshot tour).
func (p *recreateNextPage) reveal() {
	if len(p.secrets) > 0 && !p.secrets[0].shown {
		p.secrets[0].toggle.OnTapped()
	}
}
