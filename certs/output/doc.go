// Package output is what qscert tells people and scripts about a result:
// the JSON documents of the command line and the support report, and the
// same results as lines of text, in English or French. The command line,
// the support report and the wizard all use it, so a finding, a plan or a
// connection test reads the same wherever it is shown.
package output
