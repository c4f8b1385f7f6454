package console

import (
	"strings"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow/flowtest"
)

// With no terminal at all (a pipe), every answer is a line: a script or
// an assistive tool can drive the wizard, passwords included.
func TestThroughAPipeEveryAnswerIsALine(t *testing.T) {
	st := newSite(t, qrstest.Options{})
	answers := strings.Join([]string{
		"1", "1", // welcome, guide
		st.Dir, flowtest.Password, flowtest.Host, "1", // the files, Next
		"1",                   // who uses it: me, Next
		"1", "1", "", "", "1", // replace both, the backup proposed, Install
		"1", "1", "1", // Next, Test connection, Finish
	}, "\n") + "\n"
	var out strings.Builder
	end, err := Run(st.deps("en"), Terminal{In: strings.NewReader(answers), Out: &out, Mode: Lines})
	if err != nil || end != Finished {
		t.Fatalf("ended %v, %v:\n%s", end, err, out.String())
	}
	if !strings.Contains(out.String(), "The connection to qlik.corp.example works") || st.QRS.Requests() != 1 {
		t.Errorf("no successful connection test:\n%s", out.String())
	}
	if strings.Contains(out.String(), flowtest.Password) {
		t.Error("the password was printed")
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("plain lines hold escape sequences")
	}
}

// When the input ends before the wizard does, it stops and says why,
// rather than asking forever.
func TestTheEndOfTheInputStopsTheWizard(t *testing.T) {
	st := newSite(t, qrstest.Options{})
	for _, in := range []string{"", "1\n", "1\n1\n" + st.Dir + "\n"} {
		var out strings.Builder
		_, err := Run(st.deps("en"), Terminal{In: strings.NewReader(in), Out: &out, Mode: Lines})
		if coded.CodeOf(err) != CodeInputEnded {
			t.Errorf("after %q: %v", in, err)
		}
	}
}
