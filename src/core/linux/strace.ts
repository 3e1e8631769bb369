/** -strace output in qemu-user's format: `PID name(arg,arg,...) = result`. */
import { utf8Decode } from '../util/utf8.js';
import {
  AT_FDCWD, MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_NORESERVE, MAP_PRIVATE, MAP_SHARED, MAP_STACK,
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
    case 'ioctl':
      return hex(u);
    case 'fcntl':
      return String(c.i(i));
    case 'ptr':
    case 'rbuf':
    case 'wbuf':
    case 'strv':
      return u === 0 ? 'NULL' : hex(u);
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
    case 'whence':
      return ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'][c.i(i)] ?? String(c.i(i));
  }
}

export function formatSyscallEntry(nr: number, def: SyscallDef | undefined, c: SyscallContext): string {
  if (!def) return `${c.t.tid} ${syscallName(nr)}(${[0, 1, 2, 3, 4, 5].map((i) => hex(c.u(i))).join(',')})`;
  return `${c.t.tid} ${def.name}(${def.args.map((k, i) => formatArg(k, i, c)).join(',')})`;
}

export function formatSyscallResult(ret: number, def: SyscallDef | undefined): string {
  if (ret < 0 && ret >= -4095) {
    const e = -ret;
    return ` = -1 errno=${e} (${errnoText[e] ?? errnoNames[e] ?? 'Unknown error'})`;
  }
  if (def && (def.name === 'mmap' || def.name === 'brk' || def.name === 'mremap')) return ` = ${hex16(ret)}`;
  return ` = ${ret}`;
}
