package flow

import (
	"strings"

	"qscert/certs/central"
	"qscert/certs/coded"
)

// ServicesRead is the state of the Qlik Sense services after the restart.
type ServicesRead struct {
	Rev      Rev
	Services []central.ServiceStatus
	Err      error
}

// Services are the Qlik Sense services as last read, in StartOrder; nil
// before.
func (f *Recreate) Services() ([]central.ServiceStatus, error) { return f.services, f.servicesErr }

// ServicesDue reads the services' state, once each time the restart step
// is reached.
func (f *Recreate) ServicesDue() *Job[ServicesRead] {
	if f.servicesRev == 0 || f.servicesAt == f.servicesRev {
		return nil
	}
	rev := f.servicesRev
	f.servicesAt = rev
	open := f.open
	return &Job[ServicesRead]{Rev: rev, run: func() ServicesRead {
		node, err := open()
		if err != nil {
			return ServicesRead{Rev: rev, Err: err}
		}
		var out []central.ServiceStatus
		for _, name := range central.StartOrder {
			st, err := node.Services.Query(name)
			if err != nil {
				return ServicesRead{Rev: rev, Services: out, Err: err}
			}
			st.Name = name
			if st.Exists {
				out = append(out, st)
			}
		}
		return ServicesRead{Rev: rev, Services: out}
	}}
}

// ApplyServices stores the services' state.
func (f *Recreate) ApplyServices(s ServicesRead) bool {
	if s.Rev != f.servicesRev {
		return false
	}
	f.services, f.servicesErr, f.servicesFor = s.Services, s.Err, s.Rev
	return true
}

// nextState is step 7's: the rim nodes redistributed to, the exports
// made, and their passwords, which are shown once and never kept beyond
// the flow.
type nextState struct {
	distributing  bool
	distributeAsk int
	distributed   int
	distributions []central.Distribution
	distributeErr error

	machines         string // typed, comma-separated
	machinesProposed bool
	password, retype string
	pem              bool
	exporting        bool
	exportAsk        int
	exported         int
	exportFolder     string
	exportErr        error
	exportedFor      []string
}

// Next is step 7's list: the rim nodes and third-party machines that need
// a new export; nil before the procedure ended.
func (f *Recreate) NextSteps() *central.Next {
	if f.run.result == nil || !f.Done() {
		return nil
	}
	return f.run.result.Next
}

func (f *Recreate) nextBusy() bool { return f.next.distributing || f.next.exporting }

// CanRedistribute: there are rim nodes, the QRS listed them, and they
// were not redistributed to yet.
func (f *Recreate) CanRedistribute() bool {
	nx := f.NextSteps()
	return nx != nil && nx.Err == nil && len(nx.RimNodes) > 0 && f.run.rc != nil &&
		f.next.distributeAsk == 0 && !f.next.distributing
}

// AskRedistribute asks for the certificates to be redistributed to every
// rim node (once: each node's password is shown once).
func (f *Recreate) AskRedistribute() bool {
	if !f.CanRedistribute() {
		return false
	}
	f.next.distributeAsk++
	return true
}

// Distributed is what the redistribution did: each node's password (to
// type on it), or its error.
func (f *Recreate) Distributed() ([]central.Distribution, error) {
	return f.next.distributions, f.next.distributeErr
}

// Distributing: the QRS is asked.
func (f *Recreate) Distributing() bool { return f.next.distributing }

// Redistributed is the outcome of a redistribution.
type Redistributed struct {
	Distributions []central.Distribution
	Err           error
}

// RedistributeDue is the redistribution asked for, once.
func (f *Recreate) RedistributeDue() *Job[Redistributed] {
	n := &f.next
	if n.distributing || n.distributeAsk == n.distributed || f.run.rc == nil {
		return nil
	}
	n.distributed = n.distributeAsk
	n.distributing = true
	rc, folder, nodes, ctx := f.run.rc, f.run.result.Folder, f.NextSteps().RimNodes, f.ctx()
	return &Job[Redistributed]{run: func() Redistributed {
		ds, err := rc.Redistribute(ctx, folder, nodes)
		return Redistributed{Distributions: ds, Err: err}
	}}
}

// ApplyRedistributed stores the passwords (in memory only).
func (f *Recreate) ApplyRedistributed(r Redistributed) bool {
	f.next.distributing = false
	f.next.distributions, f.next.distributeErr = r.Distributions, r.Err
	return true
}

// CanExport: the procedure ended and the QRS can be asked.
func (f *Recreate) CanExport() bool {
	nx := f.NextSteps()
	return nx != nil && f.run.rc != nil
}

// ProposeMachines fills the machines to export for with those the old
// Exported Certificates named, once.
func (f *Recreate) proposeMachines() {
	if nx := f.NextSteps(); nx != nil && !f.next.machinesProposed {
		f.next.machinesProposed = true
		f.next.machines = strings.Join(nx.Machines, ", ")
	}
}

// ExportMachines are the machines typed, without blanks or repeats.
func (f *Recreate) ExportMachines() []string {
	f.proposeMachines()
	var out []string
	seen := map[string]bool{}
	for _, m := range strings.Split(f.next.machines, ",") {
		m = strings.TrimSpace(m)
		if m != "" && !seen[strings.ToLower(m)] {
			seen[strings.ToLower(m)] = true
			out = append(out, m)
		}
	}
	return out
}

// ExportPEM: the exports are in PEM format (else the Windows format).
func (f *Recreate) ExportPEM() bool { return f.next.pem }

// SetExportPEM chooses the exports' format.
func (f *Recreate) SetExportPEM(on bool) { f.next.pem = on }

// ExportProblem says why Export cannot run now (a translation key), or "".
func (f *Recreate) ExportProblem() string {
	switch {
	case !f.CanExport():
		return "wizard.recreate.export.unavailable"
	case len(f.ExportMachines()) == 0:
		return "wizard.recreate.export.machines.empty"
	case f.next.password == "":
		return "wizard.recreate.export.password.empty"
	case f.next.retype != f.next.password:
		return "wizard.old.backup.retype.differs"
	}
	return ""
}

// AskExport asks for the export; false when ExportProblem says why not.
func (f *Recreate) AskExport() bool {
	if f.ExportProblem() != "" || f.next.exporting {
		return false
	}
	f.next.exportAsk++
	return true
}

// Exporting: the QRS exports.
func (f *Recreate) Exporting() bool { return f.next.exporting }

// Exported is where the last export went and for whom, or its error.
func (f *Recreate) Exported() (folder string, machines []string, err error) {
	return f.next.exportFolder, f.next.exportedFor, f.next.exportErr
}

// ExportDone is the outcome of an export.
type ExportDone struct {
	Folder   string
	Machines []string
	Err      error
}

// ExportDue is the export asked for.
func (f *Recreate) ExportDue() *Job[ExportDone] {
	n := &f.next
	if n.exporting || n.exportAsk == n.exported || f.run.rc == nil {
		return nil
	}
	n.exported = n.exportAsk
	if n.password == "" {
		n.exportErr = coded.New(central.CodeExportPassword, nil)
		return nil
	}
	n.exporting = true
	req := central.ExportRequest{Machines: f.ExportMachines(), Password: n.password, IncludeKey: true, PEM: n.pem}
	rc, folder, ctx := f.run.rc, f.run.result.Folder, f.ctx()
	return &Job[ExportDone]{run: func() ExportDone {
		dir, err := rc.Export(ctx, folder, req)
		return ExportDone{Folder: dir, Machines: req.Machines, Err: err}
	}}
}

// ApplyExport stores where the exports went.
func (f *Recreate) ApplyExport(e ExportDone) bool {
	f.next.exporting = false
	f.next.exportFolder, f.next.exportedFor, f.next.exportErr = e.Folder, e.Machines, e.Err
	return true
}

// RunDueNow does, synchronously, what the current step waits for (a
// console calls it): the plan, the run, the services, the
// redistribution and the export asked for. onEvent is told the run's
// events after the flow recorded them.
func (f *Recreate) RunDueNow(onEvent func(central.Event)) bool {
	switch f.Walk.Step().ID {
	case StepRecreateCheck:
		if j := f.PrepareDue(); j != nil {
			return f.ApplyPrepared(j.Run())
		}
	case StepRecreateRun:
		tell := func(e central.Event) {
			f.Told(e)
			if onEvent != nil {
				onEvent(e)
			}
		}
		if j := f.RunDue(tell); j != nil {
			return f.ApplyRan(j.Run())
		}
	case StepRecreateRestart:
		if j := f.ServicesDue(); j != nil {
			return f.ApplyServices(j.Run())
		}
	case StepRecreateNext:
		ran := false
		if j := f.RedistributeDue(); j != nil {
			ran = f.ApplyRedistributed(j.Run())
		}
		if j := f.ExportDue(); j != nil {
			ran = f.ApplyExport(j.Run()) || ran
		}
		return ran
	}
	return false
}

// ReadServicesAgain asks for the services' state to be read again.
func (f *Recreate) ReadServicesAgain() { f.servicesRev++ }
