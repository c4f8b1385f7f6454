// Package qrs proves that an exported Qlik Sense client certificate works: it
// calls the Qlik Sense Repository Service (GET /qrs/about on port 4242) over
// mutual TLS, presenting the client certificate and trusting only the
// exported root, and turns any failure into a diagnosis with a stable code
// (see codes.go) that the CLI and the wizard translate into advice.
//
// Standard TLS verification cannot be used as it is: Qlik's CA has no
// basicConstraints, which Go rejects, and Qlik server certificates may name
// their host only in the CN, which Go ignores. verify_server.go does the
// whole verification itself; it is never skipped.
package qrs
