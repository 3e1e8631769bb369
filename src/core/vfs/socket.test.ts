import { describe, expect, it } from 'vitest';
import {
  EADDRINUSE, EAGAIN, ECONNREFUSED, ECONNRESET, EINVAL, EISCONN, EMSGSIZE, ENOTCONN, EOPNOTSUPP, EPERM, EPIPE,
  EPROTOTYPE,
} from '../linux/errno.js';
import {
  AF_UNIX, MSG_DONTWAIT, MSG_PEEK, type PassedFile, type Received, SHUT_RD, SHUT_RDWR, SHUT_WR, SOCK_DGRAM,
  SOCK_SEQPACKET, SOCK_STREAM, UnixNamespace, UnixSocket,
} from './socket.js';

const cred = { pid: 100, uid: 0, gid: 0 };
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (r: Received | number) => (typeof r === 'number' ? r : new TextDecoder().decode(r.data));
const abstract = (name: string) => Uint8Array.of(AF_UNIX, 0, 0, ...bytes(name));

/** Non-blocking sends of `chunk` bytes until EAGAIN. */
function fill(s: UnixSocket, chunk: number): { sends: number; total: number; shorts: number[] } {
  const data = new Uint8Array(chunk);
  let sends = 0;
  let total = 0;
  const shorts: number[] = [];
  for (;;) {
    const n = s.type === SOCK_STREAM ? s.sendStream(data, null, cred, 0, false) : s.sendDgram(data, null, cred, 0, null);
    if (n < 0) {
      expect(n).toBe(-EAGAIN);
      return { sends, total, shorts };
    }
    if (n < chunk) shorts.push(n);
    sends++;
    total += n;
  }
}

class FakeFile implements PassedFile {
  refs = 1;
  retain(): PassedFile {
    this.refs++;
    return this;
  }
  release(): void {
    this.refs--;
  }
}

describe('send buffer accounting (counts measured on Linux 6.x, SO_SNDBUF 212992)', () => {
  it.each([
    [SOCK_STREAM, 1, 278],
    [SOCK_STREAM, 100, 278],
    [SOCK_STREAM, 1000, 93],
    [SOCK_STREAM, 4096, 44],
    [SOCK_STREAM, 10000, 17],
    [SOCK_DGRAM, 1, 278],
    [SOCK_DGRAM, 1000, 93],
    [SOCK_DGRAM, 4096, 26],
    [SOCK_DGRAM, 10000, 13],
  ])('type %i, %i-byte sends: %i fit', (type, chunk, sends) => {
    const [a] = UnixSocket.pair(type, cred);
    expect(fill(a, chunk).sends).toBe(sends);
  });

  it('stream: large sends are cut into 36544-byte skbs and end short', () => {
    const [a] = UnixSocket.pair(SOCK_STREAM, cred);
    expect(fill(a, 65536)).toEqual({ sends: 4, total: 233152, shorts: [36544] });
  });

  it('reading makes room again and polls writable at a quarter', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    fill(a, 1000);
    expect(a.poll() & 4).toBe(0);
    b.recvStream(1000 * 60, 0);
    expect(a.poll() & 4).toBe(0); // 33 skbs (76032 bytes) still queued: more than a quarter
    b.recvStream(1000 * 10, 0);
    expect(a.poll() & 4).toBe(4);
  });

  it('datagrams larger than SO_SNDBUF - 32 are EMSGSIZE', () => {
    const [a] = UnixSocket.pair(SOCK_DGRAM, cred);
    expect(a.sendDgram(new Uint8Array(212992 - 31), null, cred, 0, null)).toBe(-EMSGSIZE);
    expect(a.sendDgram(new Uint8Array(212992 - 32), null, cred, 0, null)).toBe(212992 - 32);
  });
});

describe('stream socketpair', () => {
  it('carries bytes both ways, gluing writes', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    a.sendStream(bytes('hel'), null, cred, 0, false);
    a.sendStream(bytes('lo'), null, cred, 0, false);
    expect(b.available()).toBe(5);
    expect(text(b.recvStream(3, MSG_PEEK))).toBe('hel');
    expect(text(b.recvStream(100, 0))).toBe('hello');
    expect(b.recvStream(100, 0)).toBe(-EAGAIN);
    b.sendStream(bytes('x'), null, cred, 0, false);
    expect(text(a.recvStream(1, 0))).toBe('x');
  });

  it('polls as Linux: fresh OUT|HUP, connected OUT', () => {
    expect(new UnixSocket(SOCK_STREAM, cred).poll()).toBe(0x314);
    const [a] = UnixSocket.pair(SOCK_STREAM, cred);
    expect(a.poll()).toBe(0x104 | 0x200);
  });

  it('shutdown(SHUT_WR): the peer reads EOF and sees RDHUP; writing is EPIPE', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    a.sendStream(bytes('z'), null, cred, 0, false);
    expect(a.shutdown(SHUT_WR)).toBe(0);
    expect(a.sendStream(bytes('y'), null, cred, 0, false)).toBe(-EPIPE);
    expect(b.poll() & 0x2011).toBe(0x2001);
    expect(text(b.recvStream(10, 0))).toBe('z');
    expect(text(b.recvStream(10, 0))).toBe('');
    expect(b.sendStream(bytes('w'), null, cred, 0, false)).toBe(1); // the other direction still works
  });

  it('shutdown(SHUT_RD) makes the peer\'s writes EPIPE; polls 0x2005 and 0x4 (measured)', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    a.shutdown(SHUT_RD);
    expect(b.sendStream(bytes('x'), null, cred, 0, false)).toBe(-EPIPE);
    expect(a.poll() & 0x203f).toBe(0x2005);
    expect(b.poll() & 0x203f).toBe(0x4);
    expect(a.shutdown(3)).toBe(-EINVAL);
    expect(new UnixSocket(SOCK_STREAM, cred).shutdown(SHUT_RDWR)).toBe(0); // unconnected: fine
  });

  it('close: the peer reads what is left, then EOF; writing is EPIPE', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    a.sendStream(bytes('abc'), null, cred, 0, false);
    a.close();
    expect(b.poll() & 0x203f).toBe(0x2015);
    expect(text(b.recvStream(10, 0))).toBe('abc');
    expect(text(b.recvStream(10, 0))).toBe('');
    expect(b.sendStream(bytes('x'), null, cred, 0, false)).toBe(-EPIPE);
  });

  it('close with unread data resets the peer once', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    b.sendStream(bytes('abc'), null, cred, 0, false);
    a.close();
    expect(b.poll() & 8).toBe(8);
    expect(b.recvStream(10, 0)).toBe(-ECONNRESET);
    expect(text(b.recvStream(10, 0))).toBe('');
  });

  it('unconnected: recv EINVAL, send ENOTCONN, sendto with an address EOPNOTSUPP; connected sendto EISCONN', () => {
    const s = new UnixSocket(SOCK_STREAM, cred);
    expect(s.recvStream(4, 0)).toBe(-EINVAL);
    expect(s.sendStream(bytes('x'), null, cred, 0, false)).toBe(-ENOTCONN);
    expect(s.sendStream(bytes('x'), null, cred, 0, true)).toBe(-EOPNOTSUPP);
    const [a] = UnixSocket.pair(SOCK_STREAM, cred);
    expect(a.sendStream(bytes('x'), null, cred, 0, true)).toBe(-EISCONN);
    expect(a.peerName()).toEqual(Uint8Array.of(AF_UNIX, 0));
    expect(s.peerName()).toBe(-ENOTCONN);
  });

  it('a zero-length read returns 0 with data queued and waits without', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    expect(b.recvStream(0, 0)).toBe(-EAGAIN);
    a.sendStream(bytes('x'), null, cred, 0, false);
    expect(text(b.recvStream(0, 0))).toBe('');
  });
});

describe('descriptor passing', () => {
  it('stream: the fds ride on the first skb and a read stops after them', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    const f = new FakeFile();
    a.sendStream(bytes('ab'), null, cred, 0, false);
    a.sendStream(bytes('cd'), [f], cred, 0, false);
    a.sendStream(bytes('ef'), null, cred, 0, false);
    const peek = b.recvStream(10, MSG_PEEK) as Received;
    expect(text(peek)).toBe('abcd');
    expect(peek.fds).toEqual([f]);
    expect(f.refs).toBe(2); // the peek got its own reference
    const r = b.recvStream(10, 0) as Received;
    expect(text(r)).toBe('abcd');
    expect(r.fds).toEqual([f]);
    expect(text(b.recvStream(10, 0))).toBe('ef');
  });

  it('fds still queued when the receiver closes are released', () => {
    const [a, b] = UnixSocket.pair(SOCK_DGRAM, cred);
    const f = new FakeFile();
    a.sendDgram(bytes(''), [f], cred, 0, null);
    b.close();
    expect(f.refs).toBe(0);
  });

  it('read(2) cannot take descriptors: they are closed', () => {
    const [a, b] = UnixSocket.pair(SOCK_STREAM, cred);
    const f = new FakeFile();
    a.sendStream(bytes('x'), [f], cred, 0, false);
    expect(b.read(new Uint8Array(4))).toBe(1);
    expect(f.refs).toBe(0);
  });
});

describe('datagram and seqpacket', () => {
  it('keeps boundaries; a short buffer truncates and drops the rest', () => {
    const [a, b] = UnixSocket.pair(SOCK_DGRAM, cred);
    a.sendDgram(bytes('hello'), null, cred, 0, null);
    a.sendDgram(bytes(''), null, cred, 0, null);
    a.sendDgram(bytes('xy'), null, cred, 0, null);
    expect(b.available()).toBe(5);
    const r = b.recvDgram(3, 0) as Received;
    expect([text(r), r.truncated, r.fullLength]).toEqual(['hel', true, 5]);
    expect(text(b.recvDgram(10, 0))).toBe('');
    expect(text(b.recvDgram(10, 0))).toBe('xy');
    expect(b.recvDgram(10, 0)).toBe(-EAGAIN);
  });

  it('datagram peer gone: first send ECONNREFUSED, then ENOTCONN; recv waits (measured)', () => {
    const [a, b] = UnixSocket.pair(SOCK_DGRAM, cred);
    b.close();
    expect(a.poll()).toBe(0x304);
    expect(a.sendDgram(bytes('x'), null, cred, 0, null)).toBe(-ECONNREFUSED);
    expect(a.sendDgram(bytes('x'), null, cred, 0, null)).toBe(-ENOTCONN);
    expect(a.recvDgram(4, MSG_DONTWAIT)).toBe(-EAGAIN);
  });

  it('seqpacket peer gone: EPIPE (without SIGPIPE), EOF, poll 0x2015 (measured)', () => {
    const [a, b] = UnixSocket.pair(SOCK_SEQPACKET, cred);
    b.close();
    expect(a.sigpipe).toBe(false);
    expect(a.poll() & 0x203f).toBe(0x2015);
    expect(a.sendDgram(bytes('x'), null, cred, 0, null)).toBe(-EPIPE);
    expect(text(a.recvDgram(4, 0))).toBe('');
    const fresh = new UnixSocket(SOCK_SEQPACKET, cred);
    expect(fresh.recvDgram(4, 0)).toBe(-ENOTCONN);
    expect(fresh.sendDgram(bytes('x'), null, cred, 0, null)).toBe(-ENOTCONN);
  });

  it('a datagram socket connected elsewhere refuses others (EPERM); types must match', () => {
    const [a, b] = UnixSocket.pair(SOCK_DGRAM, cred);
    const c = new UnixSocket(SOCK_DGRAM, cred);
    expect(c.sendDgram(bytes('x'), null, cred, 0, b)).toBe(-EPERM);
    const d = new UnixSocket(SOCK_DGRAM, cred);
    expect(c.sendDgram(bytes('x'), null, cred, 0, d)).toBe(1);
    expect(c.connectDgram(new UnixSocket(SOCK_SEQPACKET, cred))).toBe(-EPROTOTYPE);
    expect(a.peer).toBe(b);
  });

  it('an unconnected receiver takes 11 datagrams from strangers, then EAGAIN', () => {
    const d = new UnixSocket(SOCK_DGRAM, cred);
    const c = new UnixSocket(SOCK_DGRAM, cred);
    for (let i = 0; i < 11; i++) expect(c.sendDgram(bytes('x'), null, cred, 0, d)).toBe(1);
    expect(c.sendDgram(bytes('x'), null, cred, 0, d)).toBe(-EAGAIN);
  });
});

describe('names, listen, connect, accept', () => {
  it('binds abstract names once; autobind picks five hex digits', () => {
    const ns = new UnixNamespace();
    const s = new UnixSocket(SOCK_STREAM, cred);
    expect(ns.bindAbstract(s, abstract('srv'))).toBe(0);
    expect(ns.bindAbstract(s, abstract('other'))).toBe(-EINVAL);
    expect(ns.bindAbstract(new UnixSocket(SOCK_STREAM, cred), abstract('srv'))).toBe(-EADDRINUSE);
    expect(ns.lookupAbstract(abstract('srv').subarray(2))).toBe(s);
    const t = new UnixSocket(SOCK_DGRAM, cred);
    expect(ns.autobind(t)).toBe(0);
    expect([...t.name()]).toEqual([AF_UNIX, 0, 0, ...bytes('00000')]);
    expect(ns.autobind(t)).toBe(0); // already bound: nothing happens
    s.close();
    expect(ns.lookupAbstract(abstract('srv').subarray(2))).toBeUndefined();
  });

  it('listen needs a bound stream socket; connect queues an embryo; accept hands it out', () => {
    const ns = new UnixNamespace();
    const srv = new UnixSocket(SOCK_STREAM, { pid: 1, uid: 0, gid: 0 });
    expect(srv.listen(5)).toBe(-EINVAL);
    expect(new UnixSocket(SOCK_DGRAM, cred).listen(5)).toBe(-EOPNOTSUPP);
    ns.bindAbstract(srv, abstract('srv'));
    expect(srv.listen(5)).toBe(0);
    expect(srv.poll()).toBe(0);
    expect(srv.accept()).toBe(-EAGAIN);
    const cli = new UnixSocket(SOCK_STREAM, cred);
    expect(cli.connectTo(srv, cred)).toBe(0);
    expect(cli.connectTo(srv, cred)).toBe(-EISCONN);
    expect(cli.sendStream(bytes('early'), null, cred, 0, false)).toBe(5); // before accept
    expect(srv.poll() & 1).toBe(1);
    const conn = srv.accept() as UnixSocket;
    expect(conn.name()).toEqual(srv.name());
    expect(conn.peerName()).toEqual(Uint8Array.of(AF_UNIX, 0));
    expect(cli.peerName()).toEqual(srv.name());
    expect(conn.peerCred).toEqual(cred);
    expect(cli.peerCred).toEqual({ pid: 1, uid: 0, gid: 0 });
    expect(text(conn.recvStream(10, 0))).toBe('early');
    expect(new UnixSocket(SOCK_SEQPACKET, cred).connectTo(srv, cred)).toBe(-EPROTOTYPE);
  });

  it('a full backlog (backlog + 1 pending) makes connect EAGAIN', () => {
    const ns = new UnixNamespace();
    const srv = new UnixSocket(SOCK_STREAM, cred);
    ns.bindAbstract(srv, abstract('b'));
    srv.listen(1);
    expect(new UnixSocket(SOCK_STREAM, cred).connectTo(srv, cred)).toBe(0);
    expect(new UnixSocket(SOCK_STREAM, cred).connectTo(srv, cred)).toBe(0);
    expect(new UnixSocket(SOCK_STREAM, cred).connectTo(srv, cred)).toBe(-EAGAIN);
    srv.accept();
    expect(new UnixSocket(SOCK_STREAM, cred).connectTo(srv, cred)).toBe(0);
  });

  it('connecting to a non-listening socket is refused; a closed listener resets pending clients', () => {
    const ns = new UnixNamespace();
    const srv = new UnixSocket(SOCK_STREAM, cred);
    ns.bindAbstract(srv, abstract('c'));
    const cli = new UnixSocket(SOCK_STREAM, cred);
    expect(cli.connectTo(srv, cred)).toBe(-ECONNREFUSED);
    srv.listen(0);
    expect(cli.connectTo(srv, cred)).toBe(0);
    srv.close();
    expect(cli.recvStream(4, 0)).toBe(-ECONNRESET);
    expect(text(cli.recvStream(4, 0))).toBe('');
  });

  it('a listener is not writable and accept on a non-listener is EINVAL', () => {
    const ns = new UnixNamespace();
    const srv = new UnixSocket(SOCK_SEQPACKET, cred);
    ns.bindAbstract(srv, abstract('d'));
    expect(srv.accept()).toBe(-EINVAL);
    srv.listen(3);
    expect(srv.poll() & 4).toBe(0);
  });

  it('stat shows a socket inode and socket:[ino]', () => {
    const s = new UnixSocket(SOCK_STREAM, cred);
    expect(s.stat().mode).toBe(0o140777);
    expect(s.path).toBe(`socket:[${s.ino}]`);
    expect(SHUT_RD).toBe(0);
  });
});
