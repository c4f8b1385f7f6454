package install

import (
	"context"

	"qscert/certs/store"
)

// lockStore takes s's writer lock when s has one (a memory store, used by
// one process, has none). wait is told once when another process holds it.
func lockStore(ctx context.Context, s store.Store, wait func(store.Holder)) (unlock func(), err error) {
	l, ok := s.(store.Locker)
	if !ok {
		return func() {}, nil
	}
	release, err := l.Lock(ctx, wait)
	if err != nil {
		return nil, err
	}
	return func() { _ = release() }, nil
}
