/* What needs fs.ts to hand over to this module's files: fcntls of pipes and memfds (F_GETPIPE_SZ/F_SETPIPE_SZ,
 * F_ADD_SEALS/F_GET_SEALS), pipe2(O_DIRECT) packet mode, fchmod of a memfd. */
#include "io_common.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

static char buf[1 << 17];

int main(void) {
  int p[2];
  pipe(p);
  SHOW("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
  SHOW("F_SETPIPE_SZ 1", fcntl(p[1], F_SETPIPE_SZ, 1));
  SHOW("F_SETPIPE_SZ 5000", fcntl(p[1], F_SETPIPE_SZ, 5000));
  SHOW("F_SETPIPE_SZ 100000", fcntl(p[1], F_SETPIPE_SZ, 100000));
  SHOW("F_SETPIPE_SZ 0", fcntl(p[1], F_SETPIPE_SZ, 0));
  SHOW("F_SETPIPE_SZ -1", fcntl(p[1], F_SETPIPE_SZ, -1));
  SHOW("F_SETPIPE_SZ 65536", fcntl(p[1], F_SETPIPE_SZ, 65536));
  SHOW("write 3 pages", write(p[1], buf, 3 * 4096));
  SHOW("F_SETPIPE_SZ 8192 (busy)", fcntl(p[1], F_SETPIPE_SZ, 8192));
  SHOW("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
  SHOW("F_GETPIPE_SZ on a regular file", fcntl(open("/proc/self/cmdline", O_RDONLY), F_GETPIPE_SZ));
  close(p[0]);
  close(p[1]);
  /* packet mode */
  SHOW("pipe2 O_DIRECT", pipe2(p, O_DIRECT));
  {
    write(p[1], "abc", 3);
    write(p[1], "de", 2);
    SHOW("packet read 2", read(p[0], buf, 2));
    SHOW("packet read 10", read(p[0], buf, 10));
    printf("data %.2s\n", buf);
  }

  printf("-- seals\n");
  int fd = memfd_create("sealed", MFD_ALLOW_SEALING);
  SHOW("F_GET_SEALS", fcntl(fd, F_GET_SEALS));
  write(fd, "abcd", 4);
  SHOW("F_ADD_SEALS shrink|grow", fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW));
  SHOW("ftruncate 2", ftruncate(fd, 2));
  SHOW("ftruncate 8", ftruncate(fd, 8));
  SHOW("overwrite inside", pwrite(fd, "xy", 2, 1));
  SHOW("write past the end", pwrite(fd, "xyz", 3, 3));
  SHOW("F_ADD_SEALS write|seal", fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SEAL));
  SHOW("write", pwrite(fd, "q", 1, 0));
  SHOW("F_ADD_SEALS after F_SEAL_SEAL", fcntl(fd, F_ADD_SEALS, F_SEAL_GROW));
  SHOW("F_ADD_SEALS unknown", fcntl(fd, F_ADD_SEALS, 0x1000));
  SHOW("F_GET_SEALS", fcntl(fd, F_GET_SEALS));
  int plain = memfd_create("plain", 0);
  SHOW("F_GET_SEALS without MFD_ALLOW_SEALING", fcntl(plain, F_GET_SEALS));
  SHOW("F_ADD_SEALS without MFD_ALLOW_SEALING", fcntl(plain, F_ADD_SEALS, F_SEAL_GROW));
  SHOW("F_GET_SEALS on a pipe", fcntl(p[0], F_GET_SEALS));
  SHOW("fchmod a memfd", fchmod(plain, 0600));
  struct stat st;
  fstat(plain, &st);
  printf("mode after fchmod %o\n", st.st_mode);
  return 0;
}
