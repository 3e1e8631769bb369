/*
 * locks: advisory file locking between processes. fcntl record locks
 * (F_GETLK, F_SETLK, F_SETLKW): read/write conflicts, ranges from SEEK_SET,
 * SEEK_CUR and SEEK_END, l_len 0 (to the end) and negative, splitting and
 * merging of a process's own locks as another process sees them through
 * F_GETLK, argument errors, release when the process closes ANY descriptor
 * of the file and when it exits, F_SETLKW waiting for a release, interrupted
 * by a signal (EINTR) and refused with EDEADLK when two processes would wait
 * for each other, threads sharing their process's locks. Open file
 * description locks (F_OFD_*): owned by the description (two opens in one
 * process conflict, a forked child shares them), l_pid -1, survive closing
 * another descriptor, go with the description's last descriptor. flock(2):
 * shared and exclusive, LOCK_NB, owned by the description, waiting, and
 * independent of fcntl locks.
 *
 * Runs in a scratch directory (it creates locks.tmp). The parent and its
 * children take turns through pipes, so the output does not depend on
 * timing; where two outcomes are legal (which of two waiting processes gets
 * EDEADLK) only the invariant is printed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define FILE_NAME "locks.tmp"

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EINTR: return "EINTR";
    case EDEADLK: return "EDEADLK";
    case EOVERFLOW: return "EOVERFLOW";
    default: return "other";
    }
}

static const char *type_name(int t)
{
    switch (t) {
    case F_RDLCK: return "F_RDLCK";
    case F_WRLCK: return "F_WRLCK";
    case F_UNLCK: return "F_UNLCK";
    default: return "?";
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

static int wait_code(pid_t c)
{
    int st;
    while (waitpid(c, &st, 0) < 0)
        if (errno != EINTR)
            die("waitpid");
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int open_file(int flags)
{
    int fd = open(FILE_NAME, flags | O_CREAT, 0644);
    if (fd < 0)
        die("open");
    return fd;
}

static int setlk(int fd, int cmd, short type, short whence, off_t start, off_t len)
{
    struct flock l = {.l_type = type, .l_whence = whence, .l_start = start, .l_len = len};
    errno = 0;
    return fcntl(fd, cmd, &l);
}

/* F_GETLK for [start, start+len) and the answer, with l_pid shown relative to `owner` */
static void probe(const char *label, int fd, int cmd, short type, off_t start, off_t len, pid_t owner)
{
    struct flock l = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    errno = 0;
    int r = fcntl(fd, cmd, &l);
    printf("  %-34s", label);
    if (r != 0) {
        printf("-> %d %s\n", r, err_name(errno));
        return;
    }
    if (l.l_type == F_UNLCK) {
        printf("-> F_UNLCK\n");
        return;
    }
    const char *who = l.l_pid == owner ? "owner" : l.l_pid == -1 ? "-1" : "someone else";
    printf("-> %s start %lld len %lld whence %d pid %s\n", type_name(l.l_type), (long long)l.l_start,
           (long long)l.l_len, l.l_whence, who);
}

/* Runs `fn` in a child with a fresh descriptor of the file, after the parent set its locks. */
static void in_child(void (*fn)(pid_t parent))
{
    pid_t parent = getpid();
    pid_t c = xfork();
    if (c == 0) {
        fn(parent);
        fflush(stdout);
        _exit(0);
    }
    if (wait_code(c) != 0)
        printf("  (child failed)\n");
}

/* ---- conflicts and ranges ---- */

static void see_basic(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("read 0..9:", fd, F_GETLK, F_RDLCK, 0, 10, parent);
    probe("write 0..9:", fd, F_GETLK, F_WRLCK, 0, 10, parent);
    probe("write 100..199 (gap):", fd, F_GETLK, F_WRLCK, 100, 100, parent);
    probe("read 150..250:", fd, F_GETLK, F_RDLCK, 150, 101, parent);
    probe("read at 1e15 (l_len 0 lock):", fd, F_GETLK, F_RDLCK, 1000000000000000LL, 1, parent);
    probe("write from 0 to the end:", fd, F_GETLK, F_WRLCK, 0, 0, parent);
    int r = setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 50, 10);
    printf("  F_SETLK read 50..59: %d %s\n", r, err_name(errno));
    r = setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 50, 10);
    printf("  F_SETLK write 50..59: %d %s\n", r, err_name(errno));
    r = setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 100, 100);
    printf("  F_SETLK write 100..199: %d %s\n", r, err_name(errno));
    r = setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 199, 2);
    printf("  F_SETLK read 199..200: %d %s\n", r, err_name(errno));
}

static void test_basic(void)
{
    printf("== parent: read lock 0..99, write lock 200..end (l_len 0)\n");
    int fd = open_file(O_RDWR | O_TRUNC);
    if (setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 100) != 0 || setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 200, 0) != 0)
        die("F_SETLK");
    probe("own locks, seen by the parent:", fd, F_GETLK, F_WRLCK, 0, 0, getpid());
    in_child(see_basic);
    close(fd);
}

static void see_split(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("write 0..end:", fd, F_GETLK, F_WRLCK, 0, 0, parent);
    probe("write 40..59:", fd, F_GETLK, F_WRLCK, 40, 20, parent);
    probe("write 50..end:", fd, F_GETLK, F_WRLCK, 50, 0, parent);
    probe("read 10..14 (write inside):", fd, F_GETLK, F_RDLCK, 10, 5, parent);
    probe("read 15..39:", fd, F_GETLK, F_RDLCK, 15, 25, parent);
    probe("write 15..39:", fd, F_GETLK, F_WRLCK, 15, 25, parent);
    probe("write 100..end:", fd, F_GETLK, F_WRLCK, 100, 0, parent);
}

static void see_merged(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("write 0..end:", fd, F_GETLK, F_WRLCK, 0, 0, parent);
    probe("write 31..end:", fd, F_GETLK, F_WRLCK, 31, 0, parent);
}

static void test_split_merge(void)
{
    printf("== parent: write 0..99, unlock 40..59, read 15..39 over part of it\n");
    int fd = open_file(O_RDWR);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 100);
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 40, 20);
    setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 15, 25);
    in_child(see_split);
    printf("== parent: unlock all; read 0..9, 20..29, then 10..19 (merges), write 30\n");
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10);
    setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 20, 10);
    setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 10, 10);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 30, 1);
    in_child(see_merged);
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    close(fd);
}

static void see_whence(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("write 0..end:", fd, F_GETLK, F_WRLCK, 0, 0, parent);
    probe("write 16..end:", fd, F_GETLK, F_WRLCK, 16, 0, parent);
    probe("write 1001..end:", fd, F_GETLK, F_WRLCK, 1001, 0, parent);
}

static void test_whence(void)
{
    printf("== parent: offset 10, SEEK_CUR start 5 len -5; file size 1000, SEEK_END start -2 len 3\n");
    int fd = open_file(O_RDWR);
    if (ftruncate(fd, 1000) != 0)
        die("ftruncate");
    lseek(fd, 10, SEEK_SET);
    int a = setlk(fd, F_SETLK, F_WRLCK, SEEK_CUR, 5, -5);
    int b = setlk(fd, F_SETLK, F_WRLCK, SEEK_END, -2, 3);
    printf("  results %d %d\n", a, b);
    in_child(see_whence);
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    close(fd);
}

static void test_errors(void)
{
    printf("== argument errors\n");
    int rw = open_file(O_RDWR), ro = open_file(O_RDONLY), wo = open_file(O_WRONLY);
    lseek(rw, 5, SEEK_SET);
    struct {
        const char *label;
        int fd, cmd;
        short type, whence;
        off_t start, len;
    } cases[] = {
        {"write lock, read-only fd:", ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 1},
        {"read lock, write-only fd:", wo, F_SETLK, F_RDLCK, SEEK_SET, 0, 1},
        {"unlock, read-only fd:", ro, F_SETLK, F_UNLCK, SEEK_SET, 0, 1},
        {"F_GETLK write, read-only fd:", ro, F_GETLK, F_WRLCK, SEEK_SET, 0, 1},
        {"F_GETLK with F_UNLCK:", rw, F_GETLK, F_UNLCK, SEEK_SET, 0, 1},
        {"l_type 7:", rw, F_SETLK, 7, SEEK_SET, 0, 1},
        {"l_whence 3:", rw, F_SETLK, F_RDLCK, 3, 0, 1},
        {"start before byte 0:", rw, F_SETLK, F_RDLCK, SEEK_CUR, -6, 1},
        {"start 0 from SEEK_CUR -5:", rw, F_SETLK, F_RDLCK, SEEK_CUR, -5, 1},
        {"l_len reaching before 0:", rw, F_SETLK, F_RDLCK, SEEK_SET, 3, -4},
        {"past the largest offset:", rw, F_SETLK, F_RDLCK, SEEK_SET, 0x7fffffffffffffffLL, 2},
        {"last byte there is:", rw, F_SETLK, F_RDLCK, SEEK_SET, 0x7fffffffffffffffLL, 1},
        {"bad fd:", 99, F_SETLK, F_RDLCK, SEEK_SET, 0, 1},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int r = setlk(cases[i].fd, cases[i].cmd, cases[i].type, cases[i].whence, cases[i].start, cases[i].len);
        printf("  %-34s%d %s\n", cases[i].label, r, err_name(errno));
    }
    struct flock l = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1, .l_pid = 1};
    errno = 0;
    int r = fcntl(rw, F_OFD_SETLK, &l);
    printf("  %-34s%d %s\n", "F_OFD_SETLK with l_pid 1:", r, err_name(errno));
    errno = 0;
    r = fcntl(rw, F_OFD_GETLK, &l);
    printf("  %-34s%d %s\n", "F_OFD_GETLK with l_pid 1:", r, err_name(errno));
    setlk(rw, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    close(rw);
    close(ro);
    close(wo);
}

/* ---- release ---- */

static void see_nothing(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("write 0..end:", fd, F_GETLK, F_WRLCK, 0, 0, parent);
}

static void test_close_any(void)
{
    printf("== parent locks through one descriptor, closes another of the same file\n");
    int fd = open_file(O_RDWR);
    int dupfd = dup(fd);
    int other = open_file(O_RDONLY);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    setlk(fd, F_SETLK, F_RDLCK, SEEK_SET, 20, 10);
    printf(" after close(dup):\n");
    close(dupfd);
    in_child(see_nothing);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    printf(" locked again; after close(another open of the file):\n");
    close(other);
    in_child(see_nothing);
    close(fd);

    printf("== a child's locks go when it exits\n");
    int up[2], down[2];
    if (pipe(up) != 0 || pipe(down) != 0)
        die("pipe");
    pid_t c = xfork();
    if (c == 0) {
        int cfd = open_file(O_RDWR);
        setlk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 0, 0);
        if (write(up[1], "x", 1) != 1)
            _exit(2);
        char b;
        read(down[0], &b, 1); /* until the parent has looked */
        _exit(0);
    }
    char b;
    read(up[0], &b, 1);
    fd = open_file(O_RDWR);
    probe("while it runs:", fd, F_GETLK, F_WRLCK, 0, 0, c);
    if (write(down[1], "x", 1) != 1)
        die("write");
    wait_code(c);
    probe("after it exited:", fd, F_GETLK, F_WRLCK, 0, 0, c);
    close(fd);
    close(up[0]);
    close(up[1]);
    close(down[0]);
    close(down[1]);
}

/* ---- waiting ---- */

static volatile sig_atomic_t alarms;
static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void test_setlkw(void)
{
    printf("== F_SETLKW waits for the holder to unlock\n");
    int fd = open_file(O_RDWR | O_TRUNC);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    int ready[2];
    if (pipe(ready) != 0)
        die("pipe");
    pid_t c = xfork();
    if (c == 0) {
        int cfd = open_file(O_RDWR);
        if (write(ready[1], "x", 1) != 1)
            _exit(2);
        int r = setlk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 5, 1);
        char buf[16] = {0};
        pread(cfd, buf, sizeof buf - 1, 0);
        /* the parent wrote "released" before unlocking: we cannot have got in earlier */
        printf("  child: F_SETLKW -> %d %s, file says \"%s\"\n", r, err_name(errno), buf);
        fflush(stdout);
        _exit(0);
    }
    char b;
    read(ready[0], &b, 1);
    usleep(50000);
    if (pwrite(fd, "released", 8, 0) != 8)
        die("pwrite");
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    printf("  child: exit code %d\n", wait_code(c));

    printf("== F_SETLKW interrupted by a signal without SA_RESTART\n");
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    c = xfork();
    if (c == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;
        sigaction(SIGALRM, &sa, NULL);
        struct itimerval it = {{0, 0}, {0, 50000}};
        setitimer(ITIMER_REAL, &it, NULL);
        int cfd = open_file(O_RDWR);
        int r = setlk(cfd, F_SETLKW, F_RDLCK, SEEK_SET, 0, 1);
        printf("  child: F_SETLKW -> %d %s, handler ran %d\n", r, err_name(errno), (int)alarms);
        r = setlk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 0, 1);
        printf("  child: then F_SETLK -> %d %s\n", r, err_name(errno));
        fflush(stdout);
        _exit(0);
    }
    wait_code(c);
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    close(fd);
    close(ready[0]);
    close(ready[1]);
}

static void test_deadlock(void)
{
    printf("== two processes each wait for the other's byte: one of them gets EDEADLK\n");
    int fd = open_file(O_RDWR);
    setlk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1);
    int ready[2];
    if (pipe(ready) != 0)
        die("pipe");
    pid_t c = xfork();
    if (c == 0) {
        int cfd = open_file(O_RDWR);
        setlk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1);
        if (write(ready[1], "x", 1) != 1)
            _exit(2);
        usleep(100000); /* most likely the parent is waiting by now; either order is handled */
        int r = setlk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1);
        int e = errno;
        /* exiting releases byte 1 either way */
        _exit(r == 0 ? 0 : e == EDEADLK ? 1 : 2);
    }
    char b;
    read(ready[0], &b, 1);
    int r = setlk(fd, F_SETLKW, F_WRLCK, SEEK_SET, 1, 1);
    int parent_deadlk = r != 0 && errno == EDEADLK;
    if (parent_deadlk)
        setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 1); /* let the child through */
    int code = wait_code(c);
    int child_deadlk = code == 1;
    printf("  EDEADLK for exactly one of the two: %d; the other got its lock: %d\n", parent_deadlk + child_deadlk == 1,
           parent_deadlk ? code == 0 : r == 0);
    setlk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    close(fd);
    close(ready[0]);
    close(ready[1]);
}

/* ---- threads ---- */

static int thread_fd;
static void *thread_probe(void *arg)
{
    (void)arg;
    probe("second thread, write 0..end:", thread_fd, F_GETLK, F_WRLCK, 0, 0, getpid());
    int r = setlk(thread_fd, F_SETLK, F_WRLCK, SEEK_SET, 50, 10);
    printf("  second thread F_SETLK write 50..59: %d %s\n", r, err_name(errno));
    return NULL;
}

static void test_threads(void)
{
    printf("== threads share their process's locks\n");
    thread_fd = open_file(O_RDWR);
    setlk(thread_fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 100);
    pthread_t t;
    fflush(stdout);
    if (pthread_create(&t, NULL, thread_probe, NULL) != 0)
        die("pthread_create");
    pthread_join(t, NULL);
    in_child(see_split); /* one write lock 0..99 */
    close(thread_fd);
}

/* ---- OFD locks ---- */

static void see_ofd(pid_t parent)
{
    int fd = open_file(O_RDWR);
    probe("new open, F_OFD_GETLK write 0..9:", fd, F_OFD_GETLK, F_WRLCK, 0, 10, parent);
    probe("new open, F_GETLK write 0..9:", fd, F_GETLK, F_WRLCK, 0, 10, parent);
}

static int inherited_fd;
static void see_ofd_inherited(pid_t parent)
{
    probe("inherited fd, F_OFD_GETLK 0..9:", inherited_fd, F_OFD_GETLK, F_WRLCK, 0, 10, parent);
    int r = setlk(inherited_fd, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 20);
    printf("  %-34s%d %s\n", "inherited fd, F_OFD_SETLK 0..19:", r, err_name(errno));
    /* shared description: that lock is the parent's too now; give back bytes 10..19 */
    setlk(inherited_fd, F_OFD_SETLK, F_UNLCK, SEEK_SET, 10, 10);
}

static void test_ofd(void)
{
    printf("== OFD locks belong to the open file description\n");
    int a = open_file(O_RDWR), b = open_file(O_RDWR);
    int r = setlk(a, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 10);
    printf("  F_OFD_SETLK write 0..9 on A: %d %s\n", r, err_name(errno));
    r = setlk(b, F_OFD_SETLK, F_RDLCK, SEEK_SET, 5, 1);
    printf("  same process, description B, read 5: %d %s\n", r, err_name(errno));
    probe("B: F_OFD_GETLK read 5:", b, F_OFD_GETLK, F_RDLCK, 5, 1, getpid());
    probe("F_GETLK (classic) read 5:", b, F_GETLK, F_RDLCK, 5, 1, getpid());
    r = setlk(b, F_SETLK, F_RDLCK, SEEK_SET, 5, 1);
    printf("  classic F_SETLK read 5: %d %s\n", r, err_name(errno));
    r = setlk(b, F_SETLK, F_RDLCK, SEEK_SET, 20, 1);
    printf("  classic F_SETLK read 20: %d %s\n", r, err_name(errno));
    probe("A: F_OFD_GETLK write 20:", a, F_OFD_GETLK, F_WRLCK, 20, 1, getpid());
    in_child(see_ofd);
    inherited_fd = a;
    in_child(see_ofd_inherited);
    probe("B after the child: write 0..end:", b, F_OFD_GETLK, F_WRLCK, 0, 0, getpid());
    close(b); /* closing B drops our classic lock (any descriptor), not A's OFD lock */
    int c = open_file(O_RDWR);
    probe("after close(B): C write 0..end:", c, F_OFD_GETLK, F_WRLCK, 0, 0, getpid());
    int d = dup(a);
    close(a);
    probe("after close(A), dup open: write:", c, F_OFD_GETLK, F_WRLCK, 0, 0, getpid());
    close(d);
    probe("after close(dup of A): write:", c, F_OFD_GETLK, F_WRLCK, 0, 0, getpid());
    close(c);
}

/* ---- flock ---- */

static void test_flock(void)
{
    printf("== flock\n");
    int a = open_file(O_RDWR), b = open_file(O_RDONLY);
    errno = 0;
    int r = flock(a, LOCK_SH);
    printf("  A LOCK_SH: %d; B LOCK_SH|LOCK_NB: %d;", r, flock(b, LOCK_SH | LOCK_NB));
    r = flock(b, LOCK_EX | LOCK_NB);
    printf(" B LOCK_EX|LOCK_NB: %d %s\n", r, err_name(errno));
    /* B's failed upgrade dropped its shared lock (conversion is not atomic) */
    errno = 0;
    r = flock(a, LOCK_EX | LOCK_NB);
    printf("  A upgrades to LOCK_EX|LOCK_NB: %d %s\n", r, err_name(errno));
    errno = 0;
    r = flock(b, LOCK_SH | LOCK_NB);
    printf("  B LOCK_SH|LOCK_NB: %d %s\n", r, err_name(errno));
    r = setlk(b, F_SETLK, F_RDLCK, SEEK_SET, 0, 0);
    printf("  fcntl read lock on B meanwhile: %d %s\n", r, err_name(errno));
    setlk(b, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
    errno = 0;
    r = flock(a, 0);
    printf("  operation 0: %d %s;", r, err_name(errno));
    errno = 0;
    r = flock(a, LOCK_SH | LOCK_EX);
    printf(" LOCK_SH|LOCK_EX: %d %s;", r, err_name(errno));
    errno = 0;
    r = flock(99, LOCK_SH);
    printf(" bad fd: %d %s\n", r, err_name(errno));

    int ready[2];
    if (pipe(ready) != 0)
        die("pipe");
    pid_t c = xfork();
    if (c == 0) {
        errno = 0;
        int r1 = flock(a, LOCK_EX | LOCK_NB); /* the same description: already ours */
        int cfd = open_file(O_RDWR);
        errno = 0;
        int r2 = flock(cfd, LOCK_SH | LOCK_NB);
        int e2 = errno;
        printf("  child: LOCK_EX on the inherited fd %d; on its own open %d %s; now waiting\n", r1, r2, err_name(e2));
        fflush(stdout);
        if (write(ready[1], "x", 1) != 1)
            _exit(2);
        r2 = flock(cfd, LOCK_SH);
        char buf[16] = {0};
        pread(cfd, buf, sizeof buf - 1, 0);
        printf("  child: LOCK_SH -> %d, file says \"%s\"\n", r2, buf);
        fflush(stdout);
        _exit(0);
    }
    char ch;
    read(ready[0], &ch, 1);
    usleep(50000);
    if (pwrite(a, "unlocked", 8, 0) != 8)
        die("pwrite");
    flock(a, LOCK_UN);
    wait_code(c);
    close(a);
    close(b);
    close(ready[0]);
    close(ready[1]);
}

int main(void)
{
    test_basic();
    test_split_merge();
    test_whence();
    test_errors();
    test_close_any();
    test_setlkw();
    test_deadlock();
    test_threads();
    test_ofd();
    test_flock();
    unlink(FILE_NAME);
    printf("done\n");
    return 0;
}
