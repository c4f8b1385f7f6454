package central

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/durable"
)

// LogName is the procedure's log, next to its backup.
const LogName = "recreate.log"

// EventKind says what an Event is.
type EventKind string

const (
	EventStep    EventKind = "step"    // a step starts
	EventDone    EventKind = "done"    // a step ended well
	EventInfo    EventKind = "info"    // something the step did
	EventWarning EventKind = "warning" // something to read
	EventOutput  EventKind = "output"  // a line of the bootstrap's output
	EventError   EventKind = "error"   // what stopped the step
)

// Event is one thing the procedure tells, as it happens: for the log,
// the command line's progress and the wizard's page. Key is a
// translation key filled with Params; an output line is Line as the
// bootstrap wrote it; an error is Err.
type Event struct {
	Time   time.Time
	Step   StepID
	Kind   EventKind
	Key    string
	Params map[string]string
	Line   string
	Err    error
}

// Sentence is the event in t's language.
func (e Event) Sentence(t *i18n.Translator) string {
	switch {
	case e.Kind == EventOutput:
		return e.Line
	case e.Err != nil && e.Key == "":
		return t.Error(e.Err)
	case e.Kind == EventStep && e.Step.Number() == 0:
		return t.T(e.Key, e.Params) // the restore, which is no step of the seven
	case e.Kind == EventStep:
		p := map[string]string{"n": fmt.Sprint(e.Step.Number()), "total": fmt.Sprint(len(Steps))}
		return t.T("central.step-of", p) + " " + t.T("central.step."+string(e.Step))
	}
	s := t.T(e.Key, e.Params)
	if e.Err != nil {
		s += " " + t.Error(e.Err)
	}
	return s
}

// runLog is the log file: one line per event, in the language of the
// run, with its time and step. It holds no secret: no event carries one.
// Lines are appended without a sync: a line lost in a power cut costs
// nothing, the journal is what recovery reads.
type runLog struct {
	mu   sync.Mutex
	f    *os.File
	path string
	t    *i18n.Translator
}

func openLog(folder string, t *i18n.Translator) (*runLog, error) {
	path := filepath.Join(folder, LogName)
	durable.WritePoint("create", path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return &runLog{f: f, path: path, t: t}, nil
}

func (l *runLog) write(e Event) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	where := "      "
	if n := e.Step.Number(); n > 0 {
		where = fmt.Sprintf("[%d/%d]", n, len(Steps))
	}
	mark := map[EventKind]string{EventStep: "==", EventDone: "ok", EventInfo: "  ", EventWarning: "!!", EventOutput: " |", EventError: "XX"}[e.Kind]
	text := strings.ReplaceAll(e.Sentence(l.t), "\n", " ")
	line := fmt.Sprintf("%s %s %s %s\n", e.Time.UTC().Format("2006-01-02 15:04:05Z"), where, mark, text)
	durable.WritePoint("append", l.path)
	_, _ = l.f.WriteString(line)
}

func (l *runLog) close() {
	if l != nil {
		_ = l.f.Close()
	}
}
