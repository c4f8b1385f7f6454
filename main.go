// Command qscert installs the certificates a Qlik Sense central node
// exports, on the machine of a third-party product, and proves they work.
// Without arguments it opens the wizard; with a command it runs the same
// engine from the command line (see `qscert help`).
package main

import (
	"os"

	"qscert/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:]))
}
