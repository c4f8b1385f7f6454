package console

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
)

// keyMap is huh's keys with their help in the language shown, and without
// the ones a short menu does not need (half pages, first and last), whose
// help would only crowd the line under the form.
func keyMap(t func(string, ...map[string]string) string) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	next, back, submit := t("console.key.next"), t("console.key.back"), t("console.key.submit")
	k.Input.Next.SetHelp("enter", next)
	k.Input.Prev.SetHelp("shift+tab", back)
	k.Input.Submit.SetHelp("enter", submit)
	k.Input.AcceptSuggestion.SetEnabled(false)

	k.Select.Next.SetHelp("enter", t("console.key.choose"))
	k.Select.Submit.SetHelp("enter", t("console.key.choose"))
	k.Select.Prev.SetHelp("shift+tab", back)
	k.Select.Up.SetHelp("↑", t("console.key.up"))
	k.Select.Down.SetHelp("↓", t("console.key.down"))
	// huh turns filtering back on as a menu is used: its help is
	// translated rather than hidden.
	for _, f := range []*key.Binding{&k.Select.Filter, &k.MultiSelect.Filter} {
		f.SetHelp("/", t("console.key.filter"))
	}
	for _, f := range []*key.Binding{&k.Select.SetFilter, &k.MultiSelect.SetFilter} {
		f.SetHelp("esc", t("console.key.filter.set"))
	}
	for _, f := range []*key.Binding{&k.Select.ClearFilter, &k.MultiSelect.ClearFilter} {
		f.SetHelp("esc", t("console.key.filter.clear"))
	}
	for _, b := range []*key.Binding{&k.Select.HalfPageUp, &k.Select.HalfPageDown, &k.Select.GotoTop, &k.Select.GotoBottom} {
		b.SetEnabled(false)
	}

	k.MultiSelect.Next.SetHelp("enter", submit)
	k.MultiSelect.Submit.SetHelp("enter", submit)
	k.MultiSelect.Prev.SetHelp("shift+tab", back)
	k.MultiSelect.Toggle.SetHelp("space", t("console.key.toggle"))
	k.MultiSelect.Up.SetHelp("↑", t("console.key.up"))
	k.MultiSelect.Down.SetHelp("↓", t("console.key.down"))
	// huh turns these two on and off as options are ticked.
	k.MultiSelect.SelectAll.SetHelp("ctrl+a", t("console.key.all"))
	k.MultiSelect.SelectNone.SetHelp("ctrl+a", t("console.key.none"))
	for _, b := range []*key.Binding{&k.MultiSelect.HalfPageUp, &k.MultiSelect.HalfPageDown,
		&k.MultiSelect.GotoTop, &k.MultiSelect.GotoBottom} {
		b.SetEnabled(false)
	}
	return k
}

// theme is huh's theme of the terminal's own sixteen colours: it reads on
// the black of cmd.exe and Windows Terminal, the blue of PowerShell and
// the light or dark of any Linux terminal, which fixed colours do not.
func theme() *huh.Theme { return huh.ThemeBase16() }
