/* inotify: the events a program's own file operations produce, on a directory watch and a file watch
   (kept in separate instances, whose relative order Linux does not fix), as names and masks. */
#include "io_common.h"
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

static const char *names[] = {"ACCESS", "MODIFY", "ATTRIB", "CLOSE_WRITE", "CLOSE_NOWRITE", "OPEN", "MOVED_FROM",
                              "MOVED_TO", "CREATE", "DELETE", "DELETE_SELF", "MOVE_SELF"};
static unsigned last_cookie;

static void drain(const char *label, int fd) {
  char buf[4096] __attribute__((aligned(8)));
  printf("%s:", label);
  for (;;) {
    long n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    for (char *p = buf; p < buf + n;) {
      struct inotify_event *e = (struct inotify_event *)p;
      printf(" [wd%d", e->wd);
      for (int i = 0; i < 12; i++)
        if (e->mask & (1u << i)) printf(" %s", names[i]);
      if (e->mask & IN_ISDIR) printf(" ISDIR");
      if (e->mask & IN_IGNORED) printf(" IGNORED");
      if (e->mask & IN_Q_OVERFLOW) printf(" OVERFLOW");
      if (e->len) printf(" \"%s\"", e->name);
      if (e->cookie) printf(" cookie%s", e->cookie == last_cookie ? "=" : "");
      if (e->cookie) last_cookie = e->cookie;
      printf("]");
      p += sizeof *e + e->len;
    }
  }
  printf("\n");
}

int main(void) {
  char dir[] = "inotify-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir)) return 1;
  int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  int in2 = inotify_init1(IN_NONBLOCK);
  printf("init: %d %d\n", in >= 0, in2 >= 0);
  SHOW("watch .", inotify_add_watch(in, ".", IN_ALL_EVENTS));
  SHOW("read with nothing queued", read(in, (char[64]){0}, 64));

  int fd = open("a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, "hello", 5);
  write(fd, "!", 1);
  close(fd);
  drain("create, write, close", in);

  SHOW("watch a.txt", inotify_add_watch(in2, "a.txt", IN_ALL_EVENTS));
  SHOW("watch a.txt again (same wd)", inotify_add_watch(in2, "a.txt", IN_MODIFY | IN_MASK_ADD));
  SHOW("watch a.txt with IN_MASK_CREATE", inotify_add_watch(in2, "a.txt", IN_MODIFY | IN_MASK_CREATE));
  fd = open("a.txt", O_RDONLY);
  char b[16];
  read(fd, b, sizeof b);
  close(fd);
  drain("dir: open, read, close", in);
  drain("file: open, read, close", in2);

  int avail = -1;
  chmod("a.txt", 0600);
  ioctl(in, FIONREAD, &avail);
  printf("FIONREAD after chmod: %d\n", avail);
  SHOW("read into 8 bytes (too small)", read(in, b, 8));
  truncate("a.txt", 2);
  drain("dir: chmod, truncate", in);
  drain("file: chmod, truncate", in2);

  mkdir("sub", 0755);
  rename("a.txt", "sub/b.txt");
  rename("sub/b.txt", "c.txt");
  drain("dir: mkdir, rename out, rename back in", in);
  drain("file: moved twice", in2);

  link("c.txt", "d.txt");
  symlink("c.txt", "l");
  unlink("d.txt");
  unlink("c.txt");
  drain("dir: link, symlink, unlink twice", in);
  drain("file: link, unlink, unlink the last name", in2);

  SHOW("watch sub (IN_ONLYDIR)", inotify_add_watch(in2, "sub", IN_ALL_EVENTS | IN_ONLYDIR));
  SHOW("watch l (IN_ONLYDIR)", inotify_add_watch(in2, "l", IN_ALL_EVENTS | IN_ONLYDIR));
  SHOW("watch a missing file", inotify_add_watch(in2, "nope", IN_ALL_EVENTS));
  SHOW("watch with no events", inotify_add_watch(in2, "sub", 0));
  int wd = inotify_add_watch(in2, "sub", IN_ALL_EVENTS);
  SHOW("rm_watch", inotify_rm_watch(in2, wd));
  SHOW("rm_watch again", inotify_rm_watch(in2, wd));
  drain("file instance after rm_watch", in2);
  SHOW("rm_watch on a pipe", inotify_rm_watch(0, 1));

  int osh = inotify_add_watch(in2, "sub", IN_CREATE | IN_ONESHOT);
  close(open("sub/x", O_WRONLY | O_CREAT, 0600));
  close(open("sub/y", O_WRONLY | O_CREAT, 0600));
  drain("oneshot", in2);
  (void)osh;

  unlink("sub/x");
  unlink("sub/y");
  rmdir("sub");
  unlink("l");
  drain("dir: the rest", in);

  struct pollfd pf = {in, POLLIN, 0};
  SHOW("poll with nothing queued", poll(&pf, 1, 0));
  close(open("z", O_WRONLY | O_CREAT, 0600));
  SHOW("poll after a create", poll(&pf, 1, 0));
  unlink("z");
  drain("z", in);
  close(in);
  close(in2);
  chdir("..");
  SHOW("rmdir", rmdir(dir));
  return 0;
}
