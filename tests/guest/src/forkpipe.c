/*
 * forkpipe: processes. fork and pipes between parent and child (small
 * messages, 256 KiB through a 64 KiB pipe, EOF, SIGPIPE/EPIPE), copy-on-write
 * memory, getpid/getppid relations, wait status decoding (exit codes, death
 * by SIGTERM, SIGKILL, SIGABRT, SIGSEGV, SIGPIPE with the core flag, raw
 * status words), stop and continue (WUNTRACED, WCONTINUED), SIGCHLD with
 * siginfo, SIGCHLD ignored (automatic reaping), process groups and sessions
 * (setpgid, getpgid, kill(-pgid), setsid, and their errors), vfork + _exit,
 * descriptors shared after fork (file offset, fcntl record locks held by the
 * parent, FD_CLOEXEC inheritance), reaping several children in a forced
 * order, waitid (P_ALL, P_PID, P_PGID, WNOWAIT, WNOHANG), WNOHANG returning
 * 0, ECHILD, zombies, an orphaned grandchild (adopted by a child subreaper:
 * argument "subreaper", a separate case),
 * what a child inherits (signal mask, handlers) and does not (pending
 * signals, interval timers), and fork from a second thread.
 *
 * Runs in a scratch directory (it creates forkpipe.tmp). Children that die
 * from a core-dumping signal first make themselves non-dumpable with
 * RLIMIT_CORE 0, so the core flag is reliably 0 on Linux, and point stderr at
 * /dev/null (qemu-user would print its own "uncaught target signal" line).
 * Output order is fixed: the parent waits for each child before printing
 * again, and flushes stdout before every fork. Pids are only compared.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case ECHILD: return "ECHILD";
    case ESRCH: return "ESRCH";
    case EPERM: return "EPERM";
    case EPIPE: return "EPIPE";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case EINVAL: return "EINVAL";
    case EINTR: return "EINTR";
    default: return "other";
    }
}

static const char *sig_name(int s)
{
    switch (s) {
    case SIGTERM: return "SIGTERM";
    case SIGKILL: return "SIGKILL";
    case SIGABRT: return "SIGABRT";
    case SIGSEGV: return "SIGSEGV";
    case SIGPIPE: return "SIGPIPE";
    case SIGUSR1: return "SIGUSR1";
    case SIGSTOP: return "SIGSTOP";
    case SIGCHLD: return "SIGCHLD";
    case SIGCONT: return "SIGCONT";
    default: return "other";
    }
}

static void die(const char *what)
{
    printf("FAIL: %s: %s\n", what, strerror(errno));
    fflush(stdout);
    exit(1);
}

static pid_t xfork(void)
{
    fflush(stdout);
    pid_t p = fork();
    if (p < 0)
        die("fork");
    return p;
}

static void xpipe(int fd[2])
{
    if (pipe(fd) != 0)
        die("pipe");
}

static void describe_status(const char *label, int st)
{
    printf("%-28s raw 0x%04x: ", label, st);
    if (WIFEXITED(st))
        printf("exited, code %d\n", WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("killed by %s, core flag %d\n", sig_name(WTERMSIG(st)), WCOREDUMP(st) ? 1 : 0);
    else if (WIFSTOPPED(st))
        printf("stopped by %s\n", sig_name(WSTOPSIG(st)));
    else if (WIFCONTINUED(st))
        printf("continued\n");
    else
        printf("?\n");
}

static int wait_for(pid_t pid)
{
    int st = 0;
    pid_t r;
    do
        r = waitpid(pid, &st, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid)
        die("waitpid");
    return st;
}

/* a child about to die from a core-dumping signal */
static void no_core_quiet(void)
{
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0)
        dup2(fd, 2);
}

/* ---- pipes ---- */

static int g_value = 1;

static void test_pipe_basics(void)
{
    int fd[2];
    xpipe(fd);
    char *heap = strdup("parent");
    pid_t parent = getpid();
    pid_t child = xfork();
    if (child == 0) {
        close(fd[0]);
        g_value = 2;
        strcpy(heap, "child!");
        char msg[128];
        int n = snprintf(msg, sizeof msg, "hello from the child: g=%d heap=%s getppid()==parent %d getpid()!=parent %d\n",
                         g_value, heap, getppid() == parent, getpid() != parent);
        if (write(fd[1], msg, n) != n)
            _exit(2);
        pid_t me = getpid();
        if (write(fd[1], &me, sizeof me) != sizeof me)
            _exit(2);
        _exit(0);
    }
    close(fd[1]);
    char buf[256];
    size_t len = 0;
    ssize_t n;
    while ((n = read(fd[0], buf + len, sizeof buf - len)) > 0)
        len += n;
    close(fd[0]);
    pid_t reported;
    memcpy(&reported, buf + len - sizeof reported, sizeof reported);
    printf("%.*s", (int)(len - sizeof reported), buf);
    printf("read until EOF: last read %zd; fork() returned the child's getpid() %d\n", n, reported == child);
    describe_status("child:", wait_for(child));
    printf("parent after the child: g=%d heap=%s\n", g_value, heap);
    free(heap);
}

/* more than a pipe holds (64 KiB by default): the writer blocks until the reader catches up */
#define BULK_BYTES (256 * 1024)

static void test_pipe_bulk(void)
{
    int fd[2];
    xpipe(fd);
    pid_t child = xfork();
    if (child == 0) {
        close(fd[0]);
        static unsigned char chunk[3000];
        unsigned x = 12345;
        size_t total = 0;
        while (total < BULK_BYTES) {
            size_t n = sizeof chunk;
            if (n > BULK_BYTES - total)
                n = BULK_BYTES - total;
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                chunk[i] = (unsigned char)(x >> 16);
            }
            size_t off = 0;
            while (off < n) {
                ssize_t w = write(fd[1], chunk + off, n - off);
                if (w <= 0)
                    _exit(3);
                off += w;
            }
            total += n;
        }
        _exit(0);
    }
    close(fd[1]);
    static unsigned char buf[8192];
    size_t total = 0;
    unsigned sum = 0, x = 12345, mismatches = 0;
    ssize_t n;
    while ((n = read(fd[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            if (buf[i] != (unsigned char)(x >> 16))
                mismatches++;
            sum = sum * 31 + buf[i];
        }
        total += n;
    }
    close(fd[0]);
    printf("bulk: %zu bytes through the pipe, checksum %08x, mismatches %u\n", total, sum, mismatches);
    describe_status("writer:", wait_for(child));
}

static void test_sigpipe(void)
{
    int fd[2];
    xpipe(fd);
    close(fd[0]); /* no reader left anywhere after the fork */
    pid_t child = xfork();
    if (child == 0) {
        if (write(fd[1], "x", 1) < 0)
            _exit(100 + errno);
        _exit(0);
    }
    describe_status("write, no reader:", wait_for(child));
    child = xfork();
    if (child == 0) {
        signal(SIGPIPE, SIG_IGN);
        if (write(fd[1], "x", 1) < 0)
            _exit(errno == EPIPE ? 32 : 1);
        _exit(0);
    }
    describe_status("same, SIGPIPE ignored:", wait_for(child));
    close(fd[1]);
}

/* ---- status decoding ---- */

static void test_statuses(void)
{
    static const int codes[] = {0, 3, 255, 256, 257};
    for (unsigned i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        pid_t c = xfork();
        if (c == 0)
            exit(codes[i]);
        char label[40];
        snprintf(label, sizeof label, "exit(%d):", codes[i]);
        describe_status(label, wait_for(c));
    }
    pid_t c = xfork();
    if (c == 0)
        _exit(77);
    describe_status("_exit(77):", wait_for(c));

    c = xfork();
    if (c == 0) {
        raise(SIGTERM);
        _exit(1);
    }
    describe_status("raise(SIGTERM):", wait_for(c));

    c = xfork();
    if (c == 0) {
        kill(getpid(), SIGKILL);
        _exit(1);
    }
    describe_status("kill(self, SIGKILL):", wait_for(c));

    c = xfork();
    if (c == 0) {
        no_core_quiet();
        abort();
    }
    describe_status("abort():", wait_for(c));

    c = xfork();
    if (c == 0) {
        no_core_quiet();
        volatile uintptr_t addr = 8;
        *(volatile int *)addr = 1;
        _exit(1);
    }
    describe_status("store to address 8:", wait_for(c));

    c = xfork();
    if (c == 0) {
        /* SIGSEGV while SIGSEGV is blocked: the kernel still kills */
        no_core_quiet();
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGSEGV);
        sigprocmask(SIG_BLOCK, &s, NULL);
        volatile uintptr_t addr = 8;
        *(volatile int *)addr = 1;
        _exit(1);
    }
    describe_status("same with SIGSEGV blocked:", wait_for(c));

    int go[2];
    xpipe(go);
    c = xfork();
    if (c == 0) {
        close(go[1]);
        char b;
        read(go[0], &b, 1); /* blocked until killed */
        _exit(1);
    }
    close(go[0]);
    kill(c, SIGKILL);
    describe_status("parent sends SIGKILL:", wait_for(c));
    close(go[1]);
}

/* ---- stop / continue ---- */

static void test_stop_continue(void)
{
    int go[2];
    xpipe(go);
    pid_t c = xfork();
    if (c == 0) {
        close(go[1]);
        raise(SIGSTOP);
        char b = 0;
        read(go[0], &b, 1);
        _exit(b == 'g' ? 5 : 6);
    }
    close(go[0]);
    int st;
    pid_t r = waitpid(c, &st, WUNTRACED);
    describe_status("WUNTRACED:", r == c ? st : -1);
    kill(c, SIGCONT);
    r = waitpid(c, &st, WCONTINUED);
    describe_status("WCONTINUED after SIGCONT:", r == c ? st : -1);
    errno = 0;
    r = waitpid(c, &st, WNOHANG | WCONTINUED | WUNTRACED);
    printf("nothing more to report: waitpid WNOHANG -> %d\n", (int)r);
    if (write(go[1], "g", 1) != 1)
        die("write");
    describe_status("then:", wait_for(c));
    close(go[1]);
}

/* ---- SIGCHLD ---- */

static volatile sig_atomic_t chld_hits, chld_code, chld_status, chld_pid_ok;
static volatile pid_t chld_expect;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    chld_hits++;
    chld_code = si->si_code;
    chld_status = si->si_status;
    chld_pid_ok = si->si_pid == chld_expect;
}

static const char *cld_name(int code)
{
    switch (code) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_DUMPED: return "CLD_DUMPED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    default: return "other";
    }
}

static void test_sigchld(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t blk, waitmask;
    sigemptyset(&blk);
    sigaddset(&blk, SIGCHLD);
    sigprocmask(SIG_BLOCK, &blk, &waitmask);
    sigdelset(&waitmask, SIGCHLD);

    for (int round = 0; round < 2; round++) {
        chld_hits = 0;
        pid_t c = xfork();
        if (c == 0) {
            if (round == 0)
                _exit(9);
            raise(SIGTERM);
            _exit(1);
        }
        chld_expect = c;
        while (chld_hits == 0)
            sigsuspend(&waitmask);
        printf("SIGCHLD: %s status %d, si_pid is the child %d\n", cld_name(chld_code), (int)chld_status,
               (int)chld_pid_ok);
        wait_for(c);
    }

    /* stopped and continued children also raise SIGCHLD (no SA_NOCLDSTOP) */
    int go[2];
    xpipe(go);
    chld_hits = 0;
    pid_t c = xfork();
    if (c == 0) {
        close(go[1]);
        raise(SIGSTOP);
        char b;
        read(go[0], &b, 1);
        _exit(0);
    }
    close(go[0]);
    chld_expect = c;
    while (chld_hits == 0)
        sigsuspend(&waitmask);
    printf("SIGCHLD: %s status %s\n", cld_name(chld_code), sig_name(chld_status));
    int st;
    waitpid(c, &st, WUNTRACED);
    chld_hits = 0;
    kill(c, SIGCONT);
    while (chld_hits == 0)
        sigsuspend(&waitmask);
    printf("SIGCHLD: %s status %s\n", cld_name(chld_code), sig_name(chld_status));
    waitpid(c, &st, WCONTINUED);
    chld_hits = 0;
    if (write(go[1], "g", 1) != 1)
        die("write");
    while (chld_hits == 0)
        sigsuspend(&waitmask);
    printf("SIGCHLD: %s status %d\n", cld_name(chld_code), (int)chld_status);
    wait_for(c);
    close(go[1]);
    sigprocmask(SIG_UNBLOCK, &blk, NULL);

    /* SIGCHLD ignored: children are reaped automatically, wait() waits for them and then fails */
    signal(SIGCHLD, SIG_IGN);
    c = xfork();
    if (c == 0)
        _exit(4);
    errno = 0;
    pid_t r = waitpid(-1, &st, 0);
    printf("SIGCHLD ignored: waitpid -> %d %s\n", (int)r, err_name(errno));
    signal(SIGCHLD, SIG_DFL);
}

/* ---- process groups and sessions ---- */

static volatile sig_atomic_t usr1_seen;
static void on_usr1(int sig)
{
    (void)sig;
    usr1_seen = 1;
}

static void test_groups(void)
{
    int ready[2];
    xpipe(ready);
    pid_t a = xfork();
    if (a == 0) {
        close(ready[0]);
        setpgid(0, 0);
        sigset_t blk, old;
        sigemptyset(&blk);
        sigaddset(&blk, SIGUSR1);
        sigprocmask(SIG_BLOCK, &blk, &old);
        pid_t b = fork();
        if (b == 0) {
            sigprocmask(SIG_SETMASK, &old, NULL); /* default action for SIGUSR1: terminate */
            if (write(ready[1], "b", 1) != 1)
                _exit(2);
            for (;;)
                pause();
        }
        signal(SIGUSR1, on_usr1);
        int b_in_group = getpgid(b) == getpid();
        if (write(ready[1], "a", 1) != 1)
            _exit(2);
        while (!usr1_seen)
            sigsuspend(&old);
        int st = wait_for(b);
        printf("group leader: getpgrp()==getpid() %d, grandchild in its group %d, handler ran %d\n",
               getpgrp() == getpid(), b_in_group, (int)usr1_seen);
        describe_status("grandchild:", st);
        fflush(stdout);
        _exit(0);
    }
    close(ready[1]);
    setpgid(a, a); /* both sides set it: no race with the child */
    char buf[2];
    size_t got = 0;
    while (got < 2) {
        ssize_t n = read(ready[0], buf + got, 2 - got);
        if (n <= 0)
            die("ready");
        got += n;
    }
    printf("getpgid(child)==child %d, own group differs %d\n", getpgid(a) == a, getpgrp() != a);
    int r = kill(-a, SIGUSR1);
    printf("kill(-pgid, SIGUSR1) = %d\n", r);
    describe_status("group leader:", wait_for(a));
    close(ready[0]);
    errno = 0;
    r = kill(-a, SIGUSR1);
    printf("kill(-pgid) once the group is gone: %d %s\n", r, err_name(errno));

    errno = 0;
    r = setpgid(getppid(), getppid());
    printf("setpgid(parent of this process): %d %s\n", r, err_name(errno));
    errno = 0;
    r = setpgid(0, 0x3ffffff0);
    printf("setpgid(0, no such group): %d %s\n", r, err_name(errno));
    errno = 0;
    r = getpgid(0x3ffffff0);
    printf("getpgid(no such pid): %d %s\n", r, err_name(errno));

    pid_t c = xfork();
    if (c == 0) {
        pid_t same_sid = getsid(0) == getsid(getppid());
        pid_t s = setsid();
        int ok = s == getpid() && getsid(0) == getpid() && getpgrp() == getpid();
        errno = 0;
        pid_t again = setsid();
        printf("child: same session as the parent %d, setsid made it leader of session and group %d, "
               "setsid again %d %s\n",
               (int)same_sid, ok, (int)again, err_name(errno));
        fflush(stdout);
        _exit(0);
    }
    describe_status("setsid child:", wait_for(c));
}

/* ---- vfork ---- */

static void test_vfork(void)
{
    pid_t parent = getpid();
    fflush(stdout);
    pid_t c = vfork();
    if (c == 0)
        _exit(getppid() == parent ? 9 : 1);
    if (c < 0)
        die("vfork");
    describe_status("vfork child _exit:", wait_for(c));
}

/* ---- descriptors after fork ---- */

static void test_shared_fds(void)
{
    int fd = open("forkpipe.tmp", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        die("open");
    if (write(fd, "abc", 3) != 3)
        die("write");
    int cl = dup(fd);
    fcntl(cl, F_SETFD, FD_CLOEXEC);
    struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
    if (fcntl(fd, F_SETLK, &lk) != 0)
        die("F_SETLK");
    pid_t parent = getpid();
    pid_t c = xfork();
    if (c == 0) {
        off_t at = lseek(fd, 0, SEEK_CUR);
        int w = (int)write(fd, "def", 3);
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
        fcntl(fd, F_GETLK, &q);
        struct flock try = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 1};
        errno = 0;
        int r = fcntl(fd, F_SETLK, &try);
        int e = errno;
        struct flock other = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 20, .l_len = 5};
        int r2 = fcntl(fd, F_SETLK, &other);
        printf("child: offset inherited %ld, wrote %d, FD_CLOEXEC kept on the dup %d, plain fd flags %d\n", (long)at, w,
               fcntl(cl, F_GETFD), fcntl(fd, F_GETFD));
        printf("child: F_GETLK sees the parent's write lock %d (l_pid is the parent %d), F_SETLK on it %d %s, "
               "elsewhere %d\n",
               q.l_type == F_WRLCK, q.l_pid == parent, r, err_name(e), r2);
        fflush(stdout);
        _exit(0);
    }
    describe_status("fd child:", wait_for(c));
    off_t now = lseek(fd, 0, SEEK_CUR);
    char buf[16] = {0};
    pread(fd, buf, sizeof buf - 1, 0);
    printf("parent: shared offset now %ld, file holds \"%s\"\n", (long)now, buf);
    struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 20, .l_len = 5};
    fcntl(fd, F_GETLK, &q);
    printf("parent: the child's lock went away with it %d\n", q.l_type == F_UNLCK);
    close(cl);
    close(fd);
    unlink("forkpipe.tmp");

    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        die("pipe2");
    int d1 = dup(p[0]);
    int d2 = fcntl(p[0], F_DUPFD_CLOEXEC, 20);
    int d3 = dup3(p[1], 30, O_CLOEXEC);
    printf("FD_CLOEXEC: pipe2(O_CLOEXEC) %d %d, dup %d, F_DUPFD_CLOEXEC %d (fd >= 20 %d), dup3(O_CLOEXEC) %d (fd %d)\n",
           fcntl(p[0], F_GETFD), fcntl(p[1], F_GETFD), fcntl(d1, F_GETFD), fcntl(d2, F_GETFD), d2 >= 20,
           fcntl(d3, F_GETFD), d3);
    close(p[0]);
    close(p[1]);
    close(d1);
    close(d2);
    close(d3);
}

/* ---- several children ---- */

static void test_many_children(void)
{
    enum { N = 4 };
    int go[N][2];
    pid_t kids[N];
    for (int i = 0; i < N; i++) {
        xpipe(go[i]);
        kids[i] = xfork();
        if (kids[i] == 0) {
            for (int j = 0; j <= i; j++)
                close(go[j][1]);
            char b;
            read(go[i][0], &b, 1);
            _exit(10 + i);
        }
        close(go[i][0]);
    }
    static const int order[N] = {2, 0, 3, 1};
    printf("wait() after releasing children 2, 0, 3, 1 one at a time:");
    for (int k = 0; k < N; k++) {
        int i = order[k];
        close(go[i][1]); /* EOF: child i exits */
        int st;
        pid_t r = wait(&st);
        printf(" child %d (pid matches %d, code %d)", i, r == kids[i], WEXITSTATUS(st));
    }
    printf("\n");
    errno = 0;
    pid_t none = wait(NULL);
    printf("wait() with no children left: %d %s\n", (int)none, err_name(errno));

    /* all at once, reaped by pid in creation order */
    int gate[2];
    xpipe(gate);
    for (int i = 0; i < N; i++) {
        kids[i] = xfork();
        if (kids[i] == 0) {
            close(gate[1]);
            char b;
            read(gate[0], &b, 1);
            _exit(20 + i);
        }
    }
    close(gate[0]);
    close(gate[1]);
    printf("waitpid by pid in creation order:");
    for (int i = 0; i < N; i++)
        printf(" %d", WEXITSTATUS(wait_for(kids[i])));
    printf("\n");
}

/* ---- waitid, WNOHANG, zombies ---- */

static void test_waitid(void)
{
    int go[2];
    xpipe(go);
    pid_t c = xfork();
    if (c == 0) {
        close(go[1]);
        char b;
        read(go[0], &b, 1);
        _exit(5);
    }
    close(go[0]);
    int st = -1;
    pid_t r = waitpid(c, &st, WNOHANG);
    printf("WNOHANG on a running child: %d\n", (int)r);
    siginfo_t si;
    memset(&si, 0x55, sizeof si);
    int w = waitid(P_PID, c, &si, WEXITED | WNOHANG);
    printf("waitid WNOHANG on a running child: %d, si_pid %d\n", w, (int)si.si_pid);
    close(go[1]);
    memset(&si, 0, sizeof si);
    w = waitid(P_ALL, 0, &si, WEXITED | WNOWAIT);
    printf("waitid(P_ALL, WEXITED|WNOWAIT): %d signo %s code %s status %d pid ok %d\n", w, sig_name(si.si_signo),
           cld_name(si.si_code), si.si_status, si.si_pid == c);
    printf("zombie still there: kill(pid, 0) = %d\n", kill(c, 0));
    memset(&si, 0, sizeof si);
    w = waitid(P_PID, c, &si, WEXITED);
    printf("waitid(P_PID) reaps it: %d code %s status %d\n", w, cld_name(si.si_code), si.si_status);
    errno = 0;
    r = kill(c, 0);
    printf("after reaping: kill(pid, 0) = %d %s\n", (int)r, err_name(errno));
    errno = 0;
    w = waitid(P_PID, c, &si, WEXITED);
    printf("waitid again: %d %s\n", w, err_name(errno));

    c = xfork();
    if (c == 0) {
        setpgid(0, 0);
        raise(SIGTERM);
        _exit(1);
    }
    setpgid(c, c);
    memset(&si, 0, sizeof si);
    w = waitid(P_PGID, c, &si, WEXITED);
    printf("waitid(P_PGID): %d code %s status %s\n", w, cld_name(si.si_code), sig_name(si.si_status));
    errno = 0;
    w = waitid(P_ALL, 0, &si, 0);
    printf("waitid without WEXITED/WSTOPPED/WCONTINUED: %d %s\n", w, err_name(errno));
}

/* ---- orphans ---- */

/* The middle child forks a grandchild and exits; the grandchild waits until it has been
   reparented (to init or to the nearest subreaper above this process: only "not the exited
   parent any more" is checked) and reports through a pipe. */
static void test_orphan(void)
{
    int p[2];
    xpipe(p);
    pid_t mid = xfork();
    if (mid == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        if (g == 0) {
            close(p[0]);
            for (int i = 0; i < 5000 && getppid() == me; i++)
                usleep(1000);
            char verdict = getppid() != me ? 'y' : 'n';
            if (write(p[1], &verdict, 1) != 1)
                _exit(2);
            _exit(0);
        }
        _exit(3);
    }
    close(p[1]);
    describe_status("middle child:", wait_for(mid));
    char verdict = '?';
    ssize_t n = read(p[0], &verdict, 1);
    char extra;
    ssize_t eof = read(p[0], &extra, 1); /* EOF once the grandchild has exited */
    close(p[0]);
    printf("orphaned grandchild: reported %zd byte(s), reparented away from its exited parent: %c, then EOF %d\n", n,
           verdict, eof == 0);
    errno = 0;
    pid_t r = waitpid(1, NULL, WNOHANG);
    printf("waitpid on a pid that is not a child: %d %s\n", (int)r, err_name(errno));
}

/* Separate case (argument "subreaper"): with PR_SET_CHILD_SUBREAPER the orphan is reparented to
   this process, which can then wait for it. qemu-user 7.2 rejects this prctl with EINVAL, so
   the expected output of this case is written by hand (see tests/guest/README.md). */
static void test_subreaper(void)
{
    int r = prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    int flag = -1;
    prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0);
    printf("PR_SET_CHILD_SUBREAPER: %d, PR_GET_CHILD_SUBREAPER: %d\n", r, flag);
    int p[2];
    xpipe(p);
    pid_t top = getpid();
    pid_t mid = xfork();
    if (mid == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        if (g == 0) {
            close(p[0]);
            close(p[1]);
            for (int i = 0; i < 5000 && getppid() == me; i++)
                usleep(1000);
            _exit(getppid() == top ? 0 : 1);
        }
        if (write(p[1], &g, sizeof g) != sizeof g)
            _exit(2);
        _exit(3);
    }
    close(p[1]);
    pid_t g;
    if (read(p[0], &g, sizeof g) != sizeof g)
        die("read");
    close(p[0]);
    describe_status("middle child:", wait_for(mid));
    describe_status("grandchild, now our child:", wait_for(g));
    errno = 0;
    pid_t none = wait(NULL);
    printf("no children left: %d %s\n", (int)none, err_name(errno));
}

/* ---- inheritance ---- */

static void test_inheritance(void)
{
    signal(SIGUSR2, on_usr1);
    sigset_t blk;
    sigemptyset(&blk);
    sigaddset(&blk, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blk, NULL);
    raise(SIGUSR1); /* pending in the parent only */
    struct itimerval it = {{0, 0}, {30, 0}};
    setitimer(ITIMER_REAL, &it, NULL);
    pid_t c = xfork();
    if (c == 0) {
        sigset_t pend, mask;
        sigpending(&pend);
        sigprocmask(SIG_BLOCK, NULL, &mask);
        struct sigaction sa;
        sigaction(SIGUSR2, NULL, &sa);
        struct itimerval cur;
        getitimer(ITIMER_REAL, &cur);
        printf("child: SIGUSR1 pending %d, blocked %d; SIGUSR2 handler inherited %d; ITIMER_REAL armed %d\n",
               sigismember(&pend, SIGUSR1), sigismember(&mask, SIGUSR1), sa.sa_handler == on_usr1,
               cur.it_value.tv_sec != 0 || cur.it_value.tv_usec != 0);
        fflush(stdout);
        _exit(0);
    }
    wait_for(c);
    sigset_t pend;
    sigpending(&pend);
    struct itimerval cur, zero = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &zero, &cur);
    printf("parent: SIGUSR1 still pending %d, ITIMER_REAL was armed %d\n", sigismember(&pend, SIGUSR1),
           cur.it_value.tv_sec != 0);
    signal(SIGUSR1, SIG_IGN); /* discard the pending one */
    sigprocmask(SIG_UNBLOCK, &blk, NULL);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

/* ---- fork from a thread ---- */

static void *forking_thread(void *arg)
{
    (void)arg;
    pid_t c = xfork();
    if (c == 0) {
        /* only the forking thread exists in the child; it can still create threads */
        _exit(7);
    }
    int st = wait_for(c);
    return (void *)(intptr_t)st;
}

static void *trivial(void *arg) { return arg; }

static void test_fork_in_thread(void)
{
    pthread_t t;
    void *r;
    if (pthread_create(&t, NULL, forking_thread, NULL) != 0)
        die("pthread_create");
    pthread_join(t, &r);
    describe_status("fork from a second thread:", (int)(intptr_t)r);

    pid_t c = xfork();
    if (c == 0) {
        pthread_t t2;
        void *v = NULL;
        if (pthread_create(&t2, NULL, trivial, (void *)42) != 0)
            _exit(1);
        pthread_join(t2, &v);
        _exit((int)(intptr_t)v);
    }
    describe_status("child creates a thread:", wait_for(c));
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "subreaper") == 0) {
        test_subreaper();
        printf("done\n");
        return 0;
    }
    test_pipe_basics();
    test_pipe_bulk();
    test_sigpipe();
    test_statuses();
    test_stop_continue();
    test_sigchld();
    test_groups();
    test_vfork();
    test_shared_fds();
    test_many_children();
    test_waitid();
    test_orphan();
    test_inheritance();
    test_fork_in_thread();
    printf("done\n");
    return 0;
}
