package qlik

// Role is what a certificate is for in a Qlik Sense export.
type Role string

const (
	RoleRoot   Role = "root"   // the site's CA, CN=<central node>-CA
	RoleClient Role = "client" // CN=QlikClient, presented to the QRS
	RoleServer Role = "server" // CN=<machine the export was made for>
)

// Roles lists the roles in the order they are shown and installed.
var Roles = []Role{RoleRoot, RoleClient, RoleServer}

// Format is the file format chosen in the QMC export dialog.
type Format string

const (
	FormatPEM     Format = "pem"     // client.pem client_key.pem server.pem server_key.pem root.pem
	FormatWindows Format = "windows" // client.pfx server.pfx root.cer
	FormatMixed   Format = "mixed"   // files of both formats in one folder
	FormatNone    Format = "none"    // nothing recognisable was found
)
