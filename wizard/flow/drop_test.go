package flow_test

import (
	"slices"
	"testing"

	"qscert/certs/qlik"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestADroppedFolderIsChosenAndOpensTheFilesStep(t *testing.T) {
	c := newConsole(t)
	if !c.f.DropFolder("/exports/thirdparty") {
		t.Fatal("a folder dropped on the welcome step was refused")
	}
	c.at(flow.StepFiles)
	if c.f.Value(flow.FieldFolder) != "/exports/thirdparty" || c.f.CheckDue() == nil {
		t.Errorf("after the drop: folder %q", c.f.Value(flow.FieldFolder))
	}
}

func TestDroppedFilesReplaceTheFolderAndAreKeptOnce(t *testing.T) {
	c := newConsole(t)
	c.goTo(flow.StepFiles)
	c.f.Set(flow.FieldFolder, "/exports/x")
	if !c.f.DropFiles([]string{"/a/client.pfx", "/a/root.cer"}) || !c.f.DropFiles([]string{"/a/root.cer"}) {
		t.Fatal("files dropped on the files step were refused")
	}
	if got := c.f.Files(); !slices.Equal(got, []string{"/a/client.pfx", "/a/root.cer"}) || c.f.Folder() != "" {
		t.Errorf("files %v, folder %q", got, c.f.Folder())
	}
	// Typing a folder again drops the files picked.
	c.f.Set(flow.FieldFolder, "/exports/y")
	if len(c.f.Files()) != 0 {
		t.Error("the files stay once a folder is typed")
	}
	if c.f.DropFiles(nil) {
		t.Error("an empty drop was taken")
	}
}

func TestADropAfterTheFilesStepIsIgnored(t *testing.T) {
	c := newConsole(t)
	dir := flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows)
	c.answerFiles(dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	if c.f.DropFolder("/exports/y") || c.f.DropFiles([]string{"/a/client.pfx"}) {
		t.Error("a drop on the old certificates step was taken")
	}
	if c.f.Step().ID != flow.StepOld || c.f.Folder() != dir {
		t.Errorf("after a late drop: step %s, folder %q", c.f.Step().ID, c.f.Folder())
	}
}
