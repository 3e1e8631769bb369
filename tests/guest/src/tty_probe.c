/*
 * tty_probe: a program whose behaviour depends on its terminal, for tests that run it on a
 * pseudo-terminal (tests/tty.test.ts) under a64play and under qemu-aarch64 (the host kernel's
 * line discipline), and compare what the terminal shows.
 *
 *   tty_probe lines    isatty, window size and settings; then every read(0) until EOF, shown
 *                      escaped (canonical mode: one line per read, ^D ends a partial line);
 *                      "ready" also goes to stderr when stdout is not a terminal
 *   tty_probe raw N    no ICANON/ECHO/ISIG, VMIN 1: N single bytes, shown as numbers
 *   tty_probe signals  SIGINT, SIGQUIT, SIGTSTP and SIGWINCH handlers; reads lines and reports
 *                      each signal (and the window size on SIGWINCH) until a line "q"
 *   tty_probe intr     no handlers: waits in read(); ^C ends it with SIGINT
 *   tty_probe devtty   opens /dev/tty, turns its echo off, prompts and reads a line there (as
 *                      password prompts do), then reports the line on stdout
 */
#include <fcntl.h>
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t got_int, got_quit, got_tstp, got_winch;

static void on_signal(int sig)
{
    if (sig == SIGINT) got_int++;
    if (sig == SIGQUIT) got_quit++;
    if (sig == SIGTSTP) got_tstp++;
    if (sig == SIGWINCH) got_winch++;
}

static void say(const char *s)
{
    (void)!write(1, s, strlen(s));
}

static void show(const char *what, const unsigned char *b, ssize_t n)
{
    char out[1024];
    size_t o = (size_t)snprintf(out, sizeof out, "%s %zd [", what, n);
    for (ssize_t i = 0; i < n && o < sizeof out - 8; i++) {
        unsigned char c = b[i];
        if (c >= 0x20 && c < 0x7f && c != '\\')
            out[o++] = (char)c;
        else
            o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02x", c);
    }
    o += (size_t)snprintf(out + o, sizeof out - o, "]\n");
    (void)!write(1, out, o);
}

static void winsize(void)
{
    struct winsize ws;
    char out[64];
    if (ioctl(0, TIOCGWINSZ, &ws) == 0)
        snprintf(out, sizeof out, "winsize %u %u\n", ws.ws_row, ws.ws_col);
    else
        snprintf(out, sizeof out, "winsize error %d\n", errno);
    say(out);
}

static int lines(void)
{
    struct termios t;
    char out[128];
    snprintf(out, sizeof out, "isatty %d %d %d\n", isatty(0), isatty(1), isatty(2));
    say(out);
    winsize();
    if (tcgetattr(0, &t) == 0) {
        snprintf(out, sizeof out, "lflag icanon=%d echo=%d isig=%d vmin=%d verase=%d\n", !!(t.c_lflag & ICANON),
                 !!(t.c_lflag & ECHO), !!(t.c_lflag & ISIG), t.c_cc[VMIN], t.c_cc[VERASE]);
        say(out);
    }
    say("ready\n");
    if (!isatty(1))
        (void)!write(2, "ready\n", 6);
    for (;;) {
        unsigned char b[256];
        ssize_t n = read(0, b, sizeof b);
        if (n < 0 && errno == EINTR)
            continue;
        show("read", b, n);
        if (n <= 0)
            break;
    }
    say("done\n");
    return 0;
}

static int raw(int count)
{
    struct termios old, t;
    tcgetattr(0, &old);
    t = old;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
    t.c_iflag &= ~(tcflag_t)(ICRNL | IXON);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &t);
    say("raw ready\n");
    for (int i = 0; i < count; i++) {
        unsigned char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            i--;
            continue;
        }
        char out[32];
        snprintf(out, sizeof out, "byte %zd %d\n", n, n == 1 ? c : -1);
        say(out);
    }
    tcsetattr(0, TCSAFLUSH, &old);
    say("cooked again\n");
    return 0;
}

static int signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sigaction(SIGTSTP, &sa, NULL);
    sigaction(SIGWINCH, &sa, NULL);
    say("signals ready\n");
    for (;;) {
        unsigned char b[256];
        ssize_t n = read(0, b, sizeof b);
        int e = errno;
        for (; got_int; got_int--) say("SIGINT\n");
        for (; got_quit; got_quit--) say("SIGQUIT\n");
        for (; got_tstp; got_tstp--) say("SIGTSTP\n");
        for (; got_winch; got_winch--) {
            say("SIGWINCH ");
            winsize();
        }
        if (n < 0 && e == EINTR)
            continue;
        show("read", b, n);
        if (n <= 0 || (n == 2 && b[0] == 'q'))
            break;
    }
    say("done\n");
    return 0;
}

static int intr(void)
{
    say("waiting\n");
    unsigned char b[16];
    ssize_t n = read(0, b, sizeof b);
    show("read", b, n);
    return 3;
}

static int devtty(void)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0) {
        say("no /dev/tty\n");
        return 1;
    }
    struct termios old, t;
    tcgetattr(fd, &old);
    t = old;
    t.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(fd, TCSAFLUSH, &t);
    (void)!write(fd, "secret: ", 8);
    unsigned char b[64];
    ssize_t n = read(fd, b, sizeof b);
    tcsetattr(fd, TCSAFLUSH, &old);
    (void)!write(fd, "\n", 1);
    show("got", b, n);
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "lines";
    if (!strcmp(mode, "lines")) return lines();
    if (!strcmp(mode, "raw")) return raw(argc > 2 ? atoi(argv[2]) : 3);
    if (!strcmp(mode, "signals")) return signals();
    if (!strcmp(mode, "intr")) return intr();
    if (!strcmp(mode, "devtty")) return devtty();
    fprintf(stderr, "tty_probe: unknown mode %s\n", mode);
    return 2;
}
