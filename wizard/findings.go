package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/coded"
	"qscert/certs/finding"
)

// findingRow shows one finding as its sentence, with an icon that tells
// errors (must fix), warnings (may continue) and notes apart.
func (w *Wizard) findingRow(f finding.Finding) fyne.CanvasObject {
	text := widget.NewLabel(w.tr.Code(f.Code, f.Params))
	text.Wrapping = fyne.TextWrapWord
	var icon fyne.Resource
	switch f.Severity {
	case coded.SeverityError:
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		text.Importance = widget.DangerImportance
	case coded.SeverityWarning:
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
	default:
		icon = theme.InfoIcon()
	}
	return container.NewBorder(nil, nil, iconBeside(widget.NewIcon(icon)), nil, text)
}

// messageRow is a sentence with an icon, for outcomes that are not
// findings (a folder that cannot be opened, a rollback, a diagnosis).
func messageRow(icon fyne.Resource, text string, importance widget.Importance) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	return container.NewBorder(nil, nil, iconBeside(widget.NewIcon(icon)), nil, l), l
}

// iconBeside places an icon at the left of a text: at the top, so that it
// stays by the first line of a long sentence, and padded like a label's
// text so that the two line up.
func iconBeside(icon *widget.Icon) fyne.CanvasObject {
	return container.NewVBox(container.New(layout.NewCustomPaddedLayout(theme.InnerPadding()/2, 0, 0, 0), icon))
}
