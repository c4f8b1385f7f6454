package qrstest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Central is the certificate API of a central node's QRS, as the recreate
// procedure calls it once the new certificates are in place:
//
//	GET  /qrs/servernodeconfiguration/full                       the nodes of the site
//	GET  /qrs/certificatedistribution/distributecertificate/{id} a JSON string: the password of the package for that rim node
//	POST /qrs/certificatedistribution/exportcertificates         a JSON string: the folder the certificates went to
//
// Set it in Options.Central. It records what it was asked, for tests.
type Central struct {
	Nodes []ServerNode
	// Export writes the certificates an exportcertificates call asks
	// for and returns the folder; nil answers 500.
	Export func(ExportParameters) (string, error)
	// Refuse answers every call of this API with this status (503: the
	// repository is still starting).
	Refuse int

	mu          sync.Mutex
	distributed map[string]string // node id -> password
	exports     []ExportParameters
}

// ServerNode is one node of ServerNodeConfiguration, the fields the
// recreate procedure reads.
type ServerNode struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	HostName    string `json:"hostName"`
	IsCentral   bool   `json:"isCentral"`
	NodePurpose int    `json:"nodePurpose"`
}

// ExportParameters is the body of exportcertificates.
type ExportParameters struct {
	MachineNames        []string `json:"machineNames"`
	CertificatePassword string   `json:"certificatePassword"`
	IncludeSecretsKey   bool     `json:"includeSecretsKey"`
	// ExportFormat is "Windows" or "Pem" (Qlik's example), or 0 or 1
	// (its reference); both are read.
	ExportFormat json.RawMessage `json:"exportFormat"`
}

// PEM reports whether the parameters ask for the PEM format.
func (p ExportParameters) PEM() bool {
	f := strings.Trim(strings.ToLower(string(p.ExportFormat)), `" `)
	return f == "pem" || f == "1"
}

// Distributed returns the password handed out for each rim node so far.
func (c *Central) Distributed() map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]string{}
	for k, v := range c.distributed {
		out[k] = v
	}
	return out
}

// Exports returns the exportcertificates calls so far.
func (c *Central) Exports() []ExportParameters {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]ExportParameters(nil), c.exports...)
}

const (
	nodesPath      = "/qrs/servernodeconfiguration/full"
	distributePath = "/qrs/certificatedistribution/distributecertificate/"
	exportPath     = "/qrs/certificatedistribution/exportcertificates"
)

// serveCentral answers the central node's API; false when r is not for
// it (or the server has none).
func (s *Server) serveCentral(w http.ResponseWriter, r *http.Request) bool {
	c := s.opts.Central
	if c == nil {
		return false
	}
	path := r.URL.Path
	if path != nodesPath && path != exportPath && !strings.HasPrefix(path, distributePath) {
		return false
	}
	if c.Refuse != 0 {
		http.Error(w, http.StatusText(c.Refuse), c.Refuse)
		return true
	}
	switch {
	case path == nodesPath && r.Method == http.MethodGet:
		nodes := c.Nodes
		if nodes == nil {
			nodes = []ServerNode{}
		}
		body, _ := json.Marshal(nodes)
		writeJSON(w, string(body))
	case strings.HasPrefix(path, distributePath) && r.Method == http.MethodGet:
		c.distribute(w, strings.TrimPrefix(path, distributePath))
	case path == exportPath && r.Method == http.MethodPost:
		c.export(w, r)
	default:
		http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
	}
	return true
}

func (c *Central) distribute(w http.ResponseWriter, id string) {
	var node *ServerNode
	for i := range c.Nodes {
		if strings.EqualFold(c.Nodes[i].ID, id) {
			node = &c.Nodes[i]
		}
	}
	if node == nil {
		http.NotFound(w, nil)
		return
	}
	if node.IsCentral {
		http.Error(w, "Cannot distribute certificates to the central node", http.StatusBadRequest)
		return
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	password := hex.EncodeToString(b)
	c.mu.Lock()
	if c.distributed == nil {
		c.distributed = map[string]string{}
	}
	c.distributed[node.ID] = password
	c.mu.Unlock()
	body, _ := json.Marshal(password)
	writeJSON(w, string(body))
}

func (c *Central) export(w http.ResponseWriter, r *http.Request) {
	var p ExportParameters
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&p); err != nil || len(p.MachineNames) == 0 {
		http.Error(w, "Bad Request", http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	c.exports = append(c.exports, p)
	c.mu.Unlock()
	if c.Export == nil {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return
	}
	folder, err := c.Export(p)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	body, _ := json.Marshal(folder)
	writeJSON(w, string(body))
}
