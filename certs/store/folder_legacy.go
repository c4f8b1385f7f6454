package store

import (
	"bytes"
	"fmt"
	"strings"
)

// Bundles written by qscert before friendly-names.json hold each name in a
// one-line "Friendly-Name: ..." PEM header. A name holding "-----BEGIN "
// makes encoding/pem skip the whole block (it takes the header's marker for
// the start of a new block and finds no end), so such a certificate would
// vanish from the listing and from the next rewrite of the bundle. So the
// header values are masked before decoding: each becomes an index, and
// the index gives back the name.

// maskHeaderNames returns data with every Friendly-Name header's value
// replaced by an index into names. data is returned as is when it has no
// such header.
func maskHeaderNames(data []byte) (masked []byte, names []string) {
	prefix := []byte(friendlyNameHeader + ":")
	if !bytes.Contains(data, prefix) {
		return data, nil
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	var out bytes.Buffer
	out.Grow(len(data))
	for _, line := range lines {
		if !bytes.HasPrefix(line, prefix) {
			out.Write(line)
			continue
		}
		value := strings.TrimSpace(string(line[len(prefix):]))
		fmt.Fprintf(&out, "%s: %d\n", friendlyNameHeader, len(names))
		names = append(names, value)
	}
	return out.Bytes(), names
}

// headerName is the name a masked header stands for.
func headerName(index string, names []string) string {
	var i int
	if _, err := fmt.Sscan(index, &i); err != nil || i < 0 || i >= len(names) {
		return index
	}
	return names[i]
}
