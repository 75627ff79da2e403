/* A stand-in for Windows' bcryptprimitives.dll under Debian 12's wine 8, which lacks it.
 * Rust's standard library (1.78 and later) asks it for random numbers (ProcessPrng); every
 * Windows 10 and 11 has the real one, so this file is for the tests under wine only and is
 * never shipped. It forwards to advapi32's RtlGenRandom, which wine has. */
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
