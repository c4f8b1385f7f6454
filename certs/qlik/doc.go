// Package qlik says what a Qlik Sense certificate is: its roles (root,
// client, server), the private role extension, the site a root names, the
// signature checks that accept Qlik's CA (which has no basicConstraints),
// host names and how to compare them, thumbprints, and the file names the
// QMC's "Export certificates" writes. Everything above it (reading an
// export, validating it, installing it, the connection test) uses these
// rules from here, so that each has one home.
package qlik
