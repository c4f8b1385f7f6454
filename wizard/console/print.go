package console

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// printer writes what a step shows, as sentences that stay on the screen:
// the terminal keeps a transcript of the whole session. In Lines mode it
// writes plain text only (no colour, no wrapping: a screen reader reads
// it as it is, and the terminal wraps it).
type printer struct {
	out   io.Writer
	width int // wrap sentences at this width; 0: do not wrap
	plain bool

	bold, dim, rule lipgloss.Style
	marks           map[mark]lipgloss.Style
	words           map[mark]string // the word that says a mark, translated
	colon           string          // ": ", or " : " in French
}

// mark says what kind of sentence a line is: the word in front of it says
// so in both modes, so that nothing depends on colour.
type mark int

const (
	markNone mark = iota
	markOK
	markNote
	markWarning
	markError
)

func newPrinter(out io.Writer, width int, plain bool) *printer {
	p := &printer{out: out, width: width, plain: plain}
	p.bold = lipgloss.NewStyle().Bold(true)
	p.dim = lipgloss.NewStyle().Faint(true)
	p.rule = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.ANSIColor(6)) // cyan
	p.marks = map[mark]lipgloss.Style{
		markOK:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.ANSIColor(2)), // green
		markNote:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.ANSIColor(6)),
		markWarning: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.ANSIColor(3)), // yellow
		markError:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.ANSIColor(1)), // red
	}
	if plain {
		p.bold, p.dim, p.rule = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
		for k := range p.marks {
			p.marks[k] = lipgloss.NewStyle()
		}
	}
	return p
}

// setWords sets the words in front of marked sentences, in the language
// shown.
func (p *printer) setWords(t func(string) string) {
	p.colon = t("console.colon")
	p.words = map[mark]string{
		markOK: t("console.mark.ok"), markNote: t("console.mark.note"),
		markWarning: t("console.mark.warning"), markError: t("console.mark.error"),
	}
}

func (p *printer) blank() { fmt.Fprintln(p.out) }

// position is the line that opens a step: where the user is.
func (p *printer) position(s string) {
	p.blank()
	fmt.Fprintln(p.out, p.rule.Render("── "+s+" ──"))
}

func (p *printer) heading(s string) { fmt.Fprintln(p.out, p.bold.Render(s)) }

// para is a sentence or a paragraph, wrapped; its lines ("\n") stay.
func (p *printer) para(s string) { p.indented("", "", s) }

// item is one line indented under a heading.
func (p *printer) item(s string) { p.indented("  ", "    ", s) }

// bullet is one item of a list.
func (p *printer) bullet(s string) { p.indented("  • ", "    ", s) }

// field is "label: value", indented under a heading.
func (p *printer) field(label, value string) {
	p.indented("  ", "    ", label+p.colon+p.bold.Render(value))
}

// marked is a sentence with the word that says what it is in front:
// "Error: …", "Warning: …".
func (p *printer) marked(m mark, s string) { p.markedIndent("", m, s) }

func (p *printer) markedIndent(indent string, m mark, s string) {
	word := p.words[m]
	if word == "" {
		p.indented(indent, indent+"  ", s)
		return
	}
	p.indented(indent+p.marks[m].Render(word+strings.TrimRight(p.colon, " "))+" ", indent+"  ", s)
}

// chosen echoes the answer of a form, which vanishes once answered, so
// that the transcript keeps it.
func (p *printer) chosen(s string) { fmt.Fprintln(p.out, p.dim.Render("» "+s)) }

// indented writes s, its first line after first, the others after rest,
// wrapped to the width.
func (p *printer) indented(first, rest, s string) {
	for i, line := range strings.Split(s, "\n") {
		lead := rest
		if i == 0 {
			lead = first
		}
		if p.width > 0 {
			room := max(p.width-ansi.StringWidth(lead), 20)
			line = ansi.Wordwrap(line, room, "")
			line = strings.ReplaceAll(line, "\n", "\n"+strings.Repeat(" ", ansi.StringWidth(rest)))
		}
		fmt.Fprintln(p.out, lead+line)
	}
}
