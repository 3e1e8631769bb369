/* Calls programs make about files besides read and write: extended attributes (none here: ls -l asks
   for SELinux labels and ACLs), chmod through /proc/self/fd (glibc's fchmodat(AT_SYMLINK_NOFOLLOW),
   which tar -x uses), O_PATH descriptors, nice values, close_range, sendfile, copy_file_range and mknod;
   and membarrier, which JIT runtimes (wasmtime) call before running code they wrote.
   (PRIO_PGRP is left out: under qemu the group holds whatever host processes share it.) */
#include "io_common.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>

static void put(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, text, strlen(text));
  close(fd);
}

static void show_file(const char *label, const char *path) {
  char b[128] = {0};
  int fd = open(path, O_RDONLY);
  long n = read(fd, b, sizeof b - 1);
  close(fd);
  printf("%s: %ld \"%s\"\n", label, n, b);
}

static unsigned mode_of(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? st.st_mode & 07777 : 0;
}

int main(void) {
  char dir[] = "fsmisc-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir)) return 1;
  put("f", "0123456789abcdef");
  mkdir("d", 0755);
  symlink("f", "l");
  char buf[64];

  /* extended attributes: none to read, an empty list, the name checked first */
  SHOW("getxattr user.x", getxattr("f", "user.x", buf, sizeof buf));
  SHOW("lgetxattr of a symlink", lgetxattr("l", "user.x", buf, sizeof buf));
  SHOW("getxattr of a missing file", getxattr("nope", "user.x", buf, sizeof buf));
  SHOW("getxattr through a file", getxattr("f/x", "user.x", buf, sizeof buf));
  SHOW("getxattr unknown namespace", getxattr("f", "bogus.x", buf, sizeof buf));
  SHOW("getxattr empty name", getxattr("f", "", buf, sizeof buf));
  char longname[300];
  memset(longname, 'a', sizeof longname);
  memcpy(longname, "user.", 5);
  longname[299] = 0;
  SHOW("getxattr 299-byte name", getxattr("f", longname, buf, sizeof buf));
  int fd = open("f", O_RDONLY);
  SHOW("fgetxattr", fgetxattr(fd, "user.x", buf, sizeof buf));
  SHOW("fgetxattr bad fd", fgetxattr(-1, "user.x", buf, sizeof buf));
  SHOW("listxattr", listxattr("f", buf, sizeof buf));
  SHOW("listxattr size 0", listxattr("d", NULL, 0));
  SHOW("llistxattr", llistxattr("l", buf, sizeof buf));
  SHOW("flistxattr", flistxattr(fd, buf, sizeof buf));
  SHOW("listxattr of a missing file", listxattr("nope", buf, sizeof buf));
  SHOW("setxattr bad flags", setxattr("f", "user.x", "v", 1, 8));
  SHOW("setxattr missing file", setxattr("nope", "user.x", "v", 1, 0));
  SHOW("removexattr user.x", removexattr("f", "user.x"));
  SHOW("removexattr missing file", removexattr("nope", "user.x"));
  close(fd);

  /* chmod through /proc/self/fd and O_PATH descriptors */
  int pfd = open("f", O_PATH);
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", pfd);
  SHOW("chmod /proc/self/fd/N 0600", chmod(proc, 0600));
  printf("  mode %o\n", mode_of("f"));
  SHOW("fchmod of an O_PATH fd", fchmod(pfd, 0644));
  SHOW("fchown of an O_PATH fd", fchown(pfd, 0, 0));
  SHOW("fgetxattr of an O_PATH fd", fgetxattr(pfd, "user.x", buf, sizeof buf));
  struct stat st;
  SHOW("fstat of an O_PATH fd", fstat(pfd, &st));
  printf("  size %ld\n", (long)st.st_size);
  close(pfd);
  SHOW("fchmodat AT_SYMLINK_NOFOLLOW 0640", fchmodat(AT_FDCWD, "f", 0640, AT_SYMLINK_NOFOLLOW));
  printf("  mode %o\n", mode_of("f"));
  SHOW("fchmodat AT_SYMLINK_NOFOLLOW of a dir 0700", fchmodat(AT_FDCWD, "d", 0700, AT_SYMLINK_NOFOLLOW));
  printf("  mode %o\n", mode_of("d"));
  SHOW("chmod /proc/self/cwd/f 0644", chmod("/proc/self/cwd/f", 0644));
  printf("  mode %o\n", mode_of("f"));
  int dfd = open("d", O_RDONLY | O_DIRECTORY);
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", dfd);
  SHOW("truncate /proc/self/fd/N of a dir", truncate(proc, 0));
  close(dfd);

  /* nice values: per thread, inherited, clamped; the raw call answers 20 - nice */
  SHOW("getpriority", getpriority(PRIO_PROCESS, 0));
  SHOW("raw getpriority", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  SHOW("nice(5)", nice(5));
  SHOW("getpriority after nice(5)", getpriority(PRIO_PROCESS, 0));
  SHOW("setpriority 10", setpriority(PRIO_PROCESS, 0, 10));
  SHOW("raw getpriority", syscall(SYS_getpriority, PRIO_PROCESS, 0));
  SHOW("setpriority 99 (clamped)", setpriority(PRIO_PROCESS, 0, 99));
  SHOW("getpriority", getpriority(PRIO_PROCESS, 0));
  SHOW("getpriority bad which", getpriority(7, 0));
  SHOW("getpriority no such pid", getpriority(PRIO_PROCESS, 999999));
  pid_t child = fork();
  if (child == 0) {
    printf("  child inherits: %d\n", getpriority(PRIO_PROCESS, 0));
    fflush(stdout);
    _exit(0);
  }
  waitpid(child, NULL, 0);
  SHOW("setpriority back to 0", setpriority(PRIO_PROCESS, 0, 0));

  /* close_range */
  int a = open("f", O_RDONLY), b = dup(a), c2 = dup(a), d2 = dup(a);
  SHOW("close_range CLOEXEC b..c", syscall(SYS_close_range, b, c2, 4));
  printf("  flags a %d b %d c %d d %d\n", fcntl(a, F_GETFD), fcntl(b, F_GETFD), fcntl(c2, F_GETFD), fcntl(d2, F_GETFD));
  SHOW("close_range b..~0", syscall(SYS_close_range, b, ~0U, 0));
  printf("  open: a %d b %d c %d d %d\n", fcntl(a, F_GETFD) >= 0, fcntl(b, F_GETFD) >= 0, fcntl(c2, F_GETFD) >= 0, fcntl(d2, F_GETFD) >= 0);
  SHOW("close_range first > last", syscall(SYS_close_range, 9, 8, 0));
  SHOW("close_range bad flags", syscall(SYS_close_range, 100, 200, 1));
  SHOW("close_range UNSHARE", syscall(SYS_close_range, 100, 200, 2));
  close(a);

  /* sendfile and copy_file_range */
  int in = open("f", O_RDONLY);
  int out = open("g", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  off_t off = 4;
  SHOW("sendfile 5 from offset 4", sendfile(out, in, &off, 5));
  printf("  offset now %ld, file position %ld\n", (long)off, (long)lseek(in, 0, SEEK_CUR));
  SHOW("sendfile 3 from the file position", sendfile(out, in, NULL, 3));
  printf("  file position %ld\n", (long)lseek(in, 0, SEEK_CUR));
  show_file("g", "g");
  int p[2];
  pipe(p);
  off = 10;
  SHOW("sendfile into a pipe", sendfile(p[1], in, &off, 100));
  long n = read(p[0], buf, sizeof buf);
  printf("  pipe holds %ld \"%.*s\"\n", n, (int)n, buf);
  SHOW("sendfile from a write-only fd", sendfile(p[1], out, NULL, 4));
  SHOW("sendfile from a pipe", sendfile(out, p[0], NULL, 4));
  int app = open("g", O_WRONLY | O_APPEND);
  SHOW("sendfile to O_APPEND", sendfile(app, in, NULL, 4));
  SHOW("sendfile at EOF", sendfile(p[1], in, &(off_t){100}, 4));
  loff_t oi = 2, oo = 1;
  SHOW("copy_file_range 6 with offsets", copy_file_range(in, &oi, out, &oo, 6, 0));
  printf("  offsets %ld %ld\n", (long)oi, (long)oo);
  show_file("g", "g");
  lseek(in, 12, SEEK_SET);
  lseek(out, 0, SEEK_END);
  SHOW("copy_file_range to the end, positions", copy_file_range(in, NULL, out, NULL, 100, 0));
  printf("  positions %ld %ld\n", (long)lseek(in, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
  show_file("g", "g");
  SHOW("copy_file_range flags 1", copy_file_range(in, NULL, out, NULL, 4, 1));
  SHOW("copy_file_range to a pipe", copy_file_range(in, NULL, p[1], NULL, 4, 0));
  int dirfd = open("d", O_RDONLY);
  SHOW("copy_file_range from a dir", copy_file_range(dirfd, NULL, out, NULL, 4, 0));
  SHOW("copy_file_range to O_APPEND", copy_file_range(in, &(loff_t){0}, app, NULL, 4, 0));
  int same = open("g", O_RDWR);
  SHOW("copy_file_range overlapping", copy_file_range(same, &(loff_t){0}, same, &(loff_t){2}, 4, 0));
  SHOW("copy_file_range same file apart", copy_file_range(same, &(loff_t){0}, same, &(loff_t){20}, 4, 0));
  show_file("g", "g");
  SHOW("copy_file_range length 0", copy_file_range(in, NULL, out, NULL, 0, 0));

  /* mknod of a regular file */
  SHOW("mknod S_IFREG", mknod("r", S_IFREG | 0600, 0));
  printf("  mode %o\n", mode_of("r"));
  SHOW("mknod existing", mknod("r", S_IFREG | 0600, 0));
  SHOW("mknod bad type", mknod("x", 0170000 | 0600, 0));

  /* membarrier: private commands need registering first */
  long q = syscall(SYS_membarrier, 0, 0, 0);
  printf("membarrier query has the private expedited commands: %d\n", (q & 0x78) == 0x78);
  SHOW("membarrier PRIVATE_EXPEDITED_SYNC_CORE", syscall(SYS_membarrier, 32, 0, 0));
  SHOW("membarrier REGISTER_PRIVATE_EXPEDITED_SYNC_CORE", syscall(SYS_membarrier, 64, 0, 0));
  SHOW("membarrier PRIVATE_EXPEDITED_SYNC_CORE", syscall(SYS_membarrier, 32, 0, 0));
  SHOW("membarrier PRIVATE_EXPEDITED", syscall(SYS_membarrier, 8, 0, 0));
  SHOW("membarrier REGISTER_PRIVATE_EXPEDITED", syscall(SYS_membarrier, 16, 0, 0));
  SHOW("membarrier PRIVATE_EXPEDITED", syscall(SYS_membarrier, 8, 0, 0));
  SHOW("membarrier bad flags", syscall(SYS_membarrier, 8, 2, 0));
  SHOW("membarrier two commands", syscall(SYS_membarrier, 24, 0, 0));
  SHOW("membarrier query with flags", syscall(SYS_membarrier, 0, 1, 0));

  unlink("f"); unlink("g"); unlink("l"); unlink("r"); rmdir("d");
  chdir("..");
  SHOW("rmdir", rmdir(dir));
  return 0;
}
