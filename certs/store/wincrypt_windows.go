package store

import "golang.org/x/sys/windows"

// Win32 constants and structures that golang.org/x/sys/windows lacks, with
// their C names (wincrypt.h, ncrypt.h, bcrypt.h, winerror.h).

const (
	// X509_ASN_ENCODING | PKCS_7_ASN_ENCODING: the encoding every
	// certificate function takes.
	encodingX509PKCS7 = windows.X509_ASN_ENCODING | windows.PKCS_7_ASN_ENCODING

	certKeyProvInfoPropID  = 2  // CERT_KEY_PROV_INFO_PROP_ID: where the key container is
	certFriendlyNamePropID = 11 // CERT_FRIENDLY_NAME_PROP_ID

	certStoreCtrlCommit = 3 // CERT_STORE_CTRL_COMMIT

	reportNotAbleToExportPrivateKey               = 0x0002     // REPORT_NOT_ABLE_TO_EXPORT_PRIVATE_KEY
	exportPrivateKeys                             = 0x0004     // EXPORT_PRIVATE_KEYS
	ncryptMachineKeyFlag                          = 0x0020     // NCRYPT_MACHINE_KEY_FLAG (same bit as CRYPT_MACHINE_KEYSET)
	ncryptSilentFlag                              = 0x0040     // NCRYPT_SILENT_FLAG
	bcryptPadPKCS1                                = 0x0002     // BCRYPT_PAD_PKCS1
	bcryptPadPSS                                  = 0x0008     // BCRYPT_PAD_PSS
	atKeyExchange                                 = 1          // AT_KEYEXCHANGE
	atSignature                                   = 2          // AT_SIGNATURE
	hpHashVal                                     = 0x0002     // HP_HASHVAL
	calgSHA1                                      = 0x8004     // CALG_SHA1
	calgSHA256                                    = 0x800c     // CALG_SHA_256
	calgSHA384                                    = 0x800d     // CALG_SHA_384
	calgSHA512                                    = 0x800e     // CALG_SHA_512
	errorNoMoreFiles                windows.Errno = 18         // ERROR_NO_MORE_FILES, CertEnumCertificatesInStore's end on some versions
	errorNotSupported               windows.Errno = 50         // ERROR_NOT_SUPPORTED
	errorCallNotImpl                windows.Errno = 120        // ERROR_CALL_NOT_IMPLEMENTED
	eAccessDenied                   windows.Errno = 0x80070005 // E_ACCESSDENIED
	eNotImpl                        windows.Errno = 0x80004001 // E_NOTIMPL
)

// cryptKeyProvInfo is CRYPT_KEY_PROV_INFO, the value of
// CERT_KEY_PROV_INFO_PROP_ID. ProvType 0 means a CNG key storage provider.
type cryptKeyProvInfo struct {
	ContainerName  *uint16
	ProvName       *uint16
	ProvType       uint32
	Flags          uint32
	ProvParamCount uint32
	ProvParams     uintptr
	KeySpec        uint32
}

// bcryptPKCS1PaddingInfo is BCRYPT_PKCS1_PADDING_INFO.
type bcryptPKCS1PaddingInfo struct {
	AlgID *uint16
}

// bcryptPSSPaddingInfo is BCRYPT_PSS_PADDING_INFO.
type bcryptPSSPaddingInfo struct {
	AlgID *uint16
	Salt  uint32
}
