package central

// StepID names a step of the procedure.
type StepID string

const (
	StepPreconditions StepID = "preconditions"
	StepBackup        StepID = "backup"
	StepDelete        StepID = "delete" // stop the services, delete the certificates and Exported Certificates
	StepBootstrap     StepID = "bootstrap"
	StepVerify        StepID = "verify"
	StepRestart       StepID = "restart"
	StepNext          StepID = "next"
)

// Steps lists the steps in order; a step's number is its index plus one.
var Steps = []StepID{StepPreconditions, StepBackup, StepDelete, StepBootstrap, StepVerify, StepRestart, StepNext}

// Number is the step's number, 1 to 7; 0 for an unknown step.
func (s StepID) Number() int {
	for i, id := range Steps {
		if id == s {
			return i + 1
		}
	}
	return 0
}
