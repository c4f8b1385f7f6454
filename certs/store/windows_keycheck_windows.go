package store

import (
	"fmt"

	"golang.org/x/sys/windows"

	"qscert/certs/store/internal/winkey"
)

// accessFor returns the access sd's DACL grants sid, as Windows would
// decide it for a process of that account: AuthzInitializeContextFromSid
// builds the account's groups (Everyone, Authenticated Users, its domain
// groups through the domain controller) without a logon or a password,
// and AuthzAccessCheck evaluates the DACL with MAXIMUM_ALLOWED, deny ACEs
// included. AccessCheck would need a token of the account, which only a
// logon gives.
func accessFor(sid *windows.SID, sd []byte) (uint32, error) {
	var rm windows.Handle
	// AUTHZ_RM_FLAG_NO_AUDIT: no audit, so no SeAuditPrivilege needed.
	if err := winkey.AuthzInitializeResourceManager(authzRMFlagNoAudit, 0, 0, 0, nil, &rm); err != nil {
		return 0, fmt.Errorf("AuthzInitializeResourceManager: %w", err)
	}
	defer winkey.AuthzFreeResourceManager(rm)
	var ctx windows.Handle
	if err := winkey.AuthzInitializeContextFromSid(0, // flags: compute the groups
		sid, rm, nil, // no expiration
		0, // Identifier: LUID 0
		0, // no dynamic groups
		&ctx); err != nil {
		return 0, fmt.Errorf("AuthzInitializeContextFromSid: %w", err)
	}
	defer winkey.AuthzFreeContext(ctx)
	req := winkey.AuthzAccessRequest{DesiredAccess: windows.MAXIMUM_ALLOWED}
	var granted, saclResult, status uint32
	reply := winkey.AuthzAccessReply{ResultListLength: 1, GrantedAccessMask: &granted, SaclEvaluationResults: &saclResult, Error: &status}
	if err := winkey.AuthzAccessCheck(0, ctx, &req, 0, sdOf(sd), 0, 0, &reply, 0); err != nil {
		return 0, fmt.Errorf("AuthzAccessCheck: %w", err)
	}
	if status != 0 {
		return 0, nil // ERROR_ACCESS_DENIED for the whole request: nothing granted
	}
	return granted, nil
}

const authzRMFlagNoAudit = 0x1 // AUTHZ_RM_FLAG_NO_AUDIT
