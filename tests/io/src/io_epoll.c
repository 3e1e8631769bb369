/* epoll: epoll_ctl's errors, level/edge triggering, EPOLLONESHOT, EPOLLRDHUP, ready-list order, close semantics, nesting, timers, signals. */
#include "io_common.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>

static int ep;
static struct epoll_event evs[16];

static void add(int fd, uint32_t events, uint64_t data) {
  struct epoll_event e = {events, {.u64 = data}};
  SHOW("  ctl ADD", epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e));
}

static void wait_show(const char *label, int max, int timeout) {
  errno = 0;
  int n = epoll_wait(ep, evs, max, timeout);
  printf("%s: %d%s%s", label, n, n < 0 ? " " : "", n < 0 ? ename(errno) : "");
  for (int i = 0; i < n; i++) printf(" {%#x %llx}", evs[i].events, (unsigned long long)evs[i].data.u64);
  printf("\n");
  fflush(stdout);
}

static volatile int got_usr1;
static void on_usr1(int s) { (void)s; got_usr1++; }

int main(void) {
  close(999); /* stands for a descriptor that is not open: a test runner may hand one down */
  printf("sizeof(struct epoll_event) = %zu\n", sizeof(struct epoll_event));
  SHOW("epoll_create1 bad flags", epoll_create1(1));
  ep = epoll_create1(EPOLL_CLOEXEC);
  SHOW("F_GETFD", fcntl(ep, F_GETFD));
  int p[2];
  pipe(p);
  int reg = open("/proc/self/cmdline", O_RDONLY);
  struct epoll_event e = {EPOLLIN, {.u64 = 1}};
  SHOW("ADD regular file", epoll_ctl(ep, EPOLL_CTL_ADD, reg, &e));
  SHOW("ADD itself", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &e));
  SHOW("ADD bad fd", epoll_ctl(ep, EPOLL_CTL_ADD, 999, &e));
  SHOW("ADD via a non-epoll", epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &e));
  SHOW("MOD missing", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &e));
  SHOW("DEL missing", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
  SHOW("bad op", epoll_ctl(ep, 7, p[0], &e));
  SHOW("ADD bad pointer", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], (struct epoll_event *)8));
  e.events = EPOLLIN | EPOLLRDNORM | EPOLLEXCLUSIVE;
  SHOW("ADD EXCLUSIVE with RDNORM", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e));
  SHOW("wait maxevents 0", epoll_wait(ep, evs, 0, 0));
  SHOW("wait on a pipe", epoll_wait(p[0], evs, 1, 0));

  printf("-- level-triggered\n");
  add(p[0], EPOLLIN, 0x1122334455667788ULL);
  e.events = EPOLLIN;
  SHOW("ADD again", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e));
  wait_show("empty pipe", 8, 0);
  write(p[1], "ab", 2);
  wait_show("after write", 8, 0);
  wait_show("again", 8, 0);
  char b[8];
  read(p[0], b, 8);
  wait_show("after read", 8, 0);

  printf("-- edge-triggered\n");
  e.events = EPOLLIN | EPOLLET;
  e.data.u64 = 2;
  SHOW("MOD to ET", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &e));
  write(p[1], "a", 1);
  wait_show("after write", 8, 0);
  wait_show("again", 8, 0);
  write(p[1], "b", 1);
  wait_show("after another write", 8, 0);
  read(p[0], b, 1);
  wait_show("after a partial read", 8, 0);
  read(p[0], b, 8);

  printf("-- oneshot\n");
  e.events = EPOLLIN | EPOLLONESHOT;
  e.data.u64 = 3;
  epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &e);
  write(p[1], "c", 1);
  wait_show("first", 8, 0);
  write(p[1], "d", 1);
  wait_show("disabled", 8, 0);
  epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &e);
  wait_show("re-armed", 8, 0);
  SHOW("DEL", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
  wait_show("after DEL", 8, 0);

  printf("-- write end, error and hangup\n");
  add(p[1], EPOLLOUT, 4);
  wait_show("writable", 8, 0);
  close(p[0]);
  wait_show("reader closed", 8, 0);
  epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
  int q[2];
  pipe(q);
  add(q[0], 0, 5);
  close(q[1]);
  wait_show("writer closed, no events asked", 8, 0);
  epoll_ctl(ep, EPOLL_CTL_DEL, q[0], NULL);

  printf("-- order and maxevents\n");
  int ev[3];
  for (int i = 0; i < 3; i++) {
    ev[i] = eventfd(0, EFD_NONBLOCK);
    add(ev[i], EPOLLIN, 10 + i);
  }
  uint64_t one = 1;
  write(ev[2], &one, 8);
  write(ev[0], &one, 8);
  write(ev[1], &one, 8);
  wait_show("max 1", 1, 0);
  wait_show("max 1", 1, 0);
  wait_show("max 8", 8, 0);
  wait_show("max 8", 8, 0);
  for (int i = 0; i < 3; i++) epoll_ctl(ep, EPOLL_CTL_DEL, ev[i], NULL);

  printf("-- close with a dup open\n");
  int r[2];
  pipe(r);
  add(r[0], EPOLLIN, 20);
  int dupfd = dup(r[0]);
  close(r[0]);
  write(r[1], "x", 1);
  wait_show("closed fd, dup open", 8, 0);
  SHOW("DEL closed fd", epoll_ctl(ep, EPOLL_CTL_DEL, r[0], NULL));
  close(dupfd);
  wait_show("all closed", 8, 0);
  close(r[1]);

  printf("-- sockets: EPOLLRDHUP, EPOLLOUT\n");
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  add(sv[0], EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, 30);
  wait_show("connected", 8, 0);
  wait_show("again (ET)", 8, 0);
  shutdown(sv[1], SHUT_WR);
  wait_show("peer SHUT_WR", 8, 0);
  close(sv[1]);
  wait_show("peer closed", 8, 0);
  epoll_ctl(ep, EPOLL_CTL_DEL, sv[0], NULL);

  printf("-- nesting\n");
  int inner = epoll_create1(0);
  int s[2];
  pipe(s);
  struct epoll_event ie = {EPOLLIN, {.u64 = 40}};
  epoll_ctl(inner, EPOLL_CTL_ADD, s[0], &ie);
  add(inner, EPOLLIN, 41);
  e.events = EPOLLIN;
  SHOW("ADD outer to inner (loop)", epoll_ctl(inner, EPOLL_CTL_ADD, ep, &e));
  wait_show("inner idle", 8, 0);
  struct pollfd pf = {inner, POLLIN, 0};
  SHOW("poll inner", poll(&pf, 1, 0));
  write(s[1], "x", 1);
  SHOW("poll inner after write", poll(&pf, 1, 0));
  printf("  revents %#x\n", pf.revents);
  wait_show("outer", 8, 0);
  errno = 0;
  printf("inner: %d\n", epoll_wait(inner, evs, 8, 0));
  epoll_ctl(ep, EPOLL_CTL_DEL, inner, NULL);

  printf("-- timerfd\n");
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  add(t, EPOLLIN, 50);
  struct itimerspec its = {{0, 0}, {0, 30000000}};
  timerfd_settime(t, 0, &its, NULL);
  wait_show("timer armed, no wait", 8, 0);
  wait_show("waiting up to 5 s", 8, 5000);
  uint64_t ticks = 0;
  SHOW("read timer", read(t, &ticks, 8));
  printf("  ticks %llu\n", (unsigned long long)ticks);
  wait_show("timeout 30 ms", 8, 30);
  epoll_ctl(ep, EPOLL_CTL_DEL, t, NULL);

  printf("-- signals\n");
  signal(SIGUSR1, on_usr1);
  sigset_t block, empty;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigemptyset(&empty);
  sigprocmask(SIG_BLOCK, &block, NULL);
  raise(SIGUSR1);
  SHOW("epoll_pwait timeout 0, signal let in", epoll_pwait(ep, evs, 8, 0, &empty));
  printf("handled %d\n", got_usr1);
  SHOW("epoll_pwait forever, signal let in", epoll_pwait(ep, evs, 8, -1, &empty));
  printf("handled %d\n", got_usr1);

  printf("-- a child wakes the parent\n");
  int c[2];
  pipe(c);
  add(c[0], EPOLLIN, 60);
  pid_t pid = fork();
  if (pid == 0) {
    struct timespec d = {0, 20000000};
    nanosleep(&d, NULL);
    write(c[1], "z", 1);
    _exit(0);
  }
  wait_show("blocking wait", 8, -1);
  waitpid(pid, NULL, 0);
  return 0;
}
