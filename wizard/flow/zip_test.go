package flow_test

import (
	"path/filepath"
	"testing"

	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestADroppedZipIsTheExportFolder(t *testing.T) {
	c := newConsole(t)
	zip := flowtest.WriteZip(t, flowtest.Host, flowtest.Machine)
	if !c.f.DropFiles([]string{zip}) || c.f.Folder() != zip || len(c.f.Files()) != 0 {
		t.Fatalf("a dropped zip: folder %q, files %v", c.f.Folder(), c.f.Files())
	}
	c.f.Set(flow.FieldPassword, flowtest.Password)
	c.f.Set(flow.FieldHost, flowtest.Host)
	c.f.RunDue(nil)
	if !c.f.CanNext() {
		t.Fatalf("the zipped export does not allow Next: %+v %v", c.f.Report(), c.f.LoadErr())
	}
}

func TestAZipOfSeveralExportsOffersItsFolders(t *testing.T) {
	c := newConsole(t)
	zip := flowtest.WriteZip(t, flowtest.Host, "rep01.corp.example", flowtest.Machine)
	c.answerFiles(zip, flowtest.Password, flowtest.Host)
	choices := c.f.ZipChoices()
	if len(choices) != 2 || c.f.CanNext() {
		t.Fatalf("choices %+v, Next %v", choices, c.f.CanNext())
	}
	want := filepath.Join(zip, "Exported Certificates", flowtest.Machine)
	if choices[1].Folder != "Exported Certificates/"+flowtest.Machine || choices[1].Path != want {
		t.Fatalf("choice %+v, want path %s", choices[1], want)
	}
	c.f.Set(flow.FieldFolder, choices[1].Path)
	c.f.RunDue(nil)
	if !c.f.CanNext() || c.f.ZipChoices() != nil {
		t.Fatalf("the chosen folder of the zip: Next %v, report %+v", c.f.CanNext(), c.f.Report())
	}
}
