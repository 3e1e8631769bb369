/*
 * termios_raw: terminal modes on standard input.
 *
 * When stdin is not a terminal (the recorded cases: a pipe, a regular file)
 * it prints one line saying so, with isatty()'s errno and the errno of
 * ioctl(TIOCGWINSZ), and exits 0:
 *     stdin is not a terminal: isatty 0 (ENOTTY), TIOCGWINSZ ENOTTY
 *
 * When stdin is a terminal it reads the current termios, switches to raw
 * mode (cfmakeraw: no ICANON, ECHO, ISIG, IEXTEN, ICRNL, IXON, OPOST; CS8;
 * VMIN 1, VTIME 0) with TCSANOW, reads three bytes one read(2) at a time and
 * prints their hex codes, restores the saved termios, then reads one line in
 * canonical mode. Everything is written with write(2) on fd 1, which is
 * expected to be the same terminal.
 *
 * Exact bytes on the pty master with Linux, for a new pty with the default
 * termios (ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE ISIG IEXTEN, ICRNL IXON,
 * OPOST ONLCR), when the tester sends "ab\x03" only after reading the line
 * "send 3 bytes\r\n" and "hello\n" only after reading "send a line\r\n"
 * (input sent earlier would meet the line discipline in the wrong mode:
 * \x03 in canonical mode raises SIGINT):
 *
 *     "tty: canonical 1 echo 1 isig 1\r\n"        ONLCR turns \n into \r\n
 *     "raw: canonical 0 echo 0 isig 0 opost 0\r\n" written as \r\n: OPOST is off
 *     "send 3 bytes\r\n"
 *     "byte 1: 0x61\r\n"                           no echo of 'a', 'b', ^C in raw mode,
 *     "byte 2: 0x62\r\n"                           and \x03 is plain data (ISIG off)
 *     "byte 3: 0x03\r\n"
 *     "restored: canonical 1 echo 1\r\n"           OPOST/ONLCR active again
 *     "send a line\r\n"
 *     "hello\r\n"                                  the terminal's echo of the input, the
 *                                                  newline echoed as \r\n (ONLCR)
 *     "line: 6 bytes: 68 65 6c 6c 6f 0a\r\n"       one read(2) returns the whole line
 *
 * and exit status 0. The first line reflects the terminal's initial modes
 * (1 1 1 for a fresh pty).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof buf - 1)
        n = sizeof buf - 1;
    for (int off = 0; off < n;) {
        ssize_t w = write(1, buf + off, n - off);
        if (w <= 0)
            return;
        off += w;
    }
}

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOTTY: return "ENOTTY";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    default: return "other";
    }
}

int main(void)
{
    errno = 0;
    int tty = isatty(0);
    if (!tty) {
        int e = errno;
        struct winsize ws;
        errno = 0;
        int r = ioctl(0, TIOCGWINSZ, &ws);
        say("stdin is not a terminal: isatty %d (%s), TIOCGWINSZ %s\n", tty, err_name(e), r == 0 ? "0" : err_name(errno));
        return 0;
    }

    struct termios orig, raw, now;
    if (tcgetattr(0, &orig) != 0) {
        say("tcgetattr failed: %s\n", err_name(errno));
        return 1;
    }
    say("tty: canonical %d echo %d isig %d\n", !!(orig.c_lflag & ICANON), !!(orig.c_lflag & ECHO),
        !!(orig.c_lflag & ISIG));

    raw = orig;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSANOW, &raw) != 0) {
        say("tcsetattr(raw) failed: %s\n", err_name(errno));
        return 1;
    }
    tcgetattr(0, &now);
    say("raw: canonical %d echo %d isig %d opost %d\r\n", !!(now.c_lflag & ICANON), !!(now.c_lflag & ECHO),
        !!(now.c_lflag & ISIG), !!(now.c_oflag & OPOST));
    say("send 3 bytes\r\n");
    for (int i = 1; i <= 3; i++) {
        unsigned char c;
        ssize_t n = read(0, &c, 1);
        if (n != 1) {
            tcsetattr(0, TCSANOW, &orig);
            say("read returned %zd\n", n);
            return 1;
        }
        say("byte %d: 0x%02x\r\n", i, c);
    }

    if (tcsetattr(0, TCSANOW, &orig) != 0) {
        say("tcsetattr(restore) failed: %s\r\n", err_name(errno));
        return 1;
    }
    tcgetattr(0, &now);
    say("restored: canonical %d echo %d\n", !!(now.c_lflag & ICANON), !!(now.c_lflag & ECHO));
    say("send a line\n");
    unsigned char line[128];
    ssize_t n = read(0, line, sizeof line);
    say("line: %zd bytes:", n);
    for (ssize_t i = 0; i < n; i++)
        say(" %02x", line[i]);
    say("\n");
    return 0;
}
