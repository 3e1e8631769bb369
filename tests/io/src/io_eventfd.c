/* eventfd and timerfd: counters, EFD_SEMAPHORE, overflow, non-blocking reads, expiration counts, settime/gettime. */
#include "io_common.h"
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>

static int rev(int fd) {
  struct pollfd pf = {fd, POLLIN | POLLOUT, 0};
  poll(&pf, 1, 0);
  return pf.revents;
}

static void link_of(int fd) {
  char path[64], target[128];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(path, target, sizeof target - 1);
  target[n < 0 ? 0 : n] = 0;
  printf("  link %s\n", target);
}

int main(void) {
  uint64_t v = 0;
  SHOW("eventfd bad flags", syscall(SYS_eventfd2, 0, 0x10));
  int e = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
  SHOW("F_GETFL & O_NONBLOCK", fcntl(e, F_GETFL) & O_NONBLOCK);
  SHOW("F_GETFD", fcntl(e, F_GETFD));
  link_of(e);
  struct stat st;
  fstat(e, &st);
  printf("  mode %o\n", st.st_mode);
  printf("poll %#x\n", rev(e));
  SHOW("read 4 bytes", read(e, &v, 4));
  SHOW("read", read(e, &v, 8));
  printf("  value %llu\n", (unsigned long long)v);
  SHOW("read empty", read(e, &v, 8));
  printf("poll %#x\n", rev(e));
  v = 0xfffffffffffffffeULL;
  SHOW("write max", write(e, &v, 8));
  printf("poll %#x\n", rev(e));
  v = 1;
  SHOW("write 1 more", write(e, &v, 8));
  v = 0;
  SHOW("write 0", write(e, &v, 8));
  v = 0xffffffffffffffffULL;
  SHOW("write 2^64-1", write(e, &v, 8));
  SHOW("write 4 bytes", write(e, &v, 4));
  SHOW("read", read(e, &v, 8));
  printf("  value %llx\n", (unsigned long long)v);
  close(e);

  int s = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  for (int i = 0; i < 3; i++) {
    v = 0;
    SHOW("semaphore read", read(s, &v, 8));
    printf("  value %llu\n", (unsigned long long)v);
  }
  close(s);

  /* a blocking read woken by a child */
  int b = eventfd(0, 0);
  pid_t pid = fork();
  if (pid == 0) {
    struct timespec d = {0, 20000000};
    nanosleep(&d, NULL);
    uint64_t seven = 7;
    write(b, &seven, 8);
    _exit(0);
  }
  SHOW("blocking read", read(b, &v, 8));
  printf("  value %llu\n", (unsigned long long)v);
  waitpid(pid, NULL, 0);

  printf("-- timerfd\n");
  SHOW("create bad clock", timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0));
  SHOW("create bad flags", timerfd_create(CLOCK_MONOTONIC, 1));
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  link_of(t);
  struct itimerspec its = {{0, 0}, {0, 0}}, old;
  SHOW("read disarmed", read(t, &v, 8));
  SHOW("read 4 bytes", read(t, &v, 4));
  SHOW("write", write(t, &v, 8));
  its.it_value.tv_nsec = 1000000000;
  SHOW("settime bad nsec", timerfd_settime(t, 0, &its, NULL));
  its.it_value.tv_nsec = 0;
  its.it_value.tv_sec = -1;
  SHOW("settime negative", timerfd_settime(t, 0, &its, NULL));
  SHOW("settime bad flags", timerfd_settime(t, 4, &its, NULL));
  its.it_value.tv_sec = 100;
  its.it_interval.tv_sec = 7;
  SHOW("settime 100 s, interval 7 s", timerfd_settime(t, 0, &its, NULL));
  timerfd_gettime(t, &old);
  printf("  gettime interval %ld value > 99 s: %d\n", (long)old.it_interval.tv_sec, old.it_value.tv_sec >= 99);
  struct itimerspec zero = {{0, 0}, {0, 0}};
  SHOW("disarm", timerfd_settime(t, 0, &zero, &old));
  printf("  old interval %ld, value > 99 s: %d\n", (long)old.it_interval.tv_sec, old.it_value.tv_sec >= 99);
  timerfd_gettime(t, &old);
  printf("  now %ld.%09ld / %ld.%09ld\n", (long)old.it_interval.tv_sec, old.it_interval.tv_nsec, (long)old.it_value.tv_sec, old.it_value.tv_nsec);
  SHOW("gettime on an eventfd", timerfd_gettime(b, &old));

  /* one-shot, absolute time in the past: fires at once */
  its = (struct itimerspec){{0, 0}, {0, 1}};
  SHOW("settime ABSTIME in the past", timerfd_settime(t, TFD_TIMER_ABSTIME, &its, NULL));
  printf("poll %#x\n", rev(t));
  SHOW("read", read(t, &v, 8));
  printf("  ticks %llu\n", (unsigned long long)v);
  timerfd_gettime(t, &old);
  printf("  expired one-shot: value %ld.%09ld\n", (long)old.it_value.tv_sec, old.it_value.tv_nsec);

  /* periodic: 10 ms period, read after >= 55 ms: at least 5 expirations */
  its = (struct itimerspec){{0, 10000000}, {0, 10000000}};
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  timerfd_settime(t, 0, &its, NULL);
  struct timespec d = {0, 55000000};
  nanosleep(&d, NULL);
  SHOW("read periodic", read(t, &v, 8));
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long elapsed_ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  printf("  ticks >= 5: %d, no more than the periods elapsed: %d\n", v >= 5, (long)v <= elapsed_ms / 10 + 1);
  timerfd_gettime(t, &old);
  printf("  next within the period: %d\n", old.it_value.tv_sec == 0 && old.it_value.tv_nsec <= 10000000);
  timerfd_settime(t, 0, &zero, NULL);

  /* a blocking read waits for the expiration */
  int bt = timerfd_create(CLOCK_REALTIME, 0);
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  its = (struct itimerspec){{0, 0}, now};
  its.it_value.tv_nsec += 30000000;
  if (its.it_value.tv_nsec >= 1000000000) { its.it_value.tv_nsec -= 1000000000; its.it_value.tv_sec++; }
  timerfd_settime(bt, TFD_TIMER_ABSTIME, &its, NULL);
  SHOW("blocking read, realtime ABSTIME", read(bt, &v, 8));
  printf("  ticks %llu\n", (unsigned long long)v);
  return 0;
}
