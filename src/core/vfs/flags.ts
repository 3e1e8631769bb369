/**
 * Linux's open(2), rename(2) and access(2) flag values as aarch64 sees them (asm-generic, with
 * arm64's own O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE). Never the host's fs.constants.
 * linux/abi.ts re-exports these for the syscall layer.
 */

// open(2): access mode
export const O_ACCMODE = 0o3;
export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;

// open(2): creation and status flags
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_NDELAY = O_NONBLOCK;
export const O_DSYNC = 0o10000;
export const O_ASYNC = 0o20000; // FASYNC
export const O_DIRECTORY = 0o40000; // arm64: 0x4000
export const O_NOFOLLOW = 0o100000; // arm64: 0x8000
export const O_DIRECT = 0o200000; // arm64
export const O_LARGEFILE = 0o400000; // arm64
export const O_NOATIME = 0o1000000;
export const O_CLOEXEC = 0o2000000;
export const __O_SYNC = 0o4000000;
export const O_SYNC = __O_SYNC | O_DSYNC;
export const O_PATH = 0o10000000;
export const __O_TMPFILE = 0o20000000;
export const O_TMPFILE = __O_TMPFILE | O_DIRECTORY;

// renameat2(2)
export const RENAME_NOREPLACE = 1;
export const RENAME_EXCHANGE = 2;
export const RENAME_WHITEOUT = 4;

// access(2)
export const F_OK = 0;
export const X_OK = 1;
export const W_OK = 2;
export const R_OK = 4;

/** The d_type of a getdents64 entry (DT_* in linux/abi.ts) for an st_mode: Linux's (mode >> 12) & 15. */
export function dtFromMode(mode: number): number {
  return (mode >>> 12) & 15;
}
