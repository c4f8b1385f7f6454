package flow

// Rev counts the changes to a group of inputs (the export's, or the
// old-certificate choices). A result computed for an older revision is
// dropped.
type Rev int

// Job is one operation a flow asked for, with its inputs already taken
// from the state. Run does the slow part (files, stores, the network) and
// touches no state, so a window runs it on a goroutine of its own; the
// front end then hands the outcome to the flow's Apply method for it, on
// the goroutine that owns the flow. A console calls Run and Apply in a row.
type Job[R any] struct {
	// Rev is the revision of the inputs the job was made for; its outcome
	// carries it too.
	Rev Rev
	run func() R
}

// Run does the job. It may block (a DNS lookup, a timeout); call it off
// any UI thread.
func (j *Job[R]) Run() R { return j.run() }
