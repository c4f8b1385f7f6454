package store

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"qscert/certs/boundedfile"
	"qscert/certs/durable"
)

// pendingDirName is the folder store's folder of pending changes, one
// small JSON file per change: {"journal": PATH}.
const pendingDirName = "pending-changes"

func (f *Folder) pendingDir() string { return filepath.Join(f.root, pendingDirName) }

func (f *Folder) MarkPending(id, journal string, _ bool) error {
	if !validPendingID(id) {
		return errors.New("bad change id " + id)
	}
	if err := durable.MkdirAll(f.pendingDir(), 0o700); err != nil {
		return err
	}
	data, err := json.Marshal(map[string]string{"journal": journal})
	if err != nil {
		return err
	}
	return durable.WriteFile(filepath.Join(f.pendingDir(), id+".json"), data, 0o600)
}

func (f *Folder) ClearPending(id string) error {
	if !validPendingID(id) {
		return nil
	}
	return durable.Remove(filepath.Join(f.pendingDir(), id+".json"))
}

func (f *Folder) Pending() (map[string]string, error) {
	entries, err := os.ReadDir(f.pendingDir())
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !validPendingID(id) {
			continue // a temporary file of a write cut short
		}
		data, err := boundedfile.Read(filepath.Join(f.pendingDir(), e.Name()), 64<<10)
		if err != nil {
			continue
		}
		var mark struct{ Journal string }
		if json.Unmarshal(data, &mark) == nil && mark.Journal != "" {
			out[id] = mark.Journal
		}
	}
	return out, nil
}

// validPendingID accepts the ids the install plan makes: letters, digits
// and dashes, so that an id is always one file name.
func validPendingID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
