package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/accounts"
	"qscert/wizard/flow"
)

// accountPage asks "Who uses this certificate?": me, a service's account
// (from the machine's services, the likely products first), another
// account (typed, resolved as it is typed, its kind and SID under the
// field) or the machine (with read access to the key for an account). The
// account's password, when acting as it takes one, is asked under it. A
// virtual account offers the machine instead; the choices other than me
// need administrator rights, and the page offers the restart when they
// are missing.
type accountPage struct {
	w       *Wizard
	content fyne.CanvasObject

	choice     *widget.RadioGroup
	labels     map[flow.Who]string
	choiceHint *widget.Label

	serviceBox  fyne.CanvasObject
	services    *widget.Select
	serviceHint *widget.Label
	byLabel     map[string]string // the list's rows -> service key names

	nameForm  *widget.Form
	name      *entry
	password  *entry
	grant     *entry
	nameItem  *widget.FormItem
	passItem  *widget.FormItem
	grantItem *widget.FormItem
	passForm  *widget.Form
	grantForm *widget.Form

	notes *fyne.Container // the look-up's outcome, the machine's recommendation, the rights

	resolve debouncer
}

func newAccountPage(w *Wizard, s flow.Step) page {
	p := &accountPage{w: w, resolve: debouncer{w: w}, labels: map[flow.Who]string{}, byLabel: map[string]string{}}
	fl := w.flow
	var options []string
	for _, who := range flow.Whos {
		if fl.Offers(who) {
			p.labels[who] = w.t(whoKey(who))
			options = append(options, p.labels[who])
		}
	}
	p.choice = widget.NewRadioGroup(options, nil)
	p.choice.Required = true
	p.choice.SetSelected(p.labels[fl.Who()])
	p.choice.OnChanged = p.chose
	p.choiceHint = wrapped("")
	p.choiceHint.SizeName = theme.SizeNameCaptionText

	p.services = widget.NewSelect(nil, func(label string) {
		if name, ok := p.byLabel[label]; ok && name != fl.Service() {
			fl.SetService(name)
			p.changed()
		}
	})
	p.services.PlaceHolder = w.t("wizard.account.services.pick")
	p.serviceHint = wrapped("")
	p.serviceHint.SizeName = theme.SizeNameCaptionText
	p.serviceBox = widget.NewForm(&widget.FormItem{Text: w.t("wizard.account.services"),
		Widget: container.NewVBox(p.services, p.serviceHint)})

	for _, f := range s.Fields {
		e := fieldEntry(w, f, p.changed)
		item := fieldItem(w, f, e)
		switch f.ID {
		case flow.FieldAccountName:
			p.name, p.nameItem = e, item
			p.nameForm = widget.NewForm(item)
		case flow.FieldAccountPassword:
			p.password, p.passItem = e, item
			p.passForm = widget.NewForm(item)
		case flow.FieldGrantAccount:
			p.grant, p.grantItem = e, item
			p.grantForm = widget.NewForm(item)
		}
	}
	// The look-up's refusal is a long sentence, said in full below the
	// fields (a field's own message does not wrap); the field is marked.
	for _, e := range []*entry{p.name, p.grant} {
		judge := e.Validator
		e.Validator = func(s string) error {
			if err := judge(s); err != nil && fl.AccountErr() != nil {
				return textError(w.t("wizard.account.refused"))
			} else if err != nil {
				return err
			}
			return nil
		}
	}
	p.notes = container.NewVBox()

	p.content = container.NewVBox(
		heading(w.t("wizard.account.choice")),
		p.choice,
		container.NewPadded(p.choiceHint),
		p.serviceBox,
		p.nameForm,
		p.grantForm,
		p.passForm,
		p.notes,
	)
	return p
}

// whoKey is the translation key of a choice.
func whoKey(w flow.Who) string {
	if w == flow.WhoAccount {
		return "wizard.account.other"
	}
	return "wizard.account." + string(w)
}

func (p *accountPage) view() fyne.CanvasObject { return p.content }

// chose follows the radio.
func (p *accountPage) chose(label string) {
	for who, l := range p.labels {
		if l == label {
			p.w.flow.SetWho(who)
		}
	}
	p.changed()
}

// enter lists the services (once) and looks up what the choice names.
func (p *accountPage) enter() {
	start(p.w, p.w.flow.ServicesDue(), p.w.flow.ApplyServices)
	p.startResolve()
}

// changed follows a choice or a name typed: the look-up shown is stale at
// once, and a new one runs after a pause in typing.
func (p *accountPage) changed() {
	p.w.refresh()
	p.resolve.schedule(p.startResolve)
}

func (p *accountPage) startResolve() {
	start(p.w, p.w.flow.ResolveDue(), p.w.flow.ApplyResolved)
}

func (p *accountPage) refresh() {
	w, fl := p.w, p.w.flow
	who := fl.Who()
	p.choiceHint.SetText(w.t(whoKey(who) + ".hint"))
	show(p.serviceBox, who == flow.WhoService)
	show(p.nameForm, fl.Asks(flow.FieldAccountName))
	show(p.grantForm, fl.Asks(flow.FieldGrantAccount))
	show(p.passForm, fl.Asks(flow.FieldAccountPassword))
	if who == flow.WhoService {
		p.showServices()
	}
	p.showHint(p.nameForm, p.nameItem, flow.FieldAccountName)
	p.showHint(p.grantForm, p.grantItem, flow.FieldGrantAccount)
	p.showHint(p.passForm, p.passItem, flow.FieldAccountPassword)
	// The entries judge the name again: the look-up may have refused it.
	for _, e := range []*entry{p.name, p.grant} {
		if e.Visible() && e.Text != "" {
			_ = e.Validate()
		}
	}
	p.showNotes()
}

// showHint puts the flow's sentence under a field: the kind and SID once
// the name is resolved.
func (p *accountPage) showHint(form *widget.Form, item *widget.FormItem, id flow.FieldID) {
	key, params := p.w.flow.Hint(id)
	if text := p.w.t(key, params); text != item.HintText {
		item.HintText = text
		form.Refresh()
	}
}

// showServices fills the list of services once it is known: the display
// name and the account each runs as.
func (p *accountPage) showServices() {
	w, fl := p.w, p.w.flow
	list, listed, err := fl.Services()
	switch {
	case !listed:
		p.services.Disable()
		p.serviceHint.SetText(w.t("wizard.account.services.loading"))
		return
	case err != nil:
		p.services.Disable()
		p.serviceHint.SetText(w.tr.Error(err))
		return
	case len(list) == 0:
		p.services.Disable()
		p.serviceHint.SetText(w.t("wizard.account.services.none"))
		return
	}
	p.services.Enable()
	if len(p.services.Options) != len(list) {
		options := make([]string, len(list))
		for i, s := range list {
			options[i] = serviceRow(w, s)
			p.byLabel[options[i]] = s.Name
		}
		p.services.Options = options
		for i, s := range list {
			if s.Name == fl.Service() {
				p.services.Selected = options[i]
			}
		}
		p.services.Refresh()
	}
	key, params := fl.Hint(flow.FieldAccountName)
	if fl.Service() == "" {
		key, params = "wizard.account.service.hint", nil
	}
	p.serviceHint.SetText(w.t(key, params))
}

// serviceRow is a service as the list shows it: its display name and the
// account it runs as.
func serviceRow(w *Wizard, s accounts.Service) string {
	return w.t("wizard.account.services.row", map[string]string{"name": s.Shown(), "account": s.RunsAs()})
}

// showNotes says what the look-up found, what the choice needs, and
// offers the way out: the machine for a virtual account, the restart as
// administrator.
func (p *accountPage) showNotes() {
	w, fl := p.w, p.w.flow
	p.notes.RemoveAll()
	if err := fl.AccountsErr(); err != nil {
		row, _ := messageRow(theme.InfoIcon(), w.tr.Error(err), widget.MediumImportance)
		p.notes.Add(row)
	}
	a := fl.Account()
	switch {
	case fl.AccountErr() != nil:
		row, _ := messageRow(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(fl.AccountErr()), widget.DangerImportance)
		p.notes.Add(row)
	case fl.IsYou():
		row, _ := messageRow(theme.InfoIcon(), w.t("wizard.account.is-you", map[string]string{"account": a.Name}), widget.MediumImportance)
		p.notes.Add(row)
	case fl.RecommendsMachine():
		row, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()),
			w.tr.Code(accounts.CodeVirtual, map[string]string{"account": a.Name, "sid": a.SID}), widget.MediumImportance)
		use := newButton(w, w.t("wizard.account.use-machine", map[string]string{"account": a.Name}), theme.ComputerIcon(), func() {
			fl.UseMachine()
			// The radio and the entry show what the flow now holds,
			// without taking it as chosen or typed again.
			p.choice.OnChanged = nil
			p.choice.SetSelected(p.labels[flow.WhoMachine])
			p.choice.OnChanged = p.chose
			onChanged := p.grant.OnChanged
			p.grant.OnChanged = nil
			p.grant.SetText(fl.Value(flow.FieldGrantAccount))
			p.grant.OnChanged = onChanged
			p.changed()
		})
		use.Importance = widget.HighImportance
		p.notes.Add(row)
		p.notes.Add(container.NewHBox(use))
	}
	if fl.NeedsElevation() {
		row, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.account.needs-admin"), widget.MediumImportance)
		p.notes.Add(row)
		if b := w.elevateButton(); b != nil {
			p.notes.Add(b)
		}
	}
	if fl.Demo() != nil && fl.Who() != flow.WhoMe {
		row, _ := messageRow(theme.InfoIcon(), w.t("wizard.account.demo"), widget.MediumImportance)
		p.notes.Add(row)
	}
}

// show shows or hides o.
func show(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
