/**
 * The filesystem interface the kernel talks to. Backends (in-memory, host, /dev, /proc) implement
 * `FsBackend` over paths relative to their mount point; the kernel never knows which one it has.
 *
 * Every operation returns its result or a negative Linux errno (a number), never throws for a
 * guest-caused error. Flags and modes are Linux's values (see linux/abi.ts), never the host's.
 */

/** File type bits of st_mode (Linux values). */
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

/** poll(2) event bits (Linux values). */
export const POLLIN = 0x1;
export const POLLPRI = 0x2;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const POLLNVAL = 0x20;
export const POLLRDNORM = 0x40;
export const POLLWRNORM = 0x100;
export const POLLRDHUP = 0x2000;

/** A negative errno. */
export type Err = number;

export interface Stat {
  dev: number;
  ino: number;
  mode: number; // type | permission bits
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number; // 512-byte blocks
  atimeNs: number; // nanoseconds since the epoch (a double: ms precision is fine above 2^53)
  mtimeNs: number;
  ctimeNs: number;
  /**
   * The same times to the nanosecond, as seconds and nanoseconds (atime, mtime, ctime), where the
   * backend knows them exactly (the host's files): what stat(2) reports when present.
   */
  exactTimes?: readonly [number, number, number, number, number, number];
}

export interface Dirent {
  name: string;
  ino: number;
  /** DT_* type: DT_REG 8, DT_DIR 4, DT_LNK 10, DT_CHR 2, DT_FIFO 1, DT_SOCK 12, DT_BLK 6, DT_UNKNOWN 0 */
  type: number;
}

/**
 * An open file as a backend sees it. Offsets belong to the kernel's open file description;
 * backends get explicit positions. `pos` is ignored by non-seekable files (pipes, terminals).
 */
export interface FileHandle {
  readonly seekable: boolean;
  /** Reads up to buf.length bytes at pos; returns bytes read (0 at EOF) or -errno. */
  read(buf: Uint8Array, pos: number): number;
  /** Writes buf at pos (ignored when appending: the kernel passes the size); returns bytes written or -errno. */
  write(buf: Uint8Array, pos: number): number;
  stat(): Stat | Err;
  truncate(len: number): number;
  sync(): number;
  close(): void;
  /** Directory entries (for getdents64) when this is a directory. */
  readdir?(): Dirent[] | Err;
  /** Terminal and device control; return -ENOTTY when not supported. */
  ioctl?(req: number, arg: number, io: IoctlMemory): number;
  /** Bytes that can be read without blocking (FIONREAD), if known. */
  available?(): number;
  /**
   * Readiness for poll/select/epoll as POLL* bits (POLLIN, POLLOUT, POLLERR, POLLHUP...). Files
   * without it are always ready for reading and writing, like regular files. read/write of a
   * file that is not ready return -EAGAIN; the kernel then blocks the calling thread unless the
   * descriptor is O_NONBLOCK, and retries when something may have changed.
   */
  poll?(): number;
  /** fchmod of a file with no path (memfd); others are changed through their path. */
  chmod?(mode: number): number;
  /** For files that become ready with time (timerfd): the monotonic ns when they next will. */
  readyAtNs?(): number;
  /** true if this file is a terminal */
  readonly isTty?: boolean;
  /** A path for /proc/self/fd links and maps, if any. */
  readonly path?: string;
}

/** What an ioctl may use to read and write guest memory. */
export interface IoctlMemory {
  read(addr: number, len: number): Uint8Array | null;
  write(addr: number, data: Uint8Array): boolean;
}

export interface FsBackend {
  /** Name shown in /proc/self/mounts etc. */
  readonly kind: string;
  /** stat (follow=true) or lstat (follow=false) */
  stat(path: string, follow: boolean): Stat | Err;
  /** Opens with Linux O_* flags (O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW...). */
  open(path: string, flags: number, mode: number): FileHandle | Err;
  mkdir(path: string, mode: number): number;
  rmdir(path: string): number;
  unlink(path: string): number;
  rename(from: string, to: string, flags: number): number;
  symlink(target: string, path: string): number;
  readlink(path: string): string | Err;
  link(from: string, to: string): number;
  chmod(path: string, mode: number): number;
  chown?(path: string, uid: number, gid: number, follow: boolean): number;
  /** Makes a FIFO or socket node (mode holds S_IFIFO or S_IFSOCK); backends without it cannot. */
  mknod?(path: string, mode: number, rdev: number): number;
  utimes(path: string, atimeNs: number | null, mtimeNs: number | null, follow: boolean): number;
  truncate(path: string, len: number): number;
  readdir(path: string): Dirent[] | Err;
  /** Linux access(2) mode bits: R_OK 4, W_OK 2, X_OK 1, F_OK 0 */
  access(path: string, mode: number): number;
  /** Resolves a path to a canonical absolute form within the backend, following symlinks, if it can. */
  realpath?(path: string): string | Err;
}
