package console

import "qscert/certs/coded"

// Codes is the table of the console wizard's codes. Each has a sentence
// under "code.<code>" in console.<lang>.json.
var Codes = &coded.Registry{}

// CodeInputEnded: the input ended (Ctrl+D, Ctrl+Z, a pipe that closed, no
// terminal at all) before the wizard was done: it stops instead of asking
// forever.
var CodeInputEnded = Codes.Error("console-input-ended")
