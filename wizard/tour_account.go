package wizard

import (
	"fyne.io/fyne/v2"

	"qscert/wizard/flow"
)

// moreShots is a page the tour pictures in more than one state, after its
// main picture: shot names each.
type moreShots interface {
	moreShots(shot func(name string))
}

// tour chooses, on the demo's account page, the service of a product that
// talks to Qlik (NPrinting, which runs as NetworkService): the install
// then puts the client in that account's store and the test runs as it.
func (p *accountPage) tour() {
	p.choice.SetSelected(p.labels[flow.WhoService])
	p.tourService()
}

func (p *accountPage) tourService() {
	list, _, _ := p.w.flow.Services()
	for _, s := range list {
		if s.StartName == `NT AUTHORITY\NetworkService` && s.Likely {
			p.services.SetSelected(serviceRow(p.w, s))
			return
		}
	}
}

// moreShots pictures the machine with the key granted to NetworkService,
// and a name Windows does not know, then goes back to the service.
func (p *accountPage) moreShots(shot func(name string)) {
	w := p.w
	fyne.DoAndWait(func() {
		p.choice.SetSelected(p.labels[flow.WhoMachine])
		p.grant.SetText(`NT AUTHORITY\NETWORK SERVICE`)
	})
	w.Wait()
	shot("machine")
	fyne.DoAndWait(func() {
		p.choice.SetSelected(p.labels[flow.WhoAccount])
		p.name.SetText(`CORP\svc_reporting`)
	})
	w.Wait()
	fyne.DoAndWait(func() { _ = p.name.Validate(); w.refresh() })
	shot("other")
	fyne.DoAndWait(func() {
		p.choice.SetSelected(p.labels[flow.WhoService])
		p.tourService()
	})
	w.Wait()
}
