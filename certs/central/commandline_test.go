package central

import "testing"

// The bootstrap's command line as people read it: a path with spaces in
// double quotes and its backslashes as they are (the console showed Go's
// quoting, "C:\\Program Files\\...", before it used this one function).
func TestCommandLineIsAsTypedInCmd(t *testing.T) {
	got := CommandLine([]string{`C:\Program Files\Qlik\Sense\Repository\Repository.exe`, "-bootstrap", "-iscentral", "-restorehostname"})
	want := `"C:\Program Files\Qlik\Sense\Repository\Repository.exe" -bootstrap -iscentral -restorehostname`
	if got != want {
		t.Fatalf("CommandLine = %s, want %s", got, want)
	}
}
