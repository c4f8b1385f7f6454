package winkey

import "golang.org/x/sys/windows"

// Functions returning a status (NCrypt's SECURITY_STATUS) are declared
// with (ret error): mkwinsyscall turns a non-zero result into an Errno.

// ncrypt.dll: a CNG key's properties, here NCRYPT_SECURITY_DESCR_PROPERTY.
//sys	NCryptGetProperty(object windows.Handle, property *uint16, output *byte, size uint32, result *uint32, flags uint32) (ret error) = ncrypt.NCryptGetProperty
//sys	NCryptSetProperty(object windows.Handle, property *uint16, input *byte, size uint32, flags uint32) (ret error) = ncrypt.NCryptSetProperty

// advapi32.dll: a CryptoAPI key set's parameters, here PP_KEYSET_SEC_DESCR.
//sys	CryptGetProvParam(prov windows.Handle, param uint32, data *byte, size *uint32, flags uint32) (err error) = advapi32.CryptGetProvParam
//sys	CryptSetProvParam(prov windows.Handle, param uint32, data *byte, flags uint32) (err error) = advapi32.CryptSetProvParam

// authz.dll: an access check for a SID that is not this process's.
// AuthzInitializeContextFromSid takes its LUID Identifier by value: an
// 8-byte structure, passed in one register on amd64 and arm64, hence uint64.
//sys	AuthzInitializeResourceManager(flags uint32, accessCheck uintptr, computeDynamicGroups uintptr, freeDynamicGroups uintptr, name *uint16, rm *windows.Handle) (err error) = authz.AuthzInitializeResourceManager
//sys	AuthzInitializeContextFromSid(flags uint32, sid *windows.SID, rm windows.Handle, expiration *int64, identifier uint64, dynamicGroupArgs uintptr, context *windows.Handle) (err error) = authz.AuthzInitializeContextFromSid
//sys	AuthzAccessCheck(flags uint32, context windows.Handle, request *AuthzAccessRequest, auditEvent windows.Handle, sd *windows.SECURITY_DESCRIPTOR, optionalSDs uintptr, optionalSDCount uint32, reply *AuthzAccessReply, results uintptr) (err error) = authz.AuthzAccessCheck
//sys	AuthzFreeContext(context windows.Handle) (err error) = authz.AuthzFreeContext
//sys	AuthzFreeResourceManager(rm windows.Handle) (err error) = authz.AuthzFreeResourceManager

// AuthzAccessRequest is AUTHZ_ACCESS_REQUEST.
type AuthzAccessRequest struct {
	DesiredAccess        uint32
	PrincipalSelfSid     *windows.SID
	ObjectTypeList       uintptr // POBJECT_TYPE_LIST: none
	ObjectTypeListLength uint32
	OptionalArguments    uintptr
}

// AuthzAccessReply is AUTHZ_ACCESS_REPLY, for a request without object
// types: one result.
type AuthzAccessReply struct {
	ResultListLength      uint32
	GrantedAccessMask     *uint32
	SaclEvaluationResults *uint32
	Error                 *uint32
}
