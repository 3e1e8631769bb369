/*
 * signals: signal handlers within one process: raise/kill, SA_SIGINFO data,
 * blocking and pending sets, SIG_IGN, handler masks, and recovery from
 * synchronous faults (SIGSEGV on a bad address, SIGILL on an undefined
 * instruction) with siglongjmp.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile sig_atomic_t hits_usr1, hits_usr2, last_signo, last_code, nested_seen;
static volatile int handler_saw_usr2_blocked;
static sigjmp_buf recover;
static volatile uintptr_t fault_addr;

static void on_usr1(int sig)
{
    hits_usr1++;
    last_signo = sig;
}

static void on_usr2_info(int sig, siginfo_t *si, void *uctx)
{
    (void)uctx;
    hits_usr2++;
    last_signo = si->si_signo;
    last_code = si->si_code;
    (void)sig;
}

static void on_usr1_masking(int sig)
{
    (void)sig;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    handler_saw_usr2_blocked = sigismember(&cur, SIGUSR2);
    raise(SIGUSR2); /* blocked during this handler: delivered after return */
    nested_seen = hits_usr2;
}

static void on_fault(int sig, siginfo_t *si, void *uctx)
{
    (void)uctx;
    last_signo = sig;
    last_code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr;
    siglongjmp(recover, sig);
}

static const char *code_name(int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_TKILL: return "SI_TKILL";
    case SI_QUEUE: return "SI_QUEUE";
    case SEGV_MAPERR: return "SEGV_MAPERR";
    case SEGV_ACCERR: return "SEGV_ACCERR";
    default: return "other";
    }
}

int main(void)
{
    struct sigaction sa;

    /* plain handler via signal() */
    signal(SIGUSR1, on_usr1);
    printf("raise(SIGUSR1) -> %d, hits %d, signo %d\n", raise(SIGUSR1), (int)hits_usr1, (int)last_signo);
    kill(getpid(), SIGUSR1);
    printf("kill(self, SIGUSR1): hits %d\n", (int)hits_usr1);

    /* SA_SIGINFO handler: si_code distinguishes raise (tgkill) from kill */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("raise(SIGUSR2): hits %d signo %d code %s\n", (int)hits_usr2, (int)last_signo, code_name(last_code));
    kill(getpid(), SIGUSR2);
    printf("kill(self, SIGUSR2): hits %d code %s\n", (int)hits_usr2, code_name(last_code));
    union sigval sv = {.sival_int = 7};
    sigqueue(getpid(), SIGUSR2, sv);
    printf("sigqueue(SIGUSR2): hits %d code %s\n", (int)hits_usr2, code_name(last_code));

    /* blocking: the signal stays pending until unblocked */
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    raise(SIGUSR1); /* standard signals do not queue: one delivery */
    sigpending(&pend);
    printf("blocked: SIGUSR1 pending=%d hits still %d\n", sigismember(&pend, SIGUSR1), (int)hits_usr1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigpending(&pend);
    printf("unblocked: hits %d, pending now %d\n", (int)hits_usr1, sigismember(&pend, SIGUSR1));

    /* handler mask: SIGUSR2 blocked while the SIGUSR1 handler runs */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1_masking;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    int before = hits_usr2;
    raise(SIGUSR1);
    printf("sa_mask: USR2 blocked in handler=%d, USR2 hits during handler=%d, after=%d\n",
           handler_saw_usr2_blocked, (int)nested_seen - before, (int)hits_usr2 - before);

    /* SIG_IGN and querying the old action */
    struct sigaction q;
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &q);
    printf("SIG_IGN: survived, handler is SIG_IGN=%d\n", q.sa_handler == SIG_IGN);
    signal(SIGUSR1, SIG_DFL);

    /* recover from SIGSEGV */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    for (int round = 0; round < 3; round++) {
        int sig = sigsetjmp(recover, 1);
        if (sig == 0) {
            volatile int *bad = (volatile int *)(uintptr_t)(16 + round * 4096);
            *bad = 1;
            printf("no fault?\n");
        } else {
            printf("round %d: caught signal %d code %s addr %#lx\n", round, sig, code_name(last_code),
                   (unsigned long)fault_addr);
        }
    }
    /* write to a read-only page: SEGV_ACCERR */
    volatile char *ro = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ro[100] = 5;
    mprotect((void *)ro, 8192, PROT_READ);
    int sig = sigsetjmp(recover, 1);
    if (sig == 0) {
        ro[4096 + 8] = 1;
        printf("no fault on read-only page?\n");
    } else {
        printf("read-only page: caught signal %d code %s at offset %ld, value still readable: %d\n", sig,
               code_name(last_code), (long)(fault_addr - (uintptr_t)ro), ro[100]);
    }
    munmap((void *)ro, 8192);

    sig = sigsetjmp(recover, 1);
    if (sig == 0) {
        __asm__ volatile(".inst 0x00000000"); /* permanently undefined */
        printf("no SIGILL?\n");
    } else {
        /* si_code is not printed: qemu reports ILL_ILLOPN, Linux ILL_ILLOPC */
        printf("undefined instruction: caught signal %d\n", sig);
    }

    /* the signal mask was restored by siglongjmp */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("after recovery: SIGSEGV blocked=%d SIGILL blocked=%d\n", sigismember(&cur, SIGSEGV),
           sigismember(&cur, SIGILL));
    printf("done\n");
    return 0;
}
