/* An event loop as servers write one: non-blocking listener and connections under edge-triggered epoll,
 * clients in child processes, echoing until every client has hung up. */
#include "io_common.h"
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

#define CLIENTS 4

static int client(int id, struct sockaddr_un *a, socklen_t alen) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (connect(s, (struct sockaddr *)a, alen) < 0) return 10;
  char msg[64], back[64];
  for (int round = 0; round < 3; round++) {
    int n = snprintf(msg, sizeof msg, "client %d round %d", id, round);
    struct timespec d = {0, (id * 3 + round) * 2000000L};
    nanosleep(&d, NULL);
    if (write(s, msg, n) != n) return 11;
    int got = 0;
    while (got < n) {
      ssize_t r = read(s, back + got, n - got);
      if (r <= 0) return 12;
      got += r;
    }
    if (memcmp(msg, back, n) != 0) return 13;
  }
  shutdown(s, SHUT_WR);
  char c;
  return read(s, &c, 1) == 0 ? 0 : 14;
}

int main(void) {
  struct sockaddr_un a;
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  int n = snprintf(a.sun_path + 1, sizeof a.sun_path - 1, "a64io-echo-%d", (int)getpid());
  socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 + n;
  int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (bind(l, (struct sockaddr *)&a, alen) < 0 || listen(l, 16) < 0) return 1;
  pid_t kids[CLIENTS];
  for (int i = 0; i < CLIENTS; i++) {
    kids[i] = fork();
    if (kids[i] == 0) _exit(client(i, &a, alen));
  }
  int ep = epoll_create1(0);
  struct epoll_event e = {EPOLLIN | EPOLLET, {.fd = l}};
  epoll_ctl(ep, EPOLL_CTL_ADD, l, &e);
  int open_conns = 0, accepted = 0, hangups = 0;
  long echoed = 0;
  while (accepted < CLIENTS || open_conns > 0) {
    struct epoll_event evs[8];
    int k = epoll_wait(ep, evs, 8, 10000);
    if (k <= 0) { printf("epoll_wait gave %d\n", k); break; }
    for (int i = 0; i < k; i++) {
      int fd = evs[i].data.fd;
      if (fd == l) {
        for (;;) {
          int c = accept4(l, NULL, NULL, SOCK_NONBLOCK);
          if (c < 0) break;
          struct epoll_event ce = {EPOLLIN | EPOLLRDHUP | EPOLLET, {.fd = c}};
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
          accepted++;
          open_conns++;
        }
        continue;
      }
      for (;;) {
        char buf[256];
        ssize_t r = read(fd, buf, sizeof buf);
        if (r > 0) {
          echoed += write(fd, buf, r);
          continue;
        }
        if (r == 0) {
          hangups++;
          open_conns--;
          close(fd);
        }
        break;
      }
    }
  }
  printf("accepted %d, hangups %d, echoed %ld bytes\n", accepted, hangups, echoed);
  for (int i = 0; i < CLIENTS; i++) {
    int st = 0;
    waitpid(kids[i], &st, 0);
    printf("client %d: exit %d\n", i, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  return 0;
}
