package central

// restart is step 6: the Qlik Sense services start in dependency order
// (StartOrder), each once the one before runs; a service that is not
// installed or is disabled is passed over, one that runs already too.
func (r *run) restart() error {
	for _, name := range startable(r.rec.Services) {
		st, err := r.rc.node.Services.Query(name)
		if err != nil {
			return err
		}
		if !st.Exists || st.State == StateRunning {
			continue
		}
		if err := r.startService(StepRestart, name); err != nil {
			return err
		}
	}
	return nil
}
