/**
 * AF_UNIX sockets: the guest ABI around vfs/socket.ts (sockaddr_un, msghdr and control
 * messages, socket options), names in the filesystem, and waiting (handlers park with c.block()
 * and are re-run until done; SO_RCVTIMEO/SO_SNDTIMEO bound the wait).
 *
 * Other socket families fail with EAFNOSUPPORT, as on a kernel built without them: programs that
 * probe (AF_INET6 first, then AF_INET, netlink for getifaddrs) take the "no such protocol family"
 * path they already have, and the message says what is missing, where EACCES would suggest a
 * permission problem that does not exist.
 */
import { utf8Decode } from '../../util/utf8.js';
import {
  AF_UNIX, AF_UNSPEC, type Cred, MSG_CMSG_CLOEXEC, MSG_CTRUNC, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_TRUNC,
  MSG_WAITALL, type PassedFile, type Received, SK_MEM_MAX, SOCK_DGRAM, SOCK_MIN_RCVBUF, SOCK_MIN_SNDBUF, SOCK_RAW,
  SOCK_SEQPACKET, SOCK_STREAM, SOCKADDR_UN_SIZE, SUN_PATH_OFFSET, UnixNamespace, UnixSocket,
} from '../../vfs/socket.js';
import { AF_INET, AF_INET6 } from '../../vfs/inet.js';
import { POLLOUT, S_IFSOCK } from '../../vfs/types.js';
import { joinPath } from '../../vfs/vfs.js';
import { O_CLOEXEC, O_CREAT, O_EXCL, O_NONBLOCK, O_RDWR, O_WRONLY, SIG, StructReader, StructWriter } from '../abi.js';
import {
  EADDRINUSE, EAFNOSUPPORT, EAGAIN, EBADF, ECONNREFUSED, EDESTADDRREQ, EDOM, EINPROGRESS, EEXIST, EFAULT, EINVAL, EISCONN, EMSGSIZE,
  ENOPROTOOPT, ENOTSOCK, EOPNOTSUPP, EPIPE, EPROTONOSUPPORT, EPROTOTYPE, ESOCKTNOSUPPORT,
} from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { OpenFile } from '../process.js';
import { BLOCKED, type SyscallContext, type SyscallLine } from '../syscalls.js';
import { fileOf } from './fs.js';
import {
  getInetOption, IPPROTO_TCP, IPPROTO_UDP, inetAutobind, inetBind, inetSocket, inetTarget, isInet, isInetLevel, nameAccepted,
  setInetOption,
} from './socket-inet.js';
import { install, now } from './io.js';

const SOL_SOCKET = 1;
const SCM_RIGHTS = 1;
const SCM_CREDENTIALS = 2;
const SCM_MAX_FD = 253;
const UIO_MAXIOV = 1024;
const SOCKADDR_STORAGE = 128;
/** Largest single transfer moved through a host buffer (as fs.ts). */
const MAX_IO = 16 * 1024 * 1024;

// ---------------------------------------------------------------- descriptors and names

function sockOf(c: SyscallContext, fd: number): { file: OpenFile; s: UnixSocket } | number {
  const f = fileOf(c, fd);
  if (typeof f === 'number') return f;
  return f.handle instanceof UnixSocket ? { file: f, s: f.handle } : -ENOTSOCK;
}

const credOf = (c: SyscallContext): Cred => ({ pid: c.p.pid, uid: 0, gid: 0 });

/** A descriptor in flight: one reference to its open file description. */
class InFlight implements PassedFile {
  constructor(readonly file: OpenFile) {}
  retain(): PassedFile {
    this.file.refs++;
    return new InFlight(this.file);
  }
  release(): void {
    this.file.release();
  }
}

const namespaces = new WeakMap<Kernel, UnixNamespace>();

/** The kernel's AF_UNIX names (abstract ones, and filesystem sockets by inode). */
function namespaceOf(k: Kernel): UnixNamespace {
  let ns = namespaces.get(k);
  if (!ns) namespaces.set(k, (ns = new UnixNamespace()));
  return ns;
}

// ---------------------------------------------------------------- socket addresses

/** Copies a sockaddr in (move_addr_to_kernel): null for none (NULL or length 0), -errno on error. */
function readAddr(c: SyscallContext, addr: number, len: number): Uint8Array | null | number {
  if (addr === 0) return null;
  if (len < 0 || len > SOCKADDR_STORAGE) return -EINVAL;
  if (len === 0) return null;
  const raw = c.mem.read(addr, len);
  return raw ? raw.slice() : -EFAULT;
}

/** unix_validate_addr */
function validUnixAddr(a: Uint8Array): boolean {
  return a.length > SUN_PATH_OFFSET && a.length <= SOCKADDR_UN_SIZE && (a[0]! | (a[1]! << 8)) === AF_UNIX;
}

/** The filesystem path of a non-abstract address (sun_path up to its NUL or the length). */
function sunPath(a: Uint8Array): Uint8Array {
  const p = a.subarray(SUN_PATH_OFFSET);
  const nul = p.indexOf(0);
  return nul < 0 ? p : p.subarray(0, nul);
}

/**
 * Creates the socket's node. Backends that can (MemFs) make a
 * real S_IFSOCK node, others get an empty regular file standing in for it (bind still fails with
 * EADDRINUSE when the name exists, and the socket is found again by the node's inode).
 */
export function makeSocketNode(c: SyscallContext, abs: string, mode: number): number {
  const made = c.k.vfs.mknod(abs, S_IFSOCK | mode, 0);
  if (made !== -EOPNOTSUPP) return made;
  const h = c.k.vfs.open(abs, O_CREAT | O_EXCL | O_WRONLY, mode);
  if (typeof h === 'number') return h;
  h.close();
  return 0;
}

/** unix_find_other: the socket an address names, of the caller's type. */
function findSocket(c: SyscallContext, a: Uint8Array, type: number): UnixSocket | number {
  if (!validUnixAddr(a)) return -EINVAL;
  const ns = namespaceOf(c.k);
  let s: UnixSocket | undefined;
  if (a[SUN_PATH_OFFSET] === 0) s = ns.lookupAbstract(a.subarray(SUN_PATH_OFFSET));
  else {
    const id = c.k.vfs.identify(joinPath(c.p.cwd, utf8Decode(sunPath(a))));
    if (typeof id === 'number') return id;
    s = ns.lookupFile(id.key);
  }
  if (!s || s.isDead) return -ECONNREFUSED;
  return s.type === type ? s : -EPROTOTYPE;
}

/** move_addr_to_user: writes min(*lenp, len) bytes and stores the full length in *lenp. */
function putAddr(c: SyscallContext, addr: number, lenp: number, a: Uint8Array | null): number {
  if (addr === 0 || lenp === 0) return 0;
  const raw = c.mem.read(lenp, 4);
  if (!raw) return -EFAULT;
  let len = new StructReader(raw).i32(0);
  const full = a?.length ?? 0;
  if (len > full) len = full;
  if (len < 0) return -EINVAL;
  if (len > 0 && !c.mem.write(addr, a!.subarray(0, len))) return -EFAULT;
  return c.mem.write(lenp, new StructWriter(4).i32(0, full).bytes) ? 0 : -EFAULT;
}

// ---------------------------------------------------------------- socket set-up

function socketType(type: number): { kind: number; flags: number } | number {
  if (type & ~0xf & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const kind = type & 0xf;
  if (kind > 10) return -EINVAL; // SOCK_MAX
  return { kind, flags: type & (O_CLOEXEC | O_NONBLOCK) };
}

/** unix_create: the socket type (SOCK_RAW is taken as SOCK_DGRAM), or -errno */
function unixType(kind: number, protocol: number): number {
  if (protocol !== 0 && protocol !== AF_UNIX) return -EPROTONOSUPPORT;
  if (kind === SOCK_STREAM || kind === SOCK_DGRAM || kind === SOCK_SEQPACKET) return kind;
  if (kind === SOCK_RAW) return SOCK_DGRAM;
  return -ESOCKTNOSUPPORT;
}

function socket(c: SyscallContext): number {
  const t = socketType(c.i(1));
  if (typeof t === 'number') return t;
  const domain = c.i(0);
  let s: UnixSocket | number;
  if (domain === AF_INET || domain === AF_INET6) s = inetSocket(domain, t.kind, c.i(2), credOf(c));
  else if (domain !== AF_UNIX) return -EAFNOSUPPORT;
  else {
    const type = unixType(t.kind, c.i(2));
    s = type < 0 ? type : new UnixSocket(type, credOf(c));
  }
  if (typeof s === 'number') return s;
  return install(c, s, O_RDWR | (t.flags & O_NONBLOCK), (t.flags & O_CLOEXEC) !== 0);
}

function socketpair(c: SyscallContext): number {
  const t = socketType(c.i(1));
  if (typeof t === 'number') return t;
  if (c.i(0) === AF_INET || c.i(0) === AF_INET6) return -EOPNOTSUPP;
  if (c.i(0) !== AF_UNIX) return -EAFNOSUPPORT;
  const type = unixType(t.kind, c.i(2));
  if (type < 0) return type;
  const [a, b] = UnixSocket.pair(type, credOf(c));
  const flags = O_RDWR | (t.flags & O_NONBLOCK);
  const cloexec = (t.flags & O_CLOEXEC) !== 0;
  const fa = install(c, a, flags, cloexec);
  if (fa < 0) {
    b.close();
    return fa;
  }
  const fb = install(c, b, flags, cloexec);
  if (fb < 0) {
    c.p.fds.close(fa);
    return fb;
  }
  if (!c.mem.write(c.u(3), new StructWriter(8).i32(0, fa).i32(4, fb).bytes)) {
    c.p.fds.close(fa);
    c.p.fds.close(fb);
    return -EFAULT;
  }
  return 0;
}

function bind(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const a = readAddr(c, c.u(1), c.i(2));
  if (typeof a === 'number') return a;
  const ns = namespaceOf(c.k);
  const s = got.s;
  if (isInet(s)) return a ? inetBind(c, s, a) : -EINVAL;
  if (a && a.length === SUN_PATH_OFFSET && (a[0]! | (a[1]! << 8)) === AF_UNIX) return ns.autobind(s);
  if (!a || !validUnixAddr(a)) return -EINVAL;
  if (a[SUN_PATH_OFFSET] === 0) return ns.bindAbstract(s, a);
  const path = sunPath(a);
  const stored = new Uint8Array(SUN_PATH_OFFSET + path.length + 1);
  stored.set(a.subarray(0, SUN_PATH_OFFSET));
  stored.set(path, SUN_PATH_OFFSET);
  const abs = joinPath(c.p.cwd, utf8Decode(path));
  const made = makeSocketNode(c, abs, 0o777 & ~c.p.umask);
  if (made < 0) return made === -EEXIST ? -EADDRINUSE : made;
  if (s.addr) {
    c.k.vfs.unlink(abs);
    return -EINVAL;
  }
  const id = c.k.vfs.identify(abs);
  if (typeof id === 'number') return id;
  return ns.bindFile(s, stored, id.key);
}

function listen(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  // an unbound TCP socket listens on an ephemeral port
  if (isInet(got.s) && got.s.type === SOCK_STREAM) {
    const e = inetAutobind(c, got.s);
    if (e < 0) return e;
  }
  return got.s.listen(c.i(1));
}

/** The deadline a socket's SO_RCVTIMEO/SO_SNDTIMEO gives a blocking call (set on the first run). */
function sockDeadline(c: SyscallContext, timeoNs: number): number {
  if (c.state.deadline === undefined) {
    c.state.deadline = timeoNs > 0 ? now(c) + timeoNs : Infinity;
    // with a timeout, Linux returns EINTR even under SA_RESTART
    if (timeoNs > 0) c.noRestart = true;
  }
  return c.state.deadline as number;
}

function connect(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const a = readAddr(c, c.u(1), c.i(2));
  if (typeof a === 'number') return a;
  if (isInet(s)) return inetConnect(c, file.flags, s, a);
  const ns = namespaceOf(c.k);
  if (s.type === SOCK_DGRAM) {
    if (!a || a.length < 2) return -EINVAL;
    if ((a[0]! | (a[1]! << 8)) === AF_UNSPEC) return s.connectDgram(null);
    if (!validUnixAddr(a)) return -EINVAL;
    if (s.passcred && !s.addr) ns.autobind(s);
    const target = findSocket(c, a, s.type);
    return typeof target === 'number' ? target : s.connectDgram(target);
  }
  if (!a || !validUnixAddr(a)) return -EINVAL;
  if (s.passcred && !s.addr) ns.autobind(s);
  const target = findSocket(c, a, s.type);
  if (typeof target === 'number') return target;
  const r = s.connectTo(target, credOf(c));
  if (r !== -EAGAIN || file.flags & O_NONBLOCK) return r;
  const deadline = sockDeadline(c, s.sndtimeoNs);
  return now(c) >= deadline ? -EAGAIN : c.block(deadline);
}

/** connect(2) of a TCP or UDP socket on loopback. */
function inetConnect(c: SyscallContext, fileFlags: number, s: UnixSocket, a: Uint8Array | null): number {
  if (!a || a.length < 2) return -EINVAL;
  if (s.type === SOCK_DGRAM && (a[0]! | (a[1]! << 8)) === AF_UNSPEC) {
    s.connectedTo = null;
    return s.connectDgram(null);
  }
  const t = inetTarget(c, s, a);
  if (typeof t === 'number') return t;
  if (s.type === SOCK_DGRAM) {
    const e = inetAutobind(c, s);
    if (e < 0) return e;
    // a UDP socket may be connected to a port nobody has bound: what it sends is dropped
    s.connectedTo = a.slice();
    return s.connectDgram(t.to);
  }
  if (s.state === 'connected') return -EISCONN;
  if (!t.to) return -ECONNREFUSED;
  const e = inetAutobind(c, s, 'loopback');
  if (e < 0) return e;
  const r = s.connectTo(t.to, credOf(c));
  if (r === 0) nameAccepted(s, t.at);
  // connected at once, but a non-blocking TCP connect says EINPROGRESS, as on Linux's loopback
  if (r === 0 && fileFlags & O_NONBLOCK) return -EINPROGRESS;
  if (r !== -EAGAIN || fileFlags & O_NONBLOCK) return r;
  const deadline = sockDeadline(c, s.sndtimeoNs);
  return now(c) >= deadline ? -EAGAIN : c.block(deadline);
}

function accept4(c: SyscallContext, flags: number): number {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const r = s.accept();
  if (r === -EAGAIN && !(file.flags & O_NONBLOCK)) {
    const deadline = sockDeadline(c, s.rcvtimeoNs);
    return now(c) >= deadline ? -EAGAIN : c.block(deadline);
  }
  if (typeof r === 'number') return r;
  const fd = install(c, r, O_RDWR | (flags & O_NONBLOCK), (flags & O_CLOEXEC) !== 0);
  if (fd < 0) {
    r.close();
    return fd;
  }
  const peer = r.peerName();
  const e = putAddr(c, c.u(1), c.u(2), typeof peer === 'number' ? null : peer);
  if (e < 0) {
    c.p.fds.close(fd);
    return e;
  }
  return fd;
}

function getName(c: SyscallContext, peer: boolean): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const a = peer ? got.s.peerName() : got.s.name();
  if (typeof a === 'number') return a;
  if (c.u(2) === 0) return -EFAULT;
  return putAddr(c, c.u(1), c.u(2), a);
}

function shutdown(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  return typeof got === 'number' ? got : got.s.shutdown(c.i(1));
}

// ---------------------------------------------------------------- sending and receiving

interface Iov {
  base: number;
  len: number;
}

function readIovecs(c: SyscallContext, addr: number, count: number): Iov[] | number {
  if (count > UIO_MAXIOV) return -EMSGSIZE;
  if (count === 0) return [];
  const raw = c.mem.read(addr, count * 16);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const out: Iov[] = [];
  for (let i = 0; i < count; i++) {
    const len = r.u64(i * 16 + 8);
    if (len > 0x7fffffff) return -EINVAL;
    out.push({ base: r.u64(i * 16), len });
  }
  return out;
}

function gather(c: SyscallContext, iov: Iov[]): Uint8Array | number {
  const total = Math.min(iov.reduce((n, v) => n + v.len, 0), MAX_IO);
  const out = new Uint8Array(total);
  let o = 0;
  for (const v of iov) {
    const n = Math.min(v.len, total - o);
    if (n <= 0) break;
    const b = c.mem.read(v.base, n);
    if (!b) return -EFAULT;
    out.set(b, o);
    o += n;
  }
  return out;
}

/** Writes `data` into the iovecs starting `skip` bytes in; false on a fault. */
function scatter(c: SyscallContext, iov: Iov[], skip: number, data: Uint8Array): boolean {
  let o = 0;
  for (const v of iov) {
    if (o >= data.length) break;
    if (skip >= v.len) {
      skip -= v.len;
      continue;
    }
    const n = Math.min(v.len - skip, data.length - o);
    if (!c.mem.write(v.base + skip, data.subarray(o, o + n))) return false;
    o += n;
    skip = 0;
  }
  return true;
}

function iovWritable(c: SyscallContext, iov: Iov[]): boolean {
  return iov.every((v) => v.len === 0 || c.mem.writable(v.base, Math.min(v.len, MAX_IO)));
}

interface SendState {
  data?: Uint8Array;
  fds?: InFlight[] | null;
  cred?: Cred;
  sent?: number;
  deadline?: number;
}

/**
 * The common part of sendto/sendmsg: the data (read once), descriptors and credentials are in
 * c.state from the first run; streams keep sending until everything is queued.
 */
function sendCommon(c: SyscallContext, fd: number, flags: number, addr: Uint8Array | null): number {
  const got = sockOf(c, fd);
  const st = c.state as SendState;
  const drop = (ret: number) => {
    for (const f of st.fds ?? []) f.release();
    st.fds = null;
    return ret;
  };
  if (typeof got === 'number') return drop(got);
  const { file, s } = got;
  const data = st.data!;
  const nonblock = (file.flags & O_NONBLOCK) !== 0 || (flags & MSG_DONTWAIT) !== 0;
  const cred = st.cred ?? credOf(c);
  c.onAbort = () => drop(0);
  const deadline = sockDeadline(c, s.sndtimeoNs);
  const ns = namespaceOf(c.k);
  if (s.type === SOCK_STREAM) {
    const sent = st.sent ?? 0;
    // TCP ignores an address given to send on a connection
    const n = s.sendStream(data.subarray(sent), sent === 0 ? (st.fds ?? null) : null, cred, flags, addr !== null && !isInet(s));
    if (n >= 0) {
      if (sent === 0) st.fds = null; // they travel with the first skb
      st.sent = sent + n;
      if (st.sent >= data.length || nonblock) return st.sent;
      c.partial = st.sent;
      return now(c) >= deadline ? st.sent : c.block(deadline);
    }
    if (n === -EAGAIN && !nonblock && now(c) < deadline) {
      c.partial = sent;
      return c.block(deadline);
    }
    if (n === -EPIPE && sent === 0 && !(flags & MSG_NOSIGNAL)) c.k.sendToThread(c.t, { signo: SIG.SIGPIPE, code: 0, pid: c.p.pid, uid: 0 });
    return drop(sent > 0 ? sent : n);
  }
  let target: UnixSocket | null = null;
  if (isInet(s)) {
    const e = inetAutobind(c, s);
    if (e < 0) return drop(e);
    if (addr) {
      const t = inetTarget(c, s, addr);
      if (typeof t === 'number') return drop(t);
      // UDP to a port nobody has bound: sent, and lost
      if (!t.to) return data.length;
      target = t.to;
    } else if (!s.peer) return drop(s.connectedTo ? data.length : -EDESTADDRREQ);
  } else if (addr && s.type === SOCK_DGRAM) {
    const t = findSocket(c, addr, s.type);
    if (typeof t === 'number') return drop(t);
    target = t;
  }
  if (s.type === SOCK_DGRAM && s.passcred && !s.addr) ns.autobind(s);
  const n = s.sendDgram(data, st.fds ?? null, cred, flags, target);
  if (n >= 0) {
    st.fds = null;
    return n;
  }
  if (n === -EAGAIN && !nonblock && now(c) < deadline) return c.block(deadline);
  return drop(n);
}

function sendto(c: SyscallContext): number {
  if (c.runs === 1) {
    const data = c.mem.read(c.u(1), Math.min(c.u(2), MAX_IO));
    if (!data) return -EFAULT;
    c.state.data = data.slice();
  }
  const a = c.u(4) ? readAddr(c, c.u(4), c.i(5)) : null;
  if (typeof a === 'number') return a;
  return sendCommon(c, c.i(0), c.i(3), a);
}

/** struct user_msghdr (56 bytes): name, namelen, iov, iovlen, control, controllen, flags */
interface MsgHdr {
  name: number;
  namelen: number;
  iov: Iov[];
  control: number;
  controllen: number;
}

function readMsghdr(c: SyscallContext, addr: number): MsgHdr | number {
  const raw = c.mem.read(addr, 56);
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const name = r.u64(0);
  let namelen = r.i32(8);
  if (namelen < 0) return -EINVAL;
  if (namelen > SOCKADDR_STORAGE) namelen = SOCKADDR_STORAGE;
  const iov = readIovecs(c, r.u64(16), r.u64(24));
  if (typeof iov === 'number') return iov;
  return { name, namelen: name ? namelen : 0, iov, control: r.u64(32), controllen: r.u64(40) };
}

/** __scm_send: SCM_RIGHTS descriptors and SCM_CREDENTIALS from the control buffer. */
function readControl(c: SyscallContext, m: MsgHdr, cred: Cred): InFlight[] | null | number {
  if (m.controllen < 16) return null;
  const raw = c.mem.read(m.control, Math.min(m.controllen, 1 << 20));
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const fds: InFlight[] = [];
  const fail = (e: number) => {
    for (const f of fds) f.release();
    return e;
  };
  for (let off = 0; off + 16 <= raw.length; ) {
    const len = r.u64(off);
    if (len < 16 || len > raw.length - off) return fail(-EINVAL);
    const level = r.i32(off + 8);
    const type = r.i32(off + 12);
    if (level === SOL_SOCKET) {
      if (type === SCM_RIGHTS) {
        const n = Math.floor((len - 16) / 4);
        if (fds.length + n > SCM_MAX_FD) return fail(-EINVAL);
        for (let i = 0; i < n; i++) {
          const f = c.p.fds.get(r.i32(off + 16 + i * 4));
          if (!f) return fail(-EBADF);
          f.file.refs++;
          fds.push(new InFlight(f.file));
        }
      } else if (type === SCM_CREDENTIALS) {
        if (len !== 16 + 12) return fail(-EINVAL);
        // root may claim any credentials
        cred.pid = r.i32(off + 16);
        cred.uid = r.u32(off + 20);
        cred.gid = r.u32(off + 24);
      } else return fail(-EINVAL);
    }
    off += (Number(len) + 7) & ~7;
  }
  return fds.length ? fds : null;
}

function sendmsg(c: SyscallContext): number {
  const m = readMsghdr(c, c.u(1));
  if (typeof m === 'number') return m;
  if (c.runs === 1) {
    const data = gather(c, m.iov);
    if (typeof data === 'number') return data;
    const cred = credOf(c);
    const fds = readControl(c, m, cred);
    if (typeof fds === 'number') return fds;
    Object.assign(c.state, { data, fds, cred });
  }
  const a = m.name ? readAddr(c, m.name, m.namelen) : null;
  if (typeof a === 'number') {
    for (const f of (c.state as SendState).fds ?? []) f.release();
    return a;
  }
  return sendCommon(c, c.i(0), c.i(2), a);
}

interface RecvState {
  got?: number;
  from?: Uint8Array | null;
  fds?: PassedFile[] | null;
  cred?: Cred | null;
  flags?: number;
  deadline?: number;
}

/**
 * The common part of recvfrom/recvmsg: fills `iov`, returns the byte count (the full datagram
 * length with MSG_TRUNC) and leaves the sender, descriptors and flags in c.state for the caller.
 */
function recvCommon(c: SyscallContext, fd: number, flags: number, iov: Iov[]): number {
  const got = sockOf(c, fd);
  if (typeof got === 'number') return got;
  const { file, s } = got;
  const st = c.state as RecvState;
  const nonblock = (file.flags & O_NONBLOCK) !== 0 || (flags & MSG_DONTWAIT) !== 0;
  const max = Math.min(iov.reduce((n, v) => n + v.len, 0), MAX_IO);
  if (!iovWritable(c, iov)) return -EFAULT;
  const deadline = sockDeadline(c, s.rcvtimeoNs);
  st.flags ??= 0;
  if (s.type !== SOCK_STREAM) {
    const r = s.recvDgram(max, flags | (nonblock ? MSG_DONTWAIT : 0));
    if (r === -EAGAIN && !nonblock && now(c) < deadline) return c.block(deadline);
    if (typeof r === 'number') return r;
    scatter(c, iov, 0, r.data);
    st.from = r.from;
    st.fds = r.fds;
    st.cred = r.cred;
    if (r.truncated) st.flags |= MSG_TRUNC;
    return flags & MSG_TRUNC ? r.fullLength : r.data.length;
  }
  const done = st.got ?? 0;
  const target = flags & MSG_WAITALL ? max : Math.max(1, Math.min(s.rcvlowat, max));
  const r: Received | number = s.recvStream(max - done, flags, st.cred ?? null);
  if (typeof r === 'number') {
    if (r === -EAGAIN && done < target && !nonblock && now(c) < deadline) {
      c.partial = done;
      return c.block(deadline);
    }
    return done > 0 ? done : r;
  }
  scatter(c, iov, done, r.data);
  if (done === 0) st.from = r.from;
  if (r.cred) st.cred = r.cred;
  if (r.fds) st.fds = r.fds;
  const total = done + r.data.length;
  st.got = total;
  const more = r.data.length > 0 && !r.fds && !(flags & MSG_PEEK) && total < target && !nonblock;
  if (more && now(c) < deadline) {
    c.partial = total;
    c.onAbort = () => releaseAll(st.fds);
    return c.block(deadline);
  }
  return total;
}

function releaseAll(fds: PassedFile[] | null | undefined): void {
  for (const f of fds ?? []) f.release();
}

function recvfrom(c: SyscallContext): number {
  const iov = [{ base: c.u(1), len: Math.min(c.u(2), 0x7fffffff) }];
  const n = recvCommon(c, c.i(0), c.i(3), iov);
  if (n < 0 || n === BLOCKED) return n;
  const st = c.state as RecvState;
  releaseAll(st.fds); // recvfrom has no control buffer: passed descriptors are closed
  const e = putAddr(c, c.u(4), c.u(5), st.from ?? null);
  return e < 0 ? e : n;
}

/** put_cmsg */
class ControlWriter {
  used = 0;
  flags = 0;
  constructor(
    private readonly c: SyscallContext,
    private readonly addr: number,
    private readonly len: number,
  ) {}
  get room(): number {
    return this.len - this.used;
  }
  put(level: number, type: number, data: Uint8Array): void {
    if (!this.addr || this.room < 16) {
      this.flags |= MSG_CTRUNC;
      return;
    }
    let cmlen = 16 + data.length;
    if (this.room < cmlen) {
      this.flags |= MSG_CTRUNC;
      cmlen = this.room;
    }
    const w = new StructWriter(cmlen);
    w.u64(0, cmlen).i32(8, level).i32(12, type);
    w.bytes.set(data.subarray(0, cmlen - 16), 16);
    this.c.mem.write(this.addr + this.used, w.bytes);
    this.used += Math.min((16 + data.length + 7) & ~7, this.room);
  }
}

function recvmsg(c: SyscallContext): number {
  const msgAddr = c.u(1);
  const flags = c.i(2);
  const m = readMsghdr(c, msgAddr);
  if (typeof m === 'number') return m;
  const n = recvCommon(c, c.i(0), flags, m.iov);
  if (n < 0 || n === BLOCKED) return n;
  const st = c.state as RecvState;
  const got = sockOf(c, c.i(0)) as { s: UnixSocket };
  const ctl = new ControlWriter(c, m.control, m.controllen);
  const fds = st.fds ?? null;
  if (m.controllen === 0 || m.control === 0) {
    if (got.s.passcred || fds) ctl.flags |= MSG_CTRUNC;
    releaseAll(fds);
  } else {
    if (got.s.passcred) {
      const cr = st.cred ?? { pid: 0, uid: 0, gid: 0 };
      ctl.put(SOL_SOCKET, SCM_CREDENTIALS, new StructWriter(12).i32(0, cr.pid).u32(4, cr.uid).u32(8, cr.gid).bytes);
    }
    if (fds) {
      // scm_detach_fds: as many as fit, the rest closed and MSG_CTRUNC
      const fit = ctl.room > 16 ? Math.floor((ctl.room - 16) / 4) : 0;
      const cloexec = (flags & MSG_CMSG_CLOEXEC) !== 0;
      const nums: number[] = [];
      for (const f of fds) {
        const file = (f as InFlight).file;
        if (nums.length < fit) {
          const fd = c.p.fds.install(file, cloexec);
          if (fd >= 0) {
            nums.push(fd);
            continue;
          }
        }
        f.release();
      }
      if (nums.length) {
        const w = new StructWriter(nums.length * 4);
        nums.forEach((v, i) => w.i32(i * 4, v));
        ctl.put(SOL_SOCKET, SCM_RIGHTS, w.bytes);
      }
      if (nums.length < fds.length || fit <= 0) ctl.flags |= MSG_CTRUNC;
    }
  }
  if (m.name) {
    const e = putAddr(c, m.name, msgAddr + 8, st.from ?? null);
    if (e < 0) return e;
  }
  const outFlags = (st.flags ?? 0) | ctl.flags | (flags & MSG_CMSG_CLOEXEC);
  const w = new StructWriter(4).u32(0, outFlags);
  if (!c.mem.write(msgAddr + 48, w.bytes)) return -EFAULT;
  if (!c.mem.write(msgAddr + 40, new StructWriter(8).u64(0, ctl.used).bytes)) return -EFAULT;
  return n;
}

// ---------------------------------------------------------------- socket options

const SO = {
  DEBUG: 1, REUSEADDR: 2, TYPE: 3, ERROR: 4, DONTROUTE: 5, BROADCAST: 6, SNDBUF: 7, RCVBUF: 8, KEEPALIVE: 9,
  OOBINLINE: 10, NO_CHECK: 11, PRIORITY: 12, LINGER: 13, BSDCOMPAT: 14, REUSEPORT: 15, PASSCRED: 16, PEERCRED: 17,
  RCVLOWAT: 18, SNDLOWAT: 19, RCVTIMEO_OLD: 20, SNDTIMEO_OLD: 21, TIMESTAMP: 29, ACCEPTCONN: 30, SNDBUFFORCE: 32,
  RCVBUFFORCE: 33, PASSSEC: 34, TIMESTAMPNS: 35, MARK: 36, PROTOCOL: 38, DOMAIN: 39, RXQ_OVFL: 40, PEEK_OFF: 42,
  COOKIE: 57, RCVTIMEO_NEW: 66, SNDTIMEO_NEW: 67,
} as const;
/** boolean and integer options kept as given (they change nothing for AF_UNIX here) */
const STORED = new Set<number>([
  SO.DEBUG, SO.REUSEADDR, SO.DONTROUTE, SO.BROADCAST, SO.KEEPALIVE, SO.OOBINLINE, SO.NO_CHECK, SO.REUSEPORT,
  SO.PASSSEC, SO.TIMESTAMP, SO.TIMESTAMPNS, SO.RXQ_OVFL,
]);
const INT_STORED = new Set<number>([SO.PRIORITY, SO.MARK]);

function setsockopt(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const s = got.s;
  const level = c.i(1);
  const name = c.i(2);
  const optlen = c.i(4);
  if (level !== SOL_SOCKET && !isInetLevel(s, level)) return -EOPNOTSUPP;
  if (optlen < 4) return -EINVAL;
  const raw = c.mem.read(c.u(3), Math.min(optlen, 16));
  if (!raw) return -EFAULT;
  const r = new StructReader(raw);
  const val = r.i32(0);
  if (level !== SOL_SOCKET) {
    setInetOption(s, level, name, val);
    return 0;
  }
  if (STORED.has(name)) s.flags.set(name, val ? 1 : 0);
  else if (INT_STORED.has(name)) s.flags.set(name, val);
  else {
    switch (name) {
      case SO.SNDBUF:
      case SO.SNDBUFFORCE: {
        const v = name === SO.SNDBUF ? Math.min(val >>> 0, SK_MEM_MAX) : Math.max(val, 0);
        s.sndbuf = Math.max(Math.min(v, 0x3fffffff) * 2, SOCK_MIN_SNDBUF);
        s.waitq.wake(POLLOUT);
        break;
      }
      case SO.RCVBUF:
      case SO.RCVBUFFORCE: {
        const v = name === SO.RCVBUF ? Math.min(val >>> 0, SK_MEM_MAX) : Math.max(val, 0);
        s.rcvbuf = Math.max(Math.min(v, 0x3fffffff) * 2, SOCK_MIN_RCVBUF);
        break;
      }
      case SO.PASSCRED:
        s.passcred = val !== 0;
        break;
      case SO.RCVLOWAT:
        s.rcvlowat = val < 0 ? 0x7fffffff : val || 1;
        break;
      case SO.PEEK_OFF:
        s.peekOff = val;
        break;
      case SO.LINGER:
        if (optlen < 8) return -EINVAL;
        s.linger = [r.i32(0), r.i32(4)];
        break;
      case SO.RCVTIMEO_OLD:
      case SO.SNDTIMEO_OLD:
      case SO.RCVTIMEO_NEW:
      case SO.SNDTIMEO_NEW: {
        if (optlen < 16) return -EINVAL;
        const sec = r.i64(0);
        const usec = r.i64(8);
        if (usec < 0 || usec >= 1e6) return -EDOM;
        const ns = sec < 0 ? 0 : sec * 1e9 + usec * 1000;
        if (name === SO.RCVTIMEO_OLD || name === SO.RCVTIMEO_NEW) s.rcvtimeoNs = ns;
        else s.sndtimeoNs = ns;
        break;
      }
      default:
        return -ENOPROTOOPT;
    }
  }
  return 0;
}

function getsockopt(c: SyscallContext): number {
  const got = sockOf(c, c.i(0));
  if (typeof got === 'number') return got;
  const s = got.s;
  const level = c.i(1);
  const name = c.i(2);
  const lenp = c.u(4);
  const lraw = c.mem.read(lenp, 4);
  if (!lraw) return -EFAULT;
  let len = new StructReader(lraw).i32(0);
  if (level !== SOL_SOCKET && !isInetLevel(s, level)) return -EOPNOTSUPP;
  if (len < 0) return -EINVAL;
  let v: Uint8Array;
  const int = (x: number) => new StructWriter(4).i32(0, x).bytes;
  const proto = level === SOL_SOCKET ? null : getInetOption(s, level, name);
  if (level !== SOL_SOCKET && proto === null) return -ENOPROTOOPT;
  const timeval = (ns: number) => new StructWriter(16).u64(0, Math.floor(ns / 1e9)).u64(8, Math.floor((ns % 1e9) / 1000)).bytes;
  if (proto !== null) v = int(proto);
  else if (STORED.has(name) || INT_STORED.has(name)) v = int(s.flags.get(name) ?? 0);
  else {
    switch (name) {
      case SO.TYPE:
        v = int(s.type);
        break;
      case SO.ERROR:
        v = int(s.soError());
        break;
      case SO.DOMAIN:
        v = int(s.family);
        break;
      case SO.PROTOCOL:
        v = int(isInet(s) ? (s.type === SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP) : 0);
        break;
      case SO.ACCEPTCONN:
        v = int(s.listening ? 1 : 0);
        break;
      case SO.SNDBUF:
        v = int(s.sndbuf);
        break;
      case SO.RCVBUF:
        v = int(s.rcvbuf);
        break;
      case SO.PASSCRED:
        v = int(s.passcred ? 1 : 0);
        break;
      case SO.PEERCRED:
        v = new StructWriter(12).i32(0, s.peerCred.pid).u32(4, s.peerCred.uid).u32(8, s.peerCred.gid).bytes;
        break;
      case SO.RCVLOWAT:
        v = int(s.rcvlowat);
        break;
      case SO.SNDLOWAT:
        v = int(1);
        break;
      case SO.PEEK_OFF:
        v = int(s.peekOff);
        break;
      case SO.LINGER:
        v = new StructWriter(8).i32(0, s.linger[0]).i32(4, s.linger[1]).bytes;
        break;
      case SO.RCVTIMEO_OLD:
      case SO.RCVTIMEO_NEW:
        v = timeval(s.rcvtimeoNs);
        break;
      case SO.SNDTIMEO_OLD:
      case SO.SNDTIMEO_NEW:
        v = timeval(s.sndtimeoNs);
        break;
      case SO.COOKIE:
        v = new StructWriter(8).u64(0, s.ino).bytes;
        break;
      default:
        return -ENOPROTOOPT;
    }
  }
  if (len > v.length) len = v.length;
  if (len > 0 && !c.mem.write(c.u(3), v.subarray(0, len))) return -EFAULT;
  return c.mem.write(lenp, int(len)) ? 0 : -EFAULT;
}
// ---------------------------------------------------------------- the table

export const socketCalls: SyscallLine[] = [
  [198, 'socket', socket, 'sockfam socktype int'],
  [199, 'socketpair', socketpair, 'sockfam socktype int ptr'],
  [200, 'bind', bind, 'fd sockaddr int'],
  [201, 'listen', listen, 'fd int'],
  [202, 'accept', (c) => accept4(c, 0), 'fd ptr ptr'],
  [242, 'accept4', (c) => accept4(c, c.i(3)), 'fd ptr ptr hex'],
  [203, 'connect', connect, 'fd sockaddr int'],
  [204, 'getsockname', (c) => getName(c, false), 'fd ptr ptr'],
  [205, 'getpeername', (c) => getName(c, true), 'fd ptr ptr'],
  [206, 'sendto', sendto, 'fd wbuf size hex sockaddr int'],
  [207, 'recvfrom', recvfrom, 'fd rbuf size hex ptr ptr'],
  [208, 'setsockopt', setsockopt, 'fd int int ptr int'],
  [209, 'getsockopt', getsockopt, 'fd int int ptr ptr'],
  [210, 'shutdown', shutdown, 'fd int'],
  [211, 'sendmsg', sendmsg, 'fd ptr hex'],
  [212, 'recvmsg', recvmsg, 'fd ptr hex'],
];
