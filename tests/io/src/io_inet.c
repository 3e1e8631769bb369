/* TCP and UDP between processes on this machine: 127.0.0.1 and ::1. Ports are ephemeral (bind to port 0)
   and are printed only as comparisons, never as numbers. */
#include "io_common.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>

static int port_of(int fd) {
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  getsockname(fd, (struct sockaddr *)&ss, &len);
  return ss.ss_family == AF_INET ? ntohs(((struct sockaddr_in *)&ss)->sin_port) : ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
}

static void show_name_to(FILE *f, const char *label, int fd, int peer) {
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  int r = peer ? getpeername(fd, (struct sockaddr *)&ss, &len) : getsockname(fd, (struct sockaddr *)&ss, &len);
  if (r < 0) { fprintf(f, "%s: %s\n", label, ename(errno)); return; }
  char ip[64];
  if (ss.ss_family == AF_INET) inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, ip, sizeof ip);
  else inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, ip, sizeof ip);
  fprintf(f, "%s: family %d len %d addr %s port set %d\n", label, ss.ss_family, (int)len, ip, port_of(fd) != 0 || peer);
}

static void show_name(const char *label, int fd, int peer) { show_name_to(stdout, label, fd, peer); }

static struct sockaddr_in lo4(int port) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

int main(void) {
  /* a TCP server on 127.0.0.1, port chosen by the kernel */
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  SHOW("SO_REUSEADDR", setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
  struct sockaddr_in a = lo4(0);
  SHOW("bind 127.0.0.1:0", bind(srv, (struct sockaddr *)&a, sizeof a));
  int port = port_of(srv);
  printf("ephemeral port in 32768..60999: %d\n", port >= 32768 && port <= 60999);
  show_name("server name", srv, 0);
  SHOW("getpeername before connecting", getpeername(srv, (struct sockaddr *)&a, &(socklen_t){sizeof a}));
  SHOW("listen", listen(srv, 8));
  int v = -1;
  socklen_t vl = sizeof v;
  getsockopt(srv, SOL_SOCKET, SO_DOMAIN, &v, &vl);
  printf("SO_DOMAIN %d", v);
  getsockopt(srv, SOL_SOCKET, SO_PROTOCOL, &v, &vl);
  printf(" SO_PROTOCOL %d", v);
  getsockopt(srv, SOL_SOCKET, SO_TYPE, &v, &vl);
  printf(" SO_TYPE %d", v);
  getsockopt(srv, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl);
  printf(" SO_ACCEPTCONN %d\n", v);

  /* a second socket on the same port */
  int dup = socket(AF_INET, SOCK_STREAM, 0);
  a = lo4(port);
  SHOW("bind the same port", bind(dup, (struct sockaddr *)&a, sizeof a));
  close(dup);

  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    /* the client reports once the server has answered, so the two never print at the same time */
    char *report = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&report, &size);
    int c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in to = lo4(port);
    if (connect(c, (struct sockaddr *)&to, sizeof to) < 0) _exit(10);
    fprintf(out, "client TCP_NODELAY = %d\n", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
    int nd = 0;
    socklen_t ndl = sizeof nd;
    getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &nd, &ndl);
    fprintf(out, "client TCP_NODELAY reads %d\n", nd != 0);
    show_name_to(out, "client name", c, 0);
    show_name_to(out, "client peer", c, 1);
    const char *msg = "hello over tcp";
    write(c, msg, strlen(msg));
    shutdown(c, SHUT_WR);
    char buf[64];
    long n = read(c, buf, sizeof buf);
    fprintf(out, "client got back %ld: %.*s\n", n, (int)n, buf);
    fprintf(out, "client then reads %ld (EOF)\n", (long)read(c, buf, sizeof buf));
    fclose(out);
    fputs(report, stdout);
    fflush(stdout);
    close(c);
    _exit(0);
  }
  struct sockaddr_in from;
  socklen_t fl = sizeof from;
  int conn = accept(srv, (struct sockaddr *)&from, &fl);
  printf("accepted: %d, from 127.0.0.1: %d, addrlen %d\n", conn >= 0, from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), (int)fl);
  show_name("accepted name", conn, 0);
  char buf[256];
  long total = 0, n;
  while ((n = read(conn, buf + total, sizeof buf - total)) > 0) total += n;
  printf("server read %ld bytes until EOF: %.*s\n", total, (int)total, buf);
  for (long i = 0; i < total; i++) buf[i] = buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i];
  write(conn, buf, total);
  close(conn);
  int status;
  waitpid(pid, &status, 0);
  printf("client exit %d\n", WEXITSTATUS(status));

  /* nothing listening: refused */
  close(srv);
  int c2 = socket(AF_INET, SOCK_STREAM, 0);
  a = lo4(port);
  SHOW("connect to a closed port", connect(c2, (struct sockaddr *)&a, sizeof a));
  close(c2);
  int bad = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in6 six = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  SHOW("connect an IPv4 socket to an IPv6 address", connect(bad, (struct sockaddr *)&six, sizeof six));
  SHOW("bind with a short address", bind(bad, (struct sockaddr *)&a, 8));
  close(bad);
  SHOW("socketpair(AF_INET)", socketpair(AF_INET, SOCK_STREAM, 0, (int[2]){0, 0}));
  SHOW("socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));

  /* UDP: datagrams keep their edges, and the receiver learns where they came from */
  int u1 = socket(AF_INET, SOCK_DGRAM, 0), u2 = socket(AF_INET, SOCK_DGRAM, 0);
  a = lo4(0);
  bind(u1, (struct sockaddr *)&a, sizeof a);
  struct sockaddr_in to1 = lo4(port_of(u1));
  SHOW("sendto one", sendto(u2, "one", 3, 0, (struct sockaddr *)&to1, sizeof to1));
  SHOW("sendto two", sendto(u2, "two!", 4, 0, (struct sockaddr *)&to1, sizeof to1));
  printf("sender got a port: %d\n", port_of(u2) != 0);
  struct sockaddr_in src;
  socklen_t sl = sizeof src;
  n = recvfrom(u1, buf, sizeof buf, 0, (struct sockaddr *)&src, &sl);
  printf("recvfrom %ld \"%.*s\" from 127.0.0.1: %d, the sender's port: %d\n", n, (int)n, buf,
         src.sin_addr.s_addr == htonl(INADDR_LOOPBACK), ntohs(src.sin_port) == port_of(u2));
  n = recv(u1, buf, 2, 0);
  printf("recv 2 of a 4-byte datagram: %ld \"%.*s\"\n", n, (int)n, buf);
  SHOW("nothing left (MSG_DONTWAIT)", recv(u1, buf, sizeof buf, MSG_DONTWAIT));
  SHOW("send without an address", send(u2, "x", 1, 0));
  SHOW("connect to u1", connect(u2, (struct sockaddr *)&to1, sizeof to1));
  SHOW("send when connected", send(u2, "three", 5, 0));
  n = recv(u1, buf, sizeof buf, 0);
  printf("u1 got %ld \"%.*s\"\n", n, (int)n, buf);
  show_name("u2 peer", u2, 1);
  /* a receiver that does not read: the sender never waits, what does not fit is dropped */
  char big[1000] = {0};
  int all_sent = 1;
  for (int i = 0; i < 2000; i++) all_sent &= send(u2, big, sizeof big, 0) == sizeof big;
  int queued = 0;
  while (recv(u1, buf, sizeof buf, MSG_DONTWAIT) > 0) queued++;
  printf("2000 datagrams sent without waiting: %d, some kept: %d, some dropped: %d\n", all_sent, queued > 0, queued < 2000);
  static char huge[70000];
  SHOW("a datagram over 65507 bytes", send(u2, huge, sizeof huge, 0));
  close(u1);
  close(u2);

  /* IPv6 loopback, non-blocking connect, poll */
  int s6 = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 b6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  SHOW("bind [::1]:0", bind(s6, (struct sockaddr *)&b6, sizeof b6));
  SHOW("listen", listen(s6, 1));
  show_name("v6 server", s6, 0);
  int c6 = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  b6.sin6_port = htons(port_of(s6));
  int r = connect(c6, (struct sockaddr *)&b6, sizeof b6);
  printf("non-blocking connect: %s\n", r == 0 ? "0" : ename(errno));
  struct pollfd pf = {c6, POLLOUT, 0};
  SHOW("poll for writable", poll(&pf, 1, 1000));
  int err = -1;
  socklen_t el = sizeof err;
  getsockopt(c6, SOL_SOCKET, SO_ERROR, &err, &el);
  printf("SO_ERROR %d\n", err);
  int a6 = accept(s6, NULL, NULL);
  SHOW("write", write(c6, "v6", 2));
  n = read(a6, buf, sizeof buf);
  printf("over ::1: %ld \"%.*s\"\n", n, (int)n, buf);
  close(a6);
  close(c6);
  close(s6);
  return 0;
}
