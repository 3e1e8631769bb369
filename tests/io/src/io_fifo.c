#include "io_common.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void) {
  char dir[] = "fifo-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir)) return 1;
  SHOW("mkfifo", mkfifo("p", 0640));
  struct stat st;
  SHOW("stat", stat("p", &st));
  printf("  fifo %d mode %o size %ld\n", S_ISFIFO(st.st_mode), st.st_mode & 07777, (long)st.st_size);
  SHOW("mkfifo again", mkfifo("p", 0640));
  SHOW("open O_WRONLY|O_NONBLOCK without a reader", open("p", O_WRONLY | O_NONBLOCK));
  int r = open("p", O_RDONLY | O_NONBLOCK);
  printf("open O_RDONLY|O_NONBLOCK: %s\n", r >= 0 ? "ok" : ename(errno));
  char buf[64];
  SHOW("read with no writer (EOF)", read(r, buf, sizeof buf));
  int w = open("p", O_WRONLY | O_NONBLOCK);
  printf("open O_WRONLY|O_NONBLOCK with a reader: %s\n", w >= 0 ? "ok" : ename(errno));
  SHOW("read with a writer, empty", read(r, buf, sizeof buf));
  SHOW("write", write(w, "hello", 5));
  SHOW("read", read(r, buf, sizeof buf));
  struct stat a, b;
  fstat(w, &a);
  stat("p", &b);
  printf("  fstat is the node: %d fifo %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev, S_ISFIFO(a.st_mode));
  SHOW("lseek", lseek(r, 0, SEEK_SET));
  close(w);
  close(r);
  /* data left in a FIFO nobody has open is gone */
  r = open("p", O_RDONLY | O_NONBLOCK);
  w = open("p", O_WRONLY);
  write(w, "lost", 4);
  close(w);
  close(r);
  r = open("p", O_RDWR);
  printf("open O_RDWR: %s\n", r >= 0 ? "ok" : ename(errno));
  SHOW("O_RDWR: write", write(r, "xy", 2));
  SHOW("O_RDWR: read (nothing left over)", read(r, buf, sizeof buf));
  close(r);
  /* blocking opens meet: a child writes lines, the parent reads them */
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("p", O_WRONLY);
    for (int i = 0; i < 3; i++) dprintf(fd, "line %d\n", i);
    close(fd);
    _exit(0);
  }
  r = open("p", O_RDONLY);
  printf("blocking open met the writer: %s\n", r >= 0 ? "ok" : ename(errno));
  long n, total = 0;
  char all[256];
  while ((n = read(r, all + total, sizeof all - 1 - total)) > 0) total += n;
  all[total] = 0;
  printf("read until EOF: %ld bytes:\n%s", total, all);
  close(r);
  waitpid(pid, NULL, 0);
  /* the reader first this time, and a writer that finds the reader gone gets SIGPIPE */
  pid = fork();
  if (pid == 0) {
    int fd = open("p", O_RDONLY);
    char c;
    read(fd, &c, 1);
    close(fd);
    _exit(c == 'A' ? 0 : 1);
  }
  w = open("p", O_WRONLY);
  signal(SIGPIPE, SIG_IGN);
  SHOW("write A", write(w, "A", 1));
  int status;
  waitpid(pid, &status, 0);
  printf("reader exit %d\n", WEXITSTATUS(status));
  SHOW("write after the reader left", write(w, "B", 1));
  close(w);
  SHOW("open O_CREAT|O_EXCL", open("p", O_WRONLY | O_CREAT | O_EXCL | O_NONBLOCK, 0600));
  SHOW("open O_DIRECTORY", open("p", O_RDONLY | O_DIRECTORY | O_NONBLOCK));
  SHOW("unlink", unlink("p"));
  chdir("..");
  SHOW("rmdir", rmdir(dir));
  return 0;
}
