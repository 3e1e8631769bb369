/** -strace output in qemu-user's format: `PID name(arg,arg,...) = result`. */
import { AF_INET, AF_INET6, inetText } from '../vfs/inet.js';
import { utf8Decode } from '../util/utf8.js';
import {
  AT_FDCWD, CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID, CLONE_FILES, CLONE_FS, CLONE_PARENT, CLONE_PARENT_SETTID,
  CLONE_PIDFD, CLONE_SETTLS, CLONE_SIGHAND, CLONE_SYSVSEM, CLONE_THREAD, CLONE_VFORK, CLONE_VM, MAP_ANONYMOUS, MAP_FIXED,
  MAP_FIXED_NOREPLACE, MAP_NORESERVE, MAP_PRIVATE, MAP_SHARED, MAP_STACK,
  O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_TRUNC,
  SIG,
} from './abi.js';
import { errnoNames, errnoText } from './errno.js';
import type { ArgKind, SyscallContext, SyscallDef } from './syscalls.js';
import { syscallName } from './syscalls.js';

const hex = (v: number) => '0x' + v.toString(16);
const hex16 = (v: number) => '0x' + v.toString(16).padStart(16, '0');

function flagNames(v: number, table: [number, string][], zero = '0'): string {
  const out: string[] = [];
  let rest = v;
  for (const [bit, name] of table) {
    if (bit !== 0 && (v & bit) === bit) {
      out.push(name);
      rest &= ~bit;
    }
  }
  if (rest) out.push(hex(rest >>> 0));
  return out.length ? out.join('|') : zero;
}

const OFLAGS: [number, string][] = [
  [O_CREAT, 'O_CREAT'], [O_EXCL, 'O_EXCL'], [O_NOCTTY, 'O_NOCTTY'], [O_TRUNC, 'O_TRUNC'], [O_APPEND, 'O_APPEND'],
  [O_NONBLOCK, 'O_NONBLOCK'], [O_DIRECTORY, 'O_DIRECTORY'], [O_NOFOLLOW, 'O_NOFOLLOW'], [O_CLOEXEC, 'O_CLOEXEC'],
  [O_PATH, 'O_PATH'],
];
const PROT: [number, string][] = [[1, 'PROT_READ'], [2, 'PROT_WRITE'], [4, 'PROT_EXEC']];
const MAPF: [number, string][] = [
  [MAP_SHARED, 'MAP_SHARED'], [MAP_PRIVATE, 'MAP_PRIVATE'], [MAP_FIXED, 'MAP_FIXED'], [MAP_ANONYMOUS, 'MAP_ANONYMOUS'],
  [MAP_NORESERVE, 'MAP_NORESERVE'], [MAP_STACK, 'MAP_STACK'], [MAP_FIXED_NOREPLACE, 'MAP_FIXED_NOREPLACE'],
];
const ATF: [number, string][] = [[0x100, 'AT_SYMLINK_NOFOLLOW'], [0x200, 'AT_REMOVEDIR'], [0x400, 'AT_SYMLINK_FOLLOW'], [0x1000, 'AT_EMPTY_PATH']];
const CLOCKS = ['CLOCK_REALTIME', 'CLOCK_MONOTONIC', 'CLOCK_PROCESS_CPUTIME_ID', 'CLOCK_THREAD_CPUTIME_ID', 'CLOCK_MONOTONIC_RAW', 'CLOCK_REALTIME_COARSE', 'CLOCK_MONOTONIC_COARSE', 'CLOCK_BOOTTIME'];
const SIGNAMES: Record<number, string> = Object.fromEntries(Object.entries(SIG).map(([k, v]) => [v, k]));

function quote(b: Uint8Array, max = 32): string {
  let s = '"';
  for (const ch of utf8Decode(b.subarray(0, max))) {
    if (ch === '"' || ch === '\\') s += '\\' + ch;
    else if (ch === '\n') s += '\\n';
    else if (ch === '\t') s += '\\t';
    else if (ch < ' ' || ch === '\x7f') s += '\\' + ch.charCodeAt(0).toString(8);
    else s += ch;
  }
  return s + '"' + (b.length > max ? '...' : '');
}

const CLONEF: [number, string][] = [
  [CLONE_VM, 'CLONE_VM'], [CLONE_FS, 'CLONE_FS'], [CLONE_FILES, 'CLONE_FILES'], [CLONE_SIGHAND, 'CLONE_SIGHAND'],
  [CLONE_PIDFD, 'CLONE_PIDFD'], [CLONE_VFORK, 'CLONE_VFORK'], [CLONE_PARENT, 'CLONE_PARENT'], [CLONE_THREAD, 'CLONE_THREAD'],
  [CLONE_SYSVSEM, 'CLONE_SYSVSEM'], [CLONE_SETTLS, 'CLONE_SETTLS'], [CLONE_PARENT_SETTID, 'CLONE_PARENT_SETTID'],
  [CLONE_CHILD_CLEARTID, 'CLONE_CHILD_CLEARTID'], [CLONE_CHILD_SETTID, 'CLONE_CHILD_SETTID'],
];
const WAITF: [number, string][] = [[1, 'WNOHANG'], [2, 'WUNTRACED'], [4, 'WEXITED'], [8, 'WCONTINUED'], [0x01000000, 'WNOWAIT'], [0x40000000, '__WALL']];
const FUTEX_OPS = ['FUTEX_WAIT', 'FUTEX_WAKE', 'FUTEX_FD', 'FUTEX_REQUEUE', 'FUTEX_CMP_REQUEUE', 'FUTEX_WAKE_OP', 'FUTEX_LOCK_PI', 'FUTEX_UNLOCK_PI', 'FUTEX_TRYLOCK_PI', 'FUTEX_WAIT_BITSET', 'FUTEX_WAKE_BITSET'];

function sigsetText(c: SyscallContext, addr: number): string {
  const raw = c.mem.read(addr, 8);
  if (!raw) return hex(addr);
  const v = new DataView(raw.buffer);
  const lo = v.getUint32(0, true);
  const hi = v.getUint32(4, true);
  const names: string[] = [];
  for (let s = 1; s <= 64; s++) if ((s <= 32 ? lo >>> (s - 1) : hi >>> (s - 33)) & 1) names.push((SIGNAMES[s] ?? `${s}`).replace(/^SIG/, ''));
  return `[${names.join(' ')}]`;
}

function strvText(c: SyscallContext, addr: number): string {
  const items: string[] = [];
  for (let i = 0; i < 32; i++) {
    const ptr = c.mem.u64(addr + i * 8);
    if (ptr === null) return hex(addr);
    if (ptr === 0) return `[${items.join(',')}]`;
    const b = c.mem.readCString(ptr, 4096);
    items.push(b ? quote(b, 64) : hex(ptr));
  }
  return `[${items.join(',')},...]`;
}

/** ioctl requests by number (asm-generic, as arm64 uses them), printed by name as qemu does */
const IOCTLS: Record<number, string> = {
  0x5401: 'TCGETS', 0x5402: 'TCSETS', 0x5403: 'TCSETSW', 0x5404: 'TCSETSF', 0x5405: 'TCGETA', 0x5406: 'TCSETA',
  0x5407: 'TCSETAW', 0x5408: 'TCSETAF', 0x5409: 'TCSBRK', 0x540a: 'TCXONC', 0x540b: 'TCFLSH', 0x540c: 'TIOCEXCL',
  0x540d: 'TIOCNXCL', 0x540e: 'TIOCSCTTY', 0x540f: 'TIOCGPGRP', 0x5410: 'TIOCSPGRP', 0x5411: 'TIOCOUTQ',
  0x5412: 'TIOCSTI', 0x5413: 'TIOCGWINSZ', 0x5414: 'TIOCSWINSZ', 0x5415: 'TIOCMGET', 0x5416: 'TIOCMBIS',
  0x5417: 'TIOCMBIC', 0x5418: 'TIOCMSET', 0x541b: 'FIONREAD', 0x541c: 'TIOCLINUX', 0x541d: 'TIOCCONS',
  0x5420: 'TIOCPKT', 0x5421: 'FIONBIO', 0x5422: 'TIOCNOTTY', 0x5423: 'TIOCSETD', 0x5424: 'TIOCGETD',
  0x5425: 'TCSBRKP', 0x5427: 'TIOCSBRK', 0x5428: 'TIOCCBRK', 0x5429: 'TIOCGSID', 0x802c542a: 'TCGETS2',
  0x402c542b: 'TCSETS2', 0x80045430: 'TIOCGPTN', 0x40045431: 'TIOCSPTLCK', 0x5441: 'TIOCGPTPEER',
  0x5450: 'FIONCLEX', 0x5451: 'FIOCLEX', 0x5452: 'FIOASYNC', 0x5460: 'FIOQSIZE',
};

/** fcntl commands by number */
const FCNTLS: Record<number, string> = {
  0: 'F_DUPFD', 1: 'F_GETFD', 2: 'F_SETFD', 3: 'F_GETFL', 4: 'F_SETFL', 5: 'F_GETLK', 6: 'F_SETLK', 7: 'F_SETLKW',
  8: 'F_SETOWN', 9: 'F_GETOWN', 10: 'F_SETSIG', 11: 'F_GETSIG', 36: 'F_OFD_GETLK', 37: 'F_OFD_SETLK',
  38: 'F_OFD_SETLKW', 1024: 'F_SETLEASE', 1025: 'F_GETLEASE', 1026: 'F_NOTIFY', 1030: 'F_DUPFD_CLOEXEC',
  1031: 'F_SETPIPE_SZ', 1032: 'F_GETPIPE_SZ', 1033: 'F_ADD_SEALS', 1034: 'F_GET_SEALS',
};

/** F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE, F_GETPIPE_SZ, F_GET_SEALS */
const FCNTL_NO_ARG = new Set([1, 3, 9, 11, 1025, 1032, 1034]);

const SOCK_FAMILIES: Record<number, string> = { 0: 'PF_UNSPEC', 1: 'PF_UNIX', 2: 'PF_INET', 10: 'PF_INET6', 16: 'PF_NETLINK', 17: 'PF_PACKET' };
const SOCK_TYPES = ['0', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET'];

function socktypeText(v: number): string {
  const parts = [SOCK_TYPES[v & 0xf] ?? String(v & 0xf)];
  if (v & O_NONBLOCK) parts.push('SOCK_NONBLOCK');
  if (v & O_CLOEXEC) parts.push('SOCK_CLOEXEC');
  const rest = v & ~0xf & ~O_NONBLOCK & ~O_CLOEXEC;
  if (rest) parts.push(hex(rest >>> 0));
  return parts.join('|');
}

/** a struct sockaddr of `len` bytes, as qemu prints AF_UNIX ones (abstract names with a leading @) */
function sockaddrText(c: SyscallContext, addr: number, len: number): string {
  const raw = len >= 2 && len <= 128 ? c.mem.read(addr, len) : null;
  if (!raw) return hex(addr);
  const family = raw[0]! | (raw[1]! << 8);
  if ((family === AF_INET && len >= 16) || (family === AF_INET6 && len >= 24)) return inetText(raw);
  if (family !== 1) return `{sa_family=${family}}`;
  let path = raw.subarray(2);
  const abstract = path.length > 0 && path[0] === 0;
  if (abstract) path = path.subarray(1);
  else if (path.indexOf(0) >= 0) path = path.subarray(0, path.indexOf(0));
  return `{sun_family=AF_UNIX,sun_path=${abstract ? '@' : ''}${quote(path, 108)}}`;
}

function formatArg(kind: ArgKind, i: number, c: SyscallContext): string {
  const u = c.u(i);
  switch (kind) {
    case 'int':
    case 'fd':
      return String(c.i(i));
    case 'dirfd':
      return c.i(i) === AT_FDCWD ? 'AT_FDCWD' : String(c.i(i));
    case 'uint':
    case 'size':
      return String(u);
    case 'off':
      return String(c.s(i));
    case 'hex':
      return hex(u);
    case 'ioctl':
      return IOCTLS[c.ui(i)] ?? hex(c.ui(i));
    case 'fcntl':
      return FCNTLS[c.i(i)] ?? String(c.i(i));
    case 'ptr':
    case 'rbuf':
    case 'wbuf':
      return u === 0 ? 'NULL' : hex(u);
    case 'strv':
      return u === 0 ? 'NULL' : strvText(c, u);
    case 'sigset':
      return u === 0 ? 'NULL' : sigsetText(c, u);
    case 'sighow':
      return ['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'][c.i(i)] ?? String(c.i(i));
    case 'cloneflags': {
      const v = c.u(i);
      const sig = v % 256;
      const rest = flagNames(Math.floor(v / 256) * 256 % 2 ** 32 | 0, CLONEF, '');
      const sigName = sig ? SIGNAMES[sig] ?? String(sig) : '';
      return [rest, sigName].filter(Boolean).join('|') || '0';
    }
    case 'waitopts':
      return flagNames(c.i(i), WAITF);
    case 'futexop': {
      const v = c.i(i);
      const name = FUTEX_OPS[v & 127] ?? String(v & 127);
      return name + (v & 128 ? '_PRIVATE' : '') + (v & 256 ? '|FUTEX_CLOCK_REALTIME' : '');
    }
    case 'path': {
      if (u === 0) return 'NULL';
      const b = c.mem.readCString(u, 4096);
      return b ? quote(b, 4096) : hex(u);
    }
    case 'oflags': {
      const v = c.i(i);
      const acc = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'][v & O_ACCMODE]!;
      const rest = flagNames(v & ~O_ACCMODE, OFLAGS, '');
      return rest ? `${acc}|${rest}` : acc;
    }
    case 'mode':
      return '0' + (c.i(i) >>> 0).toString(8);
    case 'prot':
      return flagNames(c.i(i), PROT, 'PROT_NONE');
    case 'mapflags':
      return flagNames(c.i(i), MAPF);
    case 'atflags':
      return flagNames(c.i(i), ATF);
    case 'signal':
      return SIGNAMES[c.i(i)] ?? String(c.i(i));
    case 'clock':
      return CLOCKS[c.i(i)] ?? String(c.i(i));
    case 'sockfam':
      return SOCK_FAMILIES[c.i(i)] ?? String(c.i(i));
    case 'socktype':
      return socktypeText(c.i(i));
    case 'sockaddr':
      return u === 0 ? 'NULL' : sockaddrText(c, u, c.i(i + 1));
    case 'whence':
      return ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'][c.i(i)] ?? String(c.i(i));
  }
}

export function formatSyscallEntry(nr: number, def: SyscallDef | undefined, c: SyscallContext): string {
  if (!def) return `${c.t.tid} ${syscallName(nr)}(${[0, 1, 2, 3, 4, 5].map((i) => hex(c.u(i))).join(',')})`;
  let args = def.args;
  // the fcntl commands that take no argument show none, as qemu prints them
  if (def.name === 'fcntl' && FCNTL_NO_ARG.has(c.i(1))) args = args.slice(0, 2);
  return `${c.t.tid} ${def.name}(${args.map((k, i) => formatArg(k, i, c)).join(',')})`;
}

export function formatSyscallResult(ret: number, def: SyscallDef | undefined): string {
  if (ret < 0 && ret >= -4095) {
    const e = -ret;
    return ` = -1 errno=${e} (${errnoText[e] ?? errnoNames[e] ?? 'Unknown error'})`;
  }
  if (def && (def.name === 'mmap' || def.name === 'brk' || def.name === 'mremap')) return ` = ${hex16(ret)}`;
  return ` = ${ret}`;
}
