package central

import (
	"time"

	"qscert/assets/i18n"
	"qscert/certs/install"
)

// Options are the choices of one procedure.
type Options struct {
	// BackupDir is where the procedure's folder (backup, journal, log) is
	// made; empty is install.DefaultBackupDir().
	BackupDir string
	// BackupPassword protects the backup: install.MinBackupPassword
	// characters at least. A restore needs it.
	BackupPassword string
	// AccountPassword is the Qlik service account's password, when it is
	// an ordinary user: acting as it takes a logon. Kept in memory only.
	AccountPassword []byte
	// StuckAfter is how long the bootstrap's output may stay on "Entering
	// main startup phase" before the Service Dispatcher is started;
	// default 60 s.
	StuckAfter time.Duration
	// BootstrapTimeout ends a bootstrap that has not finished; default
	// 20 minutes.
	BootstrapTimeout time.Duration
	// ServiceTimeout bounds the wait for one service to stop or start;
	// default 3 minutes (the Engine unloads its apps when it stops).
	ServiceTimeout time.Duration
	// Heartbeat is how often the bootstrap's sub-command shows it is
	// alive; default 1 s.
	Heartbeat time.Duration
	// Now names the folder; nil is time.Now.
	Now func() time.Time
	// Translator is the language of the log; nil is English.
	Translator *i18n.Translator
	// OnEvent is told every event as it happens; nil tells nobody. It is
	// called on the procedure's goroutine: it must not block for long.
	OnEvent func(Event)
}

func (o Options) withDefaults() Options {
	if o.BackupDir == "" {
		o.BackupDir = install.DefaultBackupDir()
	}
	if o.StuckAfter <= 0 {
		o.StuckAfter = 60 * time.Second
	}
	if o.BootstrapTimeout <= 0 {
		o.BootstrapTimeout = 20 * time.Minute
	}
	if o.ServiceTimeout <= 0 {
		o.ServiceTimeout = 3 * time.Minute
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Translator == nil {
		o.Translator = i18n.New("en")
	}
	return o
}
