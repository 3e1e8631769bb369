/* memfd_create: flags, names, /proc/self/fd, fstat, reading and writing, MAP_SHARED, epoll refusing it. */
#include "io_common.h"
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void) {
  SHOW("bad flags", memfd_create("x", 0x100));
  SHOW("MFD_EXEC|MFD_NOEXEC_SEAL", memfd_create("x", 0x10 | 0x8));
  char name[300];
  memset(name, 'n', sizeof name);
  name[249] = 0;
  SHOW("249-byte name", memfd_create(name, 0) >= 0);
  name[249] = 'n';
  name[250] = 0;
  SHOW("250-byte name", memfd_create(name, 0));
  SHOW("bad name pointer", syscall(SYS_memfd_create, 8, 0));
  int fd = memfd_create("hello world", MFD_CLOEXEC);
  SHOW("F_GETFD", fcntl(fd, F_GETFD));
  SHOW("F_GETFL & O_ACCMODE", fcntl(fd, F_GETFL) & O_ACCMODE);
  char path[64], target[300];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(path, target, sizeof target - 1);
  target[n < 0 ? 0 : n] = 0;
  printf("link %s\n", target);
  struct stat st;
  fstat(fd, &st);
  printf("mode %o nlink %d size %ld\n", st.st_mode, (int)st.st_nlink, (long)st.st_size);
  SHOW("write", write(fd, "0123456789", 10));
  SHOW("lseek", lseek(fd, 2, SEEK_SET));
  char b[16] = {0};
  SHOW("read", read(fd, b, 4));
  printf("  %s\n", b);
  SHOW("ftruncate 8192", ftruncate(fd, 8192));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  printf("mmap ok %d, sees %.3s\n", m != MAP_FAILED, m);
  memcpy(m + 4096, "mapped", 6);
  memset(b, 0, sizeof b);
  SHOW("pread what the mapping wrote", pread(fd, b, 6, 4096));
  printf("  %s\n", b);
  munmap(m, 8192);
  int ep = epoll_create1(0);
  struct epoll_event e = {EPOLLIN, {0}};
  SHOW("epoll_ctl ADD a memfd", epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e));
  int ns = memfd_create("noexec", 0x8 /* MFD_NOEXEC_SEAL */);
  if (ns >= 0) {
    fstat(ns, &st);
    printf("MFD_NOEXEC_SEAL mode %o\n", st.st_mode);
  }
  return 0;
}
