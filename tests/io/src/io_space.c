/* fallocate as tmpfs does it (extend, keep the size, punch holes), posix_fallocate, syncfs, sync_file_range,
   readahead, and preadv2/pwritev2 without flags (qemu-aarch64 7.2 refuses any RWF_* flag and fchmodat2: those
   are checked against Linux's semantics in src/core/linux/calls/io.test.ts). */
#include "io_common.h"
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>

static long size_of(int fd) { struct stat st; fstat(fd, &st); return (long)st.st_size; }

int main(void) {
  char dir[] = "space-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir)) return 1;
  int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
  write(fd, "abcdefghij", 10);
  SHOW("fallocate 0..100", fallocate(fd, 0, 0, 100));
  printf("  size %ld\n", size_of(fd));
  SHOW("fallocate KEEP_SIZE 0..200", fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 200));
  printf("  size %ld\n", size_of(fd));
  SHOW("PUNCH_HOLE 2..5", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 2, 3));
  char b[16] = {0};
  pread(fd, b, 10, 0);
  printf("  bytes:");
  for (int i = 0; i < 10; i++) printf(" %02x", (unsigned char)b[i]);
  printf("\n");
  SHOW("PUNCH_HOLE without KEEP_SIZE", fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 1));
  SHOW("len 0", fallocate(fd, 0, 0, 0));
  SHOW("offset -1", fallocate(fd, 0, -1, 5));
  SHOW("unknown mode", fallocate(fd, 0x1000, 0, 5));
  int ro = open("f", O_RDONLY);
  SHOW("read-only fd", fallocate(ro, 0, 0, 5));
  int p[2];
  pipe(p);
  SHOW("a pipe", fallocate(p[1], 0, 0, 5));
  SHOW("posix_fallocate to 300 (returns the error)", posix_fallocate(fd, 250, 50));
  printf("  size %ld\n", size_of(fd));
  SHOW("syncfs", syncfs(fd));
  SHOW("syncfs bad fd", syncfs(99));
  SHOW("sync_file_range", sync_file_range(fd, 0, 10, SYNC_FILE_RANGE_WRITE));
  SHOW("sync_file_range bad flags", sync_file_range(fd, 0, 10, 8));
  SHOW("sync_file_range a pipe", sync_file_range(p[1], 0, 10, 0));
  SHOW("readahead", readahead(ro, 0, 4096));
  SHOW("readahead a pipe", readahead(p[0], 0, 4096));
  int opath = open("f", O_PATH);
  SHOW("readahead an O_PATH fd", readahead(opath, 0, 4096));
  SHOW("fallocate an O_PATH fd", fallocate(opath, 0, 0, 5));
  close(opath);
  /* preadv2/pwritev2 */
  char x[4] = {0}, y[4] = {0};
  struct iovec iv[2] = {{x, 3}, {y, 3}};
  lseek(fd, 0, SEEK_SET);
  SHOW("preadv2 at 0", preadv2(fd, iv, 2, 0, 0));
  printf("  \"%s\" + \"%s\", position %ld\n", x, y, (long)lseek(fd, 0, SEEK_CUR));
  SHOW("preadv2 at -1 (the position)", preadv2(fd, iv, 1, -1, 0));
  printf("  position %ld\n", (long)lseek(fd, 0, SEEK_CUR));
  SHOW("preadv2 bad flags", preadv2(fd, iv, 1, 0, 0x100));
  struct iovec w = {"XYZ", 3};
  SHOW("pwritev2 at 1", pwritev2(fd, &w, 1, 1, 0));
  pread(fd, b, 6, 0);
  printf("  starts %.6s\n", b);
  SHOW("pwritev2 at -1 (the position)", pwritev2(fd, &w, 1, -1, 0));
  printf("  position %ld\n", (long)lseek(fd, 0, SEEK_CUR));
  SHOW("pwritev2 at -2", pwritev2(fd, &w, 1, -2, 0));
  unlink("f");
  chdir("..");
  SHOW("rmdir", rmdir(dir));
  return 0;
}
