package console

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/install"
)

// done sums up the install and where the backup is, then offers the
// connection test (first, as the window does), the support report, and
// Finish.
func (w *wizard) done() error {
	w.header()
	w.showSummary()
	for {
		w.out.blank()
		test := choice{"test", w.t("wizard.done.test")}
		finish := choice{actNext, w.t(w.f.Step().NextLabel)}
		opts := []choice{test, finish}
		if w.f.Diagnosis() != nil || w.f.TestErr() != nil {
			test.Label = w.t("console.done.test.again")
			opts = []choice{finish, test}
		}
		if w.f.CanSaveReport() {
			opts = append(opts, choice{"report", w.t("wizard.done.report")})
		}
		a, err := w.p.choose(w.t("console.what-next"), opts, opts[0].Key)
		if err != nil {
			return err
		}
		switch a {
		case "test":
			w.test()
		case "report":
			if err := w.saveReport(); err != nil {
				return err
			}
		case actNext:
			w.end = Finished
			w.f.Next()
			return nil
		}
	}
}

// showSummary says what was installed where, what was removed, and where
// the backup is.
func (w *wizard) showSummary() {
	w.out.heading(w.t("wizard.done.summary"))
	result := w.f.Result()
	if result == nil || len(result.Done) == 0 {
		w.out.para(w.t("wizard.done.already"))
		return
	}
	removed := 0
	for _, s := range result.Done {
		switch s.Kind {
		case install.StepAdd:
			w.out.bullet(w.t("wizard.done.added", map[string]string{
				"role": i18n.Capitalise(w.t("role." + string(s.Role))), "location": s.Location.String(),
			}))
		case install.StepRemove:
			removed++
		}
	}
	if removed > 0 {
		w.out.bullet(w.t("wizard.done.removed", map[string]string{"count": itoa(removed)}))
	}
	if result.BackupDir != "" {
		w.out.bullet(w.t("wizard.done.backup"))
		w.out.indented("    ", "    ", result.BackupDir)
	}
	w.accountSummary(result)
}

// test calls the QRS with what is now in the store, and says the outcome
// in plain words: the diagnosis, and the technical cause for support.
func (w *wizard) test() {
	w.out.blank()
	w.out.heading(w.t("wizard.done.test.title"))
	w.out.para(w.t("wizard.done.test.what", map[string]string{"host": w.f.Host(), "port": itoa(w.f.Port())}))
	if job := w.f.ConnectionTest(); job != nil {
		w.f.ApplyTest(job.Run())
	}
	w.testedFor()
	defer w.testFindings()
	d := w.f.Diagnosis()
	switch {
	case w.f.TestErr() != nil:
		w.out.marked(markError, w.tr.Error(w.f.TestErr()))
	case d == nil:
	case d.OK():
		w.out.marked(markOK, w.tr.Code(d.Code, d.Params))
		if a := d.About; a != nil {
			w.out.para(w.t("wizard.done.test.about", map[string]string{
				"version": a.BuildVersion, "ms": strconv.FormatInt(d.ElapsedMS, 10),
			}))
		}
	default:
		w.out.marked(markError, w.tr.Code(d.Code, d.Params))
		if d.Detail != "" {
			w.out.para(w.t("wizard.done.test.detail", map[string]string{"detail": d.Detail}))
		}
	}
}

// saveReport asks where to write the support report and writes it. It
// holds no password.
func (w *wizard) saveReport() error {
	w.out.blank()
	w.out.heading(w.t("wizard.done.report.title"))
	w.out.para(w.t("wizard.done.report.what"))
	path := filepath.Join(w.reportDir(), w.f.ReportFileName())
	q := question{Title: w.t("console.report.file"), Value: &path, Check: func(s string) error {
		if strings.TrimSpace(unquote(s)) == "" {
			return errors.New(w.t("console.report.file.empty"))
		}
		return nil
	}}
	if err := w.p.ask([]question{q}); err != nil {
		return err
	}
	path = unquote(path)
	if job := w.f.SaveReport(path); job != nil {
		w.f.ApplySaved(job.Run())
	}
	if s := w.f.Saved(); s != nil && s.Err != nil {
		w.out.marked(markError, w.tr.Error(s.Err))
	} else if s != nil {
		w.out.marked(markOK, w.t("wizard.done.report.saved", map[string]string{"file": s.Path}))
	}
	return nil
}

// reportDir is where the report is proposed: beside the export folder, as
// the window proposes, except in demo mode, whose folders go on exit.
func (w *wizard) reportDir() string {
	if dir := w.f.Folder(); dir != "" && w.f.Demo() == nil {
		return filepath.Dir(dir)
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}
