package console

// verify is step 5: the new certificates, or the duplicates, with redo.
func (c *recreate) verify() error {
	w, r := c.w, c.r
	c.header()
	if err := r.Duplicates(); err != nil {
		w.out.marked(markError, w.tr.Error(err))
	} else if res := r.Result(); res != nil {
		w.out.marked(markOK, w.t("wizard.recreate.verify.ok"))
		for _, cert := range res.New {
			w.out.bullet(c.certLine(cert, r.AccountName()))
		}
		if err := r.RootKind(); err != nil {
			w.out.marked(markNote, w.tr.Error(err))
		}
	}
	w.out.blank()
	a, err := c.navigate("", c.stopChoices()...)
	c.follow(a)
	return err
}
