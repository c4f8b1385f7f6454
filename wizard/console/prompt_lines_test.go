package console

import (
	"errors"
	"strings"
	"testing"

	"qscert/certs/coded"
)

// A password read from a pipe is the line as it is, the spaces around it
// included (huh's line prompt trims them, and such a password would not
// open the files); a refusal asks again, a CRLF line end is not part of
// it, and the end of the input stops the wizard.
func TestAPipedPasswordKeepsItsSpaces(t *testing.T) {
	lines := &lineReader{r: strings.NewReader("short\r\n  two spaces either side  \r\n")}
	var out strings.Builder
	p := &linePrompter{in: lines, out: &out, t: func(k string, _ ...map[string]string) string { return k }, ended: lines.Ended}
	var got string
	q := question{Title: "Backup password", Value: &got, Secret: true, Check: func(s string) error {
		if len(strings.TrimSpace(s)) < 8 {
			return errors.New("at least 8 characters")
		}
		return nil
	}}
	if err := p.ask([]question{q}); err != nil {
		t.Fatal(err)
	}
	if got != "  two spaces either side  " {
		t.Fatalf("read %q", got)
	}
	if !strings.Contains(out.String(), "at least 8 characters") || strings.Count(out.String(), "console.prompt") != 2 {
		t.Fatalf("the refusal was not said and asked again:\n%s", out.String())
	}
	if err := p.ask([]question{q}); coded.CodeOf(err) != CodeInputEnded {
		t.Fatalf("at the end of the input: %v", err)
	}
}
