/*
 * bcryptprimitives.dll for Wine 8: Go 1.22 and later call ProcessPrng from
 * bcryptprimitives.dll for all their randomness and abort when it is missing,
 * which it is in Wine before 9.0. This DLL exports that one function and
 * answers it with RtlGenRandom (SystemFunction036 in advapi32), the same
 * system RNG Windows uses underneath.
 *
 * Built by setup.sh with x86_64-w64-mingw32-gcc; copied into the prefix's
 * windows/system32 as bcryptprimitives.dll. Test harness only: it never ships.
 */
#include <windows.h>

/* BOOLEAN NTAPI SystemFunction036(PVOID RandomBuffer, ULONG RandomBufferLength); */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/*
 * BOOL WINAPI ProcessPrng(PBYTE pbData, SIZE_T cbData);
 * Windows documents it as always returning TRUE. RtlGenRandom takes a ULONG
 * length, so a larger request is served in chunks rather than truncated.
 */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst; (void)reason; (void)reserved;
    return TRUE;
}
