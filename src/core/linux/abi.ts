/**
 * Guest ABI: Linux's constants and struct layouts for aarch64 (asm-generic), in one place.
 * Never use the host's values for any of these.
 */
import type { Stat } from '../vfs/types.js';

export * from '../vfs/flags.js';

export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_REMOVEDIR = 0x200;
export const AT_SYMLINK_FOLLOW = 0x400;
export const AT_NO_AUTOMOUNT = 0x800;
export const AT_EMPTY_PATH = 0x1000;
export const AT_EACCESS = 0x200;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export const SEEK_DATA = 3;
export const SEEK_HOLE = 4;

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_GETLK = 5;
export const F_SETLK = 6;
export const F_SETLKW = 7;
export const F_OFD_GETLK = 36;
export const F_OFD_SETLK = 37;
export const F_OFD_SETLKW = 38;
export const F_DUPFD_CLOEXEC = 1030;
export const F_GETPIPE_SZ = 1032;
export const FD_CLOEXEC = 1;
/** struct flock (aarch64): l_type short@0, l_whence short@2, l_start@8, l_len@16, l_pid int@24 */
export const FLOCK_SIZE = 32;
/** flock(2) operations */
export const LOCK_SH = 1;
export const LOCK_EX = 2;
export const LOCK_NB = 4;
export const LOCK_UN = 8;
export const LOCK_MAND = 32;

export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_GROWSDOWN = 0x100;
export const MAP_DENYWRITE = 0x800;
export const MAP_NORESERVE = 0x4000;
export const MAP_POPULATE = 0x8000;
export const MAP_STACK = 0x20000;
export const MAP_FIXED_NOREPLACE = 0x100000;
export const MREMAP_MAYMOVE = 1;
export const MREMAP_FIXED = 2;
export const MREMAP_DONTUNMAP = 4;

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_REALTIME_COARSE = 5;
export const CLOCK_MONOTONIC_COARSE = 6;
export const CLOCK_BOOTTIME = 7;
export const TIMER_ABSTIME = 1;

export const GRND_NONBLOCK = 1;
export const GRND_RANDOM = 2;

export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const FIONREAD = 0x541b;
export const FIONBIO = 0x5421;
export const FIOCLEX = 0x5451;
export const FIONCLEX = 0x5450;

export const RLIMIT_CPU = 0;
export const RLIMIT_FSIZE = 1;
export const RLIMIT_DATA = 2;
export const RLIMIT_STACK = 3;
export const RLIMIT_CORE = 4;
export const RLIMIT_NOFILE = 7;
export const RLIMIT_AS = 9;
export const RLIM_INFINITY = -1; // all ones

export const DT_UNKNOWN = 0;
export const DT_FIFO = 1;
export const DT_CHR = 2;
export const DT_DIR = 4;
export const DT_BLK = 6;
export const DT_REG = 8;
export const DT_LNK = 10;
export const DT_SOCK = 12;

export const STATX_BASIC_STATS = 0x7ff;

/** Signal numbers (asm-generic). */
export const SIG = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17,
  SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
  SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
} as const;

/** What a shell prints when a process dies of a signal, and whether it dumps core. */
export const signalDescriptions: Record<number, [string, boolean]> = {
  1: ['Hangup', false],
  2: ['', false],
  3: ['Quit', true],
  4: ['Illegal instruction', true],
  5: ['Trace/breakpoint trap', true],
  6: ['Aborted', true],
  7: ['Bus error', true],
  8: ['Floating point exception', true],
  9: ['Killed', false],
  10: ['User defined signal 1', false],
  11: ['Segmentation fault', true],
  12: ['User defined signal 2', false],
  13: ['', false],
  14: ['Alarm clock', false],
  15: ['Terminated', false],
  16: ['Stack fault', false],
  24: ['CPU time limit exceeded', true],
  25: ['File size limit exceeded', true],
  26: ['Virtual timer expired', false],
  27: ['Profiling timer expired', false],
  29: ['I/O possible', false],
  30: ['Power failure', false],
  31: ['Bad system call', true],
};

/** Little-endian writer for guest structs. */
export class StructWriter {
  readonly bytes: Uint8Array;
  private readonly dv: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.dv = new DataView(this.bytes.buffer);
  }
  u8(off: number, v: number): this {
    this.bytes[off] = v;
    return this;
  }
  u16(off: number, v: number): this {
    this.dv.setUint16(off, v, true);
    return this;
  }
  u32(off: number, v: number): this {
    this.dv.setUint32(off, v >>> 0, true);
    return this;
  }
  i32(off: number, v: number): this {
    this.dv.setInt32(off, v, true);
    return this;
  }
  /** 64-bit from a JS number (negative values are two's complement). */
  u64(off: number, v: number): this {
    if (v < 0) {
      const m = -v;
      let lo = m % 4294967296;
      let hi = Math.floor(m / 4294967296);
      lo = (~lo + 1) >>> 0;
      hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
      this.dv.setUint32(off, lo, true);
      this.dv.setUint32(off + 4, hi, true);
    } else {
      this.dv.setUint32(off, v % 4294967296, true);
      this.dv.setUint32(off + 4, Math.floor(v / 4294967296), true);
    }
    return this;
  }
  str(off: number, s: Uint8Array): this {
    this.bytes.set(s, off);
    return this;
  }
}

/** Little-endian reader for guest structs. */
export class StructReader {
  private readonly dv: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(off: number): number {
    return this.dv.getUint16(off, true);
  }
  u32(off: number): number {
    return this.dv.getUint32(off, true);
  }
  i32(off: number): number {
    return this.dv.getInt32(off, true);
  }
  /** signed 64-bit as a JS number */
  i64(off: number): number {
    return this.dv.getInt32(off + 4, true) * 4294967296 + this.dv.getUint32(off, true);
  }
  u64(off: number): number {
    return this.dv.getUint32(off + 4, true) * 4294967296 + this.dv.getUint32(off, true);
  }
}

const NS = 1e9;
const secs = (ns: number) => Math.floor(ns / NS);
const nsecs = (ns: number) => Math.round(ns - Math.floor(ns / NS) * NS) % NS;

/** A stat's atime, mtime and ctime as [seconds, nanoseconds] each: exact where the backend knows them. */
function statTimes(st: Stat): readonly [number, number, number, number, number, number] {
  if (st.exactTimes) return st.exactTimes;
  return [secs(st.atimeNs), nsecs(st.atimeNs), secs(st.mtimeNs), nsecs(st.mtimeNs), secs(st.ctimeNs), nsecs(st.ctimeNs)];
}

/** struct stat (asm-generic, 128 bytes). */
export function encodeStat(st: Stat): Uint8Array {
  const w = new StructWriter(128);
  w.u64(0, st.dev).u64(8, st.ino).u32(16, st.mode).u32(20, st.nlink).u32(24, st.uid).u32(28, st.gid);
  w.u64(32, st.rdev).u64(48, st.size).i32(56, st.blksize).u64(64, st.blocks);
  const [as, an, ms, mn, cs, cn] = statTimes(st);
  w.u64(72, as).u64(80, an);
  w.u64(88, ms).u64(96, mn);
  w.u64(104, cs).u64(112, cn);
  return w.bytes;
}

/** struct statx (256 bytes). */
export function encodeStatx(st: Stat): Uint8Array {
  const w = new StructWriter(256);
  w.u32(0, STATX_BASIC_STATS).u32(4, st.blksize).u32(16, st.nlink).u32(20, st.uid).u32(24, st.gid);
  w.u16(28, st.mode).u64(32, st.ino).u64(40, st.size).u64(48, st.blocks);
  const [as, an, ms, mn, cs, cn] = statTimes(st);
  const ts = (off: number, sec: number, nsec: number) => w.u64(off, sec).u32(off + 8, nsec);
  ts(64, as, an);
  ts(80, cs, cn); // btime: not tracked, report ctime (mask says it's absent)
  ts(96, cs, cn);
  ts(112, ms, mn);
  w.u32(128, Math.floor(st.rdev / 256) & 0xfff).u32(132, st.rdev & 0xff);
  w.u32(136, Math.floor(st.dev / 256) & 0xfff).u32(140, st.dev & 0xff);
  return w.bytes;
}

export function encodeTimespec(ns: number): Uint8Array {
  return new StructWriter(16).u64(0, secs(ns)).u64(8, nsecs(ns)).bytes;
}

export function encodeTimeval(ns: number): Uint8Array {
  return new StructWriter(16).u64(0, secs(ns)).u64(8, Math.floor(nsecs(ns) / 1000)).bytes;
}

/** clone(2) flags (the low byte is the exit signal) */
export const CLONE_VM = 0x100;
export const CLONE_FS = 0x200;
export const CLONE_FILES = 0x400;
export const CLONE_SIGHAND = 0x800;
export const CLONE_PIDFD = 0x1000;
export const CLONE_PTRACE = 0x2000;
export const CLONE_VFORK = 0x4000;
export const CLONE_PARENT = 0x8000;
export const CLONE_THREAD = 0x10000;
export const CLONE_SYSVSEM = 0x40000;
export const CLONE_SETTLS = 0x80000;
export const CLONE_PARENT_SETTID = 0x100000;
export const CLONE_CHILD_CLEARTID = 0x200000;
export const CLONE_CHILD_SETTID = 0x1000000;
