/*
 * signals2: the signal machinery of one process, beyond tests/guest/src/signals.c.
 *   - siginfo of kill, raise, tgkill, sigqueue (si_code, si_pid/si_uid compared
 *     with getpid/getuid, si_value)
 *   - SA_RESTART: read() on an empty pipe interrupted by SIGALRM from setitimer
 *     (the handler writes one byte into the pipe): restarted with the flag, EINTR
 *     without; nanosleep, clock_nanosleep, sleep and pause are never restarted
 *   - SA_NODEFER (nested delivery), SA_RESETHAND (one-shot), SA_ONSTACK with
 *     sigaltstack (the handler's locals lie inside the alternate stack, SS_ONSTACK
 *     while on it, EPERM when changing it from inside, ENOMEM when too small,
 *     SS_DISABLE)
 *   - sigprocmask/sigpending, queued real-time signals with values, delivery order
 *     of several pending signals, sigsuspend, sigtimedwait/sigwaitinfo/sigwait
 *   - a handler that edits the interrupted context through ucontext_t: skips an
 *     undefined instruction, a faulting load and a BRK by advancing pc, sets
 *     general registers, NZCV and a SIMD register, and changes the signal mask
 *     restored by sigreturn
 *   - SIGSEGV recovered with sigsetjmp/siglongjmp (SEGV_MAPERR, SEGV_ACCERR and
 *     exact si_addr), SIGBUS from an unaligned exclusive load (BUS_ADRALN),
 *     SIGTRAP from __builtin_trap (BRK, TRAP_BRKPT, si_addr = pc)
 *   - POSIX timers with SIGEV_SIGNAL (one-shot and periodic) and SIGEV_NONE,
 *     setitimer/getitimer ITIMER_REAL, alarm
 *   - invalid requests: sigaction on SIGKILL, signal 0 and 65, blocking SIGKILL
 * Nothing here depends on timing beyond "a 30-50 ms timer fires while the
 * process is blocked in a system call it entered right after arming it".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static pid_t my_tid(void) { return (pid_t)syscall(SYS_gettid); }

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case EINTR: return "EINTR";
    case EAGAIN: return "EAGAIN";
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case ENOMEM: return "ENOMEM";
    case ESRCH: return "ESRCH";
    default: return "other";
    }
}

static const char *code_name(int sig, int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case SI_TKILL: return "SI_TKILL";
    }
    if (sig == SIGSEGV && code == SEGV_MAPERR) return "SEGV_MAPERR";
    if (sig == SIGSEGV && code == SEGV_ACCERR) return "SEGV_ACCERR";
    if (sig == SIGBUS && code == BUS_ADRALN) return "BUS_ADRALN";
    if (sig == SIGBUS && code == BUS_ADRERR) return "BUS_ADRERR";
    if (sig == SIGTRAP && code == TRAP_BRKPT) return "TRAP_BRKPT";
    if (sig == SIGILL && code == ILL_ILLOPC) return "ILL_ILLOPC";
    if (sig == SIGILL && code == ILL_ILLOPN) return "ILL_ILLOPN";
    return "other";
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0) {
        printf("sigaction(%d) failed\n", sig);
        exit(1);
    }
}

static void set_info_handler(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = flags | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0) {
        printf("sigaction(%d) failed\n", sig);
        exit(1);
    }
}

static void block(int sig, int how)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(how, &s, NULL);
}

static void arm_real_timer_ms(long ms)
{
    struct itimerval it = {{0, 0}, {ms / 1000, (ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

/* ---- siginfo of the ways to send ---- */

static volatile sig_atomic_t info_signo, info_code, info_pid_ok, info_uid_ok, info_value, info_hits;

static void on_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    info_hits++;
    info_signo = sig;
    info_code = si->si_code;
    info_pid_ok = si->si_pid == getpid();
    info_uid_ok = si->si_uid == getuid();
    info_value = si->si_value.sival_int;
}

static void report_info(const char *how)
{
    printf("%-34s signo %d code %s", how, (int)info_signo, code_name(info_signo, info_code));
    if (info_code == SI_USER || info_code == SI_TKILL || info_code == SI_QUEUE)
        printf(" pid ok %d uid ok %d", (int)info_pid_ok, (int)info_uid_ok);
    if (info_code == SI_QUEUE)
        printf(" value %d", (int)info_value);
    printf("\n");
}

static void test_senders(void)
{
    set_info_handler(SIGUSR1, on_info, 0);
    kill(getpid(), SIGUSR1);
    report_info("kill(getpid(), SIGUSR1):");
    raise(SIGUSR1);
    report_info("raise(SIGUSR1):");
    syscall(SYS_tgkill, getpid(), my_tid(), SIGUSR1);
    report_info("tgkill(pid, tid, SIGUSR1):");
    syscall(SYS_tkill, my_tid(), SIGUSR1);
    report_info("tkill(tid, SIGUSR1):");
    sigqueue(getpid(), SIGUSR1, (union sigval){.sival_int = 4242});
    report_info("sigqueue(SIGUSR1, 4242):");
    printf("handler ran %d times\n", (int)info_hits);

    errno = 0;
    int r0 = kill(getpid(), 0);
    printf("kill(self, 0) = %d\n", r0);
    errno = 0;
    int r1 = kill(0x3fffffff, SIGUSR1);
    printf("kill(no such pid) = %d %s\n", r1, err_name(errno));
    errno = 0;
    int r2 = (int)syscall(SYS_tgkill, getpid() + 0x3000000, my_tid(), SIGUSR1);
    printf("tgkill(wrong tgid) = %d %s\n", r2, err_name(errno));
    errno = 0;
    int r3 = kill(getpid(), 65);
    printf("kill(self, 65) = %d %s\n", r3, err_name(errno));
    set_handler(SIGUSR1, SIG_DFL, 0);
}

/* ---- SA_RESTART and friends ---- */

static int alrm_pipe[2];
static volatile sig_atomic_t alrm_hits, alrm_code;

static void on_alrm_info(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    alrm_hits++;
    alrm_code = si->si_code;
    char c = 'x';
    if (write(alrm_pipe[1], &c, 1) != 1)
        _exit(99);
}

static void test_restart(int flags, const char *label)
{
    if (pipe(alrm_pipe) != 0)
        exit(1);
    set_info_handler(SIGALRM, on_alrm_info, flags);
    alrm_hits = 0;
    arm_real_timer_ms(50);
    char c = 0;
    errno = 0;
    ssize_t n = read(alrm_pipe[0], &c, 1);
    int e = errno;
    printf("%s: read on an empty pipe -> %zd %s", label, n, n < 0 ? err_name(e) : "");
    if (n == 1)
        printf("'%c'", c);
    printf(", handler ran %d (si_code %s)", (int)alrm_hits, code_name(SIGALRM, alrm_code));
    if (n < 0) {
        n = read(alrm_pipe[0], &c, 1);
        printf(", read again -> %zd '%c'", n, c);
    }
    printf("\n");
    close(alrm_pipe[0]);
    close(alrm_pipe[1]);
}

static void test_not_restarted(void)
{
    if (pipe(alrm_pipe) != 0)
        exit(1);
    set_info_handler(SIGALRM, on_alrm_info, SA_RESTART);

    struct timespec req = {2, 0}, rem = {0, 0};
    arm_real_timer_ms(30);
    errno = 0;
    int r = nanosleep(&req, &rem);
    printf("SA_RESTART, nanosleep(2 s) -> %d %s, remaining in (1 s, 2 s): %d\n", r, err_name(errno),
           rem.tv_sec == 1 && rem.tv_nsec > 0);

    arm_real_timer_ms(30);
    rem.tv_sec = rem.tv_nsec = 0;
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
    printf("SA_RESTART, clock_nanosleep(2 s) -> %s, remaining in (1 s, 2 s): %d\n", err_name(r),
           rem.tv_sec == 1 && rem.tv_nsec > 0);

    arm_real_timer_ms(30);
    unsigned left = sleep(3);
    printf("SA_RESTART, sleep(3) interrupted -> %u\n", left);

    arm_real_timer_ms(30);
    errno = 0;
    r = pause();
    printf("SA_RESTART, pause() -> %d %s\n", r, err_name(errno));

    /* drain the bytes the handler wrote */
    char buf[16];
    ssize_t n = read(alrm_pipe[0], buf, sizeof buf);
    printf("handler wrote %zd bytes, ran %d times\n", n, (int)alrm_hits);
    close(alrm_pipe[0]);
    close(alrm_pipe[1]);
}

/* ---- SA_NODEFER, SA_RESETHAND ---- */

static char order_log[64];
static volatile int order_len, depth;

static void log_event(char c)
{
    if (order_len < (int)sizeof order_log - 1)
        order_log[order_len++] = c;
}

static volatile int nested_raised;
static void on_nested(int sig)
{
    (void)sig;
    depth++;
    log_event((char)('0' + depth));
    if (!nested_raised) {
        nested_raised = 1;
        raise(SIGUSR2);
    }
    log_event('x');
    depth--;
}

static void test_nodefer(void)
{
    order_len = 0;
    nested_raised = 0;
    set_handler(SIGUSR2, on_nested, 0);
    raise(SIGUSR2);
    order_log[order_len] = 0;
    printf("default: raise inside the handler: events %s (1/2 = enter at depth, x = leave)\n", order_log);
    order_len = 0;
    nested_raised = 0;
    set_handler(SIGUSR2, on_nested, SA_NODEFER);
    raise(SIGUSR2);
    order_log[order_len] = 0;
    printf("SA_NODEFER: raise inside the handler: events %s\n", order_log);
    set_handler(SIGUSR2, SIG_DFL, 0);
}

static volatile sig_atomic_t oneshot_hits, oneshot_self_blocked;
static void on_oneshot(int sig)
{
    oneshot_hits++;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    oneshot_self_blocked = sigismember(&cur, sig);
}

static void test_resethand(void)
{
    set_handler(SIGURG, on_oneshot, SA_RESETHAND); /* SIGURG's default action: ignore */
    raise(SIGURG);
    struct sigaction q;
    sigaction(SIGURG, NULL, &q);
    int dfl = q.sa_handler == SIG_DFL;
    raise(SIGURG);
    printf("SA_RESETHAND: handler ran %d time(s), signal blocked inside it %d, disposition afterwards SIG_DFL %d\n",
           (int)oneshot_hits, (int)oneshot_self_blocked, dfl);
}

/* ---- SA_ONSTACK ---- */

static char *alt_lo, *alt_hi;
static volatile int on_alt, alt_flag_onstack, alt_change_errno;

static void on_stack_probe(int sig)
{
    (void)sig;
    volatile char local = 0;
    on_alt = (char *)&local >= alt_lo && (char *)&local < alt_hi;
    stack_t cur;
    sigaltstack(NULL, &cur);
    alt_flag_onstack = (cur.ss_flags & SS_ONSTACK) != 0;
    stack_t other = {.ss_sp = alt_lo, .ss_size = 65536, .ss_flags = 0};
    errno = 0;
    alt_change_errno = sigaltstack(&other, NULL) == 0 ? 0 : errno;
}

static void test_altstack(void)
{
    size_t size = 64 * 1024;
    alt_lo = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    alt_hi = alt_lo + size;
    stack_t ss = {.ss_sp = alt_lo, .ss_size = size, .ss_flags = 0}, old;
    int r = sigaltstack(&ss, &old);
    printf("sigaltstack: %d, previous was disabled %d\n", r, (old.ss_flags & SS_DISABLE) != 0);

    set_handler(SIGUSR1, on_stack_probe, SA_ONSTACK);
    raise(SIGUSR1);
    printf("SA_ONSTACK handler: on the alternate stack %d, SS_ONSTACK reported %d, changing it from there %s\n", on_alt,
           alt_flag_onstack, err_name(alt_change_errno));
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("after the handler: SS_ONSTACK %d, same stack still set %d\n", (cur.ss_flags & SS_ONSTACK) != 0,
           cur.ss_sp == alt_lo && cur.ss_size == size);

    set_handler(SIGUSR1, on_stack_probe, 0);
    raise(SIGUSR1);
    printf("handler without SA_ONSTACK: on the alternate stack %d, SS_ONSTACK %d\n", on_alt, alt_flag_onstack);

    stack_t tiny = {.ss_sp = alt_lo, .ss_size = 1024, .ss_flags = 0};
    errno = 0;
    r = sigaltstack(&tiny, NULL);
    printf("sigaltstack with 1 KiB: %d %s\n", r, err_name(errno));

    stack_t off = {.ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE};
    r = sigaltstack(&off, NULL);
    set_handler(SIGUSR1, on_stack_probe, SA_ONSTACK);
    raise(SIGUSR1);
    sigaltstack(NULL, &cur);
    printf("SS_DISABLE: %d, SA_ONSTACK handler then on the old alternate stack %d, reported disabled %d\n", r, on_alt,
           (cur.ss_flags & SS_DISABLE) != 0);
    set_handler(SIGUSR1, SIG_DFL, 0);
    munmap(alt_lo, size);
}

/* ---- masks, pending, queueing, order ---- */

static char deliv[64];
static volatile int deliv_len;

static void on_record(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    char tag;
    if (sig >= SIGRTMIN)
        tag = (char)('A' + (sig - SIGRTMIN)); /* RTMIN -> A, RTMIN+1 -> B, ... */
    else
        tag = (char)('a' + sig % 26);
    if (deliv_len < (int)sizeof deliv - 3) {
        deliv[deliv_len++] = tag;
        if (si->si_code == SI_QUEUE)
            deliv[deliv_len++] = (char)('0' + si->si_value.sival_int);
    }
}

static void install_record(int sig, int mask_all)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_record;
    sa.sa_flags = SA_SIGINFO;
    if (mask_all)
        sigfillset(&sa.sa_mask);
    else
        sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void test_queueing(void)
{
    int r1 = SIGRTMIN + 1, r3 = SIGRTMIN + 3;
    printf("SIGRTMIN %d SIGRTMAX %d\n", SIGRTMIN, SIGRTMAX);

    /* real-time signals queue, each with its value, in order */
    install_record(r1, 1);
    block(r1, SIG_BLOCK);
    for (int i = 1; i <= 3; i++)
        sigqueue(getpid(), r1, (union sigval){.sival_int = i});
    sigset_t pend;
    sigpending(&pend);
    deliv_len = 0;
    printf("three queued RTMIN+1 while blocked: pending %d, delivered so far %d\n", sigismember(&pend, r1), deliv_len);
    block(r1, SIG_UNBLOCK);
    deliv[deliv_len] = 0;
    printf("after unblocking: %s\n", deliv);

    /* standard signals do not queue */
    install_record(SIGUSR1, 1);
    block(SIGUSR1, SIG_BLOCK);
    for (int i = 0; i < 3; i++)
        raise(SIGUSR1);
    deliv_len = 0;
    block(SIGUSR1, SIG_UNBLOCK);
    deliv[deliv_len] = 0;
    printf("three raise(SIGUSR1) while blocked, then unblocked: %s (k = SIGUSR1)\n", deliv);

    /* several different pending signals: handlers masking everything run lowest number first */
    sigset_t all, old;
    sigfillset(&all);
    install_record(SIGUSR2, 1);
    install_record(r3, 1);
    sigprocmask(SIG_BLOCK, &all, &old);
    sigqueue(getpid(), r3, (union sigval){.sival_int = 7});
    raise(SIGUSR2);
    sigqueue(getpid(), r1, (union sigval){.sival_int = 5});
    raise(SIGUSR1);
    deliv_len = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    deliv[deliv_len] = 0;
    printf("RTMIN+3, USR2, RTMIN+1, USR1 pending; handlers block everything: %s\n", deliv);

    /* the same with handlers that block nothing: each frame is set up on top of the previous one,
       so the last one set up (the highest number) runs first */
    install_record(SIGUSR1, 0);
    install_record(SIGUSR2, 0);
    install_record(r1, 0);
    install_record(r3, 0);
    sigprocmask(SIG_BLOCK, &all, &old);
    sigqueue(getpid(), r3, (union sigval){.sival_int = 7});
    raise(SIGUSR2);
    sigqueue(getpid(), r1, (union sigval){.sival_int = 5});
    raise(SIGUSR1);
    deliv_len = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    deliv[deliv_len] = 0;
    printf("the same, handlers block nothing: %s\n", deliv);
    set_handler(SIGUSR1, SIG_DFL, 0);
    set_handler(SIGUSR2, SIG_DFL, 0);
    set_handler(r1, SIG_DFL, 0);
    set_handler(r3, SIG_DFL, 0);

    /* SIGKILL and SIGSTOP cannot be blocked; sigaction on them fails */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, &all, &old);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("block everything: SIGKILL blocked %d, SIGSTOP blocked %d, SIGTERM blocked %d\n", sigismember(&cur, SIGKILL),
           sigismember(&cur, SIGSTOP), sigismember(&cur, SIGTERM));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    errno = 0;
    int r = sigaction(SIGKILL, &sa, NULL);
    printf("sigaction(SIGKILL, SIG_IGN) = %d %s\n", r, err_name(errno));
    errno = 0;
    r = sigaction(SIGSTOP, &sa, NULL);
    printf("sigaction(SIGSTOP, SIG_IGN) = %d %s\n", r, err_name(errno));
    errno = 0;
    r = (int)syscall(SYS_rt_sigaction, 0, NULL, &sa, 8);
    printf("rt_sigaction(0) = %d %s\n", r, err_name(errno));
    errno = 0;
    r = (int)syscall(SYS_rt_sigaction, 65, NULL, &sa, 8);
    printf("rt_sigaction(65) = %d %s\n", r, err_name(errno));
    errno = 0;
    r = (int)syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &cur, 4);
    printf("rt_sigprocmask with sigsetsize 4 = %d %s\n", r, err_name(errno));
    errno = 0;
    r = (int)syscall(SYS_rt_sigprocmask, 99, &cur, NULL, 8);
    printf("rt_sigprocmask(how=99) = %d %s\n", r, err_name(errno));
}

/* ---- sigsuspend, sigtimedwait, sigwaitinfo, sigwait ---- */

static volatile sig_atomic_t susp_hits;
static void on_susp(int sig)
{
    (void)sig;
    susp_hits++;
}

static void test_waiting(void)
{
    set_handler(SIGUSR1, on_susp, 0);
    block(SIGUSR1, SIG_BLOCK);
    raise(SIGUSR1);
    sigset_t empty, cur;
    sigemptyset(&empty);
    errno = 0;
    int r = sigsuspend(&empty);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("sigsuspend with SIGUSR1 pending: %d %s, handler ran %d, SIGUSR1 blocked again after %d\n", r,
           err_name(errno), (int)susp_hits, sigismember(&cur, SIGUSR1));

    /* sigsuspend woken by a timer */
    set_handler(SIGALRM, on_susp, 0);
    block(SIGALRM, SIG_BLOCK);
    arm_real_timer_ms(30);
    sigset_t wait_alrm;
    sigfillset(&wait_alrm);
    sigdelset(&wait_alrm, SIGALRM);
    errno = 0;
    r = sigsuspend(&wait_alrm);
    printf("sigsuspend woken by SIGALRM: %d %s, handler runs %d\n", r, err_name(errno), (int)susp_hits);
    block(SIGALRM, SIG_UNBLOCK);
    block(SIGUSR1, SIG_UNBLOCK);

    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, SIGUSR2);
    sigaddset(&w, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &w, NULL);
    struct timespec to = {0, 10 * 1000 * 1000};
    siginfo_t si;
    errno = 0;
    r = sigtimedwait(&w, &si, &to);
    printf("sigtimedwait, nothing pending, 10 ms: %d %s\n", r, err_name(errno));
    raise(SIGUSR2);
    memset(&si, 0, sizeof si);
    r = sigtimedwait(&w, &si, &to);
    /* raise() sends with tgkill (SI_TKILL); glibc's sigtimedwait/sigwaitinfo report that as SI_USER */
    printf("sigtimedwait after raise: %d code %s pid ok %d\n", r, code_name(r, si.si_code), si.si_pid == getpid());
    kill(getpid(), SIGUSR2);
    memset(&si, 0, sizeof si);
    r = sigwaitinfo(&w, &si);
    printf("sigwaitinfo after kill: %d code %s pid ok %d uid ok %d\n", r, code_name(r, si.si_code),
           si.si_pid == getpid(), si.si_uid == getuid());
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 77});
    raise(SIGUSR2);
    memset(&si, 0, sizeof si);
    r = sigwaitinfo(&w, &si);
    int r2 = sigwaitinfo(&w, &si);
    printf("sigwaitinfo with USR2 and RTMIN pending: first %s, then %s value %d\n", r == SIGUSR2 ? "SIGUSR2" : "?",
           r2 == SIGRTMIN ? "SIGRTMIN" : "?", si.si_value.sival_int);
    int sig = 0;
    raise(SIGUSR2);
    r = sigwait(&w, &sig);
    printf("sigwait: %d sig %d\n", r, sig);
    struct timespec zero = {0, 0};
    errno = 0;
    r = sigtimedwait(&w, NULL, &zero);
    printf("sigtimedwait with a zero timeout: %d %s\n", r, err_name(errno));
    sigprocmask(SIG_UNBLOCK, &w, NULL);
    set_handler(SIGUSR1, SIG_DFL, 0);
    set_handler(SIGALRM, SIG_DFL, 0);
}

/* ---- ucontext editing ---- */
#if defined(__aarch64__) /* the rest of the program also builds natively, to compare with the host kernel */

static volatile int ctx_sig, ctx_code, ctx_fault_ok, ctx_addr_ok;
static volatile uintptr_t ctx_expect_addr;

/* Sets V2 to `lo` (upper bits zero) in the saved context. With SVE the frame may also carry the
   Z registers (Linux includes them only while the thread has live SVE state, qemu always does);
   sigreturn then restores V2 from Z2, so both records are edited. */
static void set_v2_in_frame(ucontext_t *uc, uint64_t lo)
{
    struct _aarch64_ctx *h = (struct _aarch64_ctx *)uc->uc_mcontext.__reserved;
    while (h->magic != 0) {
        if (h->magic == FPSIMD_MAGIC) {
            ((struct fpsimd_context *)h)->vregs[2] = lo;
        } else if (h->magic == SVE_MAGIC) {
            struct sve_context *sve = (struct sve_context *)h;
            unsigned vq = sve_vq_from_vl(sve->vl);
            if (h->size >= SVE_SIG_CONTEXT_SIZE(vq)) {
                char *z2 = (char *)sve + SVE_SIG_ZREG_OFFSET(vq, 2);
                memset(z2, 0, SVE_SIG_ZREG_SIZE(vq));
                memcpy(z2, &lo, sizeof lo);
            }
        } else if (h->magic == EXTRA_MAGIC) {
            h = (struct _aarch64_ctx *)(uintptr_t)((struct extra_context *)h)->datap;
            continue;
        }
        h = (struct _aarch64_ctx *)((char *)h + h->size);
    }
}

static void on_edit(int sig, siginfo_t *si, void *p)
{
    ucontext_t *uc = p;
    ctx_sig = sig;
    ctx_code = si->si_code;
    if (sig == SIGSEGV) {
        ctx_fault_ok = uc->uc_mcontext.fault_address == ctx_expect_addr;
        ctx_addr_ok = (uintptr_t)si->si_addr == ctx_expect_addr;
    } else {
        ctx_addr_ok = (uintptr_t)si->si_addr == uc->uc_mcontext.pc;
    }
    uc->uc_mcontext.pc += 4;         /* skip the instruction */
    uc->uc_mcontext.regs[0] = 0x1234; /* x0 seen after return */
    uc->uc_mcontext.regs[1] = 77;     /* x1: the "loaded" value */
    uc->uc_mcontext.pstate = (uc->uc_mcontext.pstate & ~0xf0000000ULL) | 0x60000000ULL; /* Z and C set */
    set_v2_in_frame(uc, 0x4045000000000000ULL); /* d2 = 42.0 */
    sigaddset(&uc->uc_sigmask, SIGUSR2); /* blocked once the handler returns */
}

static void test_ucontext(void)
{
    set_info_handler(SIGILL, on_edit, 0);
    set_info_handler(SIGSEGV, on_edit, 0);
    set_info_handler(SIGTRAP, on_edit, 0);

    uint64_t x0, flags;
    double d2;
    __asm__ volatile("mov x0, #5\n\t"
                     "fmov d2, xzr\n\t"
                     "cmp x0, #100\n\t" /* N set, Z and C clear */
                     ".inst 0x00000000\n\t"
                     "mrs %1, nzcv\n\t"
                     "mov %0, x0\n\t"
                     "fmov %d2, d2"
                     : "=r"(x0), "=r"(flags), "=w"(d2)
                     :
                     : "x0", "v2", "cc");
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("SIGILL (udf): handler skipped it: x0 %#llx, NZCV %#llx, d2 %g, USR2 blocked by the edited mask %d, "
           "si_addr = pc %d\n",
           (unsigned long long)x0, (unsigned long long)flags >> 28, d2, sigismember(&cur, SIGUSR2), ctx_addr_ok);
    block(SIGUSR2, SIG_UNBLOCK);

    uint64_t x1 = 0;
    uintptr_t bad = 0x10;
    ctx_expect_addr = bad;
    __asm__ volatile("mov x1, #3\n\t"
                     "ldr x1, [%1]\n\t"
                     "mov %0, x1"
                     : "=r"(x1)
                     : "r"(bad)
                     : "x0", "x1", "memory");
    printf("SIGSEGV (load from %#lx): code %s, si_addr ok %d, fault_address ok %d, skipped: x1 %llu\n",
           (unsigned long)bad, code_name(ctx_sig, ctx_code), ctx_addr_ok, ctx_fault_ok, (unsigned long long)x1);

    __asm__ volatile("mov x0, #1\n\t"
                     "brk #0x3e8\n\t"
                     "mov %0, x0"
                     : "=r"(x0)
                     :
                     : "x0", "x1", "v2", "cc");
    printf("SIGTRAP (brk #0x3e8): signo %d code %s, si_addr = pc %d, skipped: x0 %#llx\n", ctx_sig,
           code_name(ctx_sig, ctx_code), ctx_addr_ok, (unsigned long long)x0);
    block(SIGUSR2, SIG_UNBLOCK);
    set_handler(SIGILL, SIG_DFL, 0);
    set_handler(SIGSEGV, SIG_DFL, 0);
    set_handler(SIGTRAP, SIG_DFL, 0);
}
#else
static void test_ucontext(void) { printf("(ucontext editing: aarch64 only)\n"); }
#endif

/* ---- siglongjmp recovery ---- */

static sigjmp_buf jb;
static volatile int jmp_sig, jmp_code;
static volatile uintptr_t jmp_addr;

static void on_jump(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    jmp_sig = sig;
    jmp_code = si->si_code;
    jmp_addr = (uintptr_t)si->si_addr;
    siglongjmp(jb, 1);
}

static void try_access(const char *what, volatile char *p, int write, int use_exclusive)
{
    if (sigsetjmp(jb, 1) == 0) {
        if (use_exclusive) {
#if defined(__aarch64__)
            uint64_t v;
            __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(p) : "memory");
            __asm__ volatile("clrex");
#endif
        } else if (write) {
            *p = 1;
        } else {
            (void)*p;
        }
        printf("%-44s no signal\n", what);
    } else {
        printf("%-44s signal %d %s, si_addr exact %d\n", what, jmp_sig, code_name(jmp_sig, jmp_code),
               jmp_addr == (uintptr_t)p);
    }
}

static void test_recovery(void)
{
    set_info_handler(SIGSEGV, on_jump, 0);
    set_info_handler(SIGBUS, on_jump, 0);
    long pg = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(m + 2 * pg, pg);
    mprotect(m + pg, pg, PROT_READ);
    m[5] = 9;
    try_access("write to a RW page:", m + 5, 1, 0);
    try_access("read of a PROT_READ page:", m + pg + 7, 0, 0);
    try_access("write to a PROT_READ page:", m + pg + 7, 1, 0);
    try_access("read of an unmapped page:", m + 2 * pg + 123, 0, 0);
    try_access("write to an unmapped page:", m + 2 * pg + 4095, 1, 0);
    mprotect(m + pg, pg, PROT_NONE);
    try_access("read of a PROT_NONE page:", m + pg + 1, 0, 0);
    try_access("ldxr at an aligned address:", m + 8, 0, 1);
    try_access("ldxr at a misaligned address:", m + 9, 0, 1);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("mask restored by siglongjmp: SIGSEGV blocked %d SIGBUS blocked %d, value kept %d\n",
           sigismember(&cur, SIGSEGV), sigismember(&cur, SIGBUS), m[5]);
    munmap(m, 2 * pg);
    set_handler(SIGSEGV, SIG_DFL, 0);
    set_handler(SIGBUS, SIG_DFL, 0);
}

/* ---- timers ---- */

static void test_timers(void)
{
    int tsig = SIGRTMIN + 2;
    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, tsig);
    sigprocmask(SIG_BLOCK, &w, NULL);

    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = tsig;
    sev.sigev_value.sival_int = 0x5a;
    timer_t t;
    int r = timer_create(CLOCK_MONOTONIC, &sev, &t);
    struct itimerspec its = {{0, 0}, {0, 20 * 1000 * 1000}}, cur;
    timer_settime(t, 0, &its, NULL);
    timer_gettime(t, &cur);
    int armed = cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 20 * 1000 * 1000;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int s = sigwaitinfo(&w, &si);
    timer_gettime(t, &cur);
    printf("timer_create %d; one-shot 20 ms: armed %d, signal RTMIN+%d code %s value %#x, overrun %d, disarmed after %d\n",
           r, armed, s - SIGRTMIN, code_name(s, si.si_code), si.si_value.sival_int, timer_getoverrun(t),
           cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);

    its.it_interval.tv_nsec = 10 * 1000 * 1000;
    its.it_value.tv_nsec = 10 * 1000 * 1000;
    timer_settime(t, 0, &its, NULL);
    int got = 0;
    for (int i = 0; i < 3; i++) {
        memset(&si, 0, sizeof si);
        if (sigwaitinfo(&w, &si) == tsig && si.si_code == SI_TIMER && si.si_value.sival_int == 0x5a)
            got++;
    }
    timer_gettime(t, &cur);
    int interval_ok = cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 10 * 1000 * 1000;
    struct itimerspec stop = {{0, 0}, {0, 0}}, prev;
    timer_settime(t, 0, &stop, &prev);
    printf("periodic 10 ms: %d signals received, interval reported %d, disarmed\n", got, interval_ok);
    printf("timer_delete: %d\n", timer_delete(t));
    sigtimedwait(&w, NULL, &(struct timespec){0, 0}); /* a tick may still be pending */

    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_NONE;
    r = timer_create(CLOCK_REALTIME, &sev, &t);
    struct itimerspec longer = {{0, 0}, {100, 0}};
    timer_settime(t, 0, &longer, NULL);
    timer_gettime(t, &cur);
    printf("SIGEV_NONE timer: create %d, remaining in (99 s, 100 s] %d, delete %d\n", r,
           cur.it_value.tv_sec == 99 || (cur.it_value.tv_sec == 100 && cur.it_value.tv_nsec == 0), timer_delete(t));
    sigprocmask(SIG_UNBLOCK, &w, NULL);

    /* setitimer / getitimer / alarm */
    struct itimerval iv = {{0, 0}, {10, 0}}, ov;
    setitimer(ITIMER_REAL, &iv, NULL);
    getitimer(ITIMER_REAL, &ov);
    int left_ok = ov.it_value.tv_sec == 9 || (ov.it_value.tv_sec == 10 && ov.it_value.tv_usec == 0);
    struct itimerval zero = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &zero, &ov);
    printf("setitimer 10 s: getitimer remaining in (9 s, 10 s] %d, old value returned when disarming %d\n", left_ok,
           ov.it_value.tv_sec == 9 || ov.it_value.tv_sec == 10);
    getitimer(ITIMER_REAL, &ov);
    printf("after disarming: %ld %ld\n", (long)ov.it_value.tv_sec, (long)ov.it_value.tv_usec);
    unsigned a1 = alarm(5);
    unsigned a2 = alarm(0);
    printf("alarm(5) -> %u, alarm(0) -> %u\n", a1, a2);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    test_senders();
    test_restart(0, "no SA_RESTART");
    test_restart(SA_RESTART, "SA_RESTART");
    test_not_restarted();
    test_nodefer();
    test_resethand();
    test_altstack();
    test_queueing();
    test_waiting();
    test_ucontext();
    test_recovery();
    test_timers();
    printf("done\n");
    return 0;
}
