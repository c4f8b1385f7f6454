// Package install changes certificate stores, safely: Classify says what
// each certificate already in a store is (the same as the export's, an
// older one of the same site to replace, one of another site, unrelated);
// PlanInstall and PlanRestore compute every change first — back up what
// will be removed, add, remove — with one builder; Plan.Apply runs it and
// undoes what it did when a step fails. Backups are password-protected PFX
// files with a manifest.
package install
