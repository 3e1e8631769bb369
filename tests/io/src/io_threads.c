/* Threads of one process waking each other through eventfd, epoll, poll and a socketpair. */
#include "io_common.h"
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>

static int efd, sv[2];

static void nap(int ms) {
  struct timespec d = {0, ms * 1000000L};
  nanosleep(&d, NULL);
}

static void *poster(void *arg) {
  (void)arg;
  for (int i = 1; i <= 5; i++) {
    nap(3);
    uint64_t v = i;
    write(efd, &v, 8);
  }
  nap(3);
  send(sv[1], "done", 4, 0);
  return NULL;
}

static void *blocked_reader(void *arg) {
  char b[8] = {0};
  ssize_t n = recv(sv[0], b, sizeof b, MSG_WAITALL);
  snprintf(arg, 32, "%zd %.8s", n, b);
  return NULL;
}

int main(void) {
  efd = eventfd(0, EFD_SEMAPHORE);
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  int ep = epoll_create1(0);
  struct epoll_event e = {EPOLLIN, {.u32 = 1}};
  epoll_ctl(ep, EPOLL_CTL_ADD, efd, &e);
  struct epoll_event se = {EPOLLIN, {.u32 = 2}};
  epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &se);
  pthread_t t;
  pthread_create(&t, NULL, poster, NULL);
  int sem = 0, sock = 0;
  while (!sock) {
    struct epoll_event got[2];
    int n = epoll_wait(ep, got, 2, 5000);
    if (n <= 0) { printf("epoll_wait %d\n", n); break; }
    for (int i = 0; i < n; i++) {
      if (got[i].data.u32 == 1) {
        uint64_t v;
        while (sem < 15 && read(efd, &v, 8) == 8) {
          sem++;
          struct pollfd pf = {efd, POLLIN, 0};
          if (poll(&pf, 1, 0) == 0) break;
        }
      } else {
        char b[8];
        recv(sv[0], b, sizeof b, 0);
        sock = 1;
      }
    }
  }
  pthread_join(t, NULL);
  printf("semaphore units taken %d, socket message seen %d\n", sem, sock);

  char result[32];
  pthread_t r;
  pthread_create(&r, NULL, blocked_reader, result);
  nap(10);
  send(sv[1], "abc", 3, 0);
  nap(10);
  send(sv[1], "defgh", 5, 0);
  pthread_join(r, NULL);
  printf("MSG_WAITALL in a thread: %s\n", result);
  return 0;
}
