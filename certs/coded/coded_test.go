package coded

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorKeepsCodeParamsAndCause(t *testing.T) {
	cause := errors.New("access denied")
	err := fmt.Errorf("installing: %w", New("store-read-only", cause, "location", `LocalMachine\Root`, "dangling"))
	if CodeOf(err) != "store-read-only" {
		t.Fatalf("CodeOf = %q", CodeOf(err))
	}
	e := As(err)
	if e == nil || e.Params["location"] != `LocalMachine\Root` || len(e.Params) != 1 {
		t.Fatalf("As = %+v", e)
	}
	if !errors.Is(err, cause) {
		t.Error("the cause is lost")
	}
	if !errors.Is(err, New("store-read-only", nil)) || errors.Is(err, New("store-missing", nil)) {
		t.Error("errors.Is does not match on the code alone")
	}
	if got := e.Error(); got != `store-read-only location=LocalMachine\Root: access denied` {
		t.Errorf("Error() = %q", got)
	}
	if CodeOf(cause) != "" || As(cause) != nil {
		t.Error("a plain error has a code")
	}
}
