package qlik

import "testing"

func TestPickersOfferZipsButFoldersDoNotReadThem(t *testing.T) {
	for name, want := range map[string][2]bool{
		"client.pfx":  {true, true},
		"ROOT.CER":    {true, true},
		"rep01.zip":   {false, true},
		"Export.ZIP":  {false, true},
		"readme.txt":  {false, false},
		"password.md": {false, false},
	} {
		if got := [2]bool{IsExportFileName(name), IsPickableFileName(name)}; got != want {
			t.Errorf("%s: export file, pickable = %v, want %v", name, got, want)
		}
	}
}
