/* Pipe buffering as Linux does it: page-granular capacity, PIPE_BUF atomicity, F_*PIPE_SZ, poll, EOF, EPIPE. */
#include "io_common.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

static char buf[1 << 17];
static volatile int sigpipes;
static void on_pipe(int s) { (void)s; sigpipes++; }

static void fill(const char *what, int chunk) {
  int p[2];
  pipe2(p, O_NONBLOCK);
  long total = 0;
  int shorts = 0;
  for (;;) {
    ssize_t n = write(p[1], buf, chunk);
    if (n < 0) { printf("%s: %ld bytes, %d short, then %s\n", what, total, shorts, ename(errno)); break; }
    if (n < chunk) shorts++;
    total += n;
  }
  int avail = -1;
  ioctl(p[0], FIONREAD, &avail);
  printf("  FIONREAD %d\n", avail);
  close(p[0]);
  close(p[1]);
}

static int rev(int fd, int events) {
  struct pollfd pf = {fd, events, 0};
  poll(&pf, 1, 0);
  return pf.revents;
}

int main(void) {
  signal(SIGPIPE, on_pipe);
  fill("1-byte writes", 1);
  fill("100-byte writes", 100);
  fill("5000-byte writes", 5000);
  fill("4096-byte writes", 4096);
  fill("100000-byte writes", 100000);

  int p[2];
  pipe2(p, O_NONBLOCK);
  SHOW("fill to 65436", write(p[1], buf, 65436));
  SHOW("200 more (atomic, no room)", write(p[1], buf, 200));
  SHOW("100 more (fits the last page)", write(p[1], buf, 100));
  SHOW("read 4096", read(p[0], buf, 4096));
  SHOW("4096 more", write(p[1], buf, 4096));
  SHOW("1 more", write(p[1], buf, 1));
  printf("poll read end %#x, write end %#x\n", rev(p[0], POLLIN | POLLOUT), rev(p[1], POLLIN | POLLOUT));
  close(p[0]);
  close(p[1]);

  pipe(p);
  SHOW("write 3 pages", write(p[1], buf, 3 * 4096));
  printf("poll read end %#x, write end %#x\n", rev(p[0], POLLIN | POLLOUT), rev(p[1], POLLIN | POLLOUT));
  struct stat st;
  fstat(p[0], &st);
  printf("fstat mode %o\n", st.st_mode);
  SHOW("lseek", lseek(p[0], 0, SEEK_SET));
  SHOW("ftruncate", ftruncate(p[1], 0));
  close(p[1]);
  printf("after writer close: poll %#x\n", rev(p[0], POLLIN | POLLOUT));
  SHOW("read", read(p[0], buf, sizeof buf));
  SHOW("read at EOF", read(p[0], buf, sizeof buf));
  close(p[0]);

  pipe(p);
  close(p[0]);
  printf("no reader: poll %#x\n", rev(p[1], POLLIN | POLLOUT));
  SHOW("write without reader", write(p[1], "x", 1));
  printf("SIGPIPE count %d\n", sigpipes);
  close(p[1]);

  return 0;
}
