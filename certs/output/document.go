package output

import "qscert/certs/coded"

// SchemaVersion is the version of the JSON documents qscert prints with
// --json and writes in a support report. It changes only when a field is
// removed, renamed or changes meaning; a field may be added without it
// (docs/json.md says what scripts may rely on). The schemas are in
// docs/json/, one per command.
const SchemaVersion = 1

// Header starts every JSON document: the schema's version and the command
// that printed it.
type Header struct {
	SchemaVersion int    `json:"schemaVersion"`
	Command       string `json:"command,omitempty"`
}

// HeaderOf is the header of a command's document.
func HeaderOf(command string) Header { return Header{SchemaVersion: SchemaVersion, Command: command} }

// Failure is the document of a command that could not run: which command,
// and why, as the one Problem shape. The command is empty when there was
// none to run (an unknown command).
type Failure struct {
	Header
	Error *coded.Problem `json:"error"`
}

// CommandList is `qscert help --json`: the commands and what they do.
type CommandList struct {
	Header
	Commands []CommandSummary `json:"commands"`
}

// CommandSummary is one command of a CommandList.
type CommandSummary struct {
	Name    string `json:"name"`
	Summary string `json:"summary"`
	Usage   string `json:"usage"`
}

// Version is `qscert version --json`.
type Version struct {
	Header
	Version string `json:"version"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
}

// Written is `qscert report --json`: where the support report was written.
type Written struct {
	Header
	Out   string         `json:"out,omitempty"`
	Error *coded.Problem `json:"error,omitempty"`
}
