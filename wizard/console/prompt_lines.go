package console

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"qscert/certs/coded"
)

// linePrompter asks with huh's accessible mode: a prompt per line, read
// up to Enter, asked again while the answer is refused. huh's own words
// in that mode are English ("Enter a number between…", "[y/N]"), so menus
// are asked as a numbered list and a translated question, through the
// same line prompt.
type linePrompter struct {
	in  io.Reader // a lineReader, or terminalLines on a terminal
	out io.Writer
	t   func(key string, params ...map[string]string) string
	// ended tells that the input reached its end.
	ended func() bool
}

// errOf turns what a prompt returned into the wizard's error: the end of
// the input stops the wizard, which would otherwise ask forever.
func (p *linePrompter) errOf(err error) error {
	if p.ended() || errors.Is(err, io.EOF) {
		return coded.New(CodeInputEnded, nil)
	}
	return err
}

func (p *linePrompter) ask(qs []question) error {
	_, onTerminal := p.in.(fder)
	for _, q := range qs {
		if q.Hint != "" {
			fmt.Fprintln(p.out, q.Hint)
		}
		current := *q.Value
		keep := q.KeepIfEmpty && current != ""
		title := q.Title
		switch {
		case q.Secret && keep:
			title += " " + p.t("console.secret.keep")
		case !q.Secret && current != "":
			title += " [" + current + "]"
		}
		// huh checks what was typed; Enter alone stands for the value
		// shown in brackets (or kept), which is what is checked then.
		check := func(typed string) error {
			if q.Check == nil {
				return nil
			}
			if strings.TrimSpace(typed) == "" && (!q.Secret || keep) {
				typed = current
			}
			return q.Check(typed)
		}
		answer := current
		in := huh.NewInput().Title(p.t("console.prompt", map[string]string{"label": title})).Value(&answer).Validate(check).CharLimit(maxAnswer)
		if q.Secret {
			// On a terminal huh reads it with echo off. Elsewhere (a
			// pipe) nothing echoes: it is read as a line, and an empty
			// line is an empty answer, as typed.
			if onTerminal {
				in = in.EchoMode(huh.EchoModePassword)
			}
			if !keep {
				answer = ""
			}
		}
		var err error
		if q.Secret && !onTerminal {
			answer, err = p.secretLine(title, check)
		} else {
			err = in.RunAccessible(p.out, p.in)
		}
		if err != nil || p.ended() {
			return p.errOf(err)
		}
		if q.Secret && keep && answer == "" {
			answer = current
		}
		*q.Value = answer
	}
	return nil
}

func (p *linePrompter) choose(title string, options []choice, def string) (string, error) {
	fmt.Fprintln(p.out, title)
	defIndex := 1
	for i, o := range options {
		fmt.Fprintf(p.out, "  %d. %s\n", i+1, o.Label)
		if o.Key == def {
			defIndex = i + 1
		}
	}
	n := len(options)
	params := map[string]string{"count": strconv.Itoa(n), "default": strconv.Itoa(defIndex)}
	answer := ""
	in := huh.NewInput().Title(p.t("console.choose", params)).Value(&answer).Validate(func(typed string) error {
		typed = strings.TrimSpace(typed)
		if typed == "" {
			return nil
		}
		if i, err := strconv.Atoi(typed); err != nil || i < 1 || i > n {
			return errors.New(p.t("console.choose.invalid", params))
		}
		return nil
	})
	err := in.RunAccessible(p.out, p.in)
	if err != nil || p.ended() {
		return "", p.errOf(err)
	}
	i := defIndex
	if answer != "" {
		i, _ = strconv.Atoi(strings.TrimSpace(answer))
	}
	return options[i-1].Key, nil
}

// pick asks about each option in turn, yes or no: a screen reader reads
// one question at a time better than a list of numbers to toggle.
func (p *linePrompter) pick(title string, options []choice, selected []string) ([]string, error) {
	fmt.Fprintln(p.out, title)
	var picked []string
	for _, o := range options {
		def := "no"
		for _, s := range selected {
			if s == o.Key {
				def = "yes"
			}
		}
		yes, err := p.choose(o.Label, []choice{{"yes", p.t("console.pick.yes")}, {"no", p.t("console.pick.no")}}, def)
		if err != nil {
			return nil, err
		}
		if yes == "yes" {
			picked = append(picked, o.Key)
		}
	}
	return picked, nil
}

// secretLine reads a password from a pipe as the line it is, spaces
// included: huh's accessible prompt trims what it reads, and a password
// whose first or last character is a space would not open the files.
// The prompt and the re-asking on a refusal are huh's.
func (p *linePrompter) secretLine(title string, check func(string) error) (string, error) {
	prompt := p.t("console.prompt", map[string]string{"label": title}) + " "
	scanner := bufio.NewScanner(p.in)
	scanner.Buffer(make([]byte, 0, 256), 64<<10)
	for {
		fmt.Fprint(p.out, prompt)
		if !scanner.Scan() {
			fmt.Fprintln(p.out)
			if err := scanner.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}
		line := strings.TrimSuffix(scanner.Text(), "\r")
		if len(line) > maxAnswer {
			fmt.Fprintln(p.out, p.t("console.answer.too-long", map[string]string{"max": strconv.Itoa(maxAnswer)}))
			continue
		}
		if err := check(line); err != nil {
			fmt.Fprintln(p.out, err)
			continue
		}
		return line, nil
	}
}
