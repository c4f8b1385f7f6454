package console

import (
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// formPrompter asks with huh's forms, drawn in place on a terminal that
// can draw. A form vanishes once answered; the printer echoes the answer.
type formPrompter struct {
	in    io.Reader
	out   io.Writer
	keys  *huh.KeyMap
	theme *huh.Theme
	width int
	echo  func(string) // prints an answered choice for the transcript
}

// run runs one form as a Bubble Tea program of its own. Not with
// form.Run: that ends a form left with Ctrl+C as an interrupted program,
// which bubbletea v1.3 shuts down without waiting for its input reader,
// and that reader then takes a key meant for the next form (seen as a
// lost Enter on the "Leave the wizard?" question). Ending every form
// with tea.Quit shuts it down in order.
func (p *formPrompter) run(fields ...huh.Field) error {
	form := huh.NewForm(huh.NewGroup(fields...)).WithKeyMap(p.keys).WithTheme(p.theme).WithShowHelp(true)
	if p.width > 0 {
		form = form.WithWidth(p.width)
	}
	form.SubmitCmd, form.CancelCmd = tea.Quit, tea.Quit
	_, err := tea.NewProgram(form, tea.WithInput(p.in), tea.WithOutput(p.out), tea.WithReportFocus()).Run()
	switch {
	case err != nil:
		return err
	case form.State == huh.StateAborted:
		return errAborted
	}
	return nil
}

func (p *formPrompter) ask(qs []question) error {
	fields := make([]huh.Field, len(qs))
	for i, q := range qs {
		in := huh.NewInput().Title(q.Title).Description(q.Hint).Value(q.Value).CharLimit(maxAnswer)
		if q.Placeholder != "" {
			in = in.Placeholder(q.Placeholder)
		}
		if q.Secret {
			in = in.EchoMode(huh.EchoModePassword)
		}
		if q.Check != nil {
			in = in.Validate(q.Check)
		}
		fields[i] = in
	}
	return p.run(fields...)
}

func (p *formPrompter) choose(title string, options []choice, def string) (string, error) {
	key := def
	opts := make([]huh.Option[string], len(options))
	for i, o := range options {
		opts[i] = huh.NewOption(o.Label, o.Key)
	}
	if err := p.run(huh.NewSelect[string]().Title(title).Options(opts...).Value(&key)); err != nil {
		return "", err
	}
	for _, o := range options {
		if o.Key == key {
			p.echo(o.Label)
		}
	}
	return key, nil
}

func (p *formPrompter) pick(title string, options []choice, selected []string) ([]string, error) {
	picked := append([]string(nil), selected...)
	opts := make([]huh.Option[string], len(options))
	for i, o := range options {
		opts[i] = huh.NewOption(o.Label, o.Key)
	}
	ms := huh.NewMultiSelect[string]().Title(title).Options(opts...).Value(&picked)
	if err := p.run(ms); err != nil {
		return nil, err
	}
	for _, o := range options {
		for _, k := range picked {
			if k == o.Key {
				p.echo(o.Label)
			}
		}
	}
	return picked, nil
}

// maxAnswer bounds what a field takes: a long path fits, a pasted file
// does not.
const maxAnswer = 4096
