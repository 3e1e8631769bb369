/* ppoll and pselect6: readiness bits, POLLNVAL, ignored negative fds, EBADF, timeouts, the temporary signal mask. */
#include "io_common.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

static volatile int got_usr1;
static void on_usr1(int s) { (void)s; got_usr1++; }

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  /* fd 999 stands for a descriptor that is not open: a test runner may hand some down */
  close(999);
  int p[2];
  pipe(p);
  int fd = open("/proc/self/cmdline", O_RDONLY);
  struct pollfd pf[5] = {{p[0], POLLIN | POLLOUT, 77}, {p[1], POLLIN | POLLOUT, 0}, {-1, POLLIN, 5}, {999, POLLIN, 0}, {fd, POLLIN | POLLPRI, 0}};
  SHOW("poll", poll(pf, 5, 0));
  for (int i = 0; i < 5; i++) printf("  [%d] fd %d revents %#x\n", i, pf[i].fd, pf[i].revents);
  write(p[1], "x", 1);
  pf[0].events = POLLRDNORM;
  SHOW("poll after write", poll(pf, 1, 0));
  printf("  revents %#x\n", pf[0].revents);
  pf[0].events = 0;
  close(p[1]);
  SHOW("poll events=0 after writer closed", poll(pf, 1, 0));
  printf("  revents %#x (POLLHUP is always reported)\n", pf[0].revents);

  double t0 = now();
  SHOW("poll with nothing ready, 50 ms", poll(pf + 2, 1, 50));
  printf("  waited >= 45 ms: %d\n", now() - t0 >= 0.045);
  SHOW("poll bad pointer", syscall(SYS_ppoll, 8, 1, NULL, NULL, 8));
  struct timespec bad = {0, 1000000000};
  SHOW("ppoll bad timespec", ppoll(pf, 1, &bad, NULL));
  struct timespec ts = {0, 20000000};
  pf[0].fd = -1;
  SHOW("ppoll 20 ms", syscall(SYS_ppoll, pf, 1, &ts, NULL, 8));
  printf("  remaining %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
  sigset_t ss;
  sigemptyset(&ss);
  SHOW("ppoll sigsetsize 4", syscall(SYS_ppoll, pf, 1, &ts, &ss, 4));

  /* select */
  int q[2];
  pipe(q);
  fd_set r, w, e;
  FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
  FD_SET(q[0], &r); FD_SET(q[1], &w); FD_SET(q[0], &e); FD_SET(q[1], &r);
  struct timeval tv = {0, 0};
  SHOW("select", select(q[1] + 1, &r, &w, &e, &tv));
  printf("  r0 %d r1 %d w1 %d e0 %d\n", FD_ISSET(q[0], &r), FD_ISSET(q[1], &r), FD_ISSET(q[1], &w), FD_ISSET(q[0], &e));
  write(q[1], "y", 1);
  FD_ZERO(&r); FD_SET(q[0], &r);
  SHOW("select readable", select(q[0] + 1, &r, NULL, NULL, &tv));
  printf("  r0 %d\n", FD_ISSET(q[0], &r));
  /* A closed descriptor below 64: select ignores bits past the size of the process's descriptor table,
     which is at least 64 but larger when the parent had high descriptors open when it forked. */
  int gone = dup(0);
  close(gone);
  FD_ZERO(&r); FD_SET(gone, &r);
  SHOW("select closed fd", select(gone + 1, &r, NULL, NULL, &tv));
  SHOW("select nfds < 0", select(-1, NULL, NULL, NULL, &tv));
  FD_ZERO(&r); FD_SET(gone, &r);
  SHOW("select closed fd beyond nfds", select(gone, &r, NULL, NULL, &tv));
  tv.tv_usec = 30000;
  t0 = now();
  SHOW("select timeout 30 ms", select(0, NULL, NULL, NULL, &tv));
  printf("  waited >= 25 ms: %d\n", now() - t0 >= 0.025);
  struct timespec pts = {0, -1};
  SHOW("pselect bad timespec", pselect(0, NULL, NULL, NULL, &pts, NULL));
  struct { const sigset_t *ss; size_t len; } pack = {&ss, 4};
  struct timespec zero = {0, 0};
  SHOW("pselect6 sigsetsize 4", syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, &pack));
  int ev = eventfd(0, 0);
  FD_ZERO(&r); FD_SET(ev, &r); FD_ZERO(&w); FD_SET(ev, &w);
  tv.tv_usec = 0;
  SHOW("select eventfd", select(ev + 1, &r, &w, NULL, &tv));
  printf("  r %d w %d\n", FD_ISSET(ev, &r), FD_ISSET(ev, &w));

  /* the temporary mask: SIGUSR1 blocked, raised, then let in by ppoll's mask */
  signal(SIGUSR1, on_usr1);
  sigset_t block, old, cur;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  raise(SIGUSR1);
  printf("handled before ppoll: %d\n", got_usr1);
  sigset_t let_in;
  sigemptyset(&let_in);
  struct pollfd none = {-1, 0, 0};
  SHOW("ppoll letting SIGUSR1 in", ppoll(&none, 1, NULL, &let_in));
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("handled: %d, blocked again after: %d\n", got_usr1, sigismember(&cur, SIGUSR1));
  raise(SIGUSR1);
  SHOW("pselect letting SIGUSR1 in", pselect(0, NULL, NULL, NULL, NULL, &let_in));
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("handled: %d, blocked again after: %d\n", got_usr1, sigismember(&cur, SIGUSR1));
  raise(SIGUSR1);
  SHOW("ppoll timeout 0 with a signal let in", ppoll(&none, 1, &zero, &let_in));
  printf("handled: %d\n", got_usr1);
  sigprocmask(SIG_SETMASK, &old, NULL);

  /* a child makes a pipe readable while the parent waits */
  int c[2];
  pipe(c);
  pid_t pid = fork();
  if (pid == 0) {
    struct timespec d = {0, 30000000};
    nanosleep(&d, NULL);
    write(c[1], "z", 1);
    _exit(0);
  }
  struct pollfd cp = {c[0], POLLIN, 0};
  SHOW("poll waiting for the child", poll(&cp, 1, 5000));
  printf("  revents %#x\n", cp.revents);
  waitpid(pid, NULL, 0);
  return 0;
}
