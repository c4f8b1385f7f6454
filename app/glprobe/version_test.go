package glprobe

import "testing"

func TestParseVersionReadsWhatDriversSay(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Version
		es   bool
	}{
		{"4.5 (Compatibility Profile) Mesa 22.3.6", Version{4, 5}, false}, // llvmpipe
		{"1.1.0", Version{1, 1}, false},                                   // Windows' GDI Generic
		{"1.1 Mesa 22.3.6", Version{1, 1}, false},                         // MESA_GL_VERSION_OVERRIDE=1.1
		{"2.1 Mesa 10.1.3", Version{2, 1}, false},
		{"4.6.0 NVIDIA 537.58", Version{4, 6}, false},
		{"3.1.0 - Build 9.17.10.4459", Version{3, 1}, false}, // Intel on Windows
		{"OpenGL ES 3.2 Mesa 22.3.6", Version{3, 2}, true},
		{"OpenGL ES-CM 1.1 Mesa", Version{1, 1}, true},
		{"  2.0 ", Version{2, 0}, false},
		{"10.12", Version{10, 12}, false},
	} {
		v, es, err := ParseVersion(tc.in)
		if err != nil || v != tc.want || es != tc.es {
			t.Errorf("ParseVersion(%q) = %v, %v, %v; want %v, %v", tc.in, v, es, err, tc.want, tc.es)
		}
	}
}

func TestParseVersionRefusesWhatIsNotAVersion(t *testing.T) {
	for _, in := range []string{"", "Mesa", "4", "4.", ".5", "four.five", "OpenGL ES ", "99999999999999999999.1"} {
		if v, _, err := ParseVersion(in); err == nil {
			t.Errorf("ParseVersion(%q) = %v, want an error", in, v)
		}
	}
}

func TestAtLeastComparesMajorThenMinor(t *testing.T) {
	for _, tc := range []struct {
		v    Version
		want bool
	}{
		{Version{1, 1}, false}, {Version{2, 0}, false}, {Version{2, 1}, true},
		{Version{2, 9}, true}, {Version{3, 0}, true}, {Version{4, 6}, true}, {Version{1, 9}, false},
	} {
		if got := tc.v.AtLeast(Required); got != tc.want {
			t.Errorf("%v.AtLeast(2.1) = %v", tc.v, got)
		}
	}
}

func FuzzParseVersion(f *testing.F) {
	for _, s := range []string{"4.5 (Compatibility Profile) Mesa 22.3.6", "1.1.0", "OpenGL ES 3.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, err := ParseVersion(s)
		if err == nil && (v.Major < 0 || v.Minor < 0 || v.Major > 9999 || v.Minor > 9999) {
			t.Fatalf("ParseVersion(%q) = %v", s, v)
		}
	})
}
