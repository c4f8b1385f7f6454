package wizard

import (
	"qscert/assets/i18n"
	"qscert/certs/finding"
	"qscert/certs/qlik"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// dateFormat is the same in both languages: ISO dates cannot be misread
// as day/month or month/day over a screen share.
const dateFormat = "2006-01-02"

// certCard describes one certificate of the export: what an administrator
// compares with certmgr or the QMC, and the findings about it.
func (w *Wizard) certCard(info qlik.CertificateInfo, findings []finding.Finding) *widget.Card {
	yesNo := w.t("wizard.no")
	if info.HasPrivateKey {
		yesNo = w.t("wizard.yes")
	}
	files := info.File
	if info.KeyFile != "" && info.KeyFile != info.File {
		files += ", " + info.KeyFile
	}
	form := widget.NewForm(
		cardItem(w.t("wizard.card.subject"), info.Subject, false),
		cardItem(w.t("wizard.card.issuer"), info.Issuer, false),
		cardItem(w.t("wizard.card.validity"), w.t("wizard.card.validity.range", map[string]string{
			"from": info.NotBefore.Format(dateFormat), "to": info.NotAfter.Format(dateFormat),
		}), false),
		w.thumbprintItem(info.SHA1),
		cardItem(w.t("wizard.card.key"), yesNo, false),
		cardItem(w.t("wizard.card.files"), files, false),
	)
	content := container.NewVBox(heading(i18n.Capitalise(w.t("role."+string(info.Role)))), form)
	for _, f := range findings {
		content.Add(w.findingRow(f))
	}
	return box(content)
}

// box frames a group of widgets. widget.Card's own title is drawn at
// heading size, too loud for a group among others on a page.
func box(content fyne.CanvasObject) *widget.Card {
	return widget.NewCard("", "", content)
}

// thumbprintItem is the thumbprint with a Copy button: it is what an
// administrator pastes into certlm.msc's search or a script.
func (w *Wizard) thumbprintItem(sha1 string) *widget.FormItem {
	item := cardItem(w.t("wizard.card.thumbprint"), sha1, true)
	cp := newCopyButton(w, func() string { return sha1 }, copiedShort(w))
	item.Widget = container.NewBorder(nil, nil, nil, cp.object(), item.Widget)
	return item
}

func cardItem(label, value string, mono bool) *widget.FormItem {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Monospace: mono})
	v.Wrapping = fyne.TextWrapBreak
	v.Selectable = true
	return widget.NewFormItem(label, v)
}
