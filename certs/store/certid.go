package store

// CertID names one certificate in one location: what every plan, backup and
// rollback uses to say which certificate it means, and the key of the maps
// that track what a store holds.
type CertID struct {
	Location   Location
	Thumbprint string
}

func (id CertID) String() string { return id.Location.String() + `\` + id.Thumbprint }

// ID is the entry's CertID.
func (e Entry) ID() CertID { return CertID{Location: e.Location, Thumbprint: e.Thumbprint()} }
