package central

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"slices"
	"time"

	"qscert/certs/coded"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// Next is step 7's answer: what needs a new export now that the site has
// a new root. Every rim node (the QRS lists them) and every third-party
// machine (the old Exported Certificates named them) trusts the old root.
type Next struct {
	RimNodes []ServerNode `json:"rimNodes"`
	Machines []string     `json:"machines"`
	// Err says why the QRS could not be asked (a warning: the
	// certificates are in place, the QMC lists the nodes too).
	Err error `json:"-"`
}

// next is step 7.
func (r *run) next() error {
	nx := &Next{RimNodes: []ServerNode{}, Machines: slices.Clone(r.rec.machines)}
	if nx.Machines == nil {
		nx.Machines = []string{}
	}
	r.res.Next = nx
	nodes, err := r.rc.nodes(r.rec)
	if err != nil {
		nx.Err = coded.New(CodeNextFailed, err)
		r.event(StepNext, EventWarning, "", nil, nx.Err)
	}
	for _, n := range nodes {
		if !n.IsCentral {
			nx.RimNodes = append(nx.RimNodes, n)
			r.event(StepNext, EventInfo, "central.event.rim-node", map[string]string{"name": n.Name, "host": n.HostName})
		}
	}
	for _, m := range nx.Machines {
		r.event(StepNext, EventInfo, "central.event.machine", map[string]string{"machine": m})
	}
	return nil
}

// qrsWait bounds how long step 7 waits for a repository that was just
// started to answer.
func (rc *Recreate) qrsWait() time.Duration { return rc.opts.ServiceTimeout }

// nodes asks the QRS for the site's nodes, waiting for it to answer: a
// repository just started takes a while.
func (rc *Recreate) nodes(rec *record) ([]ServerNode, error) {
	q, err := rc.connect(rec)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(rc.qrsWait())
	for {
		nodes, err := q.Nodes(rc.ctx)
		if err == nil || !startingUp(err) || time.Now().After(deadline) {
			return nodes, err
		}
		select {
		case <-rc.ctx.Done():
			return nil, rc.ctx.Err()
		case <-time.After(4 * rc.node.poll()):
		}
	}
}

// startingUp reports whether err is what a repository that is still
// starting answers: nothing listens yet, or 503.
func startingUp(err error) bool {
	switch coded.CodeOf(err) {
	case qrs.CodeConnectionRefused, qrs.CodeTimeout, qrs.CodeHTTPError:
		return true
	}
	return false
}

// connect opens the QRS with the new QlikClient, once.
func (rc *Recreate) connect(rec *record) (QRS, error) {
	if rc.qrs != nil {
		return rc.qrs, nil
	}
	id, err := rc.identity(rec)
	if err != nil {
		return nil, err
	}
	q, err := rc.node.QRS(rc.ctx, id)
	if err != nil {
		return nil, err
	}
	rc.qrs = q
	return q, nil
}

// identity is the new QlikClient with its key (exported from the service
// account's store: the repository makes it exportable, as the backup of
// the old one needed) and the new root.
func (rc *Recreate) identity(rec *record) (*qrs.Identity, error) {
	inv, err := takeInventory(rec.Site, rc.stores)
	if err != nil {
		return nil, err
	}
	n := inv.count()
	if len(n.Clients) == 0 || len(n.Roots) == 0 {
		return nil, coded.New(CodeMissing, nil, "role", "client")
	}
	client := n.Clients[0]
	pw := oneTimePassword()
	pfx, err := rc.stores[PartAccount].ExportPFX(client.Location, client.Thumbprint, pw)
	if err != nil {
		return nil, err
	}
	cert, key, err := store.DecodePFX(pfx, pw)
	clear(pfx)
	if err != nil {
		return nil, err
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, coded.New(store.CodeNoKey, errors.New("QlikClient has no usable key"), "store", rc.stores[PartAccount].Name(),
			"location", client.Location.String(), "thumbprint", client.Thumbprint)
	}
	return &qrs.Identity{Client: cert, Signer: signer, Root: n.Roots[0].Cert, Source: rc.stores[PartAccount].Name()}, nil
}

// Distribution is one rim node's redistribution: the password to type on
// that node (shown to the administrator; never written to the log).
type Distribution struct {
	Node     ServerNode `json:"node"`
	Password string     `json:"password,omitempty"`
	Err      error      `json:"-"`
}

// Redistribute asks the QRS to redistribute the certificates to each rim
// node in nodes (GET certificatedistribution/distributecertificate/{id})
// and returns the passwords to type on them. A node that fails has its
// error; the others go on.
func (rc *Recreate) Redistribute(ctx context.Context, folder string, nodes []ServerNode) ([]Distribution, error) {
	rec, err := readJournal(journalIn(folder))
	if err != nil {
		return nil, err
	}
	q, err := rc.connect(rec)
	if err != nil {
		return nil, err
	}
	log, _ := openLog(folder, rc.opts.Translator)
	defer log.close()
	var out []Distribution
	for _, n := range nodes {
		pw, err := q.Distribute(ctx, n.ID)
		d := Distribution{Node: n, Password: pw, Err: err}
		e := Event{Time: rc.opts.Now(), Step: StepNext, Kind: EventInfo, Key: "central.event.distributed", Params: map[string]string{"name": n.Name, "host": n.HostName}}
		if err != nil {
			e.Kind, e.Key, e.Err = EventWarning, "central.event.distribute-failed", err
		}
		log.write(e)
		out = append(out, d)
	}
	return out, nil
}

// Export asks the QRS to export certificates for third-party machines
// (POST certificatedistribution/exportcertificates), as the QMC's "Export
// certificates" does, and returns the folder they went to.
func (rc *Recreate) Export(ctx context.Context, folder string, req ExportRequest) (string, error) {
	rec, err := readJournal(journalIn(folder))
	if err != nil {
		return "", err
	}
	q, err := rc.connect(rec)
	if err != nil {
		return "", err
	}
	dir, err := q.Export(ctx, req)
	log, _ := openLog(folder, rc.opts.Translator)
	defer log.close()
	e := Event{Time: rc.opts.Now(), Step: StepNext, Kind: EventInfo, Key: "central.event.exported", Params: map[string]string{"count": fmt.Sprint(len(req.Machines)), "folder": dir}}
	if err != nil {
		e.Kind, e.Key, e.Err = EventWarning, "central.event.export-failed", err
	}
	log.write(e)
	return dir, err
}
