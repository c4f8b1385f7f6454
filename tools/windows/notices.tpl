Licence notices of the software qscert is built from, besides qscert itself.
Made at build time by go-licenses from the Go modules this build links;
the Go standard library and runtime follow at the end.
{{range .}}
================================================================================
{{.Name}}{{if .Version}} {{.Version}}{{end}} ({{.LicenseName}})
================================================================================
{{.LicenseText}}
{{end}}
