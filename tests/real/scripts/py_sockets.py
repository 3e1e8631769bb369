# TCP and UDP between threads of one python over 127.0.0.1 and ::1 (ports chosen by the kernel, never printed)
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print("server on", host, "ephemeral:", 32768 <= port <= 60999)


def serve():
    conn, (peer, _) = srv.accept()
    with conn:
        print("server: connection from", peer)
        data = b""
        while chunk := conn.recv(4096):
            data += chunk
        conn.sendall(data.upper())


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port)) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.sendall(b"hello over loopback " * 500)
    c.shutdown(socket.SHUT_WR)
    got = b""
    while chunk := c.recv(65536):
        got += chunk
t.join()
print("client got", len(got), "bytes:", got[:20])

u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.bind(("::1", 0))
v = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
for word in (b"one", b"two", b"three"):
    v.sendto(word, u.getsockname()[:2])
for _ in range(3):
    data, addr = u.recvfrom(100)
    print("udp", data, "from", addr[0], "sender's port:", addr[1] == v.getsockname()[1])

srv.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=5)
except ConnectionRefusedError as e:
    print("refused", e.errno)
