package accounts

import (
	"context"
	"os/exec"
	"slices"

	"golang.org/x/sys/windows"
)

// RunWithPipe runs req.Argv directly (as this user) with a named pipe for
// sid, the way a task would run it: the pipe and the frames without the
// Task Scheduler.
func RunWithPipe(ctx context.Context, sid string, req Request) (int, error) {
	ch, err := newPipeChannel(sid)
	if err != nil {
		return -1, err
	}
	defer ch.Close()
	cmd := exec.Command(req.Argv[0], append(slices.Clone(req.Argv[1:]), ChildPipeFlag+"="+ch.Name())...)
	if err := cmd.Start(); err != nil {
		return -1, err
	}
	defer cmd.Wait()
	conn, err := ch.Accept(ctx)
	if err != nil {
		return -1, err
	}
	defer conn.Close()
	return converse(ctx, conn, req.Payload, req.Output)
}

// RunWithToken runs req as the owner of token, as LogonRunner does after
// LogonUser.
func RunWithToken(ctx context.Context, token windows.Token, req Request) (int, error) {
	p, err := startAs(token, req)
	if err != nil {
		return -1, err
	}
	defer p.close()
	return p.wait(ctx, req)
}
