package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreatePages are the pages of flow B's steps; the welcome page is the
// same as the other flows'.
func recreatePages() map[flow.StepID]newPage {
	return map[flow.StepID]newPage{
		flow.StepWelcome:         newWelcomePage,
		flow.StepRecreateCheck:   newRecreateCheckPage,
		flow.StepRecreateStopped: newRecreateStoppedPage,
		flow.StepRecreateBackup:  newRecreateBackupPage,
		flow.StepRecreateConfirm: newRecreateConfirmPage,
		flow.StepRecreateRun:     newRecreateRunPage,
		flow.StepRecreateVerify:  newRecreateVerifyPage,
		flow.StepRecreateRestart: newRecreateRestartPage,
		flow.StepRecreateNext:    newRecreateNextPage,
	}
}

// useRecreate switches, on the welcome page, to flow B: the steps on the
// left and the pages become its own.
func (w *Wizard) useRecreate() {
	if w.recreating() || w.walk.Index() != 0 {
		return
	}
	if w.recreate == nil {
		w.recreate = flow.NewRecreate(w.deps, w.flow.Lang())
	}
	w.walk = w.recreate
	w.steps = pairSteps(w.recreate.Steps(), recreatePages())
	w.build()
}

// relangRecreate makes flow B again in lang when the language is switched
// on the welcome page: its log is written in the flow's language.
func (w *Wizard) relangRecreate(lang string) {
	if !w.recreating() || w.walk.Index() != 0 {
		return
	}
	w.recreate = flow.NewRecreate(w.deps, lang)
	w.walk = w.recreate
}

// recreating: flow B is the one walked.
func (w *Wizard) recreating() bool { return w.recreate != nil && w.walk == walker(w.recreate) }

// offerUnfinished says, once the window is up, that a recreate procedure
// was stopped, and offers to go on with it or to restore it: either
// leads to flow B's step for a stopped procedure, where the backup's
// password is asked. Nothing is done without the administrator's choice;
// Later (which has the focus) leaves it as it is.
func (w *Wizard) offerUnfinished() {
	rd := w.deps.Recreate
	if rd == nil || rd.Unfinished == nil {
		return
	}
	st := rd.Unfinished
	text := wrapped(w.tr.Code(central.CodeStopped, st.Params()))
	d := dialog.NewCustomWithoutButtons(w.t("wizard.recreate.unfinished.title"), text, w.win)
	choose := func(label string, action flow.RecreateAction) *button {
		return newButton(w, label, nil, func() {
			d.Hide()
			w.openStopped(action)
		})
	}
	later := newButton(w, w.t("wizard.recreate.unfinished.later"), nil, func() { d.Hide() })
	resume := choose(w.t("wizard.recreate.resume"), flow.ActionResume)
	resume.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{later}
	if st.Changed {
		buttons = append(buttons, choose(w.t("wizard.recreate.restore"), flow.ActionRestore))
	}
	d.SetButtons(append(buttons, resume))
	w.openDialog(d, later)
	d.Resize(fyne.NewSize(560, d.MinSize().Height+text.MinSize().Height))
}

// openStopped shows flow B at its step for the stopped procedure, with
// action chosen.
func (w *Wizard) openStopped(action flow.RecreateAction) {
	if w.walk.Index() != 0 {
		return
	}
	w.useRecreate()
	w.recreate.SetAction(action)
	w.Next()
}

// recreateEntry is the entry that answers one of flow B's questions (as
// fieldEntry does for the install flow's).
func recreateEntry(w *Wizard, f flow.Field, changed func()) *entry {
	r := w.recreate
	e := newEntry(w, f.Secret)
	if f.Placeholder != "" {
		e.SetPlaceHolder(w.t(f.Placeholder))
	}
	e.SetText(r.Value(f.ID))
	if f.Validated {
		e.Validator = func(s string) error {
			if key, params := r.FieldProblem(f.ID, s); key != "" {
				return textError(w.t(key, params))
			}
			return nil
		}
	}
	e.OnChanged = func(s string) {
		r.Set(f.ID, s)
		changed()
	}
	return e
}

// recreateItem is the form row of one of flow B's fields.
func recreateItem(w *Wizard, f flow.Field, content fyne.CanvasObject) *widget.FormItem {
	key, params := w.recreate.Hint(f.ID)
	return &widget.FormItem{Text: w.t(f.Label), Widget: content, HintText: w.t(key, params)}
}

// simulatedRow says, on flow B's pages, that the node is a simulated one.
func (w *Wizard) simulatedRow() fyne.CanvasObject {
	dir := w.recreate.Simulated()
	if dir == "" {
		return container.NewVBox()
	}
	row, _ := messageRow(theme.InfoIcon(), w.t("wizard.recreate.simulated", map[string]string{"folder": dir}), widget.MediumImportance)
	return row
}

// unfinishedRow says on the welcome page that a recreate procedure
// stopped, and where to go on with it.
func (w *Wizard) unfinishedRow() fyne.CanvasObject {
	rd := w.deps.Recreate
	if rd == nil || rd.Unfinished == nil {
		return container.NewVBox()
	}
	row, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()),
		w.t("wizard.recreate.unfinished.welcome", rd.Unfinished.Params()), widget.MediumImportance)
	return row
}
