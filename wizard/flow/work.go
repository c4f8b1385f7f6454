package flow

import "qscert/certs/install"

// RunDue does, synchronously, what the current step waits for after its
// questions were answered: the check of the export, the plan, the
// install, the connection test.
// A console front end calls it after each answer (a window runs the same
// jobs in the background instead, and debounces typing). progress is
// called after each install step. It reports whether anything ran.
func (f *Install) RunDue(progress install.Progress) bool {
	switch f.Step().ID {
	case StepAccount:
		return f.runAccountDue()
	case StepFiles:
		if j := f.CheckDue(); j != nil {
			return f.ApplyCheck(j.Run())
		}
	case StepOld:
		if j := f.PlanDue(); j != nil {
			return f.ApplyPlan(j.Run())
		}
	case StepInstall:
		report := func(done, total int, s install.Step) {
			f.Progressed(done, total, s)
			if progress != nil {
				progress(done, total, s)
			}
		}
		if j := f.InstallDue(report); j != nil {
			return f.ApplyInstall(j.Run())
		}
	case StepDone:
		if j := f.TestDue(); j != nil {
			return f.ApplyTest(j.Run())
		}
	}
	return false
}
