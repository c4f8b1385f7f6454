package install_test

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/install"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// dyingRunner runs the child, then stops the parent's goroutine for good
// (runtime.Goexit: Apply's deferred clean-ups run, nothing else), as a
// parent killed right after its child finished: the journal says the
// account step started, never that it was done.
type dyingRunner struct{ accounts.Runner }

func (d dyingRunner) Run(ctx context.Context, req accounts.Request) (int, error) {
	_, _ = d.Runner.Run(ctx, req)
	runtime.Goexit()
	return 0, nil
}

// dyingRemover stops the parent at its first removal, after the account
// step is done.
type dyingRemover struct{ *storetest.Memory }

func (d dyingRemover) Remove(store.Location, string) error {
	runtime.Goexit()
	return nil
}

// applyAndDie applies p in a goroutine of its own, which dies in it.
func applyAndDie(p *install.Plan) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = p.Apply(nil)
	}()
	<-done
}

// After a parent killed during its account step, Recover cannot act as the
// account without its password: it touches nothing and says which account
// and which of its backups, so that the same install is run again.
func TestRecoverAfterAParentKilledDuringItsAccountStep(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	r := newRig(t, mem)
	if _, err := r.install(exp1, svcUser); err != nil {
		t.Fatal(err)
	}
	r.runner = dyingRunner{&accounts.SimulatedRunner{}}
	applyAndDie(r.plan(exp2, svcUser))
	before := take(t, mem)
	recs, err := install.Recover(mem)
	if err != nil || len(recs) != 1 {
		t.Fatalf("Recover = %+v, %v", recs, err)
	}
	rec := recs[0]
	if rec.Action != "needs-account" || rec.Account == nil || rec.Account.SID != svcUser.SID || rec.AccountBackup == "" || len(rec.Removed) != 0 {
		t.Fatalf("recovery %+v", rec)
	}
	if got := take(t, mem); !equalSnapshots(got, before) {
		t.Fatalf("Recover changed the machine's stores:\n%s", got)
	}
	// The child had finished: its backup is there, and running the same
	// install again brings every part to the new export.
	r.runner = &accounts.SimulatedRunner{}
	if _, err := r.install(exp2, svcUser); err != nil {
		t.Fatal(err)
	}
	assertHolds(t, mem, exp2.Root.X509, exp2.Server.X509)
	assertHolds(t, r.accountStore(), exp2.Client.X509)
	if e, _ := mem.List(store.LocalMachineRoot); len(e) != 1 {
		t.Fatalf("%d roots", len(e))
	}
}

// A parent killed after its account step, while removing the old
// certificates: Recover completes the change, the account has its client.
func TestRecoverCompletesAChangeWhoseAccountStepWasDone(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	r := newRig(t, mem)
	if _, err := r.install(exp1, networkService); err != nil {
		t.Fatal(err)
	}
	p := r.plan(exp2, networkService)
	p.Store = dyingRemover{mem}
	applyAndDie(p)
	recs, err := install.Recover(mem)
	if err != nil || len(recs) != 1 || recs[0].Action != "completed" || len(recs[0].Removed) != 2 {
		t.Fatalf("Recover = %+v, %v", recs, err)
	}
	roots, _ := mem.List(store.LocalMachineRoot)
	if len(roots) != 1 || !bytes.Equal(roots[0].Raw, exp2.Root.X509.Raw) {
		t.Fatalf("roots %d", len(roots))
	}
	assertHolds(t, r.accountStore(), exp2.Client.X509)
}
