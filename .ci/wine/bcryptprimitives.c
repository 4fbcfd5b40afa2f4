/* Stand-in for Windows' bcryptprimitives.dll, which Debian's wine 8 lacks.
 * Rust's standard library (1.78 and later) gets its random bytes from
 * ProcessPrng in that DLL; without it every test executable fails to load.
 * Forwarding to RtlGenRandom (SystemFunction036 in advapi32) is what wine's
 * own later versions do. For running tests under wine only: never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG, so large requests go in pieces. */
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
