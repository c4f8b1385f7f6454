package boundedfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
)

func wantCode(t *testing.T, err error, code coded.Code) *coded.Error {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
	e := coded.As(err)
	if e.Params["file"] == "" {
		t.Errorf("%s carries no file: %v", code, err)
	}
	return e
}

func TestReadsARegularFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "client.pem")
	content := []byte("-----BEGIN CERTIFICATE-----\n")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := boundedfile.Read(path, int64(len(content)))
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("Read = %q, %v", got, err)
	}
}

func TestEmptyFileIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := boundedfile.Read(path, 0)
	if err != nil || len(got) != 0 {
		t.Fatalf("Read = %q, %v", got, err)
	}
}

func TestLimitIsExact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 100), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := boundedfile.Read(path, 100); err != nil || len(got) != 100 {
		t.Fatalf("Read at the limit = %d bytes, %v", len(got), err)
	}
	e := wantCode(t, func() error { _, err := boundedfile.Read(path, 99); return err }(), boundedfile.CodeTooLarge)
	if e.Params["size"] != "100" || e.Params["limit"] != "99" {
		t.Errorf("params = %v", e.Params)
	}
}

// A 16 GiB sparse file is refused from its size, without reading it: the
// test would take minutes and 16 GiB of memory otherwise.
func TestHugeFileIsRefusedWithoutReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.pfx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16 << 30); err != nil {
		f.Close()
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	_, err = boundedfile.Read(path, 1<<20)
	wantCode(t, err, boundedfile.CodeTooLarge)
}

func TestFolderIsNotRegular(t *testing.T) {
	_, err := boundedfile.Read(t.TempDir(), 1<<20)
	e := wantCode(t, err, boundedfile.CodeNotRegular)
	if e.Params["kind"] != "folder" {
		t.Errorf("kind = %q", e.Params["kind"])
	}
}

func TestMissingFileIsUnreadableAndNotExist(t *testing.T) {
	_, err := boundedfile.Read(filepath.Join(t.TempDir(), "nope"), 10)
	wantCode(t, err, boundedfile.CodeUnreadable)
	if !boundedfile.IsNotExist(err) {
		t.Errorf("IsNotExist(%v) = false", err)
	}
}
