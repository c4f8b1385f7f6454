module qscert

go 1.26.0

require (
	fyne.io/fyne/v2 v2.7.1
	github.com/nicksnyder/go-i18n/v2 v2.5.1
	github.com/youmark/pkcs8 v0.0.0-20240726163527-a2c0da244d78
	golang.org/x/text v0.28.0
	software.sslmate.com/src/go-pkcs12 v0.7.4
)

require (
	github.com/jeandeaual/go-locale v0.0.0-20250612000132-0ef82f21eade // indirect
	golang.org/x/crypto v0.41.0 // indirect
	golang.org/x/net v0.43.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
)
