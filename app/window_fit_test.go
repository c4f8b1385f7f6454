package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestTheWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		name         string
		w, h         int
		scale        float32
		wantW, wantH float32
	}{
		{"1920x1040 at 100 %", 1920, 1040, 1, 860, 640},
		{"1366x728 at 125 %", 1366, 728, 1.25, 860, 534.4},
		{"1366x728 at 150 %", 1366, 728, 1.5, 860, 437.33},
		{"1280x680 at 150 %", 1280, 680, 1.5, 829.33, 405.33},
		{"unknown screen", 0, 0, 1.5, 860, 640},
	} {
		got := windowSize(designSize, c.w, c.h, c.scale)
		if d := got.Width - c.wantW; d > 0.01 || d < -0.01 {
			t.Errorf("%s: width %.2f, want %.2f", c.name, got.Width, c.wantW)
		}
		if d := got.Height - c.wantH; d > 0.01 || d < -0.01 {
			t.Errorf("%s: height %.2f, want %.2f", c.name, got.Height, c.wantH)
		}
		if got.Width > designSize.Width || got.Height > designSize.Height {
			t.Errorf("%s: %v is larger than the design size", c.name, got)
		}
	}
	_ = fyne.NewSize
}
