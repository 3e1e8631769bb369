/**
 * calls/io.ts at the syscall boundary, for what the qemu comparison in tests/io cannot check:
 * cases where qemu-user departs from Linux, socket families this kernel lacks, the in-memory
 * filesystem's socket nodes, and strace's decoding.
 */
import { describe, expect, it } from 'vitest';
import { buildElf } from '../../../../tests/helpers/elf.js';
import { PROT_READ, PROT_WRITE } from '../../memory/memory.js';
import { MemFs } from '../../vfs/memfs.js';
import type { FileHandle, Stat } from '../../vfs/types.js';
import { Vfs } from '../../vfs/vfs.js';
import {
  EADDRINUSE, EADDRNOTAVAIL, EAFNOSUPPORT, EBADF, ECONNREFUSED, EINVAL, ENETUNREACH, ENOENT, ENOTSOCK, EOPNOTSUPP, EPERM,
  EPROTOTYPE, ESOCKTNOSUPPORT,
} from '../errno.js';
import { Kernel } from '../kernel.js';
import type { Process } from '../process.js';
import { formatSyscallEntry } from '../strace.js';
import { SyscallContext, syscallByNumber } from '../syscalls.js';

const NR = {
  eventfd2: 19, epoll_create1: 20, epoll_ctl: 21, ppoll: 73, close: 57, write: 64, read: 63, socket: 198,
  socketpair: 199, bind: 200, listen: 201, connect: 203, getsockname: 204, sendmsg: 211, recvmsg: 212,
  memfd_create: 279, accept4: 242, readlinkat: 78, openat: 56, pwritev2: 287, fchmodat2: 452,
};
const AF_UNIX = 1;
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;
const SOCK_SEQPACKET = 5;
const SCRATCH = 0x20000000;

class Null implements FileHandle {
  readonly seekable = false;
  read(): number {
    return 0;
  }
  write(b: Uint8Array): number {
    return b.length;
  }
  stat(): Stat {
    return { dev: 0, ino: 0, mode: 0o020666, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: 0, mtimeNs: 0, ctimeNs: 0 };
  }
  truncate(): number {
    return 0;
  }
  sync(): number {
    return 0;
  }
  close(): void {}
}

function boot() {
  const fs = new MemFs();
  fs.writeFile('/bin/idle', buildElf([0xd503201f], new Uint8Array(8)), 0o755);
  fs.mkdirp('/tmp');
  const vfs = new Vfs();
  vfs.mount('/', fs);
  const k = new Kernel({
    vfs,
    host: { realtimeNs: () => 1.7e18, monotonicNs: () => 5e9, randomBytes: (b) => b.fill(7), sleepNs: () => {} },
    memory: new WebAssembly.Memory({ initial: 64, maximum: 4096, shared: true }),
    stdio: [new Null(), new Null(), new Null()],
  });
  const p = k.spawn('/bin/idle', ['idle'], []);
  p.mem.map(SCRATCH, 0x10000, PROT_READ | PROT_WRITE, 'scratch');
  return { k, p, fs };
}

function ctx(k: Kernel, p: Process, args: number[]): SyscallContext {
  const x = p.cpu.x;
  for (let i = 0; i < 6; i++) {
    let v = args[i] ?? 0;
    if (v < 0) v += 2 ** 64;
    x[i * 2] = v % 2 ** 32 | 0;
    x[i * 2 + 1] = Math.floor(v / 2 ** 32) | 0;
  }
  return new SyscallContext(k, p.threads[0]!);
}

/** Runs one system call of the process's thread, once, as the kernel's first run of it (nothing here blocks). */
function sys(k: Kernel, p: Process, nr: number, ...args: number[]): number {
  const c = ctx(k, p, args);
  c.runs = 1;
  return syscallByNumber(nr)!.handler(c);
}

const put = (p: Process, off: number, data: Uint8Array | number[]) => p.mem.write(SCRATCH + off, Uint8Array.from(data));
const i32s = (...v: number[]) => new Uint8Array(Int32Array.from(v).buffer);
const u64 = (v: number) => new Uint8Array(new BigUint64Array([BigInt(v)]).buffer);
const bytes = (s: string) => new TextEncoder().encode(s);
const get = (p: Process, off: number, len: number) => p.mem.read(SCRATCH + off, len)!;
const i32At = (p: Process, off: number) => new DataView(get(p, off, 4).slice().buffer).getInt32(0, true);

function sockaddr(path: string): Uint8Array {
  const b = new Uint8Array(2 + path.length + 1);
  b[0] = AF_UNIX;
  b.set(bytes(path), 2);
  return b;
}

/** A msghdr at `off` with one iovec (at off+64) and a control buffer (at off+128). */
function msghdr(p: Process, off: number, data: { base: number; len: number }, control: Uint8Array | null, controllen?: number) {
  const h = new Uint8Array(56);
  const dv = new DataView(h.buffer);
  dv.setBigUint64(16, BigInt(SCRATCH + off + 64), true);
  dv.setBigUint64(24, 1n, true);
  if (control) {
    put(p, off + 128, control);
    dv.setBigUint64(32, BigInt(SCRATCH + off + 128), true);
  }
  dv.setBigUint64(40, BigInt(controllen ?? control?.length ?? 0), true);
  put(p, off, h);
  const iov = new Uint8Array(16);
  new DataView(iov.buffer).setBigUint64(0, BigInt(data.base), true);
  new DataView(iov.buffer).setBigUint64(8, BigInt(data.len), true);
  put(p, off + 64, iov);
}

function cmsgRights(fds: number[], len = 16 + fds.length * 4): Uint8Array {
  const b = new Uint8Array((16 + fds.length * 4 + 7) & ~7);
  const dv = new DataView(b.buffer);
  dv.setBigUint64(0, BigInt(len), true);
  dv.setInt32(8, 1, true); // SOL_SOCKET
  dv.setInt32(12, 1, true); // SCM_RIGHTS
  fds.forEach((fd, i) => dv.setInt32(16 + i * 4, fd, true));
  return b;
}

describe('socket families and types', () => {
  it('AF_UNIX, and AF_INET/AF_INET6 on loopback, exist; AF_NETLINK and AF_PACKET are EAFNOSUPPORT', () => {
    const { k, p } = boot();
    for (const family of [16, 17]) {
      expect(sys(k, p, NR.socket, family, SOCK_STREAM, 0)).toBe(-EAFNOSUPPORT);
      expect(sys(k, p, NR.socketpair, family, SOCK_STREAM, 0, SCRATCH)).toBe(-EAFNOSUPPORT);
    }
    for (const family of [2, 10]) {
      expect(sys(k, p, NR.socket, family, SOCK_STREAM, 0)).toBeGreaterThanOrEqual(0);
      expect(sys(k, p, NR.socket, family, SOCK_DGRAM, 0)).toBeGreaterThanOrEqual(0);
      // TCP has no socket pairs (Linux: EOPNOTSUPP), nor SOCK_SEQPACKET without SCTP
      expect(sys(k, p, NR.socketpair, family, SOCK_STREAM, 0, SCRATCH)).toBe(-EOPNOTSUPP);
      expect(sys(k, p, NR.socket, family, SOCK_SEQPACKET, 0)).toBe(-ESOCKTNOSUPPORT);
    }
  });

  it('an IPv4 address beyond this machine is unreachable (there is no network), a port nobody bound refuses', () => {
    const { k, p } = boot();
    const fd = sys(k, p, NR.socket, 2, SOCK_STREAM, 0);
    const addr = (ip: number[], port: number) => Uint8Array.of(2, 0, port >> 8, port & 0xff, ...ip, 0, 0, 0, 0, 0, 0, 0, 0);
    p.mem.write(SCRATCH, addr([10, 1, 2, 3], 80));
    expect(sys(k, p, NR.connect, fd, SCRATCH, 16)).toBe(-ENETUNREACH);
    p.mem.write(SCRATCH, addr([127, 0, 0, 1], 80));
    expect(sys(k, p, NR.connect, fd, SCRATCH, 16)).toBe(-ECONNREFUSED);
    p.mem.write(SCRATCH, addr([192, 168, 0, 1], 0));
    expect(sys(k, p, NR.bind, fd, SCRATCH, 16)).toBe(-EADDRNOTAVAIL);
  });

  it('unknown type flags and types past SOCK_MAX are EINVAL (qemu accepts some)', () => {
    const { k, p } = boot();
    expect(sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM | 0x100, 0)).toBe(-EINVAL);
    expect(sys(k, p, NR.socket, AF_UNIX, 11, 0)).toBe(-EINVAL);
  });

  it('socket calls on other files are ENOTSOCK, on closed descriptors EBADF', () => {
    const { k, p } = boot();
    const ev = sys(k, p, NR.eventfd2, 0, 0);
    expect(sys(k, p, NR.listen, ev, 1)).toBe(-ENOTSOCK);
    expect(sys(k, p, NR.listen, 77, 1)).toBe(-EBADF);
  });
});

describe('names in the in-memory filesystem', () => {
  it('bind makes an S_IFSOCK node, connect finds the socket by inode', () => {
    const { k, p, fs } = boot();
    const srv = sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0);
    put(p, 0, sockaddr('/tmp/s'));
    expect(sys(k, p, NR.bind, srv, SCRATCH, 9)).toBe(0);
    expect((fs.stat('/tmp/s', false) as Stat).mode).toBe(0o140755); // 0777 less the umask 022
    const other = sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0);
    expect(sys(k, p, NR.bind, other, SCRATCH, 9)).toBe(-EADDRINUSE);
    expect(sys(k, p, NR.listen, srv, 1)).toBe(0);
    const cli = sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0);
    expect(sys(k, p, NR.connect, cli, SCRATCH, 9)).toBe(0);
    expect(sys(k, p, NR.accept4, srv, 0, 0, 0)).toBeGreaterThan(0);
    // a renamed node still leads to the socket; an unlinked one does not
    expect(fs.rename('/tmp/s', '/tmp/t', 0)).toBe(0);
    put(p, 0, sockaddr('/tmp/t'));
    expect(sys(k, p, NR.connect, sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0), SCRATCH, 9)).toBe(0);
    fs.unlink('/tmp/t');
    expect(sys(k, p, NR.connect, sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0), SCRATCH, 9)).toBe(-ENOENT);
  });

  it('relative names resolve against the cwd and getsockname reports them as given', () => {
    const { k, p } = boot();
    p.cwd = '/tmp';
    const s = sys(k, p, NR.socket, AF_UNIX, SOCK_DGRAM, 0);
    put(p, 0, sockaddr('rel'));
    expect(sys(k, p, NR.bind, s, SCRATCH, 2 + 3)).toBe(0); // no NUL in the length: Linux adds it
    put(p, 100, i32s(110));
    expect(sys(k, p, NR.getsockname, s, SCRATCH + 200, SCRATCH + 100)).toBe(0);
    expect(i32At(p, 100)).toBe(6);
    expect([...get(p, 200, 6)]).toEqual([1, 0, ...bytes('rel'), 0]);
    const c = sys(k, p, NR.socket, AF_UNIX, SOCK_STREAM, 0);
    put(p, 0, sockaddr('/tmp/rel'));
    expect(sys(k, p, NR.connect, c, SCRATCH, 11)).toBe(-EPROTOTYPE);
    put(p, 0, sockaddr('/tmp'));
    expect(sys(k, p, NR.connect, c, SCRATCH, 7)).toBe(-ECONNREFUSED);
  });
});

describe('SCM_RIGHTS where qemu departs from Linux', () => {
  it('a cmsg_len below sizeof(struct cmsghdr) is EINVAL', () => {
    const { k, p } = boot();
    put(p, 0x1000, [0, 0, 0, 0, 0, 0, 0, 0]);
    sys(k, p, NR.socketpair, AF_UNIX, SOCK_STREAM, 0, SCRATCH + 0x1000);
    const a = i32At(p, 0x1000);
    put(p, 0x2000, bytes('F'));
    msghdr(p, 0, { base: SCRATCH + 0x2000, len: 1 }, cmsgRights([0], 8), 24);
    expect(sys(k, p, NR.sendmsg, a, SCRATCH, 0)).toBe(-EINVAL);
  });

  it('descriptors that do not fit set MSG_CTRUNC and are closed', () => {
    const { k, p } = boot();
    sys(k, p, NR.socketpair, AF_UNIX, SOCK_STREAM, 0, SCRATCH + 0x1000);
    const a = i32At(p, 0x1000);
    const b = i32At(p, 0x1004);
    const ev = sys(k, p, NR.eventfd2, 0, 0);
    const file = p.fds.get(ev)!.file;
    put(p, 0x2000, bytes('F'));
    msghdr(p, 0, { base: SCRATCH + 0x2000, len: 1 }, cmsgRights([ev, ev]));
    expect(sys(k, p, NR.sendmsg, a, SCRATCH, 0)).toBe(1);
    expect(file.refs).toBe(3);
    msghdr(p, 0x400, { base: SCRATCH + 0x3000, len: 8 }, new Uint8Array(20), 20);
    expect(sys(k, p, NR.recvmsg, b, SCRATCH + 0x400, 0)).toBe(1);
    expect(i32At(p, 0x400 + 48) & 8).toBe(8); // MSG_CTRUNC
    expect(Number(new DataView(get(p, 0x400 + 40, 8).slice().buffer).getBigUint64(0, true))).toBe(20);
    expect(file.refs).toBe(2); // one installed, one closed
  });
});

describe('where qemu-aarch64 7.2 falls short of Linux', () => {
  it('pwritev2 with RWF_APPEND writes at the end, with RWF_DSYNC where asked (qemu: EOPNOTSUPP for any flag)', () => {
    const { k, p, fs } = boot();
    fs.writeFile('/tmp/f', bytes('abcdef'), 0o644);
    put(p, 0, bytes('/tmp/f\0'));
    const fd = sys(k, p, NR.openat, -100, SCRATCH, 2 /* O_RDWR */, 0);
    put(p, 64, bytes('XY'));
    const iov = new Uint8Array(16);
    new DataView(iov.buffer).setBigUint64(0, BigInt(SCRATCH + 64), true);
    new DataView(iov.buffer).setBigUint64(8, 2n, true);
    put(p, 32, iov);
    expect(sys(k, p, NR.pwritev2, fd, SCRATCH + 32, 1, 0, 0, 16 /* RWF_APPEND */)).toBe(2);
    expect(sys(k, p, NR.pwritev2, fd, SCRATCH + 32, 1, 1, 0, 2 /* RWF_DSYNC */)).toBe(2);
    expect(new TextDecoder().decode(fs.readFile('/tmp/f'))).toBe('aXYdefXY');
    expect(sys(k, p, NR.pwritev2, fd, SCRATCH + 32, 1, 0, 0, 0x100)).toBe(-EOPNOTSUPP);
  });

  it('fchmodat2 with AT_SYMLINK_NOFOLLOW changes a file, and not a symbolic link (qemu: ENOSYS)', () => {
    const { k, p, fs } = boot();
    fs.writeFile('/tmp/f', bytes('x'), 0o644);
    expect(fs.symlink('f', '/tmp/l')).toBe(0);
    put(p, 0, bytes('/tmp/l\0'));
    expect(sys(k, p, NR.fchmodat2, -100, SCRATCH, 0o600, 0x100 /* AT_SYMLINK_NOFOLLOW */)).toBe(-EOPNOTSUPP);
    put(p, 0, bytes('/tmp/f\0'));
    expect(sys(k, p, NR.fchmodat2, -100, SCRATCH, 0o600, 0x100)).toBe(0);
    expect((fs.stat('/tmp/f', true) as Stat).mode & 0o7777).toBe(0o600);
    expect(sys(k, p, NR.fchmodat2, -100, SCRATCH, 0o600, 0x4)).toBe(-EINVAL);
  });
});

describe('other Linux details', () => {
  it('ppoll: more descriptors than RLIMIT_NOFILE is EINVAL (qemu says EFAULT)', () => {
    const { k, p } = boot();
    expect(sys(k, p, NR.ppoll, SCRATCH, 2000, 0, 0, 8)).toBe(-EINVAL);
  });

  it('epoll_ctl refuses regular files (a memfd) with EPERM', () => {
    const { k, p } = boot();
    const ep = sys(k, p, NR.epoll_create1, 0);
    put(p, 0, bytes('m\0'));
    const m = sys(k, p, NR.memfd_create, SCRATCH, 0);
    put(p, 16, [1, 0, 0, 0, 0, 0, 0, 0, ...u64(5)]);
    expect(sys(k, p, NR.epoll_ctl, ep, 1, m, SCRATCH + 16)).toBe(-EPERM);
  });

  it('memfd shows as /memfd:NAME (deleted) in /proc/self/fd', () => {
    const { k, p } = boot();
    put(p, 0, bytes('cache\0'));
    const m = sys(k, p, NR.memfd_create, SCRATCH, 1);
    expect(p.fds.get(m)!.cloexec).toBe(true);
    put(p, 64, bytes(`/proc/self/fd/${m}\0`));
    const n = sys(k, p, NR.readlinkat, -100, SCRATCH + 64, SCRATCH + 128, 100);
    expect(new TextDecoder().decode(get(p, 128, n))).toBe('/memfd:cache (deleted)');
  });

  it('strace decodes socket arguments as qemu does', () => {
    const { k, p } = boot();
    const def = syscallByNumber(NR.socket)!;
    expect(formatSyscallEntry(NR.socket, def, ctx(k, p, [AF_UNIX, SOCK_STREAM | 0o2000000 | 0o4000, 0]))).toBe(
      `${p.pid} socket(PF_UNIX,SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC,0)`,
    );
    put(p, 0, sockaddr('/tmp/x'));
    expect(formatSyscallEntry(NR.bind, syscallByNumber(NR.bind)!, ctx(k, p, [3, SCRATCH, 9]))).toBe(
      `${p.pid} bind(3,{sun_family=AF_UNIX,sun_path="/tmp/x"},9)`,
    );
    put(p, 0, [1, 0, 0, ...bytes('abs')]);
    expect(formatSyscallEntry(NR.connect, syscallByNumber(NR.connect)!, ctx(k, p, [3, SCRATCH, 6]))).toBe(
      `${p.pid} connect(3,{sun_family=AF_UNIX,sun_path=@"abs"},6)`,
    );
  });
});
