/*
 * Random system calls with random arguments, to shake the kernel's error paths: every call must
 * come back with a result or an errno (or a signal the program ignores), never crash the emulator.
 * Calls that would end the process, replace it, or take away its own code and stack are left out.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static uint64_t state;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static const int banned[] = {
  /* would end, replace or stop the process, or take away its code, stack or signal handling */
  SYS_exit, SYS_exit_group, SYS_execve, SYS_execveat, SYS_rt_sigreturn, SYS_clone, SYS_clone3,
  SYS_munmap, SYS_mremap, SYS_mmap, SYS_mprotect, SYS_brk, SYS_madvise, SYS_kill, SYS_tkill, SYS_tgkill,
  SYS_rt_sigqueueinfo, SYS_rt_tgsigqueueinfo, SYS_rt_sigprocmask, SYS_rt_sigaction, SYS_sigaltstack,
  SYS_set_tid_address, SYS_set_robust_list, SYS_rseq, SYS_prctl, SYS_setrlimit, SYS_prlimit64, SYS_chdir,
  SYS_fchdir, SYS_setsid, SYS_setpgid, SYS_dup3,
  /* may wait for ever (nothing else in this program would wake them) */
  SYS_setitimer, SYS_timer_create, SYS_timer_settime, SYS_nanosleep, SYS_clock_nanosleep, SYS_rt_sigsuspend,
  SYS_rt_sigtimedwait, SYS_ppoll, SYS_pselect6, SYS_epoll_pwait, SYS_epoll_pwait2, SYS_wait4, SYS_waitid,
  SYS_futex, SYS_read, SYS_readv, SYS_pread64, SYS_preadv, SYS_recvfrom, SYS_recvmsg, SYS_accept, SYS_accept4,
  SYS_connect, SYS_flock, SYS_fcntl, SYS_sched_yield,
  /* would flood the output */
  SYS_write, SYS_writev, SYS_pwrite64, SYS_pwritev, SYS_sendto, SYS_sendmsg,
  /* could change the host's files: a64play's CLI shows the guest the real filesystem, and a random
     pointer may land on a path string ("/", "..", "/etc/...") inside the program */
  SYS_openat, SYS_mkdirat, SYS_unlinkat, SYS_symlinkat, SYS_linkat, SYS_renameat, SYS_renameat2,
  SYS_fchmodat, SYS_fchownat, SYS_fchmod, SYS_fchown, SYS_truncate, SYS_ftruncate, SYS_utimensat, SYS_bind,
  SYS_mknodat,
};

static int allowed(long nr) {
  for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
    if (banned[i] == nr) return 0;
  return 1;
}

/* the buffer pointer arguments point into: 64 KiB followed by 16 MiB of PROT_NONE, so that a call
   writing far past its start (a huge count) faults in the kernel instead of corrupting libc's data */
#define SCRATCH (64 * 1024)
static char *scratch;

static long arg(void) {
  switch (next() % 8) {
    case 0: return 0;
    case 1: return (long)(next() % 64);
    case 2: return -(long)(next() % 5) - 1;
    case 3: return (long)(scratch + next() % (SCRATCH - 512));
    case 4: return (long)next();
    case 5: return (long)(next() & 0xffffffff);
    case 6: return 0x1000 + (long)(next() % 0x100000);
    default: return (long)(scratch + 4096);
  }
}

int main(int argc, char **argv) {
  state = argc > 1 ? strtoull(argv[1], 0, 0) : 1;
  if (state == 0) state = 1;
  long calls = argc > 2 ? atol(argv[2]) : 20000;
  for (int s = 1; s < 32; s++) signal(s, SIG_IGN);
  char *area = mmap(0, SCRATCH + (16 << 20), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (area == MAP_FAILED || mprotect(area, SCRATCH, PROT_READ | PROT_WRITE) != 0) return 2;
  scratch = area;
  /* the result goes to a descriptor the random calls are unlikely to close */
  int out = dup2(1, 1000);
  long done = 0;
  for (long i = 0; i < calls; i++) {
    long nr = (long)(next() % 300);
    if (!allowed(nr)) continue;
    memset(scratch, (int)(next() & 0xff), 1024);
    syscall(nr, arg(), arg(), arg(), arg(), arg(), arg());
    done++;
  }
  dprintf(out, "made %ld calls\n", done);
  return 0;
}
