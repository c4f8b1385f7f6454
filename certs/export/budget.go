package export

import (
	"errors"
	"fmt"

	"qscert/certs/coded"
)

// What one export may make qscert do, whatever its files say. A real
// export is at most eight files of a few kilobytes, with three
// certificates, three keys and a few thousand key-derivation iterations;
// each file alone is bounded (MaxFileSize, maxKDFIterations), but 200
// files of 1 MiB each, or 2,600 encrypted keys in one file, are not an
// export and must not take gigabytes or minutes.
const (
	// MaxExportFiles bounds how many files of a folder (or a zip) are read.
	MaxExportFiles = 64
	// MaxExportBytes bounds the bytes of all the files read, added up.
	MaxExportBytes = 16 << 20
	// maxExportObjects bounds the certificates and keys read, added up.
	maxExportObjects = 256
	// maxExportKDF bounds the key-derivation iterations of all the
	// encrypted parts, added up: four files at the largest count a single
	// one may ask for.
	maxExportKDF = 4 * maxKDFIterations
)

// workBudget is what is left of one export's allowance as its files are
// read.
type workBudget struct {
	files, bytes, objects int
	kdf                   int64
}

func newWorkBudget() *workBudget {
	return &workBudget{files: MaxExportFiles, bytes: MaxExportBytes, objects: maxExportObjects, kdf: maxExportKDF}
}

// errOverBudget is the cause of a file refused because the export as a
// whole asks too much.
var errOverBudget = errors.New("the export as a whole asks for more work than any real export")

// spendFile counts a file of n bytes about to be parsed.
func (b *workBudget) spendFile(n int) error {
	b.files--
	b.bytes -= n
	if b.files < 0 || b.bytes < 0 {
		return coded.New(CodeExportTooLarge, errOverBudget,
			"files", fmt.Sprint(MaxExportFiles), "limit", fmt.Sprint(MaxExportBytes))
	}
	return nil
}

// spendObject counts one certificate or key read.
func (b *workBudget) spendObject() error {
	b.objects--
	if b.objects < 0 {
		return coded.New(CodeExportTooLarge, errOverBudget, "files", fmt.Sprint(MaxExportFiles), "limit", fmt.Sprint(MaxExportBytes))
	}
	return nil
}

// spendKDF counts the key-derivation work der asks for, before any of it
// is done: a file whose one count is over the limit is corrupt; an export
// whose counts add up to more than the budget is refused.
func (b *workBudget) spendKDF(der []byte) error {
	work, ok := kdfWork(der)
	if !ok {
		return coded.New(CodeFileCorrupt, ErrTooMuchWork)
	}
	b.kdf -= work
	if b.kdf < 0 {
		return coded.New(CodeExportTooMuchWork, errOverBudget, "limit", fmt.Sprint(maxExportKDF))
	}
	return nil
}
