package qrs

import "time"

// Defaults of a connection test.
const (
	DefaultPort       = 4242 // the QRS's API port for certificate-authenticated callers
	DefaultEnginePort = 4747
	DefaultTimeout    = 10 * time.Second
	AboutPath         = "/qrs/about"
	EngineHealthPath  = "/engine/healthcheck"
	// QlikUser is whom the call runs as. sa_repository is the repository's
	// own account, which a caller holding the site's client certificate may
	// name; it exists on every site.
	QlikUser = "UserDirectory=INTERNAL; UserId=sa_repository"
	// maxBody bounds what is read of a reply: /qrs/about is a few hundred
	// bytes, and a wrong service could send anything.
	maxBody = 1 << 20
)

// Options say whom to test and how.
type Options struct {
	Host       string // the Qlik Sense server, as the product will name it
	Port       int    // default DefaultPort
	EnginePort int    // default DefaultEnginePort
	// Address, when set ("127.0.0.1:4242"), is dialled instead of resolving
	// Host, as curl --resolve does; the server's certificate must still name
	// Host. The demo mode and tests use it.
	Address string
	Timeout time.Duration    // the whole test: connect, handshake, request; default DefaultTimeout
	Now     func() time.Time // validity of the server's certificate is checked at Now(); default time.Now
}

func (o Options) withDefaults() Options {
	if o.Port == 0 {
		o.Port = DefaultPort
	}
	if o.EnginePort == 0 {
		o.EnginePort = DefaultEnginePort
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
