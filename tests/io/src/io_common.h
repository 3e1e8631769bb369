/* Shared helpers for the tests/io programs: print a call's result and errno name, deterministically. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* line-buffered stdout, so a test that hangs or dies still shows how far it got */
__attribute__((constructor)) static void io_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

__attribute__((unused)) static const char *ename(int e) {
  switch (e) {
  case 0: return "0";
  case EPERM: return "EPERM";
  case ENOENT: return "ENOENT";
  case EINTR: return "EINTR";
  case EBADF: return "EBADF";
  case EAGAIN: return "EAGAIN";
  case EFAULT: return "EFAULT";
  case EBUSY: return "EBUSY";
  case EEXIST: return "EEXIST";
  case ENOTDIR: return "ENOTDIR";
  case EINVAL: return "EINVAL";
  case EMFILE: return "EMFILE";
  case ENOTTY: return "ENOTTY";
  case ESPIPE: return "ESPIPE";
  case EPIPE: return "EPIPE";
  case EDOM: return "EDOM";
  case ELOOP: return "ELOOP";
  case ENOTSOCK: return "ENOTSOCK";
  case EDESTADDRREQ: return "EDESTADDRREQ";
  case EMSGSIZE: return "EMSGSIZE";
  case EPROTOTYPE: return "EPROTOTYPE";
  case ENOPROTOOPT: return "ENOPROTOOPT";
  case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
  case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  case EAFNOSUPPORT: return "EAFNOSUPPORT";
  case EADDRINUSE: return "EADDRINUSE";
  case ECONNRESET: return "ECONNRESET";
  case EISCONN: return "EISCONN";
  case ENOTCONN: return "ENOTCONN";
  case ECONNREFUSED: return "ECONNREFUSED";
  case ETIMEDOUT: return "ETIMEDOUT";
  default: { static char b[16]; snprintf(b, sizeof b, "errno%d", e); return b; }
  }
}

/* Evaluates a call and prints "label = result" or "label = -1 ENAME". */
#define SHOW(label, expr)                                                      \
  do {                                                                         \
    errno = 0;                                                                 \
    long r_ = (long)(expr);                                                    \
    if (r_ < 0) printf("%s = %ld %s\n", label, r_, ename(errno));              \
    else printf("%s = %ld\n", label, r_);                                      \
    fflush(stdout);                                                            \
  } while (0)
