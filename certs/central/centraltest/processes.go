package centraltest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// processes is central.Processes for the fake repository: each run
// writes processes/<pid>.json while it runs (and removes it when it
// ends); one killed leaves its file, so a file counts only while its
// process is alive.
type processes struct{ dir string }

type processFile struct {
	Program string `json:"program"`
	PID     int    `json:"pid"`
}

func (p processes) Running(program string) ([]int, error) {
	entries, err := os.ReadDir(filepath.Join(p.dir, processesDir))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []int
	for _, e := range entries {
		var f processFile
		if !strings.HasSuffix(e.Name(), ".json") || readJSON(filepath.Join(p.dir, processesDir, e.Name()), &f) != nil {
			continue
		}
		if strings.EqualFold(f.Program, program) && processAlive(f.PID) {
			out = append(out, f.PID)
		}
	}
	return out, nil
}

// register records this process as a running program; the returned func
// removes the record.
func register(dir, program string) func() {
	path := filepath.Join(dir, processesDir, fmt.Sprintf("%d.json", os.Getpid()))
	data, _ := json.Marshal(processFile{Program: program, PID: os.Getpid()})
	_ = os.MkdirAll(filepath.Dir(path), 0o700)
	_ = os.WriteFile(path, data, 0o600)
	return func() { _ = os.Remove(path) }
}
