/**
 * AF_UNIX sockets (stream, datagram, seqpacket) after Linux's net/unix/af_unix.c: connected
 * pairs, listeners with a backlog of already-connected embryo sockets, shutdown and close as the
 * peer sees them, and descriptors passed in flight (SCM_RIGHTS) as opaque references.
 *
 * Buffering follows Linux's accounting: what a socket has sent and its peer has not yet read
 * is charged to the sender (sk_wmem_alloc) at the skb's truesize, and a send waits while that
 * reaches SO_SNDBUF; so 278 one-byte sends fill a default socket, as they do on Linux.
 *
 * Nothing here blocks: calls return -EAGAIN and the syscall layer waits (or not, for
 * O_NONBLOCK/MSG_DONTWAIT). Names are resolved by the syscall layer, which knows the filesystem;
 * a UnixNamespace keeps what is bound (abstract names, and filesystem sockets by inode).
 */
import {
  EADDRINUSE, EAGAIN, ECONNREFUSED, ECONNRESET, EFAULT, EINVAL, EISCONN, EMSGSIZE, ENOSPC, ENOTCONN, ENOTTY,
  EOPNOTSUPP, EPERM, EPIPE, EPROTOTYPE,
} from '../linux/errno.js';
import { AF_INET6, inetAddr, sourceOf } from './inet.js';
import { makeStat } from './synthetic.js';
import { type FileHandle, type IoctlMemory, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLPRI, POLLRDHUP, POLLRDNORM, POLLWRNORM, S_IFSOCK, type Stat } from './types.js';
import { POLLRDBAND, POLLWRBAND, WaitQueue } from './waitq.js';

export const AF_UNSPEC = 0;
export const AF_UNIX = 1;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_SEQPACKET = 5;

export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;
const RCV_SHUTDOWN = 1;
const SEND_SHUTDOWN = 2;
const SHUTDOWN_MASK = 3;

export const MSG_OOB = 0x1;
export const MSG_PEEK = 0x2;
export const MSG_CTRUNC = 0x8;
export const MSG_TRUNC = 0x20;
export const MSG_DONTWAIT = 0x40;
export const MSG_EOR = 0x80;
export const MSG_WAITALL = 0x100;
export const MSG_NOSIGNAL = 0x4000;
export const MSG_CMSG_CLOEXEC = 0x40000000;

/** Linux defaults: net.core.wmem_default / rmem_default, net.unix.max_dgram_qlen, somaxconn */
export const SK_WMEM_DEFAULT = 212992;
export const SK_RMEM_DEFAULT = 212992;
export const SK_MEM_MAX = 212992;
export const SOCK_MIN_SNDBUF = 4608;
export const SOCK_MIN_RCVBUF = 2304;
export const UNIX_MAX_DGRAM_QLEN = 10;
export const SOMAXCONN = 4096;
/** offsetof(struct sockaddr_un, sun_path), sizeof(struct sockaddr_un) */
export const SUN_PATH_OFFSET = 2;
export const SOCKADDR_UN_SIZE = 110;
/** ioctl: bytes not yet read by the peer */
export const SIOCOUTQ = 0x5411;

/** An in-flight descriptor (SCM_RIGHTS): a reference the socket drops if never received. */
export interface PassedFile {
  /** another reference to the same open file (a peek hands out copies) */
  retain(): PassedFile;
  release(): void;
}

/** SCM_CREDENTIALS / SO_PEERCRED */
export interface Cred {
  pid: number;
  uid: number;
  gid: number;
}

/** SO_PEERCRED of a socket that never had a peer: pid 0, the overflow uid/gid */
export const NO_CRED: Cred = { pid: 0, uid: 65534, gid: 65534 };

// ---- Linux's skb truesize, which is what SO_SNDBUF limits ----

const KMALLOC_SIZES = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192];
const SKB_SHINFO = 320; // SKB_DATA_ALIGN(sizeof(struct skb_shared_info))
const SKB_STRUCT = 256; // SKB_DATA_ALIGN(sizeof(struct sk_buff))
const PAGE = 4096;
const SKB_MAX_HEAD = PAGE - SKB_SHINFO; // SKB_MAX_HEAD(0)
const SKB_MAX_ALLOC = 4 * PAGE - SKB_SHINFO; // SKB_MAX_ORDER(0, 2)
const UNIX_SKB_FRAGS_SZ = 32768;
const MAX_SKB_FRAGS = 17;

function kmallocSize(n: number): number {
  for (const s of KMALLOC_SIZES) if (n <= s) return s;
  return 2 ** Math.ceil(Math.log2(n));
}
const align64 = (n: number) => (n + 63) & ~63;
const pageAlign = (n: number) => Math.ceil(n / PAGE) * PAGE;

/** truesize of an skb with `head` bytes in its linear part and `frags` page-aligned bytes in pages */
function truesize(head: number, frags: number): number {
  return kmallocSize(align64(head) + SKB_SHINFO) + SKB_STRUCT + frags;
}

/** One stream skb's payload size and truesize for `len` remaining bytes (unix_stream_sendmsg). */
function streamSkb(len: number, sndbuf: number): [size: number, truesize: number] {
  const size = Math.min(len, (sndbuf >> 1) - 64, SKB_MAX_HEAD + UNIX_SKB_FRAGS_SZ);
  const dataLen = Math.min(size, pageAlign(Math.max(0, size - SKB_MAX_HEAD)));
  return [size, truesize(size - dataLen, dataLen)];
}

/** A datagram's truesize (unix_dgram_sendmsg). */
function dgramTruesize(len: number): number {
  const dataLen = len > SKB_MAX_ALLOC ? pageAlign(Math.min(len - SKB_MAX_ALLOC, MAX_SKB_FRAGS * PAGE)) : 0;
  return truesize(len - dataLen, dataLen);
}

// ---- queued data ----

interface Skb {
  data: Uint8Array;
  /** bytes already read (streams read skbs piecemeal) */
  off: number;
  fds: PassedFile[] | null;
  cred: Cred;
  from: UnixSocket;
  truesize: number;
  /** counted against the sender's SO_SNDBUF until read (false: a UDP datagram, which leaves at once) */
  charged?: boolean;
}

/** What a recv got. */
export interface Received {
  data: Uint8Array;
  /** the sender's address (null: unbound sender, which recvfrom reports with length 0) */
  from: Uint8Array | null;
  fds: PassedFile[] | null;
  /** the sender's credentials (for SCM_CREDENTIALS when SO_PASSCRED is on) */
  cred: Cred | null;
  /** MSG_TRUNC: a datagram was longer than the buffer */
  truncated: boolean;
  /** a datagram's full length (what MSG_TRUNC makes recv return) */
  fullLength: number;
}

let nextSockIno = 0x9000;
const SOCKFS_DEV = 0x8;

/** Where sockets are bound: abstract names, and filesystem sockets by the identity of their inode. */
export class UnixNamespace {
  private readonly abstract = new Map<string, UnixSocket>();
  private readonly files = new Map<string, UnixSocket>();
  private nextAuto = 0;

  lookupAbstract(name: Uint8Array): UnixSocket | undefined {
    return this.abstract.get(key(name));
  }
  lookupFile(inodeKey: string): UnixSocket | undefined {
    return this.files.get(inodeKey);
  }

  /** bind to an abstract name (sun_path[0] == 0): `addr` is the whole sockaddr as given */
  bindAbstract(s: UnixSocket, addr: Uint8Array): number {
    if (s.addr) return -EINVAL;
    const k = key(addr.subarray(SUN_PATH_OFFSET));
    if (this.abstract.has(k)) return -EADDRINUSE;
    this.abstract.set(k, s);
    s.bound(addr, () => this.abstract.delete(k));
    return 0;
  }

  /** bind to a filesystem node the caller created; `addr` is family + path + NUL */
  bindFile(s: UnixSocket, addr: Uint8Array, inodeKey: string): number {
    if (s.addr) return -EINVAL;
    this.files.set(inodeKey, s);
    s.bound(addr, () => {
      if (this.files.get(inodeKey) === s) this.files.delete(inodeKey);
    });
    return 0;
  }

  /** bind(2) with only the family, and implicit binds: a free abstract name of five hex digits */
  autobind(s: UnixSocket): number {
    if (s.addr) return 0;
    for (let tries = 0; tries < 0x100000; tries++) {
      const n = this.nextAuto;
      this.nextAuto = (this.nextAuto + 1) & 0xfffff;
      const addr = new Uint8Array(SUN_PATH_OFFSET + 1 + 5);
      addr[0] = AF_UNIX;
      const hex = n.toString(16).padStart(5, '0');
      for (let i = 0; i < 5; i++) addr[SUN_PATH_OFFSET + 1 + i] = hex.charCodeAt(i);
      if (!this.abstract.has(key(addr.subarray(SUN_PATH_OFFSET)))) return this.bindAbstract(s, addr);
    }
    return -ENOSPC;
  }
}

function key(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export class UnixSocket implements FileHandle {
  readonly seekable = false;
  readonly waitq = new WaitQueue();
  readonly ino = nextSockIno++;
  state: 'unconnected' | 'listening' | 'connected' = 'unconnected';
  peer: UnixSocket | null = null;
  /** bound address: the sockaddr_un bytes Linux keeps (length = what getsockname reports) */
  addr: Uint8Array | null = null;
  /**
   * AF_UNIX, or AF_INET/AF_INET6 for a64play's loopback internet sockets (calls/socket-inet.ts):
   * the same queues, with TCP's and UDP's addresses and UDP's dropping of what cannot be delivered.
   */
  family = AF_UNIX;
  /** the address a UDP socket was connected to (its peer may be no socket: then what it sends is lost) */
  connectedTo: Uint8Array | null = null;
  /** options of an internet socket's protocol levels (IPPROTO_TCP, IP, IPV6), by "level:name" */
  readonly protoOptions = new Map<string, number>();
  private unbind: (() => void) | null = null;
  private readonly queue: Skb[] = [];
  /** pending connections of a listener (embryo sockets already connected to their clients) */
  private readonly backlogQueue: UnixSocket[] = [];
  private backlog = 0;
  private shut = 0;
  /** sk_err: reported once by the next recv/send/SO_ERROR */
  private err = 0;
  private dead = false;
  /** truesize of what this socket sent that is still queued at a receiver */
  private wmem = 0;
  sndbuf = SK_WMEM_DEFAULT;
  rcvbuf = SK_RMEM_DEFAULT;
  passcred = false;
  rcvlowat = 1;
  peekOff = -1;
  /** SO_RCVTIMEO / SO_SNDTIMEO in ns (0: wait forever) */
  rcvtimeoNs = 0;
  sndtimeoNs = 0;
  /** other SOL_SOCKET options that are kept and reported but change nothing here */
  readonly flags = new Map<number, number>();
  linger: [onoff: number, secs: number] = [0, 0];
  peerCred: Cred = NO_CRED;

  constructor(
    readonly type: number,
    /** credentials of the creating process (what the peer's SO_PEERCRED shows) */
    readonly cred: Cred,
  ) {}

  /** socketpair(2): two connected sockets */
  static pair(type: number, cred: Cred): [UnixSocket, UnixSocket] {
    const a = new UnixSocket(type, cred);
    const b = new UnixSocket(type, cred);
    a.peer = b;
    b.peer = a;
    a.peerCred = cred;
    b.peerCred = cred;
    if (type !== SOCK_DGRAM) a.state = b.state = 'connected';
    return [a, b];
  }

  get path(): string {
    return `socket:[${this.ino}]`;
  }

  get connectionOriented(): boolean {
    return this.type === SOCK_STREAM || this.type === SOCK_SEQPACKET;
  }

  get listening(): boolean {
    return this.state === 'listening';
  }

  get isDead(): boolean {
    return this.dead;
  }

  /** @internal by UnixNamespace */
  bound(addr: Uint8Array, unbind: () => void): void {
    this.addr = addr;
    this.unbind = unbind;
  }

  // ---- names ----

  /** getsockname: the bound address, or just the family (an internet socket: the any-address, port 0) */
  name(): Uint8Array {
    if (this.addr) return this.addr;
    return this.family === AF_UNIX ? Uint8Array.of(AF_UNIX, 0) : inetAddr(this.family, 'any', 0);
  }

  /** the sender address a receiver sees */
  private sourceName(): Uint8Array | null {
    if (this.family === AF_UNIX || !this.addr) return this.addr;
    return sourceOf(this.family, this.addr);
  }

  /** getpeername: the peer's name, or -ENOTCONN */
  peerName(): Uint8Array | number {
    if (this.connectedTo) return this.connectedTo;
    if (!this.peer) return -ENOTCONN;
    return this.peer.name();
  }

  // ---- connection set-up ----

  listen(backlog: number): number {
    if (!this.connectionOriented) return -EOPNOTSUPP;
    if (!this.addr) return -EINVAL;
    if (this.state === 'connected') return -EINVAL;
    const b = backlog >>> 0 > SOMAXCONN ? SOMAXCONN : backlog;
    if (b > this.backlog && this.listening) this.waitq.wake(POLLOUT);
    this.backlog = b;
    if (!this.listening) this.peerCred = this.cred;
    this.state = 'listening';
    return 0;
  }

  /**
   * connect(2) of a stream/seqpacket socket to `server` (found by name, type already checked):
   * -EAGAIN while the backlog is full. The client is connected at once, to a new embryo socket
   * that accept() will hand out.
   */
  connectTo(server: UnixSocket, cred: Cred): number {
    if (server.type !== this.type) return -EPROTOTYPE;
    if (!server.listening || server.dead || server.shut & RCV_SHUTDOWN) return -ECONNREFUSED;
    if (server.backlogQueue.length > server.backlog) return -EAGAIN;
    if (this.state === 'connected') return -EISCONN;
    if (this.state !== 'unconnected') return -EINVAL;
    const embryo = new UnixSocket(this.type, server.cred);
    embryo.family = server.family;
    embryo.sndbuf = server.sndbuf;
    embryo.rcvbuf = server.rcvbuf;
    embryo.passcred = server.passcred;
    embryo.addr = server.addr; // an accepted socket has its listener's name
    embryo.peer = this;
    embryo.state = 'connected';
    embryo.peerCred = cred;
    this.peer = embryo;
    this.state = 'connected';
    this.peerCred = server.peerCred;
    server.backlogQueue.push(embryo);
    server.waitq.wake(POLLIN | POLLRDNORM);
    return 0;
  }

  /** connect(2) of a datagram socket: sets (or, with null, clears) the default peer */
  connectDgram(target: UnixSocket | null): number {
    if (target && target.type !== this.type) return -EPROTOTYPE;
    this.peer = target;
    return 0;
  }

  /** accept(2): the next pending connection, or -EAGAIN */
  accept(): UnixSocket | number {
    if (!this.connectionOriented) return -EOPNOTSUPP;
    if (!this.listening) return -EINVAL;
    const s = this.backlogQueue.shift();
    if (!s) return this.shut & RCV_SHUTDOWN ? -EINVAL : -EAGAIN;
    this.waitq.wake(POLLOUT); // connectors waiting for room in the backlog
    return s;
  }

  // ---- sending ----

  private charge(n: number): void {
    this.wmem += n;
  }

  /** sock_wfree + unix_write_space: freed skbs wake writers while the socket is writable */
  private uncharge(n: number): void {
    this.wmem -= n;
    if (this.writable()) this.waitq.wake(POLLOUT | POLLWRNORM | POLLWRBAND);
  }

  /** unix_writable: poll reports POLLOUT while a quarter of SO_SNDBUF is free */
  private writable(): boolean {
    return !this.listening && (this.wmem + 1) * 4 <= this.sndbuf;
  }

  /** sock_alloc_send_pskb's checks: a pending error, a shut sending side, a full send buffer */
  private canAllocate(): number {
    const e = this.takeError();
    if (e) return -e;
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    return this.wmem < this.sndbuf ? 0 : -EAGAIN;
  }

  private deliver(to: UnixSocket, skb: Skb): void {
    to.queue.push(skb);
    if (skb.charged !== false) this.charge(skb.truesize);
    to.waitq.wake(POLLIN | POLLPRI | POLLRDNORM | POLLRDBAND);
  }

  /**
   * unix_stream_sendmsg: queues as much of `data` as the send buffer takes, in skbs; the fds
   * travel with the first. Returns the bytes queued, or -errno when none were (-EPIPE: the
   * caller raises SIGPIPE unless MSG_NOSIGNAL).
   */
  sendStream(data: Uint8Array, fds: PassedFile[] | null, cred: Cred, flags: number, hasAddress: boolean): number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    if (hasAddress) return this.state === 'connected' ? -EISCONN : -EOPNOTSUPP;
    const other = this.peer;
    if (this.state !== 'connected' || !other) return -ENOTCONN;
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    let sent = 0;
    let first = true;
    while (sent < data.length) {
      const ok = this.canAllocate();
      if (ok < 0) return sent > 0 ? sent : ok;
      if (other.dead || other.shut & RCV_SHUTDOWN) return sent > 0 ? sent : -EPIPE;
      const [size, ts] = streamSkb(data.length - sent, this.sndbuf);
      this.deliver(other, { data: data.slice(sent, sent + size), off: 0, fds: first ? fds : null, cred, from: this, truesize: ts });
      first = false;
      sent += size;
    }
    return sent;
  }

  /**
   * unix_dgram_sendmsg (and seqpacket's): one datagram to `to` (resolved from the address given)
   * or to the connected peer. Returns its length or -errno.
   */
  sendDgram(data: Uint8Array, fds: PassedFile[] | null, cred: Cred, flags: number, to: UnixSocket | null): number {
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    if (this.type === SOCK_SEQPACKET) {
      const e = this.takeError();
      if (e) return -e;
      if (this.state !== 'connected') return -ENOTCONN;
      to = null;
    }
    const other = to ?? this.peer;
    if (!other) return -ENOTCONN;
    if (this.family !== AF_UNIX) return this.sendUdp(data, cred, other);
    if (data.length > this.sndbuf - 32) return -EMSGSIZE;
    const ok = this.canAllocate();
    if (ok < 0) return ok;
    if (other.type !== this.type) return -EPROTOTYPE;
    if (other.dead) {
      if (this.type === SOCK_SEQPACKET) return -EPIPE;
      if (this.peer === other) this.peer = null;
      return -ECONNREFUSED;
    }
    if (other.peer && other.peer !== this) return -EPERM;
    if (other.shut & RCV_SHUTDOWN) return -EPIPE;
    if (other.peer !== this && other.queue.length > UNIX_MAX_DGRAM_QLEN) return -EAGAIN;
    this.deliver(other, { data: data.slice(), off: 0, fds, cred, from: this, truesize: dgramTruesize(data.length) });
    return data.length;
  }

  /**
   * A UDP datagram on loopback: it leaves the sender at once (never waits for room), and what the
   * receiver cannot take (gone, connected to another, its SO_RCVBUF full) is dropped, not refused.
   */
  private sendUdp(data: Uint8Array, cred: Cred, other: UnixSocket): number {
    const e = this.takeError();
    if (e) return -e;
    if (this.shut & SEND_SHUTDOWN) return -EPIPE;
    // 65535 less the IP (IPv4 only) and UDP headers
    if (data.length > (this.family === AF_INET6 ? 65527 : 65507)) return -EMSGSIZE;
    const full = other.queue.reduce((n, skb) => n + skb.truesize, 0) >= other.rcvbuf;
    if (!(other.dead || (other.peer && other.peer !== this) || other.shut & RCV_SHUTDOWN || full))
      this.deliver(other, { data: data.slice(), off: 0, fds: null, cred, from: this, truesize: dgramTruesize(data.length), charged: false });
    return data.length;
  }

  // ---- receiving ----

  private consume(skb: Skb): void {
    this.queue.splice(this.queue.indexOf(skb), 1);
    if (skb.charged !== false) skb.from.uncharge(skb.truesize);
  }

  /**
   * unix_stream_read_generic for one call: up to `max` bytes, not gluing data from different
   * senders when credentials are passed (`sameCred` carries the first chunk's across retries),
   * and stopping after a chunk that carried descriptors. -EAGAIN when nothing is there yet; 0 at
   * end of stream.
   */
  recvStream(max: number, flags: number, sameCred: Cred | null = null): Received | number {
    if (this.state !== 'connected') return -EINVAL;
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    const out = new Uint8Array(max);
    let copied = 0;
    let from: Uint8Array | null = null;
    let fds: PassedFile[] | null = null;
    let cred: Cred | null = sameCred;
    let i = 0;
    while (copied < max) {
      const skb = this.queue[i];
      if (!skb) break;
      if (this.passcred) {
        if (cred && !sameCreds(cred, skb.cred)) break;
        cred = skb.cred;
      }
      // TCP reports no sender address for a stream (msg_namelen 0)
      if (copied === 0 && this.family === AF_UNIX) from = skb.from.addr;
      const n = Math.min(skb.data.length - skb.off, max - copied);
      out.set(skb.data.subarray(skb.off, skb.off + n), copied);
      copied += n;
      if (!(flags & MSG_PEEK)) {
        skb.off += n;
        if (skb.fds) {
          fds = skb.fds;
          skb.fds = null;
        }
        if (skb.off < skb.data.length) break;
        this.consume(skb);
        if (fds) break;
      } else {
        if (skb.fds) {
          fds = skb.fds.map((f) => f.retain());
          break;
        }
        i++;
      }
    }
    // even a zero-length read waits for data (Linux's target is at least one byte)
    if (copied === 0 && (max > 0 || this.queue.length === 0)) {
      const e = this.takeError();
      if (e) return -e;
      if (this.shut & RCV_SHUTDOWN) return emptyReceived();
      return -EAGAIN;
    }
    return { data: out.subarray(0, copied), from, fds, cred, truncated: false, fullLength: copied };
  }

  /**
   * unix_dgram_recvmsg: one datagram (cut to `max`, the rest dropped unless peeking), or -EAGAIN.
   * A datagram socket shut for reading reads 0 when the call would block, -EAGAIN when it would
   * not: pass MSG_DONTWAIT for a non-blocking descriptor.
   */
  recvDgram(max: number, flags: number): Received | number {
    if (this.type === SOCK_SEQPACKET && this.state !== 'connected') return -ENOTCONN;
    if (flags & MSG_OOB) return -EOPNOTSUPP;
    const e = this.takeError();
    if (e) return -e;
    const skb = this.queue[0];
    if (!skb) {
      if (this.shut & RCV_SHUTDOWN && (this.type === SOCK_SEQPACKET || !(flags & MSG_DONTWAIT))) return emptyReceived();
      return -EAGAIN;
    }
    const n = Math.min(max, skb.data.length);
    const peek = (flags & MSG_PEEK) !== 0;
    const r: Received = {
      data: skb.data.slice(0, n), from: skb.from.sourceName(), fds: peek ? (skb.fds?.map((f) => f.retain()) ?? null) : skb.fds,
      cred: skb.cred, truncated: n < skb.data.length, fullLength: skb.data.length,
    };
    if (!peek) {
      skb.fds = null;
      this.consume(skb);
    }
    return r;
  }

  // ---- shutdown and close ----

  shutdown(how: number): number {
    if (how < SHUT_RD || how > SHUT_RDWR) return -EINVAL;
    const mode = how + 1;
    this.shut |= mode;
    this.waitq.wake();
    const other = this.peer;
    if (other && this.connectionOriented) {
      let peerMode = 0;
      if (mode & RCV_SHUTDOWN) peerMode |= SEND_SHUTDOWN;
      if (mode & SEND_SHUTDOWN) peerMode |= RCV_SHUTDOWN;
      other.shut |= peerMode;
      other.waitq.wake();
    }
    return 0;
  }

  close(): void {
    if (this.dead) return;
    this.dead = true;
    this.unbind?.();
    this.unbind = null;
    const wasListening = this.listening;
    const unread = this.queue.length > 0;
    this.state = 'unconnected';
    this.shut = SHUTDOWN_MASK;
    const other = this.peer;
    if (other && this.connectionOriented) {
      other.shut = SHUTDOWN_MASK;
      if (unread) other.err = ECONNRESET;
      other.waitq.wake();
    } else if (other) other.waitq.wake(POLLOUT);
    for (const skb of this.queue.splice(0)) {
      skb.from.uncharge(skb.truesize);
      for (const f of skb.fds ?? []) f.release();
      skb.fds = null;
    }
    if (wasListening) {
      for (const embryo of this.backlogQueue.splice(0)) embryo.closeEmbryo();
    }
    this.waitq.wake();
  }

  /** A connection nobody accepted dies with its listener: the client sees a reset. */
  private closeEmbryo(): void {
    const client = this.peer;
    this.close();
    if (client) client.err = ECONNRESET;
  }

  private takeError(): number {
    const e = this.err;
    this.err = 0;
    return e;
  }

  /** SO_ERROR: the pending error, cleared */
  soError(): number {
    return this.takeError();
  }

  // ---- readiness ----

  /** bytes a read would see (FIONREAD/SIOCINQ): all queued stream data, or the next datagram's size */
  available(): number {
    if (this.listening) return 0;
    if (this.type === SOCK_STREAM) return this.queue.reduce((n, s) => n + s.data.length - s.off, 0);
    return this.queue[0]?.data.length ?? 0;
  }

  /** SIOCOUTQ: what this socket sent that its peer has not read, as Linux counts it (truesize) */
  ioctl(req: number, arg: number, io: IoctlMemory): number {
    if (req !== SIOCOUTQ) return -ENOTTY;
    const out = new Uint8Array(4);
    new DataView(out.buffer).setInt32(0, this.wmem, true);
    return io.write(arg, out) ? 0 : -EFAULT;
  }

  poll(): number {
    let mask = 0;
    if (this.err) mask |= POLLERR;
    if (this.shut & RCV_SHUTDOWN) mask |= POLLRDHUP | POLLIN | POLLRDNORM;
    if (this.shut === SHUTDOWN_MASK) mask |= POLLHUP;
    if (this.queue.length || this.backlogQueue.length) mask |= POLLIN | POLLRDNORM;
    if (this.type === SOCK_STREAM) {
      if (this.state === 'unconnected') mask |= POLLHUP;
      if (this.writable()) mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
      return mask;
    }
    if (this.type === SOCK_SEQPACKET && this.state === 'unconnected') mask |= POLLHUP;
    let writable = this.writable();
    const other = this.peer;
    if (writable && other && other.peer !== this && other.queue.length > UNIX_MAX_DGRAM_QLEN) writable = false;
    if (writable) mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
    return mask;
  }

  // ---- file ----

  read(buf: Uint8Array): number {
    const r = this.type === SOCK_STREAM ? this.recvStream(buf.length, 0) : this.recvDgram(buf.length, 0);
    if (typeof r === 'number') return r;
    buf.set(r.data);
    for (const f of r.fds ?? []) f.release(); // read(2) cannot take descriptors: they are closed
    return r.data.length;
  }

  write(buf: Uint8Array): number {
    return this.type === SOCK_STREAM ? this.sendStream(buf, null, this.cred, 0, false) : this.sendDgram(buf, null, this.cred, 0, null);
  }

  /** Whether an EPIPE from write raises SIGPIPE (only stream sockets do; seqpacket and datagram do not). */
  get sigpipe(): boolean {
    return this.type === SOCK_STREAM;
  }

  stat(): Stat {
    return makeStat(this.ino, S_IFSOCK | 0o777, 0, SOCKFS_DEV);
  }
  truncate(): number {
    return -EINVAL;
  }
  sync(): number {
    return -EINVAL;
  }
}

function sameCreds(a: Cred, b: Cred): boolean {
  return a.pid === b.pid && a.uid === b.uid && a.gid === b.gid;
}

function emptyReceived(): Received {
  return { data: new Uint8Array(0), from: null, fds: null, cred: null, truncated: false, fullLength: 0 };
}
