// Package certs loads, validates and installs the certificates a Qlik Sense
// central node exports. It never imports Fyne: the wizard and the command
// line both drive it.
//
// Reading: LoadExport (or LoadFiles) reads a QMC export in PEM or Windows
// format; Validate checks it and returns a Report of certificates and
// findings, each finding with a stable code.
//
// Installing: Classify says what each certificate already in a store is
// (the same as the export's, an older one of the same site to replace, one
// of another site, unrelated). PlanInstall computes every change first —
// back up what will be removed, add the new certificates, remove the old
// ones — and Plan.Apply runs it, rolling back on failure. PlanRestore puts
// a backup back the same way.
package certs
